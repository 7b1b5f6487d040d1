/* The JSON writer's text form, shared with the CLI's JSON Lines streaming. */
#ifndef NG_WRITER_JSON_H
#define NG_WRITER_JSON_H

#include "graph/graph.h"

/* The graph as SCHEMA.md JSON: pretty, or one line when compact (no raw
 * newline can occur: strings escape theirs). *out is malloc'd; NULL on
 * error. */
int ng_json_graph_text(const ng_graph *g, int compact, char **out, ng_error *err);

#endif
