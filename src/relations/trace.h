/* Relations, part 3: the trace the engine records when asked (the public
 * ng_trace of newsgraph/extract.h). Input: each reading of a sentence and
 * each rule match. Output: a trace that owns copies of every string. */
#ifndef NG_RELATIONS_TRACE_H
#define NG_RELATIONS_TRACE_H

#include <stddef.h>
#include "entities/ner.h"
#include "newsgraph/extract.h"

/* Returns 0 and an empty trace in *out, or NG_ENOMEM. */
int ng_trace_new(ng_trace **out);

/* Starts a reading of sentence `sent`: its placeholder form (kind 0), the
 * form without appositions (1) or a dependency path (2). 0 or NG_ENOMEM. */
int ng_trace_add_reading(ng_trace *t, size_t sent, int kind, const char *form);

/* Records a match of rule `rule` over [start, end) of the current reading,
 * from entity src to entity tgt. 0 or NG_ENOMEM. */
int ng_trace_add_rule(ng_trace *t, const char *rule, const ng_entity *src, ng_relation rel, const ng_entity *tgt,
                      size_t start, size_t end, ng_modality modality, int negated);

/* Records a mention of the current reading that a coreference pass
 * linked: its number, text [text, text+len), pass name (static), the
 * antecedent mention or -1, and its node ids (node2 may be NULL). 0 or
 * NG_ENOMEM. */
int ng_trace_add_link(ng_trace *t, size_t mention, const char *text, size_t len, const char *pass, long ante,
                      const char *node, const char *node2);

/* Ends recording: points each reading at its rules. */
void ng_trace_finish(ng_trace *t);

#endif
