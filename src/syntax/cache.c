/* Syntax layer: one parse per sentence and article (see cache.h). */
#include "syntax/cache.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

/* One sentence: n words, then upos, heads and deprels in one block; n is
 * 0 until the sentence is parsed. */
typedef struct parsed {
	size_t n;
	int *v;
} parsed;

struct ng_parse_cache {
	const ng_tagger *tagger;
	const ng_parser *parser;
	parsed *s;
	size_t nsents;
};

ng_parse_cache *ng_parse_cache_new(const ng_tagger *tg, const ng_parser *ps, size_t nsents)
{
	ng_parse_cache *c = calloc(1, sizeof *c);
	if (c && !(c->s = calloc(nsents + 1, sizeof *c->s))) {
		free(c);
		return NULL;
	}
	if (c) {
		c->tagger = tg;
		c->parser = ps;
		c->nsents = nsents;
	}
	return c;
}

void ng_parse_cache_free(ng_parse_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nsents; i++)
		free(c->s[i].v);
	free(c->s);
	free(c);
}

const ng_parser *ng_parse_cache_parser(const ng_parse_cache *c)
{
	return c->parser;
}

const ng_tagger *ng_parse_cache_tagger(const ng_parse_cache *c)
{
	return c->tagger;
}

int ng_parse_cache_get(ng_parse_cache *c, size_t si, const char *const *forms, size_t n, int *upos, int *heads,
                       int *deprels, ng_error *err)
{
	parsed *p = si < c->nsents ? &c->s[si] : NULL;
	/* the same sentence is cut into the same words by every stage; a
	 * count that differs is parsed afresh rather than trusted */
	if (p && p->n == n && n) {
		memcpy(upos, p->v, n * sizeof *upos);
		memcpy(heads, p->v + n, n * sizeof *heads);
		memcpy(deprels, p->v + 2 * n, n * sizeof *deprels);
		return 0;
	}
	int rc = ng_tagger_tag(c->tagger, forms, n, upos, err);
	if (!rc)
		rc = ng_parser_parse(c->parser, forms, upos, n, heads, deprels, err);
	if (rc || !p || !n)
		return rc;
	int *v = malloc(3 * n * sizeof *v);
	if (!v)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	memcpy(v, upos, n * sizeof *v);
	memcpy(v + n, heads, n * sizeof *v);
	memcpy(v + 2 * n, deprels, n * sizeof *v);
	free(p->v);
	p->v = v;
	p->n = n;
	return 0;
}
