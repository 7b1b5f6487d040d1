/* Relations, part 1: the rule language. Input: rule files. Output: pcre2
 * patterns (UTF, UCP, caseless, JIT) over placeholder sentences, in which
 * each entity mention reads <type#n>. A pattern names its source {S:types}
 * and target {T:types}; {T+:types} takes a coordination ("A, B and C").
 * Rules are indexed by trigger word so a sentence runs only those it may
 * fire. Trigger classes ("words" lines, the lexicon derived from CAMEO)
 * stand in patterns as {@class} and in triggers as @class. */
#include "relations/rules.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "text/text.h"
#include "text/utf8.h"
#include "util/embedded.h"

int ng_rules_init(ng_rules *rs)
{
	memset(rs, 0, sizeof *rs);
	rs->mctx = pcre2_match_context_create(NULL);
	if (!rs->mctx)
		return NG_ENOMEM;
	pcre2_set_match_limit(rs->mctx, NG_MATCH_LIMIT);
	pcre2_set_depth_limit(rs->mctx, NG_DEPTH_LIMIT);
	int ec;
	PCRE2_SIZE off;
	/* an apposition or a relative clause between a mention and its verb */
	static const char appos[] = "(<[a-z]+#\\d+>), (?:a|an|the|its|his|her|their|who|which) [^,;:.\"]{1,100}?, ";
	rs->appos = pcre2_compile((PCRE2_SPTR)appos, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &ec, &off, NULL);
	if (!rs->appos)
		return NG_ENOMEM;
	pcre2_jit_compile(rs->appos, PCRE2_JIT_COMPLETE);
	return 0;
}

static void free_lists(ng_rules *rs);

static void free_classes(ng_rules *rs)
{
	for (size_t i = 0; i < rs->nwc; i++) {
		ng_word_class *c = rs->wc[i];
		ng_buf_free(&c->lemmas);
		ng_buf_free(&c->forms);
		for (size_t k = 0; k < c->nwords; k++)
			free(c->words[k]);
		free(c->words);
		free(c);
	}
	free(rs->wc);
	ng_map_free(&rs->classes);
	ng_map_free(&rs->lemma_of);
	ng_map_free(&rs->lemmas);
}

static void free_rule(ng_rule *r)
{
	free(r->id);
	for (size_t k = 0; k < r->ntriggers; k++)
		free(r->triggers[k]);
	free(r->triggers);
	pcre2_code_free(r->re);
	free(r->where_src);
	pcre2_code_free(r->where);
	free(r->file);
}

void ng_rules_free(ng_rules *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		free_rule(&rs->r[i]);
	free(rs->r);
	free_lists(rs);
	free_classes(rs);
	ng_map_free(&rs->ids);
	pcre2_match_context_free(rs->mctx);
	pcre2_code_free(rs->appos);
	memset(rs, 0, sizeof *rs);
}

/* Expands one {NAME:type,type}, {NAME+:types} or {NAME*:types} slot into
 * pcre2 syntax. */
