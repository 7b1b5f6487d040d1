/* Entities, part 2: mentions. Input: a tokenised doc and the lexicon.
 * Output: mentions with exact byte spans and a type, found by knowledge-base
 * matching (one trie walk per token) and by the shape of names not in it:
 * titles before people, head words of organizations, companies and
 * agreements, quoted names, pronouns and plural nominals ("the two sides").
 * A name that no cue types is a person's until the statistical typer
 * (typer.h) is sure it names a place or an organization.
 * Headlines and text in capitals only get knowledge-base matches. */
#include "entities/ner.h"
#include "entities/names.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "text/utf8.h"

typedef struct ctx {
	const ng_lexicon *lx;
	const ng_typer *ty;
	const ng_doc *d;
	ng_ents *out;
	const ng_sentence *s;
	uint32_t si;
	int work; /* inside a work's title ("in The Sopranos"): no unknown person */
} ctx;

static const char *norm(const ctx *c, size_t i)
{
	return ng_tok_norm(c->d, &c->d->toks[i]);
}

static int is_name_tok(const ctx *c, size_t i)
{
	uint16_t f = c->d->toks[i].flags;
	const char *tx = c->d->text + c->d->toks[i].start;
	if ((f & NG_TOK_HYPHEN) && !(f & NG_TOK_CAP) &&
	    ((tx[0] == 'a' && tx[1] == 'l' && tx[2] == '-' && isupper((unsigned char)tx[3])) ||
	     (tx[0] == 'e' && tx[1] == 'l' && tx[2] == '-' && isupper((unsigned char)tx[3]))))
		return 1;
	if (!((f & (NG_TOK_WORD | NG_TOK_NUM)) && (f & (NG_TOK_CAP | NG_TOK_UPPER))))
		return 0;
	/* "I'm", "I've": a pronoun the token keeps with its contraction */
	if (norm(c, i)[0] == 'i' && norm(c, i)[1] == '\'')
		return 0;
	/* "It's", "That's": a word and its "is" (a possessive is split off) */
	const char *w = norm(c, i);
	size_t l = strlen(w);
	char stem[16];
	if (l > 2 && l - 2 < sizeof stem && w[l - 2] == '\'' && w[l - 1] == 's') {
		memcpy(stem, w, l - 2);
		stem[l - 2] = '\0';
		if (ng_lexicon_is(c->lx, stem, NG_W_IS_CONTRACTION))
			return 0;
	}
	if (f & NG_TOK_HYPHEN) {
		/* "Lisbon-based", "Chinese-made", "US-led" describe, they do not name */
		const char *w = norm(c, i);
		size_t l = strlen(w);
		for (const char *const *t = ng_lexicon_forms(c->lx, NG_W_MODIFIER_SUFFIX); *t; t++) {
			size_t tl = strlen(*t);
			if (l > tl && strcmp(w + l - tl, *t) == 0)
				return 0;
		}
	}
	return 1;
}

static int is_word(const ctx *c, size_t i, const char *w)
{
	const char *n = norm(c, i);
	return *n == *w && strcmp(n, w) == 0;
}

/* Does value v accept the text at token i? Acronyms need capitals; other
 * names a capital first letter, unless written in lower case. */
static int accepts(const ctx *c, const ng_value *v, size_t i)
{
	const ng_token *t = &c->d->toks[i];
	if (v->acronym) {
		if (!(t->flags & NG_TOK_UPPER))
			return 0;
		/* In text all in capitals, a short acronym may be a plain word. */
		if (c->s->caps && (strlen(ng_tok_norm(c->d, t)) <= 3 && !(t->flags & NG_TOK_DOTTED)) &&
		    ng_lexicon_in_wid(c->lx, c->d->wid[i], NG_NOT_NAME))
			return 0;
		return 1;
	}
	if (v->lower)
		return 1;
	return (t->flags & (NG_TOK_CAP | NG_TOK_UPPER)) != 0;
}

/* Longest match at i within [i, end) that has a value of kind `kind`
 * accepted at i; fills *val. Returns the token count or 0. */
static size_t match_kind(const ctx *c, size_t i, size_t end, int kind, int kind2, ng_value *val)
{
	uint32_t node = 0;
	size_t best = 0;
	for (size_t j = i; j < end; j++) {
		node = ng_lexicon_next(c->lx, node, c->d->wid[j]);
		if (!node)
			break;
		if (!(c->lx->kinds[node] & (1u << kind | 1u << kind2)))
			continue;
		int32_t it = -2;
		for (const ng_value *v; (v = ng_lexicon_values(c->lx, node, &it));) {
			if ((v->kind == kind || v->kind == kind2) && accepts(c, v, i)) {
				best = j - i + 1;
				*val = *v;
				break;
			}
		}
	}
	return best;
}

static ng_mention *add(ctx *c, size_t tb, size_t te, int type, int kind)
{
	ng_mention *m = NG_PUSH(c->out->m, c->out->n, c->out->cap);
	if (!m)
		return NULL;
	memset(m, 0, sizeof *m);
	m->tb = (uint32_t)tb;
	m->te = (uint32_t)te;
	m->start = c->d->toks[tb].start;
	m->end = c->d->toks[te - 1].end;
	m->sent = c->si;
	m->type = type;
	m->kind = kind;
	m->entry = -1;
	m->title_rel = -1;
	m->title_of = m->title_of2 = -1;
	m->entity = m->entity2 = -1;
	return m;
}

static ng_mention *add_kb(ctx *c, size_t tb, size_t te, const ng_value *v)
{
	const ng_entry *e = &c->lx->entries[v->entry];
	ng_mention *m = add(c, tb, te, e->type, NG_NAME);
	if (m) {
		m->entry = v->entry;
		m->adj = v->kind == NG_V_ADJ;
		m->metonym = e->gov != NULL;
	}
	return m;
}

static int is_particle(const ctx *c, size_t i);

/* "Russia-Ukraine", "Chinese-made", "pro-Western": known names inside a
 * hyphenated token become mentions of their own. Returns how many. */
