/* Reader: the JSON of SCHEMA.md (format version 1) back into a graph.
 * Input: JSON text. Output: a graph, or an error naming the file and what
 * is wrong. Untrusted input: sizes, depth, types and ranges are checked
 * before anything is used. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "graph/read.h"
#include "text/text.h"
#include "text/utf8.h"

#define BAD(...) ng_fail(err, NG_EINVAL, name, 0, __VA_ARGS__)

/* Nesting depth of JSON text, strings skipped; stops early past `limit`. */
static int json_depth(const char *s, size_t n, int limit)
{
	int depth = 0, max = 0, in_str = 0;
	for (size_t i = 0; i < n && max <= limit; i++) {
		char c = s[i];
		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = 0;
		} else if (c == '"')
			in_str = 1;
		else if (c == '{' || c == '[') {
			if (++depth > max)
				max = depth;
		} else if (c == '}' || c == ']')
			depth--;
	}
	return max;
}

static const char *str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* An offset: a number in [0, 2^32). */
static int offset(const cJSON *o, const char *key, uint32_t *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	if (!cJSON_IsNumber(v) || !(v->valuedouble >= 0) || v->valuedouble >= 4294967296.0 ||
	    v->valuedouble != floor(v->valuedouble))
		return 0;
	*out = (uint32_t)v->valuedouble;
	return 1;
}

static int modality_of(const char *s)
{
	return s ? ng_modality_parse(s, strlen(s)) : -1;
}

/* A count above the evidence listed is a bounded merge's: the rest were
 * cut, and the edge's own count, cut_weight, modality and negation stand
 * for them. Returns the miss probability the cut evidence holds (1 when
 * none was cut). */
static double read_cut(const cJSON *e, ng_edge *x, size_t nev)
{
	const cJSON *count = cJSON_GetObjectItemCaseSensitive(e, "count");
	if (!cJSON_IsNumber(count) || !(count->valuedouble > (double)nev) || count->valuedouble > 9e15)
		return 1.0;
	x->cut = (uint64_t)count->valuedouble - nev;
	const cJSON *w = cJSON_GetObjectItemCaseSensitive(e, "cut_weight");
	x->cut_weight = cJSON_IsNumber(w) && w->valuedouble > 0 && w->valuedouble < 9e15 ? (int64_t)w->valuedouble : 0;
	int m = modality_of(str(e, "modality"));
	if (m >= 0 && (ng_modality)m < x->modality)
		x->modality = (ng_modality)m;
	if (cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(e, "negated")))
		x->negated = 0;
	return ng_bound_miss(x->cut_weight);
}

static int read_node(ng_graph *g, const cJSON *n, size_t i, const char *name, ng_error *err)
{
	const char *id = str(n, "id"), *type = str(n, "type"), *nm = str(n, "name");
	if (!cJSON_IsObject(n) || !id || !type || !nm)
		return BAD("node %zu needs string id, type and name", i);
	int t = ng_type_parse(type, strlen(type));
	if (t < 0)
		return BAD("node %s: unknown type '%s'", id, type);
	if (!ng_node_id_valid(id, t))
		return BAD("node %s: id must read %s:SLUG", id, type);
	const cJSON *kb = cJSON_GetObjectItemCaseSensitive(n, "kb");
	ng_node *x = ng_graph_node(g, id, t, nm, kb && cJSON_GetArraySize(kb) > 0);
	if (!x || ng_node_set_kb(x, str(kb, "iso3166"), str(kb, "wikidata")))
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	const cJSON *a;
	cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(n, "aliases"))
	{
		if (!cJSON_IsString(a))
			return BAD("node %s: aliases must be strings", id);
		if (ng_node_add_alias(x, a->valuestring))
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	const cJSON *m;
	cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(n, "mentions"))
	{
		uint32_t s, e;
		const char *art = str(m, "article"), *kind = str(m, "kind");
		if (!art || !offset(m, "start", &s) || !offset(m, "end", &e) || e < s)
			return BAD("node %s: a mention needs article, start and end (0 <= start <= end < 2^32)", id);
		int k = kind && !strcmp(kind, "pronoun") ? NG_PRONOUN : kind && !strcmp(kind, "nominal") ? NG_NOMINAL : NG_NAME;
		if (ng_node_add_mention(g, x, art, s, e, k))
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	return 0;
}

