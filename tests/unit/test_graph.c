/* Unit tests of the graph model: identity and deduplication without length
 * limits, attribute value sets of any size. */
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
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

int main(void)
{
	attr_values();
	evidence_long_ids();
	return harness_done("test_graph");
}
