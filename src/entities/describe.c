/* Entities, part 5: descriptions of a named entity, on the parse. A
 * predicate nominal ("Dvorak was a Czech composer of Romantic music") and
 * an apposition ("Temasek, Singapore's state investor, ...") are further
 * mentions of the name they describe, spanning their whole noun phrase.
 * Input: a linked doc; output: those mentions, merged into text order.
 * Only sentences where a linked name is followed by a form of "be" or a
 * comma, and then by a word that opens a noun phrase, or later by a
 * verb of a role, "as" and a determiner ("he served as a military
 * engineer"), are parsed: the
 * parse is the costly step, and one the relations made is reused. The
 * mentions come after the relations have been read, so they change no
 * relation. */
#include "entities/describe.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "entities/coref.h"
#include "syntax/conllu.h"
#include "syntax/words.h"
#include "util/util.h"

/* One parsed sentence; the arrays are resized together. */
typedef struct words {
	size_t n, cap;
	uint32_t *start, *end;
	int *upos, *head, *rel, *lo, *hi;
	const char **form;
	ng_buf text;
	size_t *ofs;
} words;

#define GROW(arr) (tmp = realloc((arr), cap * sizeof *(arr))) && ((arr) = tmp)

static int grow(words *w, size_t n)
{
	if (n <= w->cap)
		return 0;
	size_t cap = n < 64 ? 64 : 2 * n;
	void *tmp;
	if (!(GROW(w->start) && GROW(w->end) && GROW(w->upos) && GROW(w->head) && GROW(w->rel) && GROW(w->lo) &&
	      GROW(w->hi) && GROW(w->form) && GROW(w->ofs)))
		return NG_ENOMEM;
	w->cap = cap;
	return 0;
}
#undef GROW

static void words_free(words *w)
{
	free(w->start);
	free(w->end);
	free(w->upos);
	free(w->head);
	free(w->rel);
	free(w->lo);
	free(w->hi);
	free(w->form);
	free(w->ofs);
	ng_buf_free(&w->text);
}

static int in_list(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(w, *list))
			return 1;
	return 0;
}

/* BECOME: "Nida became a Christian", a predicate of a verb's xcomp */
/* AS: "he served as a military engineer", the "as" phrase of the verb
 * whose subject the name is */
enum { PREDICATE = 1, APPOSITION = 2, BECOME = 3, AS = 4 };

/* Can mention k be described by what follows it: PREDICATE after "is"
 * ("Equinor is Norway's largest company"), BECOME after "became" or
 * "remained" ("Nida became a Baptist minister") and "was elected", "was
 * named" ("she was made a Dame"), APPOSITION after a comma
 * ("Temasek, Singapore's state investor"), else 0. The next word must
 * open a noun phrase. */
static int adjacent(const ng_doc *d, const ng_ents *x, size_t k)
{
	static const char *const be[] = {"is", "was", "are", "were", NULL};
	static const char *const become[] = {"became", "becomes", "remained", "remains", NULL};
	static const char *const named[] = {"elected", "named", "appointed", "made", "crowned", "ordained", NULL};
	static const char *const adverb[] = {"also", "still", "now", "then", "once", "currently", NULL};
	static const char *const opener[] = {"a", "an", "the", "one", "his", "her", "its", "their", NULL};
	const ng_mention *m = &x->m[k];
	const ng_sentence *s = &d->sents[m->sent];
	if (m->entity < 0 || m->adj || m->plural || m->te + 1 >= s->tok_end)
		return 0;
	int t = x->e[m->entity].type;
	/* not a group: "Western countries, Russia's trade ..." is a list or
	 * the next clause more often than a description */
	if (t != NG_PERSON && t != NG_ORGANIZATION && t != NG_COMPANY && t != NG_LOCATION && t != NG_STATE)
		return 0;
	uint32_t n = m->te;
	/* "Jeanne Moreau (French pronunciation: ...; 1928 - 2017) was" */
	for (int depth = 0; n < s->tok_end && (depth || !strcmp(ng_tok_norm(d, &d->toks[n]), "(")); n++) {
		const char *p = ng_tok_norm(d, &d->toks[n]);
		depth += !strcmp(p, "(") - !strcmp(p, ")");
	}
	if (n + 1 >= s->tok_end)
		return 0;
	const char *w = ng_tok_norm(d, &d->toks[n++]);
	int kind = !strcmp(w, ",") ? APPOSITION : in_list(w, be) ? PREDICATE : in_list(w, become) ? BECOME : 0;
	if (kind != APPOSITION && n + 1 < s->tok_end && in_list(ng_tok_norm(d, &d->toks[n]), adverb))
		n++;
	/* "he was elected a Fellow of the Royal Society": as "became" */
	if (kind == PREDICATE && n + 1 < s->tok_end && in_list(ng_tok_norm(d, &d->toks[n]), named)) {
		kind = BECOME;
		n++;
	}
	if (!kind)
		return 0;
	if (in_list(ng_tok_norm(d, &d->toks[n]), opener))
		return kind;
	/* "Norway's largest company": a name with a possessive opens it too */
	for (size_t j = k + 1; j < x->n && x->m[j].tb <= n; j++)
		if (x->m[j].tb == n && x->m[j].te < s->tok_end && (d->toks[x->m[j].te].flags & NG_TOK_POSS))
			return kind;
	return 0;
}

