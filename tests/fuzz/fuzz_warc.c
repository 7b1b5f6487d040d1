/* Fuzz target: the WARC reader (record framing, gzip members, HTTP
 * chunked and content encodings) on arbitrary bytes, each document it
 * yields read as a page; it must end, whatever the damage. */
#include <stdlib.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	FILE *f = fmemopen((void *)data, size, "rb");
	ng_error err = NG_ERROR_INIT;
	ng_warc *w = NULL;
	if (!f || ng_warc_new(f, "fuzz.warc", &w, &err))
		abort();
	ng_warc_doc d;
	/* Every call reads a record or moves past damage, so the records
	 * cannot outnumber the bytes. */
	for (size_t k = 0; k <= size; k++) {
		int rc = ng_warc_next(w, &d, &err);
		fuzz_check_error(rc < 0 ? rc : 0, &err);
		if (rc == 0 || rc == NG_EIO)
			break;
		if (rc < 0)
			continue;
		if (!d.uri || d.len > NG_WARC_RECORD_MAX)
			abort();
		ng_page *p = NULL;
		if (d.html)
			fuzz_check_error(ng_html_read(d.body, d.len, d.uri, d.uri, &p, &err), &err);
		ng_page_free(p);
		if (k == size)
			abort(); /* a loop that does not end */
	}
	ng_warc_free(w);
	fclose(f);
	return 0;
}
