/* Graph inputs for merge, diff and render: a graph file (JSON or DOT that
 * newsgraph wrote) is read; anything else is an article and is extracted. */
#include "cli.h"
#include "read.h"

#include <stdlib.h>
#include <string.h>

static int looks_like_graph(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	if (i < n && s[i] == '{')
		return 1;
	static const char *const heads[] = {"digraph", "graph", "strict", NULL};
	for (const char *const *h = heads; *h; h++)
		if (n - i >= strlen(*h) && strncmp(s + i, *h, strlen(*h)) == 0)
			return 1;
	return 0;
}

int cli_read_graph(const char *path, const cli_extract_opts *o, ng_graph **out)
{
	char *data;
	size_t len;
	*out = NULL;
	if (cli_read(path, &data, &len))
		return 2;
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	ng_error err = NG_ERROR_INIT;
	int rc;
	if (looks_like_graph(data, len)) {
		rc = ng_graph_read(data, len, name, out, &err);
	} else {
		ng_extractor *ex = NULL;
		if (cli_extractor(o, &ex)) {
			free(data);
			return 2;
		}
		rc = ng_graph_new(out, &err);
		ng_article art = {cli_article_id(o, path), name, o->date};
		if (!rc)
			rc = ng_extract(ex, data, len, &art, *out, &err);
		ng_extractor_free(ex);
	}
	free(data);
	if (rc) {
		ng_graph_free(*out);
		*out = NULL;
		return cli_lib_error(&err, name);
	}
	return 0;
}
