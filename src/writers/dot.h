/* The DOT writer's graph builder, shared with the renderer. */
#ifndef NG_DOT_H
#define NG_DOT_H

#include <graphviz/cgraph.h>
#include "graph/view.h"

/* Builds in *out the styled cgraph graph of the view (close it with
 * agclose); the union graph of a diff comes coloured by change. Errors:
 * NG_ENOMEM. */
int ng_dot_build(const ng_view *v, Agraph_t **out, ng_error *err);

/* The node of a graph id in G (created when `create`), under its DOT name
 * (backslashes doubled); NULL when absent or out of memory. */
Agnode_t *ng_dot_node(Agraph_t *G, const char *id, int create);

/* Lays v out as render would with `engine` (NULL: by size) and fills xy
 * with each node's position in view order (x, y in points, 2 per node).
 * Errors: NG_EINVAL for an unknown engine or a failed layout. */
int ng_dot_positions(const ng_view *v, const char *engine, double *xy, ng_error *err);

#endif
