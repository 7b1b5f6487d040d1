/* newsgraph diff: two graphs (or articles, extracted on the fly) compared by
 * identity. Exit 0 when equal, 1 when different, 2 on trouble, like diff(1). */
#include "cli.h"
#include "diff.h"

#include <stdlib.h>
#include <string.h>

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
	const char *files[2];
	int nfiles = 0, rc = 2;
	ng_graph *a = NULL, *b = NULL;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		int t = cli_extract_opt(&o, argc, argv, &i);
		if (t < 0)
			goto done;
		if (t)
			continue;
		if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			printf("usage: newsgraph diff [-f text|json|dot] [--ignore evidence,counts,dates,confidence] A B\n\n"
			       "A and B are graphs (JSON or DOT) or articles (extracted on the fly). Text output\n"
			       "lists nodes then edges in id order: + added, - removed, ~ changed with the\n"
			       "changed fields. Exit 0 when equal, 1 when different, 2 on trouble.\n");
			rc = 0;
			goto done;
		} else if (!strcmp(arg, "-f") && i + 1 < argc) {
			const char *f = argv[++i];
			d.format = !strcmp(f, "json") ? NG_DIFF_JSON : !strcmp(f, "dot") ? NG_DIFF_DOT : NG_DIFF_TEXT;
			if (strcmp(f, "json") && strcmp(f, "dot") && strcmp(f, "text")) {
				cli_error(NULL, "unknown diff format '%s' (text, json or dot)", f);
				goto done;
			}
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
	if (nfiles != 2) {
		cli_error(NULL, "diff needs two inputs (try newsgraph diff --help)");
		goto done;
	}
	if (cli_read_graph(files[0], &o, &a) || cli_read_graph(files[1], &o, &b))
		goto done;
	ng_error err = NG_ERROR_INIT;
	int changed = 0;
	if (ng_diff(a, b, &d, stdout, &changed, &err)) {
		cli_lib_error(&err, "<stdout>");
		goto done;
	}
	rc = fflush(stdout) ? cli_error("<stdout>", "write failed") : changed;
done:
	cli_graph_inputs_done();
	ng_graph_free(a);
	ng_graph_free(b);
	cli_extract_opts_free(&o);
	return rc;
}
