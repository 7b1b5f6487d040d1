#ifndef NEWSGRAPH_GRAPH_H
#define NEWSGRAPH_GRAPH_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/common.h"
#include "newsgraph/error.h"
#include "newsgraph/schema.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A knowledge graph as SCHEMA.md defines it: nodes, edges, mentions and
 * evidence from one or more articles. Opaque; the graph copies every string
 * it keeps. */
typedef struct ng_graph ng_graph;

/* Returns NG_OK and a new empty graph in *out (free with ng_graph_free). */
NG_EXTERN int ng_graph_new(ng_graph **out, ng_error *err);
NG_EXTERN void ng_graph_free(ng_graph *g);

/* Unions `src` into `dst` by identity (node id; edge source, type, target):
 * aliases, mentions and evidence are unioned, counts summed, the earliest
 * date kept. `src` is unchanged. */
NG_EXTERN int ng_graph_merge(ng_graph *dst, const ng_graph *src, ng_error *err);

/* Bounds what g keeps, now and in every merge into it (0: no bound): at
 * most max_evidence evidence per edge and max_mentions mentions per node,
 * those of the earliest articles (by date, then id, then offsets). An
 * edge's count, modality, negation and confidence still cover all of its
 * evidence; the articles listed are those a kept record cites. The result
 * does not depend on the order or grouping of merges when they bring in
 * disjoint sets of articles. A duplicate of a record already cut cannot be
 * recognised and counts again: extract each article into a graph of its
 * own and merge it in (as the CLI does), rather than straight into a
 * bounded graph. Errors: NG_ENOMEM. */
NG_EXTERN int ng_graph_set_bounds(ng_graph *g, size_t max_evidence, size_t max_mentions, ng_error *err);

/* Reads a graph file's bytes (`len` of them; no terminating NUL needed):
 * the JSON of SCHEMA.md (format version 1) when the text opens with '{' or
 * is JSON at all, else the DOT newsgraph writes. `name` labels errors, and
 * names the article of a DOT graph without a label. On success *out is a
 * new graph the caller frees with ng_graph_free; on failure *out is NULL
 * and the return is NG_EINVAL (not JSON or DOT, not a newsgraph graph, a
 * bad field, nesting past 64 levels, invalid UTF-8), NG_ELIMIT (over
 * 1 GiB) or NG_ENOMEM. */
NG_EXTERN int ng_graph_read(const char *data, size_t len, const char *name, ng_graph **out, ng_error *err);

/* Is `data` a graph file (what ng_graph_read reads) rather than an
 * article? A graph opens like DOT ("[strict] graph" or "digraph" as words)
 * or like a JSON object ('{' then a key or '}', so that a graph cut short
 * still reaches the JSON reader and its message), or is JSON at all (which
 * the JSON reader refuses unless it is a graph). An article may open with
 * '{' or '[' ("[Reuters] ...") and stays an article: prose is not one JSON
 * value. */
NG_EXTERN int ng_graph_sniff(const char *data, size_t len);

NG_EXTERN size_t ng_graph_node_count(const ng_graph *g);
NG_EXTERN size_t ng_graph_edge_count(const ng_graph *g);
NG_EXTERN size_t ng_graph_article_count(const ng_graph *g);

/* Read-only access. Nodes, edges and articles are numbered 0..count-1 in
 * the order they entered the graph (deterministic for the same inputs;
 * writers put them in id order). Every pointer returned is borrowed: it
 * lives as long as the graph and until the graph is next changed. An index
 * out of range gives NULL (or a zeroed record). */
typedef struct ng_node ng_node;
typedef struct ng_edge ng_edge;

/* An article the graph was extracted from. */
typedef struct ng_article_info {
	const char *id, *title, *date, *source; /* title, date, source may be NULL */
} ng_article_info;

/* One mention of one entity. A mention of two entities ("the two sides")
 * comes once per entity. */
typedef struct ng_mention_info {
	const char *article;  /* the article's id */
	size_t start, end;    /* the mention's bytes in the text: [start, end) */
	ng_type type;         /* the entity's type */
	const char *node;     /* the entity's node id */
	ng_mention_kind kind; /* name, nominal or pronoun */
	int adjective;        /* a demonym or adjective of it ("Russian") */
	int nested;           /* its name inside a longer name ("Toyota" in "the Toyota Foundation") */
} ng_mention_info;

/* One evidence of an edge: the sentence, its byte offsets in the article,
 * the trigger word and the rule that fired. */
typedef struct ng_evidence_info {
	const char *article, *sentence, *trigger, *rule; /* trigger, rule may be NULL */
	uint32_t start, end;
	ng_modality modality;
	int negated;
} ng_evidence_info;

NG_EXTERN ng_article_info ng_graph_article(const ng_graph *g, size_t i);
NG_EXTERN const ng_node *ng_graph_node_at(const ng_graph *g, size_t i);
NG_EXTERN const ng_edge *ng_graph_edge_at(const ng_graph *g, size_t i);
/* The node with this id, or NULL. */
NG_EXTERN const ng_node *ng_graph_find_node(const ng_graph *g, const char *id);
/* The edge (source, rel, target), endpoints in either order for a
 * symmetric relation; or NULL. */
NG_EXTERN const ng_edge *ng_graph_find_edge(const ng_graph *g, const char *source, ng_relation rel,
                                            const char *target);

NG_EXTERN const char *ng_node_id(const ng_node *n);
NG_EXTERN ng_type ng_node_type(const ng_node *n);
NG_EXTERN const char *ng_node_name(const ng_node *n);
NG_EXTERN size_t ng_node_alias_count(const ng_node *n);
NG_EXTERN const char *ng_node_alias(const ng_node *n, size_t i);
NG_EXTERN size_t ng_node_mention_count(const ng_node *n);
NG_EXTERN ng_mention_info ng_node_mention(const ng_node *n, size_t i);
/* Knowledge-base ids, or NULL when unknown. */
NG_EXTERN const char *ng_node_iso3166(const ng_node *n);
NG_EXTERN const char *ng_node_wikidata(const ng_node *n);

NG_EXTERN const char *ng_edge_source(const ng_edge *e);
NG_EXTERN const char *ng_edge_target(const ng_edge *e);
NG_EXTERN ng_relation ng_edge_relation(const ng_edge *e);
/* The strongest modality of the evidence; negated only when every evidence
 * denies the relation. */
NG_EXTERN ng_modality ng_edge_modality(const ng_edge *e);
NG_EXTERN int ng_edge_negated(const ng_edge *e);
/* ISO 8601 date (2024-05-16, 2024-05, 2023, --05-16), or NULL. */
NG_EXTERN const char *ng_edge_date(const ng_edge *e);
NG_EXTERN size_t ng_edge_attr_count(const ng_edge *e);
/* The value of attribute `key` ("role", "items", ...), or NULL. */
NG_EXTERN const char *ng_edge_attr(const ng_edge *e, const char *key);
/* The i-th attribute's key (and value in *val), or NULL. */
NG_EXTERN const char *ng_edge_attr_at(const ng_edge *e, size_t i, const char **val);
/* The evidence held (at most the bound of a bounded graph), and all the
 * edge rests on: the `count` the writers give, cut evidence included. */
NG_EXTERN size_t ng_edge_evidence_count(const ng_edge *e);
NG_EXTERN uint64_t ng_edge_count(const ng_edge *e);
NG_EXTERN ng_evidence_info ng_edge_evidence(const ng_edge *e, size_t i);

#ifdef __cplusplus
}
#endif

#endif
