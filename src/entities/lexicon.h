/* Entities, part 1: the lexicon. Input: knowledge-base files (embedded from
 * src/kb/ and user files), one entry or cue per line. Output: entries and a
 * token trie that finds every known surface form in one pass, longest first. */
#ifndef NG_LEXICON_H
#define NG_LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/error.h"
#include "newsgraph/schema.h"
#include "text/text.h"
#include "util/util.h"

/* A day as the number YYYYMMDD; NG_DAY_NONE: no date known. Open ends of
 * a period are NG_DAY_MIN and NG_DAY_MAX. */
#define NG_DAY_NONE 0
#define NG_DAY_MIN 1
#define NG_DAY_MAX 99991231

/* A tie of an entry that holds for a period: a government seat (gov=) or a
 * person's office (leads=, works_for=, with role=), and when it held
 * (from=, to=): "President Bush" is a different man in 1990 and 2005. */
enum { NG_TIE_GOV, NG_TIE_LEADS, NG_TIE_WORKS_FOR };
typedef struct ng_tie {
	int attr;          /* NG_TIE_* */
	char *target;      /* an id */
	char *role;        /* a person's title, or NULL */
	int32_t from, to;  /* the days it held, both included */
	int dated;         /* from= or to= given */
} ng_tie;

typedef struct ng_entry {
	char *id, *name;
	ng_type type;
	/* the ties as the undated text reads them: the last gov=, in=, ...,
	 * and the last office (leads= or works_for=, the other NULL) */
	char *gov, *in, *part_of, *leads, *works_for, *role, *iso3166, *wikidata;
	int32_t from, to; /* the entry's own period (a state that ended) */
	ng_tie *ties;
	size_t nties, cties;
} ng_entry;

/* What a surface form is. */
enum {
	NG_V_NAME,  /* a name or alias of an entry */
	NG_V_ADJ,   /* a demonym or adjective of an entry */
	NG_V_TITLE, /* a person's title; `rel` leads/works_for/-1 */
	NG_V_HEAD,  /* a head word naming a kind of body: `type` */
	NG_V_WORD   /* a cue word of a class (NG_W_*) */
};

typedef struct ng_value {
	int kind;
	int entry; /* NG_V_NAME, NG_V_ADJ: entry index */
	int arg;   /* NG_V_TITLE: relation; NG_V_HEAD: entity type; NG_V_WORD: class */
	uint8_t acronym; /* written in capitals: matches only capitals */
	uint8_t lower;   /* written in lower case: matches any case */
} ng_value;

/* Cue word classes (file lines `word|CLASS|form`, see kb/README.md), in
 * the order of the class table in lexicon.c. */
