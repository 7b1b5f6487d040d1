/* ng-train-typer: trains the statistical name typer (src/entities/typer.h)
 * and writes src/models/names.model. Input: GUM documents in CoNLL-U, whose
 * MISC Entity= annotations type every mention (a named one is headed by a
 * PROPN; its name is the run of PROPN words around the head), and
 * Universal NER files (IOB2: PER, LOC, ORG). The knowledge base compiled in
 * gives each word its lexicon cues. Output: the model file, the same bytes
 * for the same inputs (fixed-seed shuffles, integer perceptron).
 *
 * Usage: ng-train-typer -o MODEL [--epochs N] [--bits B] INPUT... [--iob FILE]...
 *                       [--dev INPUT... [--iob FILE]...]
 * With --dev, the accuracy after each epoch goes to stderr (for tuning). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities/typer.h"
#include "syntax/model.h"
#include "text/utf8.h"
#include "train/corpus.h"
#include "train/perceptron.h"

#define EPOCHS 10
#define BITS 16

static const char credits[] =
	"newsgraph model: names\n"
	"Name typer of newsgraph (averaged perceptron: person, place, organization, other), written by\n"
	"ng-train-typer (src/train/train_typer.c), with word cues from newsgraph's knowledge base (src/kb).\n"
	"Trained on:\n"
	"- UD English GUM (Georgetown University Multilayer corpus, https://gucorpling.org/gum/),\n"
	"  https://github.com/UniversalDependencies/UD_English-GUM, train split of the genres\n"
	"  news and interview (texts: Wikinews, CC BY 2.5), bio (Wikipedia, CC BY-SA 3.0) and\n"
	"  voyage (Wikivoyage, CC BY-SA 3.0); its entity annotations (MISC Entity=), CC BY 4.0.\n"
	"- Universal NER English EWT (Mayhew et al., NAACL 2024), https://github.com/UniversalNER/UNER_English-EWT,\n"
	"  development and test files, CC BY-SA 4.0, on the sentences of UD English EWT\n"
	"  (c) 2013-2021 The Board of Trustees of The Leland Stanford Junior University, CC BY-SA 4.0;\n"
	"  texts from the LDC English Web Treebank (LDC2012T13).\n"
	"As a work derived from CC BY-SA data, this model is distributed under CC BY-SA 4.0.\n";

/* Training examples: one run of words, its class and its features. */
typedef struct examples {
	uint32_t *f;
	size_t nf, cf;
	size_t *off; /* example k's features: f[off[k], off[k + 1]) */
	int *cls;
	size_t n, cap;
	size_t per_class[NG_TYPER_NCLASS];
	size_t known; /* left out: names the knowledge base holds */
} examples;

/* The words of one sentence as the features see them. */
typedef struct sentence {
	ng_typer_word *w;
	char **norms;
	uint32_t *wid;
	size_t n;
	const ng_lexicon *lx;
} sentence;

static void sentence_free(sentence *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->norms[i]);
	free(s->norms);
	free(s->wid);
	free(s->w);
}

static int sentence_init(sentence *s, const ng_lexicon *lx, const char *const *forms, size_t n)
{
	*s = (sentence){calloc(n + 1, sizeof *s->w), calloc(n + 1, sizeof *s->norms), calloc(n + 1, sizeof *s->wid),
	                n, lx};
	if (!s->w || !s->norms || !s->wid)
		return NG_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		ng_buf b = {0};
		if (ng_norm_append(&b, forms[i], strlen(forms[i])) || ng_buf_addc(&b, 0))
			return NG_ENOMEM;
		s->norms[i] = b.s;
		s->wid[i] = ng_lexicon_wid(lx, b.s);
		s->w[i] = (ng_typer_word){forms[i], strlen(forms[i]), b.s, ng_typer_cues(lx, s->wid[i])};
	}
	return 0;
}

