/* Writer: GraphML. Input: the canonical view. Output: one directed GraphML
 * document with a typed <key> for every SCHEMA.md node and edge field;
 * list- and object-valued fields (aliases, mentions, attrs, evidence) and the
 * graph's articles are JSON text in string attributes, so that networkx,
 * Gephi and yEd load them as plain strings. Symmetric relations are one edge
 * in id order with symmetric=true, as in the JSON writer. */
#include <stdlib.h>

#include "writers/dot.h"
#include "writers/jsonl.h"
#include "writers/writers.h"

static const struct {
	const char *id, *domain, *name, *type;
} keys[] = {
	{"g_articles", "graph", "articles", "string"},
	{"n_type", "node", "type", "string"},
	{"n_name", "node", "name", "string"},
	{"n_aliases", "node", "aliases", "string"},
	{"n_wikidata", "node", "wikidata", "string"},
	{"n_iso3166", "node", "iso3166", "string"},
	{"n_mention_count", "node", "mention_count", "int"},
	{"n_mentions", "node", "mentions", "string"},
	{"e_type", "edge", "type", "string"},
	{"e_symmetric", "edge", "symmetric", "boolean"},
	{"e_modality", "edge", "modality", "string"},
	{"e_negated", "edge", "negated", "boolean"},
	{"e_date", "edge", "date", "string"},
	{"e_count", "edge", "count", "int"},
	{"e_confidence", "edge", "confidence", "double"},
	{"e_cameo", "edge", "cameo", "string"},
	{"e_attrs", "edge", "attrs", "string"},
	{"e_evidence", "edge", "evidence", "string"},
};

/* Writes s as XML character data, or as an attribute value in double quotes
 * when attr is set. Tab, newline and CR become character references so that
 * attribute-value and line-end normalisation cannot change them; XML 1.0 has
 * no way at all to hold the other C0 controls or U+FFFE/U+FFFF, so those
 * fail rather than give a document no parser accepts. */
static int put_text(FILE *out, const char *s, int attr, ng_error *err)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '&')
			fputs("&amp;", out);
		else if (*p == '<')
			fputs("&lt;", out);
		else if (*p == '>')
			fputs("&gt;", out); /* for "]]>" */
		else if (*p == '"' && attr)
			fputs("&quot;", out);
		else if (*p == '\t' || *p == '\n' || *p == '\r')
			fprintf(out, "&#%d;", *p);
		else if (*p < 0x20 || (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)))
			return ng_fail(err, NG_EINVAL, NULL, 0, "GraphML (XML 1.0) cannot hold U+%04X, found after \"%.*s\"",
			               *p < 0x20 ? *p : 0xFFF0u + (p[2] & 0xF), (int)(p - (const unsigned char *)s),
			               s);
		else
			fputc(*p, out);
	}
	return 0;
}

/* <data key="KEY">TEXT</data>; nothing when text is NULL (an absent value). */
static int put_data(FILE *out, const char *indent, const char *key, const char *text, ng_error *err)
{
	if (!text)
		return 0;
	fprintf(out, "%s<data key=\"%s\">", indent, key);
	int rc = put_text(out, text, 0, err);
	fputs("</data>\n", out);
	return rc;
}

/* put_data of a JSON member of obj, printed unformatted. */
static int put_json(FILE *out, const char *key, const cJSON *obj, const char *member, ng_error *err)
{
	char *text = ng_jsonl_member_text(obj, member);
	if (!text)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	int rc = put_data(out, "      ", key, text, err);
	free(text);
	return rc;
}

/* A node's layout position as two double values. */
static void put_position(FILE *out, const double *xy)
{
	fprintf(out, "      <data key=\"n_x\">%.2f</data>\n      <data key=\"n_y\">%.2f</data>\n", xy[0], xy[1]);
}

static int put_node(FILE *out, const ng_view_node *vn, const double *xy, ng_error *err)
{
	const ng_node *n = vn->n;
	cJSON *o = ng_jsonl_node(vn, NULL);
	if (!o)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	char count[24];
	snprintf(count, sizeof count, "%zu", vn->nmentions);
	fputs("    <node id=\"", out);
	int rc = put_text(out, n->id, 1, err);
	fputs("\">\n", out);
	if (!rc)
		rc = put_data(out, "      ", "n_type", ng_type_name(n->type), err);
	if (!rc)
		rc = put_data(out, "      ", "n_name", n->name, err);
	if (!rc)
		rc = put_json(out, "n_aliases", o, "aliases", err);
	if (!rc)
		rc = put_data(out, "      ", "n_wikidata", n->wikidata, err);
	if (!rc)
		rc = put_data(out, "      ", "n_iso3166", n->iso3166, err);
	if (!rc)
		rc = put_data(out, "      ", "n_mention_count", count, err);
	if (!rc)
		rc = put_json(out, "n_mentions", o, "mentions", err);
	if (!rc)
		rc = put_data(out, "      ", "n_diff", n->diff, err);
	if (!rc && xy)
		put_position(out, xy);
	fputs("    </node>\n", out);
	cJSON_Delete(o);
	return rc;
}

