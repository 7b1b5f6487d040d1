/* Relations, part 3: modality and negation of one evidence. Input: the
 * normalised placeholder sentence and the span of a rule match. Output:
 * asserted/reported/expected/hypothetical, negated or not. */
#ifndef NG_RELATIONS_MODALITY_H
#define NG_RELATIONS_MODALITY_H

#include <stddef.h>
#include "entities/lexicon.h"

/* The cues are the lexicon's classes negation, negation-idiom,
 * hypothetical, expected and reporting.
 *
 * Does the placeholder sentence hold a reporting cue ("said", "according
 * to")? Asked once per sentence, not per match: scanning the whole sentence
 * for every match made long sentences quadratic. */
int ng_modality_reported(const ng_lexicon *lx, const char *ph);

/* `ph` is the placeholder sentence; [start, end) the match; `reported` is
 * ng_modality_reported(ph). */
int ng_modality_classify(const ng_lexicon *lx, const char *ph, size_t start, size_t end, int reported,
                         int *negated);

/* Is the word at `at` (a rule's trigger) controlled by a
 * hypothetical-control verb ("threatened to impose")? Then the act is only
 * a possibility, whatever the clause's other cues. */
int ng_modality_controlled(const ng_lexicon *lx, const char *ph, size_t at);

#endif