static int expand_slot(ng_rule *r, ng_buf *out, const char *s, size_t n, const char *file, int line, ng_error *err)
{
	const char *colon = memchr(s, ':', n);
	if (!colon)
		return ng_fail(err, NG_EINVAL, file, line, "slot {%.*s} needs NAME:types", (int)n, s);
	size_t nl = (size_t)(colon - s);
	/* '+' a bare coordination, '*' one whose members may carry a possessor
	 * or a few words ("France's Total, the US-based Chevron and miner Vale") */
	int list = nl && (s[nl - 1] == '+' || s[nl - 1] == '*');
	int loose = list && s[nl - 1] == '*';
	if (list)
		nl--;
	char name[32];
	if (nl == 0 || nl >= sizeof name)
		return ng_fail(err, NG_EINVAL, file, line, "slot {%.*s} has no valid name", (int)n, s);
	memcpy(name, s, nl);
	name[nl] = 0;
	for (size_t i = 0; i < nl; i++)
		if (!isalnum((unsigned char)name[i]) && name[i] != '_')
			return ng_fail(err, NG_EINVAL, file, line, "slot name '%s' must be letters, digits or _", name);
	ng_buf types = {0};
	const char *p = colon + 1, *e = s + n;
	while (p < e) {
		const char *c = memchr(p, ',', (size_t)(e - p));
		if (!c)
			c = e;
		size_t l = (size_t)(c - p);
		const char *t = NULL;
		unsigned bits = 0;
		if (l == 3 && memcmp(p, "any", 3) == 0) {
			t = "[a-z]+";
			bits = ~0u;
		} else if (l == 3 && memcmp(p, "org", 3) == 0) {
			t = "organization";
			bits = 1u << NG_ORGANIZATION;
		} else {
			int ty = ng_type_parse(p, l);
			if (ty < 0) {
				ng_buf_free(&types);
				return ng_fail(err, NG_EINVAL, file, line, "unknown entity type '%.*s' in slot", (int)l, p);
			}
			t = ng_type_name(ty);
			bits = 1u << ty;
		}
		if (!strcmp(name, "S") || !strcmp(name, "P"))
			r->smask |= bits;
		if (!strcmp(name, "T") || !strcmp(name, "P"))
			r->tmask |= bits;
		if ((types.len && ng_buf_addc(&types, '|')) || ng_buf_adds(&types, t)) {
			ng_buf_free(&types);
			return NG_ENOMEM;
		}
		p = c + 1;
	}
	const char *one = "<(?:%s)#\\d+>";
	int rc = 0;
	if (strcmp(name, "_") == 0)
		rc = ng_buf_adds(out, "(?:");
	else
		rc = ng_buf_printf(out, "(?<%s>", name);
	/* A '*' member: an article, a possessor or "X-based" and up to two
	 * words before the mention; or a name we do not know ("France's
	 * Total"), which keeps the list going and gives no relation. */
	ng_buf m = {0};
	if (loose)
		rc = rc || ng_buf_adds(&m, "(?:(?:the |a |an )?(?:<[a-z]+#\\d+>(?:'s|-based)? )?(?:[a-z][\\w-]* ){0,2}?") ||
		     ng_buf_printf(&m, one, types.s) ||
		     ng_buf_adds(&m, "(?!'s|-\\w)|(?:<[a-z]+#\\d+>'s )?(?!(?:and|or)\\b)[a-z][\\w-]*"
		                     "(?: (?!(?:and|or)\\b)[a-z][\\w-]*){0,2})");
	else
		rc = rc || ng_buf_printf(&m, one, types.s);
	rc = rc || ng_buf_adds(out, m.s);
	/* "A and B", "A, B and C", "A, B, and C"; not "A, and B", which joins
	 * two clauses ("Poland met Ukraine, and Egypt criticized Libya") */
	if (list)
		rc = rc || ng_buf_adds(out, "(?:(?:, ") || ng_buf_adds(out, m.s) || ng_buf_adds(out, ")+(?:,? (?:and|or|&) ") ||
		     ng_buf_adds(out, m.s) || ng_buf_adds(out, ")?| (?:and|or|&) ") || ng_buf_adds(out, m.s) ||
		     ng_buf_adds(out, ")?");
	ng_buf_free(&m);
	rc = rc || ng_buf_addc(out, ')');
	ng_buf_free(&types);
	return rc ? NG_ENOMEM : 0;
}

static ng_word_class *find_class(const ng_rules *rs, const char *name, size_t n)
{
	return ng_map_get(&rs->classes, name, n);
}

/* {@class}: the class's lemmas on a path, every form in a sentence. */
static int expand_class(const ng_rules *rs, ng_rule *r, int words, ng_buf *out, const char *s, size_t n, ng_error *err)
{
	ng_word_class *c = find_class(rs, s, n);
	if (!c)
		return ng_fail(err, NG_EINVAL, r->file, r->line, "unknown word class '@%.*s' (a 'words' line defines it)",
		               (int)n, s);
	const ng_buf *b = words ? &c->forms : &c->lemmas;
	return ng_buf_adds(out, "(?:") || ng_buf_add(out, b->s, b->len) || ng_buf_addc(out, ')') ? NG_ENOMEM : 0;
}

/* Expands slots, classes (every form in a pattern over words, the lemmas
 * in a path) and the gap `...` (a few words that cross no mention). */
