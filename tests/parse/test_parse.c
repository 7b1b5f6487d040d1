/* Tests of the dependency parser (src/syntax/parse.c) with the committed
 * model, gold tokens and gold UPOS.
 *
 *   test_parse MODEL score NAME MIN_UAS MIN_LAS FILE...   UAS/LAS over every word, with floors
 *   test_parse MODEL spec SPEC.txt                         key words' heads and relations
 *   test_parse MODEL bad                                   malformed models are refused
 *
 * score also prints the parser's speed (words per CPU second of one thread);
 * with NG_PARSE_DUMP set, every word: gold head and relation, then the parser's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "syntax/conllu.h"
#include "syntax/parse.h"

/* CPU time of this thread: the speed of one core, whatever else the
 * machine runs. */
static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Scores one file; adds to the totals. */
static int score_file(const ng_parser *p, const char *path, size_t *total, size_t *uas, size_t *las, double *secs)
{
	size_t len = 0;
	char *data = harness_slurp(path, &len);
	ng_ud_corpus c;
	ng_error err = NG_ERROR_INIT;
	if (!data || ng_ud_read(&c, data, len, path, &err)) {
		fprintf(stderr, "%s: cannot read (%s)\n", path, err.message);
		free(data);
		return -1;
	}
	free(data);
	for (size_t j = 0; j < c.nsents; j++) {
		const ng_ud_sentence *u = &c.sents[j];
		const char **forms = calloc(u->n, sizeof *forms);
		int *v = calloc(3 * u->n, sizeof *v);
		CHECK(forms && v);
		for (size_t i = 0; forms && v && i < u->n; i++) {
			forms[i] = u->words[i].form;
			v[i] = u->words[i].upos;
		}
		double t0 = now();
		int rc = forms && v ? ng_parser_parse(p, forms, v, u->n, v + u->n, v + 2 * u->n, &err) : -1;
		*secs += now() - t0;
		CHECK(rc == 0);
		for (size_t i = 0; rc == 0 && i < u->n; i++) {
			if (getenv("NG_PARSE_DUMP"))
				printf("%zu\t%s\t%s\t%d\t%s\t%d\t%s%s", i + 1, u->words[i].form, ng_upos_name(v[i]),
				       u->words[i].head, u->words[i].deprel, v[u->n + i], ng_parser_deprel_name(p, v[2 * u->n + i]),
				       i + 1 == u->n ? "\n\n" : "\n");
			int ok = v[u->n + i] == u->words[i].head;
			*uas += ok;
			*las += ok && strcmp(ng_parser_deprel_name(p, v[2 * u->n + i]), u->words[i].deprel) == 0;
		}
		*total += u->n;
		free(forms);
		free(v);
	}
	ng_ud_corpus_free(&c);
	return 0;
}

static void score(const ng_parser *p, char **argv, int argc)
{
	size_t total = 0, uas = 0, las = 0;
	double secs = 0, min_uas = atof(argv[1]), min_las = atof(argv[2]);
	for (int i = 3; i < argc; i++)
		CHECK(score_file(p, argv[i], &total, &uas, &las, &secs) == 0);
	double u = total ? (double)uas / total : 0, l = total ? (double)las / total : 0;
	printf("%s: %zu words, UAS %.4f LAS %.4f, %.0f words per CPU second\n", argv[0], total, u, l, secs > 0 ? total / secs : 0);
	CHECK(total > 0);
	CHECK(u >= min_uas);
	CHECK(l >= min_las);
}

/* The 0-based index of the word written `form` or `form#k` (k-th one). */
static int find(char **forms, int n, const char *ref)
{
	char word[128];
	int k = 1;
	snprintf(word, sizeof word, "%s", ref);
	char *hash = strchr(word, '#');
	if (hash && hash != word) {
		k = atoi(hash + 1);
		*hash = 0;
	}
	for (int i = 0; i < n; i++)
		if (strcmp(forms[i], word) == 0 && --k == 0)
			return i;
	return -2;
}

typedef struct spec_sent {
	char *forms[128];
	int upos[128], heads[128], rels[128], n;
	char line[1024];
} spec_sent;

/* "> word/UPOS word/UPOS ...": parses the sentence. */
static int spec_parse(const ng_parser *p, spec_sent *s, const char *text)
{
	ng_error err = NG_ERROR_INIT;
	snprintf(s->line, sizeof s->line, "%s", text);
	s->n = 0;
	for (char *tok = strtok(s->line, " \n"); tok && s->n < 128; tok = strtok(NULL, " \n")) {
		char *slash = strrchr(tok, '/');
		if (!slash || slash == tok)
			return -1;
		*slash = 0;
		s->forms[s->n] = tok;
		s->upos[s->n++] = ng_upos_parse(slash + 1, strlen(slash + 1));
	}
	return ng_parser_parse(p, (const char *const *)s->forms, s->upos, (size_t)s->n, s->heads, s->rels, &err);
}