static int put_edge(FILE *out, const ng_view_edge *ve, ng_error *err)
{
	const ng_edge *e = ve->e;
	const ng_relation_info *ri = ng_relation_get(e->rel);
	cJSON *o;
	char *conf;
	if (ng_jsonl_edge_fields(ve, &o, &conf))
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	char count[24];
	snprintf(count, sizeof count, "%zu", ve->count);
	fputs("    <edge source=\"", out);
	int rc = put_text(out, e->source, 1, err);
	fputs("\" target=\"", out);
	if (!rc)
		rc = put_text(out, e->target, 1, err);
	fputs("\">\n", out);
	if (!rc)
		rc = put_data(out, "      ", "e_type", ri->name, err);
	if (!rc)
		rc = put_data(out, "      ", "e_symmetric", ri->symmetric ? "true" : "false", err);
	if (!rc)
		rc = put_data(out, "      ", "e_modality", ng_modality_name(e->modality), err);
	if (!rc)
		rc = put_data(out, "      ", "e_negated", e->negated ? "true" : "false", err);
	if (!rc)
		rc = put_data(out, "      ", "e_date", e->date, err);
	if (!rc)
		rc = put_data(out, "      ", "e_count", count, err);
	if (!rc)
		rc = put_data(out, "      ", "e_confidence", conf, err);
	if (!rc)
		rc = put_data(out, "      ", "e_cameo", ri->cameo, err);
	if (!rc)
		rc = put_json(out, "e_attrs", o, "attrs", err);
	if (!rc)
		rc = put_json(out, "e_evidence", o, "evidence", err);
	if (!rc)
		rc = put_data(out, "      ", "e_diff", e->diff, err);
	fputs("    </edge>\n", out);
	free(conf);
	cJSON_Delete(o);
	return rc;
}

/* The articles as one JSON array (malloc'd); NULL on out of memory. */
static char *articles_json(const ng_view *v)
{
	cJSON *arr = cJSON_CreateArray();
	int ok = arr != NULL;
	for (size_t i = 0; ok && i < v->narticles; i++)
		ok = cJSON_AddItemToArray(arr, ng_jsonl_article(v->articles[i], NULL));
	char *text = ok ? cJSON_PrintUnformatted(arr) : NULL;
	cJSON_Delete(arr);
	return text;
}

static int write_graphml(const ng_view *v, FILE *out, int part, const ng_write_opts *o, ng_error *err)
{
	(void)part;
	/* Positions first: a layout that fails leaves nothing written. */
	double *xy = o->layout ? malloc((2 * v->nnodes + 2) * sizeof *xy) : NULL;
	if (o->layout && !xy)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	if (xy && ng_dot_positions(v, o->layout, xy, err)) {
		free(xy);
		return err ? err->code : NG_EINVAL;
	}
	char *arts = articles_json(v);
	if (!arts) {
		free(xy);
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
	      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
	      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
	      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
	      out);
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		fprintf(out, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", keys[i].id,
		        keys[i].domain, keys[i].name, keys[i].type);
	/* The union graph of a diff: each node and edge says what happened. */
	if (v->has_diff)
		fputs("  <key id=\"n_diff\" for=\"node\" attr.name=\"diff\" attr.type=\"string\"/>\n"
		      "  <key id=\"e_diff\" for=\"edge\" attr.name=\"diff\" attr.type=\"string\"/>\n",
		      out);
	/* Layout positions, named as Gephi and yEd read them. */
	if (xy)
		fputs("  <key id=\"n_x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
		      "  <key id=\"n_y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n",
		      out);
	fputs("  <graph id=\"newsgraph\" edgedefault=\"directed\">\n", out);
	int rc = put_data(out, "    ", "g_articles", arts, err);
	for (size_t i = 0; !rc && i < v->nnodes; i++)
		rc = put_node(out, &v->nodes[i], xy ? &xy[2 * i] : NULL, err);
	for (size_t i = 0; !rc && i < v->nedges; i++)
		rc = put_edge(out, &v->edges[i], err);
	fputs("  </graph>\n</graphml>\n", out);
	if (!rc && ferror(out))
		rc = ng_fail(err, NG_EIO, NULL, 0, "write failed");
	free(arts);
	free(xy);
	return rc;
}

const ng_writer ng_writer_graphml = {"graphml", "graphml", "GraphML with typed keys (networkx, Gephi, yEd)", NULL,
                                     write_graphml};
