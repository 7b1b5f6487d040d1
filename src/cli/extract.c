/* newsgraph extract: articles in, one graph out in any registered format;
 * or, with --jsonl, JSON Lines articles in and one graph per line out. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "newsgraph/filter.h"

typedef struct xargs {
	cli_extract_opts o;
	ng_filter f;
	const char *format, *outpath, *emit_text;
	const char **files; /* operands, "-" added when none */
	size_t nfiles;
	int explain, jsonl, warc, keep_going, quiet, nthreads;
	size_t skipped; /* bad files, with --keep-going */
} xargs;

/* Articles handed to the threads at once: enough to keep them busy and
 * bounded so that memory does not grow with the input. */
#define BATCH_PER_THREAD 16
#define BATCH_MAX_BYTES ((size_t)32 << 20)

/* --explain: per reading of a sentence its placeholder form, then one line
 * per rule that fired, from the library's trace. */
static int print_trace(const ng_trace *t, FILE *out)
{
	for (size_t i = 0; i < ng_trace_count(t); i++) {
		const ng_trace_sentence *s = ng_trace_get(t, i);
		if (fprintf(out, "S%zu%s: %s\n", s->sentence, s->parse ? " parse" : s->path ? " path" : s->without_appositions ? "'" : "",
		            s->form) < 0)
			return -1;
		for (size_t k = 0; k < s->nlinks; k++) {
			const ng_trace_link *l = &s->links[k];
			if (fprintf(out, "  #%zu %s -> %s%s%s (%s", l->mention, l->text, l->node, l->node2 ? ", " : "",
			            l->node2 ? l->node2 : "", l->pass) < 0 ||
			    (l->antecedent >= 0 && fprintf(out, ", through #%ld", l->antecedent) < 0) || fputs(")\n", out) < 0)
				return -1;
		}
		for (size_t k = 0; k < s->nrules; k++) {
			const ng_trace_rule *r = &s->rules[k];
			if (fprintf(out, "  %s: %s -%s-> %s%s%s%s%s\n", r->rule, r->source, ng_relation_name(r->relation),
			            r->target, r->negated ? " (negated)" : "", r->modality != NG_ASSERTED ? " (" : "",
			            r->modality != NG_ASSERTED ? ng_modality_name(r->modality) : "",
			            r->modality != NG_ASSERTED ? ")" : "") < 0)
				return -1;
		}
	}
	return 0;
}

static int set_threads(void *x, const char *v)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (*end || end == v || n < 1 || n > CLI_MAX_THREADS)
		return cli_error(NULL, "-j '%s' is not a thread count from 1 to %d", v, CLI_MAX_THREADS);
	((xargs *)x)->nthreads = (int)n;
	return 0;
}

#define X(field) offsetof(xargs, field)

static const cli_opt own_opts[] = {
	{"-f", NULL, "FORMAT", CLI_STR, X(format), NULL, "output format (default dot):", cli_formats_help},
	{"-o", NULL, "FILE", CLI_STR, X(outpath), NULL, "write to FILE (written whole or not at all); csv: a directory",
	 NULL},
	{"--explain", NULL, NULL, CLI_FLAG, X(explain), NULL, "print the placeholder form and fired rules instead",
	 NULL},
	{"--jsonl", NULL, NULL, CLI_FLAG, X(jsonl), NULL,
	 "streaming: read JSON Lines articles {\"id\", \"date\", \"title\",\n\"text\"} and write one JSON graph "
	 "per line, in input order",
	 NULL},
	{"--warc", NULL, NULL, CLI_FLAG, X(warc), NULL,
	 "streaming: read web archives (WARC, plain or gzip) and write one\nJSON graph per HTML or text page, as --jsonl",
	 NULL},
	{"--keep-going", NULL, NULL, CLI_FLAG, X(keep_going), NULL,
	 "report a bad line, record or file on stderr and skip it", NULL},
	{"--emit-text", NULL, "FILE", CLI_STR, X(emit_text), NULL,
	 "write the text that offsets count in (with --jsonl or --warc:\nJSON Lines articles that --jsonl reads back)",
	 NULL},
	{"-j", NULL, "N", CLI_SET, 0, set_threads, "extract on N threads (same output for any N)", NULL},
	{"--quiet", "-q", NULL, CLI_FLAG, X(quiet), NULL, "no progress line on a terminal", NULL},
	{NULL}};