/* "dep rel head | rel head ...": one of the alternatives holds. */
static int spec_check(const ng_parser *p, const spec_sent *s, char *line)
{
	char *save, *dep = strtok_r(line, " \n", &save);
	int d = dep ? find((char **)s->forms, s->n, dep) : -2, ok = 0;
	if (d < 0)
		return -1;
	const char *gotrel = ng_parser_deprel_name(p, s->rels[d]);
	int goth = s->heads[d] - 1;
	for (char *rel; (rel = strtok_r(NULL, " \n", &save));) {
		char *head = strtok_r(NULL, " \n", &save), *bar = strtok_r(NULL, " \n", &save);
		if (!head)
			return -1;
		int h = strcmp(head, "ROOT") == 0 ? -1 : find((char **)s->forms, s->n, head);
		ok |= h == goth && strcmp(rel, gotrel) == 0;
		if (!bar)
			break;
	}
	if (!ok)
		fprintf(stderr, "  %s: got %s -> %s\n", dep, gotrel, goth < 0 ? "ROOT" : s->forms[goth]);
	return ok;
}

static void spec(const ng_parser *p, const char *path)
{
	FILE *f = fopen(path, "r");
	CHECK(f != NULL);
	if (!f)
		return;
	spec_sent s;
	char line[1024], title[1024] = "";
	int have = 0;
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#') {
			snprintf(title, sizeof title, "%s", line);
		} else if (line[0] == '>') {
			have = spec_parse(p, &s, line + 1) == 0;
			CHECK(have);
		} else if (line[0] != '\n' && have) {
			int ok = spec_check(p, &s, line);
			if (ok != 1)
				fprintf(stderr, "%s%s", title, ok < 0 ? "  (a malformed expectation)\n" : "");
			CHECK(ok == 1);
		}
	}
	fclose(f);
}

/* Truncated or altered models are refused, never read past their end. */
static void bad(const unsigned char *data, size_t len)
{
	ng_parser *p = NULL;
	ng_error err = NG_ERROR_INIT;
	for (size_t cut = 0; cut < 200 && cut < len; cut += 7) {
		CHECK(ng_parser_load(data, cut, &p, &err) == NG_EINVAL);
		CHECK(p == NULL);
	}
	CHECK(ng_parser_load(data, len - 1, &p, &err) == NG_EINVAL);
	unsigned char *copy = malloc(len);
	CHECK(copy != NULL);
	if (!copy)
		return;
	memcpy(copy, data, len);
	copy[0] ^= 1;
	CHECK(ng_parser_load(copy, len, &p, &err) == NG_EINVAL);
	free(copy);
	CHECK(ng_parser_load(data, len, &p, &err) == 0);
	int heads[1], rels[1];
	const char *one[] = {"Hello"};
	int tag[] = {NG_INTJ};
	CHECK(ng_parser_parse(p, one, tag, 1, heads, rels, &err) == 0);
	CHECK(heads[0] == 0 && strcmp(ng_parser_deprel_name(p, rels[0]), "root") == 0);
	CHECK(strcmp(ng_parser_deprel_name(p, -1), "_") == 0);
	CHECK(strstr(ng_parser_header(p), "CC BY-SA 4.0") != NULL);
	ng_parser_free(p);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: test_parse MODEL score|spec|bad ...\n");
		return 2;
	}
	size_t len = 0;
	unsigned char *data = (unsigned char *)harness_slurp(argv[1], &len);
	ng_parser *p = NULL;
	ng_error err = NG_ERROR_INIT;
	CHECK(data != NULL);
	if (data && ng_parser_load(data, len, &p, &err)) {
		fprintf(stderr, "%s: %s\n", argv[1], err.message);
		CHECK(0);
	}
	if (p && !strcmp(argv[2], "score") && argc >= 7)
		score(p, argv + 3, argc - 3);
	else if (p && !strcmp(argv[2], "spec") && argc == 4)
		spec(p, argv[3]);
	else if (p && !strcmp(argv[2], "bad"))
		bad(data, len);
	else
		CHECK(0);
	ng_parser_free(p);
	free(data);
	return harness_done(argv[2]);
}
