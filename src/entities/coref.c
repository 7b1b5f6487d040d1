/* Entities, part 4: coreference of personal pronouns, in the spirit of the
 * multi-pass sieve (Lee et al. 2013) on what the tokens show: candidates are
 * the persons already linked, a pronoun agrees with its antecedent in
 * gender, never takes a mention that contains it, and prefers in its own
 * sentence the first person before it (the subject comes first), else the
 * first in the nearest of the three sentences before that has one. */
#include "entities/coref.h"

#include <stdlib.h>
#include <string.h>

#include "entities/lexicon.h"
#include "util/util.h"

enum { MALE = 1, FEMALE = 2 };

const char *ng_pass_name(ng_pass p)
{
	static const char *const names[] = {"", "pronoun", "it", "body-nominal", "pair", "split", "parenthesis", "cataphora",
	                                    "head-match", "kind-nominal", "role-nominal", "speaker", "predicate",
	                                    "apposition", "interview", "agreement", "there"};
	return p < sizeof names / sizeof *names ? names[p] : "";
}

static int pronoun_gender(const char *w)
{
	static const char *const male[] = {"he", "him", "his", "himself", NULL};
	static const char *const female[] = {"she", "her", "hers", "herself", NULL};
	for (int k = 0; male[k]; k++)
		if (!strcmp(w, male[k]))
			return MALE;
	for (int k = 0; female[k]; k++)
		if (!strcmp(w, female[k]))
			return FEMALE;
	return 0;
}

/* A title or a kinship word before a name that says the gender ("Mrs.",
 * "King", "her father Omar Vale", "actress Dale Vine"). */
static int title_gender(const char *w)
{
	static const char *const male[] = {"mr", "mr.", "king", "prince", "sir", "lord", "duke", "emperor",
	                                   "father", "son", "brother", "husband", "uncle", "nephew", "grandfather",
	                                   "actor", "businessman", "boyfriend", NULL};
	static const char *const female[] = {"mrs", "mrs.", "ms", "ms.", "miss", "queen", "princess", "lady",
	                                     "duchess", "empress", "madam", "dame", "mother", "daughter", "sister",
	                                     "wife", "aunt", "niece", "grandmother", "actress", "businesswoman",
	                                     "girlfriend", NULL};
	for (int k = 0; male[k]; k++)
		if (!strcmp(w, male[k]))
			return MALE;
	for (int k = 0; female[k]; k++)
		if (!strcmp(w, female[k]))
			return FEMALE;
	return 0;
}

void ng_coref_note_gender(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, size_t i)
{
	const ng_mention *m = &x->m[i];
	if (m->entity < 0 || x->e[m->entity].type != NG_PERSON || x->e[m->entity].gender)
		return;
	int g = 0;
	if (m->kind == NG_PRONOUN)
		g = pronoun_gender(ng_tok_norm(d, &d->toks[m->tb]));
	else {
		if (m->tb > d->sents[m->sent].tok_begin)
			g = title_gender(ng_tok_norm(d, &d->toks[m->tb - 1]));
		/* the first word of the name: a title it holds, or a given name */
		const char *first = ng_tok_norm(d, &d->toks[m->tb]);
		if (!g && m->kind == NG_NAME && m->te - m->tb >= 2)
			g = ng_lexicon_is_wid(lx, d->wid[m->tb], NG_W_GIVEN_GENDER)
			        ? ng_lexicon_value(lx, NG_W_GIVEN_GENDER, first, 0)
			        : title_gender(first);
	}
	x->e[m->entity].gender = g;
}

static int in_list(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(w, *list))
			return 1;
	return 0;
}

/* Is token t an object pronoun: "him", or "her" before no noun it could
 * own ("described her as", "called her the inventor", "met her.")? */
static int object_pronoun(const ng_doc *d, uint32_t t)
{
	static const char *const not_owned[] = {"a", "an", "the", "as", "at", "in", "on", "to", "for", "from",
	                                        "with", "by", "of", "and", "but", "or", "that", "this", "into",
	                                        "up", "out", "back", "down", "off", "over", "about", NULL};
	const char *w = ng_tok_norm(d, &d->toks[t]);
	if (!strcmp(w, "him"))
		return 1;
	if (strcmp(w, "her") || t + 1 >= d->sents[d->toks[t].sent].tok_end)
		return 0;
	return (d->toks[t + 1].flags & NG_TOK_PUNCT) || in_list(ng_tok_norm(d, &d->toks[t + 1]), not_owned);
}

/* Is mention k in the clause of object pronoun i ("Pachomius called on
 * him", "Quill described her as"), which then cannot be k (it would
 * be "himself")? A clause ends at punctuation or a word that opens
 * another ("to", "and", "that", "who", "said" ...: "Forlani said Craxi
 * told him"). */
static int same_clause_object(const ng_doc *d, const ng_ents *x, size_t k, size_t i)
{
	static const char *const opener[] = {"to", "and", "but", "or", "that", "who", "whom", "which", "because",
	                                     "when", "while", "after", "before", "if", "as", "since", "until",
	                                     "said", "says", "say", "claimed", "believed", "thought", "stated",
	                                     "announced", "reported", NULL};
	const ng_mention *p = &x->m[k], *m = &x->m[i];
	if (p->sent != m->sent || p->te > m->tb || !object_pronoun(d, m->tb))
		return 0;
	/* the comma that closes an apposition does not end the clause ("Her
	 * tutor, Quill, described her") */
	uint32_t t = p->te;
	if (t + 1 < m->tb && p->tb > d->sents[p->sent].tok_begin && !strcmp(ng_tok_norm(d, &d->toks[p->tb - 1]), ",") &&
	    !strcmp(ng_tok_norm(d, &d->toks[t]), ","))
		t++;
	for (; t < m->tb; t++)
		if ((d->toks[t].flags & NG_TOK_PUNCT) || in_list(ng_tok_norm(d, &d->toks[t]), opener))
			return 0;
	return 1;
}