/* Is [a, b) a name the knowledge base holds as a whole? */
static int known(const sentence *s, size_t a, size_t b)
{
	uint32_t node = 0;
	for (size_t i = a; i < b; i++)
		if (!(node = ng_lexicon_next(s->lx, node, s->wid[i])))
			return 0;
	int32_t it = -2;
	for (const ng_value *v; (v = ng_lexicon_values(s->lx, node, &it));)
		if (v->kind == NG_V_NAME || v->kind == NG_V_ADJ)
			return 1;
	return 0;
}

/* Adds the run [a, b) as an example, unless the knowledge base holds it:
 * the typer only ever sees names it does not hold, and learns their
 * classes as they come among those. */
static int add_example(examples *x, const sentence *s, size_t a, size_t b, int cls)
{
	if (known(s, a, b)) {
		x->known++;
		return 0;
	}
	uint32_t f[NG_TYPER_MAXFEAT];
	size_t nf = ng_typer_features(s->w, s->n, a, b, f);
	if ((x->n + 2 > x->cap && (ng_grow((void **)&x->off, &x->cap, x->n + 2, sizeof *x->off) ||
	                           !(x->cls = realloc(x->cls, x->cap * sizeof *x->cls)))) ||
	    (x->nf + nf > x->cf && ng_grow((void **)&x->f, &x->cf, x->nf + nf, sizeof *x->f)))
		return NG_ENOMEM;
	x->off[x->n] = x->nf;
	memcpy(x->f + x->nf, f, nf * sizeof *f);
	x->nf += nf;
	x->cls[x->n++] = cls;
	x->off[x->n] = x->nf;
	x->per_class[cls]++;
	return 0;
}

static int gum_class(const char *type, size_t n)
{
	if (n == 6 && !memcmp(type, "person", 6))
		return NG_TYPER_PER;
	if (n == 5 && !memcmp(type, "place", 5))
		return NG_TYPER_LOC;
	if (n == 12 && !memcmp(type, "organization", 12))
		return NG_TYPER_ORG;
	return NG_TYPER_OTHER;
}

/* One GUM mention: words [a, b] of the sentence, 0-based, and its class. */
typedef struct mention {
	long id;
	size_t a, b;
	int cls, open;
} mention;

/* Reads word i's Entity= value into the open and closed mentions:
 * "(ID-type-..." opens one ("...)" right after it: a one-word mention),
 * "ID)" closes the last open one of that ID. */
static int read_entity(const char *misc, size_t i, mention **ms, size_t *n, size_t *cap)
{
	const char *p = strstr(misc, "Entity=");
	if (!p)
		return 0;
	for (p += 7; *p && *p != '|';) {
		if (*p == '(') {
			char *end;
			long id = strtol(p + 1, &end, 10);
			const char *type = *end == '-' ? end + 1 : end;
			size_t tl = strcspn(type, "-()|");
			if (*n == *cap && ng_grow((void **)ms, cap, *n + 1, sizeof **ms))
				return NG_ENOMEM;
			(*ms)[(*n)++] = (mention){id, i, i, gum_class(type, tl), 1};
			p = type + strcspn(type, "()|");
			if (*p == ')') {
				(*ms)[*n - 1].open = 0;
				p++;
			}
		} else if (*p >= '0' && *p <= '9') {
			char *end;
			long id = strtol(p, &end, 10);
			for (size_t k = *n; k-- > 0;)
				if ((*ms)[k].open && (*ms)[k].id == id) {
					(*ms)[k].open = 0;
					(*ms)[k].b = i;
					break;
				}
			p = *end == ')' ? end + 1 : end;
		} else
			p++;
	}
	return 0;
}

/* The named mentions of a GUM sentence as examples: each mention whose
 * head (its word whose head lies outside it) is a PROPN gives the run of
 * PROPN words around the head, once per run. */
