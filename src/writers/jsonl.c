/* Writer: JSON Lines. Input: a canonical graph. Output: one JSON object per
 * line, each opened by "kind" ("article", "node" or "edge") followed by the
 * SCHEMA.md object of that item: articles, then nodes, then edges, in
 * canonical order, so that a consumer can stream nodes before the
 * edges that refer to them. */
#include "writers/jsonl.h"

#include <math.h>
#include <stdlib.h>

#include "writers/writers.h"

static cJSON *str_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static int add(cJSON *obj, const char *key, cJSON *item)
{
	return item && cJSON_AddItemToObject(obj, key, item);
}

/* A new object holding "kind" first when asked for it. */
static cJSON *open_object(const char *kind)
{
	cJSON *o = cJSON_CreateObject();
	if (o && kind && !add(o, "kind", cJSON_CreateString(kind))) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static cJSON *done(cJSON *o, int ok)
{
	if (ok)
		return o;
	cJSON_Delete(o);
	return NULL;
}

cJSON *ng_jsonl_article(const ng_article_rec *a, const char *kind)
{
	cJSON *o = open_object(kind);
	int ok = o && add(o, "id", cJSON_CreateString(a->id)) && add(o, "title", str_or_null(a->title)) &&
	         add(o, "date", str_or_null(a->date)) && add(o, "source", str_or_null(a->source));
	return done(o, ok);
}

cJSON *ng_jsonl_node(const ng_view_node *vn, const char *kind)
{
	const ng_node *n = vn->n;
	cJSON *o = open_object(kind);
	int ok = o && add(o, "id", cJSON_CreateString(n->id)) &&
	         add(o, "type", cJSON_CreateString(ng_type_name(n->type))) &&
	         add(o, "name", cJSON_CreateString(n->name));
	cJSON *al = ok ? cJSON_CreateArray() : NULL;
	ok = ok && add(o, "aliases", al);
	for (size_t i = 0; ok && i < vn->naliases; i++)
		ok = cJSON_AddItemToArray(al, cJSON_CreateString(vn->aliases[i]));
	cJSON *kb = ok ? cJSON_CreateObject() : NULL;
	ok = ok && add(o, "kb", kb);
	if (ok && n->iso3166)
		ok = add(kb, "iso3166", cJSON_CreateString(n->iso3166));
	if (ok && n->wikidata)
		ok = add(kb, "wikidata", cJSON_CreateString(n->wikidata));
	cJSON *ms = ok ? cJSON_CreateArray() : NULL;
	ok = ok && add(o, "mentions", ms);
	for (size_t i = 0; ok && i < vn->nmentions; i++) {
		const ng_mention_rec *m = vn->mentions[i];
		cJSON *mo = cJSON_CreateObject();
		ok = cJSON_AddItemToArray(ms, mo) && add(mo, "article", cJSON_CreateString(m->article)) &&
		     add(mo, "start", cJSON_CreateNumber(m->start)) && add(mo, "end", cJSON_CreateNumber(m->end)) &&
		     add(mo, "kind", cJSON_CreateString(ng_mention_kind_name(m->kind)));
	}
	if (ok && n->diff)
		ok = add(o, "diff", cJSON_CreateString(n->diff));
	return done(o, ok);
}

cJSON *ng_jsonl_edge(const ng_view_edge *ve, const char *kind)
{
	const ng_edge *e = ve->e;
	const ng_relation_info *ri = ng_relation_get(e->rel);
	cJSON *o = open_object(kind);
	int ok = o && add(o, "source", cJSON_CreateString(e->source)) &&
	         add(o, "type", cJSON_CreateString(ri->name)) && add(o, "target", cJSON_CreateString(e->target)) &&
	         add(o, "symmetric", cJSON_CreateBool(ri->symmetric)) &&
	         add(o, "modality", cJSON_CreateString(ng_modality_name(e->modality))) &&
	         add(o, "negated", cJSON_CreateBool(e->negated)) && add(o, "date", str_or_null(e->date)) &&
	         add(o, "count", cJSON_CreateNumber((double)ve->count)) &&
	         add(o, "confidence", cJSON_CreateNumber(round(ve->confidence * 100) / 100)) &&
	         /* A bounded merge's cut evidence, for the next merge's confidence. */
	         (!e->cut || add(o, "cut_weight", cJSON_CreateNumber((double)e->cut_weight))) &&
	         add(o, "cameo", str_or_null(ri->cameo));
	cJSON *at = ok ? cJSON_CreateObject() : NULL;
	ok = ok && add(o, "attrs", at);
	for (size_t i = 0; ok && i < ve->nattrs; i++)
		ok = add(at, ve->attrs[i]->key, cJSON_CreateString(ve->attrs[i]->val));
	cJSON *evs = ok ? cJSON_CreateArray() : NULL;
	ok = ok && add(o, "evidence", evs);
	for (size_t i = 0; ok && i < ve->nev; i++) {
		const ng_evidence *v = ve->ev[i];
		cJSON *vo = cJSON_CreateObject();
		ok = cJSON_AddItemToArray(evs, vo) && add(vo, "article", cJSON_CreateString(v->article)) &&
		     add(vo, "sentence", cJSON_CreateString(v->sentence)) &&
		     add(vo, "start", cJSON_CreateNumber(v->start)) && add(vo, "end", cJSON_CreateNumber(v->end)) &&
		     add(vo, "trigger", str_or_null(v->trigger)) &&
		     add(vo, "modality", cJSON_CreateString(ng_modality_name(v->modality))) &&
		     add(vo, "negated", cJSON_CreateBool(v->negated)) && add(vo, "rule", str_or_null(v->rule));
	}
	if (ok && e->diff)
		ok = add(o, "diff", cJSON_CreateString(e->diff));
	return done(o, ok);
}

int ng_jsonl_edge_fields(const ng_view_edge *ve, cJSON **obj, char **conf)
{
	*obj = ng_jsonl_edge(ve, NULL);
	*conf = *obj ? ng_jsonl_member_text(*obj, "confidence") : NULL;
	if (*conf)
		return 0;
	cJSON_Delete(*obj);
	*obj = NULL;
	return NG_ENOMEM;
}

char *ng_jsonl_member_text(const cJSON *obj, const char *key)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(obj, key);
	return m ? cJSON_PrintUnformatted(m) : NULL;
}

/* Prints one object as a line and deletes it. */
static int put_line(cJSON *o, FILE *out, ng_error *err)
{
	char *text = o ? cJSON_PrintUnformatted(o) : NULL;
	cJSON_Delete(o);
	if (!text)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	int rc = fputs(text, out) == EOF || fputc('\n', out) == EOF ? ng_fail(err, NG_EIO, NULL, 0, "write failed") : 0;
	free(text);
	return rc;
}

static int write_jsonl(const ng_view *v, FILE *out, int part, const ng_write_opts *o, ng_error *err)
{
	(void)part;
	(void)o;
	int rc = 0;
	for (size_t i = 0; !rc && i < v->narticles; i++)
		rc = put_line(ng_jsonl_article(v->articles[i], "article"), out, err);
	for (size_t i = 0; !rc && i < v->nnodes; i++)
		rc = put_line(ng_jsonl_node(&v->nodes[i], "node"), out, err);
	for (size_t i = 0; !rc && i < v->nedges; i++)
		rc = put_line(ng_jsonl_edge(&v->edges[i], "edge"), out, err);
	return rc;
}

const ng_writer ng_writer_jsonl = {"jsonl", "jsonl", "JSON Lines: one article, node or edge per line", NULL,
                                   write_jsonl};
