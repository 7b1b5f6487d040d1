/* Entities, part 2b: people by the article's date. A short name that
 * office-holders share ("Bush", "George Bush") is the one in office on the
 * article's day, in an office that fits its title, or a former holder
 * after "former"; when the day does not decide, it stays what
 * it was (an unknown name). A title before a person whom the knowledge base
 * dates is kept only when the person held such an office that day, and it
 * gives the relation of the office it names ("UK chancellor Brown" works
 * for the state); with no date only that last holds. */
#include "entities/era.h"

#include <string.h>

#include "graph/graph.h"
#include "text/utf8.h"

int32_t ng_era_day(const char *date)
{
	char day[11];
	if (!date || strlen(date) < 10 || (date[10] && date[10] != 'T' && date[10] != ' '))
		return NG_DAY_NONE;
	memcpy(day, date, 10);
	day[10] = 0;
	return ng_day_parse(day, 0);
}

/* Is the office's role the title, or does it begin with it ("Chancellor"
 * of the Exchequer, "Secretary" of State)? */
static int role_is(const ng_tie *t, const char *title)
{
	if (!t->role)
		return 0;
	ng_buf r = {0};
	int ok = !ng_norm_append(&r, t->role, strlen(t->role)) && r.s;
	size_t n = strlen(title);
	ok = ok && strncmp(r.s, title, n) == 0 && (r.s[n] == 0 || r.s[n] == ' ');
	ng_buf_free(&r);
	return ok;
}

/* Does an office fit the title before a name? One of the relation the
 * title gives does ("Soviet leader" Gorbachev, a General Secretary), and
 * so does one whose role is the title. */
static int fits(const ng_tie *t, const char *title, int title_rel)
{
	return (t->attr == NG_TIE_LEADS ? NG_REL_LEADS : NG_REL_WORKS_FOR) == title_rel || role_is(t, title);
}

/* The relation of the office whose role is the title, held on `day` (any
 * day when the date is unknown), or -1: "UK chancellor Brown" works for
 * the state, though "Chancellor" in Germany leads it. */
static int role_rel(const ng_entry *e, int32_t day, const char *title)
{
	for (size_t i = 0; i < e->nties; i++) {
		const ng_tie *t = &e->ties[i];
		if (t->attr == NG_TIE_GOV || (day != NG_DAY_NONE && t->dated && !(t->from <= day && day <= t->to)))
			continue;
		if (role_is(t, title))
			return t->attr == NG_TIE_LEADS ? NG_REL_LEADS : NG_REL_WORKS_FOR;
	}
	return -1;
}

/* The person's office on `day` that fits the title (NULL: any office), or
 * with `past` one held before the day and none of the kind since. */
static const ng_tie *office(const ng_entry *e, int32_t day, const char *title, int title_rel, int past)
{
	const ng_tie *found = NULL;
	for (size_t i = 0; i < e->nties; i++) {
		const ng_tie *t = &e->ties[i];
		if (t->attr == NG_TIE_GOV || !t->dated || (title && !fits(t, title, title_rel)))
			continue;
		if (t->from <= day && day <= t->to)
			return past ? NULL : t;
		if (past && t->to < day)
			found = t;
	}
	return found;
}

/* Is the title of mention m said to be past ("former President")? */
static int past_title(const ng_lexicon *lx, const ng_doc *d, const ng_mention *m)
{
	if (m->title_end <= m->title_start)
		return 0;
	for (size_t k = m->tb; k-- > d->sents[m->sent].tok_begin;)
		if (d->toks[k].start < m->title_start)
			return ng_lexicon_is_wid(lx, d->wid[k], NG_W_FORMER);
	return 0;
}

/* The title of mention m, normalised, into b (empty: none). */
static int title_of(const ng_doc *d, const ng_mention *m, ng_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = 0;
	if (m->title_end <= m->title_start || m->title_rel < 0)
		return 0;
	return ng_norm_append(b, d->text + m->title_start, m->title_end - m->title_start);
}

/* The one entry of the short name of mention m that fits the day and its
 * title, or -1. */
static int choose(const ng_lexicon *lx, const ng_mention *m, int32_t day, const int *cand, const char *title,
                  int past)
{
	int found = -1;
	for (; *cand >= 0; cand++) {
		const ng_entry *e = &lx->entries[*cand];
		if (e->type != NG_PERSON || !office(e, day, *title ? title : NULL, m->title_rel, past))
			continue;
		if (found >= 0)
			return -1;
		found = *cand;
	}
	return found;
}

/* Does a longer person name before mention i end with its text ("Leslie
 * Wilson" ... "Wilson")? Linking then ties the two; the date must not. */
static int named_before(const ng_doc *d, const ng_ents *x, size_t i, const char *norm)
{
	size_t n = strlen(norm);
	int hit = 0;
	for (size_t k = 0; k < i && !hit; k++) {
		const ng_mention *p = &x->m[k];
		if (p->kind != NG_NAME || p->type != NG_PERSON || p->te - p->tb < 2)
			continue;
		ng_buf b = {0};
		if (!ng_norm_append(&b, d->text + p->start, p->end - p->start) && b.s && b.len > n)
			hit = strcmp(b.s + b.len - n, norm) == 0 && b.s[b.len - n - 1] == ' ';
		ng_buf_free(&b);
	}
	return hit;
}

/* Mention m with its knowledge-base entry or without one (a short name). */
static void date_mention(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, size_t i, const char *norm,
                         const char *title)
{
	ng_mention *m = &x->m[i];
	int past = past_title(lx, d, m);
	if (m->entry >= 0) {
		const ng_entry *e = &lx->entries[m->entry];
		if (e->type != NG_PERSON || !*title)
			return;
		int rel = past ? -1 : role_rel(e, x->day, title);
		if (rel >= 0)
			m->title_rel = rel;
		if (x->day != NG_DAY_NONE && ng_entry_dated(e) && !office(e, x->day, title, m->title_rel, past))
			m->title_rel = NG_TITLE_STALE;
		return;
	}
	if (x->day == NG_DAY_NONE)
		return;
	const int *cand = ng_lexicon_shorts(lx, norm);
	if (cand && named_before(d, x, i, norm))
		cand = NULL;
	int k = cand ? choose(lx, m, x->day, cand, title, past) : -1;
	if (k >= 0) {
		m->entry = k;
		m->type = NG_PERSON;
		m->unsure = 0;
	}
}

int ng_era(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, ng_error *err)
{
	ng_buf nb = {0}, tb = {0};
	int rc = 0;
	for (size_t i = 0; i < x->n && !rc; i++) {
		ng_mention *m = &x->m[i];
		if (m->kind != NG_NAME || m->adj || (m->entry < 0 && m->type != NG_PERSON && !m->unsure))
			continue;
		if (x->day == NG_DAY_NONE && (m->entry < 0 || m->title_end <= m->title_start))
			continue; /* with no date only a title's relation is read */
		nb.len = 0;
		rc = ng_norm_append(&nb, d->text + m->start, m->end - m->start) || title_of(d, m, &tb);
		if (!rc && nb.s)
			date_mention(lx, d, x, i, nb.s, tb.s ? tb.s : "");
	}
	ng_buf_free(&nb);
	ng_buf_free(&tb);
	return rc ? ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory") : 0;
}
