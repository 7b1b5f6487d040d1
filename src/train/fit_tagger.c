/* Training tools: the tagger's and lemmatizer's training, shared by
 * ng-train-tagger and by the parser's trainer, which tags its training
 * sentences with taggers trained on the other sentences (jackknifing).
 * Input: CoNLL-U training sentences. Output: a tagger model file's bytes,
 * the same for the same inputs: sentence order is shuffled with a fixed
 * seed, the perceptron counts in integers, every table is sorted. */
#include "train/fit_tagger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/model.h"
#include "syntax/tag.h"
#include "train/perceptron.h"
#include "train/train_lemma.h"

/* Words seen at least this often get an ambiguity class; a tag joins the
 * class when it makes at least 1/CLASS_SHARE of the word's occurrences. */
#define CLASS_MIN 1
#define CLASS_SHARE 50
/* Training sentences see classes counted on the other folds only (sentence
 * i is in fold i % FOLDS): a class counted on the sentence itself gives its
 * gold tag away, and the tagger would learn to trust classes more than
 * they deserve on new text. */
#define FOLDS 10

/* One greedy pass over a sentence; with `learn`, updates on each mistake. */
static void pass(ng_perceptron *p, const ng_tag_word *ws, const ng_ud_sentence *s, int *tags, int learn)
{
	uint32_t f[NG_TAG_MAXFEAT];
	for (size_t i = 0; i < s->n; i++) {
		int p1 = i > 0 ? tags[i - 1] : NG_NUPOS, p2 = i > 1 ? tags[i - 2] : NG_NUPOS;
		size_t nf = ng_tag_features(ws, s->n, i, p1, p2, f);
		int64_t score[NG_NUPOS] = {0};
		ng_perceptron_score(p, f, nf, score);
		tags[i] = ng_perceptron_best(score, NG_NUPOS);
		int gold = s->words[i].upos;
		if (learn && gold >= 0 && tags[i] != gold) {
			ng_perceptron_update(p, f, nf, gold, 1);
			ng_perceptron_update(p, f, nf, tags[i], -1);
		}
		if (learn)
			p->now++;
	}
}

typedef struct lexent {
	uint32_t hash, mask;
} lexent;

