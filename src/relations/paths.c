/* Relations, part 4: dependency paths between mentions (see paths.h). */
#include "relations/paths.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "relations/modality.h"
#include "syntax/conllu.h"
#include "syntax/lemma.h"
#include "syntax/words.h"
#include "text/utf8.h"

typedef struct ng_path_edge {
	int head, dep;
	char label[28];
} ng_path_edge;

/* ---- Words: the sentence's tokens cut as the treebanks cut them ---- */

/* Each per-word array, resized together. */
#define GROW(arr) (tmp = realloc((arr), cap * sizeof *(arr))) && ((arr) = tmp)

static int grow(ng_paths *p, size_t n)
{
	if (n <= p->cap)
		return 0;
	size_t cap = n < 64 ? 64 : 2 * n;
	void *tmp;
	if (!(GROW(p->start) && GROW(p->end) && GROW(p->upos) && GROW(p->head) && GROW(p->rel) && GROW(p->form) &&
	      GROW(p->lemma) && GROW(p->fptr)))
		return NG_ENOMEM;
	p->cap = cap;
	return 0;
}
#undef GROW

static int add_word(ng_paths *p, const char *text, uint32_t a, uint32_t b)
{
	if (grow(p, p->n + 1))
		return NG_ENOMEM;
	p->start[p->n] = a;
	p->end[p->n] = b;
	p->form[p->n] = p->words.len;
	if (ng_buf_add(&p->words, text + a, b - a) || ng_buf_addc(&p->words, 0))
		return NG_ENOMEM;
	p->n++;
	return 0;
}

/* The lexicon's lemma of a form, when it has one: the learnt ending rules
 * guess wrong on words the treebanks lack ("shelled" -> "shel"). */
static const char *known_lemma(const ng_paths *p, const char *form)
{
	char low[32];
	size_t n = strlen(form);
	if (!p->known || n >= sizeof low)
		return NULL;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)form[i]);
	return ng_map_get(p->known, low, n);
}

/* Tags, parses and lemmatizes the words of sentence si (lemmas
 * lower-cased). */
