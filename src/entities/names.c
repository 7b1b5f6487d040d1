/* Entities: what the whole article says about its names. Input: the
 * mentions ner.c found sentence by sentence. Output: the same mentions,
 * retyped or added where the article as a whole decides: in a sports report
 * a town names its club ("Leeds beat Chelsea 2-1") and a lone unknown name
 * that is no player's is a team, results lines and tables name teams and
 * line-ups players; a dateline line names a place; lines in capitals
 * (headlines, tables) and lone surnames repeat names the body typed
 * ("SHEARER" after "Alan Shearer"). */
#include "entities/names.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/util.h"

/* Is token i a number of one to three digits? */
static int small_number(const ng_doc *d, size_t i)
{
	const ng_token *t = &d->toks[i];
	if (t->end - t->start > 3)
		return 0;
	for (uint32_t k = t->start; k < t->end; k++)
		if (!isdigit((unsigned char)d->text[k]))
			return 0;
	return 1;
}

/* Words that name no team on their own: "Standings", "Semifinal". */
static const ng_classes plain_words = NG_NOT_NAME | NG_CLASS(NG_W_COMMON) | NG_CLASS(NG_W_SPORT);

/* "2-1", "6-4", "15-10" at token i: a score (a date has a four-digit
 * year). */
static int is_score(const ng_doc *d, size_t i)
{
	const ng_token *t = &d->toks[i];
	return i + 2 < d->ntoks && small_number(d, i) && small_number(d, i + 2) && d->text[t[1].start] == '-' &&
	       t[1].end == t[1].start + 1 && t[0].end == t[1].start && t[1].end == t[2].start;
}

/* A sports report: scores and sports words, more than a passing mention. */
static int sports_report(const ng_lexicon *lx, const ng_doc *d)
{
	size_t scores = 0, words = 0;
	for (size_t i = 0; i < d->ntoks; i++) {
		/* "2-1", or a results line: "Grimsby 0 Portsmouth 1" */
		scores += is_score(d, i) || (i > 0 && i + 1 < d->ntoks && small_number(d, i) &&
		                             (d->toks[i - 1].flags & NG_TOK_CAP) && (d->toks[i + 1].flags & NG_TOK_CAP));
		words += ng_lexicon_is_wid(lx, d->wid[i], NG_W_SPORT);
	}
	return scores * 2 + words >= 6 && words >= 2;
}

static const char *norm(const ng_doc *d, size_t i)
{
	return ng_tok_norm(d, &d->toks[i]);
}

/* The last words of people's names of several words, sorted: a lone word
 * among them is a player's surname. */
typedef struct surnames {
	const char **w;
	size_t n;
} surnames;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int surnames_init(surnames *sn, const ng_doc *d, const ng_ents *x)
{
	sn->n = 0;
	sn->w = malloc((x->n + 1) * sizeof *sn->w);
	if (!sn->w)
		return NG_ENOMEM;
	for (size_t i = 0; i < x->n; i++) {
		const ng_mention *m = &x->m[i];
		if (m->type == NG_PERSON && m->kind == NG_NAME && m->te - m->tb > 1)
			sn->w[sn->n++] = norm(d, m->te - 1);
	}
	ng_sort(sn->w, sn->n, sizeof *sn->w, cmp_str);
	return 0;
}

static int is_surname(const surnames *sn, const char *w)
{
	return sn->n && bsearch(&w, sn->w, sn->n, sizeof *sn->w, cmp_str) != NULL;
}

/* Is the place at mention m where something happens rather than a club:
 * after a preposition of place ("at Headingley", "at Lord 's , London"),
 * in parentheses or before them ("London ( The Oval )"), before a colon
 * ("Hove : Sussex 363"), in a dateline? */
static int place_context(const ng_lexicon *lx, const ng_doc *d, const ng_mention *m)
{
	const ng_sentence *s = &d->sents[m->sent];
	for (size_t k = m->tb; k-- > s->tok_begin && m->tb - k <= 5;) {
		const char *w = norm(d, k);
		if (ng_lexicon_is_wid(lx, d->wid[k], NG_W_LOCATION_PREP) || !strcmp(w, "("))
			return 1;
		if (!(d->toks[k].flags & (NG_TOK_CAP | NG_TOK_UPPER | NG_TOK_POSS)) && strcmp(w, ","))
			break;
	}
	/* a dateline: "BIRMINGHAM , England 1996-08-31" */
	for (size_t k = m->te; m->tb == s->tok_begin && k < s->tok_end && k < m->te + 5; k++)
		if ((d->toks[k].flags & NG_TOK_NUM) && d->toks[k].end - d->toks[k].start >= 4)
			return 1;
	return m->te < s->tok_end && strchr(":(", d->text[d->toks[m->te].start]);
}

/* "Manchester United", "Dynamo Moscow": capitalised words beside a club's
 * town belong to the club's name; mentions over them are dropped. */
