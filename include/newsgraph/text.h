#ifndef NEWSGRAPH_TEXT_H
#define NEWSGRAPH_TEXT_H

#include <stddef.h>
#include "newsgraph/common.h"
#include "newsgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Checks that `text` is what every newsgraph reader accepts: UTF-8 (no
 * overlong forms, surrogates or code points past U+10FFFF), no NUL or other
 * control byte but white space, at most 1 GiB. Returns 0, or NG_EINVAL /
 * NG_ELIMIT with a message naming the offset (and line) at fault; `name`
 * goes into err->file. */
NG_EXTERN int ng_text_check(const char *text, size_t len, const char *name, ng_error *err);

#ifdef __cplusplus
}
#endif

#endif