enum {
	NG_W_PERSON_CUE, /* said, told, who: a capitalised word before it is a person */
	NG_W_NOT_NAME,   /* capitalised words that are not names (The, Reuters) */
	NG_W_CONNECTOR,  /* of, for, and inside organization names */
	NG_W_TITLE_COMPLEMENT, /* Affairs, State, Defense after a title */
	NG_W_COMMON,     /* common English words (not names on their own) */
	NG_W_GOV_TITLE,  /* title words of a state's office */
	/* the calendar */
	NG_W_MONTH,      /* =N: month names */
	NG_W_MONTH_ABBR, /* =N: their abbreviations */
	NG_W_WEEKDAY,
	NG_W_NUMBER,     /* =N: "two" weeks ago */
	NG_W_RELATIVE,   /* =N: last, this, next */
	NG_W_DAY,        /* =N: yesterday, today, tomorrow */
	NG_W_YEAR_PREP,  /* in, since: a year after it is a date */
	NG_W_ORDINAL_SUFFIX, /* 16th, 1st */
	NG_W_CLAUSE_BREAK,   /* while, after: a date before it does not date what follows */
	/* the text layer */
	NG_W_ABBR_TITLE,     /* Mr.: a full stop that ends no sentence */
	NG_W_ABBR_NUMBER,    /* No.: ends one unless a number follows */
	NG_W_ABBR_FIRM,      /* Inc.: ends one before a sentence starter */
	NG_W_ABBR_SPLIT,     /* Fig.: an abbreviation whose full stop is a token */
	NG_W_SENTENCE_STARTER,
	NG_W_NAME_CONTINUES, /* Treasury after U.S. */
	NG_W_SAYING,         /* asked, after a quoted question */
	NG_W_IS_CONTRACTION, /* it's: 's is "is" */
	/* names */
	NG_W_COMPANY_NOUN,
	NG_W_FIRM_TITLE, /* chairman: "chairman of X" makes X a company */
	NG_W_ORGANIZATION_NOUN,
	NG_W_LOCATION_PREP,
	NG_W_MODIFIER_SUFFIX, /* -based, -led: a hyphenated word that describes */
	NG_W_PARTICLE,
	NG_W_DETERMINER,
	NG_W_LEGAL_SUFFIX,
	NG_W_AGREEMENT_NOUN,
	NG_W_AGREEMENT_PLAIN,
	NG_W_AGREEMENT_ED,
	NG_W_AGREEMENT_MODIFIES, /* ally, partner: an agreement word before it is a modifier ("a treaty ally") */
	NG_W_NP_STOP,
	NG_W_PROJECT_NOUN,
	NG_W_PRONOUN,
	NG_W_PRONOUN_IT,
	NG_W_IT_VERB,
	NG_W_BODY_NOUN,
	NG_W_PLURAL_STATE,
	NG_W_PLURAL_PERSON,
	/* linking */
	NG_W_PLACE_PREP,
	NG_W_MOTION_VERB,
	NG_W_TOWARD,
	NG_W_PLACE_NOUN,
	NG_W_ACTING_SUFFIX, /* -backed: the government acts */
	NG_W_DEFINITE,
	NG_W_FORMER,     /* former, late: the title before a name is past */
	/* modality */
	NG_W_NEGATION,
	NG_W_NEGATION_IDIOM,
	NG_W_HYPOTHETICAL,
	NG_W_EXPECTED,
	NG_W_HYPOTHETICAL_CONTROL, /* threatened, offered: the verb they control is only a possibility */
	NG_W_REPORTING,
	NG_W_SPORT,     /* words of sports reports: innings, goals, league */
	NG_W_PERSON_BEFORE, /* sentenced, jailed: a name after it is a person */
	NG_W_GIVEN_NAME, /* first words of people's names in the knowledge base */
	NG_W_SETTLEMENT, /* town, village: "the town of X" is a place */
	NG_W_HOME_NATION, /* places with national sides of their own: England */
	NG_W_ABROAD,    /* embassy, consulate: a state's body in another state */
	NG_W_FACILITY,  /* plant, palace: a name they end is a place's */
	NG_W_GIVEN_GENDER, /* =1 he, =2 she: given names that say it (coreference) */
	NG_W_NCLASSES
};

/* A set of cue classes: bit c for class c. */
typedef uint64_t ng_classes;
#define NG_CLASS(c) ((ng_classes)1 << (c))
_Static_assert(NG_W_NCLASSES <= 64, "cue classes are bits of ng_classes");

/* Capitalised words that name nothing: not-name, months and weekdays. */
#define NG_NOT_NAME \
	(NG_CLASS(NG_W_NOT_NAME) | NG_CLASS(NG_W_MONTH) | NG_CLASS(NG_W_MONTH_ABBR) | NG_CLASS(NG_W_WEEKDAY))

/* The forms of one cue class as written (normalised), in file order, for
 * the stages that match strings rather than tokens: phrases, suffixes. */
typedef struct ng_cue_list {
	const char **form; /* NULL-terminated */
	int *value;        /* per form: the N of CLASS=N, or 0 */
	size_t n, cap, vcap;
	uint64_t first[4]; /* bit b set when a form begins with byte b */
} ng_cue_list;

