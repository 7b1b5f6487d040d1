/* newsgraph render: a graph file or an article in, a drawing (SVG, PNG,
 * PDF) out, optionally filtered down to a readable map first. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "newsgraph/filter.h"
#include "newsgraph/render.h"

/* The same lists ng_render accepts, checked here so that a typo stops the
 * command before the input is read. */
static const char *const formats[] = {"svg", "png", "pdf", NULL};
static const char *const engines[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL};

static int known(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

static const char *usage_line(void)
{
	for (const ng_command *c = ng_commands; c->name; c++)
		if (strcmp(c->name, "render") == 0)
			return c->usage;
	return "newsgraph render";
}

static void help(FILE *f)
{
	fprintf(f, "usage: %s\n\n", usage_line());
	fprintf(f, "Draws a graph (JSON or DOT written by newsgraph) or the graph of an\n"
	           "article. Graphs of up to 60 entities are laid out by dot with a legend;\n"
	           "bigger ones by sfdp, without overlaps, labels sized by degree.\n\n"
	           "  -f FORMAT          svg, png or pdf (default: the extension of -o)\n"
	           "  -K ENGINE          layout: dot, neato, fdp, sfdp, circo, twopi\n"
	           "  -o FILE            write to FILE (required; written whole or not at all)\n"
	           "  --types T,..       keep these entity types (person, state, organization,\n"
	           "                     company, agreement, location, group)\n"
	           "  --relations R,..   keep these relation types (visits, meets, ...)\n"
	           "  --min-count N      keep edges with at least N evidences\n"
	           "  --top N            keep the N entities of highest degree\n"
	           "  --lexicon FILE     add knowledge-base entries when extracting (repeatable)\n"
	           "  --rules FILE       add relation rules when extracting (repeatable)\n"
	           "  --date DATE        article date, YYYY-MM-DD, when extracting\n");
}

/* Value of -f/-o/-K: attached ("-Ksfdp") or the next argument. */
static int value(int argc, char **argv, int *i, const char **out)
{
	const char *a = argv[*i];
	if (a[2]) {
		*out = a + 2;
		return 0;
	}
	if (*i + 1 >= argc) {
		cli_error(NULL, "option %s needs a value", a);
		return -1;
	}
	*out = argv[++*i];
	return 0;
}

int cmd_render(int argc, char **argv)
{
	cli_extract_opts o = {0};
	ng_filter f = NG_FILTER_INIT;
	const char *format = NULL, *engine = NULL, *outpath = NULL, *input = NULL;
	ng_graph *g = NULL, *fg = NULL;
	int rc = 2;
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
		} else if (a[0] == '-' && (a[1] == 'f' || a[1] == 'o' || a[1] == 'K')) {
			const char **slot = a[1] == 'f' ? &format : a[1] == 'o' ? &outpath : &engine;
			if (value(argc, argv, &i, slot))
				goto done;
		} else if (a[0] == '-' && a[1]) {
			cli_error(NULL, "unknown option '%s' (try newsgraph render --help)", a);
			goto done;
		} else if (input) {
			cli_error(NULL, "render draws one GRAPH or ARTICLE (merge several first)");
			goto done;
		} else
			input = a;
	}
	if (!outpath) {
		cli_error(NULL, "render needs -o FILE");
		goto done;
	}
	if (!format) {
		const char *dot = strrchr(outpath, '.');
		if (!dot || strchr(dot, '/') || !known(formats, dot + 1)) {
			cli_error(NULL, "render needs -f svg|png|pdf (cannot tell from '%s')", outpath);
			goto done;
		}
		format = dot + 1;
	}
	if (!known(formats, format)) {
		cli_error(NULL, "unknown render format '%s' (try newsgraph render --help)", format);
		goto done;
	}
	if (engine && !known(engines, engine)) {
		cli_error(NULL, "unknown layout engine '%s' (try newsgraph render --help)", engine);
		goto done;
	}
	if (!input) {
		cli_error(NULL, "render needs a GRAPH or ARTICLE file (try newsgraph render --help)");
		goto done;
	}
	if (cli_read_graph(input, &o, &g))
		goto done;
	ng_error err = NG_ERROR_INIT;
	if (ng_filter_active(&f)) {
		if (ng_graph_filter(g, &f, &fg, &err)) {
			cli_lib_error(&err, input);
			goto done;
		}
	}
	cli_out out;
	if (cli_out_open(&out, outpath))
		goto done;
	if (ng_render(fg ? fg : g, format, engine, out.f, &err)) {
		cli_out_abort(&out);
		const char *to = strcmp(outpath, "-") == 0 ? "<stdout>" : outpath;
		cli_lib_error(&err, err.code == NG_EIO ? to : input);
		goto done;
	}
	rc = cli_out_commit(&out);
done:
	cli_graph_inputs_done();
	ng_graph_free(fg);
	ng_graph_free(g);
	cli_extract_opts_free(&o);
	return rc;
}
