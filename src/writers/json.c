/* Writer: JSON, format version 1 of SCHEMA.md, pretty through cJSON or
 * compact (one line, ng_write_opts.compact) directly. Input: the canonical
 * view. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "writers/jsonl.h"
#include "writers/writers.h"

/* The compact form is written directly, without building a cJSON tree: it
 * is the streaming hot path (one line per article). It prints exactly what
 * cJSON_PrintUnformatted would: the same escapes and number formats. */
static int c_str(ng_buf *b, const char *s)
{
	if (!s)
		return ng_buf_add(b, "null", 4);
	if (ng_buf_addc(b, '"'))
		return NG_ENOMEM;
	const char *run = s;
	for (;; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 32 && c != '"' && c != '\\')
			continue;
		if (ng_buf_add(b, run, (size_t)(s - run)))
			return NG_ENOMEM;
		if (!c)
			break;
		run = s + 1;
		char esc[8];
		const char *e = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\b' ? "\\b" : c == '\f' ? "\\f" :
		                c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
		if (!e) {
			snprintf(esc, sizeof esc, "\\u%04x", c);
			e = esc;
		}
		if (ng_buf_add(b, e, strlen(e)))
			return NG_ENOMEM;
	}
	return ng_buf_addc(b, '"');
}

static int c_key(ng_buf *b, const char *key, int first)
{
	return (!first && ng_buf_addc(b, ',')) || c_str(b, key) || ng_buf_addc(b, ':');
}

static int c_uint(ng_buf *b, uint32_t v)
{
	char tmp[12];
	size_t n = sizeof tmp;
	do
		tmp[--n] = (char)('0' + v % 10);
	while ((v /= 10));
	return ng_buf_add(b, tmp + n, sizeof tmp - n);
}

static int c_double(ng_buf *b, double d)
{
	char tmp[32];
	int n;
	if (d >= 0 && d < 4294967296.0 && d == (double)(uint32_t)d)
		return c_uint(b, (uint32_t)d);
	if (d > -2147483648.0 && d < 0 && d == (double)(int)d)
		n = snprintf(tmp, sizeof tmp, "%d", (int)d);
	else {
		n = snprintf(tmp, sizeof tmp, "%1.15g", d);
		if (strtod(tmp, NULL) != d)
			n = snprintf(tmp, sizeof tmp, "%1.17g", d);
	}
	return ng_buf_add(b, tmp, (size_t)n);
}

static int c_bool(ng_buf *b, int v)
{
	return v ? ng_buf_add(b, "true", 4) : ng_buf_add(b, "false", 5);
}

static int c_node(ng_buf *b, const ng_view_node *vn)
{
	const ng_node *n = vn->n;
	int bad = ng_buf_adds(b, "{\"id\":") || c_str(b, n->id) || c_key(b, "type", 0) ||
	          c_str(b, ng_type_name(n->type)) || c_key(b, "name", 0) || c_str(b, n->name) ||
	          c_key(b, "aliases", 0) || ng_buf_addc(b, '[');
	for (size_t i = 0; !bad && i < vn->naliases; i++)
		bad = (i && ng_buf_addc(b, ',')) || c_str(b, vn->aliases[i]);
	bad = bad || ng_buf_addc(b, ']') || c_key(b, "kb", 0) || ng_buf_addc(b, '{');
	if (!bad && n->iso3166)
		bad = c_key(b, "iso3166", 1) || c_str(b, n->iso3166);
	if (!bad && n->wikidata)
		bad = c_key(b, "wikidata", !n->iso3166) || c_str(b, n->wikidata);
	bad = bad || ng_buf_addc(b, '}') || c_key(b, "mentions", 0) || ng_buf_addc(b, '[');
	for (size_t i = 0; !bad && i < vn->nmentions; i++) {
		const ng_mention_rec *m = vn->mentions[i];
		bad = (i && ng_buf_addc(b, ',')) || ng_buf_adds(b, "{\"article\":") || c_str(b, m->article) ||
		      c_key(b, "start", 0) || c_uint(b, m->start) || c_key(b, "end", 0) || c_uint(b, m->end) ||
		      c_key(b, "kind", 0) || c_str(b, ng_mention_kind_name(m->kind)) || ng_buf_addc(b, '}');
	}
	return bad || ng_buf_adds(b, "]}");
}

