/* Throughput benchmark: MB/s and articles/s of the text layer, the entity
 * stage, the full extraction, and the full extraction merging every article
 * graph into one (with the merge alone timed apart), over a JSON Lines corpus
 * ({"id", "date", "title", "text"} per line; an article is its title, a blank
 * line and its text, as extract --jsonl reads it). Each figure is the median of RUNS runs; each stage runs
 * in its own forked process, whose peak resident set size (corpus and
 * extractor included, as loaded before the fork) is reported. Not a test: it
 * only prints figures. tests/bench/run.sh drives it (--tsv).
 * usage: bench [--tsv] CORPUS.jsonl [RUNS] [MAX_ARTICLES]
 *
 * bench --run RESULT CMD [ARG...] runs CMD (stdin, stdout and stderr
 * inherited) and writes "STATUS MAXRSS_KB SECONDS CPU_SECONDS\n" to the
 * file RESULT: its exit status (128 + signal when killed), its own peak RSS,
 * its wall time and its CPU time (user + system, all threads). run.sh measures the CLI this way because a child's high-water mark
 * starts at the size of the process it was forked from (and a vfork()ed
 * exec inherits it whole): forked from the Python driver holding the
 * corpus, any child would show at least the driver's 70 MB. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "entities/lexicon.h"
#include "entities/link.h"
#include "entities/ner.h"
#include "extractor.h"
#include "newsgraph.h"
#include "text/doc.h"
#include "text/utf8.h"

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

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
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
			/* As extract --jsonl reads it: the title, a blank line, the text. */
			const char *title = cJSON_IsString(ti) ? ti->valuestring : "";
			size_t tl = strlen(title), bl = strlen(t->valuestring);
			char *text = malloc(tl + bl + 3);
			snprintf(text, tl + bl + 3, "%s%s%s", title, tl ? "\n\n" : "", t->valuestring);
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

enum { TEXT, ENTITIES, EXTRACT, MERGE, NSTAGES };

/* What a stage's process sends back: medians over the runs. */
typedef struct result {
	double total, merge; /* seconds; merge: the ng_graph_merge calls alone */
	double cpu;          /* CPU seconds (user + system) of the stage */
	size_t nodes, edges; /* of the merged graph */
} result;

static double run(int stage, const ng_extractor *ex, const article *a, size_t n, result *r)
{
	ng_text_opts opts = ng_lexicon_text_opts(&ex->lx);
	ng_graph *all = NULL;
	ng_graph_new(&all, NULL);
	double merge = 0;
	double t0 = now();
	for (size_t i = 0; i < n; i++) {
		ng_doc d;
		ng_ents x = {0};
		ng_article art = {a[i].id, a[i].id, a[i].date};
		/* The stages as extract.c's analyse() runs them. */
		if (stage == TEXT) {
			if (ng_text_check(a[i].text, a[i].len, a[i].id, NULL) == 0 &&
			    ng_doc_init(&d, a[i].text, a[i].len, &opts, NULL) == 0)
				ng_doc_free(&d);
		} else if (stage == ENTITIES) {
			if (ng_text_check(a[i].text, a[i].len, a[i].id, NULL) == 0 &&
			    ng_doc_init(&d, a[i].text, a[i].len, &opts, NULL) == 0) {
				ng_lexicon_tag(&ex->lx, &d);
				ng_ner(&ex->lx, ex->typer, &d, &x, NULL);
				ng_link(&ex->lx, &d, &x, NULL);
				ng_ents_free(&x);
				ng_doc_free(&d);
			}
		} else {
			ng_graph *g = NULL;
			ng_graph_new(&g, NULL);
			ng_extract(ex, a[i].text, a[i].len, &art, g, NULL);
			if (stage == MERGE) {
				double m0 = now();
				ng_graph_merge(all, g, NULL);
				merge += now() - m0;
			}
			ng_graph_free(g);
		}
	}
	double t = now() - t0;
	r->merge = merge;
	r->nodes = ng_graph_node_count(all);
	r->edges = ng_graph_edge_count(all);
	ng_graph_free(all);
	return t;
}

/* The resident set size now, in KB (0 when /proc is missing). */
static long resident_kb(void)
{
	long pages = 0, rss = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (f) {
		if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
			rss = 0;
		fclose(f);
	}
	return rss * (sysconf(_SC_PAGESIZE) / 1024);
}

