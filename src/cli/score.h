/* newsgraph eval's scoring: a predicted graph against a gold graph, with
 * the matching rules of the development scorer (score.py) and its gold
 * format. */
#ifndef NG_CLI_SCORE_H
#define NG_CLI_SCORE_H

#include <stddef.h>

/* Reads the gold graph (gold format) and the predicted graph (newsgraph
 * JSON), each as cli_read gives it, and returns in *text (malloc'd, the
 * caller frees it) and *text_len the report: precision, recall and F1 for nodes
 * and edges, per type and overall; with `verbose`, first the misses and
 * false positives. Returns 0, or prints what is wrong (naming the file) and
 * returns 2. */
int cli_score(const char *gold, size_t gold_len, const char *gold_name, const char *pred, size_t pred_len,
              const char *pred_name, int verbose, char **text, size_t *text_len);

#endif