/* Can mention k be the antecedent of pronoun i of gender g? */
static int candidate(const ng_doc *d, const ng_ents *x, size_t k, size_t i, int g)
{
	int known = g < 0;
	g = abs(g);
	const ng_mention *p = &x->m[k], *m = &x->m[i];
	if (p->entity < 0 || p->plural || p->adj || x->e[p->entity].type != NG_PERSON)
		return 0;
	/* "his counterpart": a possessive inside a phrase is not that phrase */
	if ((p->tb <= m->tb && p->te >= m->te) || same_clause_object(d, x, k, i))
		return 0;
	int eg = x->e[p->entity].gender;
	return known ? eg == g : !(g && eg && g != eg);
}

/* Is mention k a possessive ("his comments", "Putin's aide")? It names
 * the owner, not the subject, so it comes after every other candidate. */
static int possessive(const ng_doc *d, const ng_ents *x, size_t k)
{
	const ng_mention *p = &x->m[k];
	if (p->kind == NG_PRONOUN) {
		const char *w = ng_tok_norm(d, &d->toks[p->tb]);
		return !strcmp(w, "his") || !strcmp(w, "her") || !strcmp(w, "its");
	}
	return p->te < d->ntoks && (d->toks[p->te].flags & NG_TOK_POSS);
}

/* A title word before a name: one that says the gender, an abbreviation
 * ("Dr.", "Gen.") or a rank. */
static int is_title(const char *w)
{
	static const char *const rank[] = {"pope", "saint", "general", "president", "professor", "father",
	                                   "captain", "colonel", "senator", "judge", NULL};
	size_t n = strlen(w);
	return title_gender(w) || (n > 1 && n <= 5 && w[n - 1] == '.') || in_list(w, rank);
}

/* Is name mention k oblique: the object of a preposition ("the care of
 * a Dr. Rusk", "studied with Okafor", "a talk by Lena Marsh"), in
 * parentheses, or later in a list that one opens ("with Okafor,
 * Lund and Tarrant")? Such a person is seldom what the next "he"
 * is about. */
static int oblique(const ng_doc *d, const ng_ents *x, size_t k)
{
	static const char *const prep[] = {"of", "with", "by", "to", "for", "from", "at", "in", "on", "under",
	                                   "alongside", "against", "including", "like", "among", "between", "about",
	                                   "than", "toward", "towards", "beside", "without", "(", NULL};
	static const char *const det[] = {"a", "an", "the", NULL};
	const ng_mention *p = &x->m[k];
	uint32_t t = p->tb, s0 = d->sents[p->sent].tok_begin;
	if (p->kind == NG_PRONOUN)
		return 0;
	/* a title the name leaves out ("Dr.", "Pope", "General") */
	if (t > s0 && (d->toks[t - 1].flags & NG_TOK_CAP) && is_title(ng_tok_norm(d, &d->toks[t - 1])))
		t--;
	if (t > s0 && in_list(ng_tok_norm(d, &d->toks[t - 1]), det))
		t--;
	if (t == s0)
		return 0;
	const char *w = ng_tok_norm(d, &d->toks[t - 1]);
	if (in_list(w, prep))
		return 1;
	return k > 0 && t == p->tb && x->m[k - 1].te + 1 == t && (!strcmp(w, ",") || !strcmp(w, "and")) &&
	       oblique(d, x, k - 1);
}

/* The first candidate in mentions [a, b), the oblique ones after the
 * others and the possessives last, except that "his" (already linked)
 * comes before a name in a phrase; or -1. */
static int first_in(const ng_doc *d, const ng_ents *x, size_t a, size_t b, size_t i, int g)
{
	int poss = -1, obl = -1;
	for (size_t k = a; k < b; k++)
		if (candidate(d, x, k, i, g)) {
			if (possessive(d, x, k)) {
				if (poss < 0)
					poss = (int)k;
			} else if (!oblique(d, x, k))
				return (int)k;
			else if (obl < 0)
				obl = (int)k;
		}
	if (poss >= 0 && x->m[poss].kind == NG_PRONOUN)
		return poss;
	return obl >= 0 ? obl : poss;
}

/* The first mention of pronoun i's sentence that may be its antecedent:
 * inside a quotation opened in the sentence, the quotation's first, since
 * a speaker does not speak of himself as "he" ("Zheng believes that, "Xi
 * has to consider that his ..."). */
static size_t scope_start(const ng_doc *d, const ng_ents *x, size_t i)
{
	size_t a = i;
	while (a > 0 && x->m[a - 1].sent == x->m[i].sent)
		a--;
	uint32_t open = 0, quotes = 0;
	for (uint32_t t = d->sents[x->m[i].sent].tok_begin; t < x->m[i].tb; t++)
		if (d->toks[t].flags & NG_TOK_QUOTE) {
			quotes++;
			open = t;
		}
	while (quotes % 2 && a < i && x->m[a].tb < open)
		a++;
	return a;
}

