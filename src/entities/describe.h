/* Entities, part 5: predicate nominals and appositions as mentions of the
 * name they describe (see describe.c). */
#ifndef NG_ENTITIES_DESCRIBE_H
#define NG_ENTITIES_DESCRIBE_H

#include "entities/ner.h"
#include "syntax/cache.h"
#include "text/text.h"

/* Adds to x a nominal mention, linked to the name it describes, for each
 * predicate nominal and apposition of a linked name, and puts the mentions
 * back in text order (the links between mentions follow). Sentences are
 * parsed through pc, the article's parse cache. Returns 0, or
 * NG_ENOMEM / the tagger's or parser's error with err filled. */
int ng_describe(ng_parse_cache *pc, const ng_doc *d, ng_ents *x, ng_error *err);

#endif
