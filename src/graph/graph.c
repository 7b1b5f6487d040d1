/* The graph: nodes and edges by identity, and merge. Input: what
 * extraction (or a reader) adds. Output: a graph whose content does not
 * depend on the order things came in; graph/view.c puts it in order. */
#include "graph/graph.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

int ng_graph_new(ng_graph **out, ng_error *err)
{
	*out = calloc(1, sizeof **out);
	return *out ? 0 : ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
}

static void free_node(ng_node *n)
{
	if (!n)
		return;
	free(n->id);
	free(n->name);
	for (size_t i = 0; i < n->naliases; i++)
		free(n->aliases[i]);
	free(n->aliases);
	free(n->mentions);
	free(n->iso3166);
	free(n->wikidata);
	free(n);
}

static void free_edge(ng_edge *e)
{
	if (!e)
		return;
	free(e->source);
	free(e->target);
	free(e->date);
	for (size_t i = 0; i < e->nattrs; i++) {
		free(e->attrs[i].key);
		free(e->attrs[i].val);
	}
	free(e->attrs);
	free(e->ev);
	free(e);
}

void ng_graph_free(ng_graph *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->narticles; i++) {
		free(g->articles[i].id);
		free(g->articles[i].title);
		free(g->articles[i].date);
		free(g->articles[i].source);
	}
	free(g->articles);
	for (size_t i = 0; i < g->nnodes; i++)
		free_node(g->nodes[i]);
	free(g->nodes);
	for (size_t i = 0; i < g->nedges; i++)
		free_edge(g->edges[i]);
	free(g->edges);
	ng_map_free(&g->node_idx);
	ng_map_free(&g->edge_idx);
	free(g->seen);
	ng_map_free(&g->strings);
	ng_map_free(&g->article_idx);
	free(g);
}

size_t ng_graph_node_count(const ng_graph *g)
{
	return g->nnodes;
}

size_t ng_graph_edge_count(const ng_graph *g)
{
	return g->nedges;
}

size_t ng_graph_article_count(const ng_graph *g)
{
	return g->narticles;
}

static char *dup_or_null(const char *s, int *bad)
{
	if (!s)
		return NULL;
	char *d = ng_strdup(s);
	if (!d)
		*bad = 1;
	return d;
}

int ng_graph_add_article(ng_graph *g, const char *id, const char *title, const char *date,
                         const char *source)
{
	void **slot = ng_map_put(&g->article_idx, id, strlen(id));
	if (!slot)
		return NG_ENOMEM;
	if (*slot)
		return 0;
	ng_article_rec *a = NG_PUSH(g->articles, g->narticles, g->carticles);
	if (!a)
		return NG_ENOMEM;
	*slot = (void *)(uintptr_t)g->narticles;
	int bad = 0;
	a->id = dup_or_null(id, &bad);
	a->title = dup_or_null(title, &bad);
	a->date = dup_or_null(date, &bad);
	a->source = dup_or_null(source, &bad);
	return bad ? NG_ENOMEM : 0;
}

const char *ng_graph_article_date(const ng_graph *g, const char *id)
{
	uintptr_t i = (uintptr_t)ng_map_get(&g->article_idx, id, strlen(id));
	return i ? g->articles[i - 1].date : NULL;
}

const ng_node *ng_graph_find_node(const ng_graph *g, const char *id)
{
	return ng_map_get(&g->node_idx, id, strlen(id));
}

ng_node *ng_graph_node(ng_graph *g, const char *id, ng_type type, const char *name, int name_kb)
{
	void **slot = ng_map_put(&g->node_idx, id, strlen(id));
	if (!slot)
		return NULL;
	ng_node *n = *slot;
	if (n) {
		/* The canonical name: the knowledge base's, else the longest, ties
		 * to the smallest, so that merge order never matters. */
		int better = name && ((name_kb && !n->name_kb) ||
		                      (name_kb == n->name_kb &&
		                       (strlen(name) > strlen(n->name) ||
		                        (strlen(name) == strlen(n->name) && strcmp(name, n->name) < 0))));
		if (better) {
			char *nn = ng_strdup(name);
			if (!nn)
				return NULL;
			free(n->name);
			n->name = nn;
			n->name_kb = name_kb;
		}
		return n;
	}
	n = calloc(1, sizeof *n);
	if (!n)
		return NULL;
	n->id = ng_strdup(id);
	n->name = ng_strdup(name ? name : id);
	n->type = type;
	n->name_kb = name_kb;
	ng_node **p = NG_PUSH(g->nodes, g->nnodes, g->cnodes);
	if (!n->id || !n->name || !p) {
		free_node(n);
		return NULL;
	}
	*p = n;
	*slot = n;
	return n;
}

