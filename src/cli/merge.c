/* newsgraph merge: graphs (or articles) in, their union by identity out,
 * each mention and evidence keeping its article. A JSON Lines file of
 * graphs (what extract --jsonl writes) is read one line at a time, so merge
 * works as the reducer of a streaming job. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "newsgraph/filter.h"
#include "newsgraph/writer.h"

/* Is this line a whole JSON object on its own (a JSON Lines graph)? */
static int whole_object(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == n || s[i] != '{')
		return 0;
	cJSON *o = cJSON_ParseWithLength(s, n);
	int ok = o != NULL;
	cJSON_Delete(o);
	return ok;
}

static int merge_graph(ng_graph *g, ng_graph *part, const char *name)
{
	ng_error err = NG_ERROR_INIT;
	int rc = ng_graph_merge(g, part, &err) ? cli_lib_error(&err, name) : 0;
	ng_graph_free(part);
	return rc;
}

/* One graph of a JSON Lines input; errors name the line. */
static int merge_line(ng_graph *g, const char *s, size_t n, const char *name, long lineno)
{
	ng_error err = NG_ERROR_INIT;
	ng_graph *part = NULL;
	if (ng_graph_read(s, n, name, &part, &err))
		return cli_error(NULL, "%s:%ld: %s", name, lineno, err.message);
	return merge_graph(g, part, name);
}

/* Merges one input into g: JSON Lines graph by graph, anything else whole
 * (a JSON or DOT graph, or an article to extract). */
static int merge_input(ng_graph *g, const char *path, const cli_extract_opts *o)
{
	const char *name;
	FILE *f;
	if (cli_open(path, &name, &f))
		return 2;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long lineno = 0, objects = 0;
	int rc = 0, jsonl = -1;
	/* The whole input, or in JSON Lines the first graph, held back until a
	 * second one shows that this is JSON Lines and not one compact graph. */
	cli_buf whole = {0};
	while (!rc && (len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		int blank = strspn(line, " \t\r\n") == (size_t)len;
		if (jsonl < 0) {
			if (blank && !whole.len)
				continue;
			jsonl = whole.len == 0 && whole_object(line, (size_t)len);
		}
		if (!jsonl || (blank && objects == 0)) {
			rc = cli_buf_add(&whole, line, (size_t)len);
			continue;
		}
		if (blank)
			continue;
		if (++objects == 1) {
			rc = cli_buf_add(&whole, line, (size_t)len);
			continue;
		}
		if (objects == 2)
			rc = merge_line(g, whole.s, whole.len, name, 1);
		if (!rc)
			rc = merge_line(g, line, (size_t)len, name, lineno);
	}
	if (!rc && ferror(f))
		rc = cli_error(name, "cannot read: %s", strerror(errno));
	free(line);
	cli_close(f);
	if (!rc && objects < 2) {
		ng_graph *part = NULL;
		rc = cli_graph_from_data(whole.s ? whole.s : "", whole.len, path, o, &part);
		if (!rc)
			rc = merge_graph(g, part, name);
	}
	free(whole.s);
	return rc;
}

typedef struct margs {
	cli_extract_opts o;
	ng_filter f;
	const char *format, *outpath;
	int jsonl, partial;
} margs;

#define M(field) offsetof(margs, field)

static const cli_opt own_opts[] = {
	{"-f", NULL, "FORMAT", CLI_STR, M(format), NULL, "output format (default json):", cli_formats_help},
	{"-o", NULL, "FILE", CLI_STR, M(outpath), NULL, "write to FILE (written whole or not at all); csv: a directory",
	 NULL},
	{"--jsonl", NULL, NULL, CLI_FLAG, M(jsonl), NULL,
	 "write the result as one JSON line, so that merge can reduce\nits own output", NULL},
	{"--partial", NULL, NULL, CLI_FLAG, M(partial), NULL,
	 "--jsonl for another merge: each evidence keeps its own\nconfidence, so that any tree of merges gives the bytes of one",
	 NULL},
	{NULL}};

static const cli_group groups[] = {{own_opts, 0},         {cli_format_opts, M(o)},     {cli_filter_opts, M(f)},
                                   {cli_bound_opts, M(o)},   {cli_article_opts, M(o)}, {cli_lexicon_opts, M(o)},
                                   {cli_rules_opts, M(o)},   {NULL, 0}};

const cli_spec cli_merge_spec = {
	"merge", "merge graphs by identity, keeping provenance",
	"GRAPH...",
	"Merges graph files (JSON or DOT written by newsgraph; an article is\n"
	"extracted first) by identity: aliases, mentions and evidence are unioned\n"
	"(each keeps its article), counts summed, the earliest date kept. Any order\n"
	"or grouping of the inputs gives the same bytes. A file of JSON Lines\n"
	"graphs (extract --jsonl) is read line by line; GRAPH may be - for stdin.\n",
	groups};

int cmd_merge(int argc, char **argv)
{
	margs m = {.f = NG_FILTER_INIT, .format = "json"};
	const char **files = NULL;
	size_t nfiles = 0;
	ng_graph *g = NULL, *cut = NULL;
	ng_error err = NG_ERROR_INIT;
	int rc = cli_parse(&cli_merge_spec, argc, argv, &m, &files, &nfiles);
	if (rc) {
		rc = rc == 1 ? 0 : 2;
		goto done;
	}
	rc = 2;
	const char *format = m.format, *outpath = m.outpath;
	const ng_writer *w = ng_writer_find(format);
	if (!w) {
		cli_error(NULL, "unknown format '%s' (try newsgraph merge --help)", format);
		goto done;
	}
	if (m.partial && !m.jsonl) {
		cli_error(NULL, "--partial needs --jsonl");
		goto done;
	}
	if (!nfiles) {
		cli_error(NULL, "merge needs at least one graph (try newsgraph merge --help)");
		goto done;
	}
	if (ng_graph_new(&g, &err) || ng_graph_set_bounds(g, m.o.bounds.max_evidence, m.o.bounds.max_mentions, &err)) {
		cli_lib_error(&err, NULL);
		goto done;
	}
	for (size_t i = 0; i < nfiles; i++)
		if (merge_input(g, files[i], &m.o))
			goto done;
	if (ng_filter_active(&m.f) && ng_graph_filter(g, &m.f, &cut, &err)) {
		cli_lib_error(&err, NULL);
		goto done;
	}
	/* --jsonl: the graph as one line of JSON, as extract --jsonl writes it. */
	ng_write_opts wo = m.o.wopts;
	wo.compact = m.jsonl;
	wo.partial = m.partial;
	rc = cli_write_graph(m.jsonl ? ng_writer_find("json") : w, cut ? cut : g, outpath, &wo);
done:
	cli_graph_inputs_done();
	ng_graph_free(cut);
	ng_graph_free(g);
	cli_extract_opts_free(&m.o);
	free((void *)files);
	return rc;
}