static const cli_group groups[] = {
	{own_opts, 0},
	{cli_format_opts, X(o)},
	{cli_article_opts, X(o)},
	{cli_lexicon_opts, X(o)},
	{cli_rules_opts, X(o)},
	{cli_filter_opts, X(f)},
	{cli_bound_opts, X(o)},
	{NULL, 0}};

const cli_spec cli_extract_spec = {
	"extract", "extract a knowledge graph from articles",
	"[FILE...]",
	"Reads articles (stdin when no FILE or FILE is -) and writes one graph;\n"
	"several articles are merged by identity, each mention and evidence\n"
	"keeping its article id (the file name, unless --id). A file whose\n"
	"content is HTML is read as a web page: its main text, title and date,\n"
	"its canonical URL as id. With --jsonl (JSON Lines articles) or --warc\n"
	"(web archives), writes one graph per line.\n",
	groups};

static int parse(xargs *x, int argc, char **argv)
{
	int rc = cli_parse(&cli_extract_spec, argc, argv, x, &x->files, &x->nfiles);
	if (rc)
		return rc;
	if (!x->nfiles) {
		x->files[x->nfiles++] = "-";
		cli_stdin_hint("extract", x->jsonl ? "JSON Lines" : x->warc ? "a WARC file" : "an article");
	}
	int stream = x->jsonl || x->warc;
	if (x->jsonl && x->warc)
		return cli_error(NULL, "--jsonl and --warc cannot be combined");
	if (x->o.id && x->warc)
		return cli_error(NULL, "--id cannot be used with --warc: each page has its own id");
	if (x->emit_text && !stream && x->nfiles > 1)
		return cli_error(NULL, "--emit-text writes one article's text, but %zu were given", x->nfiles);
	if (x->emit_text && x->explain)
		return cli_error(NULL, "--emit-text and --explain cannot be combined");
	if (x->warc && x->explain)
		return cli_error(NULL, "--warc and --explain cannot be combined");
	if (x->o.id && x->jsonl)
		return cli_error(NULL, "--id cannot be used with --jsonl: each line has its own id");
	if (x->o.id && x->nfiles > 1)
		return cli_error(NULL, "--id names one article, but %zu were given", x->nfiles);
	if (x->jsonl && x->explain)
		return cli_error(NULL, "--jsonl and --explain cannot be combined");
	if (x->keep_going && !stream && x->nfiles < 2)
		return cli_error(NULL, "--keep-going needs --jsonl, --warc or several files");
	return 0;
}

/* Bytes to read in all, for the progress line's ETA: 0 when unknown. */
static size_t total_bytes(const xargs *x)
{
	size_t total = 0;
	for (size_t i = 0; i < x->nfiles; i++) {
		struct stat st;
		int ok = strcmp(x->files[i], "-") == 0 ? fstat(0, &st) == 0 : stat(x->files[i], &st) == 0;
		if (!ok || !S_ISREG(st.st_mode))
			return 0;
		total += (size_t)st.st_size;
	}
	return total;
}

/* Writes the text that offsets count in to --emit-text's file. */
static int emit_text(const xargs *x, const char *text, size_t len)
{
	cli_out out;
	if (cli_out_open(&out, x->emit_text))
		return 2;
	if (fwrite(text, 1, len, out.f) != len) {
		cli_out_abort(&out);
		return cli_error(x->emit_text, "write failed: %s", strerror(errno));
	}
	return cli_out_commit(&out);
}

/* One article file into a job. 0; 1 when it was bad and skipped
 * (--keep-going); or prints and returns 2. */
static int read_article(xargs *x, const char *path, cli_job *j)
{
	char *data;
	size_t len;
	ng_error err = NG_ERROR_INIT;
	if (cli_read(path, &data, &len))
		return 2;
	int rc = cli_article_read(data, len, path, &x->o, j, &err);
	free(data);
	if (rc && x->keep_going) {
		cli_lib_error(&err, strcmp(path, "-") == 0 ? "<stdin>" : path);
		x->skipped++;
		return 1;
	}
	if (rc)
		return cli_lib_error(&err, strcmp(path, "-") == 0 ? "<stdin>" : path);
	return x->emit_text ? emit_text(x, j->text, j->len) : 0;
}

