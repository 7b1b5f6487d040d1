/* Unit tests of the syntax layer's tagger side: the model container, the
 * compiled-in tagger on a news sentence, lemmas of regular verbs and
 * nouns, and tokens cut into the treebanks' words; and the name typer's
 * model (src/entities/typer.h), which lives in the same container. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "entities/typer.h"
#include "harness.h"
#include "syntax/conllu.h"
#include "syntax/lemma.h"
#include "syntax/model.h"
#include "syntax/tag.h"
#include "syntax/words.h"

static void test_container(void)
{
	ng_buf b = {0};
	const char a[] = "abc", z[] = "0123456789abcdefXY";
	ng_model_part parts[] = {{"one", a, 3}, {"two", z, sizeof z - 1}};
	CHECK(ng_model_build(&b, "newsgraph model: test\nheader", parts, 2) == 0);
	ng_model m;
	ng_error err = NG_ERROR_INIT;
	const void *p;
	size_t n;
	CHECK(ng_model_open(&m, (const unsigned char *)b.s, b.len, "t", "test", &err) == 0);
	CHECK(ng_model_section(&m, "two", 1, &p, &n, &err) == 0 && n == 18 && memcmp(p, z, 18) == 0);
	CHECK(((uintptr_t)p) % NG_MODEL_ALIGN == 0);
	CHECK(ng_model_section(&m, "one", 2, &p, &n, &err) == NG_EINVAL);
	CHECK(ng_model_section(&m, "three", 1, &p, &n, &err) == NG_EINVAL);
	CHECK(ng_model_open(&m, (const unsigned char *)b.s, b.len, "t", "tagger", &err) == NG_EINVAL);
	/* A truncated file must not be read past its end. */
	CHECK(ng_model_open(&m, (const unsigned char *)b.s, b.len - 20, "t", "test", &err) == NG_EINVAL);
	ng_tagger *t;
	CHECK(ng_tagger_new(&t, (const unsigned char *)b.s, b.len, "t", &err) == NG_EINVAL && !t);
	ng_buf_free(&b);
}

/* The typer opens only a names model of its dimensions, and the feature
 * buffer is as large as the header promises even for the longest run
 * whose every word has every cue (under ASan, an overflow shows here). */
static void test_typer(void)
{
	ng_buf b = {0};
	ng_error err = NG_ERROR_INIT;
	ng_typer *ty;
	uint32_t meta[2] = {8, NG_TYPER_NCLASS};
	int16_t w[NG_TYPER_NCLASS << 8] = {0};
	ng_model_part short_w[] = {{"nermeta", meta, sizeof meta}, {"nerw", w, sizeof w - 2}};
	CHECK(ng_model_build(&b, "newsgraph model: names\n", short_w, 2) == 0);
	CHECK(ng_typer_new(&ty, (const unsigned char *)b.s, b.len, "n", &err) == NG_EINVAL && !ty);
	CHECK_STR(err.message, "names model weights do not match their dimensions");
	b.len = 0;
	ng_model_part good[] = {{"nermeta", meta, sizeof meta}, {"nerw", w, sizeof w}};
	CHECK(ng_model_build(&b, "newsgraph model: tagger\n", good, 2) == 0);
	CHECK(ng_typer_new(&ty, (const unsigned char *)b.s, b.len, "n", &err) == NG_EINVAL && !ty);
	b.len = 0;
	CHECK(ng_model_build(&b, "newsgraph model: names\n", good, 2) == 0);
	CHECK(ng_typer_new(&ty, (const unsigned char *)b.s, b.len, "n", &err) == 0 && ty);
	ng_typer_free(ty);
	ng_buf_free(&b);
	ng_typer_word ws[NG_TYPER_MAXRUN + 4];
	for (size_t i = 0; i < NG_TYPER_MAXRUN + 4; i++)
		ws[i] = (ng_typer_word){"Word", 4, "word", 0xffffffffu};
	uint32_t *f = malloc(NG_TYPER_MAXFEAT * sizeof *f);
	CHECK(f && ng_typer_features(ws, NG_TYPER_MAXRUN + 4, 2, NG_TYPER_MAXRUN + 2, f) <= NG_TYPER_MAXFEAT);
	free(f);
	CHECK(ng_typer_new_embedded(&ty, &err) == 0 && ty);
	ng_typer_free(ty);
}

static void test_tagger(const ng_tagger *t)
{
	const char *forms[] = {"The", "minister", "visited", "Paris", "on", "Monday", "and", "talks", "began", "."};
	const int want[] = {NG_DET, NG_NOUN, NG_VERB, NG_PROPN, NG_ADP, NG_PROPN, NG_CCONJ, NG_NOUN, NG_VERB, NG_PUNCT};
	int got[10];
	ng_error err = NG_ERROR_INIT;
	CHECK(ng_tagger_tag(t, forms, 10, got, &err) == 0);
	for (int i = 0; i < 10; i++)
		CHECK_STR(ng_upos_name(got[i]), ng_upos_name(want[i]));
	CHECK(ng_tagger_tag(t, forms, 0, got, &err) == 0);
	/* The feature buffer is exactly as large as the header promises: a
	 * template added beyond it shows here (under ASan, as an overflow). */
	ng_tag_word ws[3];
	for (int i = 0; i < 3; i++)
		ng_tag_word_init(&ws[i], forms[i], NULL, 0);
	uint32_t *f = malloc(NG_TAG_MAXFEAT * sizeof *f);
	CHECK(f && ng_tag_features(ws, 3, 1, NG_DET, NG_NUPOS, f) <= NG_TAG_MAXFEAT);
	free(f);
}

