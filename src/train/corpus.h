/* Training tools: the treebank sentences a trainer or scorer reads, from
 * CoNLL-U files and from document lists (as the UD treebanks assemble
 * their splits: the files a list names, under a folder, in list order). */
#ifndef NG_TRAIN_CORPUS_H
#define NG_TRAIN_CORPUS_H

#include <stddef.h>
#include "syntax/conllu.h"
#include "util/util.h"

typedef struct ng_train_corpus {
	ng_ud_corpus *files;
	size_t nfiles, cfiles;
	const ng_ud_sentence **sents; /* every file's sentences, in order */
	size_t nsents, csents;
	size_t nwords;
} ng_train_corpus;

/* Adds one CoNLL-U file. Returns 0, or an NG_E* code with err filled. */
int ng_train_add_file(ng_train_corpus *c, const char *path, ng_error *err);
/* Adds the files named in `list` (one a line, relative to `dir`) whose
 * names contain `only` (NULL: all). */
int ng_train_add_list(ng_train_corpus *c, const char *list, const char *dir, const char *only, ng_error *err);
void ng_train_corpus_free(ng_train_corpus *c);

/* Reads a whole file into a NUL-terminated malloc'd buffer. */
int ng_train_read(const char *path, char **data, size_t *len, ng_error *err);

/* The shared command-line inputs of the training tools: FILE adds a
 * CoNLL-U file, "--docs LIST DIR" the documents of a list, "--only S"
 * restricts the next --docs to names containing S. Returns the number of
 * arguments used at argv[*i] (0: not an input option), or negative. */
int ng_train_arg(ng_train_corpus *c, int argc, char **argv, int *i, const char **only, ng_error *err);

/* Writes a built model to path: 0, or 1 when it could not be written whole. */
int ng_train_write_file(const char *path, const ng_buf *b);

#endif
