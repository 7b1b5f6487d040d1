/* Evaluation: a predicted graph against a gold graph, with the matching
 * rules of ../shared/tools/score.py and its gold format. */
#ifndef NG_EVAL_H
#define NG_EVAL_H

#include <stddef.h>
#include <stdio.h>
#include "newsgraph/error.h"

/* Reads the gold graph (gold format) and the predicted graph (newsgraph
 * JSON) and writes precision, recall and F1 for nodes and edges, overall
 * and per type; with `verbose`, the misses and false positives. */
int ng_eval(const char *gold, size_t gold_len, const char *gold_name, const char *pred, size_t pred_len,
            const char *pred_name, int verbose, FILE *out, ng_error *err);

#endif
