/* Fuzz target: the web page reader (libxml2's HTML parser, the main-content
 * extraction and the metadata) on arbitrary bytes; a page it accepts must
 * be text every reader accepts, and be extracted. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ng_error err = NG_ERROR_INIT;
	ng_page *p = NULL;
	int rc = ng_html_read((const char *)data, size, "https://fuzz.example/2024/05/16/a", "fuzz.html", &p, &err);
	fuzz_check_error(rc, &err);
	if (rc)
		return 0;
	size_t len;
	const char *text = ng_page_text(p, &len);
	if (strlen(text) != len || ng_text_check(text, len, "fuzz", &err))
		abort();
	const char *title = ng_page_title(p), *date = ng_page_date(p);
	if ((title && strchr(title, '\n')) || (date && ng_date_check(date, strlen(date), 0) != 1))
		abort();
	ng_graph *g;
	if (ng_graph_new(&g, &err))
		abort();
	ng_article art = {ng_page_url(p), "fuzz.html", date};
	fuzz_check_error(ng_extract(fuzz_extractor(), text, len, &art, g, &err), &err);
	ng_graph_free(g);
	ng_page_free(p);
	return 0;
}
