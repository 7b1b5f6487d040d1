/* Relations, part 2: the engine. Input: a linked doc and compiled rules.
 * Each sentence is rewritten with its mentions as typed placeholders
 * (<person#3> visited <state#5>), so that one pattern covers every name;
 * only the rules whose trigger words occur run. Titles ("Russian President
 * Putin", "Director X of Y") give leads/works_for without rules. Output:
 * relations with modality, negation, date, attributes and the rule id. */
#include "relations/relate.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities/coref.h"
#include "graph/graph.h"
#include "relations/date.h"
#include "relations/paths.h"
#include "relations/trace.h"
#include "text/utf8.h"

void ng_rels_free(ng_rels *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->r[i].attrs);
	free(r->r);
	memset(r, 0, sizeof *r);
}

typedef struct sent_ctx {
	const ng_rules *rs;
	const ng_lexicon *lx;
	ng_parse_cache *pc; /* the models path rules read sentences with, or NULL */
	ng_paths paths;
	const ng_doc *d;
	const ng_ents *x;
	ng_rels *out;
	ng_trace *trace; /* or NULL */
	uint32_t si;
	size_t first_rel; /* out->r from here on may belong to sentence si */
	ng_buf ph;
	char date[16];
	int sole_state; /* the one state entity mentioned in the sentence, or -1 */
	int main_state; /* the state the article is about, or -1 */
	/* The clause of each mention [mfirst, mfirst + nclause) and of the
	 * sentence's own date (-1: none, or it dates every clause); ma and mb
	 * are the mentions of the relation being added ((size_t)-1: unknown). */
	int *clause;
	size_t mfirst, nclause, cclause;
	int date_clause;
	size_t ma, mb;
} sent_ctx;

static int glue_left(const char *w, uint16_t flags)
{
	return (flags & NG_TOK_POSS) || (w[1] == 0 && strchr(",.;:!?)%", w[0]));
}

static int ph_mention(sent_ctx *c, size_t mi)
{
	const ng_mention *m = &c->x->m[mi];
	int type = m->entity >= 0 ? c->x->e[m->entity].type : m->type;
	if (m->plural)
		type = m->type;
	return ng_buf_printf(&c->ph, "<%s#%zu>", ng_type_name(type), mi);
}

static int usable(const ng_mention *m)
{
	return m->entity >= 0;
}

/* Builds the placeholder form of sentence si; *mi walks the mentions. */
static int build(sent_ctx *c, size_t *mi)
{
	const ng_doc *d = c->d;
	const ng_sentence *s = &d->sents[c->si];
	const ng_ents *x = c->x;
	c->ph.len = 0;
	if (ng_buf_adds(&c->ph, ""))
		return NG_ENOMEM;
	while (*mi < x->n && x->m[*mi].sent < c->si)
		(*mi)++;
	int glue_next = 1;
	/* "Russian President Putin arrived": the phrase reads as its person,
	 * <person#n> arrived; the title gave its own relation. */
	size_t skip_from = (size_t)-1, skip_to = 0, scan = *mi;
	for (size_t t = s->tok_begin; t < s->tok_end; t++) {
		const ng_token *tk = &d->toks[t];
		if (t > skip_to || skip_from == (size_t)-1) {
			skip_from = (size_t)-1;
			while (scan < x->n && x->m[scan].sent == c->si && x->m[scan].tb < t)
				scan++;
			for (size_t k = scan; k < x->n && x->m[k].sent == c->si; k++) {
				const ng_mention *m = &x->m[k];
				if (m->title_end <= m->title_start || m->entity < 0)
					continue;
				size_t from = m->tb;
				while (from > s->tok_begin && d->toks[from - 1].start >= m->title_start)
					from--;
				const int ofs[2] = {m->title_of, m->title_of2};
				for (int q = 0; q < 2; q++)
					if (ofs[q] >= 0 && x->m[ofs[q]].tb < from && x->m[ofs[q]].sent == c->si)
						from = x->m[ofs[q]].tb;
				if (from == t && from < m->tb) {
					skip_from = from;
					skip_to = m->tb - 1;
				}
				break;
			}
		}
		if (skip_from != (size_t)-1 && t >= skip_from && t <= skip_to)
			continue;
		const char *w = ng_tok_norm(d, tk);
		/* "EC - Japan trade" reads like "EC-Japan trade" */
		int dash = strcmp(w, "-") == 0 && c->ph.len && c->ph.s[c->ph.len - 1] == '>';
		if (!glue_next && !dash && !glue_left(w, tk->flags) && ng_buf_addc(&c->ph, ' '))
			return NG_ENOMEM;
		glue_next = ((w[0] == '(' || w[0] == '$') && w[1] == 0) || dash;
		while (*mi < x->n && x->m[*mi].start < tk->start)
			(*mi)++;
		/* "the" before a mention says nothing a rule needs */
		if (strcmp(w, "the") == 0 && t + 1 < s->tok_end) {
			size_t k = *mi;
			while (k < x->n && x->m[k].start < d->toks[t + 1].start)
				k++;
			if (k < x->n && x->m[k].start == d->toks[t + 1].start && usable(&x->m[k])) {
				glue_next = 1;
				continue;
			}
		}
		if (*mi < x->n && x->m[*mi].start == tk->start && x->m[*mi].end >= tk->end && usable(&x->m[*mi])) {
			if (ph_mention(c, *mi))
				return NG_ENOMEM;
			t = x->m[*mi].te - 1;
			(*mi)++;
			continue;
		}
		/* Mentions inside one token: Russia-Ukraine, Chinese-made. */
		uint32_t p = tk->start;
		while (*mi < x->n && x->m[*mi].start < tk->end) {
			const ng_mention *m = &x->m[*mi];
			if (usable(m) && m->end <= tk->end) {
				if (ng_norm_append(&c->ph, d->text + p, m->start - p) || ph_mention(c, *mi))
					return NG_ENOMEM;
				p = m->end;
			}
			(*mi)++;
		}
		if (ng_norm_append(&c->ph, d->text + p, tk->end - p))
			return NG_ENOMEM;
	}
	return 0;
}

/* Does a list member end at ph[i, b)? A mention followed by anything else
 * modifies the member ("<state#1>'s <company#2>", "<state#3> group"). */
static int member_end(const char *ph, size_t i, size_t b)
{
	static const char *const seps[] = {",", " and ", " or ", " & "};
	if (i >= b)
		return 1;
	for (size_t k = 0; k < sizeof seps / sizeof *seps; k++)
		if (!strncmp(ph + i, seps[k], strlen(seps[k])))
			return 1;
	return 0;
}

/* Mention indices of the members of the slot ph[a, b): the placeholders of
 * the types in mask (a loose list also holds its members' modifiers). */
