/* Diff: what changed between two graphs, by identity (SCHEMA.md). The
 * library returns the differences as data; ng_diff_write formats them. */
#ifndef NEWSGRAPH_DIFF_H
#define NEWSGRAPH_DIFF_H

#include <stddef.h>
#include <stdio.h>
#include "newsgraph/common.h"
#include "newsgraph/error.h"
#include "newsgraph/graph.h"
#include "newsgraph/schema.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Fields left out of the comparison; open with NG_DIFF_OPTS_INIT. */
typedef struct ng_diff_opts {
	int ignore_evidence, ignore_counts, ignore_dates, ignore_confidence;
} ng_diff_opts;

#define NG_DIFF_OPTS_INIT {0, 0, 0, 0}

/* The differences from a graph A to a graph B. Opaque. */
typedef struct ng_diff ng_diff;

typedef enum ng_diff_status {
	NG_DIFF_ADDED,   /* only in B */
	NG_DIFF_REMOVED, /* only in A */
	NG_DIFF_CHANGED  /* in both, with different fields */
} ng_diff_status;

/* One field that differs, as text ("none" when a side has no value). */
typedef struct ng_diff_change {
	const char *field; /* name, modality, negated, date, attrs, count, confidence, evidence */
	const char *from, *to;
} ng_diff_change;

/* One node or edge that differs. Strings belong to the diff. */
typedef struct ng_diff_item {
	ng_diff_status status;
	int is_edge;
	const char *id, *name;       /* a node: id, and name in B (in A when removed); NULL for an edge */
	const char *source, *target; /* an edge: its endpoints; NULL for a node */
	ng_relation type;            /* an edge: its relation */
	const ng_diff_change *changes; /* NG_DIFF_CHANGED: what differs, in the order above */
	size_t nchanges;
} ng_diff_item;

/* Compares a with b (neither is changed) into *out (free with
 * ng_diff_free). Nodes compare by id, then name; edges by (source, type,
 * target), then modality, negation, date, attributes, count, confidence
 * and evidence sentences, as o allows (NULL: everything). Errors:
 * NG_ENOMEM. */
NG_EXTERN int ng_diff_new(const ng_graph *a, const ng_graph *b, const ng_diff_opts *o, ng_diff **out,
                          ng_error *err);
NG_EXTERN void ng_diff_free(ng_diff *d);

/* 1 when the graphs differ, else 0. */
NG_EXTERN int ng_diff_changed(const ng_diff *d);

/* The differences, nodes (by id) then edges (by source, type, target):
 * item i < ng_diff_count(d), borrowed from d; NULL when out of range. */
NG_EXTERN size_t ng_diff_count(const ng_diff *d);
NG_EXTERN const ng_diff_item *ng_diff_get(const ng_diff *d, size_t i);

/* The union of A and B (as ng_graph_merge builds it) where every node and
 * edge carries its status, added, removed, changed or unchanged, which
 * every writer adds as a `diff` property (DOT colours by it). Borrowed
 * from d. */
NG_EXTERN const ng_graph *ng_diff_union(const ng_diff *d);

/* Writes d in `format`: "text" (one line per item: + added, - removed,
 * ~ changed with the changed fields), "json" (items grouped by node and
 * edge and by status) or "dot" (the union drawn coloured by change).
 * Errors: NG_EINVAL (unknown format), NG_ENOMEM, NG_EIO. */
NG_EXTERN int ng_diff_write(const ng_diff *d, const char *format, FILE *out, ng_error *err);

#ifdef __cplusplus
}
#endif

#endif
