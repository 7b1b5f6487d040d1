/* Entities, part 3: linking. Input: mentions from ner.c. Output: one entity
 * per real-world referent in the article: knowledge-base ids, surnames and
 * first names to full names, acronyms in parentheses to what they follow,
 * places that act to their governments, pronouns to the most recent person,
 * "the two sides" to the pair just mentioned; unsure lone words are dropped
 * unless something confirms them. */
#include "entities/link.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "entities/coref.h"
#include "graph/graph.h"
#include "text/utf8.h"

int ng_slug(ng_buf *b, const char *name)
{
	int dash = 0;
	size_t start = b->len;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		int c = *p;
		if (isalnum(c)) {
			if (dash && b->len > start && ng_buf_addc(b, '-'))
				return NG_ENOMEM;
			dash = 0;
			if (ng_buf_addc(b, (char)tolower(c)))
				return NG_ENOMEM;
		} else if (c >= 0x80) {
			/* Letters outside ASCII stay, in lower case (the name is valid
			 * UTF-8: it comes from checked text or a checked graph). */
			size_t l, avail = 1;
			char enc[4];
			while (avail < 4 && p[avail])
				avail++;
			uint32_t cp = ng_utf8_decode(p, avail, &l);
			if (dash && b->len > start && ng_buf_addc(b, '-'))
				return NG_ENOMEM;
			dash = 0;
			if (ng_buf_add(b, enc, ng_utf8_encode(ng_cp_lower(cp), enc)))
				return NG_ENOMEM;
			p += l - 1;
		} else if (c != '\'')
			dash = 1;
	}
	if (b->len == start)
		return ng_buf_adds(b, "x");
	return 0;
}

static char *mention_text(const ng_doc *d, const ng_mention *m)
{
	return ng_strndup(d->text + m->start, m->end - m->start);
}

/* The normal form of a body's name without a legal suffix: "Link
 * Technologies Inc" and "Link Technologies" are one firm. */
static void strip_suffix(const ng_lexicon *lx, ng_buf *x)
{
	char *sp = x->s ? strrchr(x->s, ' ') : NULL;
	if (sp && ng_lexicon_is(lx, sp + 1, NG_W_LEGAL_SUFFIX)) {
		*sp = 0;
		x->len = (size_t)(sp - x->s);
	}
}

static int norm_eq(const ng_lexicon *lx, const char *a, const char *b)
{
	ng_buf x = {0}, y = {0};
	int eq = !ng_norm_append(&x, a, strlen(a)) && !ng_norm_append(&y, b, strlen(b)) && x.s && y.s;
	if (eq) {
		strip_suffix(lx, &x);
		strip_suffix(lx, &y);
		eq = strcmp(x.s, y.s) == 0;
	}
	ng_buf_free(&x);
	ng_buf_free(&y);
	return eq;
}

/* Creates an entity. Returns its index or -1. */
static int add_entity(ng_ents *x, const char *id, const char *name, int type, int entry, int first)
{
	ng_entity *e = NG_PUSH(x->e, x->ne, x->ce);
	if (!e)
		return -1;
	memset(e, 0, sizeof *e);
	e->id = ng_strdup(id);
	e->name = ng_strdup(name);
	e->type = type;
	e->entry = entry;
	e->first_mention = first;
	return e->id && e->name ? (int)(x->ne - 1) : -1;
}

/* Finds or creates the entity with `id`. Returns its index or -1. */
static int entity(ng_ents *x, const char *id, const char *name, int type, int entry, int first)
{
	for (size_t i = 0; i < x->ne; i++)
		if (strcmp(x->e[i].id, id) == 0)
			return (int)i;
	return add_entity(x, id, name, type, entry, first);
}

static int new_entity(ng_ents *x, const char *name, int type, int first)
{
	ng_buf id = {0};
	if (ng_buf_adds(&id, ng_type_name(type)) || ng_buf_addc(&id, ':') || ng_slug(&id, name))
		return -1;
	int r = entity(x, id.s, name, type, -1, first);
	ng_buf_free(&id);
	return r;
}

static int in_words(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(w, *list))
			return 1;
	return 0;
}

/* A place that stands for a government ("Moscow said", "talks with
 * Ankara", "Washington's exemption") is the government unless the text
 * treats it as a place: after a place preposition, inside a hyphenated word
 * (Moscow-based), or before a noun it modifies (the Washington embassy). */
