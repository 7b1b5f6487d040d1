/* Entities, part 4: coreference passes that need more than a name: personal
 * pronouns by agreement, syntax order and distance; persons named by a part
 * of their full name. Called by the linker (link.c) mention by mention, in
 * text order, so that every earlier mention is already linked. */
#ifndef NG_ENTITIES_COREF_H
#define NG_ENTITIES_COREF_H

#include "entities/ner.h"

/* The passes that link a mention that is no name (ng_mention.pass). */
typedef enum {
	NG_PASS_NONE = 0,
	NG_PASS_PRONOUN,  /* he, she, his, her, him, himself, herself */
	NG_PASS_IT,       /* it, its: the company, organization or state most in view */
	NG_PASS_BODY,     /* the company, the firm */
	NG_PASS_PAIR,     /* the two sides */
	NG_PASS_SPLIT,    /* they, them, their: both of "Modi and Macron" */
	NG_PASS_PAREN,    /* he (Putin) */
	NG_PASS_CATAPHORA, /* In his speech, Lula said */
	NG_PASS_HEAD,     /* the university after Columbia University */
	NG_PASS_KIND,     /* the country, the city: the state or place most in view */
	NG_PASS_ROLE      /* the Russian president: who leads Russia in the text or the knowledge base */
} ng_pass;

const char *ng_pass_name(ng_pass p);

/* The person a personal pronoun (mention i) refers to, or -1. Sets the
 * mention's antecedent (ante). */
int ng_coref_person(const ng_doc *d, ng_ents *x, size_t i);

/* Adds a plural pronoun mention, not yet linked, for every "they", "them"
 * and "their" outside other mentions; the caller sorts the mentions. */
int ng_coref_add_plural_pronouns(const ng_doc *d, ng_ents *x);

/* A plural pronoun (mention i): both members of the nearest pair "A and B"
 * of one type in its sentence before it or in the sentence before, unless
 * a plural mention comes between. Returns A's entity (B in entity2) or -1. */
int ng_coref_plural(const ng_doc *d, ng_ents *x, size_t i);

/* Adds an unlinked nominal mention, with the pass that will link it, for
 * "the country", "the city", "the Russian president" and "the university"
 * after "Columbia University" (outside other mentions; mentions in text
 * order). The caller sorts the mentions. */
int ng_coref_add_nominals(const ng_doc *d, ng_ents *x);

/* After mention i was linked: what it tells about its entity's gender
 * (a title, "Mrs" or "King"; a pronoun). */
void ng_coref_note_gender(const ng_doc *d, ng_ents *x, size_t i);

/* Is the person name `text` a shorter form of `full`: the same last word,
 * and every word of it in the full name in order ("Otto Jespersen", "Jens
 * Otto Harry Jespersen")? Both normalised. */
int ng_coref_name_part_of(const char *text, const char *full);

#endif