static void club_span(const ng_doc *d, ng_ents *x, ng_mention *m, unsigned char *drop)
{
	const ng_sentence *s = &d->sents[m->sent];
	const uint16_t name = NG_TOK_CAP | NG_TOK_UPPER;
	size_t tb = m->tb, te = m->te;
	if (d->toks[m->tb].flags & NG_TOK_UPPER)
		return; /* every word is capitalised in lines in capitals */
	while (tb > s->tok_begin && tb > m->tb - 2 && (d->toks[tb - 1].flags & name) && (d->toks[tb - 1].flags & NG_TOK_WORD))
		tb--;
	while (te < s->tok_end && te < m->te + 2 && (d->toks[te].flags & name) && (d->toks[te].flags & NG_TOK_WORD))
		te++;
	for (size_t i = 0; i < x->n; i++) {
		const ng_mention *o = &x->m[i];
		if (o != m && o->tb < te && o->te > tb) {
			if (o->entry >= 0 && !o->unsure)
				return; /* a known name beside it: two names */
		}
	}
	for (size_t i = 0; i < x->n; i++)
		if (&x->m[i] != m && x->m[i].tb < te && x->m[i].te > tb)
			drop[i] = 1;
	m->tb = (uint32_t)tb;
	m->te = (uint32_t)te;
	m->start = d->toks[tb].start;
	m->end = d->toks[te - 1].end;
}

/* "said Duran", "Duran told", "midfielder Donato", "Duran , 45 ,", a
 * first name or a nickname in quotes beside it: a person, not a team. */
static int person_near(const ng_lexicon *lx, const ng_doc *d, const ng_mention *m)
{
	const ng_sentence *s = &d->sents[m->sent];
	if (m->tb > s->tok_begin && (ng_lexicon_is_wid(lx, d->wid[m->tb - 1], NG_W_PERSON_BEFORE) ||
	                             !strcmp(norm(d, m->tb - 1), "said") || !strcmp(norm(d, m->tb - 1), "says")))
		return 1;
	if (m->te < s->tok_end && ng_lexicon_is_wid(lx, d->wid[m->te], NG_W_PERSON_CUE))
		return 1;
	/* "Mark Brooks", "Roberto \" Hands of Stone \" Duran": part of a name */
	if (m->tb > s->tok_begin && (ng_lexicon_is_wid(lx, d->wid[m->tb - 1], NG_W_GIVEN_NAME) ||
	                             (d->toks[m->tb - 1].flags & NG_TOK_QUOTE)))
		return 1;
	if (m->te < s->tok_end && (d->toks[m->te].flags & NG_TOK_QUOTE))
		return 1;
	return m->te + 2 < s->tok_end && !strcmp(norm(d, m->te), ",") && small_number(d, m->te + 1) &&
	       !strcmp(norm(d, m->te + 2), ",");
}

/* Does token t open a line? Results and tables put one item a line. */
static int line_start(const ng_doc *d, size_t t)
{
	return t == 0 || memchr(d->text + d->toks[t - 1].end, '\n', d->toks[t].start - d->toks[t - 1].end) != NULL;
}

static int name_word(const ng_doc *d, size_t t)
{
	uint16_t f = d->toks[t].flags;
	return (f & NG_TOK_WORD) && (f & (NG_TOK_CAP | NG_TOK_UPPER));
}

/* Where a team's name in a results line or table may end: before its
 * score or points ("Grimsby 0 Portsmouth 1", "Port Vale 4 1 2 1") or
 * before "v" ("East Fife v Clydebank"). */
static int team_end(const ng_doc *d, size_t t, size_t end)
{
	return t < end && (small_number(d, t) || (!strcmp(norm(d, t), "v") && t + 1 < end && name_word(d, t + 1)));
}

/* "May 17 v Northampton ( three days )": a name after "v" that ends its
 * line or comes before parentheses. */
static int versus_team(const ng_doc *d, size_t t, size_t b, size_t end)
{
	return t > 0 && !strcmp(norm(d, t - 1), "v") && (b == end || line_start(d, b) || !strcmp(norm(d, b), "("));
}

/* A team's place in a results line: opening the line or after a score
 * or "v", and before a score or "v" ("Greenock Morton 3 2 0 1",
 * "St Mirren v Ayr"). */
static int team_context(const ng_doc *d, size_t tb, size_t te, size_t end)
{
	int after = line_start(d, tb) || small_number(d, tb - 1) || !strcmp(norm(d, tb - 1), "v");
	return after && (team_end(d, te, end) || versus_team(d, tb, te, end));
}

/* Removes the mentions marked in drop; titles point at mentions by index,
 * so they follow (drop is reused for the new indices). */
static int drop_mentions(ng_ents *x, const unsigned char *drop)
{
	size_t w = 0, n = x->n;
	int *map = malloc((n + 1) * sizeof *map);
	if (!map)
		return NG_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		map[i] = drop[i] ? -1 : (int)w;
		if (!drop[i])
			x->m[w++] = x->m[i];
		else
			free(x->m[i].name);
	}
	x->n = w;
	for (size_t i = 0; i < w; i++) {
		ng_mention *m = &x->m[i];
		m->title_of = m->title_of >= 0 ? map[m->title_of] : -1;
		m->title_of2 = m->title_of2 >= 0 ? map[m->title_of2] : -1;
	}
	free(map);
	return 0;
}

/* A name mention over [tb, te): of the entry of mention `of` when it has
 * the same length, of none when `of` is -1. */