static int acts(const ng_lexicon *lx, const ng_doc *d, const ng_mention *m)
{
	static const char *const where_of[] = {"north", "south", "east", "west", "northeast", "northwest",
	                                       "southeast", "southwest", "km", "miles", "kilometres", "kilometers",
	                                       "outskirts", "suburbs", "centre", "center", "heart", NULL};
	static const char *const downtown[] = {"downtown", "central", "suburban", NULL};
	const ng_sentence *s = &d->sents[m->sent];
	if (m->start > d->toks[m->tb].start || m->end < d->toks[m->te - 1].end) {
		/* "Moscow-backed", "Washington-led": the government acts */
		/* the text need not be NUL-terminated: compare within it */
		const char *rest = d->text + m->end;
		size_t left = d->len - m->end;
		for (const char *const *a = ng_lexicon_forms(lx, NG_W_ACTING_SUFFIX); *a; a++)
			if (strlen(*a) <= left && memcmp(rest, *a, strlen(*a)) == 0)
				return 1;
		return 0;
	}
	if (m->tb > s->tok_begin) {
		const char *p = ng_tok_norm(d, &d->toks[m->tb - 1]);
		if (ng_lexicon_is_wid(lx, d->wid[m->tb - 1], NG_W_PLACE_PREP))
			return 0;
		if (ng_lexicon_is_wid(lx, d->wid[m->tb - 1], NG_W_TOWARD) && m->tb - 1 > s->tok_begin &&
		    ng_lexicon_is_wid(lx, d->wid[m->tb - 2], NG_W_MOTION_VERB))
			return 0;
		if (strcmp(p, "the") == 0 && m->tb - 1 > s->tok_begin &&
		    ng_lexicon_is_wid(lx, d->wid[m->tb - 2], NG_W_PLACE_PREP))
			return 0;
		/* "Kenya's capital, Nairobi,": the apposition names a place */
		if (strcmp(p, ",") == 0 && m->tb - 1 > s->tok_begin &&
		    (ng_lexicon_is_wid(lx, d->wid[m->tb - 2], NG_W_SETTLEMENT) ||
		     strcmp(ng_tok_norm(d, &d->toks[m->tb - 2]), "capital") == 0))
			return 0;
		/* "430 km south of Tehran", "the outskirts of Kabul", "downtown Taipei" */
		if (in_words(p, downtown) ||
		    (!strcmp(p, "of") && m->tb - 1 > s->tok_begin && in_words(ng_tok_norm(d, &d->toks[m->tb - 2]), where_of)))
			return 0;
	}
	if (m->te < s->tok_end) {
		const ng_token *n = &d->toks[m->te];
		if (ng_lexicon_is_wid(lx, d->wid[m->te], NG_W_PLACE_NOUN))
			return 0;
		/* a dateline: "BRUSSELS, March 3 -", "MOSCOW (Reuters) -" */
		const char *w = ng_tok_norm(d, n);
		if (m->tb == s->tok_begin && (d->toks[m->tb].flags & NG_TOK_UPPER) &&
		    (!strcmp(w, ",") || !strcmp(w, "(") || !strcmp(w, "-")))
			return 0;
	}
	return 1;
}

static int cue_near(const ng_lexicon *lx, const ng_doc *d, const ng_mention *m)
{
	const ng_sentence *s = &d->sents[m->sent];
	size_t k = m->te;
	if (k < s->tok_end && strcmp(ng_tok_norm(d, &d->toks[k]), ",") == 0)
		k++;
	if (k < s->tok_end && ng_lexicon_is_wid(lx, d->wid[k], NG_W_PERSON_CUE))
		return 1;
	if (m->tb > s->tok_begin && strcmp(ng_tok_norm(d, &d->toks[m->tb - 1]), "said") == 0)
		return 1;
	return 0;
}

/* Is `tok` (normalised) the first or last word of the name? */
static int name_part(const char *name, const char *tok)
{
	ng_buf n = {0};
	if (ng_norm_append(&n, name, strlen(name)) || !n.s)
		return 0;
	size_t l = strlen(tok);
	int hit = (strncmp(n.s, tok, l) == 0 && (n.s[l] == ' ')) ||
	          (n.len > l && strcmp(n.s + n.len - l, tok) == 0 && n.s[n.len - l - 1] == ' ');
	ng_buf_free(&n);
	return hit;
}

/* Is `tok` (normalised) the first of several words of the name? */
static int first_word(const char *name, const char *tok)
{
	ng_buf n = {0};
	if (ng_norm_append(&n, name, strlen(name)) || !n.s)
		return 0;
	size_t l = strlen(tok);
	int hit = strncmp(n.s, tok, l) == 0 && n.s[l] == ' ';
	ng_buf_free(&n);
	return hit;
}

static int add_mention_copy(ng_ents *x, size_t of, uint32_t tb, uint32_t te, const ng_doc *d)
{
	ng_mention copy = x->m[of]; /* before the array may move */
	ng_mention *m = NG_PUSH(x->m, x->n, x->cap);
	if (!m)
		return NG_ENOMEM;
	*m = copy;
	m->name = NULL;
	m->tb = tb;
	m->te = te;
	m->start = d->toks[tb].start;
	m->end = d->toks[te - 1].end;
	m->sent = d->toks[tb].sent;
	m->title_rel = -1;
	m->title_of = m->title_of2 = -1;
	m->unsure = 0;
	return 0;
}

/* "World Trade Organisation (WTO)": the acronym becomes a name of what it
 * follows, and its other uses become mentions of the same entity. */
static int parenthesised_acronyms(const ng_doc *d, ng_ents *x)
{
	size_t n0 = x->n;
	uint8_t *covered = calloc(d->ntoks + 1, 1);
	if (!covered)
		return NG_ENOMEM;
	for (size_t i = 0; i < n0; i++)
		for (uint32_t k = x->m[i].tb; k < x->m[i].te; k++)
			covered[k] = 1;
	int rc = 0;
	for (size_t i = 0; i < n0 && !rc; i++) {
		ng_mention m = x->m[i];
		if (m.kind != NG_NAME || m.te + 2 >= d->ntoks)
			continue;
		const ng_token *o = &d->toks[m.te], *a = &d->toks[m.te + 1], *c = &d->toks[m.te + 2];
		if (strcmp(ng_tok_norm(d, o), "(") || strcmp(ng_tok_norm(d, c), ")") || !(a->flags & NG_TOK_UPPER) ||
		    covered[m.te + 1])
			continue;
		const char *acr = ng_tok_norm(d, a);
		for (size_t k = 0; k < d->ntoks && !rc; k++) {
			if (covered[k] || !(d->toks[k].flags & NG_TOK_UPPER) || strcmp(ng_tok_norm(d, &d->toks[k]), acr))
				continue;
			covered[k] = 1;
			rc = add_mention_copy(x, i, (uint32_t)k, (uint32_t)k + 1, d);
			/* the copy links to what the acronym stands for */
			if (!rc && !(x->m[x->n - 1].name = mention_text(d, &x->m[i])))
				rc = NG_ENOMEM;
		}
	}
	free(covered);
	return rc;
}

