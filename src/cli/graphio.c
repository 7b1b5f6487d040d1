/* Graph inputs for merge, diff and render: a graph file (JSON or DOT that
 * newsgraph wrote) is read; anything else is an article and is extracted. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

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
	if (ng_graph_sniff(data, len)) {
		rc = ng_graph_read(data, len, name, out, &err);
	} else {
		if (!article_extractor && cli_extractor(o, &article_extractor))
			return 2;
		cli_job j = {0};
		rc = cli_article_read(data, len, path, o, &j, &err);
		if (!rc)
			rc = ng_graph_new(out, &err);
		ng_article art = {j.id, j.source, j.date};
		if (!rc)
			rc = ng_extract(article_extractor, j.text, j.len, &art, *out, &err);
		cli_job_clear(&j);
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
	if (wo && wo->layout && strcmp(w->name, "graphml") != 0 && strcmp(w->name, "html") != 0)
		return cli_error(NULL, "--layout gives positions to -f graphml and html only (render draws other maps)");
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
