/* Rendering: a graph to SVG, PNG or PDF through libgvc. Input: a graph (the
 * DOT writer's styled cgraph graph of it). Output: the drawing, written to a
 * FILE*. Small graphs are laid out by dot with the legend; big ones by sfdp
 * with overlap removal, curved edges around nodes and labels sized by degree,
 * so that a merged graph of hundreds of articles stays a readable map. */
#include "render.h"
#include "graph.h"
#include "util.h"
#include "writers/dot.h"

#include <graphviz/gvc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Above this many entities the hierarchical dot layout becomes a tangle of
 * long edges and takes minutes; a force-directed layout reads better. */
#define BIG_GRAPH 60

static const char *const engines[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL};
static const char *const formats[] = {"svg", "png", "pdf", NULL};

static int known(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

static void set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, "");
}

/* The legend explains shapes on a small map; on a big one it is a cluster
 * that force-directed engines cannot keep together, so it goes. Its nodes
 * live in the root graph too and are deleted there. */
static void drop_legend(Agraph_t *G)
{
	Agraph_t *leg = agsubg(G, "cluster_legend", 0);
	if (!leg)
		return;
	Agnode_t *n = agfstnode(leg);
	while (n) {
		Agnode_t *next = agnxtnode(leg, n);
		agdelnode(G, n);
		n = next;
	}
	agdelsubg(G, leg);
}

/* Hubs get bigger labels, so the eye finds the main actors first. */
static void size_by_degree(Agraph_t *G)
{
	char buf[32];
	for (Agnode_t *n = agfstnode(G); n; n = agnxtnode(G, n)) {
		double fs = 10.0 + 4.0 * log2(1.0 + (double)agdegree(G, n, 1, 1));
		snprintf(buf, sizeof buf, "%.1f", fs > 36.0 ? 36.0 : fs);
		set(n, "fontsize", buf);
	}
}

/* Copies Graphviz's last stored message (without its trailing newline)
 * into err; Graphviz keeps messages to itself while we render. */
static int gv_fail(ng_error *err, int code, const char *what, const char *name)
{
	/* Only a message from this call: an older one would mislead. */
	char *msg = agerrors() ? aglasterr() : NULL;
	size_t n = msg ? strlen(msg) : 0;
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	int rc = n ? ng_fail(err, code, NULL, 0, "%s '%s' failed: %.*s", what, name, (int)n, msg)
	           : ng_fail(err, code, NULL, 0, "%s '%s' failed", what, name);
	free(msg);
	return rc;
}

int ng_render(const ng_graph *g, const char *format, const char *engine, FILE *out, ng_error *err)
{
	if (!format || !known(formats, format))
		return ng_fail(err, NG_EINVAL, NULL, 0, "unknown render format '%s'", format ? format : "");
	if (engine && !known(engines, engine))
		return ng_fail(err, NG_EINVAL, NULL, 0, "unknown layout engine '%s'", engine);
	int big = ng_graph_node_count(g) > BIG_GRAPH;
	if (!engine)
		engine = big ? "sfdp" : "dot";

	/* The library never prints: Graphviz's warnings and errors are stored
	 * instead of going to stderr, and the first failure is reported through
	 * err. The level is Graphviz-global, so it is restored on the way out. */
	agerrlevel_t saved = agseterr(AGMAX);
	agreseterrors();
	int rc = 0, laid = 0;
	Agraph_t *G = NULL;
	GVC_t *gvc = gvContext();
	if (!gvc) {
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "cannot start Graphviz");
		goto done;
	}
	G = ng_dot_build(g, err);
	if (!G) {
		rc = err && err->code ? err->code : NG_ENOMEM;
		goto done;
	}
	if (big) {
		drop_legend(G);
		size_by_degree(G);
	}
	if (strcmp(engine, "neato") == 0 || strcmp(engine, "fdp") == 0 || strcmp(engine, "sfdp") == 0) {
		/* Force-directed layouts overlap nodes unless told not to; edges
		 * then route around the separated nodes. */
		set(G, "overlap", "prism");
		set(G, "splines", "true");
	}
	if (gvLayout(gvc, G, engine) != 0) {
		rc = gv_fail(err, NG_EINVAL, "layout", engine);
		goto done;
	}
	laid = 1;
	if (gvRender(gvc, G, format, out) != 0) {
		rc = gv_fail(err, NG_EIO, "rendering", format);
		goto done;
	}
	if (fflush(out) != 0 || ferror(out))
		rc = ng_fail(err, NG_EIO, NULL, 0, "write failed");
done:
	if (laid)
		gvFreeLayout(gvc, G);
	if (G)
		agclose(G);
	if (gvc)
		gvFreeContext(gvc);
	agseterr(saved);
	return rc;
}