/* Does mention m sit in an apposition of mention p ("The United States, a
 * treaty ally of both countries")? Then it does not refer to p. */
static int in_apposition_of(const ng_doc *d, const ng_mention *p, const ng_mention *m)
{
	static const char *const opener[] = {"a ", "an ", "the ", "its ", "his ", "her ", "their ", "one "};
	if (p->sent != m->sent || p->end + 2 > m->start || d->text[p->end] != ',' || d->text[p->end + 1] != ' ')
		return 0;
	const char *t = d->text + p->end + 2;
	int opens = 0;
	for (size_t k = 0; k < sizeof opener / sizeof *opener && !opens; k++)
		opens = (size_t)(m->start - (p->end + 2)) >= strlen(opener[k]) && !strncasecmp(t, opener[k], strlen(opener[k]));
	return opens && memchr(d->text + p->end + 1, ',', m->start - p->end - 1) == NULL;
}

static int recent(const ng_ents *x, size_t before, int type_mask, int not, const ng_doc *d, uint32_t sent)
{
	for (size_t k = before; k-- > 0;) {
		const ng_mention *p = &x->m[k];
		if (p->entity < 0 || p->plural || p->entity == not || in_apposition_of(d, p, &x->m[before]))
			continue;
		if (sent - p->sent > 3)
			break;
		if (type_mask & (1 << x->e[p->entity].type))
			return p->entity;
	}
	return -1;
}

/* How many sentences back "the bloc" looks for its organization: one
 * text seldom names two blocs, while "the country" looks as far as "it"
 * does (two sentences), since a text names many states. */
enum { NG_BODY_KIND_BACK = 5 };

/* Is mention k coordinated with the nominal i ("between Gulf states and
 * the bloc", "Chile or the country")? Then they are two entities: k, a
 * plural noun after it at most, "and" or "or", "the", then i. A
 * possessive may be k's own ("Toyota and the company's suppliers"). */
static int coordinated(const ng_doc *d, const ng_ents *x, size_t k, size_t i)
{
	const ng_mention *a = &x->m[k], *b = &x->m[i];
	if (a->sent != b->sent || b->tb < a->te + 2 || b->tb > a->te + 3)
		return 0;
	if (b->te < d->sents[b->sent].tok_end && !strcmp(ng_tok_norm(d, &d->toks[b->te]), "'s"))
		return 0;
	const char *c = ng_tok_norm(d, &d->toks[b->tb - 2]);
	if (strcmp(c, "and") && strcmp(c, "or"))
		return 0;
	return b->tb == a->te + 2 || (d->toks[a->te].flags & NG_TOK_WORD);
}

/* The entity of a type in type_mask most in view before mention i, for
 * "it" and "the company": in i's own sentence the nearest before it; else,
 * in the nearest of the `back` sentences before that holds one, the first
 * (subjects come first). Demonyms ("Russian" President) are no
 * antecedents; with d, neither is a mention coordinated with i. */
static int salient(const ng_doc *d, const ng_ents *x, size_t i, int type_mask, uint32_t back)
{
	/* returns the antecedent mention */
	const uint32_t sent = x->m[i].sent;
#define CANDIDATE(k)                                                                                                   \
	(x->m[k].entity >= 0 && !x->m[k].plural && !x->m[k].adj && (type_mask & (1 << x->e[x->m[k].entity].type)))
	size_t k = i;
	for (; k > 0 && x->m[k - 1].sent == sent; k--)
		if (CANDIDATE(k - 1) && !(d && coordinated(d, x, k - 1, i)))
			return (int)k - 1;
	while (k > 0 && sent - x->m[k - 1].sent <= back) {
		size_t a = k;
		while (a > 0 && x->m[a - 1].sent == x->m[k - 1].sent)
			a--;
		for (size_t j = a; j < k; j++)
			if (CANDIDATE(j))
				return (int)j;
		k = a;
	}
#undef CANDIDATE
	return -1;
}

/* An acronym copy (see parenthesised_acronyms): the entity of its
 * expansion, or -1. The copy's expansion is dropped either way. */
static int acronym_entity(const ng_lexicon *lx, ng_ents *x, size_t i)
{
	ng_mention *m = &x->m[i];
	int ent = -1;
	for (size_t k = 0; k < x->ne && ent < 0; k++)
		if (norm_eq(lx, x->e[k].name, m->name) || (x->e[k].entry >= 0 && m->entry == x->e[k].entry))
			ent = (int)k;
	for (size_t k = 0; k < i && ent < 0; k++)
		if (x->m[k].entity >= 0 && x->m[k].name && norm_eq(lx, x->m[k].name, m->name))
			ent = x->m[k].entity;
	free(m->name);
	m->name = NULL;
	return ent;
}

/* A knowledge-base mention: its entry, or the government it stands for
 * when it acts (never a dateline's place, whose metonym flag is cleared). */
static int known_entity(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, size_t i)
{
	ng_mention *m = &x->m[i];
	const ng_entry *e = &lx->entries[m->entry];
	const char *gov = ng_entry_gov(e, x->day);
	const ng_entry *g = gov ? ng_lexicon_entry(lx, gov) : NULL;
	if (g && m->metonym && acts(lx, d, m)) {
		m->type = g->type;
		return entity(x, g->id, g->name, g->type, (int)(g - lx->entries), (int)i);
	}
	m->type = e->type;
	return entity(x, e->id, e->name, e->type, m->entry, (int)i);
}

