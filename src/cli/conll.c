/* newsgraph entities -f conll: labels pre-tokenised CoNLL text (a token
 * first on each line, a blank line between sentences, -DOCSTART- lines
 * between documents) with PER, LOC, ORG and MISC in IOB2, appended to each
 * line as the last column, so that conlleval scores it. Each document is
 * read as one article: its tokens joined by spaces, a sentence a line. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* A token: its line in the input and its bytes in the article text. */
typedef struct ctok {
	const char *line;
	size_t start, end;
	const char *tag; /* "PER", ... or NULL */
	int begin;
} ctok;

/* The CoNLL label of a mention's type; NULL: not a name of the task. */
static const char *label(const ng_mention_info *m)
{
	if (m->kind != NG_NAME)
		return NULL;
	if (m->adjective || m->type == NG_GROUP)
		return "MISC";
	switch (m->type) {
	case NG_PERSON:
		return "PER";
	case NG_STATE:
	case NG_LOCATION:
		return "LOC";
	case NG_ORGANIZATION:
	case NG_COMPANY:
		return "ORG";
	default:
		return NULL;
	}
}

static size_t field_len(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && s[k] != ' ' && s[k] != '\t')
		k++;
	return k;
}

/* The article text being built: grows by doubling. */
typedef struct tbuf {
	char *s;
	size_t len, cap;
} tbuf;

static int tbuf_add(tbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->s, cap);
		if (!p)
			return -1;
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
	return 0;
}

/* Labels the tokens of one document from its mentions: the first mention
 * over a token wins. 0, or the library's error code. */
static int label_doc(const ng_extractor *ex, const char *src, ctok *t, size_t n, tbuf *text, ng_error *err)
{
	ng_mentions *ms = NULL;
	ng_article art = {src, src, NULL};
	if (!n)
		return 0;
	int rc = ng_extract_mentions(ex, text->s, text->len, &art, &ms, err);
	size_t k = 0;
	for (size_t i = 0; !rc && i < ng_mentions_count(ms); i++) {
		const ng_mention_info *m = ng_mentions_get(ms, i);
		const char *tag = label(m);
		while (k > 0 && t[k - 1].end > m->start)
			k--;
		for (; tag && k < n && t[k].start < m->end; k++)
			if (t[k].start >= m->start && !t[k].tag) {
				t[k].tag = tag;
				t[k].begin = t[k].start == m->start || k == 0 || t[k - 1].tag != tag;
			}
	}
	ng_mentions_free(ms);
	return rc;
}

/* Writes the lines of [from, to) with their labels. 0, or -1. */
static int write_lines(const char *from, const char *to, const ctok *t, size_t n)
{
	size_t k = 0;
	for (const char *p = from; p < to;) {
		const char *e = memchr(p, '\n', (size_t)(to - p));
		size_t len = e ? (size_t)(e - p) : (size_t)(to - p);
		size_t shown = len && p[len - 1] == '\r' ? len - 1 : len;
		int r;
		if (k < n && t[k].line == p) {
			r = t[k].tag ? printf("%.*s %s-%s\n", (int)shown, p, t[k].begin ? "B" : "I", t[k].tag)
			             : printf("%.*s O\n", (int)shown, p);
			k++;
		} else
			r = printf("%.*s\n", (int)shown, p);
		if (r < 0)
			return -1;
		p += len + (e != NULL);
	}
	return 0;
}

/* Labels the CoNLL file at path and prints it. 0, or prints and returns 2. */
int cli_conll_entities(const ng_extractor *ex, const char *path)
{
	char *data;
	size_t len;
	if (cli_read(path, &data, &len))
		return 2;
	const char *src = strcmp(path, "-") == 0 ? "<stdin>" : path;
	tbuf text = {0};
	ctok *t = NULL;
	size_t n = 0, cap = 0;
	int rc = 0, nl = 0;
	const char *doc = data, *end = data + len;
	ng_error err = NG_ERROR_INIT;
	for (const char *p = data; p <= end && !rc;) {
		const char *e = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
		size_t l = e ? (size_t)(e - p) : (size_t)(end - p), next = l + (e != NULL);
		if (l && p[l - 1] == '\r')
			l--;
		size_t f = field_len(p, l);
		int docstart = f == 10 && memcmp(p, "-DOCSTART-", 10) == 0;
		if (docstart || p == end) {
			/* a document ends: label and print it */
			if (label_doc(ex, src, t, n, &text, &err))
				rc = cli_lib_error(&err, src);
			else if (write_lines(doc, p, t, n))
				rc = cli_error("<stdout>", "write failed: %s", strerror(errno));
			doc = p;
			n = 0;
			text.len = 0;
			nl = 0;
		} else if (!f) {
			nl = text.len > 0;
		} else {
			if (n == cap) {
				ctok *g = realloc(t, (cap = cap ? cap * 2 : 256) * sizeof *t);
				if (!g) {
					rc = cli_error(NULL, "out of memory");
					break;
				}
				t = g;
			}
			if ((text.len && tbuf_add(&text, nl ? "\n" : " ", 1)) || tbuf_add(&text, p, f))
				rc = cli_error(NULL, "out of memory");
			else
				t[n++] = (ctok){p, text.len - f, text.len, NULL, 0};
			nl = 0;
		}
		if (p == end)
			break;
		p += next;
	}
	free(t);
	free(text.s);
	free(data);
	return rc;
}