/* The kind of description that may follow mention k: one next to it
 * (see adjacent), else AS when a verb of a role, "as" and a word that
 * opens a noun phrase follow it in its sentence; 0 when none. */
static int trigger(const ng_doc *d, const ng_ents *x, size_t k)
{
	static const char *const opener[] = {"a", "an", "the", "one", NULL};
	int kind = adjacent(d, x, k);
	const ng_mention *m = &x->m[k];
	if (kind || m->entity < 0 || m->adj || m->plural)
		return kind;
	int type = x->e[m->entity].type;
	if (type != NG_PERSON && type != NG_ORGANIZATION && type != NG_COMPANY && type != NG_LOCATION && type != NG_STATE)
		return 0;
	const ng_sentence *s = &d->sents[m->sent];
	/* after a verb of a role: "served as", "was known as", "works as";
	 * not "as the market fell", "such as" */
	static const char *const role_verb[] = {"serves", "serving", "works", "working", "acts", "acting", "known", NULL};
	for (uint32_t t = m->te + 1; t + 1 < s->tok_end; t++) {
		if (strcmp(ng_tok_norm(d, &d->toks[t]), "as") || !in_list(ng_tok_norm(d, &d->toks[t + 1]), opener))
			continue;
		const char *v = ng_tok_norm(d, &d->toks[t - 1]);
		size_t n = strlen(v);
		if ((n > 3 && !strcmp(v + n - 2, "ed")) || in_list(v, role_verb))
			return AS;
	}
	return 0;
}

/* Cuts sentence si into words as the treebanks cut them, then tags and
 * parses it; lo and hi get each word's subtree's first and last word. */
static int parse_sentence(ng_parse_cache *pc, const ng_doc *d, uint32_t si, words *w, ng_error *err)
{
	const ng_sentence *s = &d->sents[si];
	size_t ends[NG_WORDS_MAX];
	w->n = w->text.len = 0;
	for (uint32_t t = s->tok_begin; t < s->tok_end; t++) {
		const ng_token *tk = &d->toks[t];
		size_t k = ng_words_cut(d->text + tk->start, tk->end - tk->start, ends);
		for (size_t j = 0; j < k; j++) {
			uint32_t a = tk->start + (j ? (uint32_t)ends[j - 1] : 0), b = tk->start + (uint32_t)ends[j];
			if (grow(w, w->n + 1) || ng_buf_add(&w->text, d->text + a, b - a) || ng_buf_addc(&w->text, 0))
				return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
			w->start[w->n] = a;
			w->end[w->n] = b;
			w->ofs[w->n++] = w->text.len - (b - a) - 1;
		}
	}
	if (w->n > NG_PARSE_MAX_WORDS)
		return 0; /* the relations report it; here it only means no descriptions */
	for (size_t i = 0; i < w->n; i++)
		w->form[i] = w->text.s + w->ofs[i];
	int rc = ng_parse_cache_get(pc, si, w->form, w->n, w->upos, w->head, w->rel, err);
	for (size_t i = 0; !rc && i < w->n; i++) {
		w->head[i]--; /* 0-based, the root -1 */
		w->lo[i] = w->hi[i] = (int)i;
	}
	/* each word widens the subtree of every word above it; the depth
	 * bound guards against a cycle */
	for (size_t i = 0; !rc && i < w->n; i++)
		for (int h = w->head[i], depth = 0; h >= 0 && depth < (int)w->n; h = w->head[h], depth++) {
			if ((int)i < w->lo[h])
				w->lo[h] = (int)i;
			if ((int)i > w->hi[h])
				w->hi[h] = (int)i;
		}
	return rc;
}