static int expand(const ng_rules *rs, ng_rule *r, int words, ng_buf *out, const char *pat, const char *file, int line,
                  ng_error *err)
{
	for (const char *p = pat; *p;) {
		if (p[0] == '\\' && p[1]) {
			if (ng_buf_add(out, p, 2))
				return NG_ENOMEM;
			p += 2;
		} else if (p[0] == '{' && p[1] == '@' && strchr(p, '}')) {
			const char *c = strchr(p, '}');
			int rc = expand_class(rs, r, words, out, p + 2, (size_t)(c - p - 2), err);
			if (rc)
				return rc;
			p = c + 1;
		} else if (*p == '{' && (isalpha((unsigned char)p[1]) || p[1] == '_') && strchr(p, '}') &&
		           memchr(p, ':', (size_t)(strchr(p, '}') - p))) {
			const char *c = strchr(p, '}');
			int rc = expand_slot(r, out, p + 1, (size_t)(c - p - 1), file, line, err);
			if (rc)
				return rc;
			p = c + 1;
		} else if (strncmp(p, "...", 3) == 0) {
			/* a gap: text crossing no actor (places, agreements and
			 * parenthesised mentions may stand in it) */
			if (ng_buf_adds(out, "(?:[^<>.;:]|\\((?:the )?<[a-z]+#\\d+>\\)|<(?:agreement|location)#\\d+>){0,60}?"))
				return NG_ENOMEM;
			p += 3;
		} else if (p[0] == '~' && (p[1] == 'A' || p[1] == 'P') && !isalnum((unsigned char)p[2])) {
			/* ~A: the next verb is active (not after a form of "be");
			 * ~P: a passive auxiliary ("was", "has been", "will be") */
			const char *x = p[1] == 'A' ? "(?<!\\bwas |\\bwere |\\bbeen |\\bbeing |\\bis |\\bare |\\bbe )"
			                            : "(?:was|were|has been|have been|had been|is|are|be|being|will be|would be|to be|not be|not been) (?:\\w+ly )?(?:not )?";
			if (ng_buf_adds(out, x))
				return NG_ENOMEM;
			p += 2;
		} else if (p[0] == '~' && isdigit((unsigned char)p[1])) {
			/* ~N: up to N words that are not mentions */
			char *end;
			long n = strtol(p + 1, &end, 10);
			if (ng_buf_printf(out, "(?:[^\\s<>;:]+ ){0,%ld}?", n))
				return NG_ENOMEM;
			p = end;
		} else {
			if (ng_buf_addc(out, *p))
				return NG_ENOMEM;
			p++;
		}
	}
	return 0;
}

static int compile_pattern(ng_rules *rs, ng_rule *r, const char *src, const char *what, int words, pcre2_code **out,
                           ng_error *err)
{
	ng_buf x = {0};
	int rc = expand(rs, r, words, &x, src, r->file, r->line, err);
	if (rc) {
		ng_buf_free(&x);
		return rc;
	}
	int ec;
	PCRE2_SIZE off;
	*out = pcre2_compile((PCRE2_SPTR)x.s, x.len, PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_DUPNAMES, &ec, &off, NULL);
	ng_buf_free(&x);
	if (!*out) {
		PCRE2_UCHAR msg[200];
		pcre2_get_error_message(ec, msg, sizeof msg);
		return ng_fail(err, NG_EINVAL, r->file, r->line, "rule %s: bad %s: %s", r->id, what, (char *)msg);
	}
	return 0;
}

