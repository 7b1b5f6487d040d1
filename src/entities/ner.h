/* Entities, part 2: mentions. Input: a tokenised doc and the lexicon.
 * Output: mentions with exact byte spans and types; link.h then points each
 * at one entity of the article. */
#ifndef NG_ENTITIES_NER_H
#define NG_ENTITIES_NER_H

#include <stddef.h>
#include <stdint.h>
#include "entities/lexicon.h"
#include "entities/typer.h"
#include "text/text.h"

#define NG_TITLE_STALE (-2)

typedef struct ng_mention {
	uint32_t start, end; /* bytes of the name itself: no title, no possessive */
	uint32_t tb, te;     /* tokens */
	uint32_t sent;
	ng_type type;
	ng_mention_kind kind;
	int entry;     /* lexicon entry or -1 */
	int adj;       /* a demonym or adjective ("Russian") */
	int metonym;   /* a place that may stand for a government */
	int unsure;    /* a lone capitalised word: kept only if linking confirms it */
	int plural;    /* "the two sides": refers to the two entities in entity, entity2 */
	int needs_edge; /* unnamed agreement: a node only when a relation attaches */
	int title_rel; /* relation implied by a title before the name, -1, or
	                  NG_TITLE_STALE: one the person did not hold that day */
	uint32_t title_start, title_end; /* bytes of the title words, if any */
	int title_of;  /* mention qualifying the title ("Russian" President), or -1 */
	int title_of2; /* a second one ("U.S." Treasury Secretary), or -1 */
	char *name;    /* normalised-free surface name (owned) */
	int entity, entity2;
	int pass; /* the coreference pass that linked a mention that is no name (ng_pass), or 0 */
	int ante; /* with pass: the antecedent mention, or -1 */
	int guess; /* typed a person for want of a cue: the typer may retype it */
} ng_mention;

/* A bare "deal": a node only when two distinct parties sign it or are
 * party to it, since "deal" alone tells no agreement from another. */
#define NG_NEEDS_PARTIES 2

typedef struct ng_entity {
	char *id, *name;
	ng_type type;
	int entry;
	int needs_edge, has_edge; /* needs_edge: 1, or NG_NEEDS_PARTIES */
	int first_mention;
	int gender; /* 0 unknown, 1 male, 2 female: from titles and the pronouns that took it */
} ng_entity;

typedef struct ng_ents {
	ng_mention *m;
	size_t n, cap;
	ng_entity *e;
	size_t ne, ce;
	/* Names of the article's entities inside longer names ("Toyota" in
	 * "the Toyota Foundation"), in text order: listed among the entity's
	 * mentions but kept out of m, so that relations read the longer name
	 * alone. */
	ng_mention *inner;
	size_t ninner, cinner;
	int32_t day; /* the article's date as YYYYMMDD, or NG_DAY_NONE */
} ng_ents;

/* A mention by its text (s, len bytes) and index i: sorted by
 * ng_cmp_named, the mentions of one text follow one another in text order. */
typedef struct ng_named {
	const char *s;
	uint32_t len, i;
} ng_named;
int ng_cmp_named(const void *a, const void *b);

/* Finds the mentions of a doc tagged by the lexicon. The typer (NULL: rules
 * only) types the names the knowledge base does not hold. Returns 0, or
 * NG_ENOMEM with err filled. */
int ng_ner(const ng_lexicon *lx, const ng_typer *ty, const ng_doc *doc, ng_ents *out, ng_error *err);
void ng_ents_free(ng_ents *x);
/* Sorts the mentions into text order; titles point at mentions by index
 * (ng_mention.title_of) and follow across the sort, through entity2, which
 * must be unset. 0 or NG_ENOMEM. */
int ng_ents_sort(ng_ents *x);

#endif