/* Safe cataphora: "In his speech, Lula said": a possessive before the
 * first comma of a sentence, after a word and with no person before it,
 * takes the person that opens the clause after the comma. */
static int cataphora(const ng_doc *d, const ng_ents *x, size_t i, int g)
{
	const ng_mention *m = &x->m[i];
	const ng_sentence *s = &d->sents[m->sent];
	const char *w = ng_tok_norm(d, &d->toks[m->tb]);
	/* "Her father, Anatole Moreau, ...": a possessive that opens the
	 * sentence begins its subject, and the name after the comma is in
	 * apposition to that subject */
	if ((strcmp(w, "his") && strcmp(w, "her")) || m->tb == s->tok_begin)
		return -1;
	uint32_t c = m->te;
	while (c < s->tok_end && strcmp(ng_tok_norm(d, &d->toks[c]), ","))
		c++;
	for (size_t k = i + 1; k < x->n && x->m[k].sent == m->sent && x->m[k].tb <= c + 1; k++)
		if (x->m[k].tb == c + 1 && candidate(d, x, k, i, g) &&
		    (x->m[k].kind != NG_PRONOUN || x->m[k].pass == NG_PASS_PAREN))
			return (int)k;
	return -1;
}

/* The first candidate of the nearest of the three sentences before
 * mention a's (mentions before a) that has one. There a person already
 * known to be "she" comes before one of unknown gender ("Moreau made her
 * debut ... alongside Jean Gabin ... She began"), unless only a
 * possessive or a phrase says so; not so for "he", the more common,
 * which a given name says of many ("adviser to Chancellor Karl Vale
 * ... he said" is the adviser's). */
static int before_sentence(const ng_doc *d, const ng_ents *x, size_t a, size_t i, int g)
{
	int hit = -1;
	for (size_t b = a; hit < 0 && b > 0 && x->m[i].sent - x->m[b - 1].sent <= 3;) {
		size_t s0 = b;
		while (s0 > 0 && x->m[s0 - 1].sent == x->m[b - 1].sent)
			s0--;
		for (size_t k = s0; g == FEMALE && k < b && hit < 0; k++)
			if (candidate(d, x, k, i, -g) && !possessive(d, x, k) && !oblique(d, x, k))
				hit = (int)k;
		if (hit < 0)
			hit = first_in(d, x, s0, b, i, g);
		b = s0;
	}
	return hit;
}

static int interviewee(const ng_doc *d, const ng_ents *x);

/* Is mention k the subject its sentence opens with: the first person of
 * the sentence, in no phrase and owning nothing ("Rusk said ... He
 * said" is Rusk's)? */
static int opens(const ng_doc *d, const ng_ents *x, size_t k)
{
	for (size_t j = k; j-- > 0 && x->m[j].sent == x->m[k].sent;)
		if (x->m[j].type == NG_PERSON)
			return 0;
	return !oblique(d, x, k) && !possessive(d, x, k);
}

/* The person the text is about: the first named in its two opening
 * sentences (a headline, a biography's lead), when named again in the
 * first twenty (which also bounds the work per pronoun); entity index or
 * -1. Not an interviewee, who speaks of himself as "I". */
static int topic(const ng_doc *d, const ng_ents *x)
{
	int e = -1, named = 0, iv = interviewee(d, x);
	if (iv >= 0 && x->m[iv].sent <= 1)
		return -1;
	for (size_t k = 0; k < x->n && x->m[k].sent < 20; k++) {
		const ng_mention *m = &x->m[k];
		if (m->kind != NG_NAME || m->entity < 0 || m->adj || x->e[m->entity].type != NG_PERSON)
			continue;
		if (e < 0) {
			if (m->sent > 1)
				return -1;
			e = m->entity;
		}
		if ((named += m->entity == e) == 2)
			return e;
	}
	return -1;
}

/* Is mention k in a phrase fronted before pronoun i, its comma right
 * before i ("Placed in the care of Dr. Rusk, he")? Not "Officials with
 * Rusk said he", where he may be Rusk. */
static int fronted(const ng_doc *d, const ng_ents *x, size_t k, size_t i)
{
	uint32_t t = x->m[i].tb;
	if (t == 0 || strcmp(ng_tok_norm(d, &d->toks[t - 1]), ","))
		return 0;
	for (uint32_t u = x->m[k].te; u + 1 < t; u++)
		if (!strcmp(ng_tok_norm(d, &d->toks[u]), ","))
			return 0;
	return 1;
}

