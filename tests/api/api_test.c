/* The public API as a library user sees it: this program includes only the
 * installed headers and links through `pkg-config newsgraph`. It extracts
 * the article given on the command line, walks the graph through the
 * read-only accessors and checks what it finds.
 * Usage: api_test ARTICLE */
#include <newsgraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

#define CHECK(cond)                                                           \
	do {                                                                  \
		if (!(cond)) {                                                \
			fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #cond); \
			failures++;                                           \
		}                                                             \
	} while (0)

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	if (f && fseek(f, 0, SEEK_END) == 0) {
		long n = ftell(f);
		buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
		if (buf && (fseek(f, 0, SEEK_SET) || fread(buf, 1, (size_t)n, f) != (size_t)n)) {
			free(buf);
			buf = NULL;
		}
		*len = (size_t)n;
	}
	if (f)
		fclose(f);
	return buf;
}

static void check_schema(void)
{
	CHECK(strcmp(ng_type_name(NG_COMPANY), "company") == 0);
	CHECK(ng_type_parse("state", 5) == NG_STATE);
	CHECK(ng_type_parse("planet", 6) == -1);
	CHECK(ng_relation_parse("meets", 5) == NG_REL_MEETS);
	CHECK(ng_relation_get(NG_REL_MEETS)->symmetric);
	CHECK(!ng_relation_get(NG_REL_VISITS)->symmetric);
	CHECK(strcmp(ng_relation_get(NG_REL_SANCTIONS)->cameo, "163") == 0);
	CHECK(ng_relation_get(NG_REL_LEADS)->source_types == NG_TYPE_BIT(NG_PERSON));
	CHECK(ng_relation_get(NG_NRELATIONS) == NULL);
	CHECK(strcmp(ng_modality_name(NG_EXPECTED), "expected") == 0);
	CHECK(strcmp(ng_mention_kind_name(NG_PRONOUN), "pronoun") == 0);
	CHECK(ng_date_check("2024-02-29", 10, 0) == 1 && ng_date_check("2023-02-29", 10, 0) == 0);
	CHECK(ng_date_check("1900-02-29", 10, 0) == 0 && ng_date_check("2000-02-29", 10, 0) == 1);
	CHECK(ng_date_check("2024-04-31", 10, 1) == 0 && ng_date_check("2024-13", 7, 1) == 0);
	CHECK(ng_date_check("--02-29", 7, 1) == 1 && ng_date_check("--02-29", 7, 0) == -1);
	CHECK(ng_date_check("2024", 4, 1) == 1 && ng_date_check("16 May", 6, 1) == -1);
}

/* Every edge's endpoints are nodes; every evidence quotes a sentence of the
 * article at its offsets. */
