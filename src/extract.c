/* The pipeline: text -> sentences and tokens -> mentions -> entities ->
 * relations -> graph. Input: one article. Output: its graph merged into the
 * caller's, or its mentions, or a trace of the rules that fired. */
#include "newsgraph/extract.h"

#include <stdlib.h>
#include <string.h>

#include "entities/dateline.h"
#include "entities/describe.h"
#include "entities/era.h"
#include "entities/lexicon.h"
#include "entities/link.h"
#include "entities/ner.h"
#include "extractor.h"
#include "graph/graph.h"
#include "relations/relate.h"
#include "relations/rules.h"
#include "relations/trace.h"
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
	if (!rc)
		rc = ng_tagger_new_embedded(&ex->tagger, err);
	if (!rc)
		rc = ng_typer_new_embedded(&ex->typer, err);
	for (const ng_embedded *m = ng_embedded_models; !rc && !ex->parser; m++)
		if (!m->name)
			rc = ng_fail(err, NG_EINVAL, NULL, 0, "no parser model compiled in");
		else if (strcmp(m->name, "src/models/parser.model") == 0)
			rc = ng_parser_load(m->data, m->len, &ex->parser, err);
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
	ng_tagger_free(ex->tagger);
	ng_typer_free(ex->typer);
	ng_parser_free(ex->parser);
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
static int analyse(const ng_extractor *ex, const char *text, size_t len, const ng_article *a, int continued,
                   ng_doc *doc, ng_ents *ents, ng_error *err)
{
	memset(ents, 0, sizeof *ents);
	int rc = ng_text_check(text, len, a && a->source ? a->source : "-", err);
	if (rc)
		return rc;
	ng_text_opts opts = ng_lexicon_text_opts(&ex->lx);
	opts.continued = continued;
	rc = ng_doc_init(doc, text, len, &opts, err);
	if (rc)
		return rc;
	ng_dateline dl;
	int has_dl = !continued && ng_dateline_find(text, len, &dl);
	if (has_dl && ng_dateline_split(doc, &dl)) {
		ng_doc_free(doc);
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	if (ng_lexicon_tag(&ex->lx, doc)) {
		ng_doc_free(doc);
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	rc = ng_ner(&ex->lx, ex->typer, doc, ents, err);
	if (!rc && has_dl && ng_dateline_mentions(&dl, doc, ents))
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	ents->day = ng_era_day(a ? a->date : NULL);
	if (!rc)
		rc = ng_era(&ex->lx, doc, ents, err);
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

/* Appends "-" and the part of a node id after its type ("state:chn" ->
 * "-chn"), or a slug of the whole text when it has no type. */
static int add_id_part(ng_buf *b, const char *s)
{
	const char *colon = strchr(s, ':');
	return ng_buf_addc(b, '-') || (colon ? ng_buf_adds(b, colon + 1) : ng_slug(b, s));
}

/* An unnamed agreement ("a trade agreement") is that agreement only among
 * its parties: its id takes the ids of those that sign it or are party to
 * it, and the article's id when fewer than two parties settle which one it
 * is; otherwise a corpus merge would fuse every "trade agreement" into one
 * node. Named agreements keep their global ids; a bare "deal" with fewer
 * than two parties is left out. */
static int qualify_agreements(ng_ents *x, const ng_rels *rels, const char *article)
{
	const char **parties = malloc((rels->n + 1) * sizeof *parties);
	ng_buf id = {0};
	int rc = parties ? 0 : NG_ENOMEM;
	for (size_t k = 0; k < x->ne && !rc; k++) {
		ng_entity *e = &x->e[k];
		if (!e->needs_edge || !e->has_edge || e->type != NG_AGREEMENT)
			continue;
		size_t n = 0;
		for (size_t i = 0; i < rels->n; i++) {
			const ng_rel *r = &rels->r[i];
			if ((size_t)r->tgt == k && (r->rel == NG_REL_SIGNS || r->rel == NG_REL_PARTY_TO))
				parties[n++] = x->e[r->src].id;
		}
		ng_sort(parties, n, sizeof *parties, ng_cmpstr);
		id.len = 0;
		rc = ng_buf_adds(&id, e->id);
		size_t distinct = 0;
		for (size_t i = 0; i < n && !rc; i++)
			if (i == 0 || strcmp(parties[i], parties[i - 1])) {
				distinct++;
				rc = add_id_part(&id, parties[i]);
			}
		if (e->needs_edge == NG_NEEDS_PARTIES && distinct < 2) {
			e->has_edge = 0; /* its node and edges are left out */
			continue;
		}
		if (!rc && n < 2)
			rc = add_id_part(&id, article);
		char *qualified = rc ? NULL : ng_strdup(id.s);
		if (!qualified)
			rc = NG_ENOMEM;
		else {
			free(e->id);
			e->id = qualified;
		}
	}
	ng_buf_free(&id);
	free(parties);
	return rc;
}

static int build_graph(const ng_extractor *ex, const ng_doc *doc, ng_ents *x, const ng_rels *rels,
                       const ng_article *a, uint32_t base, ng_graph *g)
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
	if (qualify_agreements(x, rels, art))
		return NG_ENOMEM;
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
			else if (ng_node_add_mention(g, node[ents[k]], art, base + m->start, base + m->end, m->kind))
				rc = NG_ENOMEM;
		}
	}
	/* names inside longer names: mentions of nodes the article has */
	for (size_t i = 0; i < x->ninner && !rc; i++) {
		const ng_mention *m = &x->inner[i];
		if (node[m->entity] && ng_node_add_mention(g, node[m->entity], art, base + m->start, base + m->end, m->kind))
			rc = NG_ENOMEM;
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
		                  base + s->start, base + s->end, r->modality, r->negated, r->conf};
		rc = !sentence || ng_edge_add_evidence(g, e, &ev) || emit_attrs(e, r->attrs) ||
		     ng_edge_set_date(e, r->date[0] ? r->date : NULL);
		free(sentence);
	}
	free(node);
	return rc;
}