static int rel_is(const ng_parser *ps, int rel, const char *want)
{
	const char *r = ng_parser_deprel_name(ps, rel);
	size_t n = strlen(want);
	return !strncmp(r, want, n) && (r[n] == 0 || r[n] == ':');
}

/* Is a dependent of relation rel part of the noun phrase of its head? Not
 * the subject, the copula or what belongs to the clause around it; an
 * adjective's oblique is its own ("the youngest of five children"). */
static int in_phrase(const ng_parser *ps, int rel, int adj)
{
	static const char *const keep[] = {"det", "amod", "compound", "nmod", "acl", "nummod", "flat", "fixed",
	                                   "appos", "case", "conj", "cc", NULL};
	for (int k = 0; keep[k]; k++)
		if (rel_is(ps, rel, keep[k]))
			return 1;
	return adj && rel_is(ps, rel, "obl");
}

/* Is word c a conjunct that is no noun or one with a clause of its own
 * ("one of the first opponents of the war, and is a self-described
 * socialist")? "a French actress, singer and director" is one phrase. */
static int clause_conj(const ng_parser *ps, const words *w, int c)
{
	if (!rel_is(ps, w->rel[c], "conj"))
		return 0;
	if (w->upos[c] != NG_NOUN && w->upos[c] != NG_PROPN)
		return 1;
	for (size_t k = 0; k < w->n; k++)
		if (w->head[k] == c && (rel_is(ps, w->rel[k], "cop") || rel_is(ps, w->rel[k], "nsubj")))
			return 1;
	return 0;
}

/* Is word c a conjunct of a phrase of its own: a noun with its own
 * determiner or a proper noun ("Poland's third city and the capital of
 * its province", "a linguist and Professor of Linguistics"), where "a
 * French actress, singer and director" share one? */
static int own_conj(const ng_parser *ps, const words *w, int c)
{
	if (!rel_is(ps, w->rel[c], "conj") || clause_conj(ps, w, c))
		return 0;
	if (w->upos[c] == NG_PROPN)
		return 1;
	for (size_t k = 0; k < (size_t)c; k++)
		if (w->head[k] == c && (rel_is(ps, w->rel[k], "det") || rel_is(ps, w->rel[k], "nmod:poss")))
			return 1;
	return 0;
}

enum { BARE = 1, ONE = 2 };

/* The words [*a, *b] of the noun phrase headed by word p; with BARE,
 * without the "and" or "as" before it; with ONE, without the conjuncts
 * of a phrase of their own. */
static void phrase(const ng_parser *ps, const words *w, int p, int bare, int *a, int *b)
{
	*a = *b = p;
	for (size_t c = 0; c < w->n; c++)
		if (w->head[c] == p && in_phrase(ps, w->rel[c], w->upos[p] == NG_ADJ) && !clause_conj(ps, w, (int)c) &&
		    !((bare & BARE) && (rel_is(ps, w->rel[c], "cc") || rel_is(ps, w->rel[c], "case"))) &&
		    !((bare & ONE) && own_conj(ps, w, (int)c))) {
			if (w->lo[c] < *a)
				*a = w->lo[c];
			if (w->hi[c] > *b)
				*b = w->hi[c];
		}
	while (*b > *a && w->upos[*b] == NG_PUNCT)
		(*b)--;
	while (*a < *b && w->upos[*a] == NG_PUNCT)
		(*a)++;
}