int ng_coref_person(const ng_doc *d, ng_ents *x, size_t i)
{
	ng_mention *m = &x->m[i];
	const char *w = ng_tok_norm(d, &d->toks[m->tb]);
	int g = pronoun_gender(w), hit = -1;
	size_t a = scope_start(d, x, i);
	if (strstr(w, "self")) { /* "Norton proclaimed himself": the nearest, in its clause */
		for (size_t k = i; k-- > a && hit < 0;)
			if (candidate(d, x, k, i, g))
				hit = (int)k;
	}
	/* "Placed in the care of Dr. Rusk, he ...": a person in a phrase
	 * gives way to the one the sentences before are about; not for an
	 * object or a possessive ("the prize went to Lund when Okafor wrote
	 * to him") */
	int subject = !strcmp(w, "he") || !strcmp(w, "she");
	if (hit < 0)
		hit = first_in(d, x, a, i, i, g);
	if (hit >= 0 && subject && oblique(d, x, (size_t)hit) && fronted(d, x, (size_t)hit, i)) {
		size_t b = a;
		while (b > 0 && x->m[b - 1].sent == m->sent)
			b--;
		int before = before_sentence(d, x, b, i, g);
		if (before >= 0 && !oblique(d, x, (size_t)before) && !possessive(d, x, (size_t)before))
			hit = before;
	}
	if (hit < 0 && a == i && (a == 0 || x->m[a - 1].sent != m->sent))
		hit = cataphora(d, x, i, g);
	while (a > 0 && x->m[a - 1].sent == m->sent)
		a--;
	if (hit < 0)
		hit = before_sentence(d, x, a, i, g);
	/* a person of unknown gender in a sentence before, not its subject,
	 * gives way to the topic known to be "he" or "she" */
	int tp = hit >= 0 && g && x->m[hit].sent != m->sent && !opens(d, x, (size_t)hit) ? topic(d, x) : -1;
	if (tp >= 0 && tp != x->m[hit].entity && x->e[tp].gender == g && !x->e[x->m[hit].entity].gender) {
		size_t k = i;
		while (k-- > 0 && x->m[k].entity != tp)
			;
		if (k < i)
			hit = (int)k;
	}
	if (hit < 0)
		return -1;
	m->pass = hit > (int)i ? NG_PASS_CATAPHORA : NG_PASS_PRONOUN;
	m->ante = hit;
	return x->m[hit].entity;
}

static int next_word(const char **p, const char **w, size_t *n)
{
	while (**p == ' ')
		(*p)++;
	*w = *p;
	while (**p && **p != ' ')
		(*p)++;
	*n = (size_t)(*p - *w);
	return *n > 0;
}

int ng_coref_name_part_of(const char *text, const char *full)
{
	const char *lt = strrchr(text, ' '), *lf = strrchr(full, ' ');
	if (!lt || !lf || strcmp(lt, lf) || strlen(text) >= strlen(full))
		return 0;
	const char *p = text, *q = full, *w, *v;
	size_t n, k;
	while (next_word(&p, &w, &n)) {
		int found = 0;
		while (!found && next_word(&q, &v, &k))
			found = k == n && !memcmp(w, v, n);
		if (!found)
			return 0;
	}
	return 1;
}

/* is_they and first_person are asked of every token of the text: a test
 * of the first letter turns most tokens away before any strcmp. */
static int is_they(const char *w)
{
	return w[0] == 't' && (!strcmp(w, "they") || !strcmp(w, "them") || !strcmp(w, "their"));
}

/* First person: 1 singular (a person), 2 plural (a body, a state or a
 * person speaking for one), else 0. */
static int first_person(const char *w)
{
	if (!w[0] || !strchr("imwuo", w[0]))
		return 0;
	if (!strcmp(w, "i") || !strcmp(w, "me") || !strcmp(w, "my") || !strcmp(w, "myself"))
		return 1;
	return !strcmp(w, "we") || !strcmp(w, "us") || !strcmp(w, "our") ? 2 : 0;
}

/* A double quotation mark (straight or curly); single ones are too often
 * apostrophes. */
static int dquote(const ng_doc *d, uint32_t t)
{
	const unsigned char *p = (const unsigned char *)d->text + d->toks[t].start;
	return (d->toks[t].flags & NG_TOK_QUOTE) &&
	       (p[0] == '"' || (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x9D)));
}

/* The quotation around token t in its paragraph: its marks' tokens (close
 * is the paragraph's end when the quotation runs on). 0 when t is not
 * quoted. */
static int quotation(const ng_doc *d, uint32_t t, uint32_t *open, uint32_t *close)
{
	uint32_t para = d->sents[d->toks[t].sent].para, a = t, n = 0;
	/* a quotation opened over 400 tokens before is taken as closed: a
	 * bound on the work in one long paragraph */
	while (a > 0 && t - a < 400 && d->sents[d->toks[a - 1].sent].para == para)
		a--;
	for (uint32_t k = a; k < t; k++)
		if (dquote(d, k)) {
			n++;
			*open = k;
		}
	if (n % 2 == 0)
		return 0;
	for (*close = t + 1; *close < d->ntoks && *close - t < 400 && d->sents[d->toks[*close].sent].para == para;
	     (*close)++)
		if (dquote(d, *close))
			return 1;
	return 1;
}

/* A one-token mention of token t that names nothing by itself. */
static ng_mention *add_word_mention(const ng_doc *d, ng_ents *x, uint32_t t, int type, ng_mention_kind kind)
{
	ng_mention *m = NG_PUSH(x->m, x->n, x->cap);
	if (!m)
		return NULL;
	memset(m, 0, sizeof *m);
	m->tb = t;
	m->te = t + 1;
	m->start = d->toks[t].start;
	m->end = d->toks[t].end;
	m->sent = d->toks[t].sent;
	m->type = type;
	m->kind = kind;
	m->entry = m->title_rel = m->title_of = m->title_of2 = -1;
	m->entity = m->entity2 = m->ante = -1;
	return m;
}

/* ---- Interviews: turns without quotation marks ----
 * An interview announces its interviewee in its opening ("Wikinews
 * interviews Robert Sarvis, ...", "Interview with Noam Chomsky", "Frank
 * Messina: An Interview with ...") and then alternates questions, the
 * paragraphs that end with "?", with answers. In an answer "I" is the
 * interviewee; in a question "you" is. */

