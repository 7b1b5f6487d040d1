/* Entities: what a wire dateline means for the mentions. Input: the
 * mentions of an article whose text opens with a dateline. Output: the
 * same mentions with the place read as a location where the story was
 * filed (not a government acting in it) and the agency left out: it is the
 * outlet, not an actor of the story. */
#include "entities/dateline.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

/* A place the knowledge base does not know ("SALVADOR") is still the
 * place the story was filed from: a location mention over its tokens. */
static int add_place(const ng_dateline *dl, const ng_doc *doc, ng_ents *x)
{
	size_t tb = 0, at = 0;
	while (tb < doc->ntoks && doc->toks[tb].start < dl->place_start)
		tb++;
	size_t te = tb;
	while (te < doc->ntoks && doc->toks[te].end <= dl->place_end)
		te++;
	if (te == tb || doc->toks[tb].start != dl->place_start)
		return 0;
	ng_mention *slot = NG_PUSH(x->m, x->n, x->cap);
	if (!slot)
		return NG_ENOMEM;
	while (at < x->n - 1 && x->m[at].start < dl->place_start)
		at++;
	memmove(&x->m[at + 1], &x->m[at], (x->n - 1 - at) * sizeof *x->m);
	ng_mention *m = &x->m[at];
	memset(m, 0, sizeof *m);
	m->tb = (uint32_t)tb;
	m->te = (uint32_t)te;
	m->start = (uint32_t)dl->place_start;
	m->end = doc->toks[te - 1].end;
	m->sent = doc->toks[tb].sent;
	m->type = NG_LOCATION;
	m->kind = NG_NAME;
	m->entry = m->title_rel = m->title_of = m->title_of2 = m->entity = m->entity2 = -1;
	for (size_t i = 0; i < x->n; i++) {
		ng_mention *o = &x->m[i];
		o->title_of += o->title_of >= (int)at;
		o->title_of2 += o->title_of2 >= (int)at;
	}
	return 0;
}

int ng_dateline_mentions(const ng_dateline *dl, const ng_doc *doc, ng_ents *x)
{
	int placed = 0;
	int *map = malloc((x->n + 1) * sizeof *map);
	size_t w = 0;
	for (size_t i = 0; i < x->n; i++) {
		ng_mention *m = &x->m[i];
		if (m->start >= dl->place_start && m->end <= dl->place_end) {
			placed = 1;
			m->metonym = 0;
			m->unsure = 0;
			if (m->type != NG_LOCATION && m->type != NG_STATE) {
				m->type = NG_LOCATION;
				m->entry = -1;
			}
		}
		int agency = dl->agency_end && m->start >= dl->agency_start && m->end <= dl->agency_end;
		if (agency && map) {
			free(m->name);
			map[i] = -1;
			continue;
		}
		if (map)
			map[i] = (int)w;
		x->m[w++] = *m;
	}
	if (!map)
		return NG_ENOMEM;
	x->n = w;
	/* Titles point at mentions by index. */
	for (size_t i = 0; i < x->n; i++) {
		ng_mention *m = &x->m[i];
		if (m->title_of >= 0)
			m->title_of = map[m->title_of];
		if (m->title_of2 >= 0)
			m->title_of2 = map[m->title_of2];
	}
	free(map);
	return placed ? 0 : add_place(dl, doc, x);
}
