/* The syntax pipeline, beside extract.c's: a text (through the text layer,
 * so offsets point into the input) or pre-tokenised CoNLL-U in, sentences
 * of tagged, lemmatized and parsed words out (newsgraph/parse.h). */
#include "newsgraph/parse.h"

#include <stdlib.h>
#include <string.h>

#include "entities/lexicon.h"
#include "extractor.h"
#include "syntax/conllu.h"
#include "syntax/lemma.h"
#include "syntax/parse.h"
#include "syntax/tag.h"
#include "syntax/words.h"
#include "text/doc.h"
#include "text/utf8.h"
#include "util/util.h"

struct ng_parsed {
	ng_parse_sentence *sents;
	size_t nsents, csents;
	char **owned; /* every string the sentences point to */
	size_t nowned, cowned;
};

static const char *keep(ng_parsed *p, const char *s, size_t n)
{
	char *d = ng_strndup(s, n);
	char **slot = d ? NG_PUSH(p->owned, p->nowned, p->cowned) : NULL;
	if (!slot) {
		free(d);
		return NULL;
	}
	*slot = d;
	return d;
}

/* Tags, lemmatizes and parses one sentence of words whose form, start,
 * end and space_after are set, and adds it to p. */
static int analyse_words(const ng_extractor *ex, ng_parsed *p, ng_parse_sentence *s, ng_parse_word *w,
                         ng_error *err)
{
	size_t n = s->n;
	const char **forms = calloc(n + 1, sizeof *forms);
	int *upos = malloc((n + 1) * sizeof *upos), *heads = malloc((n + 1) * sizeof *heads);
	int *rels = malloc((n + 1) * sizeof *rels);
	ng_buf lemma = {0};
	int rc = forms && upos && heads && rels ? 0 : ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	for (size_t i = 0; !rc && i < n; i++)
		forms[i] = w[i].form;
	if (!rc)
		rc = ng_tagger_tag(ex->tagger, forms, n, upos, err);
	if (!rc)
		rc = ng_parser_parse(ex->parser, forms, upos, n, heads, rels, err);
	const ng_lemmatizer *lz = ng_tagger_lemmatizer(ex->tagger);
	for (size_t i = 0; !rc && i < n; i++) {
		w[i].upos = ng_upos_name((ng_upos)upos[i]);
		w[i].head = (size_t)heads[i];
		w[i].deprel = ng_parser_deprel_name(ex->parser, rels[i]);
		lemma.len = 0;
		if (ng_lemmatize(lz, w[i].form, upos[i], &lemma))
			rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
		/* The ending rules work on bytes: a lemma cut inside a character
		 * falls back to the form. */
		else if (ng_text_check(lemma.s ? lemma.s : "", lemma.len, "-", NULL))
			w[i].lemma = w[i].form;
		else if (!(w[i].lemma = keep(p, lemma.s ? lemma.s : "", lemma.len)))
			rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	ng_parse_sentence *slot = rc ? NULL : NG_PUSH(p->sents, p->nsents, p->csents);
	if (!rc && !slot)
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	if (slot)
		*slot = *s;
	ng_buf_free(&lemma);
	free(forms);
	free(upos);
	free(heads);
	free(rels);
	return rc;
}

/* The words array lives in p->owned too, so that it is freed with it. */
static ng_parse_word *words_of(ng_parsed *p, size_t n)
{
	ng_parse_word *w = calloc(n + 1, sizeof *w);
	char **slot = w ? NG_PUSH(p->owned, p->nowned, p->cowned) : NULL;
	if (!slot) {
		free(w);
		return NULL;
	}
	*slot = (char *)w;
	return w;
}

static int text_sentence(const ng_extractor *ex, const ng_doc *d, size_t si, ng_parsed *p, ng_error *err)
{
	const ng_sentence *st = &d->sents[si];
	size_t ends[NG_WORDS_MAX], n = 0;
	for (size_t t = st->tok_begin; t < st->tok_end; t++)
		n += ng_words_cut(d->text + d->toks[t].start, d->toks[t].end - d->toks[t].start, ends);
	if (!n)
		return 0;
	ng_parse_word *w = words_of(p, n);
	ng_parse_sentence s = {"", keep(p, d->text + st->start, st->end - st->start), w, n, st->start, st->end};
	if (!w || !s.text)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	size_t i = 0;
	for (size_t t = st->tok_begin; t < st->tok_end; t++) {
		const ng_token *tk = &d->toks[t];
		size_t k = ng_words_cut(d->text + tk->start, tk->end - tk->start, ends), from = tk->start;
		for (size_t j = 0; j < k; j++, i++) {
			w[i].start = from;
			w[i].end = tk->start + ends[j];
			w[i].space_after = j + 1 == k && (t + 1 == st->tok_end || d->toks[t + 1].start > tk->end);
			if (!(w[i].form = keep(p, d->text + from, w[i].end - from)))
				return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
			from = w[i].end;
		}
	}
	return analyse_words(ex, p, &s, w, err);
}

int ng_parse_text(const ng_extractor *ex, const char *text, size_t len, const char *name, ng_parsed **out,
                  ng_error *err)
{
	*out = NULL;
	int rc = ng_text_check(text, len, name, err);
	if (rc)
		return rc;
	ng_text_opts opts = ng_lexicon_text_opts(&ex->lx);
	ng_doc d;
	if ((rc = ng_doc_init(&d, text, len, &opts, err)))
		return rc;
	ng_parsed *p = calloc(1, sizeof *p);
	if (!p)
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	for (size_t i = 0; !rc && i < d.nsents; i++)
		rc = text_sentence(ex, &d, i, p, err);
	ng_doc_free(&d);
	if (rc)
		ng_parsed_free(p);
	else
		*out = p;
	return rc;
}

static int conllu_sentence(const ng_extractor *ex, const ng_ud_sentence *u, ng_parsed *p, ng_error *err)
{
	ng_parse_word *w = words_of(p, u->n);
	ng_parse_sentence s = {keep(p, u->id, strlen(u->id)), keep(p, u->text, strlen(u->text)), w, u->n, 0, 0};
	if (!w || !s.id || !s.text)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	for (size_t i = 0; i < u->n; i++) {
		w[i].space_after = u->words[i].space_after;
		if (!(w[i].form = keep(p, u->words[i].form, strlen(u->words[i].form))))
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	return analyse_words(ex, p, &s, w, err);
}

int ng_parse_conllu(const ng_extractor *ex, const char *data, size_t len, const char *name, ng_parsed **out,
                    ng_error *err)
{
	*out = NULL;
	int rc = ng_text_check(data, len, name, err);
	if (rc)
		return rc;
	ng_ud_corpus c;
	ng_parsed *p = NULL;
	rc = ng_ud_read(&c, data, len, name, err);
	if (!rc && !(p = calloc(1, sizeof *p)))
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	for (size_t i = 0; !rc && i < c.nsents; i++)
		rc = conllu_sentence(ex, &c.sents[i], p, err);
	ng_ud_corpus_free(&c);
	if (rc)
		ng_parsed_free(p);
	else
		*out = p;
	return rc;
}

void ng_parsed_free(ng_parsed *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nowned; i++)
		free(p->owned[i]);
	free(p->owned);
	free(p->sents);
	free(p);
}

size_t ng_parsed_count(const ng_parsed *p)
{
	return p->nsents;
}

const ng_parse_sentence *ng_parsed_sentence(const ng_parsed *p, size_t i)
{
	return i < p->nsents ? &p->sents[i] : NULL;
}
