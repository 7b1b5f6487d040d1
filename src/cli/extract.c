/* newsgraph extract: articles in, one graph out in any registered format. */
#include "cli.h"
#include "filter.h"

#include <stdlib.h>
#include <string.h>

static void help(FILE *f)
{
	fprintf(f, "usage: %s\n\n", ng_commands[0].usage);
	fprintf(f, "Reads articles (stdin when no FILE or FILE is -) and writes one graph;\n"
	           "several articles are merged by identity, each mention and evidence\n"
	           "keeping its article id (the file name, unless --id).\n\n"
	           "  -f FORMAT        output format (default dot):\n");
	for (const ng_writer *const *w = ng_writers(); *w; w++)
		fprintf(f, "                     %-8s %s\n", (*w)->name, (*w)->description);
	fprintf(f, "  -o FILE          write to FILE (written whole or not at all); csv: a directory\n"
	           "  --base-iri IRI   RDF formats: base of the vocabulary and node IRIs\n"
	           "                   (default " NG_DEFAULT_BASE_IRI ")\n"
	           "  --date DATE      article date, YYYY-MM-DD: resolves relative dates\n"
	           "  --id ID          article id (default: the file name)\n"
	           "  --lexicon FILE   add knowledge-base entries (repeatable)\n"
	           "  --rules FILE     add relation rules (repeatable)\n"
	           "  --explain        print the placeholder form and fired rules instead\n"
	           "  --types T,..     keep only these entity types\n"
	           "  --relations R,.. keep only these relation types\n"
	           "  --min-count N    keep only edges with at least N evidences\n"
	           "  --top N          keep only the N nodes of highest degree\n");
}

int cmd_extract(int argc, char **argv)
{
	cli_extract_opts o = {0};
	ng_filter f = NG_FILTER_INIT;
	ng_graph *cut = NULL;
	const char *format = "dot", *outpath = NULL;
	const char **files = calloc((size_t)argc + 1, sizeof *files);
	size_t nfiles = 0;
	int explain = 0, rc = 2;
	ng_extractor *ex = NULL;
	ng_graph *g = NULL;
	if (!files)
		return cli_error(NULL, "out of memory");
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int t = cli_graph_opt(&o, &f, argc, argv, &i);
		if (t < 0)
			goto done;
		if (t)
			continue;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			help(stdout);
			rc = 0;
			goto done;
		} else if (strcmp(a, "-f") == 0 || strcmp(a, "-o") == 0) {
			if (i + 1 >= argc) {
				cli_error(NULL, "option %s needs a value", a);
				goto done;
			}
			*(a[1] == 'f' ? &format : &outpath) = argv[++i];
		} else if (strcmp(a, "--explain") == 0)
			explain = 1;
		else if (a[0] == '-' && a[1]) {
			cli_error(NULL, "unknown option '%s' (try newsgraph extract --help)", a);
			goto done;
		} else
			files[nfiles++] = a;
	}
	if (!nfiles)
		files[nfiles++] = "-";
	const ng_writer *w = ng_writer_find(format);
	if (!w) {
		cli_error(NULL, "unknown format '%s' (try newsgraph extract --help)", format);
		goto done;
	}
	if (o.id && nfiles > 1) {
		cli_error(NULL, "--id names one article, but %zu were given", nfiles);
		goto done;
	}
	if (cli_extractor(&o, &ex))
		goto done;
	ng_error err = NG_ERROR_INIT;
	if (ng_graph_new(&g, &err)) {
		cli_lib_error(&err, NULL);
		goto done;
	}
	cli_out out = {0};
	if (explain && cli_out_open(&out, outpath))
		goto done;
	for (size_t i = 0; i < nfiles; i++) {
		char *data;
		size_t len;
		if (cli_read(files[i], &data, &len)) {
			cli_out_abort(&out);
			goto done;
		}
		const char *src = strcmp(files[i], "-") == 0 ? "<stdin>" : files[i];
		ng_article art = {cli_article_id(&o, files[i]), src, o.date};
		int r = explain ? ng_extract_explain(ex, data, len, &art, out.f, &err)
		                : ng_extract(ex, data, len, &art, g, &err);
		free(data);
		if (r) {
			cli_out_abort(&out);
			cli_lib_error(&err, src);
			goto done;
		}
	}
	if (!explain && ng_filter_active(&f) && ng_graph_filter(g, &f, &cut, &err)) {
		cli_out_abort(&out);
		cli_lib_error(&err, NULL);
		goto done;
	}
	rc = explain ? cli_out_commit(&out) : cli_write_graph(w, cut ? cut : g, outpath, &o.wopts);
done:
	ng_graph_free(cut);
	ng_graph_free(g);
	ng_extractor_free(ex);
	cli_extract_opts_free(&o);
	free(files);
	return rc;
}
