/* Rendering: a graph to SVG, PNG or PDF through libgvc. */
#ifndef NG_RENDER_H
#define NG_RENDER_H

#include <stdio.h>
#include "newsgraph/graph.h"

/* Lays g out with `engine` (dot, neato, fdp, sfdp, circo; NULL: dot for
 * small graphs, sfdp with overlap removal for big ones) and writes `format`
 * (svg, png, pdf) to out. */
int ng_render(const ng_graph *g, const char *format, const char *engine, FILE *out, ng_error *err);

#endif