/* Runs the whole pipeline over text, part `base` bytes into the article;
 * the graph goes into `into` when given, the readings and rules that fired
 * into `trace` when given. */
static int run_pipeline(const ng_extractor *ex, const char *text, size_t len, uint32_t base, const ng_article *a,
                        ng_graph *into, ng_trace *trace, ng_error *err)
{
	ng_doc doc;
	ng_ents ents;
	int rc = analyse(ex, text, len, a, base > 0, &doc, &ents, err);
	if (rc)
		return rc;
	ng_rels rels = {0};
	/* the relations and the descriptions read some sentences both: each
	 * is parsed once; an extractor without models (the fuzz targets')
	 * parses none */
	ng_parse_cache *pc = NULL;
	if (ex->tagger && ex->parser && !(pc = ng_parse_cache_new(ex->tagger, ex->parser, doc.nsents)))
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	if (!rc)
		rc = ng_relate(&ex->rs, &ex->lx, pc, &doc, &ents, a ? a->date : NULL, &rels, trace, err);
	if (!rc && into && pc)
		rc = ng_describe(pc, &doc, &ents, err);
	if (!rc && into && build_graph(ex, &doc, &ents, &rels, a, base, into))
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	ng_parse_cache_free(pc);
	ng_rels_free(&rels);
	ng_ents_free(&ents);
	ng_doc_free(&doc);
	return rc;
}

/* Where a part of a long text may end: after the last paragraph break (a
 * blank line) before `limit`, else the last line break, else the last
 * space; `limit` itself when there is none. */
static size_t part_end(const char *text, size_t limit)
{
	size_t line = 0, space = 0;
	for (size_t i = limit; i-- > 1;) {
		if (text[i] == '\n' && text[i - 1] == '\n')
			return i + 1;
		if (!line && text[i] == '\n')
			line = i + 1;
		if (!space && text[i] == ' ')
			space = i + 1;
	}
	return line ? line : space ? space : limit;
}

/* The article as the pipeline sees it: without a date, its dateline's
 * when that has a year (into `day`). */
static ng_article dated(const ng_article *a, const char *text, size_t len, char day[11])
{
	ng_article d = {0};
	if (a)
		d = *a;
	if (!d.date && ng_dateline_day(text, len, NULL, day))
		d.date = day;
	return d;
}

int ng_extract(const ng_extractor *ex, const char *text, size_t len, const ng_article *a, ng_graph *into,
               ng_error *err)
{
	return ng_extract_progress(ex, text, len, a, into, NULL, NULL, err);
}

int ng_extract_progress(const ng_extractor *ex, const char *text, size_t len, const ng_article *a, ng_graph *into,
                        ng_progress_fn progress, void *ctx, ng_error *err)
{
	/* Part by part (newsgraph/extract.h): memory stays that of one part
	 * plus the graph, however long the text. */
	int rc = ng_text_check(text, len, a && a->source ? a->source : "-", err);
	char day[11];
	ng_article art = dated(a, text, len, day);
	size_t p = 0;
	while (!rc) {
		size_t e = len - p > NG_EXTRACT_PART ? p + part_end(text + p, NG_EXTRACT_PART) : len;
		rc = run_pipeline(ex, text + p, e - p, (uint32_t)p, &art, into, NULL, err);
		if (e == len)
			break;
		if (!rc && progress)
			progress(ctx, e, len);
		p = e;
	}
	return rc;
}