/* The sentences [*first, *last] of the paragraph of sentence si. */
static void paragraph(const ng_doc *d, uint32_t si, uint32_t *first, uint32_t *last)
{
	uint32_t para = d->sents[si].para;
	for (*first = si; *first > 0 && d->sents[*first - 1].para == para;)
		(*first)--;
	for (*last = si; *last + 1 < d->nsents && d->sents[*last + 1].para == para;)
		(*last)++;
}

/* A question put as a statement is short, speaks to "you" and gets a
 * longer answer ("You have received a good deal of attention
 * recently."); a long paragraph that ends with a question mark is an
 * answer that ends on a question of its own. */
enum { NG_STATED_QUESTION_TOKENS = 40, NG_QUESTION_TOKENS = 120 };

/* Is the paragraph of the sentence si a question: it ends with a
 * question mark and is not long, or it is put as a statement? */
static int question(const ng_doc *d, uint32_t si)
{
	static const char *const you[] = {"you", "your", NULL};
	uint32_t first, last, next_last;
	paragraph(d, si, &first, &last);
	const ng_sentence *s = &d->sents[last];
	uint32_t len = s->tok_end - d->sents[first].tok_begin;
	if (s->tok_end > s->tok_begin && !strcmp(ng_tok_norm(d, &d->toks[s->tok_end - 1]), "?"))
		return len <= NG_QUESTION_TOKENS;
	if (len > NG_STATED_QUESTION_TOKENS || last + 1 >= d->nsents)
		return 0;
	paragraph(d, last + 1, &next_last, &next_last);
	if (d->sents[next_last].tok_end - d->sents[last + 1].tok_begin <= len)
		return 0;
	for (uint32_t t = d->sents[first].tok_begin; t < s->tok_end; t++)
		if (in_list(ng_tok_norm(d, &d->toks[t]), you))
			return 1;
	return 0;
}

/* The mention that names the interviewee: the first person named in the
 * first of the three opening sentences that has a word "interview..."; -1
 * when there is none, or two people are named together ("Mario Lucero and
 * Isabel Ruiz"). */
static int interviewee(const ng_doc *d, const ng_ents *x)
{
	for (uint32_t si = 0; si < d->nsents && si < 3; si++) {
		const ng_sentence *s = &d->sents[si];
		int said = 0;
		for (uint32_t t = s->tok_begin; t < s->tok_end && !said; t++)
			said = !strncmp(ng_tok_norm(d, &d->toks[t]), "interview", 9);
		for (size_t k = 0; said && k < x->n && x->m[k].sent <= si; k++) {
			const ng_mention *m = &x->m[k];
			if (m->sent != si || m->kind != NG_NAME || m->type != NG_PERSON || m->adj || m->unsure)
				continue;
			if (m->te + 1 < s->tok_end && !strcmp(ng_tok_norm(d, &d->toks[m->te]), "and"))
				return -1;
			return (int)k;
		}
	}
	return -1;
}

/* The paragraph of the first question when the text is an interview (an
 * interviewee named, two questions or more), else -1. */
static int64_t first_question(const ng_doc *d, const ng_ents *x)
{
	if (interviewee(d, x) < 0)
		return -1;
	int64_t first = -1;
	int n = 0;
	for (uint32_t si = 0; si < d->nsents && n < 2; si++)
		if ((si + 1 == d->nsents || d->sents[si + 1].para != d->sents[si].para) && question(d, si)) {
			if (!n++)
				first = d->sents[si].para;
		}
	return n >= 2 ? first : -1;
}

/* Is token t (its pronoun w) an interview pronoun: I in an answer, you
 * in a question, once the first question is asked? */
static int interview_pronoun(const ng_doc *d, uint32_t t, const char *w, int64_t first_q)
{
	static const char *const you[] = {"you", "your", "yourself", NULL};
	uint32_t si = d->toks[t].sent;
	if (first_q < 0 || d->sents[si].para < first_q)
		return 0;
	int q = question(d, si);
	return q ? in_list(w, you) : first_person(w);
}

/* The body a speaker's "we" stands for: the one the speaker's title names
 * ("Acme chief executive Ann Cole", "Russian Foreign Minister X"); in an
 * interview (`topic`), else the body the text names most, twice or more and
 * more often than any other. Entity or -1. */
static int speakers_body(const ng_ents *x, int k, int topic)
{
	const int bodies = 1 << NG_COMPANY | 1 << NG_ORGANIZATION | 1 << NG_STATE | 1 << NG_GROUP;
	const int ofs[2] = {x->m[k].title_of, x->m[k].title_of2};
	for (int j = 0; j < 2; j++)
		if (ofs[j] >= 0 && x->m[ofs[j]].entity >= 0 && (bodies >> x->e[x->m[ofs[j]].entity].type & 1))
			return x->m[ofs[j]].entity;
	if (!topic)
		return -1;
	int best = -1, n = 0, second = 0;
	for (size_t e = 0; e < x->ne; e++) {
		if (!(1 << x->e[e].type & (1 << NG_COMPANY | 1 << NG_ORGANIZATION)))
			continue;
		int c = 0;
		for (size_t j = 0; j < x->n; j++)
			c += x->m[j].entity == (int)e && x->m[j].kind == NG_NAME;
		if (c > n) {
			second = n;
			n = c;
			best = (int)e;
		} else if (c > second)
			second = c;
	}
	return n >= 2 && n > second ? best : -1;
}

