/* Graph filters: cut a big graph down to a readable map. Input: a graph and
 * an ng_filter (entity types, relation types, minimum evidence count, top N
 * nodes by degree). Output: a new graph holding the nodes and edges that
 * pass, each copied whole (articles, aliases, mentions, kb ids, evidence,
 * attrs, dates) through the graph's own functions so that identity and
 * ordering rules hold in the copy as in the original. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "graph/view.h"
#include "newsgraph/filter.h"

int ng_filter_active(const ng_filter *f)
{
	return f && (f->types || f->relations || f->min_count || f->top || f->drop_isolated);
}

/* Marks in keep[] the relation types named in the comma list. Unknown names
 * match nothing: the CLI validates names before they get here, and a library
 * caller asking for a type that does not exist simply gets no such edges. */
static void relation_set(const char *list, char keep[])
{
	const char *p = list;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		const char *s = p;
		while (*p && *p != ',')
			p++;
		size_t n = (size_t)(p - s);
		while (n && s[n - 1] == ' ')
			n--;
		int r = n ? ng_relation_parse(s, n) : -1;
		if (r >= 0)
			keep[r] = 1;
	}
}

typedef struct ranked {
	const ng_node *node;
	size_t degree;
} ranked;

/* Highest degree first; equal degrees by id so --top is deterministic. */
static int cmp_ranked(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->degree != y->degree)
		return x->degree > y->degree ? -1 : 1;
	return strcmp(x->node->id, y->node->id);
}

static int copy_node(ng_graph *dst, const ng_view_node *s)
{
	const ng_node *n = s->n;
	ng_node *d = ng_graph_node(dst, n->id, n->type, n->name, n->name_kb);
	if (!d || ng_node_set_kb(d, n->iso3166, n->wikidata))
		return NG_ENOMEM;
	for (size_t k = 0; k < s->naliases; k++)
		if (ng_node_add_alias(d, s->aliases[k]))
			return NG_ENOMEM;
	for (size_t k = 0; k < s->nmentions; k++) {
		const ng_mention_rec *m = s->mentions[k];
		if (ng_node_add_mention(dst, d, m->article, m->start, m->end, m->kind))
			return NG_ENOMEM;
	}
	return 0;
}

static int copy_edge(ng_graph *dst, const ng_view_edge *s)
{
	const ng_edge *e = s->e;
	ng_edge *d = ng_graph_edge(dst, e->source, e->rel, e->target);
	if (!d || ng_edge_set_date(d, e->date))
		return NG_ENOMEM;
	for (size_t k = 0; k < s->nattrs; k++)
		if (ng_edge_set_attr(d, s->attrs[k]->key, s->attrs[k]->val))
			return NG_ENOMEM;
	for (size_t k = 0; k < s->nev; k++)
		if (ng_edge_add_evidence(dst, d, s->ev[k]))
			return NG_ENOMEM;
	/* Evidence recomputes these, but a reader may have set them on an edge
	 * directly; the copy keeps what the original says. */
	d->modality = e->modality;
	d->negated = e->negated;
	d->cut = e->cut;
	d->cut_weight = e->cut_weight;
	return 0;
}

/* The filter's work on one graph: which nodes and edges of the canonical
 * view pass. Working in canonical order makes everything, including the
 * insertion order of the copy, the same for the same input. */
typedef struct pick {
	const ng_view *v;
	const ng_filter *f;
	ng_map index;            /* node id -> 1 + position in v->nodes */
	char *node_keep, *edge_keep;
	size_t *degree;          /* per node: kept edges touching it */
	size_t *ends;            /* per edge: 1 + position of source, then of target */
} pick;

static void pick_free(pick *p)
{
	ng_map_free(&p->index);
	free(p->node_keep);
	free(p->edge_keep);
	free(p->degree);
	free(p->ends);
}

/* Indexes the nodes and keeps those of the wanted types. */
static int pick_nodes(pick *p)
{
	const ng_view *v = p->v;
	p->node_keep = calloc(v->nnodes + 1, 1);
	p->edge_keep = calloc(v->nedges + 1, 1);
	p->degree = calloc(v->nnodes + 1, sizeof *p->degree);
	p->ends = calloc(2 * v->nedges + 1, sizeof *p->ends);
	if (!p->node_keep || !p->edge_keep || !p->degree || !p->ends)
		return NG_ENOMEM;
	for (size_t i = 0; i < v->nnodes; i++) {
		const ng_node *n = v->nodes[i].n;
		void **slot = ng_map_put(&p->index, n->id, strlen(n->id));
		if (!slot)
			return NG_ENOMEM;
		*slot = (void *)(uintptr_t)(i + 1);
		int t = n->type;
		p->node_keep[i] = !p->f->types || (t >= 0 && t < NG_NTYPES && (p->f->types & (1u << t)));
	}
	return 0;
}

