/* Rendering: a graph to SVG, PNG or PDF through libgvc. Input: a graph (the
 * DOT writer's styled cgraph graph of its canonical view). Output: the drawing, written to a
 * FILE*. Small graphs are laid out by dot with the legend; big ones by sfdp
 * with overlap removal, edges routed around nodes and labels sized by degree,
 * so that a merged graph of hundreds of articles stays a readable map. */
#include <graphviz/gvc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/view.h"
#include "newsgraph/render.h"
#include "util/util.h"
#include "writers/dot.h"

/* Above this many entities the hierarchical dot layout becomes a tangle of
 * long edges and takes minutes; a force-directed layout reads better. */
#define BIG_GRAPH 60

/* Routing edges around nodes (splines=true) builds a visibility graph over
 * every node's outline corners, at a cost that grows with about the cube of
 * their number: 600 corners (a 100-entity map) take 2.5 s, 1,350 (a 200-article
 * map) 30 s. Past this budget edges are drawn straight instead. */
#define ROUTE_BUDGET 600

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

/* The legend is a cluster: dot and fdp keep it together, while neato,
 * sfdp, circo and twopi scatter its nodes and draw (or not) a box around
 * whatever lies between them; and on a big map it is lost anyway. There it
 * goes. Its nodes live in the root graph too and are deleted there; agclose,
 * unlike agdelsubg, also frees the subgraph. */
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
	agclose(leg);
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

/* Corners of the polygon Graphviz routes around for each node. */
static size_t outline_corners(Agraph_t *G)
{
	size_t total = 0;
	for (Agnode_t *n = agfstnode(G); n; n = agnxtnode(G, n)) {
		const char *shape = agget(n, "shape");
		if (!shape || !*shape || strcmp(shape, "ellipse") == 0 || strcmp(shape, "oval") == 0 ||
		    strcmp(shape, "circle") == 0 || strcmp(shape, "octagon") == 0)
			total += 8;
		else if (strcmp(shape, "hexagon") == 0)
			total += 6;
		else
			total += 4;
	}
	return total;
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

/* Lays the DOT graph of v out with `engine` (NULL: by size) as render
 * draws it: *G built and laid out in gvc, for the caller to free with
 * gvFreeLayout and agclose (also on failure, when *G is set and *laid). */
static int lay_out(GVC_t *gvc, const ng_view *v, const char *engine, Agraph_t **G, int *laid, ng_error *err)
{
	if (engine && !known(engines, engine))
		return ng_fail(err, NG_EINVAL, NULL, 0, "unknown layout engine '%s'", engine);
	int big = v->nnodes > BIG_GRAPH;
	if (!engine)
		engine = big ? "sfdp" : "dot";
	int rc = ng_dot_build(v, G, err);
	if (rc)
		return rc;
	if (big || (strcmp(engine, "dot") != 0 && strcmp(engine, "fdp") != 0))
		drop_legend(*G);
	if (big)
		size_by_degree(*G);
	if (strcmp(engine, "neato") == 0 || strcmp(engine, "fdp") == 0 || strcmp(engine, "sfdp") == 0) {
		/* Force-directed layouts overlap nodes unless told not to; edges
		 * then route around the separated nodes when that is affordable. */
		set(*G, "overlap", "prism");
		set(*G, "splines", outline_corners(*G) <= ROUTE_BUDGET ? "true" : "line");
	}
	/* A failed layout may leave part of its data behind: freed either way. */
	*laid = 1;
	return gvLayout(gvc, *G, engine) != 0 ? gv_fail(err, NG_EINVAL, "layout", engine) : 0;
}

/* Graphviz's shared state for one call: its messages kept from stderr (the
 * library never prints; the first failure is reported through err) at a
 * level restored on the way out, and a context. */
typedef struct gv_call {
	agerrlevel_t saved;
	GVC_t *gvc;
	Agraph_t *G;
	int laid;
} gv_call;

static int gv_begin(gv_call *c, ng_error *err)
{
	c->saved = agseterr(AGMAX);
	agreseterrors();
	c->G = NULL;
	c->laid = 0;
	c->gvc = gvContext();
	return c->gvc ? 0 : ng_fail(err, NG_ENOMEM, NULL, 0, "cannot start Graphviz");
}

static void gv_end(gv_call *c)
{
	if (c->laid)
		gvFreeLayout(c->gvc, c->G);
	if (c->G)
		agclose(c->G);
	if (c->gvc)
		gvFreeContext(c->gvc);
	agseterr(c->saved);
}

int ng_render(const ng_graph *g, const char *format, const char *engine, FILE *out, ng_error *err)
{
	if (!format || !known(formats, format))
		return ng_fail(err, NG_EINVAL, NULL, 0, "unknown render format '%s'", format ? format : "");
	gv_call c;
	ng_view *v = NULL;
	int rc = gv_begin(&c, err);
	if (!rc)
		rc = ng_view_new(g, &v, err);
	if (!rc)
		rc = lay_out(c.gvc, v, engine, &c.G, &c.laid, err);
	/* Rendered into memory, then written here: Graphviz's own writer calls
	 * exit(1) when a write fails (a full disk, a closed pipe). */
	char *data = NULL;
	unsigned int len = 0;
	if (!rc && gvRenderData(c.gvc, c.G, format, &data, &len) != 0)
		rc = gv_fail(err, NG_EIO, "rendering", format);
	else if (!rc && ((len && fwrite(data, 1, len, out) != len) || fflush(out) != 0 || ferror(out)))
		rc = ng_fail(err, NG_EIO, NULL, 0, "write failed");
	if (data)
		gvFreeRenderData(data);
	gv_end(&c);
	ng_view_free(v);
	return rc;
}

int ng_dot_positions(const ng_view *v, const char *engine, double *xy, ng_error *err)
{
	gv_call c;
	int rc = gv_begin(&c, err);
	if (!rc)
		rc = lay_out(c.gvc, v, engine, &c.G, &c.laid, err);
	/* Rendering as DOT attaches each node's "pos" ("x,y", points). */
	char *data = NULL;
	unsigned int len = 0;
	if (!rc && gvRenderData(c.gvc, c.G, "dot", &data, &len) != 0)
		rc = gv_fail(err, NG_EIO, "layout", "dot");
	if (data)
		gvFreeRenderData(data);
	for (size_t i = 0; !rc && i < v->nnodes; i++) {
		Agnode_t *n = ng_dot_node(c.G, v->nodes[i].n->id, 0);
		const char *pos = n ? agget(n, "pos") : NULL;
		if (!pos || sscanf(pos, "%lf,%lf", &xy[2 * i], &xy[2 * i + 1]) != 2)
			rc = ng_fail(err, NG_EINVAL, NULL, 0, "layout gave node %s no position", v->nodes[i].n->id);
	}
	gv_end(&c);
	return rc;
}