static int gum_sentence(examples *x, const ng_lexicon *lx, const ng_ud_sentence *us)
{
	mention *ms = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	for (size_t i = 0; i < us->n && !rc; i++)
		rc = read_entity(us->words[i].misc, i, &ms, &n, &cap);
	const char **forms = malloc((us->n + 1) * sizeof *forms);
	sentence s = {0};
	if (!rc && !forms)
		rc = NG_ENOMEM;
	for (size_t i = 0; !rc && i < us->n; i++)
		forms[i] = us->words[i].form;
	if (!rc)
		rc = sentence_init(&s, lx, forms, us->n);
	size_t last_a = (size_t)-1, last_b = 0;
	for (size_t k = 0; k < n && !rc; k++) {
		size_t h = ms[k].a;
		while (h < ms[k].b) {
			int head = us->words[h].head; /* 1-based */
			if (head < (int)ms[k].a + 1 || head > (int)ms[k].b + 1)
				break;
			h++;
		}
		if (us->words[h].upos != NG_PROPN)
			continue;
		size_t a = h, b = h + 1;
		while (a > ms[k].a && us->words[a - 1].upos == NG_PROPN)
			a--;
		while (b <= ms[k].b && us->words[b].upos == NG_PROPN)
			b++;
		if ((a == last_a && b == last_b) || b - a > NG_TYPER_MAXRUN)
			continue;
		last_a = a;
		last_b = b;
		rc = add_example(x, &s, a, b, ms[k].cls);
	}
	sentence_free(&s);
	free(forms);
	free(ms);
	return rc;
}

static int iob_class(const char *tag)
{
	return !strcmp(tag, "PER") ? NG_TYPER_PER : !strcmp(tag, "LOC") ? NG_TYPER_LOC
	     : !strcmp(tag, "ORG") ? NG_TYPER_ORG : NG_TYPER_OTHER;
}

/* The entities of one IOB2 sentence (forms, tags) as examples. */
static int iob_sentence(examples *x, const ng_lexicon *lx, const char **forms, char **tags, size_t n)
{
	sentence s;
	int rc = sentence_init(&s, lx, forms, n);
	for (size_t i = 0; !rc && i < n; i++) {
		if (tags[i][0] != 'B' || tags[i][1] != '-')
			continue;
		size_t j = i + 1;
		while (j < n && tags[j][0] == 'I' && !strcmp(tags[j] + 2, tags[i] + 2))
			j++;
		if (j - i <= NG_TYPER_MAXRUN)
			rc = add_example(x, &s, i, j, iob_class(tags[i] + 2));
	}
	sentence_free(&s);
	return rc;
}

/* A Universal NER file: ID, FORM, IOB2 tag (more columns ignored) a line,
 * a blank line after each sentence, # comments. */
static int read_iob(examples *x, const ng_lexicon *lx, const char *path, ng_error *err)
{
	char *data;
	size_t len, n = 0, cap = 0;
	int rc = ng_train_read(path, &data, &len, err);
	if (rc)
		return rc;
	const char **forms = NULL;
	char **tags = NULL;
	size_t line = 0;
	for (char *p = data, *nl; !rc && p < data + len; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = data + len;
		*nl = 0;
		line++;
		if (*p == '#')
			continue;
		if (!*p) {
			rc = n ? iob_sentence(x, lx, forms, tags, n) : 0;
			n = 0;
			continue;
		}
		char *f1 = strchr(p, '\t'), *f2 = f1 ? strchr(f1 + 1, '\t') : NULL;
		if (!f2) {
			rc = ng_fail(err, NG_EINVAL, path, (int)line, "expected ID, FORM and tag separated by tabs");
			break;
		}
		*f2 = 0;
		char *f3 = strchr(f2 + 1, '\t');
		if (f3)
			*f3 = 0;
		if (n == cap && (ng_grow((void **)&forms, &cap, n + 1, sizeof *forms) ||
		                 !(tags = realloc(tags, cap * sizeof *tags))))
			rc = NG_ENOMEM;
		else {
			forms[n] = f1 + 1;
			tags[n++] = f2 + 1;
		}
	}
	if (!rc && n)
		rc = iob_sentence(x, lx, forms, tags, n);
	free(forms);
	free(tags);
	free(data);
	return rc;
}