static size_t placeholders(const char *ph, size_t a, size_t b, unsigned mask, size_t *out, size_t cap)
{
	size_t n = 0;
	for (size_t i = a; i < b && n < cap; i++) {
		if (ph[i] != '<')
			continue;
		const char *h = memchr(ph + i, '#', b - i);
		const char *g = h ? memchr(h, '>', b - (size_t)(h - ph)) : NULL;
		if (!g)
			break;
		int ty = ng_type_parse(ph + i + 1, (size_t)(h - ph - i - 1));
		if (ty >= 0 && (mask & (1u << ty)) && member_end(ph, (size_t)(g - ph) + 1, b))
			out[n++] = strtoul(h + 1, NULL, 10);
		i = (size_t)(g - ph);
	}
	return n;
}

static int clause_of(const sent_ctx *c, size_t m)
{
	return m >= c->mfirst && m - c->mfirst < c->nclause ? c->clause[m - c->mfirst] : -1;
}

/* Does the sentence's date date the relation between mentions ma and mb?
 * Only in its own clause, when the clauses are known. */
static int dates_it(const sent_ctx *c)
{
	int a = clause_of(c, c->ma), b = clause_of(c, c->mb);
	return c->date_clause < 0 || a < 0 || b < 0 || a == c->date_clause || b == c->date_clause;
}

static int word_is(const sent_ctx *c, const char *s, int cls)
{
	size_t n = 0;
	while (isalpha((unsigned char)s[n]))
		n++;
	return n && n < 16 && (ng_lexicon_cue(c->lx, s, n) & NG_CLASS(cls));
}

/* Numbers the clauses of the placeholder sentence ph (mentions from
 * mfirst): a new one at ';', ", and", ", but" and a clause-break word
 * ("while", "after") that is not the date's own ("since 2023"). Sets the
 * clause of each mention and of the date at byte date_at ((size_t)-1:
 * none). */
static int number_clauses(sent_ctx *c, size_t mfirst, size_t mlast, size_t date_at)
{
	c->mfirst = mfirst;
	c->nclause = mlast - mfirst;
	c->date_clause = -1;
	if (c->nclause > c->cclause) {
		int *v = realloc(c->clause, c->nclause * sizeof *v);
		if (!v)
			return NG_ENOMEM;
		c->clause = v;
		c->cclause = c->nclause;
	}
	for (size_t k = 0; k < c->nclause; k++)
		c->clause[k] = -1;
	if (date_at == (size_t)-1 || c->nclause < 2)
		return 0; /* no date of its own, or no pair: nothing to scope */
	const char *ph = c->ph.s;
	int k = 0;
	for (size_t i = 0; ph[i]; i++) {
		if (i == date_at)
			c->date_clause = k;
		int word_start = i == 0 || ph[i - 1] == ' ';
		if (ph[i] == ';' || (ph[i] == ',' && (!strncmp(ph + i, ", and ", 6) || !strncmp(ph + i, ", but ", 6)))) {
			k++;
		} else if (word_start && word_is(c, ph + i, NG_W_CLAUSE_BREAK)) {
			const char *next = strchr(ph + i, ' ');
			if (!next || (size_t)(next + 1 - ph) != date_at)
				k++;
		} else if (ph[i] == '<') {
			const char *h = strchr(ph + i, '#');
			size_t m = h ? strtoul(h + 1, NULL, 10) : 0;
			if (h && m >= mfirst && m < mlast)
				c->clause[m - mfirst] = k;
		}
	}
	int breaks = k;
	/* one clause, or a date before every mention ("On May 3, A met B, and
	 * C ..."): the date dates the whole sentence */
	const char *first_mention = strchr(ph, '<');
	if (!breaks || (date_at != (size_t)-1 && first_mention && date_at < (size_t)(first_mention - ph)))
		c->date_clause = -1;
	return 0;
}

static int add_rel(sent_ctx *c, int src, int tgt, ng_relation rel, ng_modality modality, int negated, double conf,
                   const char *rule, const char *trigger, const char *attrs)
{
	if (src < 0 || tgt < 0 || src == tgt)
		return 0;
	const ng_entity *es = &c->x->e[src], *et = &c->x->e[tgt];
	if (strcmp(es->id, et->id) == 0)
		return 0;
	/* Only the sentence's own relations: scanning the whole article for
	 * each new one made a long article quadratic. */
	for (size_t i = c->first_rel; i < c->out->n; i++) {
		ng_rel *r = &c->out->r[i];
		if (r->sent != c->si)
			continue;
		if (r->rel == rel &&
		    ((r->src == src && r->tgt == tgt) || (ng_relation_get(rel)->symmetric && r->src == tgt && r->tgt == src))) {
			if (!r->attrs && attrs && *attrs && !(r->attrs = ng_strdup(attrs)))
				return NG_ENOMEM;
			/* a title's reading outweighs a plain rule's on one sentence */
			if (!trigger && r->trigger[0] && conf > r->conf) {
				r->conf = conf;
				r->rule = rule;
				r->trigger[0] = 0;
			}
			return 0;
		}
		/* "Prime Minister" NG_REL_LEADS; it is not also "Minister" works_for. */
		if (r->src == src && r->tgt == tgt && r->rel == NG_REL_LEADS && rel == NG_REL_WORKS_FOR)
			return 0;
		/* The leads reading replaces the works_for one with its evidence:
		 * "Director X of the Y" is the title's, not "X of the Y"'s. */
		if (r->src == src && r->tgt == tgt && r->rel == NG_REL_WORKS_FOR && rel == NG_REL_LEADS) {
			r->rel = NG_REL_LEADS;
			r->rule = rule;
			r->conf = conf > r->conf ? conf : r->conf;
			snprintf(r->trigger, sizeof r->trigger, "%s", trigger ? trigger : "");
			if (attrs && *attrs) {
				free(r->attrs);
				if (!(r->attrs = ng_strdup(attrs)))
					return NG_ENOMEM;
			}
			return 0;
		}
	}
	ng_rel *r = NG_PUSH(c->out->r, c->out->n, c->out->cap);
	if (!r)
		return NG_ENOMEM;
	memset(r, 0, sizeof *r);
	r->src = src;
	r->tgt = tgt;
	r->rel = rel;
	r->sent = c->si;
	r->modality = modality;
	r->negated = negated;
	r->conf = conf;
	r->rule = rule;
	snprintf(r->trigger, sizeof r->trigger, "%s", trigger ? trigger : "");
	snprintf(r->date, sizeof r->date, "%s", dates_it(c) ? c->date : "");
	if (attrs && *attrs && !(r->attrs = ng_strdup(attrs)))
		return NG_ENOMEM;
	return 0;
}

/* Both referents of a mention: "the two sides" has two. */
static int referents(const ng_ents *x, size_t mi, int *out)
{
	const ng_mention *m = &x->m[mi];
	int n = 0;
	if (m->entity >= 0)
		out[n++] = m->entity;
	if (m->plural && m->entity2 >= 0)
		out[n++] = m->entity2;
	return n;
}

/* The rule's first trigger word in ph[a, b) into out; returns its offset
 * (b when none is found). */