static int hyphen_parts(ctx *c, size_t i, int *rc)
{
	const ng_token *t = &c->d->toks[i];
	if (!(t->flags & NG_TOK_HYPHEN))
		return 0;
	const char *txt = c->d->text;
	int found = 0;
	uint32_t p = t->start;
	while (p < t->end) {
		uint32_t e = p;
		while (e < t->end && txt[e] != '-')
			e++;
		ng_buf part = {0};
		if (ng_norm_append(&part, txt + p, e - p) || !part.s) {
			ng_buf_free(&part);
			*rc = NG_ENOMEM;
			return found;
		}
		uint32_t node = ng_lexicon_step(c->lx, 0, part.s);
		ng_buf_free(&part);
		int32_t it = -2;
		const ng_value *v;
		int upper = txt[p] >= 'A' && txt[p] <= 'Z';
		while (node && upper && (v = ng_lexicon_values(c->lx, node, &it))) {
			if (v->kind != NG_V_NAME && v->kind != NG_V_ADJ)
				continue;
			int caps = 1;
			for (uint32_t k = p; k < e; k++)
				caps &= !(txt[k] >= 'a' && txt[k] <= 'z');
			if (v->acronym && !caps)
				continue;
			ng_mention *m = add_kb(c, i, i + 1, v);
			if (!m) {
				*rc = NG_ENOMEM;
				return found;
			}
			m->start = p;
			m->end = e;
			found++;
			break;
		}
		p = e + 1;
	}
	return found;
}

/* Is token i of class cls? */
static int is(const ctx *c, size_t i, int cls)
{
	return ng_lexicon_is_wid(c->lx, c->d->wid[i], cls);
}

/* The type an unknown name takes from a company or organization noun
 * beside it or a location preposition before it: "steel producer
 * Krivorizhstal", "the Guoji Shangbao newspaper", "at Gleneagles". */
static int noun_type(const ctx *c, size_t a, size_t b)
{
	const ng_sentence *s = c->s;
	int has_prev = a > s->tok_begin, has_next = b < s->tok_end;
	const char *next = has_next ? norm(c, b) : "";
	if ((has_prev && is(c, a - 1, NG_W_COMPANY_NOUN)) || (has_next && is(c, b, NG_W_COMPANY_NOUN)))
		return NG_COMPANY;
	/* "deputy chairman of Highland Gold", "Highland Gold chairman",
	 * "Highland Gold's chairman" (not "Mark Lee's owner") */
	if ((a >= s->tok_begin + 2 && is_word(c, a - 1, "of") && is(c, a - 2, NG_W_FIRM_TITLE)) ||
	    (has_next && is(c, b, NG_W_FIRM_TITLE)) ||
	    (b + 1 < s->tok_end && (c->d->toks[b].flags & NG_TOK_POSS) && is(c, b + 1, NG_W_FIRM_TITLE) &&
	     !is(c, a, NG_W_GIVEN_NAME)))
		return NG_COMPANY;
	if ((has_prev && is(c, a - 1, NG_W_ORGANIZATION_NOUN)) || (has_next && is(c, b, NG_W_ORGANIZATION_NOUN)))
		return NG_ORGANIZATION;
	/* "at Gleneagles", not "at Sohn's home" (the possessor of a place;
	 * "in Zorbak's square" stays a place) */
	if (has_prev && is(c, a - 1, NG_W_LOCATION_PREP) &&
	    !(is_word(c, a - 1, "at") && has_next && (c->d->toks[b].flags & NG_TOK_POSS)))
		return NG_LOCATION;
	/* "the town of Tavildara", "the mayor of Tavildara", "goes to Nablus" */
	if (a >= s->tok_begin + 2 &&
	    ((is_word(c, a - 1, "of") && (is(c, a - 2, NG_W_SETTLEMENT) || is_word(c, a - 2, "mayor"))) ||
	     (is(c, a - 1, NG_W_TOWARD) && is(c, a - 2, NG_W_MOTION_VERB))))
		return NG_LOCATION;
	/* "El Paso, Texas", "Dalian, China": a place before its state or region */
	ng_value v;
	size_t L = !strcmp(next, ",") && b + 1 < s->tok_end ? match_kind(c, b + 1, s->tok_end, NG_V_NAME, NG_V_NAME, &v) : 0;
	int place = L && (c->lx->entries[v.entry].type == NG_STATE || c->lx->entries[v.entry].type == NG_LOCATION);
	if (place && (b + 1 + L == s->tok_end || ((c->d->toks[b + 1 + L].flags & NG_TOK_PUNCT) &&
	                                          !(c->d->toks[b + 1 + L].flags & NG_TOK_POSS))))
		return NG_LOCATION;
	/* "Gyumri, Armenia's second-largest city": an apposition calls it a
	 * town or the capital of a known place */
	if (place && b + 1 + L < s->tok_end && (c->d->toks[b + 1 + L].flags & NG_TOK_POSS))
		for (size_t k = b + 2 + L; k < s->tok_end && k <= b + 4 + L; k++)
			if (is(c, k, NG_W_SETTLEMENT) || is_word(c, k, "capital"))
				return NG_LOCATION;
	return -1;
}

/* "Winter, 53,": an age in commas after the name ending before b */
static int age_after(const ctx *c, size_t b)
{
	if (b + 2 >= c->s->tok_end || !is_word(c, b, ",") || !is_word(c, b + 2, ","))
		return 0;
	const char *w = norm(c, b + 1);
	size_t n = strspn(w, "0123456789");
	return n >= 1 && n <= 3 && !w[n];
}

static int person_cue(const ctx *c, size_t a, size_t b)
{
	const ng_sentence *s = c->s;
	if (a > s->tok_begin && (is_word(c, a - 1, "said") || is_word(c, a - 1, "says") || is(c, a - 1, NG_W_PERSON_BEFORE)))
		return 1;
	/* "Guy Forget ( France ) beat": a name with its country in results */
	ng_value v;
	size_t L = b + 2 < s->tok_end && is_word(c, b, "(") ? match_kind(c, b + 1, s->tok_end, NG_V_NAME, NG_V_NAME, &v) : 0;
	if (L && b + 1 + L < s->tok_end && is_word(c, b + 1 + L, ")") && c->lx->entries[v.entry].type == NG_STATE)
		return 1;
	if (age_after(c, b))
		return 1;
	if (a == s->tok_begin || b - a < 2)
		return 0; /* "Observers say": a plain word opening a sentence */
	size_t k = b < s->tok_end && is_word(c, b, ",") ? b + 1 : b;
	return k < s->tok_end && ng_lexicon_is_wid(c->lx, c->d->wid[k], NG_W_PERSON_CUE);
}

