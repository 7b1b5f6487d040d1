/* Graph inputs for merge, diff and render: a graph file (JSON or DOT that
 * newsgraph wrote) is read; anything else is an article and is extracted. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "graph/read.h"

static size_t skip_space(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* Does `word` stand at s[i] as a whole word? Returns the index past it, or 0. */
static size_t keyword(const char *s, size_t n, size_t i, const char *word)
{
	size_t l = strlen(word);
	if (n - i < l || strncmp(s + i, word, l) != 0)
		return 0;
	i += l;
	unsigned char c = i < n ? (unsigned char)s[i] : ' ';
	if (c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
		return 0; /* "graphite", "strictly": words of an article */
	return i;
}

/* A graph, not an article: text that opens like DOT ("[strict] graph" or
 * "digraph" as words), or like a JSON object (a '{' and then a key or '}',
 * so that a graph cut short still reaches the JSON reader and its message),
 * or that is JSON at all, which the JSON reader refuses unless it is a
 * graph. An article may open with '{' or '[' ("[Reuters] ...") and stays an
 * article: prose is not one JSON value (a file of just `42` is refused). */
static int looks_like_graph(const char *s, size_t n)
{
	size_t i = skip_space(s, n, 0), j;
	if (i < n && s[i] == '{') {
		j = skip_space(s, n, i + 1);
		if (j < n && (s[j] == '"' || s[j] == '}'))
			return 1;
	}
	if ((j = keyword(s, n, i, "strict")))
		i = skip_space(s, n, j);
	if (keyword(s, n, i, "graph") || keyword(s, n, i, "digraph"))
		return 1;
	return ng_read_is_json(s, n);
}

/* Built on the first article input and kept for the others: a command's
 * inputs all share its options. */
static ng_extractor *article_extractor;

void cli_graph_inputs_done(void)
{
	ng_extractor_free(article_extractor);
	article_extractor = NULL;
}

int cli_graph_from_data(const char *data, size_t len, const char *path, const cli_extract_opts *o,
                        ng_graph **out)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	ng_error err = NG_ERROR_INIT;
	int rc;
	*out = NULL;
	if (looks_like_graph(data, len)) {
		rc = ng_graph_read(data, len, name, out, &err);
	} else {
		if (!article_extractor && cli_extractor(o, &article_extractor))
			return 2;
		rc = ng_graph_new(out, &err);
		ng_article art = {cli_article_id(o, path), name, o->date};
		if (!rc)
			rc = ng_extract(article_extractor, data, len, &art, *out, &err);
	}
	if (rc) {
		ng_graph_free(*out);
		*out = NULL;
		return cli_lib_error(&err, name);
	}
	return 0;
}

int cli_read_graph(const char *path, const cli_extract_opts *o, ng_graph **out)
{
	char *data;
	size_t len;
	*out = NULL;
	if (cli_read(path, &data, &len))
		return 2;
	int rc = cli_graph_from_data(data, len, path, o, out);
	free(data);
	return rc;
}

int cli_write_graph(const ng_writer *w, const ng_graph *g, const char *outpath, const ng_write_opts *wo)
{
	ng_error err = NG_ERROR_INIT;
	if (!w->parts) {
		cli_out out;
		if (cli_out_open(&out, outpath))
			return 2;
		if (ng_write(w, g, out.f, 0, wo, &err)) {
			cli_out_abort(&out);
			return cli_lib_error(&err, outpath ? outpath : "<stdout>");
		}
		return cli_out_commit(&out);
	}
	if (!outpath || strcmp(outpath, "-") == 0)
		return cli_error(NULL, "format '%s' writes several files: give a directory with -o", w->name);
	if (mkdir(outpath, 0777) != 0 && errno != EEXIST)
		return cli_error(outpath, "cannot create directory: %s", strerror(errno));
	size_t n = 0;
	while (w->parts[n])
		n++;
	cli_out *outs = calloc(n, sizeof *outs);
	char **paths = calloc(n, sizeof *paths);
	FILE **files = calloc(n, sizeof *files);
	int rc = outs && paths && files ? 0 : cli_error(NULL, "out of memory");
	for (size_t i = 0; i < n && !rc; i++) {
		size_t l = strlen(outpath) + strlen(w->parts[i]) + 2;
		if (!(paths[i] = malloc(l))) {
			rc = cli_error(NULL, "out of memory");
			break;
		}
		snprintf(paths[i], l, "%s/%s", outpath, w->parts[i]);
		rc = cli_out_open(&outs[i], paths[i]);
		files[i] = outs[i].f;
	}
	/* The graph is put in canonical form once for all the parts. */
	size_t failed = 0;
	if (!rc && ng_write_parts(w, g, files, wo, &failed, &err))
		rc = cli_lib_error(&err, paths[failed]);
	/* Renames happen only once every part is written. */
	for (size_t i = 0; outs && i < n; i++) {
		if (rc)
			cli_out_abort(&outs[i]);
		else
			rc = cli_out_commit(&outs[i]);
	}
	for (size_t i = 0; paths && i < n; i++)
		free(paths[i]);
	free(paths);
	free(files);
	free(outs);
	return rc;
}