static size_t find_trigger(const ng_rule *r, const char *ph, size_t a, size_t b, char *out, size_t n)
{
	out[0] = 0;
	size_t best = (size_t)-1;
	for (size_t k = 0; k < r->ntriggers; k++) {
		const char *t = r->triggers[k];
		size_t l = strlen(t);
		for (size_t i = a; i + l <= b && i < best; i++)
			if (memcmp(ph + i, t, l) == 0 && (i == 0 || !isalnum((unsigned char)ph[i - 1])) &&
			    !isalnum((unsigned char)ph[i + l])) {
				best = i;
				snprintf(out, n, "%s", t);
				break;
			}
	}
	return best == (size_t)-1 ? b : best;
}

static int has_sub(const char *v, size_t n, const char *lit)
{
	size_t l = strlen(lit);
	for (size_t i = 0; i + l <= n; i++)
		if (memcmp(v + i, lit, l) == 0)
			return 1;
	return 0;
}

/* An attribute's value as written: trimmed, mentions in their own words;
 * `measure` takes SCHEMA.md's values. */
static int attr_value(sent_ctx *c, ng_buf *out, const char *name, const char *v, size_t n)
{
	while (n && (v[0] == ' ' || v[0] == ','))
		v++, n--;
	while (n && (v[n - 1] == ' ' || v[n - 1] == ','))
		n--;
	if (strcmp(name, "measure") == 0) {
		const char *m = "sanctions";
		if (has_sub(v, n, "tariff") || has_sub(v, n, "dut"))
			m = "tariffs";
		else if (has_sub(v, n, "embargo"))
			m = "embargo";
		else if (has_sub(v, n, "control"))
			m = "export_controls";
		return ng_buf_adds(out, m);
	}
	for (size_t i = 0; i < n;) {
		const char *h = v[i] == '<' ? memchr(v + i, '#', n - i) : NULL;
		const char *e = h ? memchr(h, '>', (size_t)(v + n - h)) : NULL;
		if (h && e) {
			size_t mi = strtoul(h + 1, NULL, 10);
			if (mi < c->x->n) {
				const ng_mention *m = &c->x->m[mi];
				if (ng_buf_add(out, c->d->text + m->start, m->end - m->start))
					return NG_ENOMEM;
			}
			i = (size_t)(e - v) + 1;
			continue;
		}
		if (ng_buf_addc(out, v[i++]))
			return NG_ENOMEM;
	}
	return 0;
}

/* The home state of mention k: its knowledge-base state when the article
 * names it, else the sentence's one state, else the article's. */
static int home_state(const sent_ctx *c, size_t k)
{
	const ng_mention *m = &c->x->m[k];
	const char *in = m->entry >= 0 ? c->lx->entries[m->entry].in : NULL;
	if (in && strncmp(in, "state:", 6) == 0) {
		for (size_t e = 0; e < c->x->ne; e++)
			if (strcmp(c->x->e[e].id, in) == 0)
				return (int)e;
	}
	return c->sole_state >= 0 ? c->sole_state : c->main_state;
}

/* A "source home" rule's relation: from the target's home state
 * ("state-owned Rosneft"). */
static int add_home(sent_ctx *c, const ng_rule *r, size_t t, int modality, int negated, const char *trig,
                    const char *attrs, const PCRE2_SIZE *ov)
{
	int h = home_state(c, t), b[2], nb = referents(c->x, t, b), rc = 0;
	c->ma = c->mb = t;
	for (int q = 0; h >= 0 && q < nb && !rc; q++)
		rc = add_rel(c, h, b[q], r->rel, modality, negated, r->confidence, r->id, trig, attrs);
	if (!rc && c->trace && h >= 0 && nb)
		rc = ng_trace_add_rule(c->trace, r->id, &c->x->e[h], r->rel, &c->x->e[b[0]], ov[0], ov[1],
		                       (ng_modality)modality, negated);
	return rc;
}

/* Is the mention at a inside a relative clause ("who ...", "which ...",
 * opened since the last comma before it) that a comma closes before b?
 * "Lula, who is visiting Vietnam this week, met To Lam": Vietnam is not
 * the subject of "met". */
static int closed_relative(const char *ph, size_t a, size_t b)
{
	size_t open = a;
	while (open > 0 && ph[open - 1] != ',')
		open--;
	int relative = 0;
	for (size_t i = open; i < a && !relative; i++)
		relative = (i == 0 || ph[i - 1] == ' ') &&
		           (!strncmp(ph + i, "who ", 4) || !strncmp(ph + i, "which ", 6) || !strncmp(ph + i, "whose ", 6));
	return relative && memchr(ph + a, ',', b - a) != NULL;
}

/* Are both entities a of plural mention m named earlier in m's own
 * sentence? Then "the two sides" there are others ("Qatar and Saudi Arabia
 * urged restraint and offered to host talks between the two sides"),
 * whatever the pair resolution found. */
static int pair_named_before(const sent_ctx *c, size_t m, const int *a)
{
	int seen = 0;
	for (size_t k = c->mfirst; k < m; k++)
		seen |= (c->x->m[k].entity == a[0]) | (c->x->m[k].entity == a[1]) << 1;
	return seen == 3;
}

/* "sanctions on two Israeli ministers, X and Y": the people named in the
 * apposition to a plural noun that a state's mention modifies are the
 * target, not the state. From `at`, the end of the state's placeholder:
 * up to three words, the last a plural ("ministers", "businessmen"), a
 * comma and the people's placeholders; their mention indices replace
 * out[0] (n stays when there are none). */
static size_t named_people(const char *ph, size_t at, size_t *out, size_t cap, size_t n)
{
	const char *p = ph + at, *last = p;
	for (int w = 0; w < 3 && *p == ' ' && isalpha((unsigned char)p[1]); w++)
		for (last = ++p; isalnum((unsigned char)*p) || *p == '-';)
			p++;
	size_t l = (size_t)(p - last);
	int plural = l > 3 && (p[-1] == 's' || !strncmp(p - 3, "men", 3) || (l >= 6 && !strncmp(p - 6, "people", 6)));
	if (p == ph + at || !plural || strncmp(p, ", <person#", 10))
		return n;
	static const char *const sep[] = {", and ", " and ", ", "};
	size_t k = 0;
	for (p += 2; k < cap && !strncmp(p, "<person#", 8);) {
		char *e;
		size_t m = strtoul(p + 8, &e, 10);
		if (*e != '>')
			break;
		out[k++] = m;
		p = e + 1;
		size_t j = 0;
		while (j < sizeof sep / sizeof *sep && strncmp(p, sep[j], strlen(sep[j])))
			j++;
		if (j == sizeof sep / sizeof *sep)
			break;
		p += strlen(sep[j]); /* the next member must follow at once */
	}
	return k ? k : n;
}

/* Where the character after the one at ph[at] starts (UTF-8). */
static size_t next_char(const char *ph, size_t len, size_t at)
{
	size_t i = at + 1;
	while (i < len && (ph[i] & 0xC0) == 0x80)
		i++;
	return i;
}