/* "the two sides": the two entities last mentioned (the second in
 * entity2), or -1. */
static int pair_entity(const ng_doc *d, ng_ents *x, size_t i)
{
	ng_mention *m = &x->m[i];
	int mask = m->type == NG_PERSON ? 1 << NG_PERSON : (1 << NG_STATE) | (1 << NG_PERSON);
	int a = recent(x, i, mask, -1, d, m->sent);
	int b = a >= 0 ? recent(x, i, mask, a, d, m->sent) : -1;
	if (b < 0)
		return -1;
	m->entity2 = b;
	return a;
}

/* Unnamed agreements named alike, in the singular or the plural ("a
 * preliminary agreement", "preliminary agreements"), are one. */
static int same_agreement(const ng_lexicon *lx, const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la == lb + 1 && a[la - 1] == 's' && !strncmp(a, b, lb))
		return 1;
	if (lb == la + 1 && b[lb - 1] == 's' && !strncmp(a, b, la))
		return 1;
	return norm_eq(lx, a, b);
}

/* An unnamed agreement: the one of the same name, or for a bare "the
 * treaty" the agreement last mentioned. Returns the entity, -1 when there
 * is none yet, -2 for a bare word that names none ("a treaty", or "the
 * treaty" before any agreement). */
static int agreement_entity(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, size_t i, const char *text)
{
	const ng_mention *m = &x->m[i];
	if (m->te - m->tb == 1) {
		int definite = m->tb > d->sents[m->sent].tok_begin && ng_lexicon_is_wid(lx, d->wid[m->tb - 1], NG_W_DEFINITE);
		int ent = definite ? ng_coref_agreement(x, i) : -1;
		return ent < 0 ? -2 : ent;
	}
	for (size_t k = x->ne; k-- > 0;)
		if (x->e[k].type == NG_AGREEMENT && x->e[k].needs_edge && same_agreement(lx, x->e[k].name, text))
			return (int)k;
	return -1;
}

static int party_type(int t)
{
	return t == NG_STATE || t == NG_ORGANIZATION || t == NG_COMPANY;
}

/* A one-word agreement after two parties joined by a hyphen ("the
 * Algeria-Italy deal") is named by the phrase from the first party on,
 * which tells it apart where "deal" alone would not. Sets *ent to the
 * new entity, leaves it when the words before are no such pair. Returns 0
 * or NG_ENOMEM. */
static int pair_agreement(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, size_t i, int *ent)
{
	const ng_mention *m = &x->m[i];
	if (i < 2 || m->te - m->tb != 1)
		return 0;
	const ng_mention *a = &x->m[i - 2], *b = &x->m[i - 1];
	if (a->sent != m->sent || b->sent != m->sent || !party_type(a->type) || !party_type(b->type) ||
	    b->start != a->end + 1 || d->text[a->end] != '-' || b->te > m->tb || m->tb - b->te > 2)
		return 0;
	/* at most two lower-case words between the pair and the agreement
	 * ("the Turkey-EU talks deal") */
	for (uint32_t t = b->te; t < m->tb; t++)
		if (!(d->toks[t].flags & NG_TOK_WORD) || (d->toks[t].flags & NG_TOK_CAP) ||
		    ng_lexicon_is_wid(lx, d->wid[t], NG_W_DETERMINER) || ng_lexicon_is_wid(lx, d->wid[t], NG_W_CONNECTOR) ||
		    ng_lexicon_is_wid(lx, d->wid[t], NG_W_LOCATION_PREP))
			return 0;
	char *name = ng_strndup(d->text + a->start, m->end - a->start);
	if (!name)
		return NG_ENOMEM;
	int e = new_entity(x, name, NG_AGREEMENT, (int)i);
	free(name);
	if (e < 0)
		return NG_ENOMEM;
	x->e[e].needs_edge = 1;
	*ent = e;
	return 0;
}

/* An unnamed agreement ("a copper contract") is a node only when a
 * relation attaches, so a headline may introduce it like the body. */
static int unnamed_agreement(const ng_mention *m)
{
	return m->kind == NG_NOMINAL && m->type == NG_AGREEMENT;
}

/* Two-word person names in either order ("Higuchi Natsuko", "Natsuko
 * Higuchi"): many East Asian names are written both ways. Both
 * normalised. */
static int swapped_name(const char *a, const char *b)
{
	const char *sa = strchr(a, ' '), *sb = strchr(b, ' ');
	if (!sa || !sb || strchr(sa + 1, ' ') || strchr(sb + 1, ' '))
		return 0;
	size_t la = (size_t)(sa - a), lb = (size_t)(sb - b);
	return strlen(sb + 1) == la && !memcmp(sb + 1, a, la) && strlen(sa + 1) == lb && !memcmp(sa + 1, b, lb);
}

/* Relaxed name match: one of two person names, normalised, is a shorter
 * form of the other ("Antonin Dvorak", "Antonin Leopold Dvorak"), or the
 * same two words swapped. */
static int relaxed_name(const char *name, const char *norm_text)
{
	ng_buf n = {0};
	int hit = !ng_norm_append(&n, name, strlen(name)) && n.s &&
	          (ng_coref_name_part_of(norm_text, n.s) || ng_coref_name_part_of(n.s, norm_text) ||
	           swapped_name(n.s, norm_text));
	ng_buf_free(&n);
	return hit;
}