static int add_copy(ng_ents *x, size_t of, size_t tb, size_t te, const ng_doc *d, int type)
{
	ng_mention copy = {.entry = -1}; /* before the array may move */
	if (of != (size_t)-1)
		copy = x->m[of];
	ng_mention *m = NG_PUSH(x->m, x->n, x->cap);
	if (!m)
		return NG_ENOMEM;
	memset(m, 0, sizeof *m);
	m->tb = (uint32_t)tb;
	m->te = (uint32_t)te;
	m->start = d->toks[tb].start;
	m->end = d->toks[te - 1].end;
	m->sent = d->toks[tb].sent;
	m->type = type;
	m->kind = NG_NAME;
	m->entry = te - tb == copy.te - copy.tb ? copy.entry : -1;
	m->title_rel = m->title_of = m->title_of2 = -1;
	m->entity = m->entity2 = -1;
	return 0;
}

/* The end of a list item at t: one or two name words, or t if none. */
static size_t item_end(const ng_lexicon *lx, const ng_doc *d, size_t t, size_t end)
{
	size_t b = t;
	while (b < end && b - t < 2 && name_word(d, b) && !ng_lexicon_in_wid(lx, d->wid[b], plain_words))
		b++;
	return b < end && strcmp(norm(d, b), ",") && strcmp(norm(d, b), "and") && strcmp(norm(d, b), ".") ? t : b;
}

/* A sports report's line-up: four or more names in a row separated by
 * commas ("Given , Breen , Staunton , Irwin") are players; the ones no
 * rule typed become people. */
static int lineups(const ng_lexicon *lx, const ng_doc *d, ng_ents *x)
{
	unsigned char *cov = calloc(d->ntoks + 1, 1);
	if (!cov)
		return NG_ENOMEM;
	for (size_t i = 0; i < x->n; i++)
		memset(cov + x->m[i].tb, 1, x->m[i].te - x->m[i].tb);
	int rc = 0;
	for (size_t s = 0; s < d->nsents && !rc; s++) {
		const ng_sentence *se = &d->sents[s];
		for (size_t t = se->tok_begin; t < se->tok_end && !rc;) {
			size_t k = t, items = 0, b;
			while ((b = item_end(lx, d, k, se->tok_end)) > k) {
				items++;
				k = b;
				if (k >= se->tok_end || !strcmp(norm(d, k), "."))
					break;
				k++; /* the comma or "and" */
			}
			for (size_t p = t; items >= 4 && !rc && (b = item_end(lx, d, p, se->tok_end)) > p; p = b + 1) {
				size_t j = p;
				while (j < b && !cov[j])
					j++;
				if (j == b)
					rc = add_copy(x, (size_t)-1, p, b, d, NG_PERSON);
				for (size_t i = 0; i < x->n; i++)
					if (x->m[i].tb == p && x->m[i].te == b && x->m[i].unsure)
						x->m[i].unsure = x->m[i].guess = 0; /* a player, kept */
			}
			t = k > t ? k : t + 1;
		}
	}
	free(cov);
	return rc;
}

/* In a sports report, a town or region is its club where it does not say
 * where something happens; a state stays a state (national sides are named
 * as the country). A lone unknown word that is no player's surname and
 * comes back is a team. */
static int sports_names(const ng_lexicon *lx, const ng_doc *d, ng_ents *x)
{
	surnames sn;
	unsigned char *drop = calloc(x->n + 1, 1);
	if (!drop || surnames_init(&sn, d, x)) {
		free(drop);
		return NG_ENOMEM;
	}
	for (size_t i = 0; i < x->n; i++) {
		ng_mention *m = &x->m[i];
		if (m->kind != NG_NAME || m->adj || drop[i] || place_context(lx, d, m))
			continue;
		int town = m->type == NG_LOCATION && m->entry >= 0 && lx->entries[m->entry].in &&
		           !ng_lexicon_is_wid(lx, d->wid[m->te - 1], NG_W_HOME_NATION);
		/* "MaliVai Washington ... Washington": a player's surname */
		if (town && m->te - m->tb == 1 && is_surname(&sn, norm(d, m->tb))) {
			m->type = NG_PERSON;
			m->entry = -1;
			m->metonym = 0;
			continue;
		}
		/* "Mark Cairns": a lone word before another name is a first name */
		int team = m->unsure && m->type == NG_PERSON && !is_surname(&sn, norm(d, m->tb)) &&
		           !ng_lexicon_in_wid(lx, d->wid[m->tb], plain_words) && !person_near(lx, d, m) &&
		           !(m->te < d->sents[m->sent].tok_end && (d->toks[m->te].flags & NG_TOK_CAP));
		/* "Queens Park Rangers 3 2 1 0": not a person in a results line */
		if (m->type == NG_PERSON && m->entry < 0 && m->title_end <= m->title_start &&
		    !(m->te - m->tb > 1 && ng_lexicon_is_wid(lx, d->wid[m->tb], NG_W_GIVEN_NAME)) &&
		    team_context(d, m->tb, m->te, d->sents[m->sent].tok_end))
			team = 1;
		if (town)
			club_span(d, x, m, drop);
		if (town || team) {
			m->type = NG_ORGANIZATION;
			m->entry = -1;
			m->metonym = 0;
			m->unsure = 0;
		}
	}
	int rc = drop_mentions(x, drop);
	free(drop);
	free(sn.w);
	return rc;
}

/* A name the article typed, by its words. */
typedef struct known {
	const char *first;
	size_t m; /* mention index */
} known;