int ng_coref_interviewee(const ng_doc *d, ng_ents *x, size_t i)
{
	int k = interviewee(d, x);
	int e = k < 0 || x->m[k].entity < 0 ? -1 : x->m[i].type == NG_PERSON ? x->m[k].entity : speakers_body(x, k, 1);
	if (e < 0) {
		x->m[i].pass = NG_PASS_NONE;
		return -1;
	}
	x->m[i].ante = k;
	return e;
}

/* The pronoun of a word with a contraction ("i'm", "we’ve" give "i",
 * "we"; the tokens keep them whole), in buf; else w itself. */
static const char *pronoun_part(const char *w, char *buf, size_t cap)
{
	size_t n = strcspn(w, "'\xe2");
	if (!w[n] || n == 0 || n >= cap)
		return w;
	memcpy(buf, w, n);
	buf[n] = 0;
	return buf;
}

/* Is token t (its word w, without a contraction) a "there" that points
 * at a place ("moved to Oslo and lived there"), not the one that opens
 * "there is", "there's", "there cannot be"? */
static int place_there(const ng_doc *d, uint32_t t, const char *w)
{
	static const char *const existential[] = {"is", "are", "was", "were", "'s", "be", "been", "will", "would",
	                                          "could", "can", "may", "might", "must", "should", "seems", "seem",
	                                          "seemed", "appears", "appear", "appeared", "exists", "exist",
	                                          "remains", "remain", "remained", "has", "have", "had", "came",
	                                          "comes", "lies", "lay", "stands", "stood", "isn't", "aren't",
	                                          "wasn't", "weren't", "used", "cannot", "can't", "won't", "also",
	                                          "still", "never", "to", NULL};
	if (w[0] != 't' || strcmp(w, "there") || strcmp(ng_tok_norm(d, &d->toks[t]), "there"))
		return 0;
	return t + 1 < d->sents[d->toks[t].sent].tok_end && !in_list(ng_tok_norm(d, &d->toks[t + 1]), existential);
}

int ng_coref_add_pronouns(const ng_doc *d, ng_ents *x)
{
	size_t n0 = x->n, k = 0;
	int64_t first_q = first_question(d, x);
	for (uint32_t t = 0; t < d->ntoks; t++) {
		while (k < n0 && x->m[k].te <= t)
			k++;
		if (k < n0 && x->m[k].tb <= t)
			continue;
		char buf[8];
		const char *w = pronoun_part(ng_tok_norm(d, &d->toks[t]), buf, sizeof buf);
		uint32_t open, close;
		int fp = first_person(w);
		ng_mention *m = NULL;
		if (is_they(w)) {
			if (!(m = add_word_mention(d, x, t, NG_PERSON, NG_PRONOUN)))
				return NG_ENOMEM;
			m->plural = 1;
		} else if (place_there(d, t, w)) {
			if (!(m = add_word_mention(d, x, t, NG_LOCATION, NG_PRONOUN)))
				return NG_ENOMEM;
			m->pass = NG_PASS_THERE;
		} else if (fp && quotation(d, t, &open, &close)) {
			if (!(m = add_word_mention(d, x, t, fp == 1 ? NG_PERSON : NG_ORGANIZATION, NG_PRONOUN)))
				return NG_ENOMEM;
			m->pass = NG_PASS_QUOTE;
		} else if (interview_pronoun(d, t, w, first_q) && !quotation(d, t, &open, &close)) {
			if (!(m = add_word_mention(d, x, t, fp == 2 ? NG_ORGANIZATION : NG_PERSON, NG_PRONOUN)))
				return NG_ENOMEM;
			m->pass = NG_PASS_INTERVIEW;
		}
		if (m && w == buf) /* "I" of "I'm" */
			m->end = m->start + (uint32_t)strlen(buf);
	}
	return 0;
}

/* The mention that starts at token t (start) or ends there (!start):
 * mentions are in text order, so a binary search finds the first that
 * ends after t - 1. */
static int mention_at(const ng_ents *x, uint32_t t, int start)
{
	size_t lo = 0, hi = x->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->m[mid].te < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; k < x->n && x->m[k].tb <= t; k++)
		if (start ? x->m[k].tb == t : x->m[k].te == t)
			return (int)k;
	return -1;
}

/* The speaker of the quotation [open, close]: '"...," Putin said', '"...,"
 * said Putin', 'Putin said: "..."'. Mention index or -1. */
static int speaker(const ng_lexicon *lx, const ng_doc *d, const ng_ents *x, uint32_t open, uint32_t close)
{
	uint32_t k = close + 1;
	if (k < d->ntoks && !strcmp(ng_tok_norm(d, &d->toks[k]), ","))
		k++;
	if (close < d->ntoks && k < d->ntoks) {
		/* '," Putin said', '," German Chancellor Olaf Scholz said': the
		 * name may follow its title */
		for (uint32_t j = k; j < k + 5 && j < d->ntoks && !ng_lexicon_is_wid(lx, d->wid[j], NG_W_SAYING); j++) {
			int m = mention_at(x, j, 1);
			if (m >= 0 && x->m[m].te < d->ntoks && ng_lexicon_is_wid(lx, d->wid[x->m[m].te], NG_W_SAYING))
				return m;
			const char *w = ng_tok_norm(d, &d->toks[j]);
			if (m < 0 && (ng_lexicon_is_wid(lx, d->wid[j], NG_W_DETERMINER) || !strcmp(w, "to") ||
			              !strcmp(w, "of") || !strcmp(w, "with") || !strcmp(w, "for") || !strcmp(w, "by")))
				break; /* '," a source close to Scholz said', not '," Acme chief executive Ann Cole said' */
		}
		int m;
		if (ng_lexicon_is_wid(lx, d->wid[k], NG_W_SAYING) && (m = mention_at(x, k + 1, 1)) >= 0)
			return m;
	}
	if (open >= 2) {
		const char *p = ng_tok_norm(d, &d->toks[open - 1]);
		if ((!strcmp(p, ",") || !strcmp(p, ":")) && ng_lexicon_is_wid(lx, d->wid[open - 2], NG_W_SAYING))
			return mention_at(x, open - 2, 0);
	}
	return -1;
}

