/* The graph model (internal): nodes, edges, mentions and evidence as
 * SCHEMA.md (at the top of the repository) defines them, kept by identity in the order they came.
 * Readers that need an order (writers, filter, diff) take the canonical
 * view of graph/view.h; nothing here sorts. */
#ifndef NG_GRAPH_INTERNAL_H
#define NG_GRAPH_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/graph.h"
#include "newsgraph/schema.h"
#include "util/util.h"

typedef struct ng_article_rec {
	char *id, *title, *date, *source;
} ng_article_rec;

typedef struct ng_mention_rec {
	char *article;
	uint32_t start, end;
	ng_mention_kind kind;
} ng_mention_rec;

typedef struct ng_evidence {
	char *article, *sentence, *trigger, *rule;
	uint32_t start, end;
	ng_modality modality;
	int negated;
	double conf; /* the firing rule's confidence */
} ng_evidence;

typedef struct ng_attr {
	char *key, *val;
} ng_attr;

typedef struct ng_node {
	char *id, *name;
	ng_type type;
	int name_kb; /* name comes from the knowledge base */
	char **aliases;
	size_t naliases, caliases;
	ng_mention_rec *mentions;
	size_t nmentions, cmentions;
	char *iso3166, *wikidata;
	const char *diff; /* a diff's union graph: added, removed, changed or unchanged */
} ng_node;

typedef struct ng_edge {
	char *source, *target, *date;
	ng_relation rel;
	ng_modality modality;
	int negated;
	ng_attr *attrs;
	size_t nattrs, cattrs;
	ng_evidence *ev;
	size_t nev, cev;
	/* Evidence a bounded merge counted but did not keep (see bound.c):
	 * how many, and their share of the confidence as an integer sum of
	 * ng_bound_weight, so that any grouping adds up to the same bits. */
	uint64_t cut;
	int64_t cut_weight;
	const char *diff; /* as for nodes */
} ng_edge;

struct ng_graph {
	ng_article_rec *articles;
	size_t narticles, carticles;
	ng_map node_idx, edge_idx;
	/* Mentions and evidence already added: an open-addressing set whose
	 * slots name records the graph holds (see graph.c). */
	struct ng_seen_slot *seen;
	size_t nseen, cseen;
	ng_map strings; /* mentions' and evidence's strings, each kept once */
	ng_map article_idx; /* article id -> its index in articles, plus 1 */
	ng_node **nodes;
	size_t nnodes, cnodes;
	ng_edge **edges;
	size_t nedges, cedges;
	int has_diff; /* the union graph of a diff: writers add the `diff` property */
	/* Bounds (0: none): evidence kept per edge, mentions per node. */
	size_t max_evidence, max_mentions;
	size_t compact_at; /* articles held when the next compaction runs */
};

int ng_graph_add_article(ng_graph *g, const char *id, const char *title, const char *date,
                         const char *source);
/* Gets or creates the node `id`; NULL on out of memory. */
ng_node *ng_graph_node(ng_graph *g, const char *id, ng_type type, const char *name, int name_kb);
int ng_node_add_alias(ng_node *n, const char *alias);
int ng_node_add_mention(ng_graph *g, ng_node *n, const char *article, uint32_t start, uint32_t end, ng_mention_kind kind);
int ng_node_set_kb(ng_node *n, const char *iso3166, const char *wikidata);
/* Gets or creates the edge (source, rel, target); symmetric types sort the
 * endpoints. NULL on out of memory. */
ng_edge *ng_graph_edge(ng_graph *g, const char *source, ng_relation rel, const char *target);
/* Adds one evidence (copied); a duplicate (same edge, article, start and
 * rule) is ignored. */
int ng_edge_add_evidence(ng_graph *g, ng_edge *e, const ng_evidence *ev);
/* Adds the values of val ("a; b") to the attribute's set of values, kept
 * sorted and unique, "; " apart, however many there are. */
int ng_edge_set_attr(ng_edge *e, const char *key, const char *val);
int ng_edge_set_date(ng_edge *e, const char *date);
const char *ng_edge_attr(const ng_edge *e, const char *key);
const ng_node *ng_graph_find_node(const ng_graph *g, const char *id);
/* The date of article `id` in g, or NULL. */
const char *ng_graph_article_date(const ng_graph *g, const char *id);
/* ng_graph_merge without the articles (nor a bounded graph's rebuild):
 * src's nodes and edges into dst. 0 or NG_ENOMEM. */
int ng_graph_merge_records(ng_graph *dst, const ng_graph *src);
/* The graph's one copy of s (NULL stays NULL); sets *bad when out of
 * memory. */
char *ng_graph_intern(ng_graph *g, const char *s, int *bad);

/* Bounded merges (bound.c). A cut evidence's share of its edge's
 * confidence: -ln(1 - conf) in billionths. */
int64_t ng_bound_weight(double conf);
/* a + b, held at INT64_MAX (weights read from a file may be huge). */
int64_t ng_bound_add_weight(int64_t a, int64_t b);
/* exp of minus a weight sum: the miss probability it stands for. */
double ng_bound_miss(int64_t weight);
/* Adds a mention or an evidence to a node or edge of a bounded graph:
 * a duplicate of a kept one is ignored; past the bound the record that
 * sorts last (by article date, article id, offsets) is cut. */
int ng_bound_add_mention(ng_graph *g, ng_node *n, const ng_mention_rec *m);
int ng_bound_add_evidence(ng_graph *g, ng_edge *e, const ng_evidence *ev);
/* Rebuilds a bounded graph with only what it keeps, when the articles
 * it holds have doubled since the last time. */
int ng_bound_compact(ng_graph *g, int force);
/* The articles a kept mention or evidence cites: *cited gets one byte per
 * article of g (1: cited), for the caller to free. The view of a bounded
 * graph lists only those. 0 or NG_ENOMEM. */
int ng_bound_cited(const ng_graph *g, unsigned char **cited);

#endif