static int cmp_known(const void *a, const void *b)
{
	const known *x = a, *y = b;
	int c = strcmp(x->first, y->first);
	return c ? c : (x->m > y->m) - (x->m < y->m);
}

/* Does the name of mention k stand at token t, word for word? */
static size_t same_words(const ng_doc *d, const ng_mention *k, size_t t, size_t end)
{
	size_t n = k->te - k->tb;
	if (t + n > end)
		return 0;
	for (size_t j = 0; j < n; j++)
		if (strcmp(norm(d, k->tb + j), norm(d, t + j)))
			return 0;
	return n;
}

/* The longest typed name at token t of a line in capitals, or a person's
 * surname alone. Returns its length, 0 if none. */
static size_t repeat_at(const ng_doc *d, ng_ents *x, const known *ks, size_t nk, const surnames *sn, size_t t,
                        size_t end, int *rc)
{
	known key = {norm(d, t), 0};
	size_t lo = 0, hi = nk;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(ks[mid].first, key.first) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t best = 0, of = 0;
	for (size_t k = lo; k < nk && strcmp(ks[k].first, key.first) == 0; k++) {
		size_t n = same_words(d, &x->m[ks[k].m], t, end);
		if (n > best) {
			best = n;
			of = ks[k].m;
		}
	}
	if (best) {
		*rc = add_copy(x, of, t, t + best, d, x->m[of].type);
		return best;
	}
	if ((d->toks[t].flags & NG_TOK_WORD) && is_surname(sn, key.first)) {
		*rc = add_copy(x, (size_t)-1, t, t + 1, d, NG_PERSON);
		return 1;
	}
	return 0;
}

/* Lines in capitals get only knowledge-base names from ner.c; words there
 * that repeat a name typed in the body take its type. */
static int capital_lines(const ng_doc *d, ng_ents *x)
{
	size_t n0 = x->n, nk = 0;
	known *ks = malloc((n0 + 1) * sizeof *ks);
	unsigned char *cov = calloc(d->ntoks + 1, 1);
	surnames sn = {0};
	int rc = ks && cov ? surnames_init(&sn, d, x) : NG_ENOMEM;
	for (size_t i = 0; i < n0 && !rc; i++) {
		const ng_mention *m = &x->m[i];
		for (size_t t = m->tb; t < m->te; t++)
			cov[t] = 1;
		if (m->kind == NG_NAME && !m->unsure && !m->adj && !d->sents[m->sent].caps)
			ks[nk++] = (known){norm(d, m->tb), i};
	}
	if (!rc)
		ng_sort(ks, nk, sizeof *ks, cmp_known);
	for (size_t s = 0; s < d->nsents && !rc && nk; s++) {
		const ng_sentence *se = &d->sents[s];
		if (!se->caps)
			continue;
		for (size_t t = se->tok_begin; t < se->tok_end && !rc;) {
			size_t n = 0, end = t;
			while (end < se->tok_end && !cov[end] && end - t < 8)
				end++;
			if (end > t && (d->toks[t].flags & (NG_TOK_CAP | NG_TOK_UPPER)))
				n = repeat_at(d, x, ks, nk, &sn, t, end, &rc);
			t += n ? n : 1;
		}
	}
	free(ks);
	free(cov);
	free(sn.w);
	return rc;
}

/* Results lines and tables of a sports report are in title case or
 * capitals, where ner.c takes only known names: a run of name words not
 * yet a mention, opening the line or following a score or "v", is a
 * team; one that opens with a known first name is a player. */
static int table_teams(const ng_lexicon *lx, const ng_doc *d, ng_ents *x)
{
	unsigned char *cov = calloc(d->ntoks + 1, 1);
	if (!cov)
		return NG_ENOMEM;
	for (size_t i = 0; i < x->n; i++)
		memset(cov + x->m[i].tb, 1, x->m[i].te - x->m[i].tb);
	int rc = 0;
	for (size_t s = 0; s < d->nsents && !rc; s++) {
		const ng_sentence *se = &d->sents[s];
		for (size_t t = se->tok_begin; t < se->tok_end && !rc;) {
			size_t b = t;
			while (b < se->tok_end && !cov[b] && b - t < 4 && !(b > t && line_start(d, b)) &&
			       (name_word(d, b) || (b > t && (d->toks[b].flags & NG_TOK_POSS))))
				b++;
			int after = t == se->tok_begin || line_start(d, t) || small_number(d, t - 1) || !strcmp(norm(d, t - 1), "v") ||
			            !strcmp(norm(d, t - 1), ",") || !strcmp(norm(d, t - 1), ":");
			if (b > t && after && (team_end(d, b, se->tok_end) || versus_team(d, t, b, se->tok_end)) &&
			    !ng_lexicon_in_wid(lx, d->wid[t], NG_NOT_NAME) && !ng_lexicon_in_wid(lx, d->wid[b - 1], plain_words)) {
				int player = b - t > 1 && ng_lexicon_is_wid(lx, d->wid[t], NG_W_GIVEN_NAME);
				rc = add_copy(x, (size_t)-1, t, b, d, player ? NG_PERSON : NG_ORGANIZATION);
			}
			t = b > t ? b : t + 1;
		}
	}
	free(cov);
	return rc;
}

