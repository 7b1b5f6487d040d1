/* Entities, part 3: linking. Input: the mentions of a doc. Output: each
 * mention pointing at one entity of the article (ng_mention.entity). */
#ifndef NG_ENTITIES_LINK_H
#define NG_ENTITIES_LINK_H

#include "entities/ner.h"
#include "util/util.h"

int ng_link(const ng_lexicon *lx, const ng_doc *doc, ng_ents *ents, ng_error *err);

/* Makes a slug for ids: lower-case ASCII letters and digits, '-' between. */
int ng_slug(ng_buf *b, const char *name);

#endif
