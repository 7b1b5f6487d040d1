/* Writer: an interactive map, one self-contained HTML page. Input: the
 * canonical view. Output: the page's markup, style and script (map.html,
 * map.css and map.js beside this file, compiled in) with the graph inline
 * as JSON: the SCHEMA.md objects (nodes without their mention offsets,
 * which the page does not show) and each node's position from the same
 * Graphviz layout render uses. The page draws it as SVG; it loads nothing
 * (its Content-Security-Policy forbids every request). */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/embedded.h"
#include "writers/dot.h"
#include "writers/jsonl.h"
#include "writers/writers.h"

/* As render: above this many entities sfdp. Below it neato rather than
 * render's dot: a map to explore reads better as a network than in ranks. */
#define BIG_GRAPH 60

static const ng_embedded *part(const char *name)
{
	for (const ng_embedded *e = ng_embedded_html; e->name; e++)
		if (strcmp(e->name, name) == 0)
			return e;
	return NULL;
}

/* Half a point is finer than a screen shows; fewer digits, a smaller page. */
static double coord(double v)
{
	return round(v * 2) / 2;
}

static int add(cJSON *obj, const char *key, cJSON *item)
{
	return item && cJSON_AddItemToObject(obj, key, item);
}

static int push(cJSON *arr, cJSON *item)
{
	return item && cJSON_AddItemToArray(arr, item);
}

/* A node's object: SCHEMA.md's, its mentions replaced by their count, with
 * its position. */
static cJSON *node_object(const ng_view_node *vn, const double *xy)
{
	cJSON *o = ng_jsonl_node(vn, NULL);
	if (!o)
		return NULL;
	cJSON_DeleteItemFromObjectCaseSensitive(o, "mentions");
	if (add(o, "mentions", cJSON_CreateNumber((double)vn->nmentions)) && add(o, "x", cJSON_CreateNumber(coord(xy[0]))) &&
	    add(o, "y", cJSON_CreateNumber(coord(xy[1]))))
		return o;
	cJSON_Delete(o);
	return NULL;
}

/* The page's data: {"newsgraph": 1, "layout", "diff", "articles", "nodes",
 * "edges"}; NULL on out of memory. */
static cJSON *page_data(const ng_view *v, const char *engine, const double *xy)
{
	cJSON *root = cJSON_CreateObject(), *arts = NULL, *nodes = NULL, *edges = NULL;
	int ok = root && add(root, "newsgraph", cJSON_CreateNumber(1)) &&
	         add(root, "layout", cJSON_CreateString(engine)) && add(root, "diff", cJSON_CreateBool(v->has_diff)) &&
	         add(root, "articles", arts = cJSON_CreateArray()) && add(root, "nodes", nodes = cJSON_CreateArray()) &&
	         add(root, "edges", edges = cJSON_CreateArray());
	for (size_t i = 0; ok && i < v->narticles; i++)
		ok = push(arts, ng_jsonl_article(v->articles[i], NULL));
	for (size_t i = 0; ok && i < v->nnodes; i++)
		ok = push(nodes, node_object(&v->nodes[i], &xy[2 * i]));
	for (size_t i = 0; ok && i < v->nedges; i++)
		ok = push(edges, ng_jsonl_edge(&v->edges[i], NULL));
	if (ok)
		return root;
	cJSON_Delete(root);
	return NULL;
}

/* JSON inside <script>: every '<', '>' and '&' (found only inside strings)
 * written as a \u escape, so that no text can end the script element. */
static int put_script_json(FILE *out, const char *s)
{
	for (const char *run = s;; s++) {
		if (*s && *s != '<' && *s != '>' && *s != '&')
			continue;
		if (fwrite(run, 1, (size_t)(s - run), out) != (size_t)(s - run))
			return NG_EIO;
		if (!*s)
			return 0;
		if (fprintf(out, "\\u%04x", (unsigned)*s) < 0)
			return NG_EIO;
		run = s + 1;
	}
}

static int put_part(FILE *out, const ng_embedded *e)
{
	return fwrite(e->data, 1, e->len, out) == e->len ? 0 : NG_EIO;
}

static int put_page(FILE *out, const char *json, const ng_embedded *css, const ng_embedded *body,
                    const ng_embedded *js)
{
	int bad = fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	                "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
	                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	                "<meta name=\"generator\" content=\"newsgraph\">\n<title>newsgraph map</title>\n<style>\n",
	                out) == EOF;
	bad = bad || put_part(out, css) || fputs("</style>\n</head>\n<body>\n", out) == EOF || put_part(out, body);
	bad = bad || fputs("<script type=\"application/json\" id=\"ng-data\">", out) == EOF ||
	      put_script_json(out, json) || fputs("</script>\n<script>\n", out) == EOF || put_part(out, js);
	bad = bad || fputs("</script>\n</body>\n</html>\n", out) == EOF;
	return bad ? NG_EIO : 0;
}

static int write_html(const ng_view *v, FILE *out, int part_no, const ng_write_opts *o, ng_error *err)
{
	(void)part_no;
	const ng_embedded *css = part("src/writers/map.css"), *body = part("src/writers/map.html"),
	                  *js = part("src/writers/map.js");
	if (!css || !body || !js)
		return ng_fail(err, NG_EINVAL, NULL, 0, "the map's page is missing from this build");
	const char *engine = o->layout ? o->layout : v->nnodes > BIG_GRAPH ? "sfdp" : "neato";
	/* Positions first: a layout that fails leaves nothing written. */
	double *xy = calloc(2 * v->nnodes + 2, sizeof *xy);
	if (!xy)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	if (v->nnodes && ng_dot_positions(v, engine, xy, err)) {
		free(xy);
		return err ? err->code : NG_EINVAL;
	}
	cJSON *data = page_data(v, engine, xy);
	char *json = data ? cJSON_PrintUnformatted(data) : NULL;
	cJSON_Delete(data);
	free(xy);
	if (!json)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	int rc = put_page(out, json, css, body, js);
	free(json);
	if (!rc && (fflush(out) || ferror(out)))
		rc = NG_EIO;
	return rc ? ng_fail(err, NG_EIO, NULL, 0, "write failed") : 0;
}

const ng_writer ng_writer_html = {"html", "html", "interactive map: one HTML page, laid out by Graphviz", NULL,
                                  write_html};