int ng_coref_quoted(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, size_t i)
{
	ng_mention *m = &x->m[i];
	uint32_t open = 0, close = 0;
	m->pass = NG_PASS_NONE;
	if (!quotation(d, m->tb, &open, &close))
		return -1;
	int k = speaker(lx, d, x, open, close);
	if (k < 0)
		return -1;
	if (x->m[k].entity < 0 && x->m[k].kind == NG_PRONOUN && x->m[k].type == NG_PERSON && !x->m[k].plural &&
	    !x->m[k].pass)
		x->m[k].entity = ng_coref_person(d, x, (size_t)k);
	int e = x->m[k].entity;
	if (e >= 0 && m->type != NG_PERSON && x->e[e].type == NG_PERSON)
		e = speakers_body(x, k, 0); /* '"We will not yield," Acme's chief said' */
	if (e < 0)
		return -1;
	int t = x->e[e].type;
	if (m->type == NG_PERSON ? t != NG_PERSON
	                         : t != NG_COMPANY && t != NG_ORGANIZATION && t != NG_STATE && t != NG_GROUP)
		return -1;
	m->pass = NG_PASS_QUOTE;
	m->ante = k;
	return e;
}

/* Is mention k the first of a pair "A and B" of two entities of one type? */
static int coordination(const ng_doc *d, const ng_ents *x, size_t k)
{
	const ng_mention *a = &x->m[k], *b = &x->m[k + 1];
	if (a->entity < 0 || b->entity < 0 || a->entity == b->entity || a->plural || b->plural || a->adj || b->adj)
		return 0;
	if (b->tb != a->te + 1 || strcmp(ng_tok_norm(d, &d->toks[a->te]), "and"))
		return 0;
	int ta = x->e[a->entity].type, tb = x->e[b->entity].type;
	return ta == tb && (ta == NG_PERSON || ta == NG_STATE || ta == NG_COMPANY || ta == NG_ORGANIZATION);
}

/* Is mention k the named member of "Max Kampelman and the other
 * negotiators": a person, body or state before "and" and a phrase in
 * lower case? "They" then includes it. */
static int with_others(const ng_doc *d, const ng_ents *x, size_t k)
{
	const ng_mention *a = &x->m[k];
	if (a->entity < 0 || a->plural || a->adj || a->te + 1 >= d->ntoks ||
	    strcmp(ng_tok_norm(d, &d->toks[a->te]), "and") || (d->toks[a->te + 1].flags & NG_TOK_CAP) ||
	    !(d->toks[a->te + 1].flags & NG_TOK_WORD) || (k + 1 < x->n && x->m[k + 1].tb == a->te + 1))
		return 0;
	const char *w = ng_tok_norm(d, &d->toks[a->te + 1]);
	int t = x->e[a->entity].type;
	return (!strcmp(w, "the") || !strcmp(w, "other") || !strcmp(w, "his") || !strcmp(w, "her")) &&
	       (t == NG_PERSON || t == NG_STATE || t == NG_COMPANY || t == NG_ORGANIZATION);
}

int ng_coref_plural(const ng_doc *d, ng_ents *x, size_t i)
{
	ng_mention *m = &x->m[i];
	for (size_t k = i; k-- > 1;) {
		if (m->sent - x->m[k - 1].sent > 1)
			break;
		if (x->m[k - 1].plural && x->m[k - 1].entity >= 0)
			break; /* a plural nearer: "they" is not the pair before it */
		if (coordination(d, x, k - 1)) {
			m->entity2 = x->m[k].entity;
			m->type = x->e[x->m[k].entity].type;
			m->pass = NG_PASS_SPLIT;
			m->ante = (int)k - 1;
			return x->m[k - 1].entity;
		}
		if (with_others(d, x, k)) {
			m->type = x->e[x->m[k].entity].type;
			m->pass = NG_PASS_SPLIT;
			m->ante = (int)k;
			return x->m[k].entity;
		}
	}
	return -1;
}

/* The first token of a role of a state ending at token t: "the Russian
 * president", "the U.S. president", "the Japanese prime minister"; 0 when
 * t ends none. */
static uint32_t role_start(const ng_doc *d, const ng_ents *x, const int *cover, uint32_t t)
{
	static const char *const role[] = {"president", "leader", "premier", "chancellor", NULL};
	const ng_sentence *s = &d->sents[d->toks[t].sent];
	const char *w = ng_tok_norm(d, &d->toks[t]);
	uint32_t r = t;
	if (!strcmp(w, "minister") && t > s->tok_begin && !strcmp(ng_tok_norm(d, &d->toks[t - 1]), "prime"))
		r = t - 1;
	else if (!in_list(w, role))
		return 0;
	int c = r > s->tok_begin ? cover[r - 1] : -1;
	if (c < 0 || x->m[c].type != NG_STATE || x->m[c].te != r || x->m[c].tb <= s->tok_begin ||
	    strcmp(ng_tok_norm(d, &d->toks[x->m[c].tb - 1]), "the"))
		return 0;
	return r;
}

