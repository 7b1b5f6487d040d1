/* Relations, part 3: modality and negation of one evidence, and dates.
 * Input: the normalised placeholder sentence and the span of a rule match.
 * Output: asserted/reported/expected/hypothetical, negated or not; an ISO
 * 8601 date (full or partial) for a sentence. */
#ifndef NG_MODALITY_H
#define NG_MODALITY_H

#include <stddef.h>
#include "text.h"

/* Does the placeholder sentence hold a reporting cue ("said", "according
 * to")? Asked once per sentence, not per match: scanning the whole sentence
 * for every match made long sentences quadratic. */
int ng_modality_reported(const char *ph);

/* `ph` is the placeholder sentence; [start, end) the match; `reported` is
 * ng_modality_reported(ph). */
int ng_modality(const char *ph, size_t start, size_t end, int reported, int *negated);

/* A date reference carried through an article: what "the 16th" or "last
 * year" resolve against. */
typedef struct ng_date_ref {
	int y, m, d;     /* article date (0 when unknown) */
	int cur_m;       /* month last named in the text */
	int cur_y;
} ng_date_ref;

void ng_date_ref_init(ng_date_ref *r, const char *article_date);
/* Finds the first date expression in normalised text `s`; writes ISO 8601
 * (2024-05-16, 2024-05, 2023, --05-16) to out and returns 1, or returns 0. */
int ng_date_find(ng_date_ref *r, const char *s, char *out, size_t outsz);

#endif