/* The head of mention m: its word whose head is outside it, or -1. */
static int mention_head(const words *w, const ng_mention *m)
{
	for (size_t i = 0; i < w->n; i++)
		if (w->start[i] >= m->start && w->end[i] <= m->end &&
		    (w->head[i] < 0 || w->start[w->head[i]] < m->start || w->end[w->head[i]] > m->end))
			return (int)i;
	return -1;
}

/* Has word p a determiner: "the youngest", "a contemporary" are nouns. */
static int has_det(const ng_parser *ps, const words *w, int p)
{
	for (size_t c = 0; c < w->n; c++)
		if (w->head[c] == p && rel_is(ps, w->rel[c], "det"))
			return 1;
	return 0;
}

/* Can word p head a description: a noun, or an adjective with a
 * determiner. */
static int nominal(const ng_parser *ps, const words *w, int p)
{
	return w->upos[p] == NG_NOUN || w->upos[p] == NG_PROPN || w->upos[p] == NG_PRON || w->upos[p] == NG_NUM ||
	       (w->upos[p] == NG_ADJ && has_det(ps, w, p));
}

/* "Isfahan is a city in central Iran and is the capital of its
 * province": a conjunct of predicate p with a copula and no subject of
 * its own is a further predicate of the same subject; the next after c,
 * or -1. */
static int next_predicate(const ng_parser *ps, const words *w, int p, int c)
{
	for (c++; c < (int)w->n; c++) {
		if (w->head[c] != p || !rel_is(ps, w->rel[c], "conj") || !nominal(ps, w, c))
			continue;
		int cop = 0, subj = 0;
		for (size_t k = 0; k < w->n; k++)
			if (w->head[k] == c) {
				cop |= rel_is(ps, w->rel[k], "cop");
				subj |= rel_is(ps, w->rel[k], "nsubj");
			}
		if (cop && !subj)
			return c;
	}
	return -1;
}

/* The "as" phrase of verb v or of a verb joined to it with no subject of
 * its own ("arrived in 1777 and served as a military engineer"); its
 * head, or -1. Not of a verb with an object: in "sees the plan as a
 * threat" the phrase is the object's. */
static int as_phrase(const ng_parser *ps, const words *w, int v)
{
	for (size_t c = (size_t)v + 1; c < w->n; c++) {
		int u = w->head[c];
		if (u < 0 || (u != v && !(w->head[u] == v && rel_is(ps, w->rel[u], "conj"))) || w->upos[u] != NG_VERB)
			continue;
		int as = 0, obj = 0;
		for (size_t k = 0; k < w->n; k++) {
			if (w->head[k] == (int)c && rel_is(ps, w->rel[k], "case") && !strcasecmp(w->form[k], "as"))
				as = 1;
			if (w->head[k] == u && (rel_is(ps, w->rel[k], "obj") || (u != v && rel_is(ps, w->rel[k], "nsubj"))))
				obj = 1;
		}
		if (as && !obj)
			return (int)c;
	}
	return -1;
}

/* The description of mention k as words [*a, *b]: 1, or 0 when the parse
 * does not confirm it. */