static int read_edge(ng_graph *g, const cJSON *e, size_t i, const char *name, ng_error *err)
{
	const char *src = str(e, "source"), *type = str(e, "type"), *tgt = str(e, "target");
	if (!cJSON_IsObject(e) || !src || !type || !tgt)
		return BAD("edge %zu needs string source, type and target", i);
	int rel = ng_relation_parse(type, strlen(type));
	if (rel < 0)
		return BAD("edge %zu: unknown relation '%s'", i, type);
	if (!ng_graph_find_node(g, src) || !ng_graph_find_node(g, tgt))
		return BAD("edge %s -%s-> %s: an endpoint is not a node", src, type, tgt);
	const char *date = str(e, "date");
	if (date && ng_date_check(date, strlen(date), 1) != 1)
		return BAD("edge %s -%s-> %s: date '%s' is not a day or month of the calendar (ISO 8601)", src, type, tgt,
		           date);
	ng_edge *x = ng_graph_edge(g, src, rel, tgt);
	if (!x || ng_edge_set_date(x, date))
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	const cJSON *a;
	cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(e, "attrs"))
	{
		if (!cJSON_IsString(a) || !a->string)
			return BAD("edge %s -%s-> %s: attrs must be strings", src, type, tgt);
		if (ng_edge_set_attr(x, a->string, a->valuestring))
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	const cJSON *evs = cJSON_GetObjectItemCaseSensitive(e, "evidence");
	int nev = cJSON_GetArraySize(evs);
	if (!cJSON_IsArray(evs) || nev < 1)
		return BAD("edge %s -%s-> %s: evidence must be a non-empty list", src, type, tgt);
	/* Spread the edge's confidence over its evidence (less what a bounded
	 * merge's cut evidence holds), so that re-reading and merging
	 * reproduce it. */
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(e, "confidence");
	double conf = cJSON_IsNumber(c) && c->valuedouble > 0 && c->valuedouble <= 1 ? c->valuedouble : 0.5;
	double miss = (1.0 - conf) / read_cut(e, x, (size_t)nev);
	double per = 1.0 - pow(miss < 1.0 ? miss : 1.0, 1.0 / nev);
	const cJSON *v;
	cJSON_ArrayForEach(v, evs)
	{
		ng_evidence ev = {0};
		ev.article = (char *)str(v, "article");
		ev.sentence = (char *)str(v, "sentence");
		ev.trigger = (char *)str(v, "trigger");
		ev.rule = (char *)str(v, "rule");
		int modality = modality_of(str(v, "modality"));
		ev.modality = modality < 0 ? NG_ASSERTED : (ng_modality)modality;
		const cJSON *neg = cJSON_GetObjectItemCaseSensitive(v, "negated");
		if (!ev.article || !ev.sentence || !offset(v, "start", &ev.start) || !offset(v, "end", &ev.end) ||
		    modality < 0 || !cJSON_IsBool(neg))
			return BAD("edge %s -%s-> %s: an evidence needs article, sentence, start, end, modality, negated", src,
			           type, tgt);
		ev.negated = cJSON_IsTrue(neg);
		/* A partial result (merge --partial) keeps each evidence's own. */
		const cJSON *own = cJSON_GetObjectItemCaseSensitive(v, "confidence");
		ev.conf = cJSON_IsNumber(own) && own->valuedouble > 0 && own->valuedouble <= 1 ? own->valuedouble : per;
		if (ng_edge_add_evidence(g, x, &ev))
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	return 0;
}

int ng_graph_read_json(const char *data, size_t len, const char *name, ng_graph **out, ng_error *err)
{
	*out = NULL;
	if (len > NG_READ_MAX_BYTES)
		return ng_fail(err, NG_ELIMIT, name, 0, "larger than 1 GiB");
	if (json_depth(data, len, NG_READ_MAX_DEPTH) > NG_READ_MAX_DEPTH)
		return BAD("JSON nests deeper than %d levels", NG_READ_MAX_DEPTH);
	/* cJSON passes bytes through: invalid UTF-8 would reach every writer. */
	int rc = ng_text_check(data, len, name, err);
	if (rc)
		return rc;
	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(data, len, &end, 0);
	if (!root) {
		size_t at = end && end >= data ? (size_t)(end - data) : 0;
		return BAD("invalid JSON near byte %zu", at);
	}
	ng_graph *g = NULL;
	const cJSON *ver = cJSON_GetObjectItemCaseSensitive(root, "newsgraph");
	const cJSON *arts = cJSON_GetObjectItemCaseSensitive(root, "articles");
	const cJSON *nodes = cJSON_GetObjectItemCaseSensitive(root, "nodes");
	const cJSON *edges = cJSON_GetObjectItemCaseSensitive(root, "edges");
	if (!cJSON_IsObject(root))
		rc = BAD("not a newsgraph graph (format version 1): the top level is not an object");
	else if (!cJSON_IsNumber(ver) || ver->valuedouble != 1)
		rc = BAD("not a newsgraph graph (format version 1): \"newsgraph\": 1 is missing");
	else if (!cJSON_IsArray(arts) || !cJSON_IsArray(nodes) || !cJSON_IsArray(edges))
		rc = BAD("\"articles\", \"nodes\" and \"edges\" must be lists");
	else
		rc = ng_graph_new(&g, err);
	const cJSON *x;
	size_t i = 0;
	if (!rc)
		cJSON_ArrayForEach(x, arts)
		{
			const char *id = str(x, "id");
			if (!id) {
				rc = BAD("article %zu has no string id", i);
				break;
			}
			const char *date = str(x, "date");
			if (date && ng_date_check(date, strlen(date), 0) != 1) {
				rc = BAD("article %s: date '%s' is not a day of the calendar, YYYY-MM-DD", id, date);
				break;
			}
			if (ng_graph_add_article(g, id, str(x, "title"), date, str(x, "source"))) {
				rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
				break;
			}
			i++;
		}
	i = 0;
	if (!rc)
		cJSON_ArrayForEach(x, nodes) if ((rc = read_node(g, x, i++, name, err))) break;
	i = 0;
	if (!rc)
		cJSON_ArrayForEach(x, edges) if ((rc = read_edge(g, x, i++, name, err))) break;
	cJSON_Delete(root);
	if (rc) {
		ng_graph_free(g);
		return rc;
	}
	*out = g;
	return 0;
}