/* Is the one-word person name `name` the last word of `norm_text`, a
 * fuller name (normalised)? "Galois" before "Evariste Galois". */
static int surname_of(const char *name, const char *norm_text)
{
	ng_buf n = {0};
	size_t l = strlen(norm_text);
	int hit = !strchr(name, ' ') && !ng_norm_append(&n, name, strlen(name)) && n.s && l > n.len &&
	          norm_text[l - n.len - 1] == ' ' && !strcmp(norm_text + l - n.len, n.s);
	ng_buf_free(&n);
	return hit;
}

static size_t named_before(const ng_ents *x, size_t i, int e)
{
	size_t n = 0;
	for (size_t j = 0; j < i; j++)
		n += x->m[j].entity == e;
	return n;
}

/* The person whose first or last word is `tok`: of several ("Moreau"
 * after "Jeanne Moreau" and her father "Anatole-Desire Moreau"), the one
 * named most often before mention i, since the text keeps naming its
 * subject; on a tie the latest. -1 if none. */
static int surname_entity(const ng_ents *x, size_t i, const char *tok)
{
	int best = -1, many = 0;
	size_t most = 0;
	for (size_t k = x->ne; k-- > 0;) {
		if (x->e[k].type != NG_PERSON || !name_part(x->e[k].name, tok))
			continue;
		if (best >= 0 && !many) { /* counted only when there are several */
			many = 1;
			most = named_before(x, i, best);
		}
		size_t n = many ? named_before(x, i, (int)k) : 0;
		if (best < 0 || n > most) {
			best = (int)k;
			most = n;
		}
	}
	return best;
}

/* A name by itself: the entity of the same name, a person by a surname
 * or first name seen, a firm by its first word ("Wyse said" after "Wyse
 * Technology"), or a new entity. Sets *out (-1: none). */
static int name_entity(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, size_t i, const char *text, int *out)
{
	ng_mention *m = &x->m[i];
	int ent = -1;
	/* a bare "deal" is no name: agreement_entity decides which deal */
	int bare = unnamed_agreement(m) && m->te - m->tb == 1;
	for (size_t k = x->ne; k-- > 0 && ent < 0 && !bare;) {
		const ng_entity *e = &x->e[k];
		if ((e->type == m->type || (m->type == NG_PERSON && e->type == NG_PERSON)) && norm_eq(lx, e->name, text))
			ent = (int)k;
	}
	if (ent < 0 && m->type == NG_PERSON && m->te - m->tb <= 3) {
		ng_buf nt = {0};
		if (ng_norm_append(&nt, text, strlen(text)) || !nt.s) {
			ng_buf_free(&nt);
			return NG_ENOMEM;
		}
		ent = surname_entity(x, i, nt.s);
		/* both names must have two words or more: most have not */
		for (size_t k = x->ne; k-- > 0 && ent < 0 && strchr(nt.s, ' ');)
			if (x->e[k].type == NG_PERSON && x->e[k].entry < 0 && strchr(x->e[k].name, ' ') &&
			    relaxed_name(x->e[k].name, nt.s))
				ent = (int)k;
		/* a full name after its surname alone (names.c kept the surname) */
		for (size_t k = x->ne; k-- > 0 && ent < 0 && strchr(nt.s, ' ');)
			if (x->e[k].type == NG_PERSON && x->e[k].entry < 0 && surname_of(x->e[k].name, nt.s))
				ent = (int)k;
		/* its id is the full name's, as when the full name came first */
		if (ent >= 0 && !strchr(x->e[ent].name, ' ') && strchr(nt.s, ' ')) {
			ng_buf id = {0};
			if (ng_buf_adds(&id, "person:") || ng_slug(&id, text)) {
				ng_buf_free(&id);
				ng_buf_free(&nt);
				return NG_ENOMEM;
			}
			free(x->e[ent].id);
			x->e[ent].id = id.s;
		}
		ng_buf_free(&nt);
	}
	if (ent < 0 && m->kind == NG_NOMINAL && m->type == NG_AGREEMENT) {
		ent = agreement_entity(lx, d, x, i, text);
		if (ent == -2 && pair_agreement(lx, d, x, i, &ent))
			return NG_ENOMEM;
		/* a bare "deal" is a node only between two parties (extract.c) */
		if (ent == -2) {
			/* each "a deal" is a deal of its own: its parties' ids
			 * tell it apart later (extract.c) */
			ng_buf id = {0};
			ent = ng_buf_adds(&id, "agreement:") || ng_slug(&id, text)
			              ? -1
			              : add_entity(x, id.s, text, NG_AGREEMENT, -1, (int)i);
			ng_buf_free(&id);
			if (ent < 0)
				return NG_ENOMEM;
			x->e[ent].needs_edge = NG_NEEDS_PARTIES;
		}
	}
	if (ent < 0 && m->unsure) {
		const char *tok = ng_tok_norm(d, &d->toks[m->tb]);
		for (size_t k = x->ne; k-- > 0 && ent < 0;)
			if ((x->e[k].type == NG_COMPANY || x->e[k].type == NG_ORGANIZATION) && first_word(x->e[k].name, tok)) {
				ent = (int)k;
				m->type = x->e[k].type;
			}
	}
	if (ent < 0 && !(m->unsure && !cue_near(lx, d, m)) && (!d->sents[m->sent].headline || m->needs_edge)) {
		ent = new_entity(x, text, m->type, (int)i);
		if (ent >= 0)
			x->e[ent].needs_edge = m->needs_edge;
	}
	/* A full name after its surname: later mentions agree. */
	if (ent >= 0 && x->e[ent].entry < 0 && strlen(text) > strlen(x->e[ent].name) && m->type == NG_PERSON) {
		char *nn = ng_strdup(text);
		if (nn) {
			free(x->e[ent].name);
			x->e[ent].name = nn;
		}
	}
	*out = ent;
	return 0;
}