/* "ESCHEN , Liechtenstein 1996-08-31", "LONGYEAR , Norway 1996-08-30": a
 * line near the top that opens with a name, maybe a region after a comma,
 * then a date is a dateline; the name is where the story was filed. */
static int dateline_place(const ng_doc *d, ng_ents *x)
{
	for (size_t t = 0; t < d->ntoks && t < 64; t++) {
		if (!line_start(d, t))
			continue;
		size_t b = t;
		while (b < d->ntoks && b - t < 4 && name_word(d, b) && !(b > t && line_start(d, b)))
			b++;
		size_t k = b;
		if (k < d->ntoks && !strcmp(norm(d, k), ","))
			for (k++; k < d->ntoks && k - b < 4 && name_word(d, k);)
				k++;
		const ng_token *y = k < d->ntoks ? &d->toks[k] : NULL;
		if (b == t || !y || line_start(d, k) || !(y->flags & NG_TOK_NUM) || y->end - y->start != 4 ||
		    !(k + 1 == d->ntoks || line_start(d, k + 1) || d->text[y->end] == '-'))
			continue; /* a year alone on the line, or a date: "1996-08-31" */
		for (size_t i = 0; i < x->n; i++)
			if (x->m[i].tb < b && x->m[i].te > t)
				return 0; /* the knowledge base knows it */
		return add_copy(x, (size_t)-1, t, b, d, NG_LOCATION);
	}
	return 0;
}

/* "Greek Cypriot government", "Irish American voters": of two demonyms in a
 * row the second names the people; the first only qualifies it. */
static int qualified_demonyms(const ng_doc *d, ng_ents *x)
{
	unsigned char *adj_at = calloc(d->ntoks + 1, 1), *drop = calloc(x->n + 1, 1);
	int rc = adj_at && drop ? 0 : NG_ENOMEM;
	for (size_t i = 0; !rc && i < x->n; i++)
		if (x->m[i].adj && x->m[i].te - x->m[i].tb == 1)
			adj_at[x->m[i].tb] = 1;
	for (size_t i = 0; !rc && i < x->n; i++) {
		const ng_mention *m = &x->m[i];
		drop[i] = m->adj && m->kind == NG_NAME && adj_at[m->te] && m->te < d->sents[m->sent].tok_end &&
		          d->toks[m->te].start == m->end + 1;
	}
	if (!rc)
		rc = drop_mentions(x, drop);
	free(adj_at);
	free(drop);
	return rc;
}

/* Which mention covers each token (the first by index), kept up to date
 * as the passes below add and stretch mentions: looking mentions up by
 * token must not scan them all, or a long article takes quadratic time. */
typedef struct cover {
	const ng_ents *x;
	int *at; /* per token: a mention index, or -1 */
} cover;

static void cover_mark(cover *cv, long i)
{
	for (uint32_t t = cv->x->m[i].tb; t < cv->x->m[i].te; t++)
		if (cv->at[t] < 0 || cv->at[t] > i)
			cv->at[t] = (int)i;
}

static int cover_init(cover *cv, const ng_doc *d, const ng_ents *x)
{
	cv->x = x;
	cv->at = malloc((d->ntoks + 1) * sizeof *cv->at);
	if (!cv->at)
		return NG_ENOMEM;
	for (size_t t = 0; t <= d->ntoks; t++)
		cv->at[t] = -1;
	for (size_t i = x->n; i-- > 0;)
		cover_mark(cv, (long)i);
	return 0;
}

/* The mention that covers token t, or -1. */
static long mention_at(const cover *cv, size_t t)
{
	return cv->at[t];
}

static int is_place(const ng_ents *x, long i)
{
	return i >= 0 && (x->m[i].type == NG_LOCATION || x->m[i].type == NG_STATE);
}

static int is_tok(const ng_doc *d, size_t t, const char *w)
{
	return t < d->ntoks && !strcasecmp(norm(d, t), w);
}

/* An outlet no one knows, where a wire or monitoring service names it in
 * its credit or source line: after the place it files from, before "in
 * LANGUAGE 1700 GMT" or "in LANGUAGE 6 Apr 94" ("Havana Radio Reloj
 * Network in Spanish 1402 GMT"),
 * in capitals after a place on a line of its own ("Moscow MOSKOVSKIY
 * KOMSOMOLETS"), or in parentheses before the dash of a credit line
 * ("Sofia , February 15 ( BTA ) --"). Returns the run [*b, *e) or 0. */