int ng_node_add_alias(ng_node *n, const char *alias)
{
	for (size_t i = 0; i < n->naliases; i++)
		if (strcmp(n->aliases[i], alias) == 0)
			return 0;
	char *d = ng_strdup(alias);
	char **p = d ? NG_PUSH(n->aliases, n->naliases, n->caliases) : NULL;
	if (!p) {
		free(d);
		return NG_ENOMEM;
	}
	*p = d;
	return 0;
}

/* The seen set: mentions and evidence already added, so that merging a
 * graph twice, or two graphs of one article, adds nothing twice. A slot
 * names its record (a node's mention or an edge's evidence, by index)
 * instead of keeping a key: 24 bytes an entry, with the record compared
 * only when the hashes agree. Strings are interned, so their pointers
 * stand for them; a node or edge is one object per id in its graph. A
 * hash set keeps merging linear however many articles a node gathers. */
typedef struct ng_seen_slot {
	uint64_t hash;
	const void *item; /* the node or edge; NULL: an empty slot */
	uint32_t idx;     /* its mention or evidence */
	uint32_t evidence;
} ng_seen_slot;

typedef struct seen_key {
	int evidence;
	const void *item;
	const char *article, *rule; /* rule: evidence only, "" for none */
	uint32_t start, end;        /* end: mentions only */
} seen_key;

static uint64_t seen_hash(const seen_key *k)
{
	uintptr_t v[6] = {(uintptr_t)k->evidence, (uintptr_t)k->item, (uintptr_t)k->article, (uintptr_t)k->rule,
	                  k->start, k->end};
	return ng_hash((const char *)v, sizeof v);
}

static int seen_is(const ng_seen_slot *s, const seen_key *k)
{
	if (s->item != k->item || (int)s->evidence != k->evidence)
		return 0;
	if (k->evidence) {
		const ng_evidence *x = &((const ng_edge *)s->item)->ev[s->idx];
		return x->article == k->article && x->start == k->start && strcmp(x->rule ? x->rule : "", k->rule) == 0;
	}
	const ng_mention_rec *m = &((const ng_node *)s->item)->mentions[s->idx];
	return m->article == k->article && m->start == k->start && m->end == k->end;
}

static int seen_grow(ng_graph *g)
{
	size_t cap = g->cseen ? 2 * g->cseen : 1024;
	ng_seen_slot *t = calloc(cap, sizeof *t);
	if (!t)
		return NG_ENOMEM;
	for (size_t i = 0; i < g->cseen; i++) {
		if (!g->seen[i].item)
			continue;
		size_t j = (size_t)g->seen[i].hash & (cap - 1);
		while (t[j].item)
			j = (j + 1) & (cap - 1);
		t[j] = g->seen[i];
	}
	free(g->seen);
	g->seen = t;
	g->cseen = cap;
	return 0;
}

/* The slot of k: a full one when k was seen, else the empty one where it
 * goes. NULL on out of memory. */
static ng_seen_slot *seen_slot(ng_graph *g, const seen_key *k, uint64_t h)
{
	if ((g->nseen + 1) * 2 > g->cseen && seen_grow(g))
		return NULL;
	size_t i = (size_t)h & (g->cseen - 1);
	while (g->seen[i].item && !(g->seen[i].hash == h && seen_is(&g->seen[i], k)))
		i = (i + 1) & (g->cseen - 1);
	return &g->seen[i];
}

/* Looks k up: 1 when seen, 0 when new (*slot is where it goes, *h its
 * hash, for seen_add once the record exists), NG_ENOMEM. */
static int seen_check(ng_graph *g, const seen_key *k, ng_seen_slot **slot, uint64_t *h)
{
	*h = seen_hash(k);
	*slot = seen_slot(g, k, *h);
	return !*slot ? NG_ENOMEM : (*slot)->item != NULL;
}

/* Records k as the item's record idx. */
static void seen_add(ng_graph *g, ng_seen_slot *s, const seen_key *k, uint64_t h, size_t idx)
{
	*s = (ng_seen_slot){h, k->item, (uint32_t)idx, (uint32_t)k->evidence};
	g->nseen++;
}

char *ng_graph_intern(ng_graph *g, const char *s, int *bad)
{
	if (!s)
		return NULL;
	const char *i = ng_map_intern(&g->strings, s);
	if (!i)
		*bad = 1;
	return (char *)i;
}

int ng_node_add_mention(ng_graph *g, ng_node *n, const char *article, uint32_t start, uint32_t end, ng_mention_kind kind)
{
	if (g->max_mentions)
		return ng_bound_add_mention(g, n, &(ng_mention_rec){(char *)article, start, end, kind});
	int bad = 0;
	char *a = ng_graph_intern(g, article, &bad);
	seen_key k = {0, n, a, "", start, end};
	ng_seen_slot *slot;
	uint64_t h;
	int r = bad ? NG_ENOMEM : seen_check(g, &k, &slot, &h);
	if (r)
		return r < 0 ? r : 0;
	ng_mention_rec *m = NG_PUSH(n->mentions, n->nmentions, n->cmentions);
	if (!m)
		return NG_ENOMEM;
	seen_add(g, slot, &k, h, n->nmentions - 1);
	m->article = a;
	m->start = start;
	m->end = end;
	m->kind = kind;
	return 0;
}

