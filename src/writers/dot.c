/* Writer: Graphviz DOT through libcgraph. Input: the canonical view.
 * Output: a digraph whose nodes are shaped and coloured by entity type, with
 * a legend, and whose edges show type, symmetry, modality, negation and
 * weight; `dot -Tsvg` renders it as is. The union graph of a diff is drawn
 * coloured by change: added green, removed red, changed orange, unchanged
 * grey. */
#include "writers/dot.h"

#include <graphviz/cgraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "writers/writers.h"

static const struct {
	const char *shape, *color;
} style[NG_NTYPES] = {
	{"ellipse", "#fde0c5"},  /* person */
	{"box", "#c6dbef"},      /* state */
	{"component", "#d9f0d3"}, /* organization */
	{"box3d", "#fff2ae"},    /* company */
	{"note", "#f2f2f2"},     /* agreement */
	{"hexagon", "#e5d8bd"},  /* location */
	{"octagon", "#e7d4e8"},  /* group */
};

/* Text as DOT holds it: backslashes doubled, since Graphviz reads one as
 * an escape (and one ending a value would escape its closing quote); the
 * DOT reader halves them. s itself when it has none; NULL out of memory. */
static char *dot_text(const char *s)
{
	size_t n = strlen(s), extra = 0;
	for (const char *p = s; *p; p++)
		extra += *p == '\\';
	if (!extra)
		return (char *)s;
	char *d = malloc(n + extra + 1), *q = d;
	for (const char *p = s; d && *p; p++) {
		*q++ = *p;
		if (*p == '\\')
			*q++ = '\\';
	}
	if (d)
		*q = 0;
	return d;
}

static void set(void *obj, char *name, const char *value)
{
	char *v = dot_text(value);
	agsafeset(obj, name, v ? v : "", "");
	if (v != value)
		free(v);
}

Agnode_t *ng_dot_node(Agraph_t *G, const char *id, int create)
{
	char *name = dot_text(id);
	Agnode_t *n = name ? agnode(G, name, create) : NULL;
	if (name != id)
		free(name);
	return n;
}

/* The graph with its attribute declarations and title. */
static Agraph_t *open_graph(const ng_view *v)
{
	Agraph_t *G = agopen("newsgraph", Agdirected, NULL);
	if (!G)
		return NULL;
	const char *title = v->narticles == 1 && v->articles[0]->title ? v->articles[0]->title : NULL;
	char buf[64];
	if (!title) {
		snprintf(buf, sizeof buf, "newsgraph: %zu article%s", v->narticles, v->narticles == 1 ? "" : "s");
		title = buf;
	}
	set(G, "label", title);
	set(G, "labelloc", "t");
	set(G, "rankdir", "LR");
	set(G, "fontname", "Helvetica");
	/* Declare defaults once so every node and edge has the attributes. */
	agattr(G, AGNODE, "style", "filled");
	agattr(G, AGNODE, "fontname", "Helvetica");
	agattr(G, AGEDGE, "fontname", "Helvetica");
	agattr(G, AGEDGE, "fontsize", "10");
	/* ng_* attributes carry what the DOT reader needs to rebuild the graph */
	agattr(G, AGNODE, "ng_type", "");
	agattr(G, AGEDGE, "ng_modality", "");
	agattr(G, AGEDGE, "ng_negated", "");
	agattr(G, AGEDGE, "ng_count", "");
	agattr(G, AGEDGE, "ng_date", "");
	agattr(G, AGEDGE, "ng_confidence", "");
	return G;
}

static int add_nodes(Agraph_t *G, const ng_view *v, int used[])
{
	for (size_t i = 0; i < v->nnodes; i++) {
		const ng_node *n = v->nodes[i].n;
		Agnode_t *an = ng_dot_node(G, n->id, 1);
		if (!an)
			return -1;
		set(an, "label", n->name);
		set(an, "shape", style[n->type].shape);
		set(an, "fillcolor", style[n->type].color);
		set(an, "tooltip", n->id);
		set(an, "ng_type", ng_type_name(n->type));
		used[n->type] = 1;
	}
	return 0;
}