/* The examples of a CoNLL-U corpus and of IOB2 files. */
static int gather(examples *x, const ng_lexicon *lx, const ng_train_corpus *c, char **iob, size_t niob,
                  ng_error *err)
{
	int rc = 0;
	for (size_t s = 0; s < c->nsents && !rc; s++)
		rc = gum_sentence(x, lx, c->sents[s]);
	for (size_t k = 0; k < niob && !rc; k++)
		rc = read_iob(x, lx, iob[k], err);
	return rc;
}

static int classify(const ng_perceptron *p, const examples *x, size_t k)
{
	int64_t score[NG_TYPER_NCLASS] = {0};
	ng_perceptron_score(p, x->f + x->off[k], x->off[k + 1] - x->off[k], score);
	return ng_perceptron_best(score, NG_TYPER_NCLASS);
}

/* Accuracy of the averaged weights, as the model will hold them, per
 * class (the last: all), for tuning only. */
static void accuracy(const ng_perceptron *p, const examples *x, double acc[NG_TYPER_NCLASS + 1])
{
	int16_t *q = ng_perceptron_quantize(p);
	size_t right[NG_TYPER_NCLASS + 1] = {0}, all[NG_TYPER_NCLASS + 1] = {0};
	for (size_t k = 0; q && k < x->n; k++) {
		int64_t score[NG_TYPER_NCLASS] = {0};
		for (size_t i = x->off[k]; i < x->off[k + 1]; i++)
			for (int c = 0; c < NG_TYPER_NCLASS; c++)
				score[c] += q[(size_t)(x->f[i] >> (32 - p->bits)) * NG_TYPER_NCLASS + (size_t)c];
		int ok = ng_perceptron_best(score, NG_TYPER_NCLASS) == x->cls[k];
		right[x->cls[k]] += ok;
		all[x->cls[k]]++;
		right[NG_TYPER_NCLASS] += ok;
		all[NG_TYPER_NCLASS]++;
	}
	for (int c = 0; c <= NG_TYPER_NCLASS; c++)
		acc[c] = all[c] ? (double)right[c] / (double)all[c] : 0;
	free(q);
}

static int train(ng_perceptron *p, const examples *x, const examples *dev, int epochs)
{
	size_t *order = malloc((x->n + 1) * sizeof *order);
	if (!order)
		return NG_ENOMEM;
	for (size_t k = 0; k < x->n; k++)
		order[k] = k;
	uint64_t seed = 0x9e3779b97f4a7c15ull;
	for (int e = 0; e < epochs; e++) {
		ng_train_shuffle(order, x->n, &seed);
		for (size_t i = 0; i < x->n; i++) {
			size_t k = order[i];
			int guess = classify(p, x, k);
			if (guess != x->cls[k]) {
				ng_perceptron_update(p, x->f + x->off[k], x->off[k + 1] - x->off[k], x->cls[k], 1);
				ng_perceptron_update(p, x->f + x->off[k], x->off[k + 1] - x->off[k], guess, -1);
			}
			p->now++;
		}
		double acc[NG_TYPER_NCLASS + 1];
		if (dev->n) {
			accuracy(p, dev, acc);
			fprintf(stderr, "epoch %d: dev accuracy %.4f (person %.3f, place %.3f, organization %.3f, other %.3f)\n",
			        e + 1, acc[NG_TYPER_NCLASS], acc[0], acc[1], acc[2], acc[3]);
		}
	}
	free(order);
	return 0;
}

