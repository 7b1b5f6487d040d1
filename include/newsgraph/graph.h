#ifndef NEWSGRAPH_GRAPH_H
#define NEWSGRAPH_GRAPH_H

#include <stddef.h>
#include "newsgraph/common.h"
#include "newsgraph/error.h"

/* A knowledge graph as ../SCHEMA.md defines it: nodes, edges, mentions and
 * evidence from one or more articles. Opaque; the graph copies every string
 * it keeps. */
typedef struct ng_graph ng_graph;

/* Returns NG_OK and a new empty graph in *out (free with ng_graph_free). */
int ng_graph_new(ng_graph **out, ng_error *err);
void ng_graph_free(ng_graph *g);

/* Unions `src` into `dst` by identity (node id; edge source, type, target):
 * aliases, mentions and evidence are unioned, counts summed, the earliest
 * date kept. `src` is unchanged. */
int ng_graph_merge(ng_graph *dst, const ng_graph *src, ng_error *err);

/* Reads a graph file's bytes (`len` of them; no terminating NUL needed):
 * the JSON of SCHEMA.md (format version 1) when the text opens with '{' or
 * is JSON at all, else the DOT newsgraph writes. `name` labels errors, and
 * names the article of a DOT graph without a label. On success *out is a
 * new graph the caller frees with ng_graph_free; on failure *out is NULL
 * and the return is NG_EINVAL (not JSON or DOT, not a newsgraph graph, a
 * bad field, nesting past 64 levels, invalid UTF-8), NG_ELIMIT (over
 * 1 GiB) or NG_ENOMEM. */
NG_EXTERN int ng_graph_read(const char *data, size_t len, const char *name, ng_graph **out, ng_error *err);

size_t ng_graph_node_count(const ng_graph *g);
size_t ng_graph_edge_count(const ng_graph *g);
size_t ng_graph_article_count(const ng_graph *g);

#endif