static int outlet_run(const ng_doc *d, const cover *cv, const ng_sentence *se, size_t *b, size_t *e)
{
	const ng_ents *x = cv->x;
	size_t sb = se->tok_begin, sn = se->tok_end;
	for (size_t k = sb + 2; k + 1 < sn; k++) {
		const ng_token *y = &d->toks[k];
		uint32_t len = y->end - y->start;
		int when = (len == 4 && is_tok(d, k + 1, "gmt")) ||
		           (len <= 2 && k + 2 < sn && name_word(d, k + 1) && (d->toks[k + 2].flags & NG_TOK_NUM));
		if (is_tok(d, k - 2, "in") && name_word(d, k - 1) && (y->flags & NG_TOK_NUM) && when) {
			*e = k - 2;
			break;
		}
	}
	if (!*e && sn - sb >= 2 && sn - sb <= 5 && is_place(x, mention_at(cv, sb))) {
		size_t t = x->m[mention_at(cv, sb)].te;
		int upper = t < sn && !(d->toks[t - 1].flags & NG_TOK_UPPER);
		for (size_t k = t; k < sn && upper; k++)
			upper = name_word(d, k) && (d->toks[k].flags & NG_TOK_UPPER);
		*e = upper ? sn : 0;
	}
	for (size_t k = sb + 1; !*e && k + 2 < sn && k < sb + 10; k++)
		if (is_tok(d, k, "(") && d->toks[k + 1].flags & NG_TOK_UPPER) {
			size_t c = k + 1;
			while (c < sn && c < k + 4 && name_word(d, c))
				c++;
			if (is_tok(d, c, ")") && c + 1 < sn && d->text[d->toks[c + 1].start] == '-' && is_place(x, mention_at(cv, sb + 3 * is_tok(d, sb, "("))))
				*b = k + 1, *e = c;
		}
	if (!*e)
		return 0;
	if (!*b)
		for (*b = *e; *b > sb && *e - *b < 4 && name_word(d, *b - 1) && mention_at(cv, *b - 1) < 0;)
			(*b)--;
	return *b < *e && (*b == sb || is_place(x, mention_at(cv, *b - 1)) || is_tok(d, *b - 1, "("));
}

static int outlets(const ng_doc *d, ng_ents *x, cover *cv)
{
	for (size_t s = 0; s < d->nsents; s++) {
		size_t b = 0, e = 0;
		if (!outlet_run(d, cv, &d->sents[s], &b, &e))
			continue;
		int known = 0;
		for (size_t t = b; t < e; t++)
			known |= mention_at(cv, t) >= 0;
		if (known)
			continue;
		if (add_copy(x, (size_t)-1, b, e, d, NG_ORGANIZATION))
			return NG_ENOMEM;
		cover_mark(cv, (long)x->n - 1);
		/* a node only with the place it files from: a source line may
		 * be a headline, whose unknown names are otherwise no nodes */
		x->m[x->n - 1].needs_edge = 1;
	}
	return 0;
}

/* "Morgan City , La.", "EAST LANSING , Mich.": a name no one knows before
 * a comma and a state in its AP abbreviation is a town of that state. */
static int ap_towns(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, cover *cv)
{
	const ng_classes calendar = NG_CLASS(NG_W_MONTH) | NG_CLASS(NG_W_MONTH_ABBR) | NG_CLASS(NG_W_WEEKDAY) | NG_CLASS(NG_W_DAY);
	size_t n = x->n;
	for (size_t i = 0; i < n; i++) {
		const ng_mention *m = &x->m[i];
		const ng_sentence *se = &d->sents[m->sent];
		if (m->type != NG_LOCATION || d->text[d->toks[m->te - 1].end - 1] != '.' || m->tb < se->tok_begin + 2 ||
		    !is_tok(d, m->tb - 1, ","))
			continue;
		size_t e = m->tb - 1, b = e;
		long in = -1, k;
		int many = 0;
		/* over unknown names and places: "West Palm Beach" is not Palm Beach */
		while (b > se->tok_begin && e - b < 3 && name_word(d, b - 1) && !ng_lexicon_in_wid(lx, d->wid[b - 1], calendar) &&
		       ((k = mention_at(cv, b - 1)) < 0 || x->m[k].entry < 0 || x->m[k].type == NG_LOCATION)) {
			many |= k >= 0 && in >= 0 && k != in;
			in = k >= 0 ? k : in;
			b--;
		}
		if (b == e || many || (b > se->tok_begin && name_word(d, b - 1)) || (in >= 0 && x->m[in].te > e))
			continue;
		if (in < 0 && add_copy(x, (size_t)-1, b, e, d, NG_LOCATION))
			return NG_ENOMEM;
		if (in < 0)
			cover_mark(cv, (long)x->n - 1);
		if (in >= 0 && (x->m[in].tb != b || x->m[in].te != e)) {
			ng_mention *o = &x->m[in];
			o->tb = (uint32_t)b, o->te = (uint32_t)e, o->entry = -1;
			o->start = d->toks[b].start, o->end = d->toks[e - 1].end;
			cover_mark(cv, in);
		}
		if (in >= 0)
			x->m[in].type = NG_LOCATION, x->m[in].unsure = 0;
	}
	return 0;
}

/* Does a title ("spokesman", "Radioprotection Director") end right before
 * token e? Returns where it starts, or e. */
static size_t title_before(const ng_lexicon *lx, const ng_doc *d, size_t sb, size_t e)
{
	for (size_t t = e > sb + 3 ? e - 3 : sb; t < e; t++) {
		uint32_t node = 0;
		size_t j = t;
		while (j < e && (node = ng_lexicon_next(lx, node, d->wid[j])))
			j++;
		if (j < e || !node || !(lx->kinds[node] & 1u << NG_V_TITLE))
			continue;
		int32_t it = -2;
		for (const ng_value *v; (v = ng_lexicon_values(lx, node, &it));)
			if (v->kind == NG_V_TITLE && v->arg >= 0)
				return t;
	}
	return e;
}

/* "Boeing Commercial Airplanes spokesman Craig Martin", "CNTP Secretary
 * Luis Cobos": capitalised words no one knows right before a person's
 * title name the body the title is of. */
