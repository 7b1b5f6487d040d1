/* ng-eval-tagger: scores the tagger and lemmatizer on treebank sentences
 * with gold tokens. Input: a model (the compiled-in one by default) and
 * CoNLL-U sentences (see corpus.h). Output: one line, UPOS and lemma
 * accuracy (lemmas of predicted tags, and of gold tags) to three decimals;
 * exit status 1 when a floor given by --min-upos or --min-lemma is missed;
 * with --confusions N, the N most frequent tagging mistakes.
 *
 * Usage: ng-eval-tagger [--model FILE] [--name TEXT] [--min-upos X] [--min-lemma X] [--confusions N]
 *                       INPUT... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/tag.h"
#include "train/corpus.h"

typedef struct counts {
	size_t words, upos, lemmas, lemma, lemma_gold;
	size_t confused[NG_NUPOS][NG_NUPOS]; /* [gold][predicted] */
} counts;

static int score_sentence(const ng_tagger *tg, const ng_ud_sentence *s, counts *k, ng_buf *lem, ng_error *err)
{
	const char **forms = malloc((s->n + 1) * sizeof *forms);
	int *tags = malloc((s->n + 1) * sizeof *tags);
	int rc = forms && tags ? 0 : NG_ENOMEM;
	for (size_t i = 0; !rc && i < s->n; i++)
		forms[i] = s->words[i].form;
	if (!rc)
		rc = ng_tagger_tag(tg, forms, s->n, tags, err);
	const ng_lemmatizer *l = ng_tagger_lemmatizer(tg);
	for (size_t i = 0; !rc && i < s->n; i++) {
		const ng_ud_word *w = &s->words[i];
		k->words++;
		k->upos += tags[i] == w->upos;
		if (w->upos >= 0 && tags[i] != w->upos)
			k->confused[w->upos][tags[i]]++;
		if (!*w->lemma)
			continue;
		k->lemmas++;
		rc = ng_lemmatize(l, w->form, tags[i], lem);
		k->lemma += !rc && strcmp(lem->s, w->lemma) == 0;
		if (!rc && w->upos >= 0)
			rc = ng_lemmatize(l, w->form, w->upos, lem);
		k->lemma_gold += !rc && w->upos >= 0 && strcmp(lem->s, w->lemma) == 0;
	}
	free(forms);
	free(tags);
	return rc;
}

/* The most frequent mistakes, "gold -> predicted", by count. */
static void print_confusions(const counts *k, int top)
{
	size_t left[NG_NUPOS][NG_NUPOS];
	memcpy(left, k->confused, sizeof left);
	for (int r = 0; r < top; r++) {
		size_t best = 0;
		int g = 0, p = 0;
		for (int a = 0; a < NG_NUPOS; a++)
			for (int b = 0; b < NG_NUPOS; b++)
				if (left[a][b] > best) {
					best = left[a][b];
					g = a;
					p = b;
				}
		if (!best)
			break;
		printf("  %s -> %s: %zu\n", ng_upos_name(g), ng_upos_name(p), best);
		left[g][p] = 0;
	}
}

static double ratio(size_t a, size_t b)
{
	return b ? (double)a / (double)b : 0;
}

int main(int argc, char **argv)
{
	ng_train_corpus c = {0};
	ng_error err = NG_ERROR_INIT;
	const char *model = NULL, *only = NULL, *name = "eval";
	double min_upos = 0, min_lemma = 0;
	int confusions = 0;
	char *data = NULL;
	size_t len = 0;
	int rc = 0;
	for (int i = 1; i < argc && !rc; i++) {
		if (strcmp(argv[i], "--model") == 0 && i + 1 < argc)
			model = argv[++i];
		else if (strcmp(argv[i], "--name") == 0 && i + 1 < argc)
			name = argv[++i];
		else if (strcmp(argv[i], "--min-upos") == 0 && i + 1 < argc)
			min_upos = atof(argv[++i]);
		else if (strcmp(argv[i], "--min-lemma") == 0 && i + 1 < argc)
			min_lemma = atof(argv[++i]);
		else if (strcmp(argv[i], "--confusions") == 0 && i + 1 < argc)
			confusions = atoi(argv[++i]);
		else if ((rc = ng_train_arg(&c, argc, argv, &i, &only, &err)) == 0) {
			fprintf(stderr, "usage: ng-eval-tagger [--model FILE] [--name TEXT] [--min-upos X] "
			                "[--min-lemma X] [--confusions N] INPUT...\n");
			return 2;
		} else if (rc > 0)
			rc = 0;
	}
	ng_tagger *tg = NULL;
	if (!rc && model)
		rc = ng_train_read(model, &data, &len, &err);
	if (!rc)
		rc = model ? ng_tagger_new(&tg, (const unsigned char *)data, len, model, &err)
		           : ng_tagger_new_embedded(&tg, &err);
	counts k = {0};
	ng_buf lem = {0};
	for (size_t s = 0; !rc && s < c.nsents; s++)
		rc = score_sentence(tg, c.sents[s], &k, &lem, &err);
	int low = 0;
	if (rc)
		fprintf(stderr, "ng-eval-tagger: %s%s%s\n", err.file, *err.file ? ": " : "",
		        *err.message ? err.message : "out of memory");
	else {
		double u = ratio(k.upos, k.words), l = ratio(k.lemma, k.lemmas);
		printf("%s: %zu words, UPOS %.3f, lemma %.3f (with gold tags %.3f)\n", name, k.words, u, l,
		       ratio(k.lemma_gold, k.lemmas));
		print_confusions(&k, confusions);
		low = u < min_upos || l < min_lemma || !k.words;
		if (low)
			fprintf(stderr, "ng-eval-tagger: %s: under the floor (UPOS %.3f, lemma %.3f)\n", name, min_upos,
			        min_lemma);
	}
	ng_buf_free(&lem);
	ng_tagger_free(tg);
	free(data);
	ng_train_corpus_free(&c);
	return rc || low;
}