static int description(const ng_parser *ps, const words *w, const ng_mention *m, int kind, int *head, int *a,
                       int *b)
{
	int h = mention_head(w, m);
	if (h < 0)
		return 0;
	int p = -1;
	/* "Jens Otto Harry Jespersen or Otto Jespersen (...) was": the first
	 * conjunct is the subject */
	while (kind == PREDICATE && rel_is(ps, w->rel[h], "conj") && w->head[h] >= 0 && w->head[h] < h)
		h = w->head[h];
	if (kind == PREDICATE && rel_is(ps, w->rel[h], "nsubj") && w->head[h] > h) {
		p = w->head[h];
		int cop = 0;
		for (size_t c = 0; c < w->n && !cop; c++)
			cop = w->head[c] == p && rel_is(ps, w->rel[c], "cop");
		if (!cop)
			p = -1;
	}
	for (size_t c = (size_t)h + 1; kind == APPOSITION && c < w->n && p < 0; c++)
		if (w->head[c] == h && rel_is(ps, w->rel[c], "appos"))
			p = (int)c;
	if (kind == BECOME && rel_is(ps, w->rel[h], "nsubj") && w->head[h] > h)
		for (size_t c = (size_t)w->head[h] + 1; c < w->n && p < 0; c++)
			if (w->head[c] == w->head[h] && rel_is(ps, w->rel[c], "xcomp"))
				p = (int)c;
	/* the name is the whole subject: in "the Russia-Ukraine war is seen
	 * as ..." the parse may make "Russia" the subject */
	if (kind == AS && rel_is(ps, w->rel[h], "nsubj") && w->head[h] > h && w->end[w->hi[h]] <= m->end)
		p = as_phrase(ps, w, w->head[h]);
	if (p < 0 || !nominal(ps, w, p))
		return 0;
	phrase(ps, w, p, kind == AS ? BARE : 0, a, b);
	*head = p;
	/* an apposition closes with a comma or the sentence: in "under the
	 * sanctions of Western countries, Russia's trade with China highlights
	 * ..." the phrase after the comma is the next clause's subject */
	if (kind == APPOSITION && *b + 1 < (int)w->n && w->upos[*b + 1] != NG_PUNCT)
		return 0;
	if (*a <= h)
		return 0;
	phrase(ps, w, p, (kind == AS ? BARE : 0) | ONE, a, b);
	return 1;
}

/* The token that holds byte `at`, in sentence s. */
static uint32_t token_at(const ng_doc *d, const ng_sentence *s, uint32_t at)
{
	uint32_t t = s->tok_begin;
	while (t + 1 < s->tok_end && d->toks[t].end <= at)
		t++;
	return t;
}

static int add_description(const ng_doc *d, ng_ents *x, size_t k, int kind, const words *w, int a, int b)
{
	const ng_mention *ante = &x->m[k];
	const ng_sentence *s = &d->sents[ante->sent];
	ng_mention *m = NG_PUSH(x->m, x->n, x->cap);
	if (!m)
		return NG_ENOMEM;
	ante = &x->m[k];
	memset(m, 0, sizeof *m);
	m->start = w->start[a];
	m->end = w->end[b];
	m->tb = token_at(d, s, m->start);
	m->te = token_at(d, s, m->end - 1) + 1;
	m->sent = ante->sent;
	m->type = x->e[ante->entity].type;
	m->kind = NG_NOMINAL;
	m->entry = m->title_rel = m->title_of = m->title_of2 = m->entity2 = -1;
	m->entity = ante->entity;
	m->pass = kind == APPOSITION ? NG_PASS_APPOSITION : NG_PASS_PREDICATE;
	m->ante = (int)k;
	return 0;
}

/* What a description "a son of Johann Bernoulli" tells: child's
 * parent, from sentence sent on. */
typedef struct kin {
	int child, parent;
	uint32_t sent;
} kin;

enum { KIN_MAX = 8 };

/* Description p of mention k is "a son of" or "the daughter of" a person
 * named in the text: that person's entity, or -1. */
static int parent_of(const ng_parser *ps, const words *w, const ng_ents *x, int p)
{
	static const char *const child[] = {"son", "daughter", "child", NULL};
	if (!in_list(w->form[p], child))
		return -1;
	for (size_t c = (size_t)p + 1; c < w->n; c++) {
		if (w->head[c] != p || !rel_is(ps, w->rel[c], "nmod"))
			continue;
		for (size_t j = 0; j < x->n; j++)
			if (x->m[j].kind == NG_NAME && x->m[j].entity >= 0 && x->e[x->m[j].entity].type == NG_PERSON &&
			    x->m[j].start <= w->start[c] && w->end[c] <= x->m[j].end)
				return x->m[j].entity;
	}
	return -1;
}

