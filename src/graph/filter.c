/* Graph filters: cut a big graph down to a readable map. Input: a graph and
 * an ng_filter (entity types, relation types, minimum evidence count, top N
 * nodes by degree). Output: a new graph holding the nodes and edges that
 * pass, each copied whole (articles, aliases, mentions, kb ids, evidence,
 * attrs, dates) through the graph's own functions so that identity and
 * ordering rules hold in the copy as in the original. */
#include "graph/filter.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"

int ng_filter_active(const ng_filter *f)
{
	return f && (f->types || f->relations || f->min_count || f->top);
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

static int copy_node(ng_graph *dst, const ng_node *s)
{
	ng_node *d = ng_graph_node(dst, s->id, s->type, s->name, s->name_kb);
	if (!d || ng_node_set_kb(d, s->iso3166, s->wikidata))
		return NG_ENOMEM;
	for (size_t k = 0; k < s->naliases; k++)
		if (ng_node_add_alias(d, s->aliases[k]))
			return NG_ENOMEM;
	for (size_t k = 0; k < s->nmentions; k++) {
		const ng_mention_rec *m = &s->mentions[k];
		if (ng_node_add_mention(dst, d, m->article, m->start, m->end, m->kind))
			return NG_ENOMEM;
	}
	return 0;
}

static int copy_edge(ng_graph *dst, const ng_edge *s)
{
	ng_edge *d = ng_graph_edge(dst, s->source, s->rel, s->target);
	if (!d || ng_edge_set_date(d, s->date))
		return NG_ENOMEM;
	for (size_t k = 0; k < s->nattrs; k++)
		if (ng_edge_set_attr(d, s->attrs[k].key, s->attrs[k].val))
			return NG_ENOMEM;
	for (size_t k = 0; k < s->nev; k++)
		if (ng_edge_add_evidence(dst, d, &s->ev[k]))
			return NG_ENOMEM;
	/* Evidence recomputes these, but a reader may have set them on an edge
	 * directly; the copy keeps what the original says. */
	d->modality = s->modality;
	d->negated = s->negated;
	d->confidence = s->confidence;
	return 0;
}

int ng_graph_filter(const ng_graph *g, const ng_filter *f, ng_graph **out, ng_error *err)
{
	ng_node **nodes = NULL;
	ng_edge **edges = NULL;
	ng_map index = {0}; /* node id -> 1 + position in nodes[] */
	char *node_keep = NULL, *edge_keep = NULL;
	size_t *degree = NULL;
	size_t *ends = NULL; /* per edge: 1 + position of source, then of target */
	char *rel_keep = NULL;
	ranked *rank = NULL;
	ng_graph *res = NULL;
	int rc;
	static const ng_filter none = NG_FILTER_INIT;
	if (!f)
		f = &none; /* no filter: a plain deep copy */
	*out = NULL;

	/* Work in sorted order so that everything, including the insertion
	 * order of the copy, is the same for the same input. */
	if ((rc = ng_graph_sorted_nodes(g, &nodes, err)) || (rc = ng_graph_sorted_edges(g, &edges, err)))
		goto done;
	size_t nn = g->nnodes, ne = g->nedges;
	node_keep = calloc(nn + 1, 1);
	edge_keep = calloc(ne + 1, 1);
	degree = calloc(nn + 1, sizeof *degree);
	ends = calloc(2 * ne + 1, sizeof *ends);
	rel_keep = calloc((size_t)NG_NRELATIONS, 1);
	if (!node_keep || !edge_keep || !degree || !ends || !rel_keep)
		goto oom;
	for (size_t i = 0; i < nn; i++) {
		void **slot = ng_map_put(&index, nodes[i]->id, strlen(nodes[i]->id));
		if (!slot)
			goto oom;
		*slot = (void *)(uintptr_t)(i + 1);
		int t = nodes[i]->type;
		node_keep[i] = !f->types || (t >= 0 && t < NG_NTYPES && (f->types & (1u << t)));
	}

	if (f->relations)
		relation_set(f->relations, rel_keep);
	for (size_t i = 0; i < ne; i++) {
		const ng_edge *e = edges[i];
		size_t s = (size_t)(uintptr_t)ng_map_get(&index, e->source, strlen(e->source));
		size_t t = (size_t)(uintptr_t)ng_map_get(&index, e->target, strlen(e->target));
		ends[2 * i] = s;
		ends[2 * i + 1] = t;
		edge_keep[i] = s && t && node_keep[s - 1] && node_keep[t - 1] &&
		               (!f->relations || (e->rel >= 0 && e->rel < NG_NRELATIONS && rel_keep[e->rel])) &&
		               e->nev >= f->min_count;
		if (edge_keep[i]) {
			degree[s - 1]++;
			degree[t - 1]++;
		}
	}
	/* A relation or count filter asks for a map of those edges: a node they
	 * no longer touch would only be noise. */
	if (f->relations || f->min_count)
		for (size_t i = 0; i < nn; i++)
			if (!degree[i])
				node_keep[i] = 0;
	if (f->top) {
		size_t nr = 0;
		rank = malloc((nn + 1) * sizeof *rank);
		if (!rank)
			goto oom;
		for (size_t i = 0; i < nn; i++)
			if (node_keep[i])
				rank[nr++] = (ranked){nodes[i], degree[i]};
		ng_sort(rank, nr, sizeof *rank, cmp_ranked);
		for (size_t i = f->top; i < nr; i++) {
			size_t p = (size_t)(uintptr_t)ng_map_get(&index, rank[i].node->id, strlen(rank[i].node->id));
			node_keep[p - 1] = 0;
		}
		for (size_t i = 0; i < ne; i++)
			if (edge_keep[i] && (!node_keep[ends[2 * i] - 1] || !node_keep[ends[2 * i + 1] - 1]))
				edge_keep[i] = 0;
	}

	if ((rc = ng_graph_new(&res, err)))
		goto done;
	for (size_t i = 0; i < g->narticles; i++) {
		const ng_article_rec *a = &g->articles[i];
		if (ng_graph_add_article(res, a->id, a->title, a->date, a->source))
			goto oom;
	}
	for (size_t i = 0; i < nn; i++)
		if (node_keep[i] && copy_node(res, nodes[i]))
			goto oom;
	for (size_t i = 0; i < ne; i++)
		if (edge_keep[i] && copy_edge(res, edges[i]))
			goto oom;
	*out = res;
	res = NULL;
	rc = 0;
	goto done;
oom:
	rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
done:
	ng_graph_free(res);
	ng_map_free(&index);
	free(nodes);
	free(edges);
	free(node_keep);
	free(edge_keep);
	free(degree);
	free(ends);
	free(rel_keep);
	free(rank);
	return rc;
}
