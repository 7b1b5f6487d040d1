/* Training tools: loading treebank inputs (see corpus.h). Input: file
 * names and document lists. Output: the sentences, in input order. */
#include "train/corpus.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

int ng_train_read(const char *path, char **data, size_t *len, ng_error *err)
{
	FILE *f = fopen(path, "rb");
	ng_buf b = {0};
	*data = NULL;
	if (!f)
		return ng_fail(err, NG_EIO, path, 0, "cannot open: %s", strerror(errno));
	char chunk[65536];
	size_t n;
	int rc = 0;
	while (!rc && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		rc = ng_buf_add(&b, chunk, n);
	if (!rc && ferror(f))
		rc = ng_fail(err, NG_EIO, path, 0, "read error");
	else if (rc)
		rc = ng_fail(err, NG_ENOMEM, path, 0, "out of memory");
	fclose(f);
	if (!rc && !b.s)
		rc = ng_buf_add(&b, "", 0);
	if (rc) {
		ng_buf_free(&b);
		return rc;
	}
	*data = b.s;
	*len = b.len;
	return 0;
}

int ng_train_add_file(ng_train_corpus *c, const char *path, ng_error *err)
{
	char *data;
	size_t len;
	int rc = ng_train_read(path, &data, &len, err);
	if (rc)
		return rc;
	ng_ud_corpus *u = NG_PUSH(c->files, c->nfiles, c->cfiles);
	if (!u) {
		free(data);
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	memset(u, 0, sizeof *u);
	rc = ng_ud_read(u, data, len, path, err);
	free(data);
	if (rc)
		return rc;
	/* Sentence pointers stay valid: each file's array is its own. */
	for (size_t i = 0; i < u->nsents; i++) {
		const ng_ud_sentence **s = NG_PUSH(c->sents, c->nsents, c->csents);
		if (!s)
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
		*s = &u->sents[i];
		c->nwords += u->sents[i].n;
	}
	return 0;
}

int ng_train_add_list(ng_train_corpus *c, const char *list, const char *dir, const char *only, ng_error *err)
{
	char *data;
	size_t len;
	int rc = ng_train_read(list, &data, &len, err);
	ng_buf path = {0};
	for (char *line = data, *next; !rc && line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		size_t n = strlen(line);
		while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
			line[--n] = 0;
		if (!n || (only && !strstr(line, only)))
			continue;
		path.len = 0;
		if (ng_buf_printf(&path, "%s/%s", dir, line))
			rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
		else
			rc = ng_train_add_file(c, path.s, err);
	}
	ng_buf_free(&path);
	free(data);
	return rc;
}

void ng_train_corpus_free(ng_train_corpus *c)
{
	for (size_t i = 0; i < c->nfiles; i++)
		ng_ud_corpus_free(&c->files[i]);
	free(c->files);
	free(c->sents);
	memset(c, 0, sizeof *c);
}

int ng_train_arg(ng_train_corpus *c, int argc, char **argv, int *i, const char **only, ng_error *err)
{
	const char *a = argv[*i];
	if (strcmp(a, "--only") == 0 && *i + 1 < argc) {
		*only = argv[++*i];
		return 1;
	}
	if (strcmp(a, "--docs") == 0 && *i + 2 < argc) {
		int rc = ng_train_add_list(c, argv[*i + 1], argv[*i + 2], *only, err);
		*only = NULL;
		*i += 2;
		return rc ? rc : 1;
	}
	if (a[0] == '-')
		return 0;
	int rc = ng_train_add_file(c, a, err);
	return rc ? rc : 1;
}

int ng_train_write_file(const char *path, const ng_buf *b)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return 1;
	int bad = fwrite(b->s, 1, b->len, f) != b->len;
	return fclose(f) || bad;
}