static int finish_rule(ng_rules *rs, ng_rule *r, const char *pattern, ng_error *err)
{
	if (r->rel == NG_NRELATIONS)
		return ng_fail(err, NG_EINVAL, r->file, r->line, "rule %s has no relation", r->id);
	if (!pattern)
		return ng_fail(err, NG_EINVAL, r->file, r->line, "rule %s has no pattern or path", r->id);
	if (!r->ntriggers && !r->always)
		return ng_fail(err, NG_EINVAL, r->file, r->line, "rule %s has no triggers", r->id);
	if (r->where_src && !r->on_path)
		return ng_fail(err, NG_EINVAL, r->file, r->line, "rule %s: 'where' is for path rules", r->id);
	int rc = compile_pattern(rs, r, pattern, "pattern", !r->on_path, &r->re, err);
	if (!rc && r->where_src)
		rc = compile_pattern(rs, r, r->where_src, "where", 1, &r->where, err);
	if (rc)
		return rc;
	uint32_t dummy;
	int has_s = pcre2_substring_number_from_name(r->re, (PCRE2_SPTR) "S") >= 0;
	int has_t = pcre2_substring_number_from_name(r->re, (PCRE2_SPTR) "T") >= 0;
	if (pcre2_pattern_info(r->re, PCRE2_INFO_NAMECOUNT, &dummy) == 0 && r->home && (has_s || !has_t || r->on_path))
		return ng_fail(err, NG_EINVAL, r->file, r->line,
		               "rule %s: a rule with 'source home' needs a pattern with a target {T:...} and no source", r->id);
	int has_p = pcre2_substring_number_from_name(r->re, (PCRE2_SPTR) "P") >= 0;
	if (has_p && (has_s || has_t || r->home || r->on_path || !ng_relation_get(r->rel)->symmetric))
		return ng_fail(err, NG_EINVAL, r->file, r->line,
		               "rule %s: a pairs slot {P+:...} is for a symmetric relation's pattern, with no other slot", r->id);
	if (pcre2_pattern_info(r->re, PCRE2_INFO_NAMECOUNT, &dummy) == 0 && !r->home && !has_p && (!has_s || !has_t))
		return ng_fail(err, NG_EINVAL, r->file, r->line, "rule %s: pattern needs a source {S:...} and a target {T:...}",
		               r->id);
	pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE);
	if (r->where)
		pcre2_jit_compile(r->where, PCRE2_JIT_COMPLETE);
	return 0;
}

/* "rule ID": a new rule with the defaults. */
static int start_rule(ng_rules *rs, const char *s, const char *name, int ln, ng_rule **cur, ng_error *err)
{
	if (strncmp(s, "rule ", 5) != 0)
		return ng_fail(err, NG_EINVAL, name, ln, "expected 'rule ID', found '%.40s'", s);
	const char *id = s + 5;
	void **seen = ng_map_put(&rs->ids, id, strlen(id));
	if (!seen)
		return NG_ENOMEM;
	/* a file that failed took its rules back: their ids are free again */
	size_t at = (uintptr_t)*seen;
	if (at && at <= rs->n && strcmp(rs->r[at - 1].id, id) == 0)
		return ng_fail(err, NG_EINVAL, name, ln, "rule %s is already defined at %s:%d", id, rs->r[at - 1].file,
		               rs->r[at - 1].line);
	ng_rule *r = NG_PUSH(rs->r, rs->n, rs->cap);
	if (!r)
		return NG_ENOMEM;
	*seen = (void *)(uintptr_t)rs->n;
	memset(r, 0, sizeof *r);
	r->rel = NG_NRELATIONS; /* none yet */
	r->modality = -1;
	r->confidence = 0.7;
	r->id = ng_strdup(s + 5);
	r->file = ng_strdup(name);
	r->line = ln;
	*cur = r;
	return r->id && r->file ? 0 : NG_ENOMEM;
}

static int add_trigger(ng_rule *cur, const char *t)
{
	ng_buf nb = {0};
	char **slot = NG_PUSH(cur->triggers, cur->ntriggers, cur->ctriggers);
	if (!slot)
		return NG_ENOMEM;
	int r = ng_norm_append(&nb, t, strlen(t));
	*slot = nb.s; /* the rule owns it, even half made */
	return r ? NG_ENOMEM : 0;
}

