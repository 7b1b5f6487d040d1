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
	NG_PASS_ROLE,     /* the Russian president: who leads Russia in the text or the knowledge base */
	NG_PASS_QUOTE,    /* I, my, we, our inside a quotation: its speaker */
	NG_PASS_PREDICATE, /* Dvorak was a Czech composer: the name before the copula */
	NG_PASS_APPOSITION, /* Temasek, Singapore's state investor: the name before the comma */
	NG_PASS_INTERVIEW, /* I in an answer, you in a question: the interviewee the headline names */
	NG_PASS_AGREEMENT, /* the deal, the treaty: the agreement last mentioned */
	NG_PASS_THERE      /* there: the place or state just named */
} ng_pass;

const char *ng_pass_name(ng_pass p);

/* The person a personal pronoun (mention i) refers to, or -1. Sets the
 * mention's antecedent (ante). */
int ng_coref_person(const ng_doc *d, ng_ents *x, size_t i);

/* Adds an unlinked pronoun mention for every "they", "them", "their",
 * and for "I", "me", "my", "myself", "we", "us", "our" inside double
 * quotation marks (pass NG_PASS_QUOTE), outside other mentions. The caller
 * sorts the mentions. */
int ng_coref_add_pronouns(const ng_doc *d, ng_ents *x);

/* A first-person pronoun in a quotation (mention i): the speaker the
 * quotation is attributed to ('"...," Putin said'; 'Putin said: "..."'), a
 * person for I, a body, state or group for we. Returns the entity or -1. */
int ng_coref_quoted(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, size_t i);

/* A plural pronoun (mention i): both members of the nearest pair "A and B"
 * of one type in its sentence before it or in the sentence before, unless
 * a plural mention comes between; or the named member A of "A and the
 * other negotiators". Returns A's entity (B in entity2) or -1. */
/* Interview pronoun i (pass NG_PASS_INTERVIEW): the interviewee's entity,
 * or -1. */
int ng_coref_interviewee(const ng_doc *d, ng_ents *x, size_t i);

int ng_coref_plural(const ng_doc *d, ng_ents *x, size_t i);

/* A definite one-word agreement ("the deal", "the accord"; mention i,
 * after "the"): the agreement of the latest agreement mention before it,
 * which an indefinite "a deal" introduces like any other. Sets the
 * mention's pass and antecedent. Returns the entity or -1. */
int ng_coref_agreement(ng_ents *x, size_t i);

/* Adds an unlinked nominal mention, with the pass that will link it, for
 * "the country", "the city", "the Russian president", "the Russian
 * company" and "the university" after "Columbia University" (outside
 * other mentions; mentions in text order). The caller sorts the
 * mentions. */
int ng_coref_add_nominals(const ng_lexicon *lx, const ng_doc *d, ng_ents *x);

/* After mention i was linked: what it tells about its entity's gender
 * (a title, "Mrs" or "King", or a kinship word before it; its given
 * name, src/kb/genders.txt; a pronoun). */
void ng_coref_note_gender(const ng_lexicon *lx, const ng_doc *d, ng_ents *x, size_t i);

/* Is the person name `text` a shorter form of `full`: the same last word,
 * and every word of it in the full name in order ("Otto Jespersen", "Jens
 * Otto Harry Jespersen")? Both normalised. */
int ng_coref_name_part_of(const char *text, const char *full);

#endif
