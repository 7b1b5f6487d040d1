/* Entities, part 2b: the article's date. Input: the mentions of ner.h and
 * the day of the article (ng_ents.day). Output: knowledge-base people
 * chosen by that day; link.h then reads places that stand for a government
 * by it too. */
#ifndef NG_ENTITIES_ERA_H
#define NG_ENTITIES_ERA_H

#include "entities/ner.h"

/* The day of an article's date ("1990-05-03", "1990-05-03T10:00Z"), or
 * NG_DAY_NONE. */
int32_t ng_era_day(const char *date);

/* Dates the article's people: a short name to the one in office that day,
 * a title past its holder's term stale, and a title's relation to that of
 * the office it names (also with no date). */
int ng_era(const ng_lexicon *lx, const ng_doc *doc, ng_ents *ents, ng_error *err);

#endif