/* One indented line of a rule: "KEY value". */
static int rule_field(const ng_rules *rs, ng_rule *cur, char *s, char **pattern, const char *name, int ln,
                      ng_error *err)
{
	char *sp = s;
	while (*sp && !isspace((unsigned char)*sp))
		sp++;
	size_t kl = (size_t)(sp - s);
	while (isspace((unsigned char)*sp))
		sp++;
	if (kl == 8 && strncmp(s, "relation", 8) == 0) {
		int rel = ng_relation_parse(sp, strlen(sp));
		cur->rel = rel < 0 ? NG_NRELATIONS : (ng_relation)rel;
		if (rel < 0)
			return ng_fail(err, NG_EINVAL, name, ln, "unknown relation '%s'", sp);
	} else if (kl == 8 && strncmp(s, "triggers", 8) == 0) {
		for (char *t = strtok(sp, " \t"); t; t = strtok(NULL, " \t")) {
			if (strcmp(t, "*") == 0) {
				cur->always = 1;
				continue;
			}
			if (t[0] != '@') {
				if (add_trigger(cur, t))
					return NG_ENOMEM;
				continue;
			}
			const ng_word_class *c = find_class(rs, t + 1, strlen(t + 1));
			if (!c)
				return ng_fail(err, NG_EINVAL, name, ln, "unknown word class '%s' (a 'words' line defines it)", t);
			for (size_t k = 0; k < c->nwords; k++)
				if (add_trigger(cur, c->words[k]))
					return NG_ENOMEM;
		}
	} else if ((kl == 7 && strncmp(s, "pattern", 7) == 0) || (kl == 4 && strncmp(s, "path", 4) == 0)) {
		if (*pattern)
			return ng_fail(err, NG_EINVAL, name, ln, "rule %s has two patterns", cur->id);
		cur->on_path = kl == 4;
		if (!(*pattern = ng_strdup(sp)))
			return NG_ENOMEM;
	} else if (kl == 5 && strncmp(s, "where", 5) == 0) {
		if (cur->where_src)
			return ng_fail(err, NG_EINVAL, name, ln, "rule %s has two 'where' lines", cur->id);
		if (!(cur->where_src = ng_strdup(sp)))
			return NG_ENOMEM;
	} else if (kl == 6 && strncmp(s, "source", 6) == 0) {
		if (strcmp(sp, "home") != 0)
			return ng_fail(err, NG_EINVAL, name, ln, "unknown source '%s' (the one source is 'home')", sp);
		cur->home = 1;
	} else if (kl == 10 && strncmp(s, "confidence", 10) == 0) {
		char *end;
		cur->confidence = strtod(sp, &end);
		if (end == sp || *end || cur->confidence <= 0 || cur->confidence > 1)
			return ng_fail(err, NG_EINVAL, name, ln, "confidence must be a number in (0, 1]");
	} else if (kl == 8 && strncmp(s, "modality", 8) == 0) {
		cur->modality = ng_modality_parse(sp, strlen(sp));
		if (cur->modality < 0)
			return ng_fail(err, NG_EINVAL, name, ln, "unknown modality '%s'", sp);
	} else
		return ng_fail(err, NG_EINVAL, name, ln, "unknown rule field '%.*s'", (int)kl, s);
	return 0;
}

static int class_add(ng_rules *rs, ng_word_class *c, const char *lemma, const char *w)
{
	/* words stand in patterns as they are: letters, '-' and '\'' only */
	for (const char *p = w; *p; p++)
		if (!isalpha((unsigned char)*p) && *p != '-' && *p != '\'')
			return NG_EINVAL;
	char **slot = NG_PUSH(c->words, c->nwords, c->cwords);
	if (!slot || !(*slot = ng_strdup(w)))
		return NG_ENOMEM;
	const char *l = ng_map_intern(&rs->lemmas, lemma);
	void **known = l ? ng_map_put(&rs->lemma_of, w, strlen(w)) : NULL;
	if (!known)
		return NG_ENOMEM;
	*known = (void *)l;
	return (c->forms.len && ng_buf_addc(&c->forms, '|')) || ng_buf_adds(&c->forms, w) ? NG_ENOMEM : 0;
}

/* "words CLASS CAMEO LEMMA FORM...": one lemma of a trigger class. */
static int add_words(ng_rules *rs, char *s, const char *name, int ln, ng_error *err)
{
	char *cls = strtok(s, " \t"), *code = strtok(NULL, " \t"), *lemma = strtok(NULL, " \t");
	if (!lemma)
		return ng_fail(err, NG_EINVAL, name, ln, "expected 'words CLASS CAMEO LEMMA FORM...'");
	size_t cl = strlen(code);
	if (strspn(code, "0123456789") != cl || cl < 2 || cl > 4)
		return ng_fail(err, NG_EINVAL, name, ln, "'%s' is not a CAMEO code (2 to 4 digits)", code);
	void **slot = ng_map_put(&rs->classes, cls, strlen(cls));
	if (!slot)
		return NG_ENOMEM;
	ng_word_class *c = *slot;
	if (!c) {
		ng_word_class **p = NG_PUSH(rs->wc, rs->nwc, rs->cwc);
		if (!p || !(c = calloc(1, sizeof *c)))
			return NG_ENOMEM;
		*p = c;
		*slot = c;
	}
	if ((c->lemmas.len && ng_buf_addc(&c->lemmas, '|')) || ng_buf_adds(&c->lemmas, lemma))
		return NG_ENOMEM;
	for (char *w = lemma; w; w = strtok(NULL, " \t")) {
		int rc = class_add(rs, c, lemma, w);
		if (rc == NG_EINVAL)
			return ng_fail(err, rc, name, ln, "word '%s' must be letters, '-' or an apostrophe", w);
		if (rc)
			return rc;
	}
	return 0;
}