/* Definite nominals that name a kind ("the country"), a role of a state
 * ("the Russian president") or the head of a name before them ("the
 * university" after "Columbia University"): the pass that links each, or
 * 0, with the nominal's first token in *first. The word lists are the
 * kinds the linker's types can check. */
static int nominal_pass(const ng_lexicon *lx, const ng_doc *d, const ng_ents *x, const int *cover, uint32_t t,
                        size_t before, int *type, uint32_t *first)
{
	static const char *const state_kind[] = {"country", "nation", NULL};
	static const char *const place_kind[] = {"city", "town", "island", "islands", NULL};
	static const char *const body_kind[] = {"bloc", "organization", "organisation", "agency", "team", "club",
	                                        "party", NULL};
	const ng_sentence *s = &d->sents[d->toks[t].sent];
	const char *w = ng_tok_norm(d, &d->toks[t]);
	if (t < s->tok_begin + 1 || cover[t] >= 0)
		return 0;
	if (t + 1 < s->tok_end && (d->toks[t + 1].flags & NG_TOK_CAP))
		return 0; /* "the president Lula": the name says who */
	/* a capital word not in a name is only the head of a name before it
	 * ("the Community" after "the European Community") */
	int cap = (d->toks[t].flags & NG_TOK_CAP) != 0;
	const char *prev = ng_tok_norm(d, &d->toks[t - 1]);
	*first = t;
	if (!cap && (*first = role_start(d, x, cover, t)) > 0) {
		*type = NG_PERSON;
		return NG_PASS_ROLE;
	}
	*first = t;
	/* "the Russian company": the body most in view, when its home is
	 * that state (a body noun with nothing before it is ner.c's) */
	int c = cover[t - 1];
	if (!cap && c >= 0 && x->m[c].adj && x->m[c].type == NG_STATE && x->m[c].te == t &&
	    x->m[c].tb > s->tok_begin && !strcmp(ng_tok_norm(d, &d->toks[x->m[c].tb - 1]), "the") &&
	    ng_lexicon_is_wid(lx, d->wid[t], NG_W_BODY_NOUN)) {
		*type = NG_COMPANY;
		return NG_PASS_BODY;
	}
	/* "this city", "these islands" point back as "the" does */
	int demonstrative = !strcmp(prev, "this") || !strcmp(prev, "these");
	if (strcmp(prev, "the") && !demonstrative)
		return 0;
	if (!cap && (in_list(w, state_kind) || in_list(w, place_kind) || in_list(w, body_kind))) {
		*type = in_list(w, state_kind) ? NG_STATE : in_list(w, place_kind) ? NG_LOCATION : NG_ORGANIZATION;
		return NG_PASS_KIND;
	}
	/* head match: the last word of a name of two words or more in the five
	 * sentences before, or anywhere before for a capital word, which
	 * stands for the name however far back (mentions are in text order;
	 * `before` is the count of those that start before t) */
	for (size_t k = before; k-- > 0 && (cap || d->toks[t].sent - x->m[k].sent <= 5);) {
		const ng_mention *m = &x->m[k];
		if (m->kind != NG_NAME || m->adj || m->te - m->tb < 2 ||
		    (m->type != NG_ORGANIZATION && m->type != NG_COMPANY && m->type != NG_LOCATION && m->type != NG_GROUP))
			continue;
		if (!strcmp(ng_tok_norm(d, &d->toks[m->te - 1]), w)) {
			*type = m->type;
			return NG_PASS_HEAD;
		}
	}
	return 0;
}

int ng_coref_add_nominals(const ng_lexicon *lx, const ng_doc *d, ng_ents *x)
{
	int *cover = malloc((d->ntoks + 1) * sizeof *cover);
	if (!cover)
		return NG_ENOMEM;
	for (size_t t = 0; t < d->ntoks; t++)
		cover[t] = -1;
	size_t n0 = x->n;
	for (size_t k = 0; k < n0; k++)
		for (uint32_t t = x->m[k].tb; t < x->m[k].te; t++)
			cover[t] = (int)k;
	size_t before = 0;
	for (uint32_t t = 0; t < d->ntoks; t++) {
		while (before < n0 && x->m[before].tb < t)
			before++;
		uint32_t first = t;
		int type = 0, pass = nominal_pass(lx, d, x, cover, t, before, &type, &first);
		if (!pass)
			continue;
		ng_mention *m = add_word_mention(d, x, t, type, NG_NOMINAL);
		if (!m) {
			free(cover);
			return NG_ENOMEM;
		}
		m->pass = pass;
		m->tb = first; /* "prime minister" */
		m->start = d->toks[first].start;
	}
	free(cover);
	return 0;
}

int ng_coref_agreement(ng_ents *x, size_t i)
{
	ng_mention *m = &x->m[i];
	for (size_t k = i; k-- > 0;)
		if (x->m[k].type == NG_AGREEMENT && x->m[k].entity >= 0 && x->e[x->m[k].entity].type == NG_AGREEMENT) {
			m->pass = NG_PASS_AGREEMENT;
			m->ante = (int)k;
			return x->m[k].entity;
		}
	return -1;
}
