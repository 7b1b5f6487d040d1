/* Unit tests of the writers' driver and the diff, through the public API:
 * writing never changes the graph, any part can be written alone, the
 * compact JSON is one line, and a diff is data before it is text. The
 * graphs are built with the internal graph functions, out of canonical
 * order on purpose. */
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "harness.h"
#include "newsgraph.h"

static ng_graph *sample(const char *name, const char *date, int with_b)
{
	ng_graph *g = NULL;
	if (ng_graph_new(&g, NULL))
		return NULL;
	ng_node *a = ng_graph_node(g, "person:a", NG_PERSON, name, 0);
	ng_node *z = ng_graph_node(g, "state:z", NG_STATE, "Zedland", 0);
	ng_node *b = with_b ? ng_graph_node(g, "person:b", NG_PERSON, "Bo", 0) : NULL;
	ng_edge *e = ng_graph_edge(g, "person:a", NG_REL_VISITS, "state:z");
	ng_evidence v1 = {"art", "A visits Z.", "visits", "r1", 0, 10, NG_ASSERTED, 0, 0.5};
	ng_evidence v2 = {"art", "A went to Z.", "went", "r2", 20, 30, NG_ASSERTED, 0, 0.5};
	int bad = ng_graph_add_article(g, "art", "Title", "2024-01-02", "art.txt") || !a || !z || (with_b && !b) ||
	          !e || ng_node_add_alias(a, "zz") || ng_node_add_alias(a, "aa") || ng_edge_add_evidence(g, e, &v2) ||
	          ng_edge_add_evidence(g, e, &v1) || ng_edge_set_date(e, date);
	if (bad) {
		ng_graph_free(g);
		return NULL;
	}
	return g;
}

static char *write_str(const char *format, const ng_graph *g, int part, const ng_write_opts *o)
{
	char *out = NULL;
	ng_error err = NG_ERROR_INIT;
	if (ng_write_mem(ng_writer_find(format), g, part, o, &out, NULL, &err)) {
		fprintf(stderr, "%s: %s\n", format, err.message);
		return NULL;
	}
	return out;
}

/* Writing a graph leaves it as it was (writers sorted it in place). */
static void write_keeps_graph(void)
{
	ng_graph *g = sample("Ann", NULL, 0);
	CHECK(g != NULL);
	if (!g)
		return;
	for (const ng_writer *const *w = ng_writers(); *w; w++)
		for (int part = 0; part == 0 || ((*w)->parts && (*w)->parts[part]); part++) {
			ng_error err = NG_ERROR_INIT;
			FILE *f = fopen("/dev/null", "w");
			CHECK(f && ng_write(*w, g, f, part, NULL, &err) == 0);
			if (f)
				fclose(f);
		}
	const ng_node *a = ng_graph_find_node(g, "person:a");
	CHECK(a && strcmp(a->aliases[0], "zz") == 0);
	CHECK(strcmp(g->edges[0]->ev[0].rule, "r2") == 0);
	ng_graph_free(g);
}

/* CSV's edges part written alone carries the confidence (it was computed
 * only while writing the nodes part). */
static void csv_edges_alone(void)
{
	ng_graph *g = sample("Ann", NULL, 0);
	char *edges = g ? write_str("csv", g, 1, NULL) : NULL;
	CHECK(edges && strstr(edges, ",2,0.75,") != NULL);
	/* All parts at once give the same bytes as part by part. */
	char *parts[2] = {NULL, NULL};
	size_t lens[2];
	FILE *outs[2] = {open_memstream(&parts[0], &lens[0]), open_memstream(&parts[1], &lens[1])};
	size_t failed = 9;
	CHECK(outs[0] && outs[1] && ng_write_parts(ng_writer_find("csv"), g, outs, NULL, &failed, NULL) == 0);
	CHECK(failed == 0);
	fclose(outs[0]);
	fclose(outs[1]);
	char *nodes = g ? write_str("csv", g, 0, NULL) : NULL;
	CHECK(nodes && parts[0] && strcmp(nodes, parts[0]) == 0);
	CHECK(edges && parts[1] && strcmp(edges, parts[1]) == 0);
	ng_error err = NG_ERROR_INIT;
	char *none = NULL;
	CHECK(ng_write_mem(ng_writer_find("csv"), g, 2, NULL, &none, NULL, &err) == NG_EINVAL && !none);
	CHECK_STR(err.message, "format 'csv' has no part 2");
	free(nodes);
	free(edges);
	free(parts[0]);
	free(parts[1]);
	ng_graph_free(g);
}