static double median(double *t, int n)
{
	qsort(t, (size_t)n, sizeof *t, cmpd);
	return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

/* Runs a stage RUNS times in a child process; fills r and the child's peak
 * RSS in KB. Returns 0, or -1 when the child failed. */
static int stage_in_child(int stage, int runs, const ng_extractor *ex, const article *a, size_t n, result *r,
			  long *maxrss_kb)
{
	int fd[2];
	if (pipe(fd))
		return -1;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		close(fd[0]);
		double *t = malloc(3 * (size_t)runs * sizeof *t), *m = t + runs, *c = m + runs;
		result x = {0};
		for (int i = 0; i < runs; i++) {
			double c0 = cpu_now();
			t[i] = run(stage, ex, a, n, &x);
			c[i] = cpu_now() - c0;
			m[i] = x.merge;
		}
		x.total = median(t, runs);
		x.merge = median(m, runs);
		x.cpu = median(c, runs);
		ssize_t w = write(fd[1], &x, sizeof x);
		_exit(w == (ssize_t)sizeof x ? 0 : 1);
	}
	close(fd[1]);
	ssize_t got = read(fd[0], r, sizeof *r);
	close(fd[0]);
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) != pid)
		return -1;
	if (WIFSIGNALED(status))
		fprintf(stderr, "bench: the stage's process was killed by signal %d\n", WTERMSIG(status));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || got != (ssize_t)sizeof *r)
		return -1;
	*maxrss_kb = ru.ru_maxrss;
	return 0;
}

static int run_command(const char *result, char **cmd)
{
	double t0 = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("bench: fork");
		return 1;
	}
	if (pid == 0) {
		execvp(cmd[0], cmd);
		fprintf(stderr, "bench: %s: cannot run\n", cmd[0]);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) != pid) {
		perror("bench: wait4");
		return 1;
	}
	double t = now() - t0;
	FILE *f = fopen(result, "w");
	if (!f) {
		perror(result);
		return 1;
	}
	double cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
		     ru.ru_stime.tv_usec / 1e6;
	fprintf(f, "%d %ld %.6f %.6f\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
		ru.ru_maxrss, t, cpu);
	return fclose(f) ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc > 3 && strcmp(argv[1], "--run") == 0)
		return run_command(argv[2], argv + 3);
	int tsv = argc > 1 && strcmp(argv[1], "--tsv") == 0;
	argc -= tsv;
	argv += tsv;
	if (argc < 2 || argc > 4) {
		fprintf(stderr, "usage: bench [--tsv] CORPUS.jsonl [RUNS] [MAX_ARTICLES]\n");
		return 2;
	}
	int runs = argc > 2 ? atoi(argv[2]) : 5;
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
	if (ng_extractor_new(&ex, NULL)) {
		fprintf(stderr, "bench: cannot build the extractor\n");
		return 1;
	}
	double built = now() - t0;
	long rss_kb = resident_kb();
	if (tsv) {
		printf("corpus\t%zu\t%zu\t%.6f\t%ld\n", n, bytes, built, rss_kb);
		printf("#stage\truns\tmedian_s\tmaxrss_kb\tcpu_s\n");
	} else {
		printf("corpus: %s: %zu articles, %.1f MB of text; extractor built in %.0f ms; resident with the corpus "
		       "loaded: %.1f MiB\n",
		       argv[1], n, bytes / 1e6, built * 1e3, rss_kb / 1024.0);
		printf("%-16s %9s %11s %9s %6s %5s %10s\n", "stage", "MB/s", "articles/s", "median s", "CPU s", "runs",
		       "peak RSS");
	}
	const char *names[] = {"text layer", "entities", "full extract", "extract + merge"};
	const char *keys[] = {"text", "entities", "extract", "extract+merge"};
	int rc = 0;
	for (int s = TEXT; s < NSTAGES; s++) {
		result r;
		long rss;
		if (stage_in_child(s, runs, ex, a, n, &r, &rss)) {
			fprintf(stderr, "bench: stage %s failed\n", names[s]);
			rc = 1;
			continue;
		}
		if (tsv) {
			printf("%s\t%d\t%.6f\t%ld\t%.6f\n", keys[s], runs, r.total, rss, r.cpu);
			if (s == MERGE)
				printf("merge\t%d\t%.6f\t%ld\t-\t%zu\t%zu\n", runs, r.merge, rss, r.nodes, r.edges);
		} else {
			printf("%-16s %9.2f %11.0f %9.3f %6.2f %5d %6.1f MiB\n", names[s], bytes / 1e6 / r.total,
			       n / r.total, r.total, r.cpu, runs, rss / 1024.0);
			if (s == MERGE)
				printf("%-16s %9.2f %11.0f %9.3f %6s %5d %10s  (merged graph: %zu nodes, %zu edges)\n",
				       "merge alone", bytes / 1e6 / r.merge, n / r.merge, r.merge, "", runs, "", r.nodes,
				       r.edges);
		}
	}
	ng_extractor_free(ex);
	for (size_t i = 0; i < n; i++) {
		free(a[i].text);
		free(a[i].id);
		free(a[i].date);
	}
	free(a);
	return rc;
}
