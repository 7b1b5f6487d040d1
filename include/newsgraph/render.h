/* Rendering: a graph drawn as SVG, PNG or PDF through Graphviz (libgvc). */
#ifndef NEWSGRAPH_RENDER_H
#define NEWSGRAPH_RENDER_H

#include <stdio.h>
#include "newsgraph/common.h"
#include "newsgraph/error.h"
#include "newsgraph/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Lays g out with `engine` (dot, neato, fdp, sfdp, circo, twopi; NULL: dot
 * for small graphs, sfdp with overlap removal for big ones) and writes the
 * drawing in `format` (svg, png, pdf) to out; g is not changed. Errors:
 * NG_EINVAL (an unknown format or engine, or a layout that failed, with
 * Graphviz's message), NG_ENOMEM, NG_EIO (rendering or writing failed).
 * Graphviz's error level is process-wide: do not render from two threads
 * at once. */
NG_EXTERN int ng_render(const ng_graph *g, const char *format, const char *engine, FILE *out, ng_error *err);

#ifdef __cplusplus
}
#endif

#endif
