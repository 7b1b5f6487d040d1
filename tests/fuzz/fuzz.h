/* Shared by the fuzz targets: the libFuzzer entry point each defines, and
 * helpers built once per process. A target must never crash, hang or leak
 * on any input; returning an error is always fine. */
#ifndef NG_FUZZ_H
#define NG_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "extractor.h"
#include "newsgraph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The extractor with the embedded knowledge base and rules, built on first
 * use and kept for the life of the process (building it per input would
 * spend every run loading the knowledge base). */
const ng_extractor *fuzz_extractor(void);

/* A stream to /dev/null with its error flag cleared. */
FILE *fuzz_null(void);

/* Runs every registered writer over g (each part of a multi-part format).
 * Writers may refuse a graph (formats still being written return an
 * error); only sanitizers judge them. */
void fuzz_write_all(const ng_graph *g);

/* Aborts unless a failed call kept the error contract: err->code is the
 * returned code and a message says what is wrong. */
void fuzz_check_error(int rc, const ng_error *err);

/* Extracts a short news text with `ex` (whose rules or lexicon were
 * fuzzed) and throws the graph away. */
void fuzz_extract_article(const ng_extractor *ex);

#endif