static void json_compact(void)
{
	ng_graph *g = sample("Ann", NULL, 0);
	ng_write_opts o = NG_WRITE_OPTS_INIT;
	o.compact = 1;
	char *line = g ? write_str("json", g, 0, &o) : NULL;
	CHECK(line && strncmp(line, "{\"newsgraph\":1,\"articles\":[{\"id\":\"art\"", 38) == 0);
	CHECK(line && strchr(line, '\n') == line + strlen(line) - 1);
	CHECK(line && strstr(line, "\"aliases\":[\"aa\",\"zz\"]") && strstr(line, "\"confidence\":0.75"));
	free(line);
	ng_graph_free(g);
}

static void diff_data(void)
{
	ng_graph *a = sample("Ann", "2024-01-01", 0), *b = sample("Anna", "2024-02-01", 1);
	ng_diff *d = NULL;
	ng_diff_opts o = NG_DIFF_OPTS_INIT;
	CHECK(a && b && ng_diff_new(a, b, &o, &d, NULL) == 0);
	if (!d) {
		ng_graph_free(a);
		ng_graph_free(b);
		return;
	}
	CHECK(ng_diff_changed(d) && ng_diff_count(d) == 3 && ng_diff_get(d, 3) == NULL);
	const ng_diff_item *x = ng_diff_get(d, 0);
	CHECK(x->status == NG_DIFF_CHANGED && !x->is_edge && x->nchanges == 1 && !x->source);
	CHECK_STR(x->id, "person:a");
	CHECK_STR(x->changes[0].field, "name");
	CHECK_STR(x->changes[0].from, "Ann");
	CHECK_STR(x->changes[0].to, "Anna");
	x = ng_diff_get(d, 1);
	CHECK(x->status == NG_DIFF_ADDED && !x->is_edge && x->nchanges == 0);
	CHECK_STR(x->name, "Bo");
	x = ng_diff_get(d, 2);
	CHECK(x->status == NG_DIFF_CHANGED && x->is_edge && x->type == NG_REL_VISITS && x->nchanges == 1 && !x->id);
	CHECK_STR(x->source, "person:a");
	CHECK_STR(x->changes[0].to, "2024-02-01");
	char *text = NULL;
	size_t len;
	FILE *f = open_memstream(&text, &len);
	CHECK(f && ng_diff_write(d, "text", f, NULL) == 0);
	fclose(f);
	CHECK_STR(text, "~ node person:a \"Anna\" name: Ann -> Anna\n+ node person:b \"Bo\"\n"
	                "~ edge person:a -visits-> state:z date: 2024-01-01 -> 2024-02-01\n");
	free(text);
	ng_error err = NG_ERROR_INIT;
	CHECK(ng_diff_write(d, "yaml", stdout, &err) == NG_EINVAL);
	char *u = write_str("jsonl", ng_diff_union(d), 0, NULL);
	CHECK(u && strstr(u, "\"id\":\"person:b\"") && strstr(strstr(u, "\"id\":\"person:b\""), "\"diff\":\"added\""));
	free(u);
	ng_diff_free(d);
	/* With dates ignored the edges are equal. */
	o.ignore_dates = 1;
	CHECK(ng_diff_new(a, b, &o, &d, NULL) == 0 && ng_diff_count(d) == 2);
	ng_diff_free(d);
	CHECK(ng_diff_new(a, a, NULL, &d, NULL) == 0 && !ng_diff_changed(d));
	ng_diff_free(d);
	ng_graph_free(a);
	ng_graph_free(b);
}

int main(void)
{
	write_keeps_graph();
	csv_edges_alone();
	json_compact();
	diff_data();
	return harness_done("test_writers");
}
