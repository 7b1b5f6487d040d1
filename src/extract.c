/* The pipeline: text -> sentences and tokens -> mentions -> entities ->
 * relations -> graph. Input: one article. Output: its graph merged into the
 * caller's, or its mentions, or an explanation of the rules that fired. */
#include "newsgraph/extract.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "entities/lexicon.h"
#include "entities/link.h"
#include "entities/ner.h"
#include "extractor.h"
#include "graph/graph.h"
#include "relations/relate.h"
#include "relations/rules.h"
#include "text/doc.h"
#include "text/utf8.h"
#include "util/embedded.h"

int ng_lexicon_load_embedded(ng_lexicon *lx, ng_error *err)
{
	for (const ng_embedded *e = ng_embedded_kb; e->name; e++) {
		int rc = ng_lexicon_load(lx, e->name, (const char *)e->data, e->len, err);
		if (rc)
			return rc;
	}
	return 0;
}

int ng_extractor_new(ng_extractor **out, ng_error *err)
{
	ng_extractor *ex = calloc(1, sizeof *ex);
	*out = NULL;
	if (!ex || ng_lexicon_init(&ex->lx) || ng_rules_init(&ex->rs)) {
		ng_extractor_free(ex);
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	int rc = ng_lexicon_load_embedded(&ex->lx, err);
	if (!rc)
		rc = ng_rules_load_embedded(&ex->rs, err);
	if (!rc)
		rc = ng_rules_index(&ex->rs, err);
	if (rc) {
		ng_extractor_free(ex);
		return rc;
	}
	*out = ex;
	return 0;
}

void ng_extractor_free(ng_extractor *ex)
{
	if (!ex)
		return;
	ng_lexicon_free(&ex->lx);
	ng_rules_free(&ex->rs);
	free(ex);
}

int ng_extractor_add_lexicon(ng_extractor *ex, const char *name, const char *data, size_t len, ng_error *err)
{
	return ng_lexicon_load(&ex->lx, name, data, len, err);
}

int ng_extractor_add_rules(ng_extractor *ex, const char *name, const char *data, size_t len, ng_error *err)
{
	int rc = ng_rules_load(&ex->rs, name, data, len, err);
	return rc ? rc : ng_rules_index(&ex->rs, err);
}

/* Runs the stages up to linking. */
static int analyse(const ng_extractor *ex, const char *text, size_t len, const ng_article *a, ng_doc *doc,
                   ng_ents *ents, ng_error *err)
{
	memset(ents, 0, sizeof *ents);
	int rc = ng_text_check(text, len, a && a->source ? a->source : "-", err);
	if (rc)
		return rc;
	ng_text_opts opts = ng_lexicon_text_opts(&ex->lx);
	rc = ng_doc_init(doc, text, len, &opts, err);
	if (rc)
		return rc;
	if (ng_lexicon_tag(&ex->lx, doc)) {
		ng_doc_free(doc);
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	rc = ng_ner(&ex->lx, doc, ents, err);
	if (!rc)
		rc = ng_link(&ex->lx, doc, ents, err);
	if (rc) {
		ng_ents_free(ents);
		ng_doc_free(doc);
	}
	return rc;
}

static int emit_attrs(ng_edge *e, const char *attrs)
{
	if (!attrs)
		return 0;
	char *copy = ng_strdup(attrs);
	if (!copy)
		return NG_ENOMEM;
	int rc = 0;
	char *save = NULL;
	for (char *kv = strtok_r(copy, "\x1f", &save); kv && !rc; kv = strtok_r(NULL, "\x1f", &save)) {
		char *eq = strchr(kv, '=');
		if (eq) {
			*eq = 0;
			rc = ng_edge_set_attr(e, kv, eq + 1);
		}
	}
	free(copy);
	return rc;
}

static int build_graph(const ng_extractor *ex, const ng_doc *doc, ng_ents *x, const ng_rels *rels,
                       const ng_article *a, ng_graph *g)
{
	const char *art = a && a->id ? a->id : "-";
	char *title = NULL;
	if (doc->has_title && doc->nsents)
		title = ng_strndup(doc->text + doc->sents[0].start, doc->sents[0].end - doc->sents[0].start);
	int rc = ng_graph_add_article(g, art, title, a ? a->date : NULL, a && a->source ? a->source : art);
	free(title);
	if (rc)
		return rc;
	for (size_t i = 0; i < rels->n; i++) {
		x->e[rels->r[i].src].has_edge = 1;
		x->e[rels->r[i].tgt].has_edge = 1;
	}
	ng_node **node = calloc(x->ne + 1, sizeof *node);
	if (!node)
		return NG_ENOMEM;
	for (size_t i = 0; i < x->n && !rc; i++) {
		const ng_mention *m = &x->m[i];
		if (m->entity < 0)
			continue;
		int ents[2] = {m->entity, m->plural ? m->entity2 : -1};
		for (int k = 0; k < 2 && !rc; k++) {
			if (ents[k] < 0)
				continue;
			const ng_entity *e = &x->e[ents[k]];
			if (e->needs_edge && !e->has_edge)
				continue;
			if (!node[ents[k]]) {
				const ng_entry *en = e->entry >= 0 ? &ex->lx.entries[e->entry] : NULL;
				node[ents[k]] = ng_graph_node(g, e->id, e->type, e->name, en != NULL);
				if (!node[ents[k]] || (en && ng_node_set_kb(node[ents[k]], en->iso3166, en->wikidata))) {
					rc = NG_ENOMEM;
					break;
				}
			}
			if (m->name && !m->plural && ng_node_add_alias(node[ents[k]], m->name))
				rc = NG_ENOMEM;
			else if (ng_node_add_mention(g, node[ents[k]], art, m->start, m->end, m->kind))
				rc = NG_ENOMEM;
		}
	}
	for (size_t i = 0; i < rels->n && !rc; i++) {
		const ng_rel *r = &rels->r[i];
		if (!node[r->src] || !node[r->tgt])
			continue;
		ng_edge *e = ng_graph_edge(g, x->e[r->src].id, r->rel, x->e[r->tgt].id);
		if (!e) {
			rc = NG_ENOMEM;
			break;
		}
		const ng_sentence *s = &doc->sents[r->sent];
		char *sentence = ng_strndup(doc->text + s->start, s->end - s->start);
		ng_evidence ev = {(char *)art, sentence, r->trigger[0] ? (char *)r->trigger : NULL, (char *)r->rule,
		                  s->start, s->end, r->modality, r->negated, r->conf};
		rc = !sentence || ng_edge_add_evidence(g, e, &ev) || emit_attrs(e, r->attrs) ||
		     ng_edge_set_date(e, r->date[0] ? r->date : NULL);
		free(sentence);
	}
	free(node);
	return rc;
}

/* Runs the whole pipeline; the graph goes into `into` when given, the
 * rule writer's explanation to `explain` when given. */
static int run_pipeline(const ng_extractor *ex, const char *text, size_t len, const ng_article *a,
                        ng_graph *into, FILE *explain, ng_error *err)
{
	ng_doc doc;
	ng_ents ents;
	int rc = analyse(ex, text, len, a, &doc, &ents, err);
	if (rc)
		return rc;
	ng_rels rels = {0};
	rc = ng_relate(&ex->rs, &ex->lx, &doc, &ents, a ? a->date : NULL, &rels, explain, err);
	if (!rc && into && build_graph(ex, &doc, &ents, &rels, a, into))
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	ng_rels_free(&rels);
	ng_ents_free(&ents);
	ng_doc_free(&doc);
	return rc;
}

int ng_extract(const ng_extractor *ex, const char *text, size_t len, const ng_article *a, ng_graph *into,
               ng_error *err)
{
	return run_pipeline(ex, text, len, a, into, NULL, err);
}

int ng_extract_mentions(const ng_extractor *ex, const char *text, size_t len, const ng_article *a, FILE *out,
                        int json, ng_error *err)
{
	ng_doc doc;
	ng_ents x;
	int rc = analyse(ex, text, len, a, &doc, &x, err);
	if (rc)
		return rc;
	const char *art = a && a->id ? a->id : "-";
	cJSON *arr = json ? cJSON_CreateArray() : NULL;
	for (size_t i = 0; i < x.n && !rc; i++) {
		const ng_mention *m = &x.m[i];
		const int refs[2] = {m->entity, m->plural ? m->entity2 : -1};
		for (int k = 0; k < 2 && !rc; k++) {
			if (refs[k] < 0 || x.e[refs[k]].needs_edge)
				continue;
			const ng_entity *e = &x.e[refs[k]];
			if (json) {
				cJSON *o = cJSON_CreateObject();
				char *t = ng_strndup(text + m->start, m->end - m->start);
				int ok = o && t && cJSON_AddItemToArray(arr, o) && cJSON_AddStringToObject(o, "article", art) &&
				         cJSON_AddNumberToObject(o, "start", m->start) && cJSON_AddNumberToObject(o, "end", m->end) &&
				         cJSON_AddStringToObject(o, "text", t) &&
				         cJSON_AddStringToObject(o, "type", ng_type_name(e->type)) &&
				         cJSON_AddStringToObject(o, "node", e->id) &&
				         cJSON_AddStringToObject(o, "kind", ng_mention_kind_name(m->kind));
				free(t);
				if (!ok)
					rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
			} else if (fprintf(out, "%s\t%u\t%u\t%.*s\t%s\t%s\t%s\n", art, m->start, m->end, (int)(m->end - m->start),
			                   text + m->start, ng_type_name(e->type), e->id, ng_mention_kind_name(m->kind)) < 0)
				rc = ng_fail(err, NG_EIO, NULL, 0, "write failed");
		}
	}
	if (json && !rc) {
		cJSON *root = cJSON_CreateObject();
		char *s = NULL;
		if (root && cJSON_AddItemToObject(root, "mentions", arr)) {
			arr = NULL;
			s = cJSON_Print(root);
		}
		if (!s || fprintf(out, "%s\n", s) < 0)
			rc = ng_fail(err, NG_ENOMEM, NULL, 0, "cannot write JSON");
		free(s);
		cJSON_Delete(root);
	}
	cJSON_Delete(arr);
	ng_ents_free(&x);
	ng_doc_free(&doc);
	return rc;
}

int ng_extract_explain(const ng_extractor *ex, const char *text, size_t len, const ng_article *a, FILE *out,
                       ng_error *err)
{
	return run_pipeline(ex, text, len, a, NULL, out, err);
}
