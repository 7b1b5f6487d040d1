/* Graph filters: cut a big graph down to a readable map. */
#ifndef NEWSGRAPH_FILTER_H
#define NEWSGRAPH_FILTER_H

#include <stddef.h>
#include "newsgraph/common.h"
#include "newsgraph/error.h"
#include "newsgraph/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What to keep; open with NG_FILTER_INIT (keeps everything), then set. */
typedef struct ng_filter {
	unsigned types;        /* NG_TYPE_BIT set of entity types kept; 0: all */
	const char *relations; /* comma-separated relation types kept; NULL: all */
	size_t min_count;      /* edges with fewer evidences are dropped; 0: none */
	size_t top;            /* keep the N nodes of highest degree; 0: all */
	int drop_isolated;     /* drop nodes left without an edge */
} ng_filter;

#define NG_FILTER_INIT {0, NULL, 0, 0, 0}

/* Is any filter set? 0 for NULL. */
NG_EXTERN int ng_filter_active(const ng_filter *f);

/* Returns in *out a filtered copy of g (free with ng_graph_free; f NULL: a
 * plain copy); g is unchanged. Nodes left without an edge by a relation or
 * count filter are dropped; --top keeps the N nodes of highest degree among
 * those left, ties broken by node id, and the edges between them, then
 * drops the nodes those edges no longer reach (no orphans);
 * drop_isolated drops every node left without an edge. Unknown
 * relation names match nothing. Errors: NG_ENOMEM. */
NG_EXTERN int ng_graph_filter(const ng_graph *g, const ng_filter *f, ng_graph **out, ng_error *err);

#ifdef __cplusplus
}
#endif

#endif
