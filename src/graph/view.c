/* The canonical view: a const graph in, its read-only ordered form out
 * (see view.h). The graph keeps items in the order they came; every order
 * a reader sees is decided here, once, so that any merge order gives the
 * same output. */
#include "graph/view.h"

#include <stdlib.h>
#include <string.h>

static int cmp_article(const void *a, const void *b)
{
	return strcmp((*(const ng_article_rec *const *)a)->id, (*(const ng_article_rec *const *)b)->id);
}

static int cmp_node(const void *a, const void *b)
{
	return strcmp(((const ng_view_node *)a)->n->id, ((const ng_view_node *)b)->n->id);
}

static int cmp_edge(const void *a, const void *b)
{
	const ng_edge *x = ((const ng_view_edge *)a)->e, *y = ((const ng_view_edge *)b)->e;
	int c = strcmp(x->source, y->source);
	if (!c)
		c = strcmp(ng_relation_get(x->rel)->name, ng_relation_get(y->rel)->name);
	return c ? c : strcmp(x->target, y->target);
}

static int cmp_mention(const void *a, const void *b)
{
	const ng_mention_rec *x = *(const ng_mention_rec *const *)a, *y = *(const ng_mention_rec *const *)b;
	int c = strcmp(x->article, y->article);
	if (c)
		return c;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

static int cmp_ev(const void *a, const void *b)
{
	const ng_evidence *x = *(const ng_evidence *const *)a, *y = *(const ng_evidence *const *)b;
	int c = strcmp(x->article, y->article);
	if (c)
		return c;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->rule ? x->rule : "", y->rule ? y->rule : "");
}

static int cmp_attr(const void *a, const void *b)
{
	return strcmp((*(const ng_attr *const *)a)->key, (*(const ng_attr *const *)b)->key);
}

/* The view's one allocation, so that one free releases it all: the view,
 * the edges (the member whose alignment may be the strictest, placed by the
 * compiler), then the nodes and the pointer arrays, each a whole number of
 * elements that need no stricter alignment than what precedes them. */
typedef struct block {
	ng_view v;
	ng_view_edge edges[];
} block;

/* Hands out the next n elements of `size` bytes from the block at *p. */
static void *carve(char **p, size_t n, size_t size)
{
	void *r = *p;
	*p += n * size;
	return r;
}

static void fill_node(ng_view_node *vn, const ng_node *n, const char **aliases, const ng_mention_rec **mentions)
{
	for (size_t k = 0; k < n->naliases; k++)
		aliases[k] = n->aliases[k];
	for (size_t k = 0; k < n->nmentions; k++)
		mentions[k] = &n->mentions[k];
	ng_sort(aliases, n->naliases, sizeof *aliases, ng_cmpstr);
	ng_sort(mentions, n->nmentions, sizeof *mentions, cmp_mention);
	*vn = (ng_view_node){n, aliases, mentions, n->naliases, n->nmentions};
}

static void fill_edge(ng_view_edge *ve, const ng_edge *e, const ng_evidence **ev, const ng_attr **attrs)
{
	for (size_t k = 0; k < e->nev; k++)
		ev[k] = &e->ev[k];
	for (size_t k = 0; k < e->nattrs; k++)
		attrs[k] = &e->attrs[k];
	ng_sort(ev, e->nev, sizeof *ev, cmp_ev);
	ng_sort(attrs, e->nattrs, sizeof *attrs, cmp_attr);
	/* Independent evidence raises confidence; computed in evidence order
	 * so that any merge order gives the same bits. */
	double miss = 1.0;
	for (size_t k = 0; k < e->nev; k++)
		miss *= 1.0 - ev[k]->conf;
	if (e->cut)
		miss *= ng_bound_miss(e->cut_weight);
	*ve = (ng_view_edge){e, ev, attrs, e->nev, e->nattrs, e->nev + e->cut, 1.0 - miss > 0.99 ? 0.99 : 1.0 - miss};
}

int ng_view_new(const ng_graph *g, ng_view **out, ng_error *err)
{
	size_t naliases = 0, nmentions = 0, nev = 0, nattrs = 0;
	for (size_t i = 0; i < g->nnodes; i++) {
		naliases += g->nodes[i]->naliases;
		nmentions += g->nodes[i]->nmentions;
	}
	for (size_t i = 0; i < g->nedges; i++) {
		nev += g->edges[i]->nev;
		nattrs += g->edges[i]->nattrs;
	}
	size_t bytes = sizeof(block) + g->nedges * sizeof(ng_view_edge) + g->nnodes * sizeof(ng_view_node) +
	               g->narticles * sizeof(const ng_article_rec *) + naliases * sizeof(const char *) +
	               nmentions * sizeof(const ng_mention_rec *) + nev * sizeof(const ng_evidence *) +
	               nattrs * sizeof(const ng_attr *);
	block *b = malloc(bytes);
	*out = NULL;
	if (!b)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	ng_view_edge *edges = b->edges;
	char *p = (char *)(edges + g->nedges);
	ng_view_node *nodes = carve(&p, g->nnodes, sizeof *nodes);
	const ng_article_rec **articles = carve(&p, g->narticles, sizeof *articles);
	size_t narticles = 0;
	unsigned char *cited = NULL;
	if ((g->max_evidence || g->max_mentions) && ng_bound_cited(g, &cited)) {
		free(b);
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	for (size_t i = 0; i < g->narticles; i++)
		if (!cited || cited[i])
			articles[narticles++] = &g->articles[i];
	free(cited);
	ng_sort(articles, narticles, sizeof *articles, cmp_article);
	for (size_t i = 0; i < g->nnodes; i++) {
		const ng_node *n = g->nodes[i];
		fill_node(&nodes[i], n, carve(&p, n->naliases, sizeof(const char *)),
		          carve(&p, n->nmentions, sizeof(const ng_mention_rec *)));
	}
	ng_sort(nodes, g->nnodes, sizeof *nodes, cmp_node);
	for (size_t i = 0; i < g->nedges; i++) {
		const ng_edge *e = g->edges[i];
		fill_edge(&edges[i], e, carve(&p, e->nev, sizeof(const ng_evidence *)),
		          carve(&p, e->nattrs, sizeof(const ng_attr *)));
	}
	ng_sort(edges, g->nedges, sizeof *edges, cmp_edge);
	b->v = (ng_view){g, articles, nodes, edges, narticles, g->nnodes, g->nedges, g->has_diff};
	*out = &b->v;
	return 0;
}

void ng_view_free(ng_view *v)
{
	free(v);
}