static int run_rule(sent_ctx *c, const ng_rule *r, pcre2_match_data *md)
{
	const char *ph = c->ph.s;
	size_t len = c->ph.len, start = 0;
	int rc = 0;
	uint32_t namecount = 0, entsize = 0;
	PCRE2_SPTR table = NULL;
	pcre2_pattern_info(r->re, PCRE2_INFO_NAMECOUNT, &namecount);
	pcre2_pattern_info(r->re, PCRE2_INFO_NAMEENTRYSIZE, &entsize);
	pcre2_pattern_info(r->re, PCRE2_INFO_NAMETABLE, &table);
	int sn = pcre2_substring_number_from_name(r->re, (PCRE2_SPTR) "S");
	int tn = pcre2_substring_number_from_name(r->re, (PCRE2_SPTR) "T");
	/* {P+:...}: the members of one coordination, each two related */
	int pn = pcre2_substring_number_from_name(r->re, (PCRE2_SPTR) "P");
	if (pn >= 0)
		sn = tn = pn;
	int reported = -1; /* asked on the first match */
	while (start <= len) {
		/* The placeholder sentence is valid UTF-8 (the text was checked), so
		 * pcre2 need not re-check it on every call. */
		int n = pcre2_match(r->re, (PCRE2_SPTR)ph, len, start, PCRE2_NO_UTF_CHECK, md, c->rs->mctx);
		if (n < 0)
			break; /* no match, or a limit hit: the rule gives nothing here */
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		if (pn < 0 && sn >= 0 && ov[2 * sn] != PCRE2_UNSET && ov[2 * tn] != PCRE2_UNSET &&
		    (ov[2 * sn] < ov[2 * tn] ? closed_relative(ph, ov[2 * sn], ov[2 * tn])
		                             : closed_relative(ph, ov[2 * tn], ov[2 * sn]))) {
			start = next_char(ph, len, ov[0]);
			continue;
		}
		size_t ms[8], mt[8];
		size_t ns = sn < 0 || ov[2 * sn] == PCRE2_UNSET ? 0 : placeholders(ph, ov[2 * sn], ov[2 * sn + 1], r->smask, ms, 8);
		size_t nt = ov[2 * tn] == PCRE2_UNSET ? 0 : placeholders(ph, ov[2 * tn], ov[2 * tn + 1], r->tmask, mt, 8);
		if (pn < 0 && nt == 1 && (r->tmask & 1u << NG_PERSON))
			nt = named_people(ph, ov[2 * tn + 1], mt, 8, nt);
		ng_buf attrs = {0};
		for (uint32_t k = 0; k < namecount; k++) {
			PCRE2_SPTR e = table + k * entsize;
			int num = (e[0] << 8) | e[1];
			const char *name = (const char *)e + 2;
			if (num == sn || num == tn || ov[2 * num] == PCRE2_UNSET || ov[2 * num + 1] == ov[2 * num])
				continue;
			if ((attrs.len && ng_buf_addc(&attrs, '\x1f')) || ng_buf_printf(&attrs, "%s=", name) ||
			    attr_value(c, &attrs, name, ph + ov[2 * num], ov[2 * num + 1] - ov[2 * num]))
				return NG_ENOMEM;
		}
		int negated = 0;
		if (reported < 0)
			reported = ng_modality_reported(c->lx, ph);
		int modality = ng_modality_classify(c->lx, ph, ov[0], ov[1], reported, &negated);
		char trig[48];
		if (ng_modality_controlled(c->lx, ph, find_trigger(r, ph, ov[0], ov[1], trig, sizeof trig)))
			modality = NG_HYPOTHETICAL;
		if (r->modality >= 0)
			modality = r->modality;
		for (size_t j = 0; r->home && j < nt && !rc; j++)
			rc = add_home(c, r, mt[j], modality, negated, trig, attrs.s, ov);
		for (size_t i = 0; i < ns && !rc; i++)
			for (size_t j = pn >= 0 ? i : 0; j < nt && !rc; j++) {
				int a[2], b[2];
				int na = referents(c->x, ms[i], a), nb = referents(c->x, mt[j], b);
				c->ma = ms[i];
				c->mb = mt[j];
				/* a pairs slot's one plural member relates its own two
				 * ("the two leaders held talks") */
				if (pn >= 0 && i == j) {
					if (na < 2 || pair_named_before(c, ms[i], a))
						continue;
					na = nb = 1;
					b[0] = a[1];
				}
				for (int p = 0; p < na && !rc; p++)
					for (int q = 0; q < nb && !rc; q++)
						rc = add_rel(c, a[p], b[q], r->rel, modality, negated, r->confidence, r->id, trig,
						             attrs.s);
				if (!rc && c->trace)
					rc = ng_trace_add_rule(c->trace, r->id, &c->x->e[a[0]], r->rel, &c->x->e[b[0]], ov[0], ov[1],
					                       (ng_modality)modality, negated);
			}
		ng_buf_free(&attrs);
		if (rc)
			return rc;
		start = next_char(ph, len, ov[0]);
	}
	return 0;
}

/* Does the title before mention m hold a word of cue class cls (a state's
 * office: NG_W_GOV_TITLE; a company's: NG_W_FIRM_TITLE)? */
static int title_has(const sent_ctx *c, const ng_mention *m, int cls)
{
	const ng_doc *d = c->d;
	for (size_t t = m->tb; t-- > d->sents[c->si].tok_begin && d->toks[t].start >= m->title_start;)
		if (ng_lexicon_is_wid(c->lx, d->wid[t], cls))
			return 1;
	return 0;
}

/* The company a bare company title means: the sentence's one company, else
 * the first company named in the nearest of the two sentences before that
 * names one (its subject, most often); -1 when none or when the sentence
 * names two. [from, to) are the sentence's mentions. */
static int company_in_view(const sent_ctx *c, size_t from, size_t to)
{
	const ng_ents *x = c->x;
	int here = -1;
	for (size_t k = from; k < to; k++) {
		const ng_mention *p = &x->m[k];
		if (p->entity < 0 || x->e[p->entity].type != NG_COMPANY || p->entity == here)
			continue;
		if (here >= 0)
			return -1;
		here = p->entity;
	}
	if (here >= 0)
		return here;
	int best = -1;
	for (size_t k = from; k-- > 0 && x->m[k].sent + 2 >= c->si;) {
		if (best >= 0 && x->m[k].sent != x->m[best].sent)
			break;
		if (x->m[k].entity >= 0 && x->e[x->m[k].entity].type == NG_COMPANY)
			best = (int)k;
	}
	return best >= 0 ? x->m[best].entity : -1;
}

/* The article's entity with node id `id`, or -1. */
static int entity_with_id(const ng_ents *x, const char *id)
{
	for (size_t k = 0; id && k < x->ne; k++)
		if (strcmp(x->e[k].id, id) == 0)
			return (int)k;
	return -1;
}

/* The article's state that a government body belongs to (the knowledge
 * base's part_of), or -1. */
static int state_of_body(const sent_ctx *c, const ng_entity *body)
{
	const char *st = body->entry >= 0 ? c->lx->entries[body->entry].part_of : NULL;
	return st && strncmp(st, "state:", 6) == 0 ? entity_with_id(c->x, st) : -1;
}

