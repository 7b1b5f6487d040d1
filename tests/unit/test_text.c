/* Unit tests of the text layer: UTF-8 checking, sentence splitting and
 * tokenisation. Cases for the splitter and the tokeniser are data files
 * (sentences.txt, tokens.txt) beside this one. */
#include <stdlib.h>

#include "entities/lexicon.h"
#include "harness.h"
#include "text/doc.h"
#include "text/utf8.h"
#include "util/util.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		s = NULL;
	}
	fclose(f);
	if (s) {
		s[n] = 0;
		*len = (size_t)n;
	}
	return s;
}

static void utf8_cases(void)
{
	ng_error err = NG_ERROR_INIT;
	CHECK(ng_text_check("Putin arrived.", 14, "a.txt", &err) == 0);
	CHECK(ng_text_check("caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d", 18, "a.txt", &err) == 0);
	CHECK(ng_text_check("bad \xff byte", 10, "a.txt", &err) == NG_EINVAL);
	CHECK_STR(err.message, "invalid UTF-8 at offset 4 (line 1)");
	CHECK_STR(err.file, "a.txt");
	CHECK(ng_text_check("a\nb\xc3", 4, "b.txt", &err) == NG_EINVAL);
	CHECK_STR(err.message, "invalid UTF-8 at offset 3 (line 2)");
	CHECK(ng_text_check("nul\0byte", 8, "c.txt", &err) == NG_EINVAL);
	CHECK_STR(err.message, "NUL byte at offset 3: binary input, not text");
	CHECK(ng_text_check("\xff\xfe" "a\0", 4, "d.txt", &err) == NG_EINVAL);
	CHECK_STR(err.message, "input is UTF-16 (byte order mark), not UTF-8");
	CHECK(ng_text_check("\xc0\xaf", 2, "e.txt", &err) == NG_EINVAL); /* overlong */
	CHECK(ng_text_check("\xed\xa0\x80", 3, "f.txt", &err) == NG_EINVAL); /* surrogate */
	CHECK(ng_text_check("bell\x07", 5, "g.txt", &err) == NG_EINVAL);
	CHECK_STR(err.message, "control byte 0x07 at offset 4: binary input, not text");
	CHECK(ng_text_check("", 0, "h.txt", &err) == 0);
}

static void norm_cases(void)
{
	ng_buf b = {0};
	const char *in = "Russia\xe2\x80\x99s \xe2\x80\x9cSIBERIAN\xe2\x80\x9d\xc2\xa0Power \xe2\x80\x94 \xc3\x89lys\xc3\xa9" "e";
	CHECK(ng_norm_append(&b, in, strlen(in)) == 0);
	CHECK_STR(b.s, "russia's \"siberian\" power - \xc3\xa9lys\xc3\xa9" "e");
	ng_buf_free(&b);
}

/* sentences.txt: "### name", input lines, "---", one expected sentence per
 * line, "===". */
static ng_text_opts opts;

static void sentence_cases(const char *path)
{
	size_t len;
	char *data = slurp(path, &len);
	CHECK(data != NULL);
	if (!data)
		return;
	int cases = 0;
	for (char *p = strstr(data, "### "); p; p = strstr(p, "### ")) {
		char *name = p + 4, *nl = strchr(name, '\n');
		char *sep = strstr(nl, "\n---\n"), *end = strstr(nl, "\n===");
		if (!nl || !sep || !end || sep > end) {
			fprintf(stderr, "%s: malformed case near '%.30s'\n", path, name);
			ng_failures++;
			break;
		}
		*nl = 0;
		*sep = 0;
		*end = 0;
		ng_doc d;
		char *text = nl + 1;
		ng_error err = NG_ERROR_INIT;
		CHECK(ng_doc_init(&d, text, strlen(text), &opts, &err) == 0);
		ng_buf got = {0}, want = {0};
		for (size_t i = 0; i < d.nsents; i++) {
			ng_buf_add(&got, text + d.sents[i].start, d.sents[i].end - d.sents[i].start);
			ng_buf_adds(&got, d.sents[i].headline ? " [headline]\n" : "\n");
		}
		ng_buf_adds(&want, sep + 5);
		ng_buf_adds(&want, "\n");
		ng_checks++;
		if (strcmp(got.s ? got.s : "", want.s) != 0) {
			ng_failures++;
			fprintf(stderr, "sentence case '%s':\n--- expected\n%s--- got\n%s", name, want.s, got.s ? got.s : "");
		}
		cases++;
		ng_buf_free(&got);
		ng_buf_free(&want);
		ng_doc_free(&d);
		p = end + 4;
	}
	CHECK(cases >= 40);
	free(data);
}

/* tokens.txt: an input line, then the expected tokens joined by " | ",
 * then a blank line. */
static void token_cases(const char *path)
{
	size_t len;
	char *data = slurp(path, &len);
	CHECK(data != NULL);
	if (!data)
		return;
	int cases = 0;
	char *save = NULL;
	char *lines[2];
	int n = 0;
	for (char *l = strtok_r(data, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		if (l[0] == '#')
			continue;
		lines[n++] = l;
		if (n < 2)
			continue;
		n = 0;
		ng_doc d;
		ng_error err = NG_ERROR_INIT;
		CHECK(ng_doc_init(&d, lines[0], strlen(lines[0]), &opts, &err) == 0);
		ng_buf got = {0};
		for (size_t i = 0; i < d.ntoks; i++) {
			if (i)
				ng_buf_adds(&got, " | ");
			ng_buf_add(&got, lines[0] + d.toks[i].start, d.toks[i].end - d.toks[i].start);
		}
		CHECK_STR(got.s ? got.s : "", lines[1]);
		ng_buf_free(&got);
		ng_doc_free(&d);
		cases++;
	}
	CHECK(cases >= 20);
	free(data);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: test_text DIR\n");
		return 2;
	}
	char path[1024];
	ng_lexicon lx;
	ng_error err = NG_ERROR_INIT;
	if (ng_lexicon_init(&lx) || ng_lexicon_load_embedded(&lx, &err)) {
		fprintf(stderr, "cannot load the knowledge base: %s\n", err.message);
		return 1;
	}
	opts = ng_lexicon_text_opts(&lx);
	utf8_cases();
	norm_cases();
	snprintf(path, sizeof path, "%s/sentences.txt", argv[1]);
	sentence_cases(path);
	snprintf(path, sizeof path, "%s/tokens.txt", argv[1]);
	token_cases(path);
	ng_lexicon_free(&lx);
	return harness_done("test_text");
}
