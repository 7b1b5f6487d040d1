/* newsgraph diff: two graphs (or articles, extracted on the fly) compared by
 * identity. Exit 0 when equal, 1 when different, 2 on trouble, like diff(1). */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "newsgraph/diff.h"

static int ignore(ng_diff_opts *d, const char *list)
{
	char *copy = strdup(list), *save = NULL;
	if (!copy)
		return cli_error(NULL, "out of memory");
	int rc = 0;
	for (char *t = strtok_r(copy, ",", &save); t && !rc; t = strtok_r(NULL, ",", &save)) {
		if (!strcmp(t, "evidence"))
			d->ignore_evidence = 1;
		else if (!strcmp(t, "counts") || !strcmp(t, "count"))
			d->ignore_counts = 1;
		else if (!strcmp(t, "dates") || !strcmp(t, "date"))
			d->ignore_dates = 1;
		else if (!strcmp(t, "confidence"))
			d->ignore_confidence = 1;
		else
			rc = cli_error(NULL, "--ignore: unknown field '%s' (evidence, counts, dates, confidence)", t);
	}
	free(copy);
	return rc;
}

int cmd_diff(int argc, char **argv)
{
	cli_extract_opts o = {0};
	ng_diff_opts d = NG_DIFF_OPTS_INIT;
	const char *files[2], *format = "text", *outpath = NULL;
	int nfiles = 0, rc = 2;
	ng_graph *a = NULL, *b = NULL;
	ng_diff *diff = NULL;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		int t = cli_extract_opt(&o, argc, argv, &i);
		if (t < 0)
			goto done;
		if (t)
			continue;
		if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			printf("usage: %s\n\n"
			       "A and B are graphs (JSON or DOT) or articles (extracted on the fly). Text output\n"
			       "lists nodes then edges in id order: + added, - removed, ~ changed with the\n"
			       "changed fields; json groups them; dot draws the union coloured by change.\n"
			       "Any other format of extract (graphml, cypher, csv, nt, ttl, jsonl) writes the\n"
			       "union graph with a `diff` property on every node and edge: added, removed,\n"
			       "changed or unchanged. Exit 0 when equal, 1 when different, 2 on trouble.\n",
			       ng_commands[4].usage);
			rc = 0;
			goto done;
		} else if ((!strcmp(arg, "-f") || !strcmp(arg, "-o")) && i + 1 < argc) {
			*(arg[1] == 'f' ? &format : &outpath) = argv[++i];
		} else if (!strcmp(arg, "--ignore") && i + 1 < argc) {
			if (ignore(&d, argv[++i]))
				goto done;
		} else if (!strncmp(arg, "--ignore=", 9)) {
			if (ignore(&d, arg + 9))
				goto done;
		} else if (arg[0] == '-' && arg[1]) {
			cli_error(NULL, "unknown option '%s' (try newsgraph diff --help)", arg);
			goto done;
		} else if (nfiles == 2) {
			cli_error(NULL, "diff compares two inputs, not more");
			goto done;
		} else
			files[nfiles++] = arg;
	}
	/* text and json are the diff's own forms; the other formats write the
	 * union graph (DOT coloured by change). */
	const ng_writer *w = NULL;
	if (strcmp(format, "text") && strcmp(format, "json") && !(w = ng_writer_find(format))) {
		cli_error(NULL, "unknown diff format '%s' (try newsgraph diff --help)", format);
		goto done;
	}
	if (nfiles != 2) {
		cli_error(NULL, "diff needs two inputs (try newsgraph diff --help)");
		goto done;
	}
	if (cli_read_graph(files[0], &o, &a) || cli_read_graph(files[1], &o, &b))
		goto done;
	ng_error err = NG_ERROR_INIT;
	if (ng_diff_new(a, b, &d, &diff, &err)) {
		cli_lib_error(&err, NULL);
		goto done;
	}
	if (w)
		rc = cli_write_graph(w, ng_diff_union(diff), outpath, &o.wopts);
	else {
		cli_out out;
		if (cli_out_open(&out, outpath))
			goto done;
		if (ng_diff_write(diff, format, out.f, &err)) {
			cli_out_abort(&out);
			cli_lib_error(&err, outpath ? outpath : "<stdout>");
			goto done;
		}
		rc = cli_out_commit(&out);
	}
	if (!rc)
		rc = ng_diff_changed(diff);
done:
	cli_graph_inputs_done();
	ng_diff_free(diff);
	ng_graph_free(a);
	ng_graph_free(b);
	cli_extract_opts_free(&o);
	return rc;
}
