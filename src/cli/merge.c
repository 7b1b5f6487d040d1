/* newsgraph merge: graphs (or articles) in, their union by identity out,
 * each mention and evidence keeping its article. A JSON Lines file of
 * graphs (what extract --jsonl writes) is read one line at a time, so merge
 * works as the reducer of a streaming job. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "graph/read.h"
#include "newsgraph/filter.h"
#include "newsgraph/writer.h"
#include "util/util.h"

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
	if (ng_graph_read_json(s, n, name, &part, &err))
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
	ng_buf whole = {0};
	while (!rc && (len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		int blank = strspn(line, " \t\r\n") == (size_t)len;
		if (jsonl < 0) {
			if (blank && !whole.len)
				continue;
			jsonl = whole.len == 0 && whole_object(line, (size_t)len);
		}
		if (!jsonl || (blank && objects == 0)) {
			if (ng_buf_add(&whole, line, (size_t)len))
				rc = cli_error(NULL, "out of memory");
			continue;
		}
		if (blank)
			continue;
		if (++objects == 1) {
			if (ng_buf_add(&whole, line, (size_t)len))
				rc = cli_error(NULL, "out of memory");
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
	ng_buf_free(&whole);
	return rc;
}

int cmd_merge(int argc, char **argv)
{
	cli_extract_opts o = {0};
	ng_filter f = NG_FILTER_INIT;
	const char *format = "json", *outpath = NULL;
	const char **files = calloc((size_t)argc + 1, sizeof *files);
	size_t nfiles = 0;
	int rc = 2, jsonl = 0;
	ng_graph *g = NULL, *cut = NULL;
	ng_error err = NG_ERROR_INIT;
	if (!files)
		return cli_error(NULL, "out of memory");
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int t = cli_graph_opt(&o, &f, argc, argv, &i);
		if (t < 0)
			goto done;
		if (t)
			continue;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			printf("usage: %s\n\nMerges graph files (JSON or DOT written by newsgraph; an article is\n"
			       "extracted first) by identity: aliases, mentions and evidence are unioned\n"
			       "(each keeps its article), counts summed, the earliest date kept. Any order\n"
			       "or grouping of the inputs gives the same bytes. Default format: json.\n"
			       "A file of JSON Lines graphs (extract --jsonl) is read line by line; GRAPH\n"
			       "may be - for stdin. --jsonl writes the result as one JSON line, so that\n"
			       "merge can reduce its own output.\n",
			       ng_commands[3].usage);
			rc = 0;
			goto done;
		} else if ((!strcmp(a, "-f") || !strcmp(a, "-o")) && i + 1 < argc)
			*(a[1] == 'f' ? &format : &outpath) = argv[++i];
		else if (!strcmp(a, "--jsonl"))
			jsonl = 1;
		else if (a[0] == '-' && a[1]) {
			cli_error(NULL, "unknown option '%s' (try newsgraph merge --help)", a);
			goto done;
		} else
			files[nfiles++] = a;
	}
	const ng_writer *w = ng_writer_find(format);
	if (!w) {
		cli_error(NULL, "unknown format '%s' (try newsgraph merge --help)", format);
		goto done;
	}
	if (!nfiles) {
		cli_error(NULL, "merge needs at least one graph (try newsgraph merge --help)");
		goto done;
	}
	if (ng_graph_new(&g, &err)) {
		cli_lib_error(&err, NULL);
		goto done;
	}
	for (size_t i = 0; i < nfiles; i++)
		if (merge_input(g, files[i], &o))
			goto done;
	if (ng_filter_active(&f) && ng_graph_filter(g, &f, &cut, &err)) {
		cli_lib_error(&err, NULL);
		goto done;
	}
	/* --jsonl: the graph as one line of JSON, as extract --jsonl writes it. */
	ng_write_opts wo = o.wopts;
	wo.compact = jsonl;
	rc = cli_write_graph(jsonl ? ng_writer_find("json") : w, cut ? cut : g, outpath, &wo);
done:
	cli_graph_inputs_done();
	ng_graph_free(cut);
	ng_graph_free(g);
	cli_extract_opts_free(&o);
	free(files);
	return rc;
}
