/* Throughput benchmark: prints MB/s and articles/s of the text layer, the
 * entity stage and the full extraction over a JSON Lines corpus
 * ({"id", "date", "title", "text"} per line), the median of several runs,
 * and the peak resident set size. Not a test: it only prints figures.
 * usage: bench CORPUS.jsonl [RUNS] [MAX_ARTICLES] */
#include "extractor.h"
#include "lexicon.h"
#include "ner.h"
#include "newsgraph.h"
#include "text.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct article {
	char *id, *date, *text;
	size_t len;
} article;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmpd(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static article *load(const char *path, size_t max, size_t *n, size_t *bytes)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	article *a = NULL;
	size_t cap = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t l;
	*n = *bytes = 0;
	while (*n < max && (l = getline(&line, &lcap, f)) > 0) {
		cJSON *o = cJSON_Parse(line);
		const cJSON *t = cJSON_GetObjectItem(o, "text"), *id = cJSON_GetObjectItem(o, "id");
		const cJSON *d = cJSON_GetObjectItem(o, "date");
		const cJSON *ti = cJSON_GetObjectItem(o, "title");
		if (cJSON_IsString(t)) {
			if (*n == cap) {
				cap = cap ? cap * 2 : 1024;
				a = realloc(a, cap * sizeof *a);
			}
			size_t tl = strlen(ti && cJSON_IsString(ti) ? ti->valuestring : ""), bl = strlen(t->valuestring);
			char *text = malloc(tl + bl + 3);
			snprintf(text, tl + bl + 3, "%s\n\n%s", cJSON_IsString(ti) ? ti->valuestring : "", t->valuestring);
			a[*n].text = text;
			a[*n].len = strlen(text);
			a[*n].id = strdup(cJSON_IsString(id) ? id->valuestring : "x");
			a[*n].date = cJSON_IsString(d) ? strdup(d->valuestring) : NULL;
			*bytes += a[*n].len;
			(*n)++;
		}
		cJSON_Delete(o);
	}
	free(line);
	fclose(f);
	return a;
}

enum { TEXT, ENTITIES, EXTRACT, MERGE };

static double run(int stage, const ng_extractor *ex, const article *a, size_t n)
{
	ng_text_opts opts = ng_lexicon_text_opts(&ex->lx);
	ng_graph *all = NULL;
	ng_graph_new(&all, NULL);
	double t0 = now();
	for (size_t i = 0; i < n; i++) {
		ng_doc d;
		ng_ents x = {0};
		ng_article art = {a[i].id, a[i].id, a[i].date};
		if (stage == TEXT) {
			if (ng_doc_init(&d, a[i].text, a[i].len, &opts, NULL) == 0)
				ng_doc_free(&d);
		} else if (stage == ENTITIES) {
			if (ng_doc_init(&d, a[i].text, a[i].len, &opts, NULL) == 0) {
				ng_ner(&ex->lx, &d, &x, NULL);
				ng_link(&ex->lx, &d, &x, NULL);
				ng_ents_free(&x);
				ng_doc_free(&d);
			}
		} else {
			ng_graph *g = NULL;
			ng_graph_new(&g, NULL);
			ng_extract(ex, a[i].text, a[i].len, &art, g, NULL);
			if (stage == MERGE)
				ng_graph_merge(all, g, NULL);
			ng_graph_free(g);
		}
	}
	double t = now() - t0;
	ng_graph_free(all);
	return t;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench CORPUS.jsonl [RUNS] [MAX_ARTICLES]\n");
		return 2;
	}
	int runs = argc > 2 ? atoi(argv[2]) : 3;
	size_t max = argc > 3 ? (size_t)atol(argv[3]) : (size_t)-1, n, bytes;
	if (runs < 1)
		runs = 1;
	article *a = load(argv[1], max, &n, &bytes);
	if (!a) {
		fprintf(stderr, "bench: %s: cannot read\n", argv[1]);
		return 2;
	}
	ng_extractor *ex;
	double t0 = now();
	if (ng_extractor_new(&ex, NULL))
		return 1;
	printf("corpus: %s: %zu articles, %.1f MB; extractor built in %.0f ms\n", argv[1], n, bytes / 1e6,
	       (now() - t0) * 1e3);
	const char *names[] = {"text layer", "entities", "full extract", "extract + merge"};
	for (int s = TEXT; s <= MERGE; s++) {
		double t[16];
		for (int r = 0; r < runs && r < 16; r++)
			t[r] = run(s, ex, a, n);
		qsort(t, (size_t)(runs < 16 ? runs : 16), sizeof *t, cmpd);
		double med = t[(runs < 16 ? runs : 16) / 2];
		printf("%-16s %8.2f MB/s %10.0f articles/s  (median of %d runs, %.2f s)\n", names[s], bytes / 1e6 / med,
		       n / med, runs, med);
	}
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("peak RSS: %.1f MB\n", ru.ru_maxrss / 1024.0);
	ng_extractor_free(ex);
	for (size_t i = 0; i < n; i++) {
		free(a[i].text);
		free(a[i].id);
		free(a[i].date);
	}
	free(a);
	return 0;
}