/* "his father", "her mother" after "a son of Johann Bernoulli": when the
 * possessive is the child's, the parent, if the parent's gender (from a
 * title or a pronoun that took the parent) is the kin word's: the text
 * names one parent, and the other is no one in it. */
static int kin_nominals(const ng_doc *d, ng_ents *x, size_t n0, const kin *kn, size_t nk)
{
	for (size_t k = 0; k < n0 && nk; k++) {
		const ng_mention *m = &x->m[k];
		if (m->kind != NG_PRONOUN || m->entity < 0 || m->te >= d->sents[m->sent].tok_end)
			continue;
		const char *pron = ng_tok_norm(d, &d->toks[m->tb]), *w = ng_tok_norm(d, &d->toks[m->te]);
		int g = !strcmp(w, "father") ? 1 : !strcmp(w, "mother") ? 2 : 0;
		if (!g || (strcmp(pron, "his") && strcmp(pron, "her")))
			continue;
		int parent = -1;
		for (size_t j = 0; j < nk; j++)
			if (kn[j].child == m->entity && kn[j].sent <= m->sent)
				parent = kn[j].parent;
		if (parent < 0 || x->e[parent].gender != g)
			continue;
		ng_mention *a = NG_PUSH(x->m, x->n, x->cap);
		if (!a)
			return NG_ENOMEM;
		m = &x->m[k];
		*a = (ng_mention){.start = m->start, .end = d->toks[m->te].end, .tb = m->tb, .te = m->te + 1,
		                  .sent = m->sent, .type = NG_PERSON, .kind = NG_NOMINAL, .entry = -1, .title_rel = -1,
		                  .title_of = -1, .title_of2 = -1, .entity2 = -1, .entity = parent, .pass = NG_PASS_ROLE,
		                  .ante = -1};
	}
	return 0;
}

/* The name mention that starts at token t, from mention j on (mentions
 * are in text order), or -1. */
static int name_at(const ng_ents *x, size_t j, uint32_t t)
{
	for (; j < x->n && x->m[j].tb <= t; j++)
		if (x->m[j].tb == t && x->m[j].kind == NG_NAME && x->m[j].entity >= 0 && !x->m[j].adj)
			return (int)j;
	return -1;
}

/* "Exeter, Devon", "Basel, in Switzerland", "Trinity College,
 * Cambridge": a place or body located by the state or place named after
 * its comma is one mention of it to the locating name's end. Not a list:
 * a state is no place of another ("France, Germany"), and "Austin,
 * Dallas and Houston" goes on with "and" or another name. */
static int located(const ng_doc *d, ng_ents *x, size_t n0)
{
	for (size_t k = 0; k < n0; k++) {
		const ng_mention *m = &x->m[k];
		const ng_sentence *s = &d->sents[m->sent];
		if (m->kind != NG_NAME || m->entity < 0 || m->adj || m->te + 2 >= s->tok_end ||
		    strcmp(ng_tok_norm(d, &d->toks[m->te]), ","))
			continue;
		int t = x->e[m->entity].type;
		if (t != NG_LOCATION && t != NG_ORGANIZATION && t != NG_COMPANY)
			continue;
		uint32_t b = m->te + 1 + !strcmp(ng_tok_norm(d, &d->toks[m->te + 1]), "in");
		int j = name_at(x, k + 1, b);
		if (j < 0 || x->m[j].entity == m->entity ||
		    (x->e[x->m[j].entity].type != NG_STATE && x->e[x->m[j].entity].type != NG_LOCATION))
			continue;
		uint32_t e = x->m[j].te;
		if (e < s->tok_end) {
			const char *w = ng_tok_norm(d, &d->toks[e]);
			if (!strcmp(w, "and") || !strcmp(w, "or") || (d->toks[e].flags & NG_TOK_POSS) ||
			    (!strcmp(w, ",") && e + 1 < s->tok_end &&
			     ((d->toks[e + 1].flags & NG_TOK_CAP) || !strcmp(ng_tok_norm(d, &d->toks[e + 1]), "and") ||
			      !strcmp(ng_tok_norm(d, &d->toks[e + 1]), "or"))))
				continue;
		}
		ng_mention *a = NG_PUSH(x->m, x->n, x->cap);
		if (!a)
			return NG_ENOMEM;
		m = &x->m[k];
		*a = (ng_mention){.start = m->start, .end = x->m[j].end, .tb = m->tb, .te = e, .sent = m->sent,
		                  .type = x->e[m->entity].type, .kind = NG_NOMINAL, .entry = -1, .title_rel = -1,
		                  .title_of = -1, .title_of2 = -1, .entity2 = -1, .entity = m->entity,
		                  .pass = NG_PASS_APPOSITION, .ante = (int)k};
	}
	return 0;
}