/* Prints the trace of one article. 0, or prints and returns 2. */
static int explain_job(const xargs *x, const ng_extractor *ex, const cli_job *j, FILE *out)
{
	ng_error err = NG_ERROR_INIT;
	ng_article art = {j->id, j->source, j->date};
	ng_trace *t = NULL;
	int rc = 0;
	if (ng_extract_trace(ex, j->text, j->len, &art, &t, &err))
		rc = cli_lib_error(&err, j->source);
	else if (print_trace(t, out))
		rc = cli_error(x->outpath ? x->outpath : "<stdout>", "write failed: %s", strerror(errno));
	ng_trace_free(t);
	return rc;
}

/* Whole files: read a batch, extract it in parallel, merge in input order. */
static int extract_files(xargs *x, const ng_extractor *ex, ng_graph *g, FILE *explain_out)
{
	size_t batch = x->explain ? 1 : (size_t)x->nthreads * BATCH_PER_THREAD;
	cli_job *jobs = calloc(batch, sizeof *jobs);
	cli_progress pr;
	int rc = 0;
	if (!jobs)
		return cli_error(NULL, "out of memory");
	cli_progress_start(&pr, x->quiet, total_bytes(x));
	for (size_t i = 0; i < x->nfiles && !rc;) {
		size_t n = 0, bytes = 0;
		for (; n < batch && i < x->nfiles && bytes < BATCH_MAX_BYTES && !rc; i++) {
			rc = read_article(x, x->files[i], &jobs[n]);
			if (rc == 1) {
				rc = 0; /* skipped, --keep-going */
				continue;
			}
			bytes += jobs[n++].len;
		}
		if (!rc && x->explain && n)
			rc = explain_job(x, ex, &jobs[0], explain_out);
		else if (!rc) {
			cli_jobs_run(ex, NULL, jobs, n, x->nthreads, 0, &pr);
			for (size_t k = 0; k < n && !rc; k++) {
				ng_error err = NG_ERROR_INIT;
				if (jobs[k].rc && x->keep_going) {
					cli_progress_end(&pr);
					cli_lib_error(&jobs[k].err, jobs[k].source);
					x->skipped++;
				} else if (jobs[k].rc)
					rc = cli_lib_error(&jobs[k].err, jobs[k].source);
				else if (ng_graph_merge(g, jobs[k].g, &err))
					rc = cli_lib_error(&err, NULL);
			}
		}
		cli_progress_add(&pr, n, bytes);
		for (size_t k = 0; k < batch; k++)
			cli_job_clear(&jobs[k]);
	}
	cli_progress_end(&pr);
	free(jobs);
	return rc;
}

/* A JSON Lines article's date: a day of the calendar, YYYY-MM-DD, maybe
 * opening a timestamp ("2024-05-16T09:30:00Z"). */
static int valid_date(const char *s)
{
	size_t n = strlen(s);
	return n >= 10 && (!s[10] || s[10] == 'T' || s[10] == ' ') && ng_date_check(s, 10, 0) == 1;
}

/* One JSON Lines article into a job; returns an error message or NULL. */
static const char *parse_line(const char *line, size_t len, long lineno, cli_job *j)
{
	/* cJSON would cut a string at an escaped NUL; refuse it as a file with
	 * a NUL byte is refused. */
	for (size_t i = 0; i + 6 <= len; i++) {
		if (line[i] != '\\')
			continue;
		if (line[i + 1] == 'u' && !memcmp(line + i + 2, "0000", 4))
			return "a string holds a NUL character (\\u0000): binary input, not text";
		i++; /* the escaped character: "\\\\u0000" is a backslash and text */
	}
	cJSON *o = cJSON_ParseWithLength(line, len);
	const char *msg = NULL;
	if (!o || !cJSON_IsObject(o)) {
		cJSON_Delete(o);
		return "not a JSON object";
	}
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
	const cJSON *date = cJSON_GetObjectItemCaseSensitive(o, "date");
	const cJSON *title = cJSON_GetObjectItemCaseSensitive(o, "title");
	const cJSON *text = cJSON_GetObjectItemCaseSensitive(o, "text");
	char num[64];
	if (!cJSON_IsString(text))
		msg = "no \"text\" string";
	else if (id && !cJSON_IsString(id) && !cJSON_IsNumber(id) && !cJSON_IsNull(id))
		msg = "\"id\" is not a string or a number";
	else if (title && !cJSON_IsString(title) && !cJSON_IsNull(title))
		msg = "\"title\" is not a string";
	else if (date && !cJSON_IsNull(date) && !(cJSON_IsString(date) && valid_date(date->valuestring)))
		msg = "\"date\" is not a day of the calendar, YYYY-MM-DD";
	if (msg) {
		cJSON_Delete(o);
		return msg;
	}
	if (cJSON_IsString(id))
		j->id = strdup(id->valuestring);
	else {
		if (cJSON_IsNumber(id))
			snprintf(num, sizeof num, "%.17g", id->valuedouble);
		else
			snprintf(num, sizeof num, "line-%ld", lineno);
		j->id = strdup(num);
	}
	j->source = j->id ? strdup(j->id) : NULL;
	j->date = cJSON_IsString(date) ? strndup(date->valuestring, 10) : NULL;
	/* The title is the article's headline: its first paragraph. */
	size_t tl = cJSON_IsString(title) ? strlen(title->valuestring) : 0, bl = strlen(text->valuestring);
	j->text = malloc(tl + bl + 3);
	if (j->text) {
		j->len = 0;
		if (tl) {
			memcpy(j->text, title->valuestring, tl);
			memcpy(j->text + tl, "\n\n", 2);
			j->len = tl + 2;
		}
		memcpy(j->text + j->len, text->valuestring, bl + 1);
		j->len += bl;
	}
	j->line = lineno;
	/* asked before the delete: `date` belongs to `o` */
	int oom = !j->id || !j->source || !j->text || (cJSON_IsString(date) && !j->date);
	cJSON_Delete(o);
	return oom ? "out of memory" : NULL;
}