/* Which edge styles a graph uses, for the legend. */
enum { DASHED = 1, NEGATED = 2, WIDE = 4 };

static int add_edges(Agraph_t *G, const ng_view *v, int *styles)
{
	char buf[64];
	for (size_t i = 0; i < v->nedges; i++) {
		const ng_view_edge *ve = &v->edges[i];
		const ng_edge *e = ve->e;
		const ng_relation_info *ri = ng_relation_get(e->rel);
		Agnode_t *s = ng_dot_node(G, e->source, 0), *t = ng_dot_node(G, e->target, 0);
		if (!s || !t)
			continue;
		Agedge_t *ae = agedge(G, s, t, (char *)ri->name, 1);
		if (!ae)
			return -1;
		set(ae, "label", ri->name);
		if (ri->symmetric)
			set(ae, "dir", "none");
		if (e->modality != NG_ASSERTED) {
			set(ae, "style", "dashed");
			*styles |= DASHED;
		}
		if (e->negated) {
			set(ae, "color", "red");
			*styles |= NEGATED;
		}
		if (ve->count > 1)
			*styles |= WIDE;
		snprintf(buf, sizeof buf, "%.1f", 1.0 + log2((double)(ve->count ? ve->count : 1)));
		set(ae, "penwidth", buf);
		if (ve->nev)
			set(ae, "tooltip", ve->ev[0]->sentence);
		set(ae, "ng_modality", ng_modality_name(e->modality));
		set(ae, "ng_negated", e->negated ? "true" : "false");
		snprintf(buf, sizeof buf, "%zu", ve->count);
		set(ae, "ng_count", buf);
		if (e->date)
			set(ae, "ng_date", e->date);
		snprintf(buf, sizeof buf, "%.2f", round(ve->confidence * 100) / 100);
		set(ae, "ng_confidence", buf);
	}
	return 0;
}

/* One legend line for an edge style: two points and an edge drawn so. */
static int legend_edge(Agraph_t *leg, const char *key, const char *label, char *attr, const char *value)
{
	char a[64], b[64];
	snprintf(a, sizeof a, "legend:%s", key);
	snprintf(b, sizeof b, "legend:%s-to", key);
	Agnode_t *x = agnode(leg, a, 1), *y = agnode(leg, b, 1);
	Agedge_t *e = x && y ? agedge(leg, x, y, (char *)key, 1) : NULL;
	if (!e)
		return -1;
	for (Agnode_t *n = x; n; n = n == x ? y : NULL) {
		set(n, "shape", "point");
		set(n, "label", "");
		set(n, "width", "0.05");
	}
	set(e, "label", label);
	set(e, "fontsize", "9");
	set(e, "arrowhead", "none");
	set(e, attr, value);
	return 0;
}

static int add_legend(Agraph_t *G, const int used[], int styles)
{
	char buf[64];
	Agraph_t *leg = agsubg(G, "cluster_legend", 1);
	if (!leg)
		return -1;
	set(leg, "label", "legend");
	/* What an edge's look says, for the looks the map uses. */
	if ((styles & DASHED) && legend_edge(leg, "dashed", "not asserted: reported, expected or hypothetical", "style",
	                                     "dashed"))
		return -1;
	if ((styles & NEGATED) && legend_edge(leg, "negated", "negated: denied in every evidence", "color", "red"))
		return -1;
	if ((styles & WIDE) && legend_edge(leg, "wide", "thicker: more evidence", "penwidth", "3"))
		return -1;
	for (int t = 0; t < NG_NTYPES; t++) {
		if (!used[t])
			continue;
		snprintf(buf, sizeof buf, "legend:%s", ng_type_name(t));
		Agnode_t *ln = agnode(leg, buf, 1);
		if (!ln)
			return -1;
		set(ln, "label", ng_type_name(t));
		set(ln, "shape", style[t].shape);
		set(ln, "fillcolor", style[t].color);
		set(ln, "fontsize", "9");
	}
	return 0;
}

