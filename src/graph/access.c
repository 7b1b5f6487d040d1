/* The graph's read-only accessors: what library users (and the CLI) see of
 * nodes, edges, mentions and evidence, without the internal structs. */
#include <string.h>

#include "graph/graph.h"

ng_article_info ng_graph_article(const ng_graph *g, size_t i)
{
	ng_article_info a = {0};
	if (i < g->narticles) {
		const ng_article_rec *r = &g->articles[i];
		a = (ng_article_info){r->id, r->title, r->date, r->source};
	}
	return a;
}

const ng_node *ng_graph_node_at(const ng_graph *g, size_t i)
{
	return i < g->nnodes ? g->nodes[i] : NULL;
}

const ng_edge *ng_graph_edge_at(const ng_graph *g, size_t i)
{
	return i < g->nedges ? g->edges[i] : NULL;
}

const ng_edge *ng_graph_find_edge(const ng_graph *g, const char *source, ng_relation rel, const char *target)
{
	const ng_relation_info *ri = ng_relation_get(rel);
	for (size_t i = 0; ri && i < g->nedges; i++) {
		const ng_edge *e = g->edges[i];
		if (e->rel != rel)
			continue;
		if (!strcmp(e->source, source) && !strcmp(e->target, target))
			return e;
		if (ri->symmetric && !strcmp(e->source, target) && !strcmp(e->target, source))
			return e;
	}
	return NULL;
}

const char *ng_node_id(const ng_node *n)
{
	return n->id;
}

ng_type ng_node_type(const ng_node *n)
{
	return n->type;
}

const char *ng_node_name(const ng_node *n)
{
	return n->name;
}

size_t ng_node_alias_count(const ng_node *n)
{
	return n->naliases;
}

const char *ng_node_alias(const ng_node *n, size_t i)
{
	return i < n->naliases ? n->aliases[i] : NULL;
}

size_t ng_node_mention_count(const ng_node *n)
{
	return n->nmentions;
}

ng_mention_info ng_node_mention(const ng_node *n, size_t i)
{
	ng_mention_info m = {0};
	if (i < n->nmentions)
		m = (ng_mention_info){n->mentions[i].article, n->mentions[i].start, n->mentions[i].end, n->type, n->id,
		                      n->mentions[i].kind};
	return m;
}

const char *ng_node_iso3166(const ng_node *n)
{
	return n->iso3166;
}

const char *ng_node_wikidata(const ng_node *n)
{
	return n->wikidata;
}

const char *ng_edge_source(const ng_edge *e)
{
	return e->source;
}

const char *ng_edge_target(const ng_edge *e)
{
	return e->target;
}

ng_relation ng_edge_relation(const ng_edge *e)
{
	return e->rel;
}

ng_modality ng_edge_modality(const ng_edge *e)
{
	return e->modality;
}

int ng_edge_negated(const ng_edge *e)
{
	return e->negated;
}

const char *ng_edge_date(const ng_edge *e)
{
	return e->date;
}

size_t ng_edge_attr_count(const ng_edge *e)
{
	return e->nattrs;
}

const char *ng_edge_attr_at(const ng_edge *e, size_t i, const char **val)
{
	if (i >= e->nattrs)
		return NULL;
	if (val)
		*val = e->attrs[i].val;
	return e->attrs[i].key;
}

size_t ng_edge_evidence_count(const ng_edge *e)
{
	return e->nev;
}

uint64_t ng_edge_count(const ng_edge *e)
{
	return e->nev + e->cut;
}

ng_evidence_info ng_edge_evidence(const ng_edge *e, size_t i)
{
	ng_evidence_info v = {0};
	if (i < e->nev) {
		const ng_evidence *x = &e->ev[i];
		v = (ng_evidence_info){x->article, x->sentence, x->trigger, x->rule, x->start, x->end, x->modality,
		                       x->negated};
	}
	return v;
}