/* "International Finance Facility (IFF)": capitalised words that an
 * acronym in parentheses right after them spells are a name. */
static int spelt_by_acronym(const ctx *c, size_t a, size_t b)
{
	if (b + 2 >= c->s->tok_end || !is_word(c, b, "(") || !is_word(c, b + 2, ")") ||
	    !(c->d->toks[b + 1].flags & NG_TOK_UPPER) || b - a < 2)
		return 0;
	const char *acr = norm(c, b + 1);
	size_t n = 0;
	for (size_t k = a; k < b; k++) {
		if (!(c->d->toks[k].flags & NG_TOK_CAP))
			continue;
		if (!acr[n] || acr[n] != norm(c, k)[0])
			return 0;
		n++;
	}
	return !acr[n];
}

/* The lead over the second class (in model units: 32767 is the largest
 * weight) that the typer needs to give a name a type; chosen on CoNLL-2003
 * dev, GUM dev/test mention recall and the development articles, where
 * lower margins cost more precision than they gained recall. */
#define TYPER_SURE 30000

/* The place or organization type the typer gives tokens [a, b) of sentence
 * s when it is sure of it, or -1 (a person, or not sure). */
static int model_type(const ng_lexicon *lx, const ng_typer *ty, const ng_doc *d, const ng_sentence *s, size_t a,
                      size_t b)
{
	int32_t margin;
	int cls = ty ? ng_typer_run(ty, lx, d, s, a, b, &margin) : -1;
	if (cls < 0 || margin < TYPER_SURE)
		return -1;
	return cls == NG_TYPER_LOC ? NG_LOCATION : cls == NG_TYPER_ORG ? NG_ORGANIZATION : -1;
}

/* A run of capitalised tokens not in the knowledge base: a person when it
 * has two to four name-like words; a lone word stays unsure until linking
 * (a known surname) or a cue confirms it. A noun beside it can make it a
 * company, an organization or a place instead. */
static int unknown_run(ctx *c, size_t a, size_t b)
{
	/* "Miner Highland Gold": a capitalised noun before a name types it */
	int type = -1;
	while (a < b && (ng_lexicon_in_wid(c->lx, c->d->wid[a], NG_NOT_NAME) ||
	                 (b - a > 1 && is(c, a, NG_W_COMPANY_NOUN) && (type = NG_COMPANY))))
		a++;
	while (b > a && ng_lexicon_in_wid(c->lx, c->d->wid[b - 1], NG_NOT_NAME))
		b--;
	if (a >= b)
		return 0;
	for (size_t k = a; k < b; k++) {
		int rc = 0;
		if (ng_lexicon_in_wid(c->lx, c->d->wid[k], NG_NOT_NAME) || (!is_name_tok(c, k) && !is_particle(c, k)) ||
		    hyphen_parts(c, k, &rc)) {
			int r = rc ? rc : unknown_run(c, a, k);
			return r ? r : unknown_run(c, k + 1, b);
		}
	}
	if (b - a > 4)
		return 0;
	if (type < 0)
		type = noun_type(c, a, b);
	if (type < 0 && spelt_by_acronym(c, a, b))
		type = NG_ORGANIZATION;
	if (type < 0 && b - a == 1 && (c->d->toks[a].flags & NG_TOK_UPPER) && !(c->d->toks[a].flags & NG_TOK_DOTTED))
		return 0; /* an unknown acronym on its own is left to parentheses */
	/* "Intermediate Range Nuclear", "Generalised System", "Observers": plain
	 * words in capitals are not a person's name. */
	int common = 0;
	for (size_t k = a; k < b; k++)
		common += ng_lexicon_is_wid(c->lx, c->d->wid[k], NG_W_COMMON);
	/* "Mark Butcher": a known first name makes the words a person's name */
	int given = b - a > 1 && is(c, a, NG_W_GIVEN_NAME);
	int plain = !given && (ng_lexicon_is_wid(c->lx, c->d->wid[b - 1], NG_W_COMMON) ||
	                       (common * 2 >= (int)(b - a) && b - a > 1));
	/* "the Navy said": people take no article; the typer may know what it is */
	if (type < 0 && b - a == 1 && a > c->s->tok_begin && is_word(c, a - 1, "the") &&
	    (type = model_type(c->lx, c->ty, c->d, c->s, a, b)) < 0)
		return 0;
	if (type < 0 && (c->work || (plain && !person_cue(c, a, b))))
		return 0;
	if (type >= 0 && type != NG_PERSON && b - a == 1 && plain)
		return 0;
	/* "von der Leyen": particles before a name belong to it */
	size_t p = a;
	while (type < 0 && p > c->s->tok_begin && is_particle(c, p - 1))
		p--;
	ng_mention *m = add(c, p, b, type < 0 ? NG_PERSON : type, NG_NAME);
	if (!m)
		return NG_ENOMEM;
	m->unsure = type < 0 && b - a == 1 && !age_after(c, b);
	m->guess = type < 0;
	return 0;
}

/* A word of a company's own name after a known company's: capitalised,
 * letters only, three or more, and neither an English word, a name the
 * knowledge base knows nor a head word. */
static int own_word(const ctx *c, size_t i, size_t b)
{
	const ng_token *t = &c->d->toks[i];
	ng_value v;
	if (!is_name_tok(c, i) || (t->flags & (NG_TOK_NUM | NG_TOK_HYPHEN | NG_TOK_DOTTED)) || t->end - t->start < 3)
		return 0;
	for (uint32_t k = t->start; k < t->end; k++)
		if (!isalpha((unsigned char)c->d->text[k]))
			return 0;
	return !ng_lexicon_in_wid(c->lx, c->d->wid[i], NG_NOT_NAME) && !ng_lexicon_is_wid(c->lx, c->d->wid[i], NG_W_COMMON) &&
	       !match_kind(c, i, b, NG_V_NAME, NG_V_ADJ, &v) && !match_kind(c, i, b, NG_V_HEAD, NG_V_HEAD, &v);
}

/* Knowledge-base segmentation of [a, b): known names, with unknown runs
 * between them; a first name just before a known person joins it. */