static int title_bodies(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, cover *cv)
{
	const ng_classes skip = plain_words | NG_CLASS(NG_W_DAY) | NG_CLASS(NG_W_TITLE_COMPLEMENT);
	size_t n = x->n;
	for (size_t i = 0; i < n; i++) {
		const ng_mention *m = &x->m[i];
		const ng_sentence *se = &d->sents[m->sent];
		if (m->type != NG_PERSON || m->kind != NG_NAME || se->caps || se->headline)
			continue;
		size_t e = title_before(lx, d, se->tok_begin, m->tb), b;
		while (e < m->tb && (b = title_before(lx, d, se->tok_begin, e)) < e)
			e = b; /* titles in a row: "Lt. Col." */
		b = e;
		while (e < m->tb && b > se->tok_begin && e - b < 4 && name_word(d, b - 1) && mention_at(cv, b - 1) < 0)
			b--;
		/* a capitalised common word opens a sentence, not a name */
		const ng_classes lead = b == se->tok_begin ? skip : NG_NOT_NAME | NG_CLASS(NG_W_DAY);
		while (b < e && ng_lexicon_in_wid(lx, d->wid[b], lead))
			b++;
		long body = b > se->tok_begin ? mention_at(cv, b - 1) : -1;
		if (b == e || e == m->tb)
			continue;
		if (body >= 0 && (x->m[body].type == NG_ORGANIZATION || x->m[body].type == NG_COMPANY)) {
			/* a unit of a body: "Boeing Commercial Airplanes" */
			ng_mention *o = &x->m[body];
			o->te = (uint32_t)e, o->end = d->toks[e - 1].end, o->entry = -1;
			cover_mark(cv, body);
		} else if (!name_word(d, b - 1) || b == se->tok_begin) {
			if (add_copy(x, (size_t)-1, b, e, d, NG_ORGANIZATION))
				return NG_ENOMEM;
			body = (long)x->n - 1;
			cover_mark(cv, body);
		} else
			continue;
		m = &x->m[i];
		if (m->title_of < 0 && m->title_end > m->title_start && m->title_start == d->toks[e].start)
			x->m[i].title_of = (int)body;
	}
	return 0;
}

/* "Winter , 53 ,", "Tal , a senior Defense Ministry official": a lone
 * name no one knows, with an age or a title in the apposition after it,
 * is a person's surname. */
static int apposed_surnames(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, cover *cv)
{
	for (size_t s = 0; s < d->nsents; s++) {
		const ng_sentence *se = &d->sents[s];
		if (se->caps || se->headline)
			continue;
		for (size_t t = se->tok_begin; t + 3 < se->tok_end; t++) {
			if (!name_word(d, t) || (t > se->tok_begin && name_word(d, t - 1)) || !is_tok(d, t + 1, ",") ||
			    ng_lexicon_in_wid(lx, d->wid[t], plain_words))
				continue;
			long o = mention_at(cv, t);
			if (o >= 0 && !(x->m[o].unsure && x->m[o].te == t + 1))
				continue;
			size_t a = t + 2, end = a + 7 < se->tok_end ? a + 7 : se->tok_end, k = a + 1;
			int age = small_number(d, a) && is_tok(d, a + 1, ",");
			int role = is_tok(d, a, "a") || is_tok(d, a, "an");
			while (role && k < end && !is_tok(d, k, ",") && title_before(lx, d, a + 1, k + 1) > k)
				k++;
			if (!age && !(role && k < end && !is_tok(d, k, ",")))
				continue;
			if (o >= 0)
				x->m[o].unsure = 0, x->m[o].type = NG_PERSON;
			else if (add_copy(x, (size_t)-1, t, t + 1, d, NG_PERSON))
				return NG_ENOMEM;
			else
				cover_mark(cv, (long)x->n - 1);
		}
	}
	return 0;
}

/* "Galois returned to mathematics ... Evariste Galois": a lone unknown
 * word that is the last word of a person's fuller name anywhere in the
 * article is that person's surname, also before the full name comes;
 * unless it opens a body's name ("Taft" of "Taft Broadcasting Co" and
 * "Dudley Taft": linking finds the body). */
static int lone_surnames(const ng_doc *d, ng_ents *x)
{
	surnames sn, bodies = {NULL, 0};
	if (surnames_init(&sn, d, x))
		return NG_ENOMEM;
	if (sn.n && !(bodies.w = malloc((x->n + 1) * sizeof *bodies.w))) {
		free(sn.w);
		return NG_ENOMEM;
	}
	for (size_t i = 0; sn.n && i < x->n; i++)
		if (x->m[i].te - x->m[i].tb > 1 && (x->m[i].type == NG_COMPANY || x->m[i].type == NG_ORGANIZATION))
			bodies.w[bodies.n++] = norm(d, x->m[i].tb);
	ng_sort(bodies.w, bodies.n, sizeof *bodies.w, cmp_str);
	for (size_t i = 0; sn.n && i < x->n; i++) {
		ng_mention *m = &x->m[i];
		if (m->unsure && m->type == NG_PERSON && m->te - m->tb == 1 && is_surname(&sn, norm(d, m->tb)) &&
		    !is_surname(&bodies, norm(d, m->tb)))
			m->unsure = 0;
	}
	free(bodies.w);
	free(sn.w);
	return 0;
}