/* "the administration of Ronald Reagan", "the Thatcher government",
 * "Lula's administration": a government named after its head, whom the
 * knowledge base makes the leader of an article's state that day (or
 * undated, the last office). The state, or -1. */
static int administration_of(const sent_ctx *c, const ng_mention *m)
{
	static const char *const gov[] = {"administration", "government", "presidency", NULL};
	const ng_doc *d = c->d;
	const ng_sentence *s = &d->sents[c->si];
	size_t t = m->te;
	if (t < s->tok_end && !strcmp(ng_tok_norm(d, &d->toks[t]), "'s"))
		t++;
	int named = 0;
	for (int k = 0; gov[k] && !named; k++)
		named = (t < s->tok_end && !strcmp(ng_tok_norm(d, &d->toks[t]), gov[k])) ||
		        (m->tb >= s->tok_begin + 2 && !strcmp(ng_tok_norm(d, &d->toks[m->tb - 1]), "of") &&
		         !strcmp(ng_tok_norm(d, &d->toks[m->tb - 2]), gov[k]));
	if (!named || m->entry < 0)
		return -1;
	const ng_entry *e = &c->lx->entries[m->entry];
	const ng_tie *held = c->x->day != NG_DAY_NONE ? ng_entry_office(e, c->x->day, NG_TIE_LEADS) : NULL;
	const char *target = held ? held->target : c->x->day == NG_DAY_NONE ? e->leads : NULL;
	int st = entity_with_id(c->x, target);
	return st >= 0 && c->x->e[st].type == NG_STATE ? st : -1;
}

/* "Ana Ruiz, a spokeswoman for EU Trade Commissioner Sefcovic": who speaks
 * for or advises a titled person serves the body the title names. The
 * person entity before the title, or -1. */
static int aide_before(const sent_ctx *c, const ng_mention *m)
{
	static const char *const aide[] = {"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", NULL};
	const ng_doc *d = c->d;
	const ng_ents *x = c->x;
	const ng_sentence *s = &d->sents[c->si];
	uint32_t lo = m->title_start;
	const int ofs[2] = {m->title_of, m->title_of2};
	for (int k = 0; k < 2; k++)
		if (ofs[k] >= 0 && x->m[ofs[k]].start < lo)
			lo = x->m[ofs[k]].start;
	size_t t = m->tb;
	while (t > s->tok_begin && d->toks[t - 1].start >= lo)
		t--;
	if (t < s->tok_begin + 4 || (strcmp(ng_tok_norm(d, &d->toks[t - 1]), "for") && strcmp(ng_tok_norm(d, &d->toks[t - 1]), "to")))
		return -1;
	int is_aide = 0;
	for (int k = 0; aide[k]; k++)
		is_aide |= !strcmp(ng_tok_norm(d, &d->toks[t - 2]), aide[k]);
	size_t u = t - 3;
	if (ng_lexicon_is_wid(c->lx, d->wid[u], NG_W_DETERMINER))
		u--;
	if (!is_aide || strcmp(ng_tok_norm(d, &d->toks[u]), ","))
		return -1;
	for (size_t k = 0; k < x->n; k++)
		if (x->m[k].sent == c->si && x->m[k].te == u && x->m[k].entity >= 0 && x->e[x->m[k].entity].type == NG_PERSON)
			return x->m[k].entity;
	return -1;
}

/* "Russian President Putin", "U.S. Treasury Secretary Yellen": the title
 * ties the person to the state or body before it; "Director X of the Y"
 * to the body after it; a bare title to the knowledge base's state. */
static int titles(sent_ctx *c, size_t from, size_t to)
{
	const ng_ents *x = c->x;
	const ng_doc *d = c->d;
	c->ma = c->mb = (size_t)-1; /* a title and its name: one noun phrase */
	for (size_t i = from; i < to; i++) {
		const ng_mention *m = &x->m[i];
		if (m->entity < 0 || m->kind != NG_NAME || m->type != NG_PERSON || m->title_rel == NG_TITLE_STALE)
			continue;
		char attrs[160] = "";
		if (m->title_end > m->title_start)
			snprintf(attrs, sizeof attrs, "role=%.*s", (int)(m->title_end - m->title_start), d->text + m->title_start);
		int rel = m->title_rel >= 0 ? m->title_rel : NG_REL_WORKS_FOR;
		int found = 0;
		const int ofs[2] = {m->title_of, m->title_of2};
		for (int k = 0; k < 2; k++) {
			if (ofs[k] < 0 || x->m[ofs[k]].entity < 0 || m->title_end <= m->title_start)
				continue;
			const ng_entity *te = &x->e[x->m[ofs[k]].entity];
			if (te->type != NG_STATE && te->type != NG_ORGANIZATION && te->type != NG_COMPANY)
				continue;
			/* "Labour MP X", "Green Party lawmaker X": a party has members */
			int r = rel;
			if (te->type == NG_ORGANIZATION && rel == NG_REL_WORKS_FOR &&
			    (strstr(te->id, "party") || strstr(te->name, "Party")))
				r = NG_REL_MEMBER_OF;
			if (add_rel(c, m->entity, x->m[ofs[k]].entity, r, NG_ASSERTED, 0, 0.85, "title", NULL, attrs))
				return NG_ENOMEM;
			found = 1;
			int aide = aide_before(c, m);
			if (aide >= 0 && aide != m->entity &&
			    add_rel(c, aide, x->m[ofs[k]].entity, NG_REL_WORKS_FOR, NG_ASSERTED, 0, 0.7, "title-aide", NULL, NULL))
				return NG_ENOMEM;
			/* "U.S. Treasury Under-Secretary X" also works for the state */
			int st = te->type == NG_ORGANIZATION ? state_of_body(c, te) : -1;
			if (st >= 0 && add_rel(c, m->entity, st, r, NG_ASSERTED, 0, 0.8, "title-body-state", NULL, attrs))
				return NG_ENOMEM;
		}
		/* "X of (the) Y": the body after the name. */
		size_t t = m->te;
		const ng_sentence *s = &d->sents[c->si];
		if (m->title_end > m->title_start && t + 1 < s->tok_end && strcmp(ng_tok_norm(d, &d->toks[t]), "of") == 0) {
			t++;
			if (t < s->tok_end && strcmp(ng_tok_norm(d, &d->toks[t]), "the") == 0)
				t++;
			for (size_t k = i + 1; k < x->n && x->m[k].sent == c->si; k++) {
				if (x->m[k].tb != t)
					continue;
				int et = x->m[k].entity >= 0 ? (int)x->e[x->m[k].entity].type : -1;
				if ((et == NG_STATE || et == NG_ORGANIZATION || et == NG_COMPANY) &&
				    add_rel(c, m->entity, x->m[k].entity, rel, NG_ASSERTED, 0, 0.8, "title-of", NULL, attrs))
					return NG_ENOMEM;
				found = 1;
				break;
			}
		}
		int gs = administration_of(c, m);
		if (gs >= 0 && add_rel(c, m->entity, gs, NG_REL_LEADS, NG_ASSERTED, 0, 0.7, "administration", NULL, NULL))
			return NG_ENOMEM;
		/* A bare company title ("Chief Executive Vincent Clerc",
		 * "Chairman X"): the company in view. */
		int bare = !found && m->title_end > m->title_start && m->title_rel >= 0;
		int gov = bare && title_has(c, m, NG_W_GOV_TITLE);
		int firm = bare && !gov && title_has(c, m, NG_W_FIRM_TITLE) ? company_in_view(c, from, to) : -1;
		if (firm >= 0 && add_rel(c, m->entity, firm, m->title_rel, NG_ASSERTED, 0, 0.7, "title-bare-firm", NULL, attrs))
			return NG_ENOMEM;
		/* A bare title ("President Reagan", "Trade Minister Tamura"): the
		 * state the knowledge base or the article makes clear. */
		if (gov) {
			const ng_entry *e = m->entry >= 0 ? &c->lx->entries[m->entry] : NULL;
			const ng_tie *held = e && x->day != NG_DAY_NONE ? ng_entry_office(e, x->day, -1) : NULL;
			const char *target = held ? held->target : e ? (e->leads ? e->leads : e->works_for) : NULL;
			int st = entity_with_id(x, target);
			if (st < 0 && (!target || strncmp(target, "state:", 6) != 0))
				st = c->sole_state >= 0 ? c->sole_state : c->main_state;
			if (st >= 0 && x->e[st].type == NG_STATE &&
			    add_rel(c, m->entity, st, m->title_rel, NG_ASSERTED, 0, 0.7, "title-bare", NULL, attrs))
				return NG_ENOMEM;
		}
	}
	return 0;
}

