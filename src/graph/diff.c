/* Diff: two graphs in, their differences out as data: the nodes and edges
 * added, removed or changed (with the changed fields, old and new), and the
 * union graph with each item's status. Both graphs are walked in canonical
 * order, so the items come in a stable order. The formats are writers'
 * work (src/writers/diff_*.c). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "graph/view.h"
#include "newsgraph/diff.h"

/* The most fields one item can differ in (an edge: modality, negated, date,
 * attrs, count, confidence, evidence). */
enum { MAX_CHANGES = 8 };

typedef struct item {
	ng_diff_item pub; /* what ng_diff_get returns; set once the walk is over */
	ng_diff_status status;
	int is_edge;
	ng_relation rel;
	char *a, *b; /* id and name, or source and target */
	const char *field[MAX_CHANGES];
	char *from[MAX_CHANGES], *to[MAX_CHANGES];
	ng_diff_change ch[MAX_CHANGES];
	int n;
} item;

struct ng_diff {
	item *v;
	size_t n, cap;
	ng_graph *u; /* the union */
};

/* The item being compared, before it is known to differ. */
static void item_clear(item *x)
{
	free(x->a);
	free(x->b);
	for (int k = 0; k < x->n; k++) {
		free(x->from[k]);
		free(x->to[k]);
	}
	memset(x, 0, sizeof *x);
}

static int note(item *x, const char *field, const char *from, const char *to)
{
	if ((from && to && strcmp(from, to) == 0) || (!from && !to) || x->n == MAX_CHANGES)
		return 0;
	int k = x->n++;
	x->field[k] = field;
	x->from[k] = ng_strdup(from ? from : "none");
	x->to[k] = ng_strdup(to ? to : "none");
	return x->from[k] && x->to[k] ? 0 : NG_ENOMEM;
}

static char *attrs_text(const ng_view_edge *e)
{
	ng_buf b = {0};
	if (ng_buf_adds(&b, ""))
		return NULL;
	for (size_t i = 0; i < e->nattrs; i++)
		if (ng_buf_printf(&b, "%s%s=%s", i ? "; " : "", e->attrs[i]->key, e->attrs[i]->val)) {
			ng_buf_free(&b);
			return NULL;
		}
	return b.s;
}

/* The evidence sentences, sorted and unique, joined: what an edge rests on,
 * whatever the article and offsets. */
static char *evidence_text(const ng_view_edge *e)
{
	const char **s = malloc((e->nev + 1) * sizeof *s);
	if (!s)
		return NULL;
	for (size_t i = 0; i < e->nev; i++)
		s[i] = e->ev[i]->sentence;
	ng_sort(s, e->nev, sizeof *s, ng_cmpstr);
	ng_buf b = {0};
	int bad = ng_buf_adds(&b, "");
	for (size_t i = 0; i < e->nev && !bad; i++)
		if (!i || strcmp(s[i], s[i - 1]))
			bad = ng_buf_printf(&b, "%s[%s]", b.len ? " " : "", s[i]);
	free(s);
	if (bad)
		ng_buf_free(&b);
	return b.s;
}

static int compare_edges(const ng_view_edge *x, const ng_view_edge *y, const ng_diff_opts *o, item *c)
{
	char n1[32], n2[32];
	int rc = note(c, "modality", ng_modality_name(x->e->modality), ng_modality_name(y->e->modality));
	rc = rc || note(c, "negated", x->e->negated ? "true" : "false", y->e->negated ? "true" : "false");
	if (!o->ignore_dates)
		rc = rc || note(c, "date", x->e->date, y->e->date);
	char *a1 = attrs_text(x), *a2 = attrs_text(y);
	rc = rc || !a1 || !a2 || note(c, "attrs", a1, a2);
	free(a1);
	free(a2);
	if (!o->ignore_counts) {
		snprintf(n1, sizeof n1, "%zu", x->count);
		snprintf(n2, sizeof n2, "%zu", y->count);
		rc = rc || note(c, "count", n1, n2);
	}
	if (!o->ignore_confidence) {
		snprintf(n1, sizeof n1, "%.2f", round(x->confidence * 100) / 100);
		snprintf(n2, sizeof n2, "%.2f", round(y->confidence * 100) / 100);
		rc = rc || note(c, "confidence", n1, n2);
	}
	if (!o->ignore_evidence) {
		char *e1 = evidence_text(x), *e2 = evidence_text(y);
		rc = rc || !e1 || !e2 || note(c, "evidence", e1, e2);
		free(e1);
		free(e2);
	}
	return rc ? NG_ENOMEM : 0;
}

static int cmp_edge_key(const ng_edge *x, const ng_edge *y)
{
	int c = strcmp(x->source, y->source);
	if (!c)
		c = strcmp(ng_relation_get(x->rel)->name, ng_relation_get(y->rel)->name);
	return c ? c : strcmp(x->target, y->target);
}

/* Keeps the item in c as a difference of `status` about node n or edge e,
 * and clears c for the next. */
static int push(ng_diff *d, ng_diff_status status, const ng_node *n, const ng_edge *e, item *c)
{
	c->status = status;
	c->is_edge = e != NULL;
	if (e)
		c->rel = e->rel;
	c->a = ng_strdup(n ? n->id : e->source);
	c->b = ng_strdup(n ? n->name : e->target);
	item *x = c->a && c->b ? NG_PUSH(d->v, d->n, d->cap) : NULL;
	if (!x) {
		item_clear(c);
		return NG_ENOMEM;
	}
	*x = *c;
	memset(c, 0, sizeof *c);
	return 0;
}