static int c_edge(ng_buf *b, const ng_view_edge *ve, int partial)
{
	const ng_edge *e = ve->e;
	const ng_relation_info *ri = ng_relation_get(e->rel);
	int bad = ng_buf_adds(b, "{\"source\":") || c_str(b, e->source) || c_key(b, "type", 0) ||
	          c_str(b, ri->name) || c_key(b, "target", 0) || c_str(b, e->target) || c_key(b, "symmetric", 0) ||
	          c_bool(b, ri->symmetric) || c_key(b, "modality", 0) || c_str(b, ng_modality_name(e->modality)) ||
	          c_key(b, "negated", 0) || c_bool(b, e->negated) || c_key(b, "date", 0) || c_str(b, e->date) ||
	          c_key(b, "count", 0) || c_double(b, (double)ve->count) || c_key(b, "confidence", 0) ||
	          c_double(b, round(ve->confidence * 100) / 100) ||
	          /* A bounded merge's cut evidence, for the next merge's confidence. */
	          (e->cut && (c_key(b, "cut_weight", 0) || c_double(b, (double)e->cut_weight))) ||
	          c_key(b, "cameo", 0) || c_str(b, ri->cameo) ||
	          c_key(b, "attrs", 0) || ng_buf_addc(b, '{');
	for (size_t i = 0; !bad && i < ve->nattrs; i++)
		bad = c_key(b, ve->attrs[i]->key, i == 0) || c_str(b, ve->attrs[i]->val);
	bad = bad || ng_buf_addc(b, '}') || c_key(b, "evidence", 0) || ng_buf_addc(b, '[');
	for (size_t i = 0; !bad && i < ve->nev; i++) {
		const ng_evidence *v = ve->ev[i];
		bad = (i && ng_buf_addc(b, ',')) || ng_buf_adds(b, "{\"article\":") || c_str(b, v->article) ||
		      c_key(b, "sentence", 0) || c_str(b, v->sentence) || c_key(b, "start", 0) || c_uint(b, v->start) ||
		      c_key(b, "end", 0) || c_uint(b, v->end) || c_key(b, "trigger", 0) || c_str(b, v->trigger) ||
		      c_key(b, "modality", 0) || c_str(b, ng_modality_name(v->modality)) || c_key(b, "negated", 0) ||
		      c_bool(b, v->negated) || c_key(b, "rule", 0) || c_str(b, v->rule) ||
		      (partial && (c_key(b, "confidence", 0) || c_double(b, v->conf))) || ng_buf_addc(b, '}');
	}
	return bad || ng_buf_adds(b, "]}");
}

/* The compact text; NULL on out of memory. */
static char *compact_text(const ng_view *v, int partial)
{
	ng_buf b = {0};
	int bad = ng_buf_adds(&b, "{\"newsgraph\":1,\"articles\":[");
	for (size_t i = 0; !bad && i < v->narticles; i++) {
		const ng_article_rec *a = v->articles[i];
		bad = (i && ng_buf_addc(&b, ',')) || ng_buf_adds(&b, "{\"id\":") || c_str(&b, a->id) ||
		      c_key(&b, "title", 0) || c_str(&b, a->title) || c_key(&b, "date", 0) || c_str(&b, a->date) ||
		      c_key(&b, "source", 0) || c_str(&b, a->source) || ng_buf_addc(&b, '}');
	}
	bad = bad || ng_buf_adds(&b, "],\"nodes\":[");
	for (size_t i = 0; !bad && i < v->nnodes; i++)
		bad = (i && ng_buf_addc(&b, ',')) || c_node(&b, &v->nodes[i]);
	bad = bad || ng_buf_adds(&b, "],\"edges\":[");
	for (size_t i = 0; !bad && i < v->nedges; i++)
		bad = (i && ng_buf_addc(&b, ',')) || c_edge(&b, &v->edges[i], partial);
	bad = bad || ng_buf_adds(&b, "]}");
	if (bad)
		ng_buf_free(&b);
	return b.s;
}

/* Writes one item of a top-level array as cJSON_Print would inside the
 * whole document: its lines two tabs deeper. The item is built by the
 * JSON Lines writer's builders (one definition of each SCHEMA.md object)
 * and freed here. 0, NG_ENOMEM or NG_EIO. */
static int pretty_item(FILE *out, cJSON *item, int first)
{
	char *text = item ? cJSON_Print(item) : NULL;
	cJSON_Delete(item);
	if (!text)
		return NG_ENOMEM;
	int bad = !first && fputs(", ", out) == EOF;
	for (const char *p = text; *p && !bad; p++)
		bad = fputc(*p, out) == EOF || (*p == '\n' && fputs("\t\t", out) == EOF);
	free(text);
	return bad ? NG_EIO : 0;
}

/* The pretty form, item by item: memory stays that of one item however
 * big the graph, and the bytes are cJSON_Print's of the whole document. */
static int pretty_write(const ng_view *v, FILE *out)
{
	int rc = fputs("{\n\t\"newsgraph\":\t1,\n\t\"articles\":\t[", out) == EOF ? NG_EIO : 0;
	for (size_t i = 0; !rc && i < v->narticles; i++)
		rc = pretty_item(out, ng_jsonl_article(v->articles[i], NULL), i == 0);
	if (!rc && fputs("],\n\t\"nodes\":\t[", out) == EOF)
		rc = NG_EIO;
	for (size_t i = 0; !rc && i < v->nnodes; i++)
		rc = pretty_item(out, ng_jsonl_node(&v->nodes[i], NULL), i == 0);
	if (!rc && fputs("],\n\t\"edges\":\t[", out) == EOF)
		rc = NG_EIO;
	for (size_t i = 0; !rc && i < v->nedges; i++)
		rc = pretty_item(out, ng_jsonl_edge(&v->edges[i], NULL), i == 0);
	if (!rc && fputs("]\n}\n", out) == EOF)
		rc = NG_EIO;
	return rc;
}

static int write_json(const ng_view *v, FILE *out, int part, const ng_write_opts *o, ng_error *err)
{
	(void)part;
	if (!o->compact) {
		int rc = pretty_write(v, out);
		return !rc ? 0 : rc == NG_EIO ? ng_fail(err, NG_EIO, NULL, 0, "write failed")
		                              : ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	char *text = compact_text(v, o->partial);
	int rc = 0;
	if (!text)
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	else if (fputs(text, out) == EOF || fputc('\n', out) == EOF)
		rc = ng_fail(err, NG_EIO, NULL, 0, "write failed");
	free(text);
	return rc;
}

const ng_writer ng_writer_json = {"json", "json", "JSON per SCHEMA.md (format version 1)", NULL, write_json};