static int segment(ctx *c, size_t a, size_t b, int *last, int *prev)
{
	size_t run = a, i = a;
	while (i < b) {
		ng_value v;
		size_t L = match_kind(c, i, b, NG_V_NAME, NG_V_ADJ, &v);
		if (!L) {
			i++;
			continue;
		}
		size_t start = i;
		const ng_entry *e = &c->lx->entries[v.entry];
		if (e->type == NG_PERSON && i > run && i - run <= 2 && is_name_tok(c, i - 1) &&
		    !ng_lexicon_in_wid(c->lx, c->d->wid[i - 1], NG_NOT_NAME))
			start = run;
		else if (i > run && unknown_run(c, run, i))
			return NG_ENOMEM;
		/* "Samsung SDI", "LG Uplus": a known company's name with a word
		 * that is no English word after it names another company (not a
		 * legal form, "Electrolux AB", nor a model, "Airbus A300") */
		size_t own = i + L;
		while (e->type == NG_COMPANY && own < b && own - start < 4 && own_word(c, own, b))
			own++;
		if (own > i + L) {
			if (!add(c, start, own, NG_COMPANY, NG_NAME))
				return NG_ENOMEM;
			if (last) {
				*prev = *last;
				*last = (int)c->out->n - 1;
			}
			i = run = own;
			continue;
		}
		if (!add_kb(c, start, i + L, &v))
			return NG_ENOMEM;
		if (last) {
			*prev = *last;
			*last = (int)c->out->n - 1;
		}
		i += L;
		run = i;
	}
	return run < b ? unknown_run(c, run, b) : 0;
}

static int is_connector(const ctx *c, size_t i)
{
	return !(c->d->toks[i].flags & NG_TOK_CAP) && ng_lexicon_is_wid(c->lx, c->d->wid[i], NG_W_CONNECTOR);
}

static int chunk(ctx *c, size_t a, size_t b);
static int try_head(ctx *c, size_t a, size_t b);

static int is_particle(const ctx *c, size_t i)
{
	return is(c, i, NG_W_PARTICLE) && !(c->d->toks[i].flags & NG_TOK_CAP);
}

/* "Assistant Researcher Chung Zhi-dong": title words, their complements
 * ("on International Affairs"), then one to four name words. */
static int try_title(ctx *c, size_t a, size_t b)
{
	for (size_t p = a; p < b; p++) {
		ng_value v;
		size_t L = match_kind(c, p, b, NG_V_TITLE, NG_V_TITLE, &v);
		if (!L)
			continue;
		size_t q = p + L;
		for (;;) {
			ng_value tv;
			size_t TL = q < b ? match_kind(c, q, b, NG_V_TITLE, NG_V_TITLE, &tv) : 0;
			if (TL) {
				q += TL;
				/* the first office decides: "Energy Minister Prince X"
				 * works for the state, "Emir Sheikh X" leads it */
				if (v.arg < 0)
					v = tv;
			} else if (q < b && (ng_lexicon_is_wid(c->lx, c->d->wid[q], NG_W_TITLE_COMPLEMENT) ||
			                     (is_connector(c, q) && q + 1 < b)))
				q++;
			else
				break;
		}
		size_t r = q;
		while (r < b && r - q < 5 && (is_name_tok(c, r) || (is_particle(c, r) && r + 1 < b)))
			r++;
		if (r == q)
			continue;
		for (size_t k = q; k < r; k++) {
			ng_value hv;
			if (match_kind(c, k, r, NG_V_HEAD, NG_V_HEAD, &hv)) {
				/* "General Agreement on Tariffs": the title word is part of
				 * the body's name; "Russian Chair of the X Commission": a
				 * title of a body */
				if (q == p + L)
					return try_head(c, a, b);
				if (p > a && segment(c, a, p, NULL, NULL))
					return NG_ENOMEM;
				return chunk(c, q, b) ? NG_ENOMEM : 1;
			}
		}
		/* "The Lady Who Walked": a function word after a title opens a
		 * clause or a work's name, and the title names no one ("Prime
		 * Minister May" is a month's name, "Sir Mark" a given name) */
		if (is(c, q, NG_W_NOT_NAME) && !is(c, q, NG_W_GIVEN_NAME)) {
			if (p > a && segment(c, a, p, NULL, NULL))
				return NG_ENOMEM;
			return chunk(c, q, b) ? NG_ENOMEM : 1;
		}
		int last = -1, prev = -1;
		if (p > a) {
			size_t before = c->out->n;
			int h = try_head(c, a, p);
			if (h < 0)
				return NG_ENOMEM;
			if (h)
				last = (int)before;
			else if (segment(c, a, p, &last, &prev))
				return NG_ENOMEM;
		}
		size_t before = c->out->n;
		ng_value pv;
		size_t PL = match_kind(c, q, r, NG_V_NAME, NG_V_NAME, &pv);
		int known = PL && c->lx->entries[pv.entry].type == NG_PERSON;
		ng_mention *m = known ? add_kb(c, q, q + PL, &pv) : add(c, q, r, NG_PERSON, NG_NAME);
		if (!m)
			return NG_ENOMEM;
		if (known)
			r = q + PL;
		m->title_rel = v.arg;
		m->title_start = c->d->toks[p].start;
		m->title_end = c->d->toks[q - 1].end;
		m->title_of = last;
		m->title_of2 = prev;
		(void)before;
		return chunk(c, r, b) ? NG_ENOMEM : 1;
	}
	return 0;
}

/* "Tamkang University", "Department of Diplomacy and International
 * Relations", "Gazprom Neft PJSC": a head word makes the phrase a body. */
static int try_head(ctx *c, size_t a, size_t b)
{
	int type = -1, lead = 0;
	size_t hpos = 0;
	for (size_t p = a; p < b; p++) {
		ng_value v;
		size_t L = match_kind(c, p, b, NG_V_HEAD, NG_V_HEAD, &v);
		if (L && (p + L == b || is_connector(c, p + L)) && (p > a || p + L < b) && !lead) {
			type = v.arg;
			hpos = p;
			lead = p + L < b && is_connector(c, p + L);
		}
	}
	/* "Savannah River Plant", "Palace of Fine Arts": a work or building */
	for (size_t p = a; type < 0 && p < b; p++)
		if (is(c, p, NG_W_FACILITY) && (p + 1 == b || is_connector(c, p + 1)) && (p > a || p + 1 < b)) {
			type = NG_LOCATION;
			hpos = p;
		}
	/* "Robert Plant": a first name and a place's head word name a person */
	if (type < 0 || (type == NG_LOCATION && b - a == 2 && hpos == a + 1 && is(c, a, NG_W_GIVEN_NAME)))
		return 0;
	ng_value kv;
	size_t KL = match_kind(c, a, b, NG_V_NAME, NG_V_NAME, &kv);
	ng_mention *m;
	if (KL && (KL == b - a || (KL + 1 == b - a && (int)c->lx->entries[kv.entry].type == type)))
		m = add_kb(c, a, b, &kv);
	else
		m = add(c, a, b, type, NG_NAME);
	return m ? 1 : NG_ENOMEM;
}