static int cmp_mention(const void *a, const void *b)
{
	const ng_mention *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* Merges the mentions [n0, n) into the text order of [0, n0), and points
 * the links between mentions at their new places. */
static int merge(ng_ents *x, size_t n0)
{
	ng_mention *out = malloc((x->n + 1) * sizeof *out);
	int *pos = malloc((x->n + 1) * sizeof *pos);
	if (!out || !pos) {
		free(out);
		free(pos);
		return NG_ENOMEM;
	}
	ng_sort(x->m + n0, x->n - n0, sizeof *x->m, cmp_mention);
	for (size_t i = 0, j = n0, k = 0; k < x->n; k++) {
		size_t from = j < x->n && (i == n0 || cmp_mention(&x->m[j], &x->m[i]) < 0) ? j++ : i++;
		out[k] = x->m[from];
		pos[from] = (int)k;
	}
	for (size_t k = 0; k < x->n; k++) {
		ng_mention *m = &out[k];
		if (m->ante >= 0)
			m->ante = pos[m->ante];
		if (m->title_of >= 0)
			m->title_of = pos[m->title_of];
		if (m->title_of2 >= 0)
			m->title_of2 = pos[m->title_of2];
	}
	free(x->m);
	free(pos);
	x->m = out;
	x->cap = x->n + 1;
	return 0;
}

int ng_describe(ng_parse_cache *pc, const ng_doc *d, ng_ents *x, ng_error *err)
{
	const ng_parser *ps = ng_parse_cache_parser(pc);
	words w = {0};
	kin kn[KIN_MAX];
	size_t n0 = x->n, nk = 0;
	int rc = 0;
	for (size_t k = 0; k < n0 && !rc;) {
		size_t end = k;
		int any = 0;
		while (end < n0 && x->m[end].sent == x->m[k].sent)
			any |= trigger(d, x, end++);
		if (any)
			rc = parse_sentence(pc, d, x->m[k].sent, &w, err);
		for (size_t i = k; any && !rc && i < end; i++) {
			int kind = trigger(d, x, i), p, a, b;
			if (!kind || w.n > NG_PARSE_MAX_WORDS || !description(ps, &w, &x->m[i], kind, &p, &a, &b))
				continue;
			rc = add_description(d, x, i, kind, &w, a, b);
			for (size_t c = (size_t)p + 1; c < w.n && !rc; c++)
				if (w.head[c] == p && own_conj(ps, &w, (int)c)) {
					phrase(ps, &w, (int)c, BARE, &a, &b);
					rc = add_description(d, x, i, kind, &w, a, b);
				}
			for (int c = kind == APPOSITION ? -1 : next_predicate(ps, &w, p, p); c >= 0 && !rc;
			     c = next_predicate(ps, &w, p, c)) {
				phrase(ps, &w, c, BARE, &a, &b);
				rc = add_description(d, x, i, kind, &w, a, b);
			}
			if (rc)
				rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
			else if (nk < KIN_MAX && (kn[nk].parent = parent_of(ps, &w, x, p)) >= 0 &&
			         kn[nk].parent != x->m[i].entity) {
				kn[nk].child = x->m[i].entity;
				kn[nk++].sent = x->m[i].sent;
			}
		}
		k = end;
	}
	words_free(&w);
	if (!rc && (located(d, x, n0) || kin_nominals(d, x, n0, kn, nk)))
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	if (!rc && x->n > n0 && merge(x, n0))
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	return rc;
}