static int analyse(ng_paths *p, ng_parse_cache *pc, uint32_t si, ng_error *err)
{
	const ng_tagger *tg = ng_parse_cache_tagger(pc);
	for (size_t i = 0; i < p->n; i++)
		p->fptr[i] = p->words.s + p->form[i];
	int rc = ng_parse_cache_get(pc, si, p->fptr, p->n, p->upos, p->head, p->rel, err);
	ng_buf lemma = {0};
	for (size_t i = 0; !rc && i < p->n; i++) {
		p->head[i]--; /* 0-based, the root -1 */
		lemma.len = 0;
		const char *f = p->words.s + p->form[i], *k = known_lemma(p, f);
		if (k ? ng_buf_adds(&lemma, k) : ng_lemmatize(ng_tagger_lemmatizer(tg), f, p->upos[i], &lemma))
			rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
		p->lemma[i] = p->words.len;
		for (size_t k = 0; !rc && k < lemma.len; k++)
			if (ng_buf_addc(&p->words, (char)tolower((unsigned char)lemma.s[k])))
				rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
		if (!rc && ng_buf_addc(&p->words, 0))
			rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	ng_buf_free(&lemma);
	return rc;
}

/* ---- The enhanced graph ---- */

static const char *relname(const ng_paths *p, const ng_parser *ps, int i)
{
	return ng_parser_deprel_name(ps, p->rel[i]);
}

static int is(const char *rel, const char *want)
{
	size_t n = strlen(want);
	return strncmp(rel, want, n) == 0 && (rel[n] == 0 || rel[n] == ':');
}

/* out = a, or "a:b" when b is given, cut to n bytes like snprintf: the
 * labels are made for every word of every parsed sentence, where printf's
 * format parsing cost more than the copy. */
static void join_label(char *out, size_t n, const char *a, const char *b)
{
	size_t k = 0;
	for (; *a && k + 1 < n; a++)
		out[k++] = *a;
	if (b && k + 1 < n)
		out[k++] = ':';
	for (; b && *b && k + 1 < n; b++)
		out[k++] = *b;
	out[k] = 0;
}

static int add_edge(ng_paths *p, int head, int dep, const char *label)
{
	ng_path_edge *e = NG_PUSH(p->edges, p->nedges, p->cedges);
	if (!e)
		return NG_ENOMEM;
	e->head = head;
	e->dep = dep;
	join_label(e->label, sizeof e->label, label, NULL);
	return 0;
}

/* The label of word d's own relation: obl and nmod with the lemma of
 * their preposition ("obl:to"), unless they carry a subtype already. */
static void label_of(const ng_paths *p, const ng_parser *ps, int d, char *out, size_t n)
{
	const char *r = relname(p, ps, d);
	join_label(out, n, r, NULL);
	if ((strcmp(r, "obl") && strcmp(r, "nmod")))
		return;
	for (size_t c = 0; c < p->n; c++)
		if (p->head[c] == d && !strcmp(relname(p, ps, (int)c), "case")) {
			join_label(out, n, r, ng_paths_lemma(p, (int)c));
			return;
		}
	/* "with President Macron" parsed with "with" on the title: the first
	 * case marker inside the phrase before the head */
	for (int c = d - 1; c >= 0 && p->head[c] >= 0 && p->head[c] <= d && p->head[c] > c; c--)
		if (!strcmp(relname(p, ps, c), "case")) {
			join_label(out, n, r, ng_paths_lemma(p, c));
			return;
		}
}

/* The enhanced subject of verb v so far ("nsubj" or "nsubj:pass"), or -1. */
static int subject_of(const ng_paths *p, int v, char *label, size_t n)
{
	for (size_t k = 0; k < p->nedges; k++)
		if (p->edges[k].head == v && (is(p->edges[k].label, "nsubj") || is(p->edges[k].label, "csubj"))) {
			join_label(label, n, p->edges[k].label, NULL);
			return p->edges[k].dep;
		}
	return -1;
}

static int child_with(const ng_paths *p, const ng_parser *ps, int h, const char *rel)
{
	for (size_t c = 0; c < p->n; c++)
		if (p->head[c] == h && is(relname(p, ps, (int)c), rel))
			return (int)c;
	return -1;
}

static int relative_pronoun(const ng_paths *p, int w)
{
	static const char *const rp[] = {"who", "which", "that", "whom"};
	for (size_t k = 0; k < 4; k++)
		if (!strcmp(ng_paths_lemma(p, w), rp[k]))
			return 1;
	return 0;
}

/* Relative clauses and participles take the noun they modify. */
static int enhance_clauses(ng_paths *p, const ng_parser *ps)
{
	char lab[28];
	for (size_t i = 0; i < p->n; i++) {
		int d = (int)i, h = p->head[i];
		const char *r = relname(p, ps, d);
		if (h < 0 || !is(r, "acl"))
			continue;
		int relpro = -1;
		for (size_t c = 0; c < p->n; c++)
			if (p->head[c] == d && relative_pronoun(p, (int)c)) {
				relpro = (int)c;
				break;
			}
		if (relpro >= 0) {
			label_of(p, ps, relpro, lab, sizeof lab);
			if (add_edge(p, d, h, lab))
				return NG_ENOMEM;
		} else if (subject_of(p, d, lab, sizeof lab) < 0 && p->upos[d] == NG_VERB) {
			const char *f = p->words.s + p->form[d];
			size_t fl = strlen(f);
			int ing = fl > 3 && !strcmp(f + fl - 3, "ing");
			if (add_edge(p, d, h, ing || !strcmp(r, "acl:relcl") ? "nsubj" : "nsubj:pass"))
				return NG_ENOMEM;
		} else if (!strcmp(r, "acl:relcl") && child_with(p, ps, d, "obj") < 0 && add_edge(p, d, h, "obj"))
			return NG_ENOMEM;
	}
	return 0;
}

/* A purpose clause: an adverbial infinitive marked "to" ("to meet"), or
 * one the parser attached as xcomp to a verb of motion, known by its
 * destination ("flew to Nairobi to hold talks"). */
static int is_purpose(const ng_paths *p, const ng_parser *ps, int v)
{
	if (p->upos[v] != NG_VERB || p->head[v] < 0)
		return 0;
	int ok = is(relname(p, ps, v), "advcl");
	for (size_t k = 0; !ok && k < p->nedges && is(relname(p, ps, v), "xcomp"); k++)
		ok = p->edges[k].head == p->head[v] && !strcmp(p->edges[k].label, "obl:to");
	if (!ok)
		return 0;
	for (size_t c = 0; c < p->n; c++)
		if (p->head[c] == v && is(relname(p, ps, (int)c), "mark") && !strcmp(ng_paths_lemma(p, (int)c), "to"))
			return 1;
	return 0;
}

/* Conjuncts and appositions share their first conjunct's or noun's head,
 * conjuncts its subject too; controlled verbs take their controller as
 * subject, and a purpose clause its verb's subject. */
static int enhance_shared(ng_paths *p, const ng_parser *ps)
{
	char lab[28], sl[28];
	for (size_t i = 0; i < p->n; i++) {
		int d = (int)i, h = p->head[i];
		const char *r = relname(p, ps, d);
		if (h < 0)
			continue;
		if (is(r, "appos") && p->head[h] >= 0) {
			/* an apposition stands where its noun stands: "talks with
			 * his counterpart, Olaf Scholz" */
			label_of(p, ps, h, lab, sizeof lab);
			if (add_edge(p, p->head[h], d, lab))
				return NG_ENOMEM;
		} else if (is(r, "conj")) {
			if (p->head[h] >= 0) {
				label_of(p, ps, h, lab, sizeof lab);
				if (add_edge(p, p->head[h], d, lab))
					return NG_ENOMEM;
			}
			int s = subject_of(p, h, sl, sizeof sl);
			if (s >= 0 && p->upos[d] == NG_VERB && subject_of(p, d, lab, sizeof lab) < 0 && add_edge(p, d, s, sl))
				return NG_ENOMEM;
		} else if (is_purpose(p, ps, d) && subject_of(p, d, lab, sizeof lab) < 0) {
			/* "flew to Washington to meet Lutnick": who flew meets (each
			 * subject, an apposition's too: "his minister, X, flew") */
			for (size_t k = 0, n = p->nedges; k < n; k++) {
				if (p->edges[k].head != h || !is(p->edges[k].label, "nsubj"))
					continue;
				/* a copy: adding an edge may move the array */
				join_label(sl, sizeof sl, p->edges[k].label, NULL);
				if (add_edge(p, d, p->edges[k].dep, sl))
					return NG_ENOMEM;
			}
		} else if (is(r, "xcomp") && subject_of(p, d, lab, sizeof lab) < 0) {
			int s = child_with(p, ps, h, "obj");
			if (s < 0)
				s = subject_of(p, h, sl, sizeof sl);
			if (s >= 0 && add_edge(p, d, s, "nsubj"))
				return NG_ENOMEM;
		}
	}
	return 0;
}

/* A clause has one subject: of two the parser gave a verb ("[Reuters]
 * Putin visited"), the one nearer the verb. */
static int extra_subject(const ng_paths *p, const ng_parser *ps, int d)
{
	int h = p->head[d];
	if (!is(relname(p, ps, d), "nsubj"))
		return 0;
	for (size_t c = 0; c < p->n; c++)
		if ((int)c != d && p->head[c] == h && is(relname(p, ps, (int)c), "nsubj") && abs((int)c - h) < abs(d - h))
			return 1;
	return 0;
}

static int enhance(ng_paths *p, const ng_parser *ps)
{
	char lab[28];
	p->nedges = 0;
	for (size_t i = 0; i < p->n; i++) {
		if (p->head[i] < 0)
			continue;
		if (extra_subject(p, ps, (int)i))
			join_label(lab, sizeof lab, "dep", NULL);
		else
			label_of(p, ps, (int)i, lab, sizeof lab);
		if (add_edge(p, p->head[i], (int)i, lab))
			return NG_ENOMEM;
	}
	return enhance_clauses(p, ps) || enhance_shared(p, ps) ? NG_ENOMEM : 0;
}

/* The linked mention of [first, last) holding word w, or -1. */
static int mention_of(const ng_paths *p, const ng_ents *x, size_t first, size_t last, int w)
{
	for (size_t k = first; k < last; k++)
		if (x->m[k].entity >= 0 && p->start[w] >= x->m[k].start && p->end[w] <= x->m[k].end)
			return x->m[k].entity;
	return -1;
}

static int deprel_index(const ng_parser *ps, const char *name)
{
	for (int r = 0; r < ng_parser_deprel_count(ps); r++)
		if (!strcmp(ng_parser_deprel_name(ps, r), name))
			return r;
	return -1;
}

/* A name the parser ran on into the next one ("[Reuters] Putin visited":
 * Putin flat under Reuters) is two: the later name, nearer the verb, takes
 * the phrase's place and the earlier hangs from it, as its possessor when
 * it has a possessive ("Norway's Equinor"). */
static void split_names(ng_paths *p, const ng_parser *ps, const ng_ents *x, size_t first, size_t last)
{
	int dep = deprel_index(ps, "dep"), poss = deprel_index(ps, "nmod:poss");
	for (size_t i = 0; dep >= 0 && i < p->n; i++) {
		int d = (int)i, h = p->head[i];
		if (h < 0 || strcmp(relname(p, ps, d), "flat"))
			continue;
		int md = mention_of(p, x, first, last, d), mh = mention_of(p, x, first, last, h);
		if (md < 0 || mh < 0 || md == mh)
			continue;
		p->head[d] = p->head[h];
		p->rel[d] = p->rel[h];
		p->head[h] = d;
		p->rel[h] = dep;
		for (size_t c = 0; poss >= 0 && c < p->n; c++)
			if (p->head[c] == h && p->words.s[p->form[c]] == '\'' && is(relname(p, ps, (int)c), "case"))
				p->rel[h] = poss;
		for (size_t c = 0; c < p->n; c++)
			if (p->head[c] == h && (int)c != d && c > i)
				p->head[c] = d; /* the rest of the later name follows it */
	}
}

/* A name after a noun and a comma that the parser hung from the clause
 * ("talks with his counterpart, Olaf Scholz": Scholz parataxis of held)
 * is the noun's apposition. */
static void appositions(ng_paths *p, const ng_parser *ps)
{
	int appos = deprel_index(ps, "appos");
	for (size_t i = 2; appos >= 0 && i < p->n; i++) {
		int d = (int)i, n = d - 2;
		if (p->upos[d] != NG_PROPN || strcmp(p->words.s + p->form[d - 1], ",") ||
		    (p->upos[n] != NG_NOUN && p->upos[n] != NG_PROPN) || p->head[d] == n)
			continue;
		const char *r = relname(p, ps, d);
		if (!is(r, "parataxis") && !is(r, "dep") && !is(r, "list"))
			continue;
		int up = n;
		for (size_t hops = 0; up >= 0 && up != d && hops < p->n; hops++)
			up = p->head[up];
		if (up == d)
			continue; /* the noun hangs from the name: no cycle */
		p->head[d] = n;
		p->rel[d] = appos;
		p->head[d - 1] = d; /* the comma goes with it */
	}
}

/* ---- Paths ---- */

/* The head word of mention m: of the words of its phrase (with its title
 * and the names qualifying that: "European Commission President Ursula
 * von der Leyen"), the one whose head lies outside; -1 when no word lies
 * inside. */
static int mention_head(const ng_paths *p, const ng_ents *x, const ng_mention *m)
{
	uint32_t a = m->start, b = m->end;
	if (m->title_end > m->title_start && m->title_start < a)
		a = m->title_start;
	const int ofs[2] = {m->title_of, m->title_of2};
	for (int q = 0; q < 2; q++)
		if (ofs[q] >= 0 && x->m[ofs[q]].start < a)
			a = x->m[ofs[q]].start;
	int first = -1;
	for (size_t i = 0; i < p->n; i++) {
		if (p->start[i] < a || p->end[i] > b)
			continue;
		if (first < 0)
			first = (int)i;
		int h = p->head[i];
		if (h < 0 || p->start[h] < a || p->end[h] > b)
			return (int)i;
	}
	return first;
}

/* Does mention k qualify a title in [first, last) ("Russian" President)?
 * Its relation to the titled person comes from the title. */
static int qualifies(const ng_ents *x, size_t first, size_t last, size_t k)
{
	for (size_t i = first; i < last; i++)
		if (x->m[i].title_of == (int)k || x->m[i].title_of2 == (int)k)
			return 1;
	return 0;
}

/* Breadth-first from a to b over the edges, either way; fills via[] with
 * the edge taken into each word. Returns the number of steps, or -1. */
static int shortest(const ng_paths *p, int a, int b, int *via, int *dist, int *queue)
{
	for (size_t i = 0; i < p->n; i++)
		via[i] = -1, dist[i] = -1;
	size_t qh = 0, qt = 0;
	queue[qt++] = a;
	dist[a] = 0;
	while (qh < qt) {
		int u = queue[qh++];
		if (u == b)
			return dist[u];
		if (dist[u] >= NG_PATH_MAX_STEPS)
			continue;
		/* enhanced edges first: they were added last */
		for (size_t k = p->nedges; k-- > 0;) {
			const ng_path_edge *e = &p->edges[k];
			int v = e->head == u ? e->dep : e->dep == u ? e->head : -1;
			if (v < 0 || dist[v] >= 0)
				continue;
			dist[v] = dist[u] + 1;
			via[v] = (int)k;
			queue[qt++] = v;
		}
	}
	return -1;
}

static int mention_type(const ng_ents *x, size_t mi)
{
	const ng_mention *m = &x->m[mi];
	return m->entity >= 0 && !m->plural ? (int)x->e[m->entity].type : (int)m->type;
}

static int reporting(const ng_paths *p, const ng_lexicon *lx, int w)
{
	const char *f = p->words.s + p->form[w];
	for (const char *const *c = ng_lexicon_forms(lx, NG_W_REPORTING); *c; c++)
		if (!strcasecmp(f, *c))
			return 1;
	return 0;
}

/* Is the clause of word t reported: a reporting verb above it ("said
 * Lula visited"), beside it ("Lula visited, officials said") or an
 * "according to" on it? A relative clause or a participle ends the climb:
 * "Lula, who is visiting Japan, said" reports nothing of the visit. */
static int reported_clause(const ng_paths *p, const ng_parser *ps, const ng_lexicon *lx, int t)
{
	for (int w = t, hops = 0; w >= 0 && hops < 6; hops++) {
		for (size_t c = 0; c < p->n; c++)
			if (p->head[c] == w && (is(relname(p, ps, (int)c), "parataxis") || is(relname(p, ps, (int)c), "obl") ||
			                        is(relname(p, ps, (int)c), "advcl")) &&
			    reporting(p, lx, (int)c))
				return 1;
		const char *r = relname(p, ps, w);
		if (!is(r, "ccomp") && !is(r, "xcomp") && !is(r, "conj") && !is(r, "parataxis") && w != t)
			return 0;
		if (w != t && reporting(p, lx, w))
			return 1;
		if (is(r, "acl") || is(r, "nsubj") || is(r, "obj") || is(r, "obl") || is(r, "nmod"))
			return 0;
		w = p->head[w];
		if (w >= 0 && reporting(p, lx, w))
			return 1;
	}
	return 0;
}

static int is_negation_word(const ng_paths *p, const ng_lexicon *lx, int w)
{
	for (const char *const *c = ng_lexicon_forms(lx, NG_W_NEGATION); *c; c++)
		if (!strcasecmp(p->words.s + p->form[w], *c))
			return 1;
	return 0;
}

/* Is the clause of word t the complement of a denial ("denied that ...",
 * "rejected claims that ...")? */
static int denied_clause(const ng_paths *p, const ng_parser *ps, const ng_lexicon *lx, int t)
{
	int h = p->head[t];
	if (h < 0 || !is(relname(p, ps, t), "ccomp"))
		return 0;
	/* one negation, the denial's own: "did not deny" denies nothing */
	int n = 0;
	for (size_t w = 0; w < p->n; w++)
		if ((w == (size_t)h || (p->head[w] == h && is(relname(p, ps, (int)w), "advmod"))) &&
		    is_negation_word(p, lx, (int)w))
			n++;
	return n == 1 && is_negation_word(p, lx, h);
}

/* The modality and negation of the verb group of word t: t and the verbs
 * controlling it ("agreed to supply"), with their auxiliaries, negation
 * and adverbs, read by the modality cues. */
static int verb_group(ng_paths *p, const ng_parser *ps, const ng_lexicon *lx, int t, int *negated)
{
	static const char *const part[] = {"aux", "advmod", "mark", "cop", "det"};
	unsigned char *in = calloc(p->n, 1);
	if (!in)
		return -1;
	int possible = 0; /* a controlling verb makes t a possibility */
	for (int w = t, hops = 0; w >= 0 && hops < 4; hops++) {
		in[w] = 1;
		if (w != t) {
			const char *f = p->words.s + p->form[w];
			possible |= (ng_lexicon_cue(lx, f, strlen(f)) & NG_CLASS(NG_W_HYPOTHETICAL_CONTROL)) != 0;
		}
		for (size_t c = 0; c < p->n; c++)
			for (size_t k = 0; p->head[c] == w && k < sizeof part / sizeof *part; k++)
				in[c] |= is(relname(p, ps, (int)c), part[k]);
		/* a conjunct verb with no auxiliary of its own shares its first
		 * conjunct's ("will make a visit and hold talks") */
		if (is(relname(p, ps, w), "conj") && p->head[w] >= 0 && p->upos[p->head[w]] == NG_VERB &&
		    child_with(p, ps, w, "aux") < 0) {
			int h = p->head[w];
			for (size_t c = 0; c < p->n; c++)
				if (p->head[c] == h && (is(relname(p, ps, (int)c), "aux") || is(relname(p, ps, (int)c), "advmod")))
					in[c] = 1;
		}
		w = is(relname(p, ps, w), "xcomp") || is_purpose(p, ps, w) ? p->head[w] : -1;
	}
	p->group.len = 0;
	int rc = ng_buf_adds(&p->group, "");
	for (size_t i = 0; i < p->n && !rc; i++)
		if (in[i])
			rc = (p->group.len && ng_buf_addc(&p->group, ' ')) || ng_norm_append(&p->group, p->words.s + p->form[i],
			                                                                     strlen(p->words.s + p->form[i]));
	free(in);
	if (rc)
		return -1;
	int reported = reported_clause(p, ps, lx, t) || ng_modality_reported(lx, p->group.s);
	int denial = denied_clause(p, ps, lx, t);
	int m = ng_modality_classify(lx, p->group.s, 0, p->group.len, reported || denial, negated);
	/* "China denied that it supplies": a denial negates what it reports */
	if (denial)
		*negated = !*negated;
	if (possible)
		m = NG_HYPOTHETICAL;
	/* "flew to Washington to meet Lutnick": the meeting is the plan */
	if (m == NG_ASSERTED && is_purpose(p, ps, t))
		m = NG_EXPECTED;
	return m;
}

/* A basic-tree child of h by relation rel, or -1 (the parser need not be
 * at hand: the relation names were read into edges). */
static int child_of(const ng_paths *p, int h, const char *rel)
{
	for (size_t k = 0; k < p->nedges; k++)
		if (p->edges[k].head == h && !strcmp(p->edges[k].label, rel))
			return p->edges[k].dep;
	return -1;
}

static int on_path(const ng_paths *p, const int *steps, int n, int w)
{
	for (int k = 0; k < n; k++)
		if (p->edges[steps[k]].head == w || p->edges[steps[k]].dep == w)
			return 1;
	return 0;
}

/* An endpoint: PREFIX TYPE#MENTION (">" ends it), e.g. " <person#3>". */
static int add_end(ng_buf *t, const char *prefix, const char *type, size_t mention)
{
	char digits[24];
	int k = (int)sizeof digits;
	do
		digits[--k] = (char)('0' + mention % 10);
	while ((mention /= 10));
	return ng_buf_adds(t, prefix) || ng_buf_adds(t, type) || ng_buf_addc(t, '#') ||
	       ng_buf_add(t, digits + k, sizeof digits - (size_t)k) || ng_buf_addc(t, '>');
}

static int write_path(ng_paths *p, const ng_ents *x, size_t ma, size_t mb, int a, int b,
                      const int *via, int *top)
{
	int steps[NG_PATH_MAX_STEPS + 1], n = 0;
	for (int v = b; v != a && n <= NG_PATH_MAX_STEPS; n++) {
		steps[n] = via[v];
		const ng_path_edge *e = &p->edges[via[v]];
		v = e->head == v ? e->dep : e->head;
	}
	*top = -1;
	int u = a, up = 1;
	if (add_end(&p->text, "<", ng_type_name(mention_type(x, ma)), ma))
		return NG_ENOMEM;
	for (int k = n - 1; k >= 0; k--) {
		const ng_path_edge *e = &p->edges[steps[k]];
		int going_up = e->dep == u;
		int v = going_up ? e->head : e->dep;
		if (!going_up && up) {
			up = 0;
			*top = u == a ? -1 : u;
		}
		if (ng_buf_addc(&p->text, ' ') || ng_buf_addc(&p->text, going_up ? '<' : '>') ||
		    ng_buf_adds(&p->text, e->label))
			return NG_ENOMEM;
		if (v != b && (ng_buf_addc(&p->text, ' ') || ng_buf_adds(&p->text, ng_paths_lemma(p, v)) ||
		               ng_buf_addc(&p->text, ':') || ng_buf_adds(&p->text, ng_upos_name((ng_upos)p->upos[v]))))
			return NG_ENOMEM;
		/* a verb's object off the path: "pay:VERB(visit) >obl:to"; not a
		 * relative pronoun, whose noun the enhanced graph put on it */
		int obj = v != b && p->upos[v] == NG_VERB ? child_of(p, v, "obj") : -1;
		if (obj >= 0 && !on_path(p, steps, n, obj) && !relative_pronoun(p, obj) && (ng_buf_addc(&p->text, '(') || ng_buf_adds(&p->text, ng_paths_lemma(p, obj)) || ng_buf_addc(&p->text, ')')))
			return NG_ENOMEM;
		u = v;
	}
	return add_end(&p->text, " <", ng_type_name(mention_type(x, mb)), mb) || ng_buf_addc(&p->text, 0)
	               ? NG_ENOMEM
	               : 0;
}

/* The verb whose object is the agreement at the top of a path from word
 * a to word b, or -1. */
static int agreement_verb(const ng_paths *p, const ng_ents *x, size_t ma, int a, size_t mb, int b)
{
	int top = b; /* the endpoint above the other */
	for (int w = p->head[b], hops = 0; w >= 0 && hops < NG_PATH_MAX_STEPS; w = p->head[w], hops++)
		if (w == a)
			top = a;
	size_t m = top == a ? ma : mb;
	if (mention_type(x, m) != NG_AGREEMENT || p->head[top] < 0 || p->upos[p->head[top]] != NG_VERB)
		return -1;
	for (size_t k = 0; k < p->nedges; k++)
		if (p->edges[k].dep == top && p->edges[k].head == p->head[top] && !strcmp(p->edges[k].label, "obj"))
			return p->head[top];
	return -1;
}

/* Whether the agreement at word w is only what something is about: the
 * object of "on", "over", "about" or "for" after a noun ("talks on a
 * deal") or after a verb with a noun object ("held talks on a deal"). Such
 * an agreement is not made, so no party hangs from it. */
static int agreement_topic(const ng_paths *p, const ng_ents *x, size_t m, int w)
{
	static const char *const about[] = {"on", "over", "about", "for"};
	int g = p->head[w];
	if (mention_type(x, m) != NG_AGREEMENT || g < 0 ||
	    !(p->upos[g] == NG_NOUN || (p->upos[g] == NG_VERB && child_of(p, g, "obj") >= 0)))
		return 0;
	for (size_t k = 0; k < p->nedges; k++) {
		const char *l = p->edges[k].label;
		if (p->edges[k].dep != w || p->edges[k].head != g || (strncmp(l, "nmod:", 5) && strncmp(l, "obl:", 4)))
			continue;
		for (size_t a = 0; a < sizeof about / sizeof *about; a++)
			if (!strcmp(strchr(l, ':') + 1, about[a]))
				return 1;
	}
	return 0;
}

static int add_paths(ng_paths *p, const ng_parser *ps, const ng_lexicon *lx, const ng_ents *x, const size_t *mi,
                     const int *heads, size_t nm)
{
	int *scratch = malloc(3 * p->n * sizeof *scratch);
	if (!scratch)
		return NG_ENOMEM;
	int rc = 0;
	for (size_t i = 0; i < nm && !rc; i++)
		for (size_t j = 0; j < nm && !rc; j++) {
			const ng_mention *a = &x->m[mi[i]], *b = &x->m[mi[j]];
			if (i == j || heads[i] == heads[j] || (a->entity == b->entity && !a->plural && !b->plural))
				continue;
			if (shortest(p, heads[i], heads[j], scratch, scratch + p->n, scratch + 2 * p->n) < 0 ||
			    agreement_topic(p, x, mi[i], heads[i]) || agreement_topic(p, x, mi[j], heads[j]))
				continue;
			ng_path *path = NG_PUSH(p->p, p->np, p->cp);
			if (!path) {
				rc = NG_ENOMEM;
				break;
			}
			path->from = mi[i];
			path->to = mi[j];
			path->text = p->text.len;
			rc = write_path(p, x, mi[i], mi[j], heads[i], heads[j], scratch, &path->trigger);
			/* no verb between them: a noun phrase states it ("X of Y"),
			 * unless it is an agreement, which is as certain as the verb
			 * that makes it ("will strike a deal with Russia") */
			path->negated = 0;
			path->modality = NG_ASSERTED;
			int t = path->trigger >= 0 ? path->trigger : agreement_verb(p, x, mi[i], heads[i], mi[j], heads[j]);
			if (!rc && t >= 0) {
				int m = verb_group(p, ps, lx, t, &path->negated);
				if (m < 0)
					rc = NG_ENOMEM;
				else
					path->modality = m;
			}
		}
	free(scratch);
	return rc;
}

int ng_paths_sentence(ng_paths *p, ng_parse_cache *pc, const ng_lexicon *lx, const ng_doc *d, uint32_t si,
                      const ng_ents *x, size_t first, size_t last, ng_error *err)
{
	const ng_parser *ps = ng_parse_cache_parser(pc);
	const ng_sentence *s = &d->sents[si];
	size_t ends[NG_WORDS_MAX];
	p->n = p->np = 0;
	p->words.len = p->text.len = 0;
	int rc = 0;
	for (uint32_t t = s->tok_begin; t < s->tok_end && !rc; t++) {
		const ng_token *tk = &d->toks[t];
		size_t k = ng_words_cut(d->text + tk->start, tk->end - tk->start, ends);
		for (size_t j = 0; j < k && !rc; j++)
			rc = add_word(p, d->text, tk->start + (j ? (uint32_t)ends[j - 1] : 0), tk->start + (uint32_t)ends[j]);
	}
	if (rc || !p->n)
		return rc ? ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory") : 0;
	if ((rc = analyse(p, pc, si, err)))
		return rc;
	split_names(p, ps, x, first, last);
	appositions(p, ps);
	if (enhance(p, ps))
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	size_t nm = 0, *mi = malloc((last - first + 1) * sizeof *mi);
	int *heads = malloc((last - first + 1) * sizeof *heads);
	for (size_t k = first; mi && heads && k < last; k++) {
		int h = x->m[k].entity >= 0 && !qualifies(x, first, last, k) ? mention_head(p, x, &x->m[k]) : -1;
		if (h >= 0) {
			mi[nm] = k;
			heads[nm++] = h;
		}
	}
	rc = mi && heads ? add_paths(p, ps, lx, x, mi, heads, nm) : NG_ENOMEM;
	free(mi);
	free(heads);
	return rc ? ng_fail(err, rc, NULL, 0, "out of memory") : 0;
}

int ng_paths_write_parse(const ng_paths *p, const ng_parser *ps, ng_buf *out)
{
	out->len = 0;
	int rc = ng_buf_adds(out, "");
	for (size_t i = 0; i < p->n && !rc; i++)
		rc = ng_buf_printf(out, "%s%zu:%s/%s>%d:%s", i ? " " : "", i + 1, p->words.s + p->form[i],
		                   ng_upos_name((ng_upos)p->upos[i]), p->head[i] + 1, relname(p, ps, (int)i));
	return rc ? NG_ENOMEM : 0;
}

void ng_paths_free(ng_paths *p)
{
	free(p->start);
	free(p->end);
	free(p->upos);
	free(p->head);
	free(p->rel);
	free(p->form);
	free(p->lemma);
	free(p->fptr);
	free(p->edges);
	free(p->p);
	ng_buf_free(&p->words);
	ng_buf_free(&p->text);
	ng_buf_free(&p->group);
	memset(p, 0, sizeof *p);
}