/* "played in The Annoying Orange": "The" capitalised after a word in lower
 * case opens a work's title; people take no article. */
static int work_the(const ctx *c, size_t a)
{
	if (!is_word(c, a, "the") || !(c->d->toks[a].flags & NG_TOK_CAP) || a == c->s->tok_begin || c->s->caps ||
	    c->s->headline)
		return 0;
	const ng_token *t = &c->d->toks[a - 1];
	return !(t->flags & (NG_TOK_CAP | NG_TOK_UPPER)) && islower((unsigned char)c->d->text[t->start]);
}

static int chunk(ctx *c, size_t a, size_t b)
{
	while (a < b && (is_connector(c, a) || !is_name_tok(c, a)))
		a++;
	while (b > a && is_connector(c, b - 1))
		b--;
	if (a >= b)
		return 0;
	/* A leading "The" belongs to no name unless the knowledge base says so. */
	ng_value v;
	size_t whole = match_kind(c, a, b, NG_V_NAME, NG_V_ADJ, &v);
	if (whole == b - a)
		return add_kb(c, a, b, &v) ? 0 : NG_ENOMEM;
	if (!whole && is(c, a, NG_W_DETERMINER)) {
		int work = c->work;
		c->work = work || work_the(c, a);
		int r = chunk(c, a + 1, b);
		c->work = work;
		return r;
	}
	/* "in his My Early Years": a capitalised phrase that "My", "Our" or
	 * "Your" opens is a work's title, no person's name; a head word may
	 * still make it a body's ("Our Lady Hospital") */
	if (!whole && (is_word(c, a, "my") || is_word(c, a, "our") || is_word(c, a, "your"))) {
		int r = try_head(c, a + 1, b);
		return r < 0 ? r : 0;
	}
	int r = try_title(c, a, b);
	if (r)
		return r < 0 ? r : 0;
	r = try_head(c, a, b);
	if (r)
		return r < 0 ? r : 0;
	return segment(c, a, b, NULL, NULL);
}

/* "agreed to deal with the crisis", "will contract the work out": after
 * "to" or a modal, an agreement word that is also a verb is the verb. */
static int verb_use(const ctx *c, size_t h)
{
	static const char *const verbs[] = {"deal", "contract", "accord", NULL};
	static const char *const before[] = {"to", "will", "would", "can", "could", "should", "must", "may", "might", NULL};
	if (h == c->s->tok_begin)
		return 0;
	int verb = 0, after = 0;
	for (size_t k = 0; verbs[k]; k++)
		verb |= is_word(c, h, verbs[k]);
	for (size_t k = 0; before[k]; k++)
		after |= is_word(c, h - 1, before[k]);
	return verb && after;
}

/* "signed a series of bilateral documents": an unnamed agreement named by
 * its noun phrase without determiners and numbers. */
static int nominal_agreement(ctx *c, size_t h)
{
	if (verb_use(c, h))
		return 0;
	size_t a = h;
	while (a > c->s->tok_begin && a > h - 3) {
		const ng_token *t = &c->d->toks[a - 1];
		if (!(t->flags & NG_TOK_WORD) || (t->flags & NG_TOK_CAP) || is(c, a - 1, NG_W_NP_STOP))
			break;
		size_t l = strlen(norm(c, a - 1));
		const char *w = norm(c, a - 1);
		if (l > 2 && (strcmp(w + l - 2, "ed") == 0 || strcmp(w + l - 2, "ly") == 0) &&
		    !is(c, a - 1, NG_W_AGREEMENT_ED))
			break;
		a--;
	}
	if (a == h && is(c, h, NG_W_AGREEMENT_PLAIN))
		return 0;
	/* "a treaty ally": the agreement word modifies the noun after it */
	if (h + 1 < c->s->tok_end && is(c, h + 1, NG_W_AGREEMENT_MODIFIES))
		return 0;
	ng_mention *m = add(c, a, h + 1, NG_AGREEMENT, NG_NOMINAL);
	if (!m)
		return NG_ENOMEM;
	m->needs_edge = 1;
	return 0;
}

/* “Siberian Power 2” natural gas pipeline project: a quoted name before a
 * project word is an agreement. Returns the token after the quote, or 0. */
static size_t quoted_name(ctx *c, size_t i, size_t end, int *rc)
{
	size_t j = i + 1;
	if (j >= end || !is_name_tok(c, j))
		return 0;
	while (j < end && j - i <= 6 && !(c->d->toks[j].flags & NG_TOK_QUOTE)) {
		if (!(c->d->toks[j].flags & (NG_TOK_WORD | NG_TOK_NUM)))
			return 0;
		j++;
	}
	if (j >= end || !(c->d->toks[j].flags & NG_TOK_QUOTE))
		return 0;
	int project = 0;
	for (size_t k = j + 1; k < end && k <= j + 4; k++)
		if (is(c, k, NG_W_PROJECT_NOUN))
			project = 1;
	if (!project)
		return 0;
	if (!add(c, i + 1, j, NG_AGREEMENT, NG_NAME))
		*rc = NG_ENOMEM;
	return j + 1;
}

static int plural_nominal(ctx *c, size_t i, size_t end, size_t *next)
{
	const char *w = norm(c, i);
	size_t k = i;
	if (w[0] != 't' && w[0] != 'b')
		return 0;
	if (strcmp(w, "the") == 0 && k + 1 < end && is_word(c, k + 1, "two"))
		k += 2;
	else if (strcmp(w, "both") == 0)
		k += 1;
	else
		return 0;
	if (k >= end)
		return 0;
	int type;
	if (is(c, k, NG_W_PLURAL_STATE))
		type = NG_STATE;
	else if (is(c, k, NG_W_PLURAL_PERSON))
		type = NG_PERSON;
	else
		return 0;
	ng_mention *m = add(c, i, k + 1, type, NG_NOMINAL);
	if (!m)
		return NG_ENOMEM;
	m->plural = 1;
	*next = k + 1;
	return 0;
}

