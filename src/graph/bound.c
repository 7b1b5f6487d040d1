/* Bounded merges: a graph that keeps at most N evidence per edge and N
 * mentions per node, so that merging millions of articles holds what the
 * world they describe needs, not every sentence of every article. Input:
 * records added to a bounded graph. Output: per edge or node, the records
 * of the earliest articles (article date, then id, then offsets: an order
 * that depends on the records alone, so any merge order or grouping keeps
 * the same ones); per edge, the count and confidence share of the others.
 * A bounded graph is rebuilt from what it keeps now and then, so that the
 * strings and articles of cut records do not pile up. */
#include "graph/graph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int64_t ng_bound_weight(double conf)
{
	if (conf > 0.999999)
		conf = 0.999999;
	return conf > 0 ? llround(-log1p(-conf) * 1e9) : 0;
}

int64_t ng_bound_add_weight(int64_t a, int64_t b)
{
	return a > INT64_MAX - b ? INT64_MAX : a + b;
}

double ng_bound_miss(int64_t weight)
{
	return exp(-(double)weight / 1e9);
}

/* Article date (an undated article after every dated one), then id. */
static int cmp_article(const ng_graph *g, const char *a, const char *b)
{
	if (a == b)
		return 0;
	const char *da = ng_graph_article_date(g, a), *db = ng_graph_article_date(g, b);
	int c = da && db ? strcmp(da, db) : (db != NULL) - (da != NULL);
	return c ? c : strcmp(a, b);
}

static int cmp_u32(uint32_t a, uint32_t b)
{
	return a < b ? -1 : a > b;
}

static int cmp_mention(const ng_graph *g, const ng_mention_rec *x, const ng_mention_rec *y)
{
	int c = cmp_article(g, x->article, y->article);
	if (!c)
		c = cmp_u32(x->start, y->start);
	return c ? c : cmp_u32(x->end, y->end);
}

static int cmp_evidence(const ng_graph *g, const ng_evidence *x, const ng_evidence *y)
{
	int c = cmp_article(g, x->article, y->article);
	if (!c)
		c = cmp_u32(x->start, y->start);
	return c ? c : strcmp(x->rule ? x->rule : "", y->rule ? y->rule : "");
}

int ng_bound_add_mention(ng_graph *g, ng_node *n, const ng_mention_rec *m)
{
	int bad = 0;
	ng_mention_rec r = *m;
	r.article = ng_graph_intern(g, m->article, &bad);
	if (bad)
		return NG_ENOMEM;
	for (size_t i = 0; i < n->nmentions; i++)
		if (n->mentions[i].article == r.article && n->mentions[i].start == r.start && n->mentions[i].end == r.end)
			return 0;
	size_t last = 0;
	for (size_t i = 1; n->nmentions >= g->max_mentions && i < n->nmentions; i++)
		if (cmp_mention(g, &n->mentions[i], &n->mentions[last]) > 0)
			last = i;
	if (n->nmentions < g->max_mentions) {
		ng_mention_rec *p = NG_PUSH(n->mentions, n->nmentions, n->cmentions);
		if (!p)
			return NG_ENOMEM;
		*p = r;
	} else if (cmp_mention(g, &r, &n->mentions[last]) < 0) {
		n->mentions[last] = r;
	}
	return 0;
}