/* The article's state entity that the knowledge-base words at token i
 * name ("Haitian", "U.S."), with the number of tokens in *len; or -1. */
static int state_words(const sent_ctx *c, size_t i, size_t end, size_t *len)
{
	uint32_t node = 0;
	*len = ng_lexicon_match(c->lx, c->d, i, end, &node);
	int32_t it = -2;
	for (const ng_value *v; *len && (v = ng_lexicon_values(c->lx, node, &it));) {
		if ((v->kind != NG_V_NAME && v->kind != NG_V_ADJ) || c->lx->entries[v->entry].type != NG_STATE)
			continue;
		int k = entity_with_id(c->x, c->lx->entries[v->entry].id);
		if (k >= 0)
			return k;
	}
	return -1;
}

/* A body's name that opens with its state ("the Haitian Parliament", "the
 * Bulgarian Farmers Union"), or a numbered unit right after its state
 * ("the U.S. 6th Fleet", "Britain's 7th Armoured Brigade"), is based in
 * that state; an embassy is not. Bodies of the knowledge base have their
 * own ties; the state must be an entity of the article. */
static int named_homes(sent_ctx *c, size_t from, size_t to)
{
	const ng_ents *x = c->x;
	for (size_t i = from; i < to; i++) {
		const ng_mention *m = &x->m[i];
		if (m->entity < 0 || m->kind != NG_NAME || m->entry >= 0 ||
		    (m->type != NG_ORGANIZATION && m->type != NG_COMPANY) ||
		    ng_lexicon_is_wid(c->lx, c->d->wid[m->te - 1], NG_W_ABROAD))
			continue;
		/* a firm's name may start with a state's name for other reasons
		 * ("U.S. Technology exports"); a body's rarely does */
		size_t len = 0;
		int st = m->type == NG_ORGANIZATION ? state_words(c, m->tb, m->te, &len) : -1;
		if (st >= 0 && len >= m->te - m->tb)
			st = -1;
		const ng_mention *p = i > from ? &x->m[i - 1] : NULL;
		size_t gap = p && p->te < m->tb && (c->d->toks[p->te].flags & NG_TOK_POSS) ? 1 : 0;
		if (st < 0 && p && p->te + gap == m->tb && p->entity >= 0 && x->e[p->entity].type == NG_STATE &&
		    isdigit((unsigned char)c->d->text[m->start]))
			st = p->entity;
		if (st >= 0 && add_rel(c, m->entity, st, NG_REL_BASED_IN, NG_ASSERTED, 0, 0.7, "based-state-name", NULL, NULL))
			return NG_ENOMEM;
	}
	return 0;
}

static int without_appositions(sent_ctx *c, pcre2_match_data *md)
{
	PCRE2_SIZE n = c->ph.len + 1;
	char *out = malloc(n);
	if (!out)
		return NG_ENOMEM;
	int r = pcre2_substitute(c->rs->appos, (PCRE2_SPTR)c->ph.s, c->ph.len, 0, PCRE2_SUBSTITUTE_GLOBAL, md,
	                         c->rs->mctx, (PCRE2_SPTR) "$1 ", 3, (PCRE2_UCHAR *)out, &n);
	if (r >= 0) {
		c->ph.len = 0;
		r = ng_buf_add(&c->ph, out, n);
	} else
		r = 0; /* a limit: keep the sentence as it was */
	free(out);
	return r;
}

/* A path rule matched path pa (string s): its slots are the path's two
 * ends, and its other named groups attributes. */
static int path_match(sent_ctx *c, const ng_rule *r, const ng_path *pa, const char *s, pcre2_match_data *md)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	int sn = pcre2_substring_number_from_name(r->re, (PCRE2_SPTR) "S");
	int tn = pcre2_substring_number_from_name(r->re, (PCRE2_SPTR) "T");
	if (ov[2 * sn] == PCRE2_UNSET || ov[2 * tn] == PCRE2_UNSET)
		return 0;
	size_t src = ov[2 * sn] == 0 ? pa->from : pa->to, tgt = ov[2 * tn] == 0 ? pa->from : pa->to;
	uint32_t namecount = 0, entsize = 0;
	PCRE2_SPTR table = NULL;
	pcre2_pattern_info(r->re, PCRE2_INFO_NAMECOUNT, &namecount);
	pcre2_pattern_info(r->re, PCRE2_INFO_NAMEENTRYSIZE, &entsize);
	pcre2_pattern_info(r->re, PCRE2_INFO_NAMETABLE, &table);
	ng_buf attrs = {0};
	int rc = 0;
	for (uint32_t k = 0; k < namecount && !rc; k++) {
		PCRE2_SPTR e = table + k * entsize;
		int num = (e[0] << 8) | e[1];
		const char *name = (const char *)e + 2;
		if (num == sn || num == tn || ov[2 * num] == PCRE2_UNSET || ov[2 * num + 1] == ov[2 * num])
			continue;
		rc = (attrs.len && ng_buf_addc(&attrs, '\x1f')) || ng_buf_printf(&attrs, "%s=", name) ||
		     attr_value(c, &attrs, name, s + ov[2 * num], ov[2 * num + 1] - ov[2 * num]);
	}
	int modality = r->modality >= 0 ? r->modality : pa->modality;
	char trig[48] = "";
	if (pa->trigger >= 0)
		snprintf(trig, sizeof trig, "%s", ng_paths_lemma(&c->paths, pa->trigger));
	int a[2], b[2];
	int na = referents(c->x, src, a), nb = referents(c->x, tgt, b);
	c->ma = src;
	c->mb = tgt;
	for (int p = 0; p < na && !rc; p++)
		for (int q = 0; q < nb && !rc; q++)
			rc = add_rel(c, a[p], b[q], r->rel, modality, pa->negated, r->confidence, r->id, trig, attrs.s);
	if (!rc && c->trace && na && nb)
		rc = ng_trace_add_rule(c->trace, r->id, &c->x->e[a[0]], r->rel, &c->x->e[b[0]], ov[0], ov[1],
		                       (ng_modality)modality, pa->negated);
	ng_buf_free(&attrs);
	return rc;
}

