/* The DOT writer's graph builder, shared with the renderer. */
#ifndef NG_DOT_H
#define NG_DOT_H

#include <graphviz/cgraph.h>
#include "graph/graph.h"

/* Builds the styled cgraph graph of g (close with agclose); NULL and err
 * filled on failure. */
Agraph_t *ng_dot_build(const ng_graph *g, ng_error *err);

#endif