typedef struct stream {
	xargs *x;
	const ng_extractor *ex;
	FILE *out, *text_out; /* text_out: --emit-text */
	ng_warc *warc;        /* reading a WARC file, else JSON Lines */
	size_t batch, skipped;
	size_t offset; /* WARC: bytes read, for the progress line */
	char why[320]; /* a bad record's message */
	cli_progress pr;
	char *line;
	size_t cap;
	long lineno;
} stream;

/* A batch of articles read, and the bad line that ended it early (without
 * --keep-going). */
typedef struct batch {
	cli_job *jobs;
	size_t n;
	const char *bad;
	long bad_line;
} batch;

/* A bad line or record: "FILE:LINE: what" or "FILE: record N: what". */
static void report(const stream *s, const char *name, long line, const char *msg)
{
	if (s->warc && !line)
		cli_error(name, "%s", msg);
	else if (s->warc)
		cli_error(name, "record %ld: %s", line, msg);
	else
		cli_error(NULL, "%s:%ld: %s", name, line, msg);
}

/* What reading the next article of a stream gave. */
enum { NEXT_OK, NEXT_NONE, NEXT_END, NEXT_BAD, NEXT_FAILED };

/* The next JSON Lines article into j: NEXT_OK, NEXT_NONE for a blank line,
 * NEXT_END, NEXT_BAD with *msg for a bad line, NEXT_FAILED (printed) when
 * the file cannot be read. */
static int next_line(stream *s, FILE *f, const char *name, cli_job *j, const char **msg, size_t *bytes)
{
	ssize_t len = getline(&s->line, &s->cap, f);
	if (len < 0)
		return ferror(f) && cli_error(name, "cannot read: %s", strerror(errno)) ? NEXT_FAILED : NEXT_END;
	s->lineno++;
	*bytes = (size_t)len;
	size_t l = (size_t)len;
	while (l && (s->line[l - 1] == '\n' || s->line[l - 1] == '\r'))
		l--;
	if (strspn(s->line, " \t") >= l)
		return NEXT_NONE;
	*msg = parse_line(s->line, l, s->lineno, j);
	/* --date: a day near every article's, dating those without one */
	if (!*msg && !j->date && s->x->o.date && !(j->ref_date = strdup(s->x->o.date)))
		*msg = "out of memory";
	return *msg ? NEXT_BAD : NEXT_OK;
}

/* The next page of a WARC file into j, the same way. */
static int next_record(stream *s, const char *name, cli_job *j, const char **msg, size_t *bytes)
{
	ng_warc_doc d;
	ng_error err = NG_ERROR_INIT;
	int rc = ng_warc_next(s->warc, &d, &err);
	if (rc == 0)
		return NEXT_END;
	if (rc < 0) {
		/* The message names the record: line 0 says so to report(). */
		snprintf(s->why, sizeof s->why, "%s", err.message);
		*msg = s->why;
		s->lineno = 0;
		return NEXT_BAD;
	}
	*bytes = d.offset - s->offset;
	s->offset = d.offset;
	s->lineno = (long)d.record;
	if (cli_article_from_doc(&d, name, s->x->o.date, j, &err)) {
		snprintf(s->why, sizeof s->why, "%s: %s", d.uri, err.message);
		*msg = s->why;
		return NEXT_BAD;
	}
	return NEXT_OK;
}