static const char *change_colour(const char *diff)
{
	return !diff || strcmp(diff, "unchanged") == 0 ? NULL
	       : strcmp(diff, "added") == 0            ? "green4"
	       : strcmp(diff, "removed") == 0          ? "red"
	                                               : "orange";
}

static void mark(void *obj, const char *colour)
{
	if (!obj || !colour)
		return;
	set(obj, "color", colour);
	set(obj, "fontcolor", colour);
	set(obj, "penwidth", "2");
}

/* A diff's union graph: grey by default, what changed in its colour, each
 * node and edge marked ng_diff so that the DOT reader (and so render) gets
 * the status back; the legend names the colours. */
static int colour_changes(Agraph_t *G, const ng_view *v)
{
	static const char *const statuses[] = {"added", "removed", "changed", "unchanged"};
	agattr(G, AGNODE, "color", "grey60");
	agattr(G, AGNODE, "fontcolor", "grey40");
	agattr(G, AGEDGE, "color", "grey60");
	agattr(G, AGEDGE, "fontcolor", "grey40");
	agattr(G, AGNODE, "ng_diff", "");
	agattr(G, AGEDGE, "ng_diff", "");
	for (size_t i = 0; i < v->nnodes; i++) {
		const ng_node *n = v->nodes[i].n;
		Agnode_t *an = ng_dot_node(G, n->id, 0);
		if (an && n->diff)
			set(an, "ng_diff", n->diff);
		mark(an, change_colour(n->diff));
	}
	for (size_t i = 0; i < v->nedges; i++) {
		const ng_edge *e = v->edges[i].e;
		Agnode_t *s = ng_dot_node(G, e->source, 0), *t = s ? ng_dot_node(G, e->target, 0) : NULL;
		Agedge_t *ae = t ? agedge(G, s, t, (char *)ng_relation_get(e->rel)->name, 0) : NULL;
		if (ae && e->diff)
			set(ae, "ng_diff", e->diff);
		mark(ae, change_colour(e->diff));
	}
	Agraph_t *leg = agsubg(G, "cluster_legend", 1);
	char key[32];
	for (size_t i = 0; leg && i < sizeof statuses / sizeof *statuses; i++) {
		snprintf(key, sizeof key, "legend:%s", statuses[i]);
		Agnode_t *ln = agnode(leg, key, 1);
		if (!ln)
			return -1;
		set(ln, "label", statuses[i]);
		set(ln, "shape", "plaintext");
		set(ln, "style", "");
		set(ln, "fontsize", "9");
		mark(ln, change_colour(statuses[i]));
	}
	return leg ? 0 : -1;
}

int ng_dot_build(const ng_view *v, Agraph_t **out, ng_error *err)
{
	int used[NG_NTYPES] = {0}, styles = 0;
	Agraph_t *G = open_graph(v);
	*out = NULL;
	if (!G || add_nodes(G, v, used) || add_edges(G, v, &styles) || add_legend(G, used, styles) ||
	    (v->has_diff && colour_changes(G, v))) {
		if (G)
			agclose(G);
		return ng_fail(err, NG_ENOMEM, NULL, 0, "cannot build the DOT graph");
	}
	*out = G;
	return 0;
}

static int write_dot(const ng_view *v, FILE *out, int part, const ng_write_opts *o, ng_error *err)
{
	(void)part;
	(void)o;
	Agraph_t *G;
	int rc = ng_dot_build(v, &G, err);
	if (rc)
		return rc;
	if (agwrite(G, out) != 0)
		rc = ng_fail(err, NG_EIO, NULL, 0, "write failed");
	agclose(G);
	return rc;
}

const ng_writer ng_writer_dot = {"dot", "dot", "Graphviz DOT (render with dot -Tsvg)", NULL, write_dot};
