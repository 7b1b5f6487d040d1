/* newsgraph render: a graph file or an article in, a drawing (SVG, PNG,
 * PDF) or an interactive map (HTML) out, optionally filtered down to a
 * readable map first. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "newsgraph/filter.h"
#include "newsgraph/render.h"

/* The same lists ng_render accepts, and the html writer, checked here so
 * that a typo stops the command before the input is read. */
static const char *const formats[] = {"svg", "png", "pdf", "html", NULL};
static const char *const engines[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL};

static int known(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

typedef struct rargs {
	cli_extract_opts o;
	ng_filter f;
	const char *format, *engine, *outpath;
	int keep_isolated;
} rargs;

/* Above this many entities a map is laid out by sfdp, and entities without
 * a relation would only stack up beside it: they are left out unless
 * --keep-isolated. */
#define BIG_MAP 60

#define R(field) offsetof(rargs, field)

/* The map is the html writer's, laid out by the same Graphviz. */
static int draw(const ng_graph *g, const char *format, const char *engine, FILE *out, ng_error *err)
{
	if (strcmp(format, "html") != 0)
		return ng_render(g, format, engine, out, err);
	ng_write_opts wo = NG_WRITE_OPTS_INIT;
	wo.layout = engine;
	return ng_write(ng_writer_find("html"), g, out, 0, &wo, err);
}

static const cli_opt own_opts[] = {
	{"-f", NULL, "FORMAT", CLI_STR, R(format), NULL,
	 "svg, png, pdf or html (an interactive map);\ndefault: the extension of -o", NULL},
	{"-K", NULL, "ENGINE", CLI_STR, R(engine), NULL,
	 "layout: dot, neato, fdp, sfdp, circo, twopi (default: dot up to\n60 entities, sfdp beyond; html: neato, sfdp)",
	 NULL},
	{"-o", NULL, "FILE", CLI_STR, R(outpath), NULL, "write to FILE (needed; written whole or not at all)", NULL},
	{"--keep-isolated", NULL, NULL, CLI_FLAG, R(keep_isolated), NULL,
	 "draw entities without a relation even on a big map (more than\n60 entities: left out by default)", NULL},
	{NULL}};

static const cli_group groups[] = {{own_opts, 0},          {cli_filter_opts, R(f)}, {cli_article_opts, R(o)},
                                   {cli_lexicon_opts, R(o)}, {cli_rules_opts, R(o)}, {NULL, 0}};

const cli_spec cli_render_spec = {
	"render", "draw a graph or an article as SVG, PNG, PDF or an HTML map",
	"GRAPH|ARTICLE",
	"Draws a graph (JSON or DOT written by newsgraph) or the graph of an\n"
	"article. Graphs of up to 60 entities are laid out by dot with a legend;\n"
	"bigger ones by sfdp, without overlaps, labels sized by degree. html is\n"
	"one self-contained page (neato up to 60 entities, sfdp beyond) with pan,\n"
	"zoom, search, filters and every relation's evidence. The article options\n"
	"apply when the input is an article.\n",
	groups};

int cmd_render(int argc, char **argv)
{
	rargs r = {.f = NG_FILTER_INIT};
	const char **inputs = NULL, *input = NULL;
	size_t ninputs = 0;
	ng_graph *g = NULL, *fg = NULL;
	int rc = cli_parse(&cli_render_spec, argc, argv, &r, &inputs, &ninputs);
	if (rc) {
		rc = rc == 1 ? 0 : 2;
		goto done;
	}
	rc = 2;
	const char *format = r.format, *engine = r.engine, *outpath = r.outpath;
	if (ninputs > 1) {
		cli_error(NULL, "render draws one GRAPH or ARTICLE (merge several first)");
		goto done;
	}
	input = ninputs ? inputs[0] : NULL;
	if (!outpath) {
		cli_error(NULL, "render needs -o FILE");
		goto done;
	}
	if (!format) {
		const char *dot = strrchr(outpath, '.');
		if (!dot || strchr(dot, '/') || !known(formats, dot + 1)) {
			cli_error(NULL, "render needs -f svg|png|pdf|html (cannot tell from '%s')", outpath);
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
	if (cli_read_graph(input, &r.o, &g))
		goto done;
	ng_error err = NG_ERROR_INIT;
	if (!r.keep_isolated && ng_graph_node_count(g) > BIG_MAP)
		r.f.drop_isolated = 1;
	if (ng_filter_active(&r.f)) {
		if (ng_graph_filter(g, &r.f, &fg, &err)) {
			cli_lib_error(&err, input);
			goto done;
		}
	}
	/* An empty picture would look like a failed render: say so instead. */
	if (!ng_graph_node_count(fg ? fg : g)) {
		cli_error(input, "no nodes to draw%s", fg ? " (the filters left none)" : "");
		goto done;
	}
	cli_out out;
	if (cli_out_open(&out, outpath))
		goto done;
	if (draw(fg ? fg : g, format, engine, out.f, &err)) {
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
	cli_extract_opts_free(&r.o);
	free((void *)inputs);
	return rc;
}