/* Can "it" at i stand for a company, an organization or a state? As the
 * subject of a verb of the it-verb class ("it said", "it would"), and
 * "its" always; elsewhere ("it is expected", "condemned it") it is most
 * often about no body. */
static int it_refers(ctx *c, size_t i, size_t e)
{
	if (!strcmp(norm(c, i), "its"))
		return 1;
	return i + 1 < e && is(c, i + 1, NG_W_IT_VERB);
}

/* "He said", "The two sides agreed": pronouns and plural nominals opening a
 * sentence are capitalised but are no names. */
static int sentence_start_word(ctx *c, size_t i, size_t e, size_t *next, int *rc)
{
	if (i != c->s->tok_begin && !(i == c->s->tok_begin + 1 && (c->d->toks[i - 1].flags & NG_TOK_QUOTE)))
		return 0;
	if (is(c, i, NG_W_PRONOUN) || (is(c, i, NG_W_PRONOUN_IT) && it_refers(c, i, e))) {
		if (!add(c, i, i + 1, is(c, i, NG_W_PRONOUN) ? NG_PERSON : NG_ORGANIZATION, NG_PRONOUN))
			*rc = NG_ENOMEM;
		*next = i + 1;
		return 1;
	}
	*next = 0;
	if (plural_nominal(c, i, e, next))
		*rc = NG_ENOMEM;
	return *next != 0 || *rc;
}

/* A lower-case word at i: a pronoun, "the two sides", an unnamed
 * agreement, names inside a hyphenated word, or a knowledge-base form
 * written in lower case ("the West" is capitalised). Sets *next to the
 * token after what it took. */
static int lower_word(ctx *c, size_t i, size_t e, size_t *next)
{
	int rc = 0;
	size_t plural = 0;
	*next = i + 1;
	if (is(c, i, NG_W_PRONOUN))
		return add(c, i, i + 1, NG_PERSON, NG_PRONOUN) ? 0 : NG_ENOMEM;
	if (is(c, i, NG_W_PRONOUN_IT))
		return it_refers(c, i, e) && !add(c, i, i + 1, NG_ORGANIZATION, NG_PRONOUN) ? NG_ENOMEM : 0;
	/* "the company", not "the company Tesla" (an apposition names it) */
	if (is(c, i, NG_W_BODY_NOUN) && i > c->s->tok_begin && is(c, i - 1, NG_W_DEFINITE) &&
	    !(i + 1 < e && is_name_tok(c, i + 1)))
		return add(c, i, i + 1, NG_COMPANY, NG_NOMINAL) ? 0 : NG_ENOMEM;
	if (plural_nominal(c, i, e, &plural))
		return NG_ENOMEM;
	if (plural) {
		*next = plural;
		return 0;
	}
	if (is(c, i, NG_W_AGREEMENT_NOUN) && nominal_agreement(c, i))
		return NG_ENOMEM;
	if (hyphen_parts(c, i, &rc) || rc)
		return rc;
	ng_value v;
	size_t L = match_kind(c, i, e, NG_V_NAME, NG_V_ADJ, &v);
	if (L && v.lower && !(i + L < e && is_name_tok(c, i + L) && (c->d->toks[i + L - 1].flags & NG_TOK_CAP))) {
		*next = i + L;
		return add_kb(c, i, i + L, &v) ? 0 : NG_ENOMEM;
	}
	return 0;
}

/* The end of the capitalised chunk that starts at i: name words, joined
 * by connectors inside organization names, titles and particles (de, von,
 * al). */
static size_t chunk_end(const ctx *c, size_t i, size_t e)
{
	size_t j = i + 1;
	int heady = 0, complement = 0;
	for (;;) {
		ng_value v;
		/* a legal suffix ends a company's name: "Hunt Building Corp of
		 * El Paso" is a firm of a place */
		if ((match_kind(c, j - 1, j, NG_V_HEAD, NG_V_TITLE, &v) &&
		     !(v.kind == NG_V_HEAD && v.arg == NG_COMPANY && is(c, j - 1, NG_W_LEGAL_SUFFIX))) ||
		    is(c, j - 1, NG_W_FACILITY))
			heady = 1;
		if (j < e && is_name_tok(c, j)) {
			j++;
			continue;
		}
		if (j + 1 >= e || !is_connector(c, j))
			return j;
		/* "Ministry of Trade and Industry", "Secretary of State": of, for
		 * and on after a head or title; "and" only inside such a
		 * complement; particles (von, de, al) inside any name. */
		size_t k = j + 1;
		if (is_word(c, j, "of") && k + 1 < e && is_word(c, k, "the"))
			k++;
		while (is_particle(c, j) && k + 1 < e && is_particle(c, k))
			k++;
		if (!is_name_tok(c, k) || ng_lexicon_in_wid(c->lx, c->d->wid[k], NG_CLASS(NG_W_WEEKDAY) | NG_CLASS(NG_W_MONTH)))
			return j;
		int ofw = is_word(c, j, "of") || is_word(c, j, "for") || is_word(c, j, "on");
		/* "Manufacturers Hanover Trust Co. of New York": the suffix ends
		 * the name even after another head word */
		if (ofw && is(c, j - 1, NG_W_LEGAL_SUFFIX))
			return j;
		if (ofw && heady)
			complement = 1;
		else if (is_word(c, j, "and") ? !complement : (ofw || is_word(c, j, "the")))
			return j;
		j = k + 1;
	}
}

/* A capitalised chunk at i: a known name that runs on in lower case
 * ("Western powers", "Baltic states", "EU member states"), or the names
 * inside the chunk. Sets *next to the token after it. */
static int capitalised(ctx *c, size_t i, size_t e, size_t *next)
{
	size_t j = chunk_end(c, i, e);
	ng_value kv;
	size_t ks = i, KL = match_kind(c, i, e, NG_V_NAME, NG_V_ADJ, &kv);
	if (!KL && is_word(c, i, "the") && i + 1 < j)
		KL = match_kind(c, ++ks, e, NG_V_NAME, NG_V_ADJ, &kv);
	if (KL && ks + KL > j) {
		*next = ks + KL;
		return add_kb(c, ks, ks + KL, &kv) ? 0 : NG_ENOMEM;
	}
	*next = j;
	return chunk(c, i, j);
}