/* Mention i linked by `pass` to mention `ante` (or not, when -1): the
 * entity, or -1. */
static int antecedent(ng_ents *x, size_t i, int ante, ng_pass pass)
{
	if (ante < 0)
		return -1;
	x->m[i].pass = pass;
	x->m[i].ante = ante;
	return x->m[ante].entity;
}

/* The person who leads the state named by the demonym or name before
 * role nominal i ("the Russian president", "the U.S. president"): the
 * last person, in the 20 sentences before, whom a title in the text
 * ("Russian President Putin") or the knowledge base makes its leader;
 * mention index or -1. */
static int role_antecedent(const ng_lexicon *lx, const ng_ents *x, size_t i)
{
	const ng_mention *m = &x->m[i];
	int st = -1;
	for (size_t k = i; k-- > 0 && st < 0 && x->m[k].te >= m->tb;)
		if (x->m[k].te == m->tb && x->m[k].entity >= 0 && (x->m[k].adj || x->m[k].type == NG_STATE))
			st = x->m[k].entity;
	for (size_t k = i; st >= 0 && k-- > 0 && m->sent - x->m[k].sent <= 20;) {
		const ng_mention *p = &x->m[k];
		if (p->entity < 0 || p->kind != NG_NAME || x->e[p->entity].type != NG_PERSON)
			continue;
		const ng_entity *e = &x->e[p->entity];
		const char *leads = e->entry >= 0 ? lx->entries[e->entry].leads : NULL;
		int titled = p->title_rel == NG_REL_LEADS &&
		             ((p->title_of >= 0 && x->m[p->title_of].entity == st) ||
		              (p->title_of2 >= 0 && x->m[p->title_of2].entity == st));
		if (titled || (leads && !strcmp(leads, x->e[st].id)))
			return (int)k;
	}
	return -1;
}

/* The last name of two words or more, in the five sentences before
 * nominal i (anywhere before when i is capitalised: "the Community"),
 * whose last word is i's ("the university", "Columbia University");
 * mention index or -1. */
static int head_antecedent(const ng_doc *d, const ng_ents *x, size_t i)
{
	const ng_mention *m = &x->m[i];
	const char *w = ng_tok_norm(d, &d->toks[m->tb]);
	int cap = (d->toks[m->tb].flags & NG_TOK_CAP) != 0;
	for (size_t k = i; k-- > 0 && (cap || m->sent - x->m[k].sent <= 5);) {
		const ng_mention *p = &x->m[k];
		if (p->entity >= 0 && p->kind == NG_NAME && p->te - p->tb >= 2 && !p->adj &&
		    !strcmp(ng_tok_norm(d, &d->toks[p->te - 1]), w))
			return (int)k;
	}
	return -1;
}

/* "the group" after "the BRICS group": the body last named with the
 * nominal's own noun (a name right before it, or a nominal of the same
 * noun that found its body) in the ten sentences before; mention index or
 * -1. The noun tells bodies apart better than nearness does. */
static int same_noun_antecedent(const ng_doc *d, const ng_ents *x, size_t i, int bodies)
{
	const ng_mention *m = &x->m[i];
	const char *w = ng_tok_norm(d, &d->toks[m->te - 1]);
	for (size_t k = i; k-- > 0 && m->sent - x->m[k].sent <= 10;) {
		const ng_mention *p = &x->m[k];
		if (p->entity < 0 || p->plural || p->adj || !(bodies & (1 << x->e[p->entity].type)))
			continue;
		if ((p->kind == NG_NAME && p->te < d->ntoks && d->toks[p->te].sent == p->sent &&
		     !strcmp(ng_tok_norm(d, &d->toks[p->te]), w)) ||
		    (p->kind == NG_NOMINAL && !strcmp(ng_tok_norm(d, &d->toks[p->te - 1]), w)))
			return (int)k;
	}
	return -1;
}

/* The body most in view for "the Russian company" (nominal i), unless
 * the knowledge base puts it in another state than the demonym's;
 * mention index or -1. */
static int body_antecedent(const ng_lexicon *lx, const ng_ents *x, size_t i)
{
	const int bodies = 1 << NG_COMPANY | 1 << NG_ORGANIZATION | 1 << NG_GROUP;
	const ng_mention *m = &x->m[i];
	int st = -1, ante = salient(NULL, x, i, bodies, 2);
	for (size_t k = i; k-- > 0 && st < 0 && x->m[k].te >= m->tb;)
		if (x->m[k].te == m->tb && x->m[k].adj)
			st = x->m[k].entity;
	if (ante < 0 || st < 0)
		return -1;
	const ng_entity *e = &x->e[x->m[ante].entity];
	const char *home = e->entry >= 0 ? lx->entries[e->entry].in : NULL;
	return home && strcmp(home, x->e[st].id) ? -1 : ante;
}

/* The topic of a kind for "the island" with no place of its kind in
 * view: the entity of a type in type_mask that names before mention i
 * name most often, at least three times and more often than any other
 * (a guide's island, a report's country); mention index of its last
 * name, or -1. */