static int build_model(const ng_perceptron *p, const examples *x, int epochs, ng_buf *out)
{
	int16_t *q = ng_perceptron_quantize(p);
	if (!q)
		return NG_ENOMEM;
	uint32_t meta[2] = {p->bits, NG_TYPER_NCLASS};
	ng_buf text = {0};
	int rc = ng_buf_printf(&text,
	                       "%sThis file: %d epochs over %zu names (person %zu, place %zu, organization %zu, "
	                       "other %zu; %zu more the knowledge base holds left out); 2^%u feature buckets.\n",
	                       credits, epochs, x->n, x->per_class[NG_TYPER_PER], x->per_class[NG_TYPER_LOC],
	                       x->per_class[NG_TYPER_ORG], x->per_class[NG_TYPER_OTHER], x->known, p->bits);
	ng_model_part parts[] = {
		{"nermeta", meta, sizeof meta},
		{"nerw", q, ((size_t)NG_TYPER_NCLASS << p->bits) * sizeof *q},
	};
	if (!rc)
		rc = ng_model_build(out, text.s, parts, sizeof parts / sizeof *parts);
	ng_buf_free(&text);
	free(q);
	return rc;
}

static void examples_free(examples *x)
{
	free(x->f);
	free(x->off);
	free(x->cls);
}

static int usage(void)
{
	fprintf(stderr, "usage: ng-train-typer -o MODEL [--epochs N] [--bits B] INPUT... [--iob FILE]...\n"
	                "                      [--dev INPUT... [--iob FILE]...]\n"
	                "INPUT: a CoNLL-U file with GUM's Entity= annotations, or --docs LIST DIR (the files\n"
	                "LIST names, under DIR), optionally after --only TEXT; --iob FILE: Universal NER IOB2\n");
	return 2;
}

int main(int argc, char **argv)
{
	ng_train_corpus c[2] = {{0}, {0}};
	char **iob[2] = {calloc((size_t)argc, sizeof(char *)), calloc((size_t)argc, sizeof(char *))};
	size_t niob[2] = {0, 0};
	ng_error err = NG_ERROR_INIT;
	int epochs = EPOCHS, bits = BITS, into = 0, rc = 0;
	const char *out = NULL, *only = NULL;
	for (int i = 1; i < argc && !rc; i++) {
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(argv[i], "--epochs") == 0 && i + 1 < argc)
			epochs = atoi(argv[++i]);
		else if (strcmp(argv[i], "--bits") == 0 && i + 1 < argc)
			bits = atoi(argv[++i]);
		else if (strcmp(argv[i], "--iob") == 0 && i + 1 < argc)
			iob[into][niob[into]++] = argv[++i];
		else if (strcmp(argv[i], "--dev") == 0)
			into = 1;
		else if ((rc = ng_train_arg(&c[into], argc, argv, &i, &only, &err)) == 0)
			return usage();
		else if (rc > 0)
			rc = 0;
	}
	if (!rc && (!out || (!c[0].nsents && !niob[0]) || epochs < 1 || bits < 8 || bits > 24))
		return usage();
	ng_lexicon lx;
	examples x[2] = {{0}, {0}};
	ng_perceptron p = {0};
	ng_buf model = {0};
	if (!rc && !(rc = ng_lexicon_init(&lx)))
		rc = ng_lexicon_load_embedded(&lx, &err);
	for (int k = 0; k < 2 && !rc; k++)
		rc = gather(&x[k], &lx, &c[k], iob[k], niob[k], &err);
	if (!rc)
		rc = ng_perceptron_init(&p, (uint32_t)bits, NG_TYPER_NCLASS);
	if (!rc)
		rc = train(&p, &x[0], &x[1], epochs);
	if (!rc)
		rc = build_model(&p, &x[0], epochs, &model);
	if (!rc && ng_train_write_file(out, &model))
		rc = ng_fail(&err, NG_EIO, out, 0, "cannot write the model");
	if (rc)
		fprintf(stderr, "ng-train-typer: %s%s%s\n", err.file, *err.file ? ": " : "",
		        *err.message ? err.message : "out of memory");
	ng_buf_free(&model);
	ng_perceptron_free(&p);
	for (int k = 0; k < 2; k++) {
		examples_free(&x[k]);
		ng_train_corpus_free(&c[k]);
		free(iob[k]);
	}
	ng_lexicon_free(&lx);
	return rc ? 1 : 0;
}