/* Path rules run on the parse of the sentence, and only where one may
 * fire: parsing costs more than every other step together. */
static int run_paths(sent_ctx *c, const unsigned char *want, size_t first, size_t last, pcre2_match_data *md,
                     ng_error *err)
{
	const ng_rules *rs = c->rs;
	/* A rule may fire only where the sentence has entities of its slots'
	 * types: this spares most parses. */
	unsigned types = 0;
	for (size_t m = first; m < last; m++)
		if (usable(&c->x->m[m]))
			types |= 1u << (c->x->m[m].plural ? c->x->m[m].type : c->x->e[c->x->m[m].entity].type);
	size_t k = 0;
	while (k < rs->n && !(rs->r[k].on_path && (want[k] || rs->r[k].always) && (rs->r[k].smask & types) &&
	                      (rs->r[k].tmask & types)))
		k++;
	if (k == rs->n || !c->pc)
		return 0;
	c->paths.known = &rs->lemma_of;
	int rc = ng_paths_sentence(&c->paths, c->pc, c->lx, c->d, c->si, c->x, first, last, err);
	if (!rc && c->trace) {
		ng_buf parse = {0};
		rc = ng_paths_write_parse(&c->paths, ng_parse_cache_parser(c->pc), &parse) || ng_trace_add_reading(c->trace, c->si, 3, parse.s);
		ng_buf_free(&parse);
		if (rc)
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	for (size_t i = 0; !rc && i < c->paths.np; i++) {
		const ng_path *pa = &c->paths.p[i];
		const char *s = c->paths.text.s + pa->text;
		if (c->trace && ng_trace_add_reading(c->trace, c->si, 2, s))
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
		for (k = 0; k < rs->n && !rc; k++) {
			const ng_rule *r = &rs->r[k];
			if (r->on_path && (want[k] || r->always) && (r->smask & types) && (r->tmask & types) &&
			    pcre2_match(r->re, (PCRE2_SPTR)s, strlen(s), 0, PCRE2_NO_UTF_CHECK, md, rs->mctx) >= 0 &&
			    path_match(c, r, pa, s, md))
				rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
		}
	}
	return rc;
}

/* Marks the rules a word triggers; a hyphenated word triggers by its
 * parts too (Lisbon-based). */
static void want_word(const ng_rules *rs, const char *w, unsigned char *want)
{
	const ng_rule_list *l = ng_rules_for(rs, w);
	for (size_t k = 0; l && k < l->n; k++)
		want[l->v[k]] = 1;
	if (!strchr(w, '-'))
		return;
	char part[64];
	for (const char *p = w; *p;) {
		size_t n = strcspn(p, "-");
		if (n && n < sizeof part) {
			memcpy(part, p, n);
			part[n] = 0;
			want_word(rs, part, want);
		}
		p += n + (p[n] == '-');
	}
}

/* "Putin appointed Belousov as Defense Minister": an appointee to a state
 * office serves the state its appointer leads. */
static int appointed_serve(sent_ctx *c)
{
	size_t n = c->out->n;
	c->ma = c->mb = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		ng_rel r = c->out->r[i];
		const char *role = r.attrs ? strstr(r.attrs, "role=") : NULL;
		if (r.rel != NG_REL_APPOINTS || !role)
			continue;
		int gov = 0;
		char word[48];
		for (const char *p = role + 5; *p && *p != '\x1f';) {
			size_t l = strcspn(p, " \x1f");
			if (l && l < sizeof word) {
				memcpy(word, p, l);
				word[l] = 0;
				gov |= ng_lexicon_is(c->lx, word, NG_W_GOV_TITLE);
			}
			p += l + (p[l] == ' ');
		}
		for (size_t k = 0; gov && k < n; k++) {
			const ng_rel *l = &c->out->r[k];
			if (l->rel != NG_REL_LEADS || l->src != r.src || c->x->e[l->tgt].type != NG_STATE)
				continue;
			c->si = r.sent;
			c->first_rel = 0; /* after the sentence loop: its relations lie anywhere */
			snprintf(c->date, sizeof c->date, "%s", r.date);
			if (add_rel(c, r.tgt, l->tgt, NG_REL_WORKS_FOR, r.modality, r.negated, 0.6, "appointed", r.trigger, NULL))
				return NG_ENOMEM;
			break;
		}
	}
	return 0;
}

/* The state an article is about: mentioned at least twice and half again
 * as often as any other; -1 when none stands out. */
static int main_state(const ng_ents *x)
{
	int best = -1, n1 = 0, n2 = 0;
	int *count = calloc(x->ne + 1, sizeof *count);
	if (!count)
		return -1;
	for (size_t i = 0; i < x->n; i++)
		if (x->m[i].entity >= 0 && x->e[x->m[i].entity].type == NG_STATE && !x->m[i].plural &&
		    x->m[i].kind == NG_NAME)
			count[x->m[i].entity]++;
	for (size_t k = 0; k < x->ne; k++) {
		if (count[k] > n1) {
			n2 = n1;
			n1 = count[k];
			best = (int)k;
		} else if (count[k] > n2)
			n2 = count[k];
	}
	free(count);
	return n1 >= 2 && n1 * 2 >= n2 * 3 ? best : -1;
}

static int same_edge(const ng_rel *a, const ng_rel *b)
{
	return a->rel == b->rel && ((a->src == b->src && a->tgt == b->tgt) ||
	                            (ng_relation_get(a->rel)->symmetric && a->src == b->tgt && a->tgt == b->src));
}

/* A headline's relation is never stronger than the body's: where the body
 * states the same relation, the headline takes the body's most certain
 * modality and its negation ("France Sanctions Drone Maker Over Supplies
 * to Russia" and, below, "China denied that it supplies weapons"). */
static void headline_defers(const ng_doc *d, ng_rels *out)
{
	for (size_t i = 0; i < out->n; i++) {
		ng_rel *h = &out->r[i];
		if (!d->sents[h->sent].headline)
			continue;
		int best = -1, neg = 0;
		for (size_t k = 0; k < out->n; k++) {
			const ng_rel *b = &out->r[k];
			if (d->sents[b->sent].headline || !same_edge(h, b))
				continue;
			if (best < 0 || (int)b->modality < best || ((int)b->modality == best && b->negated)) {
				best = (int)b->modality;
				neg = b->negated;
			}
		}
		if (best >= 0 && (best > (int)h->modality || neg != h->negated)) {
			h->modality = best > (int)h->modality ? (ng_modality)best : h->modality;
			h->negated = neg;
		}
	}
}

