/* Diff: what changed between two graphs, by identity (SCHEMA.md). */
#ifndef NG_DIFF_H
#define NG_DIFF_H

#include <stdio.h>
#include "newsgraph/graph.h"

enum { NG_DIFF_TEXT, NG_DIFF_JSON, NG_DIFF_DOT };

typedef struct ng_diff_opts {
	int format;
	int ignore_evidence, ignore_counts, ignore_dates, ignore_confidence;
} ng_diff_opts;

#define NG_DIFF_OPTS_INIT {NG_DIFF_TEXT, 0, 0, 0, 0}

/* Writes the differences from a to b and sets *changed (0: equal). Nodes
 * compare by id (then name), edges by (source, type, target) (then
 * modality, negation, date, attributes, count, confidence, evidence
 * sentences, as the options allow). */
int ng_diff(const ng_graph *a, const ng_graph *b, const ng_diff_opts *o, FILE *out, int *changed, ng_error *err);

/* The union of a and b (as merge builds it) where every node and edge
 * carries its `diff` status: added (only in b), removed (only in a),
 * changed or unchanged; for the writers of any format. */
int ng_diff_union(const ng_graph *a, const ng_graph *b, const ng_diff_opts *o, ng_graph **out, int *changed,
                  ng_error *err);

#endif
