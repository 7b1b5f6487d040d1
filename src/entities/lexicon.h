/* Entities, part 1: the lexicon. Input: knowledge-base files (embedded from
 * src/kb/ and user files), one entry or cue per line. Output: entries and a
 * token trie that finds every known surface form in one pass, longest first. */
#ifndef NG_LEXICON_H
#define NG_LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/error.h"
#include "newsgraph/schema.h"
#include "text/doc.h"
#include "util/util.h"

typedef struct ng_entry {
	char *id, *name;
	ng_type type;
	char *gov, *in, *part_of, *leads, *works_for, *role, *iso3166, *wikidata;
} ng_entry;

/* What a surface form is. */
enum {
	NG_V_NAME,  /* a name or alias of an entry */
	NG_V_ADJ,   /* a demonym or adjective of an entry */
	NG_V_TITLE, /* a person's title; `rel` leads/works_for/-1 */
	NG_V_HEAD,  /* a head word naming a kind of body: `type` */
	NG_V_WORD   /* a cue word of a class (see ng_lex_class) */
};

typedef struct ng_value {
	int kind;
	int entry; /* NG_V_NAME, NG_V_ADJ: entry index */
	int arg;   /* NG_V_TITLE: relation; NG_V_HEAD: entity type; NG_V_WORD: class */
	uint8_t acronym; /* written in capitals: matches only capitals */
	uint8_t lower;   /* written in lower case: matches any case */
} ng_value;

typedef struct ng_trie_node {
	uint32_t vals, nvals; /* range in lexicon->vals */
	uint32_t first_val_added;
} ng_trie_node;

typedef struct ng_lexicon {
	ng_entry *entries;
	size_t nentries, centries;
	ng_map ids;   /* id -> entry index + 1 */
	ng_map words; /* normalised token -> word id (from 1) */
	size_t nwords;
	uint8_t *wclass; /* per word id: bit c set when the word alone is of cue class c */
	size_t cwclass;
	struct ng_trie_edge {
		uint64_t key; /* node << 32 | word id; 0: empty */
		uint32_t child;
	} *tab;
	size_t ntab, ctab;
	size_t nnodes;
	/* values per trie node, as a linked list through `next` */
	struct ng_vlist {
		ng_value v;
		uint32_t node;
		int32_t next;
	} *vals;
	size_t nvals, cvals;
	int32_t *head; /* per node: first value index or -1 */
	size_t chead;
	uint8_t *kinds; /* per node: bit k set when it holds a value of kind k */
	size_t ckinds;
} ng_lexicon;

int ng_lexicon_init(ng_lexicon *lx);
void ng_lexicon_free(ng_lexicon *lx);

/* Parses one file of entries and cues; errors name `name` and the line. */
int ng_lexicon_load(ng_lexicon *lx, const char *name, const char *data, size_t len, ng_error *err);

/* Loads every embedded knowledge-base file. */
int ng_lexicon_load_embedded(ng_lexicon *lx, ng_error *err);

/* Word ids: each distinct normalised token of the trie has one, from 1; 0
 * is a word the lexicon does not know. */
uint32_t ng_lexicon_wid(const ng_lexicon *lx, const char *norm);
/* Fills doc->wid, every token's word id: the one hash lookup per token
 * that every later trie step and cue test reuses. */
int ng_lexicon_tag(const ng_lexicon *lx, ng_doc *doc);
/* One trie step by word id: the child or 0. */
uint32_t ng_lexicon_next(const ng_lexicon *lx, uint32_t node, uint32_t wid);

/* Longest match starting at token `i` of a tagged doc (not past `end`):
 * returns the number of tokens matched (0: none) and the trie node in
 * *node. */
size_t ng_lexicon_match(const ng_lexicon *lx, const ng_doc *doc, size_t i, size_t end, uint32_t *node);

/* Iterates the values of a trie node: start with it = -2. Returns NULL at
 * the end. */
const ng_value *ng_lexicon_values(const ng_lexicon *lx, uint32_t node, int32_t *it);

/* One trie step from `node` over a normalised token: the child or 0. */
uint32_t ng_lexicon_step(const ng_lexicon *lx, uint32_t node, const char *norm);

/* Looks a single normalised word up: returns the trie node or 0. */
uint32_t ng_lexicon_word(const ng_lexicon *lx, const char *norm);

const ng_entry *ng_lexicon_entry(const ng_lexicon *lx, const char *id);

/* Cue word classes (file lines `word|CLASS|form`). */
enum {
	NG_W_PERSON_CUE, /* said, told, who: a capitalised word before it is a person */
	NG_W_NOT_NAME,   /* capitalised words that are not names (Monday, The) */
	NG_W_CONNECTOR,  /* of, for, and inside organization names */
	NG_W_TITLE_COMPLEMENT, /* Affairs, State, Defense after a title */
	NG_W_COMMON,     /* common English words (not names on their own) */
	NG_W_GOV_TITLE,  /* title words of a state's office */
	NG_W_NCLASSES
};
_Static_assert(NG_W_NCLASSES <= 8, "cue classes are bits of a byte");
int ng_lexicon_is(const ng_lexicon *lx, const char *norm, int cls);
static inline int ng_lexicon_is_wid(const ng_lexicon *lx, uint32_t wid, int cls)
{
	return wid && (lx->wclass[wid] >> cls & 1);
}

/* Text-layer options that consult this lexicon's common words. */
ng_text_opts ng_lexicon_text_opts(const ng_lexicon *lx);

#endif
