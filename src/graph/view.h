/* The canonical view of a graph: what every writer, the filter and the diff
 * read. Built once from a const graph without touching it: articles by id,
 * nodes by id, edges by (source, type name, target), each node's aliases
 * and mentions and each edge's evidence and attrs sorted, each edge's
 * confidence computed. Arrays of borrowed pointers into the graph, so the
 * view lives no longer than the graph (and the graph must not change while
 * it lives), and several threads may build views of one graph at once. */
#ifndef NG_VIEW_H
#define NG_VIEW_H

#include <stddef.h>
#include "graph/graph.h"

typedef struct ng_view_node {
	const ng_node *n;                      /* id, name, type, kb ids, diff */
	const char *const *aliases;            /* by byte order */
	const ng_mention_rec *const *mentions; /* by article, start, end */
	size_t naliases, nmentions;
} ng_view_node;

typedef struct ng_view_edge {
	const ng_edge *e;                /* source, target, rel, modality, negated, date, diff */
	const ng_evidence *const *ev;    /* by article, start, rule */
	const ng_attr *const *attrs;     /* by key */
	size_t nev, nattrs;
	size_t count;                    /* nev, plus the evidence a bounded merge cut */
	double confidence;               /* from the evidence, in the order above, and the cut */
} ng_view_edge;

typedef struct ng_view {
	const ng_graph *g;
	const ng_article_rec *const *articles; /* by id; of a bounded graph, those cited */
	const ng_view_node *nodes;
	const ng_view_edge *edges;
	size_t narticles, nnodes, nedges;
	int has_diff; /* the union graph of a diff: writers add the `diff` property */
} ng_view;

/* Builds the view of g into *out (free with ng_view_free). Errors:
 * NG_ENOMEM. */
int ng_view_new(const ng_graph *g, ng_view **out, ng_error *err);
void ng_view_free(ng_view *v);

#endif