/* Keeps the edges of the wanted relations and counts between kept nodes,
 * counting each node's kept edges. */
static void pick_edges(pick *p)
{
	const ng_view *v = p->v;
	const ng_filter *f = p->f;
	char rel_keep[NG_NRELATIONS] = {0};
	if (f->relations)
		relation_set(f->relations, rel_keep);
	for (size_t i = 0; i < v->nedges; i++) {
		const ng_edge *e = v->edges[i].e;
		size_t s = (size_t)(uintptr_t)ng_map_get(&p->index, e->source, strlen(e->source));
		size_t t = (size_t)(uintptr_t)ng_map_get(&p->index, e->target, strlen(e->target));
		p->ends[2 * i] = s;
		p->ends[2 * i + 1] = t;
		p->edge_keep[i] = s && t && p->node_keep[s - 1] && p->node_keep[t - 1] &&
		                  (!f->relations || (e->rel >= 0 && e->rel < NG_NRELATIONS && rel_keep[e->rel])) &&
		                  v->edges[i].count >= f->min_count;
		if (p->edge_keep[i]) {
			p->degree[s - 1]++;
			p->degree[t - 1]++;
		}
	}
	/* A relation or count filter asks for a map of those edges: a node they
	 * no longer touch would only be noise. */
	if (f->relations || f->min_count)
		for (size_t i = 0; i < v->nnodes; i++)
			if (!p->degree[i])
				p->node_keep[i] = 0;
}

/* Drops the kept nodes that no kept edge touches. */
static void drop_orphans(pick *p)
{
	const ng_view *v = p->v;
	memset(p->degree, 0, v->nnodes * sizeof *p->degree);
	for (size_t i = 0; i < v->nedges; i++)
		if (p->edge_keep[i]) {
			p->degree[p->ends[2 * i] - 1]++;
			p->degree[p->ends[2 * i + 1] - 1]++;
		}
	for (size_t i = 0; i < v->nnodes; i++)
		if (!p->degree[i])
			p->node_keep[i] = 0;
}

/* Keeps the f->top kept nodes of highest degree, and the edges between
 * them; a node whose edges all went to nodes left out goes too. */
static int pick_top(pick *p)
{
	const ng_view *v = p->v;
	size_t nr = 0;
	ranked *rank = malloc((v->nnodes + 1) * sizeof *rank);
	if (!rank)
		return NG_ENOMEM;
	for (size_t i = 0; i < v->nnodes; i++)
		if (p->node_keep[i])
			rank[nr++] = (ranked){v->nodes[i].n, p->degree[i]};
	ng_sort(rank, nr, sizeof *rank, cmp_ranked);
	for (size_t i = p->f->top; i < nr; i++) {
		size_t k = (size_t)(uintptr_t)ng_map_get(&p->index, rank[i].node->id, strlen(rank[i].node->id));
		p->node_keep[k - 1] = 0;
	}
	for (size_t i = 0; i < v->nedges; i++)
		if (p->edge_keep[i] && (!p->node_keep[p->ends[2 * i] - 1] || !p->node_keep[p->ends[2 * i + 1] - 1]))
			p->edge_keep[i] = 0;
	free(rank);
	drop_orphans(p);
	return 0;
}

/* Copies what passed, articles whole, into a new graph. */
static int copy_picked(const pick *p, ng_graph *res)
{
	const ng_view *v = p->v;
	for (size_t i = 0; i < v->narticles; i++) {
		const ng_article_rec *a = v->articles[i];
		if (ng_graph_add_article(res, a->id, a->title, a->date, a->source))
			return NG_ENOMEM;
	}
	for (size_t i = 0; i < v->nnodes; i++)
		if (p->node_keep[i] && copy_node(res, &v->nodes[i]))
			return NG_ENOMEM;
	for (size_t i = 0; i < v->nedges; i++)
		if (p->edge_keep[i] && copy_edge(res, &v->edges[i]))
			return NG_ENOMEM;
	return 0;
}

int ng_graph_filter(const ng_graph *g, const ng_filter *f, ng_graph **out, ng_error *err)
{
	static const ng_filter none = NG_FILTER_INIT;
	pick p = {.f = f ? f : &none}; /* no filter: a plain deep copy */
	ng_view *v = NULL;
	ng_graph *res = NULL;
	*out = NULL;
	int rc = ng_view_new(g, &v, err);
	if (!rc)
		rc = ng_graph_new(&res, err);
	if (rc)
		goto done;
	p.v = v;
	if (pick_nodes(&p))
		goto oom;
	pick_edges(&p);
	if (p.f->top && pick_top(&p))
		goto oom;
	if (p.f->drop_isolated)
		drop_orphans(&p);
	if (copy_picked(&p, res))
		goto oom;
	*out = res;
	res = NULL;
	goto done;
oom:
	rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
done:
	ng_graph_free(res);
	pick_free(&p);
	ng_view_free(v);
	return rc;
}