int ng_bound_add_evidence(ng_graph *g, ng_edge *e, const ng_evidence *ev)
{
	int bad = 0;
	ng_evidence r = *ev;
	r.article = ng_graph_intern(g, ev->article, &bad);
	r.rule = ng_graph_intern(g, ev->rule, &bad);
	if (bad)
		return NG_ENOMEM;
	for (size_t i = 0; i < e->nev; i++)
		if (e->ev[i].article == r.article && e->ev[i].start == r.start && e->ev[i].rule == r.rule)
			return 0;
	size_t last = 0;
	for (size_t i = 1; e->nev >= g->max_evidence && i < e->nev; i++)
		if (cmp_evidence(g, &e->ev[i], &e->ev[last]) > 0)
			last = i;
	/* Strings are interned only for the records kept. */
	ng_evidence *slot = NULL;
	if (e->nev < g->max_evidence) {
		if (!(slot = NG_PUSH(e->ev, e->nev, e->cev)))
			return NG_ENOMEM;
	} else {
		const ng_evidence *out = cmp_evidence(g, &r, &e->ev[last]) < 0 ? &e->ev[last] : &r;
		e->cut++;
		e->cut_weight = ng_bound_add_weight(e->cut_weight, ng_bound_weight(out->conf));
		if (out != &r)
			slot = &e->ev[last];
	}
	if (slot) {
		r.sentence = ng_graph_intern(g, ev->sentence, &bad);
		r.trigger = ng_graph_intern(g, ev->trigger, &bad);
		*slot = r;
	}
	if (ev->modality < e->modality)
		e->modality = ev->modality;
	if (!ev->negated)
		e->negated = 0;
	return bad ? NG_ENOMEM : 0;
}

/* Marks in *cited (one byte per article, in g's order) the articles a
 * kept mention or evidence cites. */
int ng_bound_cited(const ng_graph *g, unsigned char **cited)
{
	unsigned char *c = calloc(g->narticles + 1, 1);
	if (!(*cited = c))
		return NG_ENOMEM;
	for (size_t i = 0; i < g->nnodes; i++)
		for (size_t k = 0; k < g->nodes[i]->nmentions; k++) {
			const char *a = g->nodes[i]->mentions[k].article;
			uintptr_t x = (uintptr_t)ng_map_get(&g->article_idx, a, strlen(a));
			c[x ? x - 1 : g->narticles] = 1;
		}
	for (size_t i = 0; i < g->nedges; i++)
		for (size_t k = 0; k < g->edges[i]->nev; k++) {
			const char *a = g->edges[i]->ev[k].article;
			uintptr_t x = (uintptr_t)ng_map_get(&g->article_idx, a, strlen(a));
			c[x ? x - 1 : g->narticles] = 1;
		}
	return 0;
}

/* Swaps the contents of two graphs. */
static void swap(ng_graph *a, ng_graph *b)
{
	ng_graph t = *a;
	*a = *b;
	*b = t;
}

int ng_bound_compact(ng_graph *g, int force)
{
	if (!force && g->narticles < g->compact_at)
		return 0;
	ng_error err = NG_ERROR_INIT;
	ng_graph *t = NULL;
	unsigned char *cited = NULL;
	int rc = ng_graph_new(&t, &err);
	if (rc)
		return rc;
	t->max_evidence = g->max_evidence;
	t->max_mentions = g->max_mentions;
	/* Only the cited articles come along; the records are copied under
	 * the same bounds, which they already meet. */
	rc = ng_bound_cited(g, &cited);
	for (size_t i = 0; !rc && i < g->narticles; i++) {
		const ng_article_rec *a = &g->articles[i];
		if (cited[i])
			rc = ng_graph_add_article(t, a->id, a->title, a->date, a->source);
	}
	if (!rc)
		rc = ng_graph_merge_records(t, g);
	free(cited);
	if (!rc) {
		t->compact_at = 2 * t->narticles > 4096 ? 2 * t->narticles : 4096;
		swap(g, t);
	}
	ng_graph_free(t);
	return rc;
}

int ng_graph_set_bounds(ng_graph *g, size_t max_evidence, size_t max_mentions, ng_error *err)
{
	g->max_evidence = max_evidence;
	g->max_mentions = max_mentions;
	if (!max_evidence && !max_mentions)
		return 0;
	/* What the graph already holds is cut to the bounds by a rebuild. */
	int rc = ng_bound_compact(g, 1);
	return rc ? ng_fail(err, rc, NULL, 0, "out of memory") : 0;
}