static void check_graph(const ng_graph *g, const char *text, size_t len)
{
	CHECK(ng_graph_article_count(g) == 1);
	CHECK(strcmp(ng_graph_article(g, 0).id, "article-1") == 0);
	CHECK(ng_graph_article(g, 1).id == NULL);
	CHECK(ng_graph_node_count(g) > 5 && ng_graph_edge_count(g) > 5);
	CHECK(ng_graph_node_at(g, ng_graph_node_count(g)) == NULL);
	const ng_node *putin = ng_graph_find_node(g, "person:vladimir-putin");
	CHECK(putin && ng_node_type(putin) == NG_PERSON && strcmp(ng_node_name(putin), "Vladimir Putin") == 0);
	CHECK(putin && ng_node_mention_count(putin) > 1);
	for (size_t i = 0; putin && i < ng_node_mention_count(putin); i++) {
		ng_mention_info m = ng_node_mention(putin, i);
		CHECK(m.end > m.start && m.end <= len && strcmp(m.article, "article-1") == 0);
	}
	const ng_node *russia = ng_graph_find_node(g, "state:rus");
	CHECK(russia && strcmp(ng_node_iso3166(russia), "RUS") == 0);
	CHECK(ng_graph_find_edge(g, "person:vladimir-putin", NG_REL_LEADS, "state:rus") != NULL);
	for (size_t i = 0; i < ng_graph_edge_count(g); i++) {
		const ng_edge *e = ng_graph_edge_at(g, i);
		CHECK(ng_graph_find_node(g, ng_edge_source(e)) && ng_graph_find_node(g, ng_edge_target(e)));
		CHECK(ng_graph_find_edge(g, ng_edge_target(e), ng_edge_relation(e), ng_edge_source(e)) ==
		      (ng_relation_get(ng_edge_relation(e))->symmetric ? e : NULL) ||
		      ng_graph_find_edge(g, ng_edge_target(e), ng_edge_relation(e), ng_edge_source(e)) != e);
		CHECK(ng_edge_evidence_count(e) > 0);
		for (size_t k = 0; k < ng_edge_evidence_count(e); k++) {
			ng_evidence_info v = ng_edge_evidence(e, k);
			CHECK(v.end <= len && v.end - v.start == strlen(v.sentence) &&
			      memcmp(text + v.start, v.sentence, v.end - v.start) == 0);
			CHECK(v.modality >= ng_edge_modality(e));
		}
		for (size_t k = 0; k < ng_edge_attr_count(e); k++) {
			const char *val = NULL, *key = ng_edge_attr_at(e, k, &val);
			CHECK(key && val && ng_edge_attr(e, key) == val);
		}
	}
}

/* Write as JSON, read back, compare: the round trip a user's pipeline
 * makes, through the writer registry, the reader and the diff. */
static void check_round_trip(const ng_graph *g)
{
	ng_error err = NG_ERROR_INIT;
	char *json = NULL;
	size_t len = 0;
	ng_write_opts o = NG_WRITE_OPTS_INIT;
	o.compact = 1;
	CHECK(ng_write_mem(ng_writer_find("json"), g, 0, &o, &json, &len, &err) == NG_OK);
	CHECK(json && len && memchr(json, '\n', len - 1) == NULL);
	CHECK(json && ng_graph_sniff(json, len));
	CHECK(!ng_graph_sniff("Putin visited China.", 20) && !ng_graph_sniff("[Reuters] Putin", 15));
	ng_graph *back = NULL;
	CHECK(json && ng_graph_read(json, len, "mem.json", &back, &err) == NG_OK);
	CHECK(back && ng_graph_node_count(back) == ng_graph_node_count(g));
	ng_diff *d = NULL;
	ng_diff_opts dopts = NG_DIFF_OPTS_INIT;
	CHECK(back && ng_diff_new(g, back, &dopts, &d, &err) == NG_OK && !ng_diff_changed(d) && ng_diff_count(d) == 0);
	ng_diff_free(d);
	ng_graph_free(back);
	CHECK(ng_graph_read("{\"newsgraph\": 2}", 16, "v2.json", &back, &err) == NG_EINVAL && back == NULL &&
	      strcmp(err.file, "v2.json") == 0);
	ng_graph_free(back);
	free(json);
	/* A filter makes a new graph and leaves the old one. */
	ng_filter f = NG_FILTER_INIT;
	f.types = NG_TYPE_BIT(NG_PERSON) | NG_TYPE_BIT(NG_STATE);
	ng_graph *cut = NULL;
	size_t before = ng_graph_node_count(g);
	CHECK(ng_filter_active(&f) && ng_graph_filter(g, &f, &cut, &err) == NG_OK);
	for (size_t i = 0; cut && i < ng_graph_node_count(cut); i++) {
		ng_type t = ng_node_type(ng_graph_node_at(cut, i));
		CHECK(t == NG_PERSON || t == NG_STATE);
	}
	CHECK(ng_graph_node_count(g) == before && cut && ng_graph_node_count(cut) < before);
	/* Against the filtered graph, the diff lists removed nodes. */
	CHECK(cut && ng_diff_new(g, cut, &dopts, &d, &err) == NG_OK && ng_diff_changed(d) && ng_diff_count(d) > 0 &&
	      ng_diff_get(d, 0)->status == NG_DIFF_REMOVED);
	ng_diff_free(d);
	ng_graph_free(cut);
	for (const ng_writer *const *w = ng_writers(); *w; w++)
		CHECK((*w)->name && ng_writer_find((*w)->name) == *w);
	CHECK(ng_writer_find("gif") == NULL);
}

