/* Unit tests of the text layer: UTF-8 checking, sentence splitting and
 * tokenisation. Cases for the splitter and the tokeniser are data files
 * (sentences.txt, tokens.txt) beside this one. Then the cue classes that
 * the text layer and later stages read from the lexicon's data: the
 * embedded lists are whole, and a user lexicon adding a cue word changes
 * what comes out. */
#include <stdlib.h>

#include "entities/lexicon.h"
#include "harness.h"
#include "newsgraph/extract.h"
#include "newsgraph/graph.h"
#include "newsgraph/writer.h"
#include "relations/date.h"
#include "relations/modality.h"
#include "text/doc.h"
#include "text/utf8.h"
#include "util/util.h"

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
	size_t len = 0;
	char *data = harness_slurp(path, &len);
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
	size_t len = 0;
	char *data = harness_slurp(path, &len);
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

/* The sentences of `text` and its tokens, as "sentence / sentence" and
 * "tok | tok". */
static void split(const ng_lexicon *lx, const char *text, ng_buf *sents, ng_buf *toks)
{
	ng_text_opts o = ng_lexicon_text_opts(lx);
	ng_doc d;
	ng_error err = NG_ERROR_INIT;
	sents->len = toks->len = 0;
	ng_buf_adds(sents, "");
	ng_buf_adds(toks, "");
	if (ng_doc_init(&d, text, strlen(text), &o, &err))
		return;
	for (size_t i = 0; i < d.nsents; i++) {
		ng_buf_adds(sents, i ? " / " : "");
		ng_buf_add(sents, text + d.sents[i].start, d.sents[i].end - d.sents[i].start);
	}
	for (size_t i = 0; i < d.ntoks; i++) {
		ng_buf_adds(toks, i ? " | " : "");
		ng_buf_add(toks, text + d.toks[i].start, d.toks[i].end - d.toks[i].start);
	}
	ng_doc_free(&d);
}

static int load(ng_lexicon *lx, const char *data, ng_error *err)
{
	return ng_lexicon_load(lx, "user.lex", data, strlen(data), err);
}

/* The embedded cue lists: every class has words, and the calendar's
 * values are the months' numbers. */
static void cue_data_cases(const ng_lexicon *lx)
{
	for (int c = 0; c < NG_W_NCLASSES; c++)
		CHECK(ng_lexicon_forms(lx, c)[0] != NULL);
	CHECK(ng_lexicon_value(lx, NG_W_MONTH, "january", 0) == 1);
	CHECK(ng_lexicon_value(lx, NG_W_MONTH, "september", 0) == 9);
	CHECK(ng_lexicon_value(lx, NG_W_MONTH_ABBR, "dec", 0) == 12);
	CHECK(ng_lexicon_value(lx, NG_W_MONTH_ABBR, "sept", 0) == 0); /* dates do not read it */
	CHECK(ng_lexicon_value(lx, NG_W_DAY, "yesterday", 9) == -1);
	CHECK(ng_lexicon_cue(lx, "-backed", 7) == (NG_CLASS(NG_W_MODIFIER_SUFFIX) | NG_CLASS(NG_W_ACTING_SUFFIX)));
	CHECK(ng_lexicon_cue(lx, "according to", 12) == NG_CLASS(NG_W_REPORTING));
	/* a month is no name, though not-name does not list it */
	CHECK(ng_lexicon_in_wid(lx, ng_lexicon_wid(lx, "march"), NG_NOT_NAME));
	CHECK(!ng_lexicon_is(lx, "march", NG_W_NOT_NAME));
}

