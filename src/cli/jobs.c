/* Parallel extraction for the CLI: a batch of articles is extracted on N
 * threads sharing one read-only extractor, each article into its own graph.
 * Results stay in input order, so the output is the same for any N. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "newsgraph/filter.h"
#include "newsgraph/writer.h"

static void run_one(const cli_pool *p, cli_job *j)
{
	ng_graph *g = NULL, *cut = NULL;
	char day[11];
	ng_article art = {j->id, j->source, cli_job_date(j, day)};
	j->rc = ng_graph_new(&g, &j->err);
	if (!j->rc)
		j->rc = ng_extract_progress(p->ex, j->text, j->len, &art, g, p->progress ? cli_progress_part : NULL,
		                            p->progress, &j->err);
	if (!j->rc && p->filter && ng_filter_active(p->filter)) {
		j->rc = ng_graph_filter(g, p->filter, &cut, &j->err);
		if (!j->rc) {
			ng_graph_free(g);
			g = cut;
		}
	}
	/* Bounds cut the article's graph once it is whole, so that what is
	 * counted and kept is exact within the article. */
	if (!j->rc && p->bounds && (p->bounds->max_evidence || p->bounds->max_mentions))
		j->rc = ng_graph_set_bounds(g, p->bounds->max_evidence, p->bounds->max_mentions, &j->err);
	if (!j->rc && p->to_json) {
		/* One line of JSON Lines, without its newline: the writer of the
		 * batch adds it. */
		ng_write_opts o = NG_WRITE_OPTS_INIT;
		size_t len = 0;
		o.compact = 1;
		j->rc = ng_write_mem(ng_writer_find("json"), g, 0, &o, &j->json, &len, &j->err);
		if (!j->rc && len)
			j->json[len - 1] = 0;
	}
	if (j->rc || p->to_json)
		ng_graph_free(g);
	else
		j->g = g;
	/* The text is no longer needed: free it early to bound memory. */
	free(j->text);
	j->text = NULL;
}

static void *worker(void *arg)
{
	cli_pool *p = arg;
	for (size_t i; (i = atomic_fetch_add(&p->next, 1)) < p->n;)
		run_one(p, &p->jobs[i]);
	return NULL;
}

static void setup(cli_pool *p, const ng_extractor *ex, const ng_filter *f, cli_job *jobs, size_t n,
                  int to_json)
{
	p->ex = ex;
	p->filter = f;
	p->bounds = NULL;
	p->jobs = jobs;
	p->n = n;
	p->to_json = to_json;
	p->progress = NULL;
	p->started = 0;
	atomic_init(&p->next, 0);
}

/* Starts up to k threads (no more than there are jobs); a thread that
 * fails to start only means fewer workers. */
static void spawn(cli_pool *p, int k)
{
	if ((size_t)k > p->n)
		k = (int)p->n;
	for (int t = 0; t < k; t++)
		if (pthread_create(&p->tid[p->started], NULL, worker, p) == 0)
			p->started++;
}

void cli_jobs_start(cli_pool *p, const ng_extractor *ex, const ng_filter *f, const cli_bounds *b,
                    cli_job *jobs, size_t n, int nthreads, int to_json)
{
	setup(p, ex, f, jobs, n, to_json);
	p->bounds = b;
	if (nthreads > 1 && n > 1)
		spawn(p, nthreads);
	if (!p->started)
		worker(p);
}

void cli_jobs_wait(cli_pool *p)
{
	for (int t = 0; t < p->started; t++)
		pthread_join(p->tid[t], NULL);
	p->started = 0;
}

void cli_jobs_run(const ng_extractor *ex, const ng_filter *f, cli_job *jobs, size_t n, int nthreads,
                  int to_json, cli_progress *pr)
{
	cli_pool p;
	setup(&p, ex, f, jobs, n, to_json);
	p.progress = pr;
	spawn(&p, nthreads - 1);
	worker(&p);
	cli_jobs_wait(&p);
}

const char *cli_job_date(const cli_job *j, char day[11])
{
	if (j->date || !j->ref_date)
		return j->date;
	return ng_dateline_day(j->text, j->len, j->ref_date, day) ? day : j->ref_date;
}

void cli_job_clear(cli_job *j)
{
	free(j->text);
	free(j->id);
	free(j->date);
	free(j->ref_date);
	free(j->outlet);
	free(j->source);
	free(j->json);
	ng_graph_free(j->g);
	memset(j, 0, sizeof *j);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_start(cli_progress *pr, int quiet, size_t total_bytes)
{
	memset(pr, 0, sizeof *pr);
	pr->on = !quiet && isatty(STDERR_FILENO);
	pr->total = total_bytes;
	pr->t0 = pr->last = now();
	pr->owner = pthread_self();
}

/* Draws the line for `bytes` read: articles done, a few times a second
 * at most; or, `in_part`, how far into the next one. */
static void draw(cli_progress *pr, size_t bytes, int in_part)
{
	double t = now();
	if (!in_part && t - pr->last < 0.25)
		return;
	pr->last = t;
	pr->shown = 1;
	double el = t - pr->t0, mb = (double)bytes / 1e6, rate = el > 0 ? mb / el : 0;
	if (in_part)
		fprintf(stderr, "\r\033[Knewsgraph: in article %zu, %.1f MB, %.1f MB/s", pr->articles + 1, mb, rate);
	else
		fprintf(stderr, "\r\033[Knewsgraph: %zu article%s, %.1f MB, %.1f MB/s", pr->articles,
		        pr->articles == 1 ? "" : "s", mb, rate);
	if (pr->total > bytes && rate > 0) {
		double eta = ((double)(pr->total - bytes) / 1e6) / rate;
		fprintf(stderr, ", ETA %d:%02d", (int)(eta / 60), (int)eta % 60);
	}
	fflush(stderr);
}

void cli_progress_add(cli_progress *pr, size_t articles, size_t bytes)
{
	pr->articles += articles;
	pr->bytes += bytes;
	/* Only once there is more than one article to report: one short
	 * article's line would flash and vanish. */
	if (pr->on && pr->articles >= 2)
		draw(pr, pr->bytes, 0);
}

void cli_progress_part(void *ctx, size_t done, size_t total)
{
	cli_progress *pr = ctx;
	(void)total;
	/* Parts of an article on a worker thread are not reported: the line
	 * belongs to the thread that started it. A part is a mebibyte of
	 * text: drawing each is a few times a second at most. */
	if (pr->on && pthread_equal(pthread_self(), pr->owner))
		draw(pr, pr->bytes + done, 1);
}

void cli_progress_end(cli_progress *pr)
{
	if (pr->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	pr->shown = 0;
}
