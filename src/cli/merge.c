/* newsgraph merge: graphs (or articles) in, their union by identity out,
 * each mention and evidence keeping its article. */
#include "cli.h"
#include "filter.h"

#include <stdlib.h>
#include <string.h>

int cmd_merge(int argc, char **argv)
{
	cli_extract_opts o = {0};
	ng_filter f = NG_FILTER_INIT;
	const char *format = "json", *outpath = NULL;
	const char **files = calloc((size_t)argc + 1, sizeof *files);
	size_t nfiles = 0;
	int rc = 2;
	ng_graph *g = NULL, *part = NULL, *cut = NULL;
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
			       "or grouping of the inputs gives the same bytes. Default format: json.\n",
			       "newsgraph merge [-f FORMAT] [-o FILE] [--base-iri IRI] [--types T,..] [--relations R,..] [--min-count N] [--top N] GRAPH...");
			rc = 0;
			goto done;
		} else if ((!strcmp(a, "-f") || !strcmp(a, "-o")) && i + 1 < argc)
			*(a[1] == 'f' ? &format : &outpath) = argv[++i];
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
	for (size_t i = 0; i < nfiles; i++) {
		if (cli_read_graph(files[i], &o, &part))
			goto done;
		if (ng_graph_merge(g, part, &err)) {
			cli_lib_error(&err, files[i]);
			goto done;
		}
		ng_graph_free(part);
		part = NULL;
	}
	if (ng_filter_active(&f) && ng_graph_filter(g, &f, &cut, &err)) {
		cli_lib_error(&err, NULL);
		goto done;
	}
	rc = cli_write_graph(w, cut ? cut : g, outpath, &o.wopts);
done:
	ng_graph_free(part);
	ng_graph_free(cut);
	ng_graph_free(g);
	cli_extract_opts_free(&o);
	free(files);
	return rc;
}