/* Mentions and the rule trace come back as data. */
static void check_mentions_trace(const ng_extractor *ex, const char *text, size_t len, const ng_article *art)
{
	ng_error err = NG_ERROR_INIT;
	ng_mentions *ms = NULL;
	CHECK(ng_extract_mentions(ex, text, len, art, &ms, &err) == NG_OK && ng_mentions_count(ms) > 10);
	size_t putin = 0;
	for (size_t i = 0; ms && i < ng_mentions_count(ms); i++) {
		const ng_mention_info *m = ng_mentions_get(ms, i);
		CHECK(m->end > m->start && m->end <= len);
		putin += strcmp(m->node, "person:vladimir-putin") == 0 && m->type == NG_PERSON;
	}
	CHECK(putin > 1 && ms && ng_mentions_get(ms, ng_mentions_count(ms)) == NULL);
	ng_mentions_free(ms);
	ng_trace *t = NULL;
	size_t fired = 0;
	CHECK(ng_extract_trace(ex, text, len, art, &t, &err) == NG_OK && ng_trace_count(t) > 5);
	for (size_t i = 0; t && i < ng_trace_count(t); i++)
		fired += ng_trace_get(t, i)->nrules;
	CHECK(fired > 5);
	ng_trace_free(t);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: api_test ARTICLE\n");
		return 2;
	}
	size_t len = 0;
	char *text = slurp(argv[1], &len);
	if (!text) {
		fprintf(stderr, "api_test: cannot read %s\n", argv[1]);
		return 2;
	}
	check_schema();
	ng_error err = NG_ERROR_INIT;
	ng_extractor *ex = NULL;
	ng_graph *g = NULL;
	ng_article art = {"article-1", argv[1], "2024-05-16"};
	CHECK(ng_extractor_new(&ex, &err) == NG_OK);
	CHECK(ng_graph_new(&g, &err) == NG_OK);
	if (ex && g) {
		CHECK(ng_extract(ex, text, len, &art, g, &err) == NG_OK);
		check_graph(g, text, len);
		check_round_trip(g);
		check_mentions_trace(ex, text, len, &art);
		ng_parsed *pz = NULL;
		CHECK(ng_parse_text(ex, "Putin visited China.", 20, "s.txt", &pz, &err) == NG_OK && ng_parsed_count(pz) == 1);
		const ng_parse_sentence *s = pz ? ng_parsed_sentence(pz, 0) : NULL;
		CHECK(s && s->n == 4 && strcmp(s->words[1].upos, "VERB") == 0 && s->words[1].head == 0 &&
		      strcmp(s->words[1].lemma, "visit") == 0 && s->words[0].head == 2 &&
		      strcmp(s->words[0].deprel, "nsubj") == 0 && s->words[2].start == 14 && s->words[2].end == 19);
		ng_parsed_free(pz);
		/* Errors come back as data, never printed. */
		CHECK(ng_extract(ex, "bad\0text", 8, &art, g, &err) == NG_EINVAL && err.message[0]);
		CHECK(ng_extractor_add_rules(ex, "user.rules", "rule r\n  relation nope\n", 22, &err) == NG_EINVAL &&
		      strcmp(err.file, "user.rules") == 0 && err.line == 2);
	}
	ng_graph_free(g);
	ng_extractor_free(ex);
	ng_graph_free(NULL);
	ng_extractor_free(NULL);
	free(text);
	if (failures)
		fprintf(stderr, "api_test: %d checks failed\n", failures);
	else
		printf("api_test: all checks passed\n");
	return failures ? 1 : 0;
}
