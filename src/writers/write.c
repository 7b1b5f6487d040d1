/* The writers' driver: a graph in, the canonical view of it built once,
 * and the format's writer called on that view for each part asked for, as
 * cmark's render.c drives its man and latex renderers. Also the diff's
 * formats, dispatched by name. */
#include <stdlib.h>
#include <string.h>

#include "graph/view.h"
#include "newsgraph/diff.h"
#include "newsgraph/writer.h"
#include "writers/writers.h"

static int nparts(const ng_writer *w)
{
	int n = 1;
	if (w->parts)
		for (n = 0; w->parts[n]; n++)
			;
	return n;
}

static int write_view(const ng_writer *w, const ng_view *v, FILE *out, int part, const ng_write_opts *o,
                      ng_error *err)
{
	static const ng_write_opts defaults = NG_WRITE_OPTS_INIT;
	if (part < 0 || part >= nparts(w))
		return ng_fail(err, NG_EINVAL, NULL, 0, "format '%s' has no part %d", w->name, part);
	return w->write(v, out, part, o ? o : &defaults, err);
}

int ng_write(const ng_writer *w, const ng_graph *g, FILE *out, int part, const ng_write_opts *o, ng_error *err)
{
	ng_view *v = NULL;
	int rc = ng_view_new(g, &v, err);
	if (!rc)
		rc = write_view(w, v, out, part, o, err);
	ng_view_free(v);
	return rc;
}

int ng_write_parts(const ng_writer *w, const ng_graph *g, FILE *const *outs, const ng_write_opts *o, size_t *failed,
                   ng_error *err)
{
	ng_view *v = NULL;
	int rc = ng_view_new(g, &v, err);
	if (failed)
		*failed = 0;
	for (int part = 0; !rc && part < nparts(w); part++)
		if ((rc = write_view(w, v, outs[part], part, o, err)) && failed)
			*failed = (size_t)part;
	ng_view_free(v);
	return rc;
}

int ng_write_mem(const ng_writer *w, const ng_graph *g, int part, const ng_write_opts *o, char **out, size_t *len,
                 ng_error *err)
{
	size_t n = 0;
	*out = NULL;
	FILE *f = open_memstream(out, &n);
	if (!f)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	int rc = ng_write(w, g, f, part, o, err);
	if (fclose(f) && !rc)
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	if (rc) {
		free(*out);
		*out = NULL;
		n = 0;
	}
	if (len)
		*len = n;
	return rc;
}

/* The diff's DOT: its union graph drawn by the DOT writer, which colours
 * what changed. */
static int diff_dot(const ng_diff *d, FILE *out, ng_error *err)
{
	return ng_write(&ng_writer_dot, ng_diff_union(d), out, 0, NULL, err);
}

static const ng_diff_writer diff_writer_dot = {"dot", diff_dot};
static const ng_diff_writer *const diff_writers[] = {&ng_diff_writer_text, &ng_diff_writer_json, &diff_writer_dot,
                                                     NULL};

int ng_diff_write(const ng_diff *d, const char *format, FILE *out, ng_error *err)
{
	for (const ng_diff_writer *const *w = diff_writers; *w; w++)
		if (strcmp((*w)->name, format) == 0)
			return (*w)->write(d, out, err);
	return ng_fail(err, NG_EINVAL, NULL, 0, "unknown diff format '%s' (text, json, dot)", format);
}
