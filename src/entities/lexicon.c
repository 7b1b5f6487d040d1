/* Entities, part 1: the lexicon and its token trie.
 * Input: plain-text knowledge-base files (see kb/README.md). Output: entries
 * by id and a trie over normalised tokens holding every surface form, title,
 * head word and cue word, so that the text is matched in one pass. */
#include "entities/lexicon.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "text/doc.h"
#include "text/utf8.h"

int ng_lexicon_init(ng_lexicon *lx)
{
	memset(lx, 0, sizeof *lx);
	lx->nnodes = 1;
	if (ng_grow((void **)&lx->head, &lx->chead, 1, sizeof *lx->head) ||
	    ng_grow((void **)&lx->kinds, &lx->ckinds, 1, 1))
		return NG_ENOMEM;
	lx->head[0] = -1;
	lx->kinds[0] = 0;
	return 0;
}

static void free_entry(ng_entry *e)
{
	free(e->id);
	free(e->name);
	free(e->gov);
	free(e->in);
	free(e->part_of);
	free(e->leads);
	free(e->works_for);
	free(e->role);
	free(e->iso3166);
	free(e->wikidata);
	for (size_t i = 0; i < e->nties; i++) {
		free(e->ties[i].target);
		free(e->ties[i].role);
	}
	free(e->ties);
}

void ng_lexicon_free(ng_lexicon *lx)
{
	for (size_t i = 0; i < lx->nentries; i++)
		free_entry(&lx->entries[i]);
	free(lx->entries);
	ng_map_free(&lx->ids);
	ng_map_free(&lx->words);
	free(lx->tab);
	free(lx->filter);
	free(lx->wclass);
	free(lx->step);
	free(lx->vals);
	free(lx->head);
	free(lx->kinds);
	ng_map_free(&lx->cues);
	free(lx->cue_class);
	ng_map_free(&lx->short_ids);
	for (size_t i = 0; i < lx->nshorts; i++)
		free(lx->shorts[i]);
	free(lx->shorts);
	for (int c = 0; c < NG_W_NCLASSES; c++) {
		for (size_t i = 0; i < lx->list[c].n; i++)
			free((char *)lx->list[c].form[i]);
		free(lx->list[c].form);
		free(lx->list[c].value);
	}
	memset(lx, 0, sizeof *lx);
}

/* The trie's edges: an open-addressing table keyed by (node, word id), so
 * that a step is one integer hash probe. Key 0 marks an empty slot (word
 * ids start at 1). */
static uint64_t edge_key(uint32_t node, uint32_t wid)
{
	return (uint64_t)node << 32 | wid;
}

static uint64_t edge_hash(uint64_t key)
{
	/* splitmix64's finaliser: node and word id both reach every bit */
	uint64_t h = key;
	h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
	h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
	return h ^ (h >> 31);
}

/* The slot uses the hash's low bits, the filter its high ones. */
static size_t edge_slot(const ng_lexicon *lx, uint64_t key, uint64_t h)
{
	size_t i = (size_t)h & (lx->ctab - 1);
	while (lx->tab[i].key && lx->tab[i].key != key)
		i = (i + 1) & (lx->ctab - 1);
	return i;
}

/* 8 filter bits per slot, at least 16 per edge: at most 1 absent edge in
 * 16 passes the filter (1 in 30 with the built-in lexicon). */
static size_t edge_bit(const ng_lexicon *lx, uint64_t h)
{
	return (size_t)(h >> 32) & (8 * lx->ctab - 1);
}

static void filter_add(ng_lexicon *lx, uint64_t h)
{
	size_t b = edge_bit(lx, h);
	lx->filter[b / 64] |= 1ull << (b % 64);
}

uint32_t ng_lexicon_next(const ng_lexicon *lx, uint32_t node, uint32_t wid)
{
	if (!wid || wid > lx->nwords)
		return 0;
	const struct ng_word_step *w = &lx->step[wid];
	if (!node)
		return w->root;
	if (!w->inner) /* the word never follows another in a form */
		return 0;
	uint64_t key = edge_key(node, wid), h = edge_hash(key);
	size_t b = edge_bit(lx, h);
	if (!(lx->filter[b / 64] >> (b % 64) & 1))
		return 0;
	return lx->tab[edge_slot(lx, key, h)].child;
}

uint32_t ng_lexicon_wid(const ng_lexicon *lx, const char *norm)
{
	return (uint32_t)(uintptr_t)ng_map_get(&lx->words, norm, strlen(norm));
}

static uint32_t child(const ng_lexicon *lx, uint32_t node, const char *tok)
{
	return ng_lexicon_next(lx, node, ng_lexicon_wid(lx, tok));
}

