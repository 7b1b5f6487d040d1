/* ng-train-tagger: trains the part-of-speech tagger and the lemmatizer and
 * writes src/models/tagger.model. Input: CoNLL-U training sentences (files
 * and document lists, see corpus.h). Output: the model file, the same bytes
 * for the same inputs (see fit_tagger.c).
 *
 * Usage: ng-train-tagger -o MODEL [--epochs N] [--bits B] INPUT... [--dev INPUT...]
 * With --dev, the accuracy after each epoch goes to stderr (for tuning). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "train/fit_tagger.h"

static const char credits[] =
	"newsgraph model: tagger\n"
	"Part-of-speech tagger (averaged perceptron, Universal Dependencies UPOS) and lemmatizer\n"
	"of newsgraph, written by ng-train-tagger (src/train/train_tagger.c).\n"
	"Trained on:\n"
	"- UD English EWT (Universal Dependencies English Web Treebank), v2.16,\n"
	"  https://github.com/UniversalDependencies/UD_English-EWT, train split.\n"
	"  Annotations (c) 2013-2021 The Board of Trustees of The Leland Stanford Junior\n"
	"  University, licensed CC BY-SA 4.0; texts from the LDC English Web Treebank (LDC2012T13).\n"
	"- UD English GUM (Georgetown University Multilayer corpus, https://gucorpling.org/gum/),\n"
	"  https://github.com/UniversalDependencies/UD_English-GUM, train split of the genres\n"
	"  news and interview (texts: Wikinews, CC BY 2.5), bio (Wikipedia, CC BY-SA 3.0) and\n"
	"  voyage (Wikivoyage, CC BY-SA 3.0). Annotations CC BY 4.0.\n"
	"As a work derived from CC BY-SA data, this model is distributed under CC BY-SA 4.0.\n";

static int usage(void)
{
	fprintf(stderr, "usage: ng-train-tagger -o MODEL [--epochs N] [--bits B] INPUT... [--dev INPUT...]\n"
	                "INPUT: a CoNLL-U file, or --docs LIST DIR (the files LIST names, under DIR),\n"
	                "optionally after --only TEXT (only names containing TEXT)\n");
	return 2;
}

int main(int argc, char **argv)
{
	ng_train_corpus c = {0}, dev = {0};
	ng_error err = NG_ERROR_INIT;
	int epochs = NG_TAGGER_EPOCHS, bits = NG_TAGGER_BITS;
	const char *out = NULL, *only = NULL;
	ng_train_corpus *into = &c;
	int rc = 0;
	for (int i = 1; i < argc && !rc; i++) {
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(argv[i], "--epochs") == 0 && i + 1 < argc)
			epochs = atoi(argv[++i]);
		else if (strcmp(argv[i], "--bits") == 0 && i + 1 < argc)
			bits = atoi(argv[++i]);
		else if (strcmp(argv[i], "--dev") == 0)
			into = &dev;
		else if ((rc = ng_train_arg(into, argc, argv, &i, &only, &err)) == 0)
			return usage();
		else if (rc > 0)
			rc = 0;
	}
	if (!rc && (!out || !c.nsents || epochs < 1 || bits < 8 || bits > 24))
		return usage();
	ng_buf model = {0};
	if (!rc)
		rc = ng_tagger_fit(&c, &dev, epochs, (unsigned)bits, credits, &model, &err);
	if (!rc && ng_train_write_file(out, &model))
		rc = ng_fail(&err, NG_EIO, out, 0, "cannot write the model");
	if (rc)
		fprintf(stderr, "ng-train-tagger: %s%s%s\n", err.file, *err.file ? ": " : "",
		        *err.message ? err.message : "out of memory");
	ng_buf_free(&model);
	ng_train_corpus_free(&c);
	ng_train_corpus_free(&dev);
	return rc ? 1 : 0;
}