/* The extractor shares one tagger between threads: each tags and
 * lemmatizes on its own, and must get what a lone thread gets. */
typedef struct job {
	const ng_tagger *t;
	int same;
} job;

static const char *const news[] = {"Officials", "said", "the", "talks", "were", "sanctioned", "by", "Brussels", "."};
#define NNEWS (sizeof news / sizeof *news)

static void *tag_often(void *arg)
{
	job *j = arg;
	int first[NNEWS], again[NNEWS];
	ng_buf b = {0};
	j->same = ng_tagger_tag(j->t, news, NNEWS, first, NULL) == 0;
	for (int r = 0; r < 200 && j->same; r++) {
		j->same = ng_tagger_tag(j->t, news, NNEWS, again, NULL) == 0 && memcmp(first, again, sizeof first) == 0 &&
		          ng_lemmatize(ng_tagger_lemmatizer(j->t), "sanctioned", NG_VERB, &b) == 0 &&
		          strcmp(b.s, "sanction") == 0;
	}
	ng_buf_free(&b);
	return NULL;
}

static void test_threads(const ng_tagger *t)
{
	pthread_t th[4];
	job jobs[4];
	for (int i = 0; i < 4; i++) {
		jobs[i] = (job){t, 0};
		CHECK(pthread_create(&th[i], NULL, tag_often, &jobs[i]) == 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		CHECK(jobs[i].same);
	}
}

static void lemma_is(const ng_lemmatizer *l, const char *form, int upos, const char *want)
{
	ng_buf b = {0};
	CHECK(ng_lemmatize(l, form, upos, &b) == 0);
	CHECK_STR(b.s, want);
	ng_buf_free(&b);
}

static void test_lemmas(const ng_lemmatizer *l)
{
	lemma_is(l, "visited", NG_VERB, "visit");
	lemma_is(l, "visiting", NG_VERB, "visit");
	lemma_is(l, "visits", NG_VERB, "visit");
	lemma_is(l, "talks", NG_NOUN, "talk");
	lemma_is(l, "Talks", NG_NOUN, "talk");
	lemma_is(l, "sanctioned", NG_VERB, "sanction");
	lemma_is(l, "went", NG_VERB, "go");
	lemma_is(l, "Went", NG_VERB, "go");
	lemma_is(l, "children", NG_NOUN, "child");
	lemma_is(l, "studies", NG_NOUN, "study");
	lemma_is(l, "Obama", NG_PROPN, "Obama");
	lemma_is(l, "", NG_NOUN, "");
}

/* The words of token `tok`, joined by spaces. */
static void words_are(const char *tok, const char *want)
{
	size_t ends[NG_WORDS_MAX], k = ng_words_cut(tok, strlen(tok), ends), from = 0;
	char got[256] = "";
	for (size_t i = 0; i < k; i++) {
		strcat(got, i ? " " : "");
		strncat(got, tok + from, ends[i] - from);
		from = ends[i];
	}
	CHECK_STR(got, want);
}

static void test_words(void)
{
	words_are("don't", "do n't");
	words_are("can't", "ca n't");
	words_are("won't", "wo n't");
	words_are("Isn\xE2\x80\x99t", "Is n\xE2\x80\x99t");
	words_are("cannot", "can not");
	words_are("it's", "it 's");
	words_are("we're", "we 're");
	words_are("they'll", "they 'll");
	words_are("I'm", "I 'm");
	words_are("O'Neill", "O'Neill");
	words_are("D'Alema", "D'Alema");
	words_are("long-term", "long - term");
	words_are("Russia-Ukraine", "Russia - Ukraine");
	words_are("co-founder", "co-founder");
	words_are("non-profit", "non-profit");
	words_are("e-mail", "e-mail");
	words_are("20-year", "20-year");
	words_are("Kremlin-backed", "Kremlin - backed");
	words_are("-", "-");
	words_are("ba-bb-bc-bd-be-bf-bg-bh-bi", "ba - bb - bc - bd - be - bf - bg - bh-bi");
}

int main(void)
{
	ng_tagger *t;
	ng_error err = NG_ERROR_INIT;
	test_container();
	test_typer();
	test_words();
	CHECK(ng_tagger_new_embedded(&t, &err) == 0);
	if (t) {
		test_tagger(t);
		test_lemmas(ng_tagger_lemmatizer(t));
		test_threads(t);
	}
	ng_tagger_free(t);
	return harness_done("syntax");
}
