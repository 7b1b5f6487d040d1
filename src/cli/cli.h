/* The command-line tool: a table of subcommands over the library. Only the
 * CLI prints messages and chooses exit codes. */
#ifndef NG_CLI_H
#define NG_CLI_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include "options.h"
#include "newsgraph.h"

/* A subcommand: its options and help (options.h), and what runs it. */
typedef struct cli_command {
	const cli_spec *spec;
	int (*run)(int argc, char **argv);
} cli_command;

/* Prints "newsgraph: FILE: message" (or without FILE) and returns 2. */
int cli_error(const char *file, const char *fmt, ...);
/* Prints a library error the same way and returns 2. */
int cli_lib_error(const ng_error *err, const char *fallback_file);

/* Opens an input ("-" is stdin, named "<stdin>"), refusing a directory.
 * Returns 0, or prints and returns 2. cli_close leaves stdin open. */
int cli_open(const char *path, const char **name, FILE **f);
void cli_close(FILE *f);
/* Reading stdin for want of a FILE: says so when stdin is a terminal. */
void cli_stdin_hint(const char *command, const char *what);

/* A growable byte string, NUL-terminated once anything is added. */
typedef struct cli_buf {
	char *s;
	size_t len, cap;
} cli_buf;
/* Appends n bytes: 0, or prints and returns 2. */
int cli_buf_add(cli_buf *b, const char *s, size_t n);

/* Reads a whole file ("-" is stdin). Returns 0 or prints and returns 2. */
int cli_read(const char *path, char **data, size_t *len);
/* entities -f conll: labels the CoNLL file at path (conll.c). 0, or prints
 * and returns 2. */
int cli_conll_entities(const ng_extractor *ex, const char *path);

/* Output that is all or nothing: written to a temporary file beside the
 * target (through a symlink, beside the file it names) and renamed over it
 * on success, keeping an existing file's mode; a directory is refused, and
 * a device, FIFO or socket is written in place once the output is whole. With path NULL or "-", stdout: held in
 * memory until the commit, or, for a stream (JSON Lines), written as it
 * comes. */
typedef struct cli_out {
	FILE *f;
	char *path, *tmp; /* path: the real target, through symlinks */
	char *mem;
	size_t memlen;
	int direct;    /* a device, FIFO or socket: written in place at commit */
	unsigned mode; /* an existing file's permissions, kept */
} cli_out;
int cli_out_open(cli_out *o, const char *path);
int cli_out_open_stream(cli_out *o, const char *path);
int cli_out_commit(cli_out *o); /* 0 or 2 */
void cli_out_abort(cli_out *o);

/* --max-evidence, --max-mentions: 0 for no bound. */
typedef struct cli_bounds {
	size_t max_evidence, max_mentions;
} cli_bounds;

/* Options shared by every command that extracts. */
typedef struct cli_extract_opts {
	cli_list lexicons, rules;
	const char *date, *id;
	ng_write_opts wopts; /* --base-iri */
	cli_bounds bounds;
} cli_extract_opts;

/* Their option tables (group struct: cli_extract_opts). */
extern const cli_opt cli_lexicon_opts[]; /* --lexicon */
extern const cli_opt cli_rules_opts[];   /* --rules */
extern const cli_opt cli_article_opts[]; /* --date, --id */
extern const cli_opt cli_format_opts[];  /* --base-iri, --layout */
extern const cli_opt cli_bound_opts[];   /* --max-evidence, --max-mentions */
/* The filter options (group struct: ng_filter). */
extern const cli_opt cli_filter_opts[];
/* Help lines listing every graph format, for a -f option's `more`. */
void cli_formats_help(FILE *f);

void cli_extract_opts_free(cli_extract_opts *o);
/* Builds an extractor with the user's lexicons and rules (0, or 2). */
int cli_extractor(const cli_extract_opts *o, ng_extractor **ex);
/* The article id of a path: its file name, unless --id. */
const char *cli_article_id(const cli_extract_opts *o, const char *path);



/* Reads a graph file (JSON or DOT written by newsgraph), or extracts one
 * from an article when the file is neither. Returns 0, or prints and 2. */