typedef struct ng_lexicon {
	ng_entry *entries;
	size_t nentries, centries;
	ng_map ids;   /* id -> entry index + 1 */
	ng_map words; /* normalised token -> word id (from 1) */
	size_t nwords;
	ng_classes *wclass; /* per word id: the classes of the word alone */
	size_t cwclass;
	/* Per word id, so that most trie steps never probe the large edge
	 * table (a cache miss each): every word of the text starts a walk. */
	struct ng_word_step {
		uint32_t root;  /* the root's child on this word, or 0 */
		uint32_t inner; /* how many edges on this word leave other nodes */
	} *step;
	size_t cstep;
	struct ng_trie_edge {
		uint64_t key; /* node << 32 | word id; 0: empty */
		uint32_t child;
	} *tab;
	size_t ntab, ctab;
	/* A Bloom filter of one hash over the edges' keys (8 bits per slot):
	 * most steps of a walk find no edge, and the filter, small enough to
	 * stay in cache, answers them without touching the table. */
	uint64_t *filter;
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
	ng_map cues; /* cue form as written, normalised -> index + 1 in cue_class */
	ng_classes *cue_class;
	size_t ncues, ccues;
	ng_cue_list list[NG_W_NCLASSES];
	/* short= names (see kb/README.md): normalised form -> index + 1 in
	 * shorts; each a list of entry indices ending in -1 */
	ng_map short_ids;
	int **shorts;
	size_t nshorts, cshorts;
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

/* "1990-05-03" (or "1990-05", "1990") as a day; NG_DAY_NONE when it is no
 * such date. A month or year alone is its first day, or with `end` its
 * last. */
int32_t ng_day_parse(const char *s, int end);

/* The government a place stands for on `day` (NG_DAY_NONE: the undated
 * one, e->gov), or NULL. */
const char *ng_entry_gov(const ng_entry *e, int32_t day);
/* The office tie of a person held on `day`, of relation attr (NG_TIE_LEADS,
 * NG_TIE_WORKS_FOR, or -1 for any), or NULL. */
const ng_tie *ng_entry_office(const ng_entry *e, int32_t day, int attr);
/* Does the entry date its offices at all? */
int ng_entry_dated(const ng_entry *e);

/* The entries a short= name (normalised) may be, ending in -1, or NULL. */
const int *ng_lexicon_shorts(const ng_lexicon *lx, const char *norm);

static inline int ng_lexicon_in_wid(const ng_lexicon *lx, uint32_t wid, ng_classes set)
{
	return wid && (lx->wclass[wid] & set) != 0;
}
static inline int ng_lexicon_is_wid(const ng_lexicon *lx, uint32_t wid, int cls)
{
	return ng_lexicon_in_wid(lx, wid, NG_CLASS(cls));
}
/* Is the normalised token `norm` of class cls? */
int ng_lexicon_is(const ng_lexicon *lx, const char *norm, int cls);

/* The classes of a cue form as written, normalised (w[0, n)); 0 for a
 * string that is no cue form. */
ng_classes ng_lexicon_cue(const ng_lexicon *lx, const char *w, size_t n);
/* The forms of class cls, NULL-terminated; borrowed from the lexicon. */
static inline const char *const *ng_lexicon_forms(const ng_lexicon *lx, int cls)
{
	static const char *const none[] = {NULL};
	return lx->list[cls].n ? lx->list[cls].form : none;
}
/* The N that class cls gives `form` (CLASS=N), or `def` when it is not of
 * the class. */
int ng_lexicon_value(const ng_lexicon *lx, int cls, const char *form, int def);
/* Adds to `set` (256 bits) the first bytes of the forms of the classes. */
void ng_lexicon_first_bytes(const ng_lexicon *lx, ng_classes classes, uint64_t set[4]);

/* Text-layer options that answer from this lexicon's cue classes. */
ng_text_opts ng_lexicon_text_opts(const ng_lexicon *lx);

#endif
