/* Graph readers, internal extras: the two format readers, the JSON test
 * that the dispatcher and the CLI share, and the node id check both readers
 * share. The dispatcher, ng_graph_read, is public (newsgraph/graph.h).
 * Input: bytes of a graph file. Output: an ng_graph, or an error naming the
 * file and what is wrong. */
#ifndef NG_READ_H
#define NG_READ_H

#include <stddef.h>
#include "newsgraph/graph.h"
#include "newsgraph/schema.h"

/* Largest graph file read, and deepest JSON nesting accepted. */
#define NG_READ_MAX_BYTES ((size_t)1 << 30)
#define NG_READ_MAX_DEPTH 64

/* The JSON of SCHEMA.md (format version 1), and the DOT newsgraph writes.
 * `name` goes into errors. The caller frees *out with ng_graph_free. */
int ng_graph_read_json(const char *data, size_t len, const char *name, ng_graph **out, ng_error *err);
int ng_graph_read_dot(const char *data, size_t len, const char *name, ng_graph **out, ng_error *err);

/* Is the whole of `data` one JSON value (any type; white space around it
 * allowed)? Cheap on text that is not JSON: parsing stops at the first
 * byte that cannot start or continue a value. */
int ng_read_is_json(const char *data, size_t len);

#endif