/* "the 82nd Airborne Division", "the U.S. 6th Fleet", "the 21st Brigade
 * of X": an ordinal opens the name of a unit when the capitalised words
 * after it hold a body's head word. Sets *next past the name, or leaves it 0. */
static int ordinal_unit(ctx *c, size_t i, size_t e, size_t *next)
{
	const char *w = norm(c, i);
	size_t k = 0;
	while (isdigit((unsigned char)w[k]))
		k++;
	const char *sx = w + k;
	if (!k || !(strcmp(sx, "st") == 0 || strcmp(sx, "nd") == 0 || strcmp(sx, "rd") == 0 || strcmp(sx, "th") == 0) ||
	    i + 1 >= e || !is_name_tok(c, i + 1))
		return 0;
	size_t j = chunk_end(c, i + 1, e), p = i + 1;
	ng_value v;
	for (; p < j; p++) { /* the head ends the name or opens its "of" part */
		size_t L = match_kind(c, p, j, NG_V_HEAD, NG_V_HEAD, &v);
		if (L && v.arg == NG_ORGANIZATION && (p + L == j || is_connector(c, p + L)))
			break;
	}
	if (p == j)
		return 0;
	*next = j;
	return add(c, i, j, NG_ORGANIZATION, NG_NAME) ? 0 : NG_ENOMEM;
}

static int sentence(ctx *c)
{
	size_t e = c->s->tok_end;
	for (size_t i = c->s->tok_begin; i < e;) {
		const ng_token *t = &c->d->toks[i];
		int rc = 0;
		size_t next = 0;
		if (c->s->caps) {
			ng_value v;
			size_t L = match_kind(c, i, e, NG_V_NAME, NG_V_ADJ, &v);
			if (L && !add_kb(c, i, i + L, &v))
				return NG_ENOMEM;
			i += L ? L : 1;
			continue;
		}
		if (t->flags & NG_TOK_QUOTE) {
			next = quoted_name(c, i, e, &rc);
			if (rc)
				return rc;
			if (next) {
				i = next;
				continue;
			}
		}
		if ((t->flags & NG_TOK_NUM) && (rc = ordinal_unit(c, i, e, &next)) == 0 && next) {
			i = next;
			continue;
		}
		if (rc)
			return rc;
		if (!(t->flags & NG_TOK_CAP) && (t->flags & NG_TOK_WORD))
			rc = lower_word(c, i, e, &next);
		else if (!is_name_tok(c, i)) {
			if (hyphen_parts(c, i, &rc) < 0 || rc)
				return rc;
			next = i + 1;
		} else if (!sentence_start_word(c, i, e, &next, &rc))
			rc = capitalised(c, i, e, &next);
		if (rc)
			return rc;
		i = next;
	}
	return 0;
}

/* "natural resources minister Yuri Trutnev", "UK chancellor Gordon Brown",
 * "BBC correspondent Patrick Bartlett": a title in lower case just before a
 * person's name works as a capitalised one, tied to the mention before it. */
static void lower_titles(const ng_lexicon *lx, const ng_doc *d, ng_ents *out)
{
	for (size_t i = 0; i < out->n; i++) {
		ng_mention *m = &out->m[i];
		if (m->type != NG_PERSON || m->kind != NG_NAME || m->title_end > m->title_start)
			continue;
		const ng_sentence *s = &d->sents[m->sent];
		size_t best = m->tb;
		int rel = -1;
		for (size_t k = m->tb; k-- > s->tok_begin && m->tb - k <= 4;) {
			if (i && out->m[i - 1].te > k)
				break;
			uint32_t node = 0;
			size_t j = k;
			for (; j < m->tb && (node = ng_lexicon_next(lx, node, d->wid[j])); j++)
				;
			if (j != m->tb || !node)
				continue;
			int32_t it = -2;
			for (const ng_value *v; (v = ng_lexicon_values(lx, node, &it));)
				if (v->kind == NG_V_TITLE) {
					best = k;
					rel = v->arg;
				}
		}
		if (best == m->tb || (d->toks[best].flags & NG_TOK_CAP && best != s->tok_begin &&
		                      !(d->toks[best].flags & NG_TOK_HYPHEN)))
			continue;
		/* "natural resources minister": lower-case complements before it */
		while (best > s->tok_begin && !(i && out->m[i - 1].te >= best) &&
		       ng_lexicon_is_wid(lx, d->wid[best - 1], NG_W_TITLE_COMPLEMENT) &&
		       !(d->toks[best - 1].flags & NG_TOK_CAP))
			best--;
		/* "Banco Royal president X": the title of a body we do not know */
		if (best > s->tok_begin && (d->toks[best - 1].flags & (NG_TOK_CAP | NG_TOK_UPPER)) &&
		    !(i && out->m[i - 1].te == best))
			continue;
		m->title_rel = rel;
		m->title_start = d->toks[best].start;
		m->title_end = d->toks[m->tb - 1].end;
		/* the mention right before the title ("UK", "BBC", "Russia's") */
		if (i) {
			const ng_mention *p = &out->m[i - 1];
			size_t gap = best - p->te;
			if (p->sent == m->sent && p->kind == NG_NAME &&
			    (gap == 0 || (gap == 1 && (d->toks[p->te].flags & NG_TOK_POSS))))
				m->title_of = (int)i - 1;
		}
	}
}

/* Names still typed a person only for want of a cue, once the article as
 * a whole has spoken (names.c): the typer makes them a place or an
 * organization when it is sure enough, and a lone word it types is kept. */
static void model_types(const ng_lexicon *lx, const ng_typer *ty, const ng_doc *d, ng_ents *out)
{
	for (size_t i = 0; i < out->n; i++) {
		ng_mention *m = &out->m[i];
		if (!m->guess || m->type != NG_PERSON || m->entry >= 0)
			continue;
		int type = model_type(lx, ty, d, &d->sents[m->sent], m->tb, m->te);
		if (type >= 0) {
			m->type = type;
			m->unsure = 0;
		}
	}
}

