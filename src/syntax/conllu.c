/* Syntax layer: reading CoNLL-U (see conllu.h). */
#include "syntax/conllu.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static const char *const upos_names[NG_NUPOS] = {"ADJ",  "ADP", "ADV",   "AUX",   "CCONJ", "DET",
                                                 "INTJ", "NOUN", "NUM",  "PART",  "PRON",  "PROPN",
                                                 "PUNCT", "SCONJ", "SYM", "VERB", "X"};

const char *ng_upos_name(ng_upos u)
{
	return (unsigned)u < NG_NUPOS ? upos_names[u] : "_";
}

int ng_upos_parse(const char *s, size_t n)
{
	for (int i = 0; i < NG_NUPOS; i++)
		if (strlen(upos_names[i]) == n && memcmp(upos_names[i], s, n) == 0)
			return i;
	return -1;
}

/* "_" stands for an empty field. */
static const char *field(char *s)
{
	return strcmp(s, "_") == 0 ? "" : s;
}

/* Parses a word line split into its ten fields; 1 when it is a basic word
 * (integer ID), 0 for a multiword range or an empty node. */
static int word_of(char **f, ng_ud_word *w, int *id)
{
	char *end;
	long v = strtol(f[0], &end, 10);
	if (*end || end == f[0])
		return 0;
	*id = (int)v;
	w->form = f[1];
	w->lemma = field(f[2]);
	w->upos = ng_upos_parse(f[3], strlen(f[3]));
	w->xpos = field(f[4]);
	w->feats = field(f[5]);
	w->head = strcmp(f[6], "_") == 0 ? -1 : (int)strtol(f[6], NULL, 10);
	w->deprel = field(f[7]);
	w->misc = field(f[9]);
	w->space_after = strstr(f[9], "SpaceAfter=No") == NULL;
	return 1;
}

/* Closes the sentence of words [first, c->nwords), checking its heads. */
static int end_sentence(ng_ud_corpus *c, size_t first, const char *id, const char *text, const char *name,
                        size_t ln, ng_error *err)
{
	size_t n = c->nwords - first;
	if (!n)
		return 0;
	for (size_t i = first; i < c->nwords; i++)
		if (c->words[i].head > (int)n || c->words[i].head < -1)
			return ng_fail(err, NG_EINVAL, name, (int)ln, "a HEAD outside its sentence");
	ng_ud_sentence *s = NG_PUSH(c->sents, c->nsents, c->csents);
	if (!s)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	/* words may move while growing: the index is fixed up at the end */
	*s = (ng_ud_sentence){id, text, (ng_ud_word *)(uintptr_t)first, n};
	return 0;
}

int ng_ud_read(ng_ud_corpus *c, const char *data, size_t len, const char *name, ng_error *err)
{
	memset(c, 0, sizeof *c);
	if (!(c->buf = ng_strndup(data, len)))
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	const char *id = "", *text = "";
	size_t first = 0, ln = 0;
	int rc = 0, expect = 1;
	for (char *p = c->buf, *next; p && *p && !rc; p = next) {
		char *nl = strchr(p, '\n');
		next = nl ? nl + 1 : NULL;
		if (nl)
			*nl = 0;
		ln++;
		size_t l = strlen(p);
		if (l && p[l - 1] == '\r')
			p[--l] = 0;
		if (!l) {
			rc = end_sentence(c, first, id, text, name, ln, err);
			first = c->nwords;
			id = text = "";
			expect = 1;
			continue;
		}
		if (p[0] == '#') {
			if (strncmp(p, "# sent_id = ", 12) == 0)
				id = p + 12;
			else if (strncmp(p, "# text = ", 9) == 0)
				text = p + 9;
			continue;
		}
		char *f[10];
		int k = 0;
		for (char *q = p; k < 10; k++) {
			f[k] = q;
			char *tab = strchr(q, '\t');
			if (!tab) {
				k++;
				break;
			}
			*tab = 0;
			q = tab + 1;
		}
		ng_ud_word w;
		int wid;
		if (k != 10)
			rc = ng_fail(err, NG_EINVAL, name, (int)ln, "a word line needs 10 tab-separated fields");
		else if (word_of(f, &w, &wid)) {
			if (wid != expect++)
				rc = ng_fail(err, NG_EINVAL, name, (int)ln, "word ID %d out of order", wid);
			ng_ud_word *slot = rc ? NULL : NG_PUSH(c->words, c->nwords, c->cwords);
			if (!rc && !slot)
				rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
			else if (!rc)
				*slot = w;
		}
	}
	if (!rc)
		rc = end_sentence(c, first, id, text, name, ln, err);
	for (size_t i = 0; !rc && i < c->nsents; i++)
		c->sents[i].words = c->words + (size_t)(uintptr_t)c->sents[i].words;
	return rc;
}

void ng_ud_corpus_free(ng_ud_corpus *c)
{
	free(c->buf);
	free(c->sents);
	free(c->words);
	memset(c, 0, sizeof *c);
}