static int walk_nodes(ng_diff *d, const ng_view *va, const ng_view *vb, item *c)
{
	int rc = 0;
	for (size_t i = 0, j = 0; !rc && (i < va->nnodes || j < vb->nnodes);) {
		const ng_node *x = i < va->nnodes ? va->nodes[i].n : NULL, *y = j < vb->nnodes ? vb->nodes[j].n : NULL;
		int k = !x ? 1 : !y ? -1 : strcmp(x->id, y->id);
		if (k < 0)
			rc = push(d, NG_DIFF_REMOVED, x, NULL, c), i++;
		else if (k > 0)
			rc = push(d, NG_DIFF_ADDED, y, NULL, c), j++;
		else {
			rc = note(c, "name", x->name, y->name);
			if (!rc && c->n)
				rc = push(d, NG_DIFF_CHANGED, y, NULL, c);
			i++, j++;
		}
	}
	return rc;
}

static int walk_edges(ng_diff *d, const ng_view *va, const ng_view *vb, const ng_diff_opts *o, item *c)
{
	int rc = 0;
	for (size_t i = 0, j = 0; !rc && (i < va->nedges || j < vb->nedges);) {
		const ng_view_edge *x = i < va->nedges ? &va->edges[i] : NULL, *y = j < vb->nedges ? &vb->edges[j] : NULL;
		int k = !x ? 1 : !y ? -1 : cmp_edge_key(x->e, y->e);
		if (k < 0)
			rc = push(d, NG_DIFF_REMOVED, NULL, x->e, c), i++;
		else if (k > 0)
			rc = push(d, NG_DIFF_ADDED, NULL, y->e, c), j++;
		else {
			rc = compare_edges(x, y, o, c);
			if (!rc && c->n)
				rc = push(d, NG_DIFF_CHANGED, NULL, y->e, c);
			i++, j++;
		}
	}
	return rc;
}

/* The union of a and b, each node and edge marked with its status. */
static int build_union(ng_diff *d, const ng_graph *a, const ng_graph *b, ng_error *err)
{
	int rc = ng_graph_new(&d->u, err);
	if (!rc)
		rc = ng_graph_merge(d->u, a, err);
	if (!rc)
		rc = ng_graph_merge(d->u, b, err);
	if (rc)
		return rc;
	d->u->has_diff = 1;
	for (size_t i = 0; i < d->u->nnodes; i++)
		d->u->nodes[i]->diff = "unchanged";
	for (size_t i = 0; i < d->u->nedges; i++)
		d->u->edges[i]->diff = "unchanged";
	static const char *const status[] = {"added", "removed", "changed"};
	for (size_t i = 0; i < d->n; i++) {
		const item *x = &d->v[i];
		/* Both get what the union already holds: nothing is created. */
		ng_node *n = x->is_edge ? NULL : ng_graph_node(d->u, x->a, NG_PERSON, NULL, 0);
		ng_edge *e = x->is_edge ? ng_graph_edge(d->u, x->a, x->rel, x->b) : NULL;
		if (n)
			n->diff = status[x->status];
		else if (e)
			e->diff = status[x->status];
		else
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	return 0;
}

/* Points each item's public form at its fields, now that they stay put. */
static void publish(ng_diff *d)
{
	for (size_t i = 0; i < d->n; i++) {
		item *x = &d->v[i];
		for (int k = 0; k < x->n; k++)
			x->ch[k] = (ng_diff_change){x->field[k], x->from[k], x->to[k]};
		x->pub = (ng_diff_item){x->status,
		                        x->is_edge,
		                        x->is_edge ? NULL : x->a,
		                        x->is_edge ? NULL : x->b,
		                        x->is_edge ? x->a : NULL,
		                        x->is_edge ? x->b : NULL,
		                        x->rel,
		                        x->ch,
		                        (size_t)x->n};
	}
}

int ng_diff_new(const ng_graph *a, const ng_graph *b, const ng_diff_opts *o, ng_diff **out, ng_error *err)
{
	static const ng_diff_opts all = NG_DIFF_OPTS_INIT;
	ng_view *va = NULL, *vb = NULL;
	item c = {0};
	*out = NULL;
	ng_diff *d = calloc(1, sizeof *d);
	if (!d)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	int rc = ng_view_new(a, &va, err);
	if (!rc)
		rc = ng_view_new(b, &vb, err);
	if (!rc && (walk_nodes(d, va, vb, &c) || walk_edges(d, va, vb, o ? o : &all, &c)))
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	if (!rc)
		rc = build_union(d, a, b, err);
	item_clear(&c);
	ng_view_free(va);
	ng_view_free(vb);
	if (rc) {
		ng_diff_free(d);
		return rc;
	}
	publish(d);
	*out = d;
	return 0;
}

void ng_diff_free(ng_diff *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		item_clear(&d->v[i]);
	free(d->v);
	ng_graph_free(d->u);
	free(d);
}

int ng_diff_changed(const ng_diff *d)
{
	return d->n > 0;
}

size_t ng_diff_count(const ng_diff *d)
{
	return d->n;
}

const ng_diff_item *ng_diff_get(const ng_diff *d, size_t i)
{
	return i < d->n ? &d->v[i].pub : NULL;
}

const ng_graph *ng_diff_union(const ng_diff *d)
{
	return d->u;
}
