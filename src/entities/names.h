/* Entities: what the whole article says about its names (names.c). */
#ifndef NG_ENTITIES_NAMES_H
#define NG_ENTITIES_NAMES_H

#include "entities/ner.h"

/* Retypes and adds mentions from the article as a whole: clubs named by
 * their town in sports reports, teams among lone unknown names, and names
 * in lines of capitals that the body already typed; drops the first of two
 * demonyms in a row. Mentions may come out unsorted. */
int ng_names_doc(const ng_lexicon *lx, const ng_doc *doc, ng_ents *x);

#endif