static int cmp_lex(const void *a, const void *b)
{
	const lexent *x = a, *y = b;
	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/* Per word hash, its tag counts in each fold: FOLDS rows of NG_NUPOS + 1
 * (the last column the row total). */
static int count_tags(const ng_train_corpus *c, ng_map *counts)
{
	const size_t row = NG_NUPOS + 1;
	for (size_t s = 0; s < c->nsents; s++)
		for (size_t i = 0; i < c->sents[s]->n; i++) {
			const ng_ud_word *w = &c->sents[s]->words[i];
			char key[9];
			snprintf(key, sizeof key, "%08x", (unsigned)ng_tag_word_hash(w->form));
			void **v = ng_map_put(counts, key, 8);
			if (!v || (!*v && !(*v = calloc(FOLDS * row, sizeof(uint32_t)))))
				return NG_ENOMEM;
			uint32_t *cnt = (uint32_t *)*v + (s % FOLDS) * row;
			if (w->upos >= 0) {
				cnt[w->upos]++;
				cnt[NG_NUPOS]++;
			}
		}
	return 0;
}

/* The classes counted on every fold but `skip` (FOLDS: on all of them), as
 * (word hash, tag mask) pairs sorted by hash. */
static int classes(const ng_map *counts, int skip, lexent **out, size_t *nout)
{
	lexent *lx = calloc(counts->n + 1, sizeof *lx);
	size_t n = 0;
	if (!lx)
		return NG_ENOMEM;
	for (size_t i = 0; i < counts->cap; i++) {
		if (!counts->keys[i])
			continue;
		const uint32_t *cnt = counts->vals[i];
		uint32_t sum[NG_NUPOS + 1] = {0}, mask = 0;
		for (int f = 0; f < FOLDS; f++)
			for (int t = 0; f != skip && t <= NG_NUPOS; t++)
				sum[t] += cnt[f * (NG_NUPOS + 1) + t];
		if (sum[NG_NUPOS] < CLASS_MIN)
			continue;
		for (int t = 0; t < NG_NUPOS; t++)
			if (sum[t] * CLASS_SHARE >= sum[NG_NUPOS])
				mask |= 1u << t;
		lx[n++] = (lexent){(uint32_t)strtoul(counts->keys[i], NULL, 16), mask};
	}
	ng_sort(lx, n, sizeof *lx, cmp_lex);
	*out = lx;
	*nout = n;
	return 0;
}

/* Every training word's feature inputs, computed once, with the classes
 * of the other folds: sentence s's words start at ws + off[s]. */
static int precompute(const ng_train_corpus *c, ng_tag_word **ws, size_t **off)
{
	ng_map counts = {0};
	*ws = malloc((c->nwords + 1) * sizeof **ws);
	*off = malloc((c->nsents + 1) * sizeof **off);
	int rc = *ws && *off ? count_tags(c, &counts) : NG_ENOMEM;
	for (int f = 0; f < FOLDS && !rc; f++) {
		lexent *lx;
		size_t nlx, k = 0;
		if ((rc = classes(&counts, f, &lx, &nlx)))
			break;
		for (size_t s = 0; s < c->nsents; s++) {
			if (s % FOLDS == (size_t)f)
				for (size_t i = 0; i < c->sents[s]->n; i++)
					ng_tag_word_init(&(*ws)[k + i], c->sents[s]->words[i].form, (const uint32_t *)lx, nlx);
			(*off)[s] = k;
			k += c->sents[s]->n;
		}
		free(lx);
	}
	for (size_t i = 0; i < counts.cap; i++)
		free(counts.keys[i] ? counts.vals[i] : NULL);
	ng_map_free(&counts);
	return rc;
}

/* The classes the model keeps: counted on all the training sentences. */
static int build_lexicon(const ng_train_corpus *c, lexent **out, size_t *nout)
{
	ng_map counts = {0};
	int rc = count_tags(c, &counts);
	if (!rc)
		rc = classes(&counts, FOLDS, out, nout);
	for (size_t i = 0; i < counts.cap; i++)
		free(counts.keys[i] ? counts.vals[i] : NULL);
	ng_map_free(&counts);
	return rc;
}

typedef struct trainer {
	ng_perceptron p;
	lexent *lex;
	size_t nlex;
	ng_lemma_tables lem;
	size_t nsents, nwords;
	int epochs;
	const char *credits;
} trainer;

/* The model file of the current averaged weights. */
static int build_model(const trainer *t, ng_buf *out)
{
	int16_t *q = ng_perceptron_quantize(&t->p);
	if (!q)
		return NG_ENOMEM;
	uint32_t meta[2] = {t->p.bits, NG_NUPOS};
	ng_buf text = {0};
	int rc = ng_buf_printf(&text,
	                       "%sThis file: %d epochs over %zu sentences (%zu words); 2^%u feature buckets; "
	                       "%zu ambiguity classes; %zu lemma rules, %zu irregular forms.\n",
	                       t->credits, t->epochs, t->nsents, t->nwords, t->p.bits, t->nlex, t->lem.nrules,
	                       t->lem.nexc);
	ng_model_part parts[] = {
		{"tagmeta", meta, sizeof meta},
		{"tagw", q, ((size_t)NG_NUPOS << t->p.bits) * sizeof *q},
		{"taglex", t->lex, t->nlex * sizeof *t->lex},
		{"lemrule", t->lem.rules, t->lem.nrules * sizeof *t->lem.rules},
		{"lemexc", t->lem.exc, t->lem.nexc * sizeof *t->lem.exc},
		{"lemstr", t->lem.pool.s, t->lem.pool.len},
	};
	out->len = 0;
	if (!rc)
		rc = ng_model_build(out, text.s, parts, sizeof parts / sizeof *parts);
	ng_buf_free(&text);
	free(q);
	return rc;
}

/* UPOS accuracy of a model on dev sentences. */
static int score(const ng_buf *model, const ng_train_corpus *dev, double *acc, ng_error *err)
{
	ng_tagger *tg;
	int rc = ng_tagger_new(&tg, (const unsigned char *)model->s, model->len, "trained model", err);
	size_t right = 0, all = 0;
	for (size_t s = 0; !rc && s < dev->nsents; s++) {
		const ng_ud_sentence *st = dev->sents[s];
		const char **forms = malloc((st->n + 1) * sizeof *forms);
		int *tags = malloc((st->n + 1) * sizeof *tags);
		for (size_t i = 0; forms && i < st->n; i++)
			forms[i] = st->words[i].form;
		rc = forms && tags ? ng_tagger_tag(tg, forms, st->n, tags, err) : NG_ENOMEM;
		for (size_t i = 0; !rc && i < st->n; i++) {
			right += tags[i] == st->words[i].upos;
			all++;
		}
		free(forms);
		free(tags);
	}
	ng_tagger_free(tg);
	*acc = all ? (double)right / (double)all : 0;
	return rc;
}

static int train(trainer *t, const ng_train_corpus *c, const ng_train_corpus *dev, ng_error *err)
{
	ng_tag_word *ws = NULL;
	size_t *off = NULL, *order = malloc((c->nsents + 1) * sizeof *order);
	int *tags = malloc((c->nwords + 1) * sizeof *tags);
	int rc = !order || !tags ? NG_ENOMEM : precompute(c, &ws, &off);
	uint64_t seed = 0x9e3779b97f4a7c15ull;
	ng_buf model = {0};
	for (size_t s = 0; !rc && s < c->nsents; s++)
		order[s] = s;
	for (int e = 0; !rc && e < t->epochs; e++) {
		ng_train_shuffle(order, c->nsents, &seed);
		for (size_t s = 0; s < c->nsents; s++)
			pass(&t->p, ws + off[order[s]], c->sents[order[s]], tags, 1);
		double acc;
		if (dev->nsents && !(rc = build_model(t, &model)) && !(rc = score(&model, dev, &acc, err)))
			fprintf(stderr, "epoch %d: dev UPOS %.4f\n", e + 1, acc);
	}
	ng_buf_free(&model);
	free(ws);
	free(off);
	free(order);
	free(tags);
	return rc;
}

int ng_tagger_fit(const ng_train_corpus *c, const ng_train_corpus *dev, int epochs, unsigned bits,
                  const char *credits, ng_buf *model, ng_error *err)
{
	trainer t = {.epochs = epochs, .credits = credits, .nsents = c->nsents, .nwords = c->nwords};
	int rc = ng_perceptron_init(&t.p, bits, NG_NUPOS);
	if (!rc)
		rc = build_lexicon(c, &t.lex, &t.nlex);
	if (!rc)
		rc = ng_lemma_train(&t.lem, c, err);
	if (!rc)
		rc = train(&t, c, dev, err);
	if (!rc)
		rc = build_model(&t, model);
	free(t.lex);
	ng_perceptron_free(&t.p);
	ng_lemma_tables_free(&t.lem);
	return rc;
}
