/* newsgraph diff: two graphs (or articles, extracted on the fly) compared by
 * identity. Exit 0 when equal, 1 when different, 2 on trouble, like diff(1). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
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

typedef struct dargs {
	cli_extract_opts o;
	ng_diff_opts d;
	const char *format, *outpath;
} dargs;

static int set_ignore(void *x, const char *list)
{
	return ignore(&((dargs *)x)->d, list);
}

#define D(field) offsetof(dargs, field)

static void diff_formats_help(FILE *f)
{
	fprintf(f, "%23s%-8s %s\n", "", "text", "+ added, - removed, ~ changed with the changed fields (default)");
	fprintf(f, "%23s%-8s %s\n", "", "json", "the same, grouped");
	fprintf(f, "%23s%-8s %s\n", "", "dot", "the union graph coloured by change");
	fprintf(f, "%23s%s\n", "", "any other format of extract: the union graph with a `diff`");
	fprintf(f, "%23s%s\n", "", "property on every node and edge");
}

static const cli_opt own_opts[] = {
	{"-f", NULL, "FORMAT", CLI_STR, D(format), NULL, "output format:", diff_formats_help},
	{"-o", NULL, "FILE", CLI_STR, D(outpath), NULL, "write to FILE (written whole or not at all); csv: a directory",
	 NULL},
	{"--ignore", NULL, "F,..", CLI_SET, 0, set_ignore, "fields not compared: evidence, counts, dates, confidence",
	 NULL},
	{NULL}};

static const cli_group groups[] = {{own_opts, 0},          {cli_format_opts, D(o)},   {cli_article_opts, D(o)},
                                   {cli_lexicon_opts, D(o)}, {cli_rules_opts, D(o)}, {NULL, 0}};

const cli_spec cli_diff_spec = {
	"diff", "compare two graphs or articles",
	"A B",
	"A and B are graphs (JSON or DOT) or articles (extracted on the fly), compared\n"
	"by identity. Text output lists nodes then edges in id order. Exit 0 when\n"
	"equal, 1 when different, 2 on trouble.\n",
	groups};

int cmd_diff(int argc, char **argv)
{
	dargs x = {.d = NG_DIFF_OPTS_INIT, .format = "text"};
	const char **files = NULL;
	size_t nfiles = 0;
	ng_graph *a = NULL, *b = NULL;
	ng_diff *diff = NULL;
	int rc = cli_parse(&cli_diff_spec, argc, argv, &x, &files, &nfiles);
	if (rc) {
		rc = rc == 1 ? 0 : 2;
		goto done;
	}
	rc = 2;
	const char *format = x.format, *outpath = x.outpath;
	if (nfiles > 2) {
		cli_error(NULL, "diff compares two inputs, not more");
		goto done;
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
	if (cli_read_graph(files[0], &x.o, &a) || cli_read_graph(files[1], &x.o, &b))
		goto done;
	ng_error err = NG_ERROR_INIT;
	if (ng_diff_new(a, b, &x.d, &diff, &err)) {
		cli_lib_error(&err, NULL);
		goto done;
	}
	if (w)
		rc = cli_write_graph(w, ng_diff_union(diff), outpath, &x.o.wopts);
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
	cli_extract_opts_free(&x.o);
	free((void *)files);
	return rc;
}