int cli_read_graph(const char *path, const cli_extract_opts *o, ng_graph **out);
/* Frees what reading article inputs kept (the extractor, built once). */
void cli_graph_inputs_done(void);
/* The same for bytes already read from `path`. */
int cli_graph_from_data(const char *data, size_t len, const char *path, const cli_extract_opts *o,
                        ng_graph **out);

/* Writes g in format w to outpath (stdout when NULL or "-"); a format of
 * several parts writes each into the directory outpath, creating it. All
 * or nothing: every part goes to a temporary file first. 0, or prints and 2. */
int cli_write_graph(const ng_writer *w, const ng_graph *g, const char *outpath, const ng_write_opts *wo);

/* The progress line on stderr: articles, MB, rate and ETA, a few times a
 * second, only on a terminal and never with --quiet. */
typedef struct cli_progress {
	int on, shown;
	size_t articles, bytes, total;
	double t0, last;
	pthread_t owner; /* the thread that draws: a long article's parts report from it */
} cli_progress;
void cli_progress_start(cli_progress *pr, int quiet, size_t total_bytes);
void cli_progress_add(cli_progress *pr, size_t articles, size_t bytes);
void cli_progress_end(cli_progress *pr);
/* An ng_progress_fn for ctx = a cli_progress: `done` bytes into the article
 * being extracted, drawn when called on the progress line's own thread. */
void cli_progress_part(void *ctx, size_t done, size_t total);

/* Parallel extraction (jobs.c). A job is one article; the runner fills
 * either `g` (its graph) or `json` (its graph as one line of JSON). */
#define CLI_MAX_THREADS 256
typedef struct cli_job {
	char *text;              /* freed by the runner once extracted */
	size_t len;
	char *id, *date, *source;
	char *ref_date;          /* without a date: a day near the article's (cli_job_date) */
	char *outlet;            /* a web page's site name, or NULL */
	long line;               /* JSON Lines input: the line number; WARC: the record's */
	ng_graph *g;
	char *json;
	ng_error err;
	int rc;
} cli_job;
/* Extracts n jobs on nthreads threads, the caller being one of them. */
void cli_jobs_run(const ng_extractor *ex, const ng_filter *f, cli_job *jobs, size_t n, int nthreads,
                  int to_json, cli_progress *pr);
/* The same in the background: nthreads threads start on the jobs and the
 * caller goes on (reading the next batch) until cli_jobs_wait. With one
 * thread the work is done before cli_jobs_start returns. */
typedef struct cli_pool {
	const ng_extractor *ex;
	const ng_filter *filter;
	const cli_bounds *bounds; /* to_json: each graph bounded before it is written */
	cli_job *jobs;
	size_t n;
	int to_json, started;
	cli_progress *progress; /* or NULL */
	atomic_size_t next;
	pthread_t tid[CLI_MAX_THREADS];
} cli_pool;
void cli_jobs_start(cli_pool *p, const ng_extractor *ex, const ng_filter *f, const cli_bounds *b,
                    cli_job *jobs, size_t n, int nthreads, int to_json);
void cli_jobs_wait(cli_pool *p);
void cli_job_clear(cli_job *j);
/* The job's article date: its own, else its dateline's day in ref_date's
 * year (into `day`), else ref_date. */
const char *cli_job_date(const cli_job *j, char day[11]);

/* An article file's bytes into a job (page.c): HTML is read as a web page
 * (its text, its canonical URL as id unless --id, its date unless
 * --date). 0, or a library error in *err. */
int cli_article_read(const char *data, size_t len, const char *path, const cli_extract_opts *o, cli_job *j,
                     ng_error *err);
/* A WARC document into a job: id = the page's canonical URL or the
 * target URI, date = the page's, else its dateline's or the crawl's
 * (WARC-Date, else `date`). 0, or a library error in *err. */
int cli_article_from_doc(const ng_warc_doc *d, const char *name, const char *date, cli_job *j, ng_error *err);



int cmd_extract(int argc, char **argv);
int cmd_entities(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_parse(int argc, char **argv);

extern const cli_spec cli_extract_spec, cli_entities_spec, cli_explain_spec, cli_merge_spec, cli_diff_spec,
	cli_render_spec, cli_eval_spec, cli_schema_spec, cli_parse_spec;

#endif