int ng_rules_load(ng_rules *rs, const char *name, const char *data, size_t len, ng_error *err)
{
	int rc = ng_text_check(data, len, name, err);
	if (rc)
		return rc;
	ng_buf line = {0};
	char *pattern = NULL;
	ng_rule *cur = NULL;
	size_t n0 = rs->n;
	int ln = 0;
	for (size_t p = 0; p <= len && !rc;) {
		const char *nl = p < len ? memchr(data + p, '\n', len - p) : NULL;
		size_t e = nl ? (size_t)(nl - data) : len;
		int eof = p >= len;
		line.len = 0;
		if (!eof && ng_buf_add(&line, data + p, e - p)) {
			rc = NG_ENOMEM;
			break;
		}
		if (!eof)
			ln++;
		/* a last line without '\n' still leads to the end-of-file pass,
		 * which finishes (checks and compiles) the last rule */
		p = nl ? e + 1 : len;
		char *s = eof ? "" : line.s;
		size_t l = strlen(s);
		while (l && isspace((unsigned char)s[l - 1]))
			s[--l] = 0;
		int indented = isspace((unsigned char)s[0]);
		while (isspace((unsigned char)*s))
			s++;
		if (*s == '#' || (!*s && !eof))
			continue;
		if (!eof && indented) {
			rc = cur ? rule_field(rs, cur, s, &pattern, name, ln, err)
			         : ng_fail(err, NG_EINVAL, name, ln, "indented line outside a rule");
			continue;
		}
		if (cur) {
			rc = finish_rule(rs, cur, pattern, err);
			free(pattern);
			pattern = NULL;
			cur = NULL;
		}
		if (!rc && !eof)
			rc = strncmp(s, "words ", 6) == 0 ? add_words(rs, s + 6, name, ln, err)
			                                  : start_rule(rs, s, name, ln, &cur, err);
		if (eof)
			break;
	}
	if (rc == NG_ENOMEM)
		ng_fail(err, rc, NULL, 0, "out of memory");
	/* A bad file adds nothing: its half-read rules (no compiled pattern)
	 * would crash a later match. */
	while (rc && rs->n > n0)
		free_rule(&rs->r[--rs->n]);
	free(pattern);
	ng_buf_free(&line);
	return rc;
}

static void free_lists(ng_rules *rs)
{
	for (size_t i = 0; i < rs->nlists; i++) {
		free(rs->lists[i]->v);
		free(rs->lists[i]);
	}
	free(rs->lists);
	rs->lists = NULL;
	rs->nlists = rs->clists = 0;
	ng_map_free(&rs->index);
}

int ng_rules_index(ng_rules *rs, ng_error *err)
{
	free_lists(rs);
	for (size_t i = 0; i < rs->n; i++) {
		for (size_t k = 0; k < rs->r[i].ntriggers; k++) {
			const char *t = rs->r[i].triggers[k];
			void **slot = ng_map_put(&rs->index, t, strlen(t));
			if (!slot)
				return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
			ng_rule_list *l = *slot;
			if (!l) {
				ng_rule_list **p = NG_PUSH(rs->lists, rs->nlists, rs->clists);
				if (!p || !(l = calloc(1, sizeof *l)))
					return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
				*p = l;
				*slot = l;
			}
			if (l->n && l->v[l->n - 1] == (int)i)
				continue;
			int *v = NG_PUSH(l->v, l->n, l->cap);
			if (!v)
				return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
			*v = (int)i;
		}
	}
	return 0;
}

const ng_rule_list *ng_rules_for(const ng_rules *rs, const char *word)
{
	return ng_map_get(&rs->index, word, strlen(word));
}

int ng_rules_load_embedded(ng_rules *rs, ng_error *err)
{
	for (const ng_embedded *e = ng_embedded_rules; e->name; e++) {
		int rc = ng_rules_load(rs, e->name, (const char *)e->data, e->len, err);
		if (rc)
			return rc;
	}
	return 0;
}
