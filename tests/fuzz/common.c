/* Helpers of the fuzz targets (see fuzz.h). Aborting is right here: a fuzz
 * target reports a broken invariant by crashing. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static const char article[] =
	"Putin, Xi Sign Pact in Beijing\n\n"
	"BEIJING, May 16 (Reuters) - Russian President Vladimir Putin arrived in Beijing on Thursday "
	"and met Chinese President Xi Jinping, who said China will supply Russia with machine tools. "
	"The two leaders signed a joint statement. Washington did not sanction Beijing last year, "
	"according to officials. \"We could invest $5 billion in Gazprom,\" he said.\n\n"
	"Acme Corp, based in Geneva, is a member of the World Trade Organization (WTO).\n";

const ng_extractor *fuzz_extractor(void)
{
	static ng_extractor *ex;
	if (!ex) {
		ng_error err = NG_ERROR_INIT;
		if (ng_extractor_new(&ex, &err)) {
			fprintf(stderr, "fuzz: cannot build the extractor: %s\n", err.message);
			abort();
		}
	}
	return ex;
}

FILE *fuzz_null(void)
{
	static FILE *f;
	if (!f && !(f = fopen("/dev/null", "w")))
		abort();
	clearerr(f);
	return f;
}

void fuzz_check_error(int rc, const ng_error *err)
{
	if (rc && (rc >= 0 || err->code != rc || !err->message[0])) {
		fprintf(stderr, "fuzz: call failed with %d but err = {%d, \"%s\"}\n", rc, err->code, err->message);
		abort();
	}
}

void fuzz_write_all(const ng_graph *g)
{
	for (const ng_writer *const *w = ng_writers(); *w; w++) {
		/* The html map lays its graph out through libgvc, like render,
		 * which the fuzz targets leave alone too: Graphviz's cost per
		 * input and its own leaks and process-wide state. Its data is the
		 * JSON Lines writer's objects, written here. */
		if (strcmp((*w)->name, "html") == 0)
			continue;
		int nparts = 1;
		if ((*w)->parts)
			for (nparts = 0; (*w)->parts[nparts]; nparts++)
				;
		for (int part = 0; part < nparts; part++) {
			ng_error err = NG_ERROR_INIT;
			fuzz_check_error(ng_write(*w, g, fuzz_null(), part, NULL, &err), &err);
		}
	}
}

void fuzz_extract_article(const ng_extractor *ex)
{
	ng_article art = {"fuzz", "fuzz.txt", "2024-05-17"};
	ng_error err = NG_ERROR_INIT;
	ng_graph *g;
	if (ng_graph_new(&g, &err))
		abort();
	fuzz_check_error(ng_extract(ex, article, sizeof article - 1, &art, g, &err), &err);
	ng_graph_free(g);
}