int ng_node_set_kb(ng_node *n, const char *iso3166, const char *wikidata)
{
	if (iso3166 && !n->iso3166 && !(n->iso3166 = ng_strdup(iso3166)))
		return NG_ENOMEM;
	if (wikidata && !n->wikidata && !(n->wikidata = ng_strdup(wikidata)))
		return NG_ENOMEM;
	return 0;
}

ng_edge *ng_graph_edge(ng_graph *g, const char *source, ng_relation rel, const char *target)
{
	if (ng_relation_get(rel)->symmetric && strcmp(source, target) > 0) {
		const char *t = source;
		source = target;
		target = t;
	}
	ng_buf key = {0};
	if (ng_buf_printf(&key, "%s\t%s\t%s", source, ng_relation_get(rel)->name, target))
		return NULL;
	void **slot = ng_map_put(&g->edge_idx, key.s, key.len);
	ng_buf_free(&key);
	if (!slot)
		return NULL;
	if (*slot)
		return *slot;
	ng_edge *e = calloc(1, sizeof *e);
	if (!e)
		return NULL;
	e->source = ng_strdup(source);
	e->target = ng_strdup(target);
	e->rel = rel;
	e->negated = 1;
	e->modality = NG_HYPOTHETICAL;
	ng_edge **p = NG_PUSH(g->edges, g->nedges, g->cedges);
	if (!e->source || !e->target || !p) {
		free_edge(e);
		return NULL;
	}
	*p = e;
	*slot = e;
	return e;
}

int ng_edge_add_evidence(ng_graph *g, ng_edge *e, const ng_evidence *ev)
{
	if (g->max_evidence)
		return ng_bound_add_evidence(g, e, ev);
	int bad = 0;
	/* Interned: the sentence of an article's evidence is often that of
	 * several edges, and article and rule ids repeat throughout. */
	char *article = ng_graph_intern(g, ev->article, &bad), *rule = ng_graph_intern(g, ev->rule ? ev->rule : "", &bad);
	seen_key k = {1, e, article, rule, ev->start, 0};
	ng_seen_slot *slot;
	uint64_t h;
	int r = bad ? NG_ENOMEM : seen_check(g, &k, &slot, &h);
	if (r)
		return r < 0 ? r : 0;
	ng_evidence *x = NG_PUSH(e->ev, e->nev, e->cev);
	if (!x)
		return NG_ENOMEM;
	seen_add(g, slot, &k, h, e->nev - 1);
	x->article = article;
	x->sentence = ng_graph_intern(g, ev->sentence, &bad);
	x->trigger = ng_graph_intern(g, ev->trigger, &bad);
	x->rule = ev->rule ? rule : NULL;
	x->start = ev->start;
	x->end = ev->end;
	x->modality = ev->modality;
	x->negated = ev->negated;
	x->conf = ev->conf;
	if (bad)
		return NG_ENOMEM;
	/* The edge takes the strongest modality; it is negated only when every
	 * evidence denies it. */
	if (ev->modality < e->modality)
		e->modality = ev->modality;
	if (!ev->negated)
		e->negated = 0;
	return 0;
}

const char *ng_edge_attr(const ng_edge *e, const char *key)
{
	for (size_t i = 0; i < e->nattrs; i++)
		if (strcmp(e->attrs[i].key, key) == 0)
			return e->attrs[i].val;
	return NULL;
}

