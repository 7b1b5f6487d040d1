/* Relations, part 2: running rules and structural mechanisms over each
 * sentence. Input: the doc, linked mentions, compiled rules. Output: typed
 * relations between entities, each with its evidence. */
#ifndef NG_RELATE_H
#define NG_RELATE_H

#include "entities/lexicon.h"
#include "relations/modality.h"
#include "entities/ner.h"
#include "relations/rules.h"
#include "relations/trace.h"
#include "syntax/cache.h"

typedef struct ng_rel {
	int src, tgt; /* entity indexes */
	ng_relation rel;
	uint32_t sent;
	ng_modality modality;
	int negated;
	double conf;
	const char *rule; /* borrowed: the rule's id */
	char trigger[48];
	char date[16];
	char *attrs; /* "key=value" records separated by \x1f, or NULL (owned) */
} ng_rel;

typedef struct ng_rels {
	ng_rel *r;
	size_t n, cap;
} ng_rels;

/* Finds the relations of a linked doc: surface rules over the placeholder
 * sentence, then path rules over the parse of each sentence where one may
 * fire (parsed through pc, the article's parse cache; none without it). With `trace`, also records each sentence's readings and the rules
 * that fired (without, nothing is spent on it). */
int ng_relate(const ng_rules *rs, const ng_lexicon *lx, ng_parse_cache *pc, const ng_doc *d, const ng_ents *x,
              const char *article_date, ng_rels *out, ng_trace *trace, ng_error *err);
void ng_rels_free(ng_rels *r);

#endif