/* A lone unknown word the article keeps using as a name ("Byron
 * received his early education ... Byron fell in love"): three times or
 * more, inside a sentence (where no capital is owed to the sentence's
 * start) and as a clause's subject at least once each and three times in
 * all, never in lower case, no word of a body's longer name
 * ("Magna" of "Magna International": linking finds that one) nor an
 * alias in parentheses after a name ("Korea Electric Power Corp (Kepco)"),
 * is a name for sure. Initials and abbreviations ("C", "Oct.") are not. */
enum { NG_RECURRING_NAME = 3 };

typedef struct lone {
	const char *w;
	size_t i; /* the mention */
	int inside, subject;
} lone;



static int cmp_lone(const void *a, const void *b)
{
	return strcmp(((const lone *)a)->w, ((const lone *)b)->w);
}

static int recurring_names(const ng_doc *d, ng_ents *x)
{
	lone *l = malloc((x->n + 1) * sizeof *l);
	/* the words that rule a name out: in lower case, in a body's longer
	 * name, in parentheses after a name (an alias) */
	surnames lower = {NULL, 0};
	if (!l)
		return NG_ENOMEM;
	size_t n = 0;
	for (size_t i = 0; i < x->n; i++) {
		const ng_mention *m = &x->m[i];
		const ng_sentence *s = &d->sents[m->sent];
		const ng_token *tk = &d->toks[m->tb];
		if (!m->unsure || m->te - m->tb != 1 || s->caps || s->headline || tk->end - tk->start < 3 ||
		    (tk->flags & NG_TOK_DOTTED))
			continue;
		l[n].w = norm(d, m->tb);
		l[n].i = i;
		l[n].inside = m->tb > s->tok_begin && !(d->toks[m->tb - 1].flags & (NG_TOK_QUOTE | NG_TOK_PUNCT));
		/* "Byron fell in love", ", Pachomius recovered": a clause's subject */
		int lower_next = m->te < s->tok_end && (d->toks[m->te].flags & NG_TOK_WORD) &&
		                 !(d->toks[m->te].flags & (NG_TOK_CAP | NG_TOK_UPPER));
		l[n++].subject = (m->tb == s->tok_begin || !strcmp(norm(d, m->tb - 1), ",")) && lower_next &&
		                 strcmp(norm(d, m->te), "and") && strcmp(norm(d, m->te), "or") && strcmp(norm(d, m->te), "of");
	}
	ng_sort(l, n, sizeof *l, cmp_lone);
	int rc = 0;
	for (size_t a = 0, b; a < n && !rc; a = b) {
		int inside = 0, subject = 0;
		for (b = a; b < n && !strcmp(l[b].w, l[a].w); b++) {
			inside += l[b].inside;
			subject += l[b].subject;
		}
		if (b - a < NG_RECURRING_NAME || inside + subject < 3 || !inside || !subject)
			continue;
		if (!lower.w) { /* gathered once there is a candidate */
			size_t cap = d->ntoks + 1;
			for (size_t i = 0; i < x->n; i++)
				cap += x->m[i].te - x->m[i].tb + 1;
			if (!(lower.w = malloc(cap * sizeof *lower.w))) {
				rc = NG_ENOMEM;
				break;
			}
			for (size_t t = 0; t < d->ntoks; t++)
				if ((d->toks[t].flags & NG_TOK_WORD) && !(d->toks[t].flags & (NG_TOK_CAP | NG_TOK_UPPER)))
					lower.w[lower.n++] = norm(d, t);
			for (size_t i = 0; i < x->n; i++) {
				const ng_mention *m = &x->m[i];
				int body = m->type == NG_COMPANY || m->type == NG_ORGANIZATION;
				for (uint32_t t = m->tb; body && m->te - m->tb > 1 && t < m->te; t++)
					lower.w[lower.n++] = norm(d, t);
				if (m->te + 2 < d->ntoks && !strcmp(norm(d, m->te), "(") && !strcmp(norm(d, m->te + 2), ")"))
					lower.w[lower.n++] = norm(d, m->te + 1);
			}
			ng_sort(lower.w, lower.n, sizeof *lower.w, cmp_str);
		}
		if (is_surname(&lower, l[a].w))
			continue;
		for (size_t k = a; k < b; k++)
			x->m[l[k].i].unsure = 0;
	}
	free(lower.w);
	free(l);
	return rc;
}

int ng_names_doc(const ng_lexicon *lx, const ng_doc *doc, ng_ents *x)
{
	if (qualified_demonyms(doc, x))
		return NG_ENOMEM;
	if (sports_report(lx, doc) && (lineups(lx, doc, x) || sports_names(lx, doc, x) || table_teams(lx, doc, x)))
		return NG_ENOMEM;
	if (dateline_place(doc, x) || capital_lines(doc, x) || lone_surnames(doc, x) || recurring_names(doc, x))
		return NG_ENOMEM;
	cover cv;
	if (cover_init(&cv, doc, x))
		return NG_ENOMEM;
	int rc = outlets(doc, x, &cv) || ap_towns(lx, doc, x, &cv) || title_bodies(lx, doc, x, &cv) ||
	         apposed_surnames(lx, doc, x, &cv);
	free(cv.at);
	return rc ? NG_ENOMEM : 0;
}