static int grow_edges(ng_lexicon *lx)
{
	size_t oc = lx->ctab, nc = oc ? oc * 2 : 1024;
	struct ng_trie_edge *old = lx->tab, *nt = calloc(nc, sizeof *nt);
	uint64_t *nf = calloc(nc / 8, sizeof *nf);
	if (!nt || !nf) {
		free(nt);
		free(nf);
		return NG_ENOMEM;
	}
	free(lx->filter);
	lx->filter = nf;
	lx->tab = nt;
	lx->ctab = nc;
	for (size_t i = 0; i < oc; i++)
		if (old[i].key) {
			uint64_t h = edge_hash(old[i].key);
			lx->tab[edge_slot(lx, old[i].key, h)] = old[i];
			filter_add(lx, h);
		}
	free(old);
	return 0;
}

static int add_child(ng_lexicon *lx, uint32_t node, const char *tok, uint32_t *out)
{
	void **w = ng_map_put(&lx->words, tok, strlen(tok));
	if (!w)
		return NG_ENOMEM;
	if (!*w) {
		if (ng_grow((void **)&lx->wclass, &lx->cwclass, lx->nwords + 2, sizeof *lx->wclass) ||
		    ng_grow((void **)&lx->step, &lx->cstep, lx->nwords + 2, sizeof *lx->step))
			return NG_ENOMEM;
		*w = (void *)(uintptr_t)++lx->nwords;
		lx->wclass[lx->nwords] = 0;
		lx->step[lx->nwords] = (struct ng_word_step){0, 0};
	}
	if (2 * (lx->ntab + 1) > lx->ctab && grow_edges(lx))
		return NG_ENOMEM;
	uint64_t key = edge_key(node, (uint32_t)(uintptr_t)*w), h = edge_hash(key);
	size_t i = edge_slot(lx, key, h);
	if (!lx->tab[i].key) {
		if (ng_grow((void **)&lx->head, &lx->chead, lx->nnodes + 1, sizeof *lx->head) ||
		    ng_grow((void **)&lx->kinds, &lx->ckinds, lx->nnodes + 1, 1))
			return NG_ENOMEM;
		lx->head[lx->nnodes] = -1;
		lx->kinds[lx->nnodes] = 0;
		lx->tab[i].key = key;
		lx->tab[i].child = (uint32_t)lx->nnodes++;
		lx->ntab++;
		filter_add(lx, h);
		struct ng_word_step *st = &lx->step[(uint32_t)(uintptr_t)*w];
		if (node)
			st->inner++;
		else
			st->root = lx->tab[i].child;
	}
	*out = lx->tab[i].child;
	return 0;
}

static unsigned form_classes(const void *ctx, const char *w, size_t n);

/* A form of ASCII letters and single spaces ("Vladimir Putin"): the
 * tokeniser would make its words, in lower case, the tokens; most forms
 * are such, and loading skips the tokeniser for them. */
static int plain_words(const char *form)
{
	if (!isalpha((unsigned char)*form))
		return 0;
	for (const char *p = form; *p; p++)
		if (!isalpha((unsigned char)*p) && !(*p == ' ' && isalpha((unsigned char)p[1])))
			return 0;
	return 1;
}

/* Records value v at the trie node of the form's tokens (ntok of them,
 * the first `first`). */
static int add_value(ng_lexicon *lx, const char *form, ng_value v, uint32_t node, size_t ntok, const char *first)
{
	int letters = 0, lower = 0;
	for (const char *p = form; *p; p++) {
		letters += isalpha((unsigned char)*p) != 0;
		lower += islower((unsigned char)*p) != 0;
	}
	v.acronym = ntok == 1 && letters >= 2 && !lower;
	v.lower = islower((unsigned char)form[0]) != 0;
	struct ng_vlist *x = NG_PUSH(lx->vals, lx->nvals, lx->cvals);
	if (!x)
		return NG_ENOMEM;
	x->v = v;
	x->node = node;
	x->next = lx->head[node];
	lx->head[node] = (int32_t)(lx->nvals - 1);
	lx->kinds[node] |= (uint8_t)(1u << v.kind);
	if (ntok == 1 && v.kind == NG_V_WORD)
		lx->wclass[ng_lexicon_wid(lx, first)] |= NG_CLASS(v.arg);
	/* "Mark" of "Mark Rutte": a word that opens people's names */
	size_t fl = strcspn(form, " ");
	if (ntok > 1 && v.kind == NG_V_NAME && lx->entries[v.entry].type == NG_PERSON && isupper((unsigned char)form[0]) &&
	    fl > 2 && !memchr(form, '.', fl)) {
		ng_buf w = {0};
		int rc = ng_norm_append(&w, form, fl);
		if (!rc)
			lx->wclass[ng_lexicon_wid(lx, w.s)] |= NG_CLASS(NG_W_GIVEN_NAME);
		ng_buf_free(&w);
		if (rc)
			return NG_ENOMEM;
	}
	return 0;
}

