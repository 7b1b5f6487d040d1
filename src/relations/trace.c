/* Relations, part 3: the trace of the engine. Input: readings and rule
 * matches as ng_relate finds them. Output: the read-only ng_trace that
 * explain prints. Rules are kept in one array in the order they fired, each
 * reading taking the run after its own start, so that recording a rule is
 * one push. */
#include "relations/trace.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

struct ng_trace {
	ng_trace_sentence *s;
	size_t n, cap;
	ng_trace_rule *r;
	size_t nr, rcap;
	ng_trace_link *l;
	size_t nl, lcap;
};

int ng_trace_new(ng_trace **out)
{
	*out = calloc(1, sizeof **out);
	return *out ? 0 : NG_ENOMEM;
}

void ng_trace_free(ng_trace *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		free((void *)t->s[i].form);
	for (size_t i = 0; i < t->nr; i++) {
		const ng_trace_rule *r = &t->r[i];
		free((void *)r->rule);
		free((void *)r->source);
		free((void *)r->source_name);
		free((void *)r->target);
		free((void *)r->target_name);
	}
	for (size_t i = 0; i < t->nl; i++) {
		free((void *)t->l[i].text);
		free((void *)t->l[i].node);
		free((void *)t->l[i].node2);
	}
	free(t->s);
	free(t->r);
	free(t->l);
	free(t);
}

int ng_trace_add_reading(ng_trace *t, size_t sent, int kind, const char *form)
{
	char *copy = ng_strdup(form);
	ng_trace_sentence *s = copy ? NG_PUSH(t->s, t->n, t->cap) : NULL;
	if (!s) {
		free(copy);
		return NG_ENOMEM;
	}
	*s = (ng_trace_sentence){sent, kind == 1, kind == 2, copy, NULL, 0, NULL, 0, kind == 3};
	return 0;
}

int ng_trace_add_rule(ng_trace *t, const char *rule, const ng_entity *src, ng_relation rel, const ng_entity *tgt,
                      size_t start, size_t end, ng_modality modality, int negated)
{
	ng_trace_rule *r = NG_PUSH(t->r, t->nr, t->rcap);
	if (!r)
		return NG_ENOMEM;
	*r = (ng_trace_rule){ng_strdup(rule), ng_strdup(src->id), ng_strdup(src->name), rel,
	                     ng_strdup(tgt->id), ng_strdup(tgt->name), start, end, modality, negated};
	/* kept even when a copy failed: ng_trace_free frees what there is */
	if (!r->rule || !r->source || !r->source_name || !r->target || !r->target_name)
		return NG_ENOMEM;
	t->s[t->n - 1].nrules++;
	return 0;
}

int ng_trace_add_link(ng_trace *t, size_t mention, const char *text, size_t len, const char *pass, long ante,
                      const char *node, const char *node2)
{
	ng_trace_link *l = NG_PUSH(t->l, t->nl, t->lcap);
	if (!l)
		return NG_ENOMEM;
	*l = (ng_trace_link){mention, ng_strndup(text, len), pass, ante, ng_strdup(node), node2 ? ng_strdup(node2) : NULL};
	/* kept even when a copy failed: ng_trace_free frees what there is */
	if (!l->text || !l->node || (node2 && !l->node2))
		return NG_ENOMEM;
	t->s[t->n - 1].nlinks++;
	return 0;
}

void ng_trace_finish(ng_trace *t)
{
	size_t first = 0, firstl = 0;
	for (size_t i = 0; i < t->n; i++) {
		t->s[i].rules = t->s[i].nrules ? &t->r[first] : NULL;
		first += t->s[i].nrules;
		t->s[i].links = t->s[i].nlinks ? &t->l[firstl] : NULL;
		firstl += t->s[i].nlinks;
	}
}

size_t ng_trace_count(const ng_trace *t)
{
	return t ? t->n : 0;
}

const ng_trace_sentence *ng_trace_get(const ng_trace *t, size_t i)
{
	return t && i < t->n ? &t->s[i] : NULL;
}