/* --emit-text with a stream: the article as a JSON Lines line that --jsonl
 * reads back to the same graph (a page's outlet too, which it ignores). */
static int emit_line(stream *s, const cli_job *j)
{
	cJSON *o = cJSON_CreateObject();
	char *line = NULL, day[11];
	const char *date = cli_job_date(j, day);
	if (o && cJSON_AddStringToObject(o, "id", j->id) && (!date || cJSON_AddStringToObject(o, "date", date)) &&
	    (!j->outlet || cJSON_AddStringToObject(o, "outlet", j->outlet)) && cJSON_AddStringToObject(o, "text", j->text))
		line = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	int bad = !line || fputs(line, s->text_out) == EOF || fputc('\n', s->text_out) == EOF;
	free(line);
	return bad ? cli_error(s->x->emit_text, "write failed: %s", strerror(errno)) : 0;
}

/* Reads up to one batch of articles. With --keep-going a bad line or
 * record is reported and skipped; without, it ends the batch and is kept
 * in b->bad for when the articles before it are written. 0, or 2 on a
 * read error. */
static int read_batch(stream *s, FILE *f, const char *name, batch *b, int *eof)
{
	size_t bytes = 0;
	b->n = 0;
	b->bad = NULL;
	while (b->n < s->batch && bytes < BATCH_MAX_BYTES) {
		cli_job *j = &b->jobs[b->n];
		const char *msg = NULL;
		size_t len = 0;
		int r = s->warc ? next_record(s, name, j, &msg, &len) : next_line(s, f, name, j, &msg, &len);
		if (r == NEXT_END || r == NEXT_FAILED) {
			*eof = 1;
			return r == NEXT_FAILED ? 2 : 0;
		}
		cli_progress_add(&s->pr, r == NEXT_OK, len);
		if (r == NEXT_NONE)
			continue;
		if (r == NEXT_OK) {
			if (s->text_out && emit_line(s, j))
				return 2;
			bytes += j->len;
			b->n++;
			continue;
		}
		cli_job_clear(j);
		s->skipped++;
		if (!s->x->keep_going) {
			b->bad = msg;
			b->bad_line = s->lineno;
			return 0;
		}
		cli_progress_end(&s->pr);
		report(s, name, s->lineno, msg);
	}
	return 0;
}

/* Writes an extracted batch's lines in input order, then its bad line. */
static int write_batch(stream *s, batch *b, const char *name)
{
	int rc = 0;
	for (size_t k = 0; k < b->n; k++) {
		cli_job *j = &b->jobs[k];
		if (!rc && j->rc) {
			cli_progress_end(&s->pr);
			report(s, name, j->line, j->err.message[0] ? j->err.message : "failed");
			if (s->x->keep_going)
				s->skipped++;
			else
				rc = 2;
		} else if (!rc && (fputs(j->json, s->out) == EOF || fputc('\n', s->out) == EOF || fflush(s->out)))
			rc = cli_error(s->x->outpath ? s->x->outpath : "<stdout>", "write failed: %s", strerror(errno));
		cli_job_clear(j);
	}
	b->n = 0;
	if (!rc && b->bad) {
		cli_progress_end(&s->pr);
		report(s, name, b->bad_line, b->bad);
		rc = 2;
	}
	return rc;
}

/* Reads, extracts and writes one JSON Lines input. With threads, the next
 * batch is read while the current one is extracted. */