/* Adds a surface form with its value; the newest value of a node comes
 * first, so user files override embedded ones. The form is tokenised as
 * text is, with the abbreviations of the lines before it. */
static int add_form(ng_lexicon *lx, const char *form, ng_value v)
{
	ng_buf tmp = {0};
	uint32_t node = 0;
	int rc = 0;
	if (plain_words(form)) {
		size_t ntok = 0;
		for (const char *p = form; !rc && *p; ntok++) {
			size_t n = strcspn(p, " ");
			tmp.len = 0;
			rc = ng_norm_append(&tmp, p, n) || add_child(lx, node, tmp.s, &node);
			p += n + (p[n] == ' ');
		}
		/* with one token, tmp holds it */
		rc = rc ? NG_ENOMEM : add_value(lx, form, v, node, ntok, tmp.s);
		ng_buf_free(&tmp);
		return rc;
	}
	if (ng_buf_adds(&tmp, form) || ng_buf_adds(&tmp, " x"))
		return NG_ENOMEM;
	ng_doc d;
	ng_text_opts o = {form_classes, lx};
	rc = ng_doc_init(&d, tmp.s, tmp.len, &o, NULL);
	if (rc) {
		ng_buf_free(&tmp);
		return rc;
	}
	size_t ntok = d.ntoks ? d.ntoks - 1 : 0;
	for (size_t i = 0; !rc && i < ntok; i++)
		rc = add_child(lx, node, ng_tok_norm(&d, &d.toks[i]), &node);
	if (!rc && ntok)
		rc = add_value(lx, form, v, node, ntok, ng_tok_norm(&d, &d.toks[0]));
	ng_doc_free(&d);
	ng_buf_free(&tmp);
	return rc;
}

const ng_value *ng_lexicon_values(const ng_lexicon *lx, uint32_t node, int32_t *it)
{
	int32_t i = *it == -2 ? lx->head[node] : lx->vals[*it].next;
	*it = i;
	return i < 0 ? NULL : &lx->vals[i].v;
}

size_t ng_lexicon_match(const ng_lexicon *lx, const ng_doc *doc, size_t i, size_t end, uint32_t *node)
{
	uint32_t cur = 0;
	size_t best = 0;
	for (size_t j = i; j < end; j++) {
		cur = ng_lexicon_next(lx, cur, doc->wid[j]);
		if (!cur)
			break;
		if (lx->head[cur] >= 0) {
			best = j - i + 1;
			*node = cur;
		}
	}
	return best;
}

uint32_t ng_lexicon_step(const ng_lexicon *lx, uint32_t node, const char *norm)
{
	return child(lx, node, norm);
}

uint32_t ng_lexicon_word(const ng_lexicon *lx, const char *norm)
{
	return child(lx, 0, norm);
}

int ng_lexicon_is(const ng_lexicon *lx, const char *norm, int cls)
{
	return ng_lexicon_is_wid(lx, ng_lexicon_wid(lx, norm), cls);
}

int ng_lexicon_tag(const ng_lexicon *lx, ng_doc *doc)
{
	free(doc->wid);
	doc->wid = malloc((doc->ntoks + 1) * sizeof *doc->wid);
	if (!doc->wid)
		return NG_ENOMEM;
	for (size_t i = 0; i < doc->ntoks; i++)
		doc->wid[i] = ng_lexicon_wid(lx, ng_tok_norm(doc, &doc->toks[i]));
	return 0;
}

ng_classes ng_lexicon_cue(const ng_lexicon *lx, const char *w, size_t n)
{
	uintptr_t k = (uintptr_t)ng_map_get(&lx->cues, w, n);
	return k ? lx->cue_class[k - 1] : 0;
}

int ng_lexicon_value(const ng_lexicon *lx, int cls, const char *form, int def)
{
	const ng_cue_list *l = &lx->list[cls];
	for (size_t i = l->n; i-- > 0;)
		if (strcmp(l->form[i], form) == 0)
			return l->value[i];
	return def;
}

void ng_lexicon_first_bytes(const ng_lexicon *lx, ng_classes want, uint64_t set[4])
{
	for (int c = 0; c < NG_W_NCLASSES; c++)
		if (want & NG_CLASS(c))
			for (int k = 0; k < 4; k++)
				set[k] |= lx->list[c].first[k];
}