/* Mentions hold offsets and copies of the node ids (one per entity, shared
 * by its mentions), never pointers into the text. */
struct ng_mentions {
	ng_mention_info *v;
	size_t n;
	char *article;
	char **nodes;
	size_t nnodes;
};

void ng_mentions_free(ng_mentions *ms)
{
	if (!ms)
		return;
	for (size_t i = 0; i < ms->nnodes; i++)
		free(ms->nodes[i]);
	free(ms->nodes);
	free(ms->article);
	free(ms->v);
	free(ms);
}

size_t ng_mentions_count(const ng_mentions *ms)
{
	return ms ? ms->n : 0;
}

const ng_mention_info *ng_mentions_get(const ng_mentions *ms, size_t i)
{
	return ms && i < ms->n ? &ms->v[i] : NULL;
}

/* Fills ms from the linked mentions: one record per mention and entity,
 * unnamed agreements left out (they are nodes only once related). */
static int fill_mentions(ng_mentions *ms, const ng_ents *x, const char *article)
{
	ms->article = ng_strdup(article);
	ms->nodes = calloc(x->ne + 1, sizeof *ms->nodes);
	/* at most two records per mention, one per name inside a name */
	ms->v = malloc((2 * x->n + x->ninner + 1) * sizeof *ms->v);
	if (!ms->article || !ms->nodes || !ms->v)
		return NG_ENOMEM;
	for (; ms->nnodes < x->ne; ms->nnodes++)
		if (!(ms->nodes[ms->nnodes] = ng_strdup(x->e[ms->nnodes].id)))
			return NG_ENOMEM;
	size_t in = 0;
	for (size_t i = 0; i <= x->n; i++) {
		/* the names inside names in text order among the others */
		for (; in < x->ninner && (i == x->n || x->inner[in].start < x->m[i].start); in++)
			if (!x->e[x->inner[in].entity].needs_edge)
				ms->v[ms->n++] = (ng_mention_info){ms->article, x->inner[in].start, x->inner[in].end,
				                                   x->e[x->inner[in].entity].type,
				                                   ms->nodes[x->inner[in].entity], NG_NAME, 0, 1};
		if (i == x->n)
			break;
		const ng_mention *m = &x->m[i];
		const int refs[2] = {m->entity, m->plural ? m->entity2 : -1};
		for (int k = 0; k < 2; k++) {
			if (refs[k] < 0 || x->e[refs[k]].needs_edge)
				continue;
			ms->v[ms->n++] = (ng_mention_info){ms->article, m->start, m->end, x->e[refs[k]].type,
			                                   ms->nodes[refs[k]], m->kind, m->adj, 0};
		}
	}
	return 0;
}

int ng_extract_mentions(const ng_extractor *ex, const char *text, size_t len, const ng_article *a,
                        ng_mentions **out, ng_error *err)
{
	ng_doc doc;
	ng_ents x;
	*out = NULL;
	char day[11];
	ng_article art = dated(a, text, len, day);
	int rc = analyse(ex, text, len, &art, 0, &doc, &x, err);
	if (rc)
		return rc;
	ng_parse_cache *pc = ng_parse_cache_new(ex->tagger, ex->parser, doc.nsents);
	rc = pc ? ng_describe(pc, &doc, &x, err) : ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	ng_parse_cache_free(pc);
	if (rc) {
		ng_ents_free(&x);
		ng_doc_free(&doc);
		return rc;
	}
	ng_mentions *ms = calloc(1, sizeof *ms);
	if (!ms || fill_mentions(ms, &x, a && a->id ? a->id : "-")) {
		ng_mentions_free(ms);
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	} else
		*out = ms;
	ng_ents_free(&x);
	ng_doc_free(&doc);
	return rc;
}

int ng_extract_trace(const ng_extractor *ex, const char *text, size_t len, const ng_article *a, ng_trace **out,
                     ng_error *err)
{
	ng_trace *t;
	*out = NULL;
	if (ng_trace_new(&t))
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	char day[11];
	ng_article art = dated(a, text, len, day);
	int rc = run_pipeline(ex, text, len, 0, &art, NULL, t, err);
	if (rc) {
		ng_trace_free(t);
		return rc;
	}
	ng_trace_finish(t);
	*out = t;
	return 0;
}