/* Bad cue lines name the file and line. */
static void cue_error_cases(void)
{
	static const struct {
		const char *line, *message;
	} cases[] = {
		{"word|month|Smarch", "class 'month' needs a value: month=N"},
		{"word|weekday=8|Caturday", "class 'weekday' takes no value"},
		{"word|month=thirteen|Smarch", "value 'thirteen' of class 'month' is not a whole number"},
		{"word|reporting-verb|whispered", "unknown word class 'reporting-verb'"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		ng_lexicon lx;
		ng_error err = NG_ERROR_INIT;
		CHECK(ng_lexicon_init(&lx) == 0);
		char data[128];
		snprintf(data, sizeof data, "# user cues\n%s\n", cases[i].line);
		CHECK(load(&lx, data, &err) == NG_EINVAL);
		CHECK_STR(err.message, cases[i].message);
		CHECK_STR(err.file, "user.lex");
		CHECK(err.line == 2);
		ng_lexicon_free(&lx);
	}
}

/* Dated ties: offices and seats by day, short names, bad dates. */
static void dated_cases(void)
{
	ng_lexicon lx;
	ng_error err = NG_ERROR_INIT;
	CHECK(ng_lexicon_init(&lx) == 0);
	CHECK(load(&lx,
	           "state:aaa|Aland|from=1922-12-30|to=1991-12-25\n"
	           "state:bbb|Bland\n"
	           "location:cap|Capital|gov=state:aaa|to=1991-11|gov=state:bbb|from=1992|in=state:bbb\n"
	           "person:p1|Pat One|works_for=state:aaa|role=Vice President|from=1981-01-20|to=1989-01-20|"
	           "leads=state:aaa|role=President|from=1989-01-20|to=1993-01-20|short=One\n"
	           "person:p2|Pam One|leads=state:bbb|role=President|from=2001-01-20|short=One\n",
	           &err) == 0);
	CHECK(ng_day_parse("1990-05-03", 0) == 19900503);
	CHECK(ng_day_parse("1990", 0) == 19900101 && ng_day_parse("1990", 1) == 19901231);
	CHECK(ng_day_parse("1990-02", 1) == 19900231); /* an order, not a calendar */
	CHECK(ng_day_parse("1990-13-01", 0) == NG_DAY_NONE && ng_day_parse("90-01-01", 0) == NG_DAY_NONE);
	const ng_entry *a = ng_lexicon_entry(&lx, "state:aaa"), *cap = ng_lexicon_entry(&lx, "location:cap");
	const ng_entry *p1 = ng_lexicon_entry(&lx, "person:p1");
	CHECK(a->from == 19221230 && a->to == 19911225);
	CHECK_STR(ng_entry_gov(cap, NG_DAY_NONE), "state:bbb"); /* undated: the last gov= */
	CHECK_STR(ng_entry_gov(cap, 19870302), "state:aaa");
	CHECK_STR(ng_entry_gov(cap, 19950302), "state:bbb");
	CHECK(ng_entry_gov(cap, 19920101) != NULL && ng_entry_gov(cap, 19911215) == NULL); /* between the two */
	CHECK_STR(ng_entry_office(p1, 19850101, -1)->role, "Vice President");
	CHECK(ng_entry_office(p1, 19850101, NG_TIE_LEADS) == NULL);
	CHECK_STR(ng_entry_office(p1, 19900101, NG_TIE_LEADS)->role, "President");
	CHECK(ng_entry_office(p1, 19950101, -1) == NULL && ng_entry_dated(p1));
	CHECK_STR(p1->leads, "state:aaa"); /* undated, the last office holds */
	CHECK(p1->works_for == NULL);
	CHECK_STR(p1->role, "President");
	const int *one = ng_lexicon_shorts(&lx, "one");
	CHECK(one && one[0] >= 0 && one[1] >= 0 && one[2] == -1);
	CHECK(ng_lexicon_shorts(&lx, "pat") == NULL);
	ng_lexicon_free(&lx);

	static const struct {
		const char *line, *message;
	} bad[] = {
		{"person:x|X|leads=state:aaa|from=1989-13-01", "from=1989-13-01 is not a date like 1989-01-20"},
		{"person:x|X|leads=state:aaa|from=1990|to=1989", "to=1989 comes before from="},
		{"state:x|X|to=yesterday", "to=yesterday is not a date like 1989-01-20"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		CHECK(ng_lexicon_init(&lx) == 0);
		ng_error e2 = NG_ERROR_INIT;
		CHECK(load(&lx, bad[i].line, &e2) == NG_EINVAL);
		CHECK_STR(e2.message, bad[i].message);
		CHECK(e2.line == 1);
		ng_lexicon_free(&lx);
	}
}

/* A user lexicon adds cue words: an abbreviation, a reporting verb, a
 * hedge, a month abbreviation. */
static void cue_user_cases(ng_lexicon *lx)
{
	ng_error err = NG_ERROR_INIT;
	ng_buf sents = {0}, toks = {0};
	const char *text = "Police held Cpl. Jones overnight.";
	split(lx, text, &sents, &toks);
	CHECK_STR(sents.s, "Police held Cpl. / Jones overnight.");
	CHECK_STR(toks.s, "Police | held | Cpl | . | Jones | overnight | .");
	CHECK(load(lx, "word|abbr-title|cpl\n", &err) == 0);
	split(lx, text, &sents, &toks);
	CHECK_STR(sents.s, "Police held Cpl. Jones overnight.");
	CHECK_STR(toks.s, "Police | held | Cpl. | Jones | overnight | .");
	ng_buf_free(&sents);
	ng_buf_free(&toks);

	const char *ph = "<state#0> attacked <state#1>, the minister whispered.";
	const char *hedged = "<state#0> is reportedly mulling an attack";
	int negated = -1;
	CHECK(ng_modality_reported(lx, ph) == 0);
	CHECK(ng_modality_classify(lx, ph, 0, 29, 0, &negated) == 0);
	CHECK(negated == 0);
	CHECK(ng_modality_classify(lx, hedged, 10, 41, 0, &negated) == 0);
	CHECK(load(lx, "word|reporting|whispered\nword|hypothetical|reportedly mulling\n", &err) == 0);
	CHECK(ng_modality_reported(lx, ph) == 1);
	CHECK(ng_modality_classify(lx, ph, 0, 29, 1, &negated) == 1);
	CHECK(ng_modality_classify(lx, hedged, 10, 41, 0, &negated) == 3);

	ng_date_ref r;
	char out[32] = "";
	ng_date_ref_init(&r, "1987-03-15");
	CHECK(ng_date_find(&r, lx, "talks end on sept 30", out, sizeof out, NULL) == 0);
	CHECK(load(lx, "word|month-abbr=9|sept\n", &err) == 0);
	CHECK(ng_date_find(&r, lx, "talks end on sept 30", out, sizeof out, NULL) == 1);
	CHECK_STR(out, "1987-09-30");
	/* A day the calendar lacks keeps its month only (graph readers refuse
	 * a date like 1987-09-31). */
	CHECK(ng_date_find(&r, lx, "talks end on september 31", out, sizeof out, NULL) == 1);
	CHECK_STR(out, "1987-09");
	CHECK(ng_date_find(&r, lx, "it met on february 29, 1987", out, sizeof out, NULL) == 1);
	CHECK_STR(out, "1987-02");
	CHECK(ng_date_find(&r, lx, "it met on february 29, 1988", out, sizeof out, NULL) == 1);
	CHECK_STR(out, "1988-02-29");
}

/* The modality of the one edge extracted from `text`, from the JSON Lines
 * output. */
static void edge_modality(const ng_extractor *ex, const char *text, char *mod, size_t n)
{
	ng_graph *g = NULL;
	ng_error err = NG_ERROR_INIT;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ng_article a = {"a", "a", NULL};
	mod[0] = 0;
	if (f && ng_graph_new(&g, &err) == 0 && ng_extract(ex, text, strlen(text), &a, g, &err) == 0 &&
	    ng_write(ng_writer_find("jsonl"), g, f, 0, NULL, &err) == 0 && fflush(f) == 0) {
		const char *e = strstr(buf, "\"kind\":\"edge\"");
		const char *m = e ? strstr(e, "\"modality\":\"") : NULL;
		if (m)
			snprintf(mod, n, "%.*s", (int)strcspn(m + 12, "\""), m + 12);
	}
	if (f)
		fclose(f);
	free(buf);
	ng_graph_free(g);
}

/* The same through the public API: --lexicon FILE with a reporting verb
 * turns an asserted edge into a reported one. */
static void cue_pipeline_cases(void)
{
	ng_extractor *ex = NULL;
	ng_error err = NG_ERROR_INIT;
	const char *text = "Russia attacked Ukraine on Monday, the minister whispered.\n";
	char mod[32];
	CHECK(ng_extractor_new(&ex, &err) == 0);
	if (!ex)
		return;
	edge_modality(ex, text, mod, sizeof mod);
	CHECK_STR(mod, "asserted");
	const char *user = "word|reporting|whispered\n";
	CHECK(ng_extractor_add_lexicon(ex, "user.lex", user, strlen(user), &err) == 0);
	edge_modality(ex, text, mod, sizeof mod);
	CHECK_STR(mod, "reported");
	ng_extractor_free(ex);
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
	cue_data_cases(&lx);
	cue_error_cases();
	dated_cases();
	cue_user_cases(&lx);
	cue_pipeline_cases();
	ng_lexicon_free(&lx);
	return harness_done("test_text");
}
