/* Diff: two graphs in, their differences out, as text (+ added, - removed,
 * ~ changed with the changed fields), as JSON, or as a DOT drawing of the
 * union coloured by change. Both graphs are walked in their canonical order,
 * so the output is stable. */
#include "graph/diff.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "graph/view.h"
#include "writers/dot.h"

typedef struct change {
	char field[16];
	char *from, *to;
} change;

typedef struct changes {
	change c[8];
	int n;
} changes;

static void changes_free(changes *c)
{
	for (int i = 0; i < c->n; i++) {
		free(c->c[i].from);
		free(c->c[i].to);
	}
	c->n = 0;
}

static int note(changes *c, const char *field, const char *from, const char *to)
{
	if ((from && to && strcmp(from, to) == 0) || (!from && !to) || c->n == 8)
		return 0;
	change *x = &c->c[c->n++];
	snprintf(x->field, sizeof x->field, "%s", field);
	x->from = ng_strdup(from ? from : "none");
	x->to = ng_strdup(to ? to : "none");
	return x->from && x->to ? 0 : NG_ENOMEM;
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

static int compare_edges(const ng_view_edge *x, const ng_view_edge *y, const ng_diff_opts *o, changes *c)
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
		snprintf(n1, sizeof n1, "%zu", x->nev);
		snprintf(n2, sizeof n2, "%zu", y->nev);
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

/* One difference, as the walk finds it. kind: '+', '-', '~'. */
typedef struct diff_item {
	char kind;
	const ng_node *node; /* or NULL for an edge */
	const ng_edge *edge;
	changes ch;
} diff_item;

typedef struct diff_list {
	diff_item *v;
	size_t n, cap;
} diff_list;

static int push(diff_list *l, char kind, const ng_node *n, const ng_edge *e, changes *c)
{
	diff_item *x = NG_PUSH(l->v, l->n, l->cap);
	if (!x)
		return NG_ENOMEM;
	x->kind = kind;
	x->node = n;
	x->edge = e;
	x->ch = *c;
	c->n = 0;
	return 0;
}

static int walk(const ng_graph *a, const ng_graph *b, const ng_diff_opts *o, diff_list *out, ng_error *err)
{
	ng_view *va = NULL, *vb = NULL;
	int rc = ng_view_new(a, &va, err);
	if (!rc && (rc = ng_view_new(b, &vb, err)))
		ng_view_free(va);
	if (rc)
		return rc;
	changes c = {0};
	for (size_t i = 0, j = 0; !rc && (i < va->nnodes || j < vb->nnodes);) {
		const ng_node *x = i < va->nnodes ? va->nodes[i].n : NULL, *y = j < vb->nnodes ? vb->nodes[j].n : NULL;
		int k = !x ? 1 : !y ? -1 : strcmp(x->id, y->id);
		if (k < 0)
			rc = push(out, '-', x, NULL, &c), i++;
		else if (k > 0)
			rc = push(out, '+', y, NULL, &c), j++;
		else {
			rc = note(&c, "name", x->name, y->name);
			if (!rc && c.n)
				rc = push(out, '~', y, NULL, &c);
			i++, j++;
		}
	}
	for (size_t i = 0, j = 0; !rc && (i < va->nedges || j < vb->nedges);) {
		const ng_view_edge *x = i < va->nedges ? &va->edges[i] : NULL, *y = j < vb->nedges ? &vb->edges[j] : NULL;
		int k = !x ? 1 : !y ? -1 : cmp_edge_key(x->e, y->e);
		if (k < 0)
			rc = push(out, '-', NULL, x->e, &c), i++;
		else if (k > 0)
			rc = push(out, '+', NULL, y->e, &c), j++;
		else {
			rc = compare_edges(x, y, o, &c);
			if (!rc && c.n)
				rc = push(out, '~', NULL, y->e, &c);
			i++, j++;
		}
	}
	changes_free(&c);
	ng_view_free(va);
	ng_view_free(vb);
	return rc ? ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory") : 0;
}

static int write_text(const diff_list *l, FILE *out)
{
	for (size_t i = 0; i < l->n; i++) {
		const diff_item *d = &l->v[i];
		if (d->node)
			fprintf(out, "%c node %s \"%s\"", d->kind, d->node->id, d->node->name);
		else
			fprintf(out, "%c edge %s -%s-> %s", d->kind, d->edge->source, ng_relation_get(d->edge->rel)->name,
			        d->edge->target);
		for (int k = 0; k < d->ch.n; k++)
			fprintf(out, "%s%s: %s -> %s", k ? "; " : " ", d->ch.c[k].field, d->ch.c[k].from, d->ch.c[k].to);
		fputc('\n', out);
	}
	return ferror(out) ? NG_EIO : 0;
}

static int write_json(const diff_list *l, FILE *out)
{
	cJSON *root = cJSON_CreateObject();
	const char *groups[] = {"added", "removed", "changed"};
	const char kinds[] = {'+', '-', '~'};
	int ok = root != NULL;
	for (int part = 0; part < 2 && ok; part++) {
		cJSON *p = cJSON_AddObjectToObject(root, part ? "edges" : "nodes");
		for (int g = 0; g < 3 && ok; g++) {
			cJSON *arr = p ? cJSON_AddArrayToObject(p, groups[g]) : NULL;
			ok = arr != NULL;
			for (size_t i = 0; i < l->n && ok; i++) {
				const diff_item *d = &l->v[i];
				if (d->kind != kinds[g] || (d->node != NULL) == part)
					continue;
				cJSON *o = cJSON_CreateObject();
				ok = o && cJSON_AddItemToArray(arr, o);
				if (ok && d->node)
					ok = cJSON_AddStringToObject(o, "id", d->node->id) && cJSON_AddStringToObject(o, "name", d->node->name);
				else if (ok)
					ok = cJSON_AddStringToObject(o, "source", d->edge->source) &&
					     cJSON_AddStringToObject(o, "type", ng_relation_get(d->edge->rel)->name) &&
					     cJSON_AddStringToObject(o, "target", d->edge->target);
				if (ok && d->kind == '~') {
					cJSON *ch = cJSON_AddObjectToObject(o, "changes");
					for (int k = 0; ok && ch && k < d->ch.n; k++) {
						cJSON *pair = cJSON_CreateArray();
						ok = pair && cJSON_AddItemToObject(ch, d->ch.c[k].field, pair) &&
						     cJSON_AddItemToArray(pair, cJSON_CreateString(d->ch.c[k].from)) &&
						     cJSON_AddItemToArray(pair, cJSON_CreateString(d->ch.c[k].to));
					}
					ok = ok && ch;
				}
			}
		}
	}
	char *s = ok ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	if (!s)
		return NG_ENOMEM;
	int rc = fprintf(out, "%s\n", s) < 0 ? NG_EIO : 0;
	free(s);
	return rc;
}

/* The union drawn with the DOT writer's styles, then coloured: added green,
 * removed red, changed orange, unchanged grey. */
static int write_dot(const ng_graph *a, const ng_graph *b, const diff_list *l, FILE *out, ng_error *err)
{
	ng_graph *u = NULL;
	ng_view *v = NULL;
	Agraph_t *G = NULL;
	int rc = ng_graph_new(&u, err);
	if (!rc)
		rc = ng_graph_merge(u, a, err);
	if (!rc)
		rc = ng_graph_merge(u, b, err);
	if (!rc)
		rc = ng_view_new(u, &v, err);
	if (!rc)
		rc = ng_dot_build(v, &G, err);
	ng_view_free(v);
	if (rc) {
		ng_graph_free(u);
		return rc;
	}
	agattr(G, AGNODE, "color", "grey60");
	agattr(G, AGNODE, "fontcolor", "grey40");
	agattr(G, AGEDGE, "color", "grey60");
	agattr(G, AGEDGE, "fontcolor", "grey40");
	for (size_t i = 0; i < l->n; i++) {
		const diff_item *d = &l->v[i];
		const char *col = d->kind == '+' ? "green4" : d->kind == '-' ? "red" : "orange";
		void *obj = NULL;
		if (d->node)
			obj = agnode(G, d->node->id, 0);
		else {
			Agnode_t *s = agnode(G, d->edge->source, 0), *t = agnode(G, d->edge->target, 0);
			obj = s && t ? agedge(G, s, t, (char *)ng_relation_get(d->edge->rel)->name, 0) : NULL;
		}
		if (obj) {
			agsafeset(obj, "color", (char *)col, "");
			agsafeset(obj, "fontcolor", (char *)col, "");
			agsafeset(obj, "penwidth", "2", "");
		}
	}
	rc = agwrite(G, out) ? NG_EIO : 0;
	agclose(G);
	ng_graph_free(u);
	return rc;
}

int ng_diff_union(const ng_graph *a, const ng_graph *b, const ng_diff_opts *o, ng_graph **out, int *changed,
                  ng_error *err)
{
	diff_list l = {0};
	ng_graph *u = NULL;
	int rc = walk(a, b, o, &l, err);
	if (!rc)
		rc = ng_graph_new(&u, err);
	if (!rc)
		rc = ng_graph_merge(u, a, err);
	if (!rc)
		rc = ng_graph_merge(u, b, err);
	if (!rc) {
		*changed = l.n > 0;
		u->has_diff = 1;
		for (size_t i = 0; i < u->nnodes; i++)
			u->nodes[i]->diff = "unchanged";
		for (size_t i = 0; i < u->nedges; i++)
			u->edges[i]->diff = "unchanged";
		for (size_t i = 0; i < l.n; i++) {
			const diff_item *d = &l.v[i];
			const char *st = d->kind == '+' ? "added" : d->kind == '-' ? "removed" : "changed";
			if (d->node)
				((ng_node *)ng_graph_find_node(u, d->node->id))->diff = st;
			else {
				ng_edge *e = ng_graph_edge(u, d->edge->source, d->edge->rel, d->edge->target);
				if (!e) {
					rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
					break;
				}
				e->diff = st;
			}
		}
	}
	for (size_t i = 0; i < l.n; i++)
		changes_free(&l.v[i].ch);
	free(l.v);
	if (rc) {
		ng_graph_free(u);
		u = NULL;
	}
	*out = u;
	return rc;
}

int ng_diff(const ng_graph *a, const ng_graph *b, const ng_diff_opts *o, FILE *out, int *changed, ng_error *err)
{
	diff_list l = {0};
	int rc = walk(a, b, o, &l, err);
	if (!rc) {
		*changed = l.n > 0;
		rc = o->format == NG_DIFF_JSON ? write_json(&l, out)
		     : o->format == NG_DIFF_DOT ? write_dot(a, b, &l, out, err)
		                                : write_text(&l, out);
		if (rc && (!err || !err->code))
			ng_fail(err, rc, NULL, 0, rc == NG_EIO ? "write failed" : "out of memory");
	}
	for (size_t i = 0; i < l.n; i++)
		changes_free(&l.v[i].ch);
	free(l.v);
	return rc;
}