/* Appends the non-empty values of "a; b" (split in place) to *parts. */
static int split_values(char *s, char ***parts, size_t *n, size_t *cap)
{
	char *save = NULL;
	for (char *t = strtok_r(s, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
		while (*t == ' ')
			t++;
		if (!*t)
			continue;
		char **p = NG_PUSH(*parts, *n, *cap);
		if (!p)
			return NG_ENOMEM;
		*p = t;
	}
	return 0;
}

/* How a value is written: 0 as in running text ("President"), 1 in lower
 * case, 2 in capitals (a headline's "PRESIDENT"). */
static int case_rank(const char *s)
{
	int lower = 0, upper = 0;
	for (; *s; s++) {
		lower |= *s >= 'a' && *s <= 'z';
		upper |= *s >= 'A' && *s <= 'Z';
	}
	return lower && upper ? 0 : lower || !upper ? 1 : 2;
}

/* Case-folded order, then by how the value is written, then byte order:
 * the case variants of a value lie together, the best written leading. */
static int cmp_fold(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	int c = strcasecmp(x, y);
	if (!c)
		c = case_rank(x) - case_rank(y);
	return c ? c : strcmp(x, y);
}

int ng_edge_set_attr(ng_edge *e, const char *key, const char *val)
{
	ng_attr *a = NULL;
	for (size_t i = 0; i < e->nattrs && !a; i++)
		if (strcmp(e->attrs[i].key, key) == 0)
			a = &e->attrs[i];
	if (!a) {
		a = NG_PUSH(e->attrs, e->nattrs, e->cattrs);
		if (!a)
			return NG_ENOMEM;
		a->key = ng_strdup(key);
		a->val = ng_strdup("");
		if (!a->key || !a->val)
			return NG_ENOMEM;
	}
	/* Several values of one attribute: keep the set, sorted, "; " apart,
	 * so that merging in any order gives the same value. Values that differ
	 * only in case ("President", "PRESIDENT" from a headline) are one, in
	 * the form of running text when there is one. */
	char **parts = NULL;
	size_t n = 0, cap = 0;
	ng_buf all = {0}, out = {0};
	int rc = NG_ENOMEM;
	if (ng_buf_adds(&all, a->val) || ng_buf_addc(&all, ';') || ng_buf_adds(&all, val) ||
	    split_values(all.s, &parts, &n, &cap) || ng_buf_adds(&out, ""))
		goto done;
	ng_sort(parts, n, sizeof *parts, cmp_fold);
	size_t kept = 0;
	for (size_t k = 0; k < n; k++)
		if (!kept || strcasecmp(parts[k], parts[kept - 1]) != 0)
			parts[kept++] = parts[k];
	ng_sort(parts, kept, sizeof *parts, ng_cmpstr);
	for (size_t k = 0; k < kept; k++)
		if (ng_buf_adds(&out, out.len ? "; " : "") || ng_buf_adds(&out, parts[k]))
			goto done;
	free(a->val);
	a->val = out.s;
	out.s = NULL;
	rc = 0;
done:
	free(parts);
	ng_buf_free(&all);
	ng_buf_free(&out);
	return rc;
}

int ng_edge_set_date(ng_edge *e, const char *date)
{
	if (!date || (e->date && strcmp(e->date, date) <= 0))
		return 0;
	char *d = ng_strdup(date);
	if (!d)
		return NG_ENOMEM;
	free(e->date);
	e->date = d;
	return 0;
}

int ng_graph_merge_records(ng_graph *dst, const ng_graph *src)
{
	for (size_t i = 0; i < src->nnodes; i++) {
		const ng_node *s = src->nodes[i];
		ng_node *d = ng_graph_node(dst, s->id, s->type, s->name, s->name_kb);
		if (!d || ng_node_set_kb(d, s->iso3166, s->wikidata))
			goto oom;
		for (size_t k = 0; k < s->naliases; k++)
			if (ng_node_add_alias(d, s->aliases[k]))
				goto oom;
		for (size_t k = 0; k < s->nmentions; k++)
			if (ng_node_add_mention(dst, d, s->mentions[k].article, s->mentions[k].start,
			                        s->mentions[k].end, s->mentions[k].kind))
				goto oom;
	}
	for (size_t i = 0; i < src->nedges; i++) {
		const ng_edge *s = src->edges[i];
		ng_edge *d = ng_graph_edge(dst, s->source, s->rel, s->target);
		if (!d || ng_edge_set_date(d, s->date))
			goto oom;
		for (size_t k = 0; k < s->nattrs; k++)
			if (ng_edge_set_attr(d, s->attrs[k].key, s->attrs[k].val))
				goto oom;
		for (size_t k = 0; k < s->nev; k++)
			if (ng_edge_add_evidence(dst, d, &s->ev[k]))
				goto oom;
		/* What a bounded merge cut still counts, and still weighs in the
		 * modality and the negation. */
		if (s->cut) {
			d->cut += s->cut;
			d->cut_weight = ng_bound_add_weight(d->cut_weight, s->cut_weight);
			if (s->modality < d->modality)
				d->modality = s->modality;
			if (!s->negated)
				d->negated = 0;
		}
	}
	return 0;
oom:
	return NG_ENOMEM;
}

int ng_graph_merge(ng_graph *dst, const ng_graph *src, ng_error *err)
{
	/* Articles first: a bounded graph orders records by their dates. */
	for (size_t i = 0; i < src->narticles; i++) {
		const ng_article_rec *a = &src->articles[i];
		if (ng_graph_add_article(dst, a->id, a->title, a->date, a->source))
			goto oom;
	}
	if (ng_graph_merge_records(dst, src) ||
	    ((dst->max_evidence || dst->max_mentions) && ng_bound_compact(dst, 0)))
		goto oom;
	return 0;
oom:
	return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
}