/* What the evidence of mention m weighs for one_sense, in the typer's
 * units, and for which type (*type; -1: none): a cue or the name's own
 * words as much as two sure typer readings; a name typed a person for want
 * of a cue, the typer's reading of it in its sentence, at most one sure
 * reading. */
static int32_t type_weight(const ng_lexicon *lx, const ng_typer *ty, const ng_doc *d, const ng_mention *m, int *type)
{
	*type = m->type;
	if (!m->guess)
		return 2 * TYPER_SURE;
	int32_t margin = 0;
	int cls = ty ? ng_typer_run(ty, lx, d, &d->sents[m->sent], m->tb, m->te, &margin) : -1;
	*type = cls == NG_TYPER_PER ? NG_PERSON : cls == NG_TYPER_LOC ? NG_LOCATION
	        : cls == NG_TYPER_ORG ? NG_ORGANIZATION : -1;
	return margin < TYPER_SURE ? margin : TYPER_SURE;
}

int ng_cmp_named(const void *a, const void *b)
{
	const ng_named *x = a, *y = b;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	int c = memcmp(x->s, y->s, x->len);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* Decides the type of the mentions g[0..n) of one name (one_sense). */
static int sense_of(const ng_lexicon *lx, const ng_typer *ty, const ng_doc *d, const ng_ents *out, const ng_named *g,
                    size_t n)
{
	const ng_mention *m = &out->m[g[0].i];
	uint32_t len = g[0].len;
	/* the longer names first: a company's decides */
	int64_t weight[NG_NTYPES] = {0};
	int best = m->type;
	for (size_t j = 0; j < out->n; j++) {
		const ng_mention *o = &out->m[j];
		if (o->kind != NG_NAME || o->te - o->tb <= m->te - m->tb)
			continue;
		const ng_token *last = &d->toks[o->te - 1];
		if (o->type == NG_PERSON && m->te - m->tb == 1 && last->end - last->start == len &&
		    memcmp(d->text + last->start, g[0].s, len) == 0)
			weight[NG_PERSON] += 2 * TYPER_SURE;
		else if (o->type == NG_COMPANY && d->toks[o->tb + (m->te - m->tb) - 1].end - o->start == len &&
		         memcmp(d->text + o->start, g[0].s, len) == 0)
			weight[NG_COMPANY] = 1;
	}
	for (size_t j = 0; !weight[NG_COMPANY] && j < n; j++) {
		int type;
		int32_t w = type_weight(lx, ty, d, &out->m[g[j].i], &type);
		if (w > 0 && type >= 0)
			weight[type] += w;
	}
	for (int t = 0; t < NG_NTYPES; t++)
		if (weight[t] > weight[best])
			best = t;
	return best;
}

/* One sense per discourse: a name the knowledge base does not hold is one
 * thing throughout the article ("Kaikohe" a person in one sentence is not a
 * place in the next). Its mentions take the type that has the most weight
 * over them all (the typer's scores summed), the first mention's on a tie.
 * A lone word that ends a person's fuller name in the article
 * ("Harada" after "Natsuki Harada") weighs as a cue for a person; the
 * first words of a company's longer name ("Brenner" of "Brenner Corp") are
 * its short form, whatever else the mentions say. */
static int one_sense(const ng_lexicon *lx, const ng_typer *ty, const ng_doc *d, ng_ents *out)
{
	ng_named *g = malloc((out->n + 1) * sizeof *g);
	if (!g)
		return NG_ENOMEM;
	size_t n = 0;
	for (size_t i = 0; i < out->n; i++) {
		const ng_mention *m = &out->m[i];
		if (m->kind == NG_NAME && m->entry < 0 && !m->adj)
			g[n++] = (ng_named){d->text + m->start, m->end - m->start, (uint32_t)i};
	}
	ng_sort(g, n, sizeof *g, ng_cmp_named);
	for (size_t a = 0, b; a < n; a = b) {
		int differ = 0;
		for (b = a + 1; b < n && g[b].len == g[a].len && !memcmp(g[b].s, g[a].s, g[a].len); b++)
			differ |= out->m[g[b].i].type != out->m[g[a].i].type;
		if (!differ)
			continue;
		ng_type best = (ng_type)sense_of(lx, ty, d, out, g + a, b - a);
		for (size_t j = a; j < b; j++) {
			ng_mention *o = &out->m[g[j].i];
			if (o->type != best) {
				o->type = best;
				o->unsure = 0; /* typed, as model_types keeps a lone word it types */
			}
		}
	}
	free(g);
	return 0;
}

static int cmp_mention(const void *a, const void *b)
{
	const ng_mention *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

int ng_ents_sort(ng_ents *x)
{
	int *pos = malloc((x->n + 1) * sizeof *pos);
	if (!pos)
		return NG_ENOMEM;
	for (size_t i = 0; i < x->n; i++)
		x->m[i].entity2 = (int)i;
	ng_sort(x->m, x->n, sizeof *x->m, cmp_mention);
	for (size_t i = 0; i < x->n; i++)
		pos[x->m[i].entity2] = (int)i;
	for (size_t i = 0; i < x->n; i++) {
		ng_mention *m = &x->m[i];
		m->entity2 = -1;
		if (m->title_of >= 0)
			m->title_of = pos[m->title_of];
		if (m->title_of2 >= 0)
			m->title_of2 = pos[m->title_of2];
	}
	free(pos);
	return 0;
}

void ng_ents_free(ng_ents *x)
{
	for (size_t i = 0; i < x->n; i++)
		free(x->m[i].name);
	free(x->m);
	free(x->inner);
	for (size_t i = 0; i < x->ne; i++) {
		free(x->e[i].id);
		free(x->e[i].name);
	}
	free(x->e);
	memset(x, 0, sizeof *x);
}

int ng_ner(const ng_lexicon *lx, const ng_typer *ty, const ng_doc *doc, ng_ents *out, ng_error *err)
{
	ctx c = {lx, ty, doc, out, NULL, 0, 0};
	for (size_t s = 0; s < doc->nsents; s++) {
		c.s = &doc->sents[s];
		c.si = (uint32_t)s;
		if (sentence(&c))
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	if (ng_names_doc(lx, doc, out))
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	if (ty)
		model_types(lx, ty, doc, out);
	if (ng_ents_sort(out))
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	if (one_sense(lx, ty, doc, out))
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	lower_titles(lx, doc, out);
	return 0;
}