static int topic(const ng_ents *x, size_t i, int type_mask)
{
	int *count = calloc(x->ne + 1, sizeof *count);
	if (!count)
		return -1; /* no topic is a safe reading */
	int best = -1, most = 0, second = 0;
	for (size_t k = 0; k < i; k++) {
		const ng_mention *p = &x->m[k];
		if (p->entity < 0 || p->kind != NG_NAME || p->adj || !(type_mask & (1 << x->e[p->entity].type)))
			continue;
		int n = ++count[p->entity];
		if (best >= 0 && x->m[best].entity == p->entity)
			most = n;
		else if (n > most) {
			second = most;
			most = n;
		}
		else if (n > second)
			second = n;
		if (n == most)
			best = (int)k;
	}
	free(count);
	return most >= 3 && most > second ? best : -1;
}

/* A nominal that ng_coref_add_nominals added: its text names nothing, so
 * it is no alias. */
static void link_nominal(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, size_t i)
{
	ng_mention *m = &x->m[i];
	ng_pass pass = m->pass;
	int ante = -1;
	if (pass == NG_PASS_ROLE)
		ante = role_antecedent(lx, x, i);
	else if (pass == NG_PASS_HEAD)
		ante = head_antecedent(d, x, i);
	else if (pass == NG_PASS_BODY)
		ante = body_antecedent(lx, x, i);
	else {
		ante = salient(d, x, i, 1 << m->type, m->type == NG_ORGANIZATION ? NG_BODY_KIND_BACK : 2);
		if (ante < 0)
			ante = topic(x, i, 1 << m->type);
	}
	m->pass = NG_PASS_NONE;
	m->entity = antecedent(x, i, ante, pass);
	if (m->entity >= 0)
		m->type = x->e[m->entity].type;
}

/* Points mention i at its entity; a mention that names it keeps its text
 * as m->name. */
static int link_mention(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, size_t i)
{
	ng_mention *m = &x->m[i];
	char *text = mention_text(d, m);
	if (!text)
		return NG_ENOMEM;
	int ent = m->name ? acronym_entity(lx, x, i) : -1, rc = 0;
	if (ent >= 0) {
		m->entity = ent;
		m->name = text;
		m->type = x->e[ent].type;
		return 0;
	}
	const int bodies = 1 << NG_COMPANY | 1 << NG_ORGANIZATION | 1 << NG_GROUP;
	if (m->kind == NG_NOMINAL && m->pass) {
		link_nominal(lx, d, x, i);
		free(text);
		return 0;
	}
	if (m->entry >= 0)
		ent = known_entity(lx, d, x, i);
	else if (m->kind == NG_PRONOUN && m->pass == NG_PASS_INTERVIEW)
		ent = ng_coref_interviewee(d, x, i);
	else if (m->kind == NG_PRONOUN && m->pass == NG_PASS_QUOTE)
		ent = ng_coref_quoted(lx, d, x, i);
	else if (m->kind == NG_PRONOUN && m->plural)
		ent = ng_coref_plural(d, x, i);
	else if (m->kind == NG_PRONOUN && m->pass == NG_PASS_THERE) /* the place or state just named */
		ent = antecedent(x, i, salient(NULL, x, i, 1 << NG_LOCATION | 1 << NG_STATE, 1), NG_PASS_THERE);
	else if (m->kind == NG_PRONOUN && m->type != NG_PERSON) {
		/* a place only when no body or state is in view: "Cleveland has
		 * endured growing pains as it makes its transition" */
		int ante = salient(NULL, x, i, bodies | 1 << NG_STATE, 2);
		ent = antecedent(x, i, ante >= 0 ? ante : salient(NULL, x, i, 1 << NG_LOCATION, 1), NG_PASS_IT);
	}
	else if (m->kind == NG_PRONOUN)
		ent = ng_coref_person(d, x, i);
	else if (m->kind == NG_NOMINAL && m->type == NG_COMPANY) {
		/* "the company": its text names nothing, so it is no alias */
		int ante = same_noun_antecedent(d, x, i, bodies);
		m->entity = antecedent(x, i, ante >= 0 ? ante : salient(d, x, i, bodies, 2), NG_PASS_BODY);
		if (m->entity >= 0)
			m->type = x->e[m->entity].type;
		free(text);
		return 0;
	}
	else if (m->plural) {
		ent = pair_entity(d, x, i);
		m->pass = ent >= 0 ? NG_PASS_PAIR : NG_PASS_NONE;
		m->ante = -1; /* two antecedents: the entities say which */
	}
	else
		rc = name_entity(lx, d, x, i, text, &ent);
	m->entity = ent;
	ng_coref_note_gender(lx, d, x, i);
	if (!rc && ent >= 0 && m->kind != NG_PRONOUN && !m->plural)
		m->name = text;
	else
		free(text);
	return rc;
}

/* "he (Putin)": the name in parentheses says who the pronoun is. */
static void paren_pronouns(const ng_doc *d, ng_ents *x)
{
	for (size_t i = 0; i + 1 < x->n; i++) {
		ng_mention *m = &x->m[i], *n = &x->m[i + 1];
		if (m->kind == NG_PRONOUN && n->entity >= 0 && n->tb == m->te + 1 && n->te < d->ntoks &&
		    strcmp(ng_tok_norm(d, &d->toks[m->te]), "(") == 0 && strcmp(ng_tok_norm(d, &d->toks[n->te]), ")") == 0) {
			m->entity = n->entity;
			m->pass = NG_PASS_PAREN;
			m->ante = (int)i + 1;
		}
	}
}

/* Does mention i refer through another mention (a pronoun, "the
 * company", "the two sides") rather than name what it is? */
