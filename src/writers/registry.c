/* The writer registry: every output format, in the order -f lists them. */
#include <string.h>

#include "writers/writers.h"

static const ng_writer *const registry[] = {&ng_writer_dot,     &ng_writer_json, &ng_writer_jsonl,
                                            &ng_writer_graphml, &ng_writer_cypher, &ng_writer_csv,
                                            &ng_writer_nt,      &ng_writer_ttl,    &ng_writer_html,
                                            NULL};

const ng_writer *const *ng_writers(void)
{
	return registry;
}

const ng_writer *ng_writer_find(const char *name)
{
	for (const ng_writer *const *w = registry; *w; w++)
		if (strcmp((*w)->name, name) == 0)
			return *w;
	return NULL;
}
