/* Graph filters: cut a big graph down to a readable map. Input: a graph.
 * Output: a new graph holding the nodes and edges that pass. */
#ifndef NG_FILTER_H
#define NG_FILTER_H

#include <stddef.h>
#include "newsgraph/graph.h"

typedef struct ng_filter {
	unsigned types;        /* bit (1 << NG_PERSON ...) per entity type kept; 0: all */
	const char *relations; /* comma-separated relation types kept; NULL: all */
	size_t min_count;      /* edges with fewer evidences are dropped; 0: none */
	size_t top;            /* keep the N nodes of highest degree; 0: all */
} ng_filter;

#define NG_FILTER_INIT {0, NULL, 0, 0}

/* Is any filter set? */
int ng_filter_active(const ng_filter *f);

/* Returns a filtered copy of g in *out (free with ng_graph_free). Nodes
 * left without an edge by a relation or count filter are kept only when no
 * edge filter is set. Ties in --top are broken by node id. */
int ng_graph_filter(const ng_graph *g, const ng_filter *f, ng_graph **out, ng_error *err);

#endif