/* Is the word before byte at of the placeholder sentence a clause break? */
static int after_break(const sent_ctx *c, size_t at)
{
	const char *ph = c->ph.s;
	size_t b = at;
	while (b > 0 && ph[b - 1] == ' ')
		b--;
	while (b > 0 && isalpha((unsigned char)ph[b - 1]))
		b--;
	return b < at && word_is(c, ph + b, NG_W_CLAUSE_BREAK);
}

/* Is mention k the state or body of a title in mentions [first, last)? */
static int titled(const ng_ents *x, size_t first, size_t last, size_t k)
{
	for (size_t i = first; i < last; i++)
		if (x->m[i].title_of == (int)k || x->m[i].title_of2 == (int)k)
			return 1;
	return 0;
}

/* The mentions [first, last) of a sentence that a coreference pass
 * linked, into the trace. */
static int trace_links(ng_trace *t, const ng_doc *d, const ng_ents *x, size_t first, size_t last)
{
	for (size_t k = first; k < last; k++) {
		const ng_mention *m = &x->m[k];
		if (!m->pass || m->entity < 0)
			continue;
		const char *node2 = m->plural && m->entity2 >= 0 ? x->e[m->entity2].id : NULL;
		if (ng_trace_add_link(t, k, d->text + m->start, m->end - m->start, ng_pass_name(m->pass), m->ante,
		                      x->e[m->entity].id, node2))
			return NG_ENOMEM;
	}
	return 0;
}

int ng_relate(const ng_rules *rs, const ng_lexicon *lx, ng_parse_cache *pc, const ng_doc *d, const ng_ents *x,
              const char *article_date, ng_rels *out, ng_trace *trace, ng_error *err)
{
	sent_ctx c = {rs, lx, pc, {0}, d, x, out, trace, 0, 0, {0}, "", -1, main_state(x), NULL, 0, 0, 0, -1, 0, 0};
	ng_date_ref dref;
	ng_date_ref_init(&dref, article_date);
	unsigned char *want = calloc(rs->n + 1, 1);
	pcre2_match_data *md = pcre2_match_data_create(64, NULL);
	int rc = want && md ? 0 : NG_ENOMEM;
	size_t mi = 0;
	uint32_t para = (uint32_t)-1;
	char para_date[16] = "";
	for (size_t s = 0; s < d->nsents && !rc; s++) {
		c.si = (uint32_t)s;
		c.first_rel = out->n;
		size_t first = mi;
		while (first < x->n && x->m[first].sent < s)
			first++;
		size_t last = first;
		while (last < x->n && x->m[last].sent == s)
			last++;
		rc = build(&c, &mi);
		if (rc)
			break;
		/* The sentence's one state, for bare titles; a state already in
		 * someone's title ("Chinese President Xi") is that person's. */
		c.sole_state = -1;
		for (size_t k = first; k < last; k++) {
			int e = x->m[k].entity;
			if (e < 0 || x->e[e].type != NG_STATE || x->m[k].plural || titled(x, first, last, k))
				continue;
			c.sole_state = c.sole_state == -1 || c.sole_state == e ? e : -2;
		}
		if (c.sole_state < 0)
			c.sole_state = -1;
		if (d->sents[s].para != para) {
			para = d->sents[s].para;
			para_date[0] = 0;
		}
		size_t date_at = (size_t)-1;
		if (ng_date_find(&dref, lx, c.ph.s, c.date, sizeof c.date, &date_at)) {
			/* "since 2023", "after May 16": a bound, not the time the
			 * paragraph goes on to tell */
			if (!after_break(&c, date_at))
				snprintf(para_date, sizeof para_date, "%s", c.date);
		} else {
			snprintf(c.date, sizeof c.date, "%s", para_date);
		}
		if ((rc = number_clauses(&c, first, last, date_at)))
			break;
		c.ma = c.mb = (size_t)-1;
		if (trace)
			rc = ng_trace_add_reading(trace, s, 0, c.ph.s) || trace_links(trace, d, x, first, last);
		/* A relation needs two placeholders, or one mention of two
		 * entities ("the two leaders held talks"); most sentences of a
		 * wire story have fewer, and no rule can fire there. ('<' from the
		 * text itself only over-counts.) */
		size_t nph = 0;
		for (const char *p = c.ph.s; nph < 2 && (p = strchr(p, '<')); p++)
			nph++;
		for (size_t k = first; nph < 2 && k < last; k++)
			if (x->m[k].plural && x->m[k].entity2 >= 0)
				nph = 2;
		if (nph < 2) {
			if (!rc)
				rc = titles(&c, first, last);
			if (!rc)
				rc = named_homes(&c, first, last);
			continue;
		}
		/* Only rules whose triggers occur in the sentence run. */
		memset(want, 0, rs->n);
		for (size_t t = d->sents[s].tok_begin; t < d->sents[s].tok_end; t++)
			want_word(rs, ng_tok_norm(d, &d->toks[t]), want);
		/* A path rule's 'where' looks at the words around the mentions
		 * before the sentence is parsed: a common trigger ("of") alone
		 * would parse most sentences for nothing. */
		for (size_t k = 0; k < rs->n; k++)
			if (want[k] && rs->r[k].where &&
			    pcre2_match(rs->r[k].where, (PCRE2_SPTR)c.ph.s, c.ph.len, 0, PCRE2_NO_UTF_CHECK, md, rs->mctx) < 0)
				want[k] = 0;
		for (size_t k = 0; k < rs->n && !rc; k++)
			if ((want[k] || rs->r[k].always) && !rs->r[k].on_path)
				rc = run_rule(&c, &rs->r[k], md);
		/* Once more without appositions, so that "Exxon, the world's
		 * largest oil company, has signed" reads "Exxon has signed". */
		if (!rc && pcre2_match(rs->appos, (PCRE2_SPTR)c.ph.s, c.ph.len, 0, PCRE2_NO_UTF_CHECK, md, rs->mctx) >= 0) {
			rc = without_appositions(&c, md);
			if (!rc && trace)
				rc = ng_trace_add_reading(trace, s, 1, c.ph.s);
			for (size_t k = 0; k < rs->n && !rc; k++)
				if ((want[k] || rs->r[k].always) && !rs->r[k].on_path)
					rc = run_rule(&c, &rs->r[k], md);
		}
		if (!rc)
			rc = titles(&c, first, last);
		if (!rc)
			rc = named_homes(&c, first, last);
		if (!rc && (rc = run_paths(&c, want, first, last, md, err)))
			break;
	}
	if (!rc)
		rc = appointed_serve(&c);
	if (!rc)
		headline_defers(d, out);
	free(want);
	pcre2_match_data_free(md);
	ng_buf_free(&c.ph);
	free(c.clause);
	ng_paths_free(&c.paths);
	if (rc && rc != NG_ENOMEM)
		return rc; /* err already filled */
	return rc ? ng_fail(err, rc, NULL, 0, "out of memory") : 0;
}