/* The lexicon's classes behind each text-layer class. */
static const struct {
	unsigned text;
	ng_classes lex;
} text_classes[] = {
	{NG_TEXT_COMMON, NG_CLASS(NG_W_COMMON)},
	{NG_TEXT_ABBR_TITLE, NG_CLASS(NG_W_ABBR_TITLE)},
	{NG_TEXT_ABBR_NUMBER, NG_CLASS(NG_W_ABBR_NUMBER) | NG_CLASS(NG_W_MONTH_ABBR)},
	{NG_TEXT_ABBR_FIRM, NG_CLASS(NG_W_ABBR_FIRM)},
	{NG_TEXT_ABBR_SPLIT, NG_CLASS(NG_W_ABBR_SPLIT)},
	{NG_TEXT_STARTER, NG_CLASS(NG_W_SENTENCE_STARTER)},
	{NG_TEXT_NAME_CONTINUES, NG_CLASS(NG_W_NAME_CONTINUES)},
	{NG_TEXT_SAYING, NG_CLASS(NG_W_SAYING)},
	{NG_TEXT_IS_CONTRACTION, NG_CLASS(NG_W_IS_CONTRACTION)},
};

static unsigned word_classes(const void *ctx, const char *w, size_t n)
{
	char low[64];
	if (n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
	ng_classes c = ng_lexicon_cue(ctx, low, n);
	unsigned t = 0;
	for (size_t i = 0; c && i < sizeof text_classes / sizeof *text_classes; i++)
		if (c & text_classes[i].lex)
			t |= text_classes[i].text;
	return t;
}

/* A form is one phrase: common words, which start a new sentence after
 * "U.S.", must not cut it. */
static unsigned form_classes(const void *ctx, const char *w, size_t n)
{
	return word_classes(ctx, w, n) & ~(unsigned)NG_TEXT_COMMON;
}

ng_text_opts ng_lexicon_text_opts(const ng_lexicon *lx)
{
	return (ng_text_opts){word_classes, lx};
}

const ng_entry *ng_lexicon_entry(const ng_lexicon *lx, const char *id)
{
	uintptr_t i = (uintptr_t)ng_map_get(&lx->ids, id, strlen(id));
	return i ? &lx->entries[i - 1] : NULL;
}

static int valid_id(const char *s, size_t n, int *type)
{
	const char *c = memchr(s, ':', n);
	if (!c || c == s || c + 1 == s + n)
		return 0;
	*type = ng_type_parse(s, (size_t)(c - s));
	if (*type < 0)
		return 0;
	for (const char *p = c + 1; p < s + n; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-'))
			return 0;
	return 1;
}

/* The number written by n digits at s, or -1. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int32_t ng_day_parse(const char *s, int end)
{
	size_t n = strlen(s);
	int y = digits(s, 4), m = n >= 7 ? digits(s + 5, 2) : end ? 12 : 1, d = n == 10 ? digits(s + 8, 2) : end ? 31 : 1;
	if ((n != 4 && n != 7 && n != 10) || (n > 4 && s[4] != '-') || (n > 7 && s[7] != '-'))
		return NG_DAY_NONE;
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
		return NG_DAY_NONE;
	return (int32_t)(y * 10000 + m * 100 + d);
}

static int holds(const ng_tie *t, int32_t day)
{
	return t->from <= day && day <= t->to;
}

const char *ng_entry_gov(const ng_entry *e, int32_t day)
{
	if (day == NG_DAY_NONE)
		return e->gov;
	for (size_t i = 0; i < e->nties; i++)
		if (e->ties[i].attr == NG_TIE_GOV && holds(&e->ties[i], day))
			return e->ties[i].target;
	return NULL;
}

const ng_tie *ng_entry_office(const ng_entry *e, int32_t day, int attr)
{
	for (size_t i = 0; i < e->nties; i++) {
		const ng_tie *t = &e->ties[i];
		if (t->attr != NG_TIE_GOV && (attr < 0 || t->attr == attr) && holds(t, day))
			return t;
	}
	return NULL;
}

int ng_entry_dated(const ng_entry *e)
{
	for (size_t i = 0; i < e->nties; i++)
		if (e->ties[i].dated)
			return 1;
	return 0;
}

const int *ng_lexicon_shorts(const ng_lexicon *lx, const char *norm)
{
	uintptr_t k = (uintptr_t)ng_map_get(&lx->short_ids, norm, strlen(norm));
	return k ? lx->shorts[k - 1] : NULL;
}

/* Adds entry idx to the entries a short name may be. */
static int add_short(ng_lexicon *lx, const char *form, int idx)
{
	ng_buf nb = {0};
	int rc = ng_norm_append(&nb, form, strlen(form));
	void **slot = rc || !nb.s ? NULL : ng_map_put(&lx->short_ids, nb.s, nb.len);
	ng_buf_free(&nb);
	if (!slot)
		return NG_ENOMEM;
	if (!*slot) {
		if (ng_grow((void **)&lx->shorts, &lx->cshorts, lx->nshorts + 1, sizeof *lx->shorts))
			return NG_ENOMEM;
		int *l = malloc(sizeof *l);
		if (!l)
			return NG_ENOMEM;
		l[0] = -1;
		lx->shorts[lx->nshorts++] = l;
		*slot = (void *)(uintptr_t)lx->nshorts;
	}
	int **l = &lx->shorts[(uintptr_t)*slot - 1];
	size_t n = 0;
	while ((*l)[n] >= 0)
		if ((*l)[n++] == idx)
			return 0;
	int *g = realloc(*l, (n + 2) * sizeof **l);
	if (!g)
		return NG_ENOMEM;
	g[n] = idx;
	g[n + 1] = -1;
	*l = g;
	return 0;
}

static ng_tie *add_tie(ng_entry *e, int attr, const char *target)
{
	ng_tie *t = NG_PUSH(e->ties, e->nties, e->cties);
	if (!t)
		return NULL;
	*t = (ng_tie){attr, ng_strdup(target), NULL, NG_DAY_MIN, NG_DAY_MAX, 0};
	return t->target ? t : NULL;
}

/* from=, to=, role=, short=: the attributes that qualify the tie before
 * them or the entry. Returns 1 when k is none of them. */
static int qualify(ng_lexicon *lx, ng_entry *e, int idx, const char *k, const char *v, const char *name, int line,
                   ng_error *err)
{
	ng_tie *t = e->nties ? &e->ties[e->nties - 1] : NULL;
	if (strcmp(k, "short") == 0)
		return add_short(lx, v, idx) ? ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory") : 0;
	if (strcmp(k, "role") == 0) {
		free(e->role);
		e->role = ng_strdup(v);
		if (t && t->attr != NG_TIE_GOV && !t->role)
			t->role = ng_strdup(v);
		return !e->role || (t && t->attr != NG_TIE_GOV && !t->role) ? ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory")
		                                                           : 0;
	}
	int from = strcmp(k, "from") == 0;
	if (!from && strcmp(k, "to") != 0)
		return 1;
	int32_t day = ng_day_parse(v, !from);
	if (day == NG_DAY_NONE)
		return ng_fail(err, NG_EINVAL, name, line, "%s=%s is not a date like 1989-01-20", k, v);
	int32_t *dst = t ? (from ? &t->from : &t->to) : (from ? &e->from : &e->to);
	*dst = day;
	if (t)
		t->dated = 1;
	if ((t ? t->from > t->to : e->from > e->to))
		return ng_fail(err, NG_EINVAL, name, line, "to=%s comes before from=", v);
	return 0;
}

#define MAX_FIELDS 1024

static int load_entry(ng_lexicon *lx, const char *name, int line, char **f, int nf, int type, ng_error *err)
{
	if (nf < 2 || !*f[1])
		return ng_fail(err, NG_EINVAL, name, line, "entry %s has no name", f[0]);
	void **slot = ng_map_put(&lx->ids, f[0], strlen(f[0]));
	if (!slot)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	ng_entry *e;
	if (*slot) {
		e = &lx->entries[(uintptr_t)*slot - 1];
		free_entry(e);
	} else {
		e = NG_PUSH(lx->entries, lx->nentries, lx->centries);
		if (!e)
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
		*slot = (void *)(uintptr_t)lx->nentries;
	}
	memset(e, 0, sizeof *e);
	e->from = NG_DAY_MIN;
	e->to = NG_DAY_MAX;
	int idx = (int)(e - lx->entries);
	e->id = ng_strdup(f[0]);
	e->name = ng_strdup(f[1]);
	e->type = type;
	if (!e->id || !e->name)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	int rc = add_form(lx, f[1], (ng_value){NG_V_NAME, idx, 0, 0});
	for (int i = 2; !rc && i < nf; i++) {
		char *eq = strchr(f[i], '=');
		if (!eq) {
			if (*f[i])
				rc = add_form(lx, f[i], (ng_value){NG_V_NAME, idx, 0, 0});
			continue;
		}
		*eq = 0;
		const char *k = f[i], *v = eq + 1;
		if (!*v)
			return ng_fail(err, NG_EINVAL, name, line, "attribute %s has no value", k);
		char **dst = NULL;
		if (strcmp(k, "adj") == 0) {
			rc = add_form(lx, v, (ng_value){NG_V_ADJ, idx, 0, 0});
			continue;
		}
		int q = qualify(lx, e, idx, k, v, name, line, err);
		if (q < 0)
			return q;
		if (q == 0)
			continue;
		if (strcmp(k, "gov") == 0)
			dst = &e->gov;
		else if (strcmp(k, "in") == 0)
			dst = &e->in;
		else if (strcmp(k, "part_of") == 0)
			dst = &e->part_of;
		else if (strcmp(k, "leads") == 0)
			dst = &e->leads;
		else if (strcmp(k, "works_for") == 0)
			dst = &e->works_for;
		else if (strcmp(k, "iso3166") == 0)
			dst = &e->iso3166;
		else if (strcmp(k, "wikidata") == 0)
			dst = &e->wikidata;
		else
			return ng_fail(err, NG_EINVAL, name, line, "unknown attribute '%s'", k);
		if ((dst == &e->gov || dst == &e->in || dst == &e->part_of || dst == &e->leads ||
		     dst == &e->works_for)) {
			int t;
			if (!valid_id(v, strlen(v), &t))
				return ng_fail(err, NG_EINVAL, name, line, "%s=%s is not an id like state:rus", k, v);
		}
		int attr = dst == &e->gov ? NG_TIE_GOV : dst == &e->leads ? NG_TIE_LEADS : dst == &e->works_for ? NG_TIE_WORKS_FOR : -1;
		if (attr >= 0 && !add_tie(e, attr, v))
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
		/* undated, the last office of the line holds */
		char **other = attr == NG_TIE_LEADS ? &e->works_for : attr == NG_TIE_WORKS_FOR ? &e->leads : NULL;
		if (other) {
			free(*other);
			*other = NULL;
		}
		if (dst == &e->wikidata && (v[0] != 'Q' || !isdigit((unsigned char)v[1])))
			return ng_fail(err, NG_EINVAL, name, line, "wikidata=%s is not a Q-id", v);
		free(*dst);
		if (!(*dst = ng_strdup(v)))
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	return rc ? ng_fail(err, rc, name, line, "cannot add entry %s", f[0]) : 0;
}

/* Class names as data files write them; a valued class takes CLASS=N. */
static const struct {
	const char *name;
	int valued;
} class_names[NG_W_NCLASSES] = {
	[NG_W_PERSON_CUE] = {"person-cue", 0},
	[NG_W_NOT_NAME] = {"not-name", 0},
	[NG_W_CONNECTOR] = {"connector", 0},
	[NG_W_TITLE_COMPLEMENT] = {"title-complement", 0},
	[NG_W_COMMON] = {"common", 0},
	[NG_W_GOV_TITLE] = {"gov-title", 0},
	[NG_W_MONTH] = {"month", 1},
	[NG_W_MONTH_ABBR] = {"month-abbr", 1},
	[NG_W_WEEKDAY] = {"weekday", 0},
	[NG_W_NUMBER] = {"number", 1},
	[NG_W_RELATIVE] = {"relative", 1},
	[NG_W_DAY] = {"day", 1},
	[NG_W_YEAR_PREP] = {"year-prep", 0},
	[NG_W_ORDINAL_SUFFIX] = {"ordinal-suffix", 0},
	[NG_W_CLAUSE_BREAK] = {"clause-break", 0},
	[NG_W_ABBR_TITLE] = {"abbr-title", 0},
	[NG_W_ABBR_NUMBER] = {"abbr-number", 0},
	[NG_W_ABBR_FIRM] = {"abbr-firm", 0},
	[NG_W_ABBR_SPLIT] = {"abbr-split", 0},
	[NG_W_SENTENCE_STARTER] = {"sentence-starter", 0},
	[NG_W_NAME_CONTINUES] = {"name-continues", 0},
	[NG_W_SAYING] = {"saying", 0},
	[NG_W_IS_CONTRACTION] = {"is-contraction", 0},
	[NG_W_COMPANY_NOUN] = {"company-noun", 0},
	[NG_W_FIRM_TITLE] = {"firm-title", 0},
	[NG_W_ORGANIZATION_NOUN] = {"organization-noun", 0},
	[NG_W_LOCATION_PREP] = {"location-prep", 0},
	[NG_W_MODIFIER_SUFFIX] = {"modifier-suffix", 0},
	[NG_W_PARTICLE] = {"particle", 0},
	[NG_W_DETERMINER] = {"determiner", 0},
	[NG_W_LEGAL_SUFFIX] = {"legal-suffix", 0},
	[NG_W_AGREEMENT_NOUN] = {"agreement-noun", 0},
	[NG_W_AGREEMENT_PLAIN] = {"agreement-plain", 0},
	[NG_W_AGREEMENT_ED] = {"agreement-ed", 0},
	[NG_W_AGREEMENT_MODIFIES] = {"agreement-modifies", 0},
	[NG_W_NP_STOP] = {"np-stop", 0},
	[NG_W_PROJECT_NOUN] = {"project-noun", 0},
	[NG_W_PRONOUN] = {"pronoun", 0},
	[NG_W_PRONOUN_IT] = {"pronoun-it", 0},
	[NG_W_IT_VERB] = {"it-verb", 0},
	[NG_W_BODY_NOUN] = {"body-noun", 0},
	[NG_W_PLURAL_STATE] = {"plural-state", 0},
	[NG_W_PLURAL_PERSON] = {"plural-person", 0},
	[NG_W_PLACE_PREP] = {"place-prep", 0},
	[NG_W_MOTION_VERB] = {"motion-verb", 0},
	[NG_W_TOWARD] = {"toward", 0},
	[NG_W_PLACE_NOUN] = {"place-noun", 0},
	[NG_W_ACTING_SUFFIX] = {"acting-suffix", 0},
	[NG_W_DEFINITE] = {"definite", 0},
	[NG_W_FORMER] = {"former", 0},
	[NG_W_NEGATION] = {"negation", 0},
	[NG_W_NEGATION_IDIOM] = {"negation-idiom", 0},
	[NG_W_HYPOTHETICAL] = {"hypothetical", 0},
	[NG_W_EXPECTED] = {"expected", 0},
	[NG_W_HYPOTHETICAL_CONTROL] = {"hypothetical-control", 0},
	[NG_W_REPORTING] = {"reporting", 0},
	[NG_W_SPORT] = {"sport", 0},
	[NG_W_HOME_NATION] = {"home-nation", 0},
	[NG_W_SETTLEMENT] = {"settlement", 0},
	[NG_W_GIVEN_NAME] = {"given-name", 0},
	[NG_W_PERSON_BEFORE] = {"person-before", 0},
	[NG_W_ABROAD] = {"abroad", 0},
	[NG_W_FACILITY] = {"facility", 0},
	[NG_W_GIVEN_GENDER] = {"given-gender", 1},
};

/* "month=5": the class and its value. */
static int parse_class(char *s, int *cls, int *value, const char *name, int line, ng_error *err)
{
	char *eq = strchr(s, '=');
	if (eq)
		*eq = 0;
	*cls = -1;
	for (int c = 0; c < NG_W_NCLASSES; c++)
		if (strcmp(s, class_names[c].name) == 0)
			*cls = c;
	if (*cls < 0)
		return ng_fail(err, NG_EINVAL, name, line, "unknown word class '%s'", s);
	if (!eq && class_names[*cls].valued)
		return ng_fail(err, NG_EINVAL, name, line, "class '%s' needs a value: %s=N", s, s);
	if (eq && !class_names[*cls].valued)
		return ng_fail(err, NG_EINVAL, name, line, "class '%s' takes no value", s);
	*value = 0;
	if (eq) {
		char *end;
		long v = strtol(eq + 1, &end, 10);
		if (end == eq + 1 || *end || v < -1000000 || v > 1000000)
			return ng_fail(err, NG_EINVAL, name, line, "value '%s' of class '%s' is not a whole number", eq + 1, s);
		*value = (int)v;
	}
	return 0;
}

/* Records a cue form as written (normalised) in its class: for the stages
 * that match strings, and for the text layer. A later line's value
 * replaces an earlier one's. */
static int add_cue(ng_lexicon *lx, int cls, int value, const char *form)
{
	ng_buf nb = {0};
	int rc = ng_norm_append(&nb, form, strlen(form));
	void **slot = rc ? NULL : ng_map_put(&lx->cues, nb.s, nb.len);
	ng_cue_list *l = &lx->list[cls];
	if (slot && !*slot) {
		if (ng_grow((void **)&lx->cue_class, &lx->ccues, lx->ncues + 1, sizeof *lx->cue_class))
			slot = NULL;
		else {
			lx->cue_class[lx->ncues++] = 0;
			*slot = (void *)(uintptr_t)lx->ncues;
		}
	}
	if (!slot) {
		ng_buf_free(&nb);
		return NG_ENOMEM;
	}
	ng_classes *c = &lx->cue_class[(uintptr_t)*slot - 1];
	if (*c & NG_CLASS(cls)) {
		for (size_t i = 0; i < l->n; i++)
			if (strcmp(l->form[i], nb.s) == 0)
				l->value[i] = value;
		ng_buf_free(&nb);
		return 0;
	}
	if (ng_grow((void **)&l->form, &l->cap, l->n + 2, sizeof *l->form) ||
	    ng_grow((void **)&l->value, &l->vcap, l->n + 1, sizeof *l->value)) {
		ng_buf_free(&nb);
		return NG_ENOMEM;
	}
	*c |= NG_CLASS(cls);
	unsigned char b = (unsigned char)nb.s[0];
	l->first[b >> 6] |= (uint64_t)1 << (b & 63);
	l->value[l->n] = value;
	l->form[l->n++] = nb.s; /* the list owns the normalised copy */
	l->form[l->n] = NULL;
	return 0;
}

static int load_cue(ng_lexicon *lx, const char *name, int line, char **f, int nf, ng_error *err)
{
	ng_value v = {0, -1, 0, 0};
	int forms = 0, value = 0;
	for (int i = 2; i < nf; i++)
		forms += *f[i] != 0;
	if (!forms) /* "head|company|": a form left out, not a line to skip */
		return ng_fail(err, NG_EINVAL, name, line, "'%s' line needs a class and at least one form", f[0]);
	if (strcmp(f[0], "title") == 0) {
		v.kind = NG_V_TITLE;
		v.arg = strcmp(f[1], "none") == 0 ? -1 : ng_relation_parse(f[1], strlen(f[1]));
		if (v.arg == -1 && strcmp(f[1], "none") != 0)
			return ng_fail(err, NG_EINVAL, name, line, "title relation '%s' is not leads, works_for or none", f[1]);
	} else if (strcmp(f[0], "head") == 0) {
		v.kind = NG_V_HEAD;
		v.arg = ng_type_parse(f[1], strlen(f[1]));
		if (v.arg < 0)
			return ng_fail(err, NG_EINVAL, name, line, "unknown entity type '%s'", f[1]);
	} else if (strcmp(f[0], "word") == 0) {
		v.kind = NG_V_WORD;
		int rc = parse_class(f[1], &v.arg, &value, name, line, err);
		if (rc)
			return rc;
	} else
		return ng_fail(err, NG_EINVAL, name, line,
		               "'%s' is neither an id (type:slug) nor title, head or word", f[0]);
	for (int i = 2; i < nf; i++)
		if (*f[i] && ((v.kind == NG_V_WORD && add_cue(lx, v.arg, value, f[i])) || add_form(lx, f[i], v)))
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	return 0;
}

int ng_lexicon_load(ng_lexicon *lx, const char *name, const char *data, size_t len, ng_error *err)
{
	int rc = ng_text_check(data, len, name, err);
	if (rc)
		return rc;
	int line = 0;
	ng_buf b = {0};
	for (size_t p = 0; p < len;) {
		const char *nl = memchr(data + p, '\n', len - p);
		size_t e = nl ? (size_t)(nl - data) : len;
		line++;
		b.len = 0;
		if (ng_buf_add(&b, data + p, e - p)) {
			rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
			break;
		}
		p = e + 1;
		while (b.len && isspace((unsigned char)b.s[b.len - 1]))
			b.s[--b.len] = 0;
		char *s = b.s;
		while (isspace((unsigned char)*s))
			s++;
		if (!*s || *s == '#')
			continue;
		char *f[MAX_FIELDS];
		int nf = 0;
		for (char *q = s;; q++) {
			if (nf == MAX_FIELDS) {
				rc = ng_fail(err, NG_EINVAL, name, line, "more than %d fields", MAX_FIELDS);
				break;
			}
			f[nf++] = q;
			q = strchr(q, '|');
			if (!q)
				break;
			*q = 0;
		}
		if (rc)
			break;
		for (int i = 0; i < nf; i++) {
			while (isspace((unsigned char)*f[i]))
				f[i]++;
			size_t l = strlen(f[i]);
			while (l && isspace((unsigned char)f[i][l - 1]))
				f[i][--l] = 0;
		}
		int type;
		if (strchr(f[0], ':')) {
			if (!valid_id(f[0], strlen(f[0]), &type)) {
				rc = ng_fail(err, NG_EINVAL, name, line,
				             "bad id '%s' (want type:slug with a known type and a-z, 0-9, -)", f[0]);
				break;
			}
			rc = load_entry(lx, name, line, f, nf, type, err);
		} else
			rc = load_cue(lx, name, line, f, nf, err);
		if (rc)
			break;
	}
	ng_buf_free(&b);
	return rc;
}
