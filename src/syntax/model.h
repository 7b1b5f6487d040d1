/* Syntax layer: the container of trained models (tagger, parser). A model
 * file is a readable text header (what the model is, the corpora it was
 * trained on and their licences) ended by a NUL byte, then, at the next
 * multiple of 16, a binary directory of named sections that the code uses
 * in place: opening a model parses nothing but the directory.
 *
 * Layout (little-endian): text, NUL, zero padding to 16; "NGMODEL\0";
 * u32 version (1); u32 section count; then per section char tag[8] (NUL
 * padded), u64 offset (from the file start, a multiple of 16), u64 length;
 * then the sections, each starting on a multiple of 16 (zero padding). */
#ifndef NG_SYNTAX_MODEL_H
#define NG_SYNTAX_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/error.h"
#include "util/util.h"

#define NG_MODEL_ALIGN 16

typedef struct ng_model {
	const unsigned char *data;
	size_t len;
	const char *name; /* for errors (borrowed) */
	const unsigned char *dir;
	uint32_t nsect;
} ng_model;

/* Opens the model in `data` (borrowed: it must outlive the model and lie on
 * a 16-byte boundary). `kind` must open the text header ("newsgraph model:
 * tagger" for kind "tagger"). Returns 0, or NG_EINVAL naming `name` when the
 * bytes are not such a model. */
int ng_model_open(ng_model *m, const unsigned char *data, size_t len, const char *name, const char *kind,
                  ng_error *err);

/* The section called `tag`, in place: *p and *n (its length in elements of
 * `elsize` bytes). NG_EINVAL when it is missing or its length is not a
 * multiple of elsize. */
int ng_model_section(const ng_model *m, const char *tag, size_t elsize, const void **p, size_t *n,
                     ng_error *err);

/* One section to write. */
typedef struct ng_model_part {
	const char *tag; /* up to 8 bytes */
	const void *data;
	size_t len;
} ng_model_part;

/* Appends a whole model file to `out`: `text` (the header, without NUL),
 * then the parts in the given order. Every padding byte is zero, so the
 * same parts give the same bytes. Returns 0, or NG_ENOMEM. */
int ng_model_build(ng_buf *out, const char *text, const ng_model_part *parts, size_t nparts);

#endif