static int refers(const ng_ents *x, size_t i)
{
	const ng_mention *m = &x->m[i];
	return m->kind == NG_PRONOUN || m->plural || (m->kind == NG_NOMINAL && (m->type == NG_COMPANY || m->pass));
}

/* Does mention m say what kind of place it is: "Athens (Greek: ...) is
 * the capital and largest city of Greece", "Kabul was a small town"? A
 * copula, then within a few words "city", "capital", "town" or
 * "village". */
static int called_a_city(const ng_doc *d, const ng_mention *m)
{
	static const char *const be[] = {"is", "was", NULL};
	static const char *const kind[] = {"city", "capital", "town", "village", NULL};
	const ng_sentence *s = &d->sents[m->sent];
	uint32_t t = m->te;
	for (int depth = 0; t < s->tok_end && (depth || !strcmp(ng_tok_norm(d, &d->toks[t]), "(")); t++)
		depth += !strcmp(ng_tok_norm(d, &d->toks[t]), "(") - !strcmp(ng_tok_norm(d, &d->toks[t]), ")");
	if (t < s->tok_end && !strcmp(ng_tok_norm(d, &d->toks[t]), ","))
		t++;
	if (t >= s->tok_end || !in_words(ng_tok_norm(d, &d->toks[t]), be))
		return 0;
	for (uint32_t k = t + 1; k < s->tok_end && k <= t + 6; k++)
		if (in_words(ng_tok_norm(d, &d->toks[k]), kind))
			return 1;
	return 0;
}

/* A text that says a capital is a city ("Athens is the capital and
 * largest city of Greece") writes of the city, not of the government it
 * stands for elsewhere ("Moscow said"): none of its mentions acts. */
static void places_called_cities(const ng_doc *d, ng_ents *x)
{
	for (size_t i = 0; i < x->n; i++) {
		if (!x->m[i].metonym || x->m[i].entry < 0 || !called_a_city(d, &x->m[i]))
			continue;
		for (size_t k = 0; k < x->n; k++)
			if (x->m[k].entry == x->m[i].entry)
				x->m[k].metonym = 0;
	}
}

/* The entity that a name of its own, alone, names with the words of
 * tokens [a, b): the first such name of the sorted names g[0..n), or -1.
 * Not a demonym ("Chinese" in "the Chinese Communist Party"): a word about
 * the state, not its name. */
static int named_alone(const ng_doc *d, const ng_ents *x, const ng_named *g, size_t n, uint32_t a, uint32_t b)
{
	ng_named key = {d->text + d->toks[a].start, d->toks[b - 1].end - d->toks[a].start, 0};
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ng_cmp_named(&g[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == n || g[lo].len != key.len || memcmp(g[lo].s, key.s, key.len) || x->m[g[lo].i].te - x->m[g[lo].i].tb != b - a)
		return -1;
	return x->m[g[lo].i].entity;
}

/* "the Toyota Foundation", "the University of Ohio": where the article
 * also names an entity alone, its name inside a longer name is one more
 * mention of it (x->inner). Not inside people's names: "Strauss" in
 * "Johann Strauss" is a kinsman, not the Strauss named alone. */
static int inner_names(const ng_doc *d, ng_ents *x)
{
	ng_named *g = malloc((x->n + 1) * sizeof *g);
	if (!g)
		return NG_ENOMEM;
	size_t n = 0;
	for (size_t i = 0; i < x->n; i++) {
		const ng_mention *m = &x->m[i];
		if (m->kind == NG_NAME && m->entity >= 0 && !m->plural && !m->adj)
			g[n++] = (ng_named){d->text + m->start, m->end - m->start, (uint32_t)i};
	}
	ng_sort(g, n, sizeof *g, ng_cmp_named);
	for (size_t i = 0; i < x->n; i++) {
		const ng_mention *m = &x->m[i];
		if (m->kind != NG_NAME || m->entity < 0 || m->plural || m->te - m->tb < 2 ||
		    x->e[m->entity].type == NG_PERSON)
			continue;
		for (uint32_t a = m->tb; a < m->te; a++)
			for (uint32_t b = m->te; b > a; b--) {
				int e = b - a < m->te - m->tb ? named_alone(d, x, g, n, a, b) : -1;
				if (e < 0 || e == m->entity)
					continue;
				ng_mention *in = NG_PUSH(x->inner, x->ninner, x->cinner);
				if (!in) {
					free(g);
					return NG_ENOMEM;
				}
				m = &x->m[i];
				*in = (ng_mention){d->toks[a].start, d->toks[b - 1].end, a, b, m->sent, x->e[e].type, NG_NAME,
				                   .entry = x->e[e].entry, .title_rel = -1, .title_of = -1, .title_of2 = -1,
				                   .entity = e, .entity2 = -1, .ante = -1};
				a = b - 1; /* on after the inner name */
				break;
			}
	}
	free(g);
	return 0;
}

int ng_link(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, ng_error *err)
{
	if (ng_coref_add_nominals(lx, d, x) || ng_coref_add_pronouns(d, x) || parenthesised_acronyms(d, x) ||
	    ng_ents_sort(x))
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	places_called_cities(d, x);
	/* Names first, then what refers to them; headlines last, against what
	 * the body established. */
	for (int round = 0; round < 4; round++) {
		if (round == 2)
			paren_pronouns(d, x);
		for (size_t i = 0; i < x->n; i++)
			if ((d->sents[x->m[i].sent].headline && !unnamed_agreement(&x->m[i])) == (round & 1) &&
			    refers(x, i) == (round >> 1) &&
			    x->m[i].entity < 0 && link_mention(lx, d, x, i))
				return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	if (inner_names(d, x))
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	return 0;
}
