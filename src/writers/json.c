/* Writer: JSON, format version 1 of ../SCHEMA.md, through cJSON.
 * Input: a canonical graph. Output: one pretty-printed JSON document. */
#include "../graph.h"
#include "json.h"
#include "writers.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static cJSON *str_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static int add(cJSON *obj, const char *key, cJSON *item)
{
	return item && cJSON_AddItemToObject(obj, key, item);
}

static cJSON *node_json(const ng_node *n)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return NULL;
	int ok = add(o, "id", cJSON_CreateString(n->id)) &&
	         add(o, "type", cJSON_CreateString(ng_type_name(n->type))) &&
	         add(o, "name", cJSON_CreateString(n->name));
	cJSON *al = cJSON_CreateArray();
	ok = ok && add(o, "aliases", al);
	for (size_t i = 0; ok && i < n->naliases; i++)
		ok = cJSON_AddItemToArray(al, cJSON_CreateString(n->aliases[i]));
	cJSON *kb = cJSON_CreateObject();
	ok = ok && add(o, "kb", kb);
	if (ok && n->iso3166)
		ok = add(kb, "iso3166", cJSON_CreateString(n->iso3166));
	if (ok && n->wikidata)
		ok = add(kb, "wikidata", cJSON_CreateString(n->wikidata));
	cJSON *ms = cJSON_CreateArray();
	ok = ok && add(o, "mentions", ms);
	for (size_t i = 0; ok && i < n->nmentions; i++) {
		const ng_mention_rec *m = &n->mentions[i];
		cJSON *mo = cJSON_CreateObject();
		ok = cJSON_AddItemToArray(ms, mo) && add(mo, "article", cJSON_CreateString(m->article)) &&
		     add(mo, "start", cJSON_CreateNumber(m->start)) && add(mo, "end", cJSON_CreateNumber(m->end)) &&
		     add(mo, "kind", cJSON_CreateString(ng_kind_name(m->kind)));
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static cJSON *edge_json(const ng_edge *e)
{
	const ng_relation_info *ri = &ng_relations[e->rel];
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return NULL;
	int ok = add(o, "source", cJSON_CreateString(e->source)) &&
	         add(o, "type", cJSON_CreateString(ri->name)) &&
	         add(o, "target", cJSON_CreateString(e->target)) &&
	         add(o, "symmetric", cJSON_CreateBool(ri->symmetric)) &&
	         add(o, "modality", cJSON_CreateString(ng_modality_name(e->modality))) &&
	         add(o, "negated", cJSON_CreateBool(e->negated)) && add(o, "date", str_or_null(e->date)) &&
	         add(o, "count", cJSON_CreateNumber((double)e->nev)) &&
	         add(o, "confidence", cJSON_CreateNumber(round(e->confidence * 100) / 100)) &&
	         add(o, "cameo", str_or_null(ri->cameo));
	cJSON *at = cJSON_CreateObject();
	ok = ok && add(o, "attrs", at);
	for (size_t i = 0; ok && i < e->nattrs; i++)
		ok = add(at, e->attrs[i].key, cJSON_CreateString(e->attrs[i].val));
	cJSON *evs = cJSON_CreateArray();
	ok = ok && add(o, "evidence", evs);
	for (size_t i = 0; ok && i < e->nev; i++) {
		const ng_evidence *v = &e->ev[i];
		cJSON *vo = cJSON_CreateObject();
		ok = cJSON_AddItemToArray(evs, vo) && add(vo, "article", cJSON_CreateString(v->article)) &&
		     add(vo, "sentence", cJSON_CreateString(v->sentence)) &&
		     add(vo, "start", cJSON_CreateNumber(v->start)) && add(vo, "end", cJSON_CreateNumber(v->end)) &&
		     add(vo, "trigger", str_or_null(v->trigger)) &&
		     add(vo, "modality", cJSON_CreateString(ng_modality_name(v->modality))) &&
		     add(vo, "negated", cJSON_CreateBool(v->negated)) && add(vo, "rule", str_or_null(v->rule));
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

int ng_json_graph_text(const ng_graph *g, int compact, char **out, ng_error *err)
{
	*out = NULL;
	ng_node **nodes = NULL;
	ng_edge **edges = NULL;
	char *text = NULL;
	int rc = ng_graph_sorted_nodes(g, &nodes, err);
	if (!rc)
		rc = ng_graph_sorted_edges(g, &edges, err);
	if (rc)
		goto done;
	cJSON *root = cJSON_CreateObject();
	cJSON *arts = cJSON_CreateArray(), *ns = cJSON_CreateArray(), *es = cJSON_CreateArray();
	int ok = root && add(root, "newsgraph", cJSON_CreateNumber(1)) && add(root, "articles", arts) &&
	         add(root, "nodes", ns) && add(root, "edges", es);
	for (size_t i = 0; ok && i < g->narticles; i++) {
		const ng_article_rec *a = &g->articles[i];
		cJSON *ao = cJSON_CreateObject();
		ok = cJSON_AddItemToArray(arts, ao) && add(ao, "id", cJSON_CreateString(a->id)) &&
		     add(ao, "title", str_or_null(a->title)) && add(ao, "date", str_or_null(a->date)) &&
		     add(ao, "source", str_or_null(a->source));
	}
	for (size_t i = 0; ok && i < g->nnodes; i++)
		ok = cJSON_AddItemToArray(ns, node_json(nodes[i]));
	for (size_t i = 0; ok && i < g->nedges; i++)
		ok = cJSON_AddItemToArray(es, edge_json(edges[i]));
	text = ok ? (compact ? cJSON_PrintUnformatted(root) : cJSON_Print(root)) : NULL;
	cJSON_Delete(root);
	if (!text)
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	*out = text;
done:
	free(nodes);
	free(edges);
	return rc;
}

static int write_json(const ng_graph *g, FILE *out, int part, const ng_write_opts *opts, ng_error *err)
{
	(void)part;
	(void)opts;
	char *text = NULL;
	int rc = ng_json_graph_text(g, 0, &text, err);
	if (!rc && (fputs(text, out) == EOF || fputc('\n', out) == EOF))
		rc = ng_fail(err, NG_EIO, NULL, 0, "write failed");
	free(text);
	return rc;
}

const ng_writer ng_writer_json = {"json", "json", "JSON per SCHEMA.md (format version 1)", NULL, write_json};
