/* Relations, part 4: dates. Input: normalised sentence text and the
 * article date. Output: an ISO 8601 date (full or partial) for a sentence. */
#ifndef NG_RELATIONS_DATE_H
#define NG_RELATIONS_DATE_H

#include <stddef.h>
#include "entities/lexicon.h"

/* A date reference carried through an article: what "the 16th" or "last
 * year" resolve against. */
typedef struct ng_date_ref {
	int y, m, d;     /* article date (0 when unknown) */
	int cur_m;       /* month last named in the text */
	int cur_y;
} ng_date_ref;

void ng_date_ref_init(ng_date_ref *r, const char *article_date);
/* Finds the first date expression in normalised text `s`; writes ISO 8601
 * (2024-05-16, 2024-05, 2023, --05-16) to out, its byte offset in s to *where
 * (when where is not NULL) and returns 1, or returns 0. */
int ng_date_find(ng_date_ref *r, const ng_lexicon *lx, const char *s, char *out, size_t outsz, size_t *where);

#endif