static int stream_file(stream *s, const char *path, cli_job *jobs)
{
	const char *name;
	FILE *f;
	if (cli_open(path, &name, &f))
		return 2;
	batch bufs[2] = {{jobs, 0, NULL, 0}, {jobs + s->batch, 0, NULL, 0}};
	int cur = 0, eof = 0;
	s->lineno = 0;
	s->offset = 0;
	ng_error err = NG_ERROR_INIT;
	int rc = s->x->warc && ng_warc_new(f, name, &s->warc, &err) ? cli_lib_error(&err, name) : 0;
	if (!rc)
		rc = read_batch(s, f, name, &bufs[0], &eof);
	while (!rc && (bufs[cur].n || bufs[cur].bad)) {
		batch *b = &bufs[cur], *next = &bufs[1 - cur];
		cli_pool pool;
		cli_jobs_start(&pool, s->ex, &s->x->f, &s->x->o.bounds, b->jobs, b->n, s->x->nthreads, 1);
		next->n = 0;
		next->bad = NULL;
		int rr = b->bad || eof ? 0 : read_batch(s, f, name, next, &eof);
		cli_jobs_wait(&pool);
		rc = write_batch(s, b, name);
		if (!rc)
			rc = rr;
		cur = 1 - cur;
	}
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < bufs[k].n; i++)
			cli_job_clear(&bufs[k].jobs[i]);
	ng_warc_free(s->warc);
	s->warc = NULL;
	cli_close(f);
	return rc;
}

static int extract_jsonl(xargs *x, const ng_extractor *ex)
{
	stream s = {.x = x, .ex = ex, .batch = x->nthreads > 1 ? (size_t)x->nthreads * BATCH_PER_THREAD : 1};
	cli_out out, text = {0};
	int rc = cli_out_open_stream(&out, x->outpath);
	if (rc)
		return rc;
	if (x->emit_text && cli_out_open(&text, x->emit_text)) {
		cli_out_abort(&out);
		return 2;
	}
	s.out = out.f;
	s.text_out = text.f;
	cli_job *jobs = calloc(2 * s.batch, sizeof *jobs);
	if (!jobs) {
		cli_out_abort(&out);
		return cli_error(NULL, "out of memory");
	}
	cli_progress_start(&s.pr, x->quiet, total_bytes(x));
	for (size_t i = 0; i < x->nfiles && !rc; i++)
		rc = stream_file(&s, x->files[i], jobs);
	cli_progress_end(&s.pr);
	free(jobs);
	free(s.line);
	if (!rc && x->emit_text)
		rc = cli_out_commit(&text);
	else if (x->emit_text)
		cli_out_abort(&text);
	if (rc) {
		cli_out_abort(&out);
		return rc;
	}
	if (s.skipped)
		cli_error(NULL, "%zu bad %s%s skipped", s.skipped, x->warc ? "record" : "line", s.skipped == 1 ? "" : "s");
	return cli_out_commit(&out);
}

int cmd_extract(int argc, char **argv)
{
	xargs x = {.f = NG_FILTER_INIT, .format = "dot", .nthreads = 1};
	ng_graph *cut = NULL, *g = NULL;
	ng_extractor *ex = NULL;
	int rc = 2;
	int p = parse(&x, argc, argv);
	if (p) {
		rc = p == 1 ? 0 : 2;
		goto done;
	}
	const ng_writer *w = ng_writer_find(x.format);
	if (!w) {
		cli_error(NULL, "unknown format '%s' (try newsgraph extract --help)", x.format);
		goto done;
	}
	if (cli_extractor(&x.o, &ex))
		goto done;
	if (x.jsonl || x.warc) {
		rc = extract_jsonl(&x, ex);
		goto done;
	}
	ng_error err = NG_ERROR_INIT;
	if (ng_graph_new(&g, &err) ||
	    ng_graph_set_bounds(g, x.o.bounds.max_evidence, x.o.bounds.max_mentions, &err)) {
		cli_lib_error(&err, NULL);
		goto done;
	}
	cli_out out = {0};
	if (x.explain && cli_out_open(&out, x.outpath))
		goto done;
	if (extract_files(&x, ex, g, out.f)) {
		cli_out_abort(&out);
		goto done;
	}
	if (x.explain) {
		rc = cli_out_commit(&out);
		goto done;
	}
	if (ng_filter_active(&x.f) && ng_graph_filter(g, &x.f, &cut, &err)) {
		cli_lib_error(&err, NULL);
		goto done;
	}
	rc = cli_write_graph(w, cut ? cut : g, x.outpath, &x.o.wopts);
	if (!rc && x.skipped)
		cli_error(NULL, "%zu bad file%s skipped", x.skipped, x.skipped == 1 ? "" : "s");
done:
	ng_graph_free(cut);
	ng_graph_free(g);
	ng_extractor_free(ex);
	cli_extract_opts_free(&x.o);
	free((void *)x.files);
	return rc;
}
