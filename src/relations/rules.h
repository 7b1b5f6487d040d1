/* Relations, part 1: rules. Input: rule files (the .rules files under src/rules, user
 * files). Output: compiled pcre2 patterns indexed by trigger word. See the
 * README for the rule language. */
#ifndef NG_RULES_H
#define NG_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include "newsgraph/error.h"
#include "newsgraph/schema.h"
#include "util/util.h"

typedef struct ng_rule {
	char *id;
	ng_relation rel;
	double confidence;
	char **triggers;
	size_t ntriggers, ctriggers;
	int always;        /* runs on every sentence */
	int modality;      /* fixed modality, or -1: from the clause */
	int on_path;       /* matches dependency paths (paths.h), not the sentence */
	int home;          /* "source home": the source is the target's home state */
	unsigned smask, tmask; /* the entity types its source and target slots take (bit 1u << type) */
	pcre2_code *re;
	char *where_src;   /* a path rule's surface gate, as written; compiled into where */
	pcre2_code *where; /* or NULL */
	char *file;
	int line;
} ng_rule;

/* A trigger class of the lexicon ("words CLASS CAMEO LEMMA FORM..."). */
typedef struct ng_word_class {
	ng_buf lemmas; /* "attack|bomb|...": paths */
	ng_buf forms;  /* every lemma and form, "attack|attacked|...": sentences */
	char **words;  /* the same, one by one: triggers */
	size_t nwords, cwords;
} ng_word_class;

typedef struct ng_rules {
	ng_rule *r;
	size_t n, cap;
	ng_map classes; /* class name -> ng_word_class */
	ng_map lemma_of; /* a class word's form -> its lemma (a key of lemmas) */
	ng_map lemmas;
	ng_word_class **wc;
	size_t nwc, cwc;
	ng_map ids; /* rule id -> its index + 1, so that an id is defined once */
	ng_map index; /* trigger word -> ng_rule_list */
	struct ng_rule_list **lists;
	size_t nlists, clists;
	pcre2_match_context *mctx;
	pcre2_code *appos; /* an apposition after a mention: ", the world's largest oil company," */
} ng_rules;

int ng_rules_init(ng_rules *rs);
void ng_rules_free(ng_rules *rs);
int ng_rules_load(ng_rules *rs, const char *name, const char *data, size_t len, ng_error *err);
int ng_rules_load_embedded(ng_rules *rs, ng_error *err);
/* Builds the trigger index; call after loading every file. */
int ng_rules_index(ng_rules *rs, ng_error *err);
typedef struct ng_rule_list {
	int *v;
	size_t n, cap;
} ng_rule_list;

/* Rules whose triggers include the normalised word, or NULL. */
const ng_rule_list *ng_rules_for(const ng_rules *rs, const char *word);

/* Match limits: bound the time any pattern may take on any sentence. */
#define NG_MATCH_LIMIT 200000
#define NG_DEPTH_LIMIT 5000

#endif
