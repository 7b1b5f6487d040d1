/* Unit tests of the graph model and its canonical view: identity and
 * deduplication without length limits, attribute value sets of any size,
 * a view that orders everything without touching the graph, and bounded
 * merges that keep the earliest records in any merge order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "graph/view.h"
#include "harness.h"
#include "util/util.h"

static ng_evidence evidence(const char *article, uint32_t start, const char *rule, double conf)
{
	ng_evidence ev = {0};
	ev.article = (char *)article;
	ev.sentence = "A sentence.";
	ev.rule = (char *)rule;
	ev.start = start;
	ev.end = start + 10;
	ev.conf = conf;
	return ev;
}

/* An attribute keeps every value however many are merged in (it kept 64
 * and dropped the rest silently). */
static void attr_values(void)
{
	ng_graph *g = NULL;
	CHECK(ng_graph_new(&g, NULL) == 0);
	ng_edge *e = ng_graph_edge(g, "person:a", NG_REL_MEETS, "person:b");
	ng_buf in = {0}, want = {0};
	for (int i = 0; i < 100; i++) {
		CHECK(ng_buf_printf(&in, "%sv%03d", i ? "; " : "", 99 - i) == 0);
		CHECK(ng_buf_printf(&want, "%sv%03d", i ? "; " : "", i) == 0);
	}
	CHECK(e && ng_edge_set_attr(e, "k", in.s) == 0);
	CHECK_STR(ng_edge_attr(e, "k"), want.s);
	/* Merging values already there, blanks and spaces changes nothing. */
	CHECK(ng_edge_set_attr(e, "k", "v000;;  v099; ") == 0);
	CHECK_STR(ng_edge_attr(e, "k"), want.s);
	CHECK(ng_edge_set_attr(e, "k", "v100") == 0);
	CHECK(strlen(ng_edge_attr(e, "k")) == want.len + strlen("; v100"));
	ng_buf_free(&in);
	ng_buf_free(&want);
	ng_graph_free(g);
}

/* Values that differ only in case are one, written as in running text,
 * whatever order they come in ("role: President; president" was kept). */
static void attr_case(void)
{
	static const char *const orders[][3] = {{"PRESIDENT", "President", "president"},
	                                        {"president", "PRESIDENT", "President"},
	                                        {"President", "president", "PRESIDENT"}};
	for (size_t k = 0; k < 3; k++) {
		ng_graph *g = NULL;
		CHECK(ng_graph_new(&g, NULL) == 0);
		ng_edge *e = ng_graph_edge(g, "person:a", NG_REL_LEADS, "state:b");
		for (size_t i = 0; e && i < 3; i++)
			CHECK(ng_edge_set_attr(e, "role", orders[k][i]) == 0);
		CHECK(e && ng_edge_set_attr(e, "role", "Chairman; CHAIRMAN") == 0);
		CHECK_STR(ng_edge_attr(e, "role"), "Chairman; President");
		ng_graph_free(g);
	}
	/* Capitals alone, or lower case alone, stay as they are. */
	ng_graph *g = NULL;
	CHECK(ng_graph_new(&g, NULL) == 0);
	ng_edge *e = ng_graph_edge(g, "person:a", NG_REL_SUPPLIES, "state:b");
	CHECK(e && ng_edge_set_attr(e, "items", "LNG; oil; OIL") == 0);
	CHECK_STR(ng_edge_attr(e, "items"), "LNG; oil");
	ng_graph_free(g);
}

/* Evidence is told apart by its whole edge, however long the ids (a key
 * cut at 300 bytes made the second edge's evidence a duplicate). */
static void evidence_long_ids(void)
{
	ng_graph *g = NULL;
	CHECK(ng_graph_new(&g, NULL) == 0);
	char src[400];
	memset(src, 'a', sizeof src - 1);
	memcpy(src, "person:", 7);
	src[sizeof src - 1] = 0;
	ng_edge *x = ng_graph_edge(g, src, NG_REL_MEETS, "person:x");
	ng_edge *y = ng_graph_edge(g, src, NG_REL_MEETS, "person:y");
	ng_evidence ev = evidence("art", 5, "r1", 0.5);
	CHECK(x && y && x != y);
	CHECK(ng_edge_add_evidence(g, x, &ev) == 0);
	CHECK(ng_edge_add_evidence(g, y, &ev) == 0);
	CHECK(x->nev == 1 && y->nev == 1);
	/* The same evidence twice on one edge is still one. */
	CHECK(ng_edge_add_evidence(g, y, &ev) == 0);
	CHECK(y->nev == 1);
	/* Strings that hold the separator an unprefixed key would use stay
	 * apart. */
	ng_evidence e1 = evidence("a\x1f" "1", 0, "0\x1f" "r", 0.5), e2 = evidence("a", 1, "0\x1f" "0\x1f" "r", 0.5);
	CHECK(ng_edge_add_evidence(g, x, &e1) == 0 && ng_edge_add_evidence(g, x, &e2) == 0);
	CHECK(x->nev == 3);
	ng_graph_free(g);
}

/* A graph whose items arrive out of canonical order. */
static ng_graph *unordered(void)
{
	ng_graph *g = NULL;
	if (ng_graph_new(&g, NULL))
		return NULL;
	int bad = ng_graph_add_article(g, "b", NULL, NULL, NULL) || ng_graph_add_article(g, "a", NULL, NULL, NULL);
	ng_node *n2 = ng_graph_node(g, "person:z", NG_PERSON, "Zed", 0);
	ng_node *n1 = ng_graph_node(g, "person:a", NG_PERSON, "Ann", 0);
	bad = bad || !n1 || !n2 || ng_node_add_alias(n1, "b") || ng_node_add_alias(n1, "a") ||
	      ng_node_add_mention(g, n1, "b", 1, 2, NG_NAME) || ng_node_add_mention(g, n1, "a", 9, 12, NG_NAME) ||
	      ng_node_add_mention(g, n1, "a", 3, 4, NG_NAME);
	ng_edge *e2 = ng_graph_edge(g, "person:z", NG_REL_MEETS, "person:a");
	ng_edge *e1 = ng_graph_edge(g, "person:a", NG_REL_VISITS, "person:z");
	ng_evidence v1 = evidence("b", 1, "r", 0.5), v2 = evidence("a", 7, "r", 0.2), v3 = evidence("a", 3, "r", 0.1);
	bad = bad || !e1 || !e2 || ng_edge_add_evidence(g, e1, &v1) || ng_edge_add_evidence(g, e1, &v2) ||
	      ng_edge_add_evidence(g, e1, &v3) || ng_edge_set_attr(e1, "y", "1") || ng_edge_set_attr(e1, "x", "2");
	if (bad) {
		ng_graph_free(g);
		return NULL;
	}
	return g;
}

static void view_order(void)
{
	ng_graph *g = unordered();
	ng_view *v = NULL;
	CHECK(g && ng_view_new(g, &v, NULL) == 0);
	if (!v) {
		ng_graph_free(g);
		return;
	}
	CHECK(v->narticles == 2 && v->nnodes == 2 && v->nedges == 2);
	CHECK_STR(v->articles[0]->id, "a");
	CHECK_STR(v->nodes[0].n->id, "person:a");
	const ng_view_node *n = &v->nodes[0];
	CHECK(n->naliases == 2 && n->nmentions == 3);
	CHECK_STR(n->aliases[0], "a");
	CHECK(n->mentions[0]->start == 3 && n->mentions[1]->start == 9 && n->mentions[2]->start == 1);
	/* Meets is symmetric: stored as person:a -meets- person:z, before visits. */
	CHECK_STR(ng_relation_name(v->edges[0].e->rel), "meets");
	const ng_view_edge *e = &v->edges[1];
	CHECK(e->nev == 3 && e->ev[0]->start == 3 && e->ev[1]->start == 7 && e->ev[2]->start == 1);
	CHECK_STR(e->attrs[0]->key, "x");
	/* 1 - 0.9 * 0.8 * 0.5, in that order */
	CHECK(e->confidence == 1.0 - 0.9 * 0.8 * 0.5);
	CHECK(v->edges[0].confidence == 0.0);
	/* The graph itself is as it came. */
	CHECK_STR(g->articles[0].id, "b");
	CHECK_STR(g->nodes[0]->id, "person:z");
	const ng_node *gn = ng_graph_find_node(g, "person:a");
	CHECK(gn && strcmp(gn->aliases[0], "b") == 0 && gn->mentions[0].start == 1);
	CHECK(strcmp(g->edges[1]->ev[0].article, "b") == 0 && strcmp(g->edges[1]->attrs[0].key, "y") == 0);
	ng_view_free(v);
	ng_graph_free(g);
}

/* Article k (dated 2024-01-<31-k>, so later ids are earlier) holds one
 * meets edge with one evidence of confidence 0.5 and one mention. */
static ng_graph *article(int k)
{
	char id[16], date[32];
	snprintf(id, sizeof id, "a%02d", k);
	snprintf(date, sizeof date, "2024-01-%02d", 31 - k);
	ng_graph *g = NULL;
	CHECK(ng_graph_new(&g, NULL) == 0 && ng_graph_add_article(g, id, NULL, date, NULL) == 0);
	ng_node *n = ng_graph_node(g, "person:x", NG_PERSON, "X", 0);
	CHECK(n && ng_graph_node(g, "person:y", NG_PERSON, "Y", 0));
	CHECK(ng_node_add_mention(g, n, id, 0, 1, NG_NAME) == 0);
	ng_evidence ev = evidence(id, 0, "r", 0.5);
	ng_edge *e = ng_graph_edge(g, "person:x", NG_REL_MEETS, "person:y");
	CHECK(e && ng_edge_add_evidence(g, e, &ev) == 0);
	return g;
}

/* Twenty articles merged into a graph bounded to 3 records, forwards and
 * backwards: the three latest ids (the earliest dates) are kept, all 20
 * counted, and only their articles listed. */
static void bounded_merge(void)
{
	for (int dir = 0; dir < 2; dir++) {
		ng_graph *g = NULL;
		CHECK(ng_graph_new(&g, NULL) == 0 && ng_graph_set_bounds(g, 3, 3, NULL) == 0);
		for (int i = 0; i < 20; i++) {
			ng_graph *a = article(dir ? 19 - i : i);
			CHECK(ng_graph_merge(g, a, NULL) == 0);
			ng_graph_free(a);
		}
		ng_view *v = NULL;
		CHECK(ng_view_new(g, &v, NULL) == 0);
		const ng_view_edge *e = &v->edges[0];
		CHECK(e->nev == 3 && e->count == 20 && e->e->cut == 17);
		CHECK_STR(e->ev[0]->article, "a17");
		CHECK_STR(e->ev[2]->article, "a19");
		CHECK(e->e->cut_weight == 17 * ng_bound_weight(0.5));
		CHECK(e->confidence == 0.99);
		CHECK(v->nodes[0].nmentions == 3 && strcmp(v->nodes[0].mentions[0]->article, "a17") == 0);
		CHECK(v->narticles == 3 && strcmp(v->articles[0]->id, "a17") == 0);
		ng_view_free(v);
		ng_graph_free(g);
	}
}

int main(void)
{
	attr_values();
	attr_case();
	evidence_long_ids();
	view_order();
	bounded_merge();
	return harness_done("test_graph");
}
