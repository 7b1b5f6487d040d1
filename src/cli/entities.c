/* newsgraph entities: every mention with its offsets, type, node and kind,
 * as TSV or JSON: what named-entity evaluation runs on. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* One TSV line per mention: article, start, end, text, type, node, kind.
 * 0, or -1 when writing fails. */
static int write_tsv(const ng_mentions *ms, const char *text)
{
	for (size_t i = 0; i < ng_mentions_count(ms); i++) {
		const ng_mention_info *m = ng_mentions_get(ms, i);
		if (printf("%s\t%zu\t%zu\t%.*s\t%s\t%s\t%s\n", m->article, m->start, m->end, (int)(m->end - m->start),
		           text + m->start, ng_type_name(m->type), m->node, ng_mention_kind_name(m->kind)) < 0)
			return -1;
	}
	return 0;
}

/* The mentions as {"mentions": [{"article", "start", "end", "text", "type",
 * "node", "kind"}, ...]}, "nested": true on a name inside a longer name:
 * the JSON text (malloc'd), or NULL when out of memory. */
static char *mentions_json(const ng_mentions *ms, const char *text)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *arr = cJSON_AddArrayToObject(root, "mentions");
	int ok = arr != NULL;
	for (size_t i = 0; i < ng_mentions_count(ms) && ok; i++) {
		const ng_mention_info *m = ng_mentions_get(ms, i);
		cJSON *o = cJSON_CreateObject();
		if (!o || !cJSON_AddItemToArray(arr, o)) {
			cJSON_Delete(o);
			ok = 0;
			break;
		}
		char *t = strndup(text + m->start, m->end - m->start);
		ok = t && cJSON_AddStringToObject(o, "article", m->article) &&
		     cJSON_AddNumberToObject(o, "start", (double)m->start) &&
		     cJSON_AddNumberToObject(o, "end", (double)m->end) && cJSON_AddStringToObject(o, "text", t) &&
		     cJSON_AddStringToObject(o, "type", ng_type_name(m->type)) &&
		     cJSON_AddStringToObject(o, "node", m->node) &&
		     cJSON_AddStringToObject(o, "kind", ng_mention_kind_name(m->kind)) &&
		     (!m->nested || cJSON_AddTrueToObject(o, "nested"));
		free(t);
	}
	char *s = ok ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	return s;
}

/* Prints the mentions of the article at `path`. 0, or prints and returns 2. */
static int print_file(const ng_extractor *ex, const cli_extract_opts *o, const char *path, int json)
{
	char *data;
	size_t len;
	if (cli_read(path, &data, &len))
		return 2;
	ng_error err = NG_ERROR_INIT;
	const char *src = strcmp(path, "-") == 0 ? "<stdin>" : path;
	/* A web page: its text, which the offsets count in */
	cli_job j = {0};
	int rc = cli_article_read(data, len, path, o, &j, &err) ? cli_lib_error(&err, src) : 0;
	free(data);
	if (rc)
		return rc;
	ng_article art = {j.id, src, j.date};
	ng_mentions *ms = NULL;
	char *js = NULL;
	rc = ng_extract_mentions(ex, j.text, j.len, &art, &ms, &err) ? cli_lib_error(&err, src) : 0;
	if (!rc && json && !(js = mentions_json(ms, j.text)))
		rc = cli_error(NULL, "out of memory");
	if (!rc && (json ? printf("%s\n", js) < 0 : write_tsv(ms, j.text) != 0))
		rc = cli_error("<stdout>", "write failed: %s", strerror(errno));
	free(js);
	ng_mentions_free(ms);
	cli_job_clear(&j);
	return rc;
}

typedef struct eargs {
	cli_extract_opts o;
	const char *format;
} eargs;

static const cli_opt own_opts[] = {
	{"-f", NULL, "FORMAT", CLI_STR, offsetof(eargs, format), NULL, "tsv (default), json, or conll: label CoNLL tokens\n(one a line) with PER, LOC, ORG, MISC in IOB2", NULL}, {NULL}};

static const cli_group groups[] = {{own_opts, 0},
                                   {cli_article_opts, offsetof(eargs, o)},
                                   {cli_lexicon_opts, offsetof(eargs, o)},
                                   {NULL, 0}};

const cli_spec cli_entities_spec = {
	"entities", "list every entity mention with byte offsets",
	"[FILE...]",
	"Prints every entity mention in text order: article, start, end,\n"
	"text, type, node id and kind (name, nominal, pronoun), as TSV, or\n"
	"with -f json as {\"mentions\": [...]}. With -f conll the input is\n"
	"pre-tokenised CoNLL text (the token first on each line, a blank line\n"
	"between sentences, -DOCSTART- between documents); each token line is\n"
	"printed with its label appended, for conlleval.\n",
	groups};

int cmd_entities(int argc, char **argv)
{
	eargs a = {.format = "tsv"};
	const char **files = NULL;
	size_t nfiles = 0;
	ng_extractor *ex = NULL;
	int rc = cli_parse(&cli_entities_spec, argc, argv, &a, &files, &nfiles);
	if (rc) {
		rc = rc == 1 ? 0 : 2;
		goto done;
	}
	rc = 2;
	if (strcmp(a.format, "tsv") && strcmp(a.format, "json") && strcmp(a.format, "conll")) {
		cli_error(NULL, "unknown format '%s' (entities writes tsv, json or conll)", a.format);
		goto done;
	}
	if (!nfiles) {
		files[nfiles++] = "-";
		cli_stdin_hint("entities", "an article");
	}
	if (cli_extractor(&a.o, &ex))
		goto done;
	for (size_t i = 0; i < nfiles; i++)
		if (strcmp(a.format, "conll") == 0 ? cli_conll_entities(ex, files[i])
		                                   : print_file(ex, &a.o, files[i], strcmp(a.format, "json") == 0))
			goto done;
	rc = fflush(stdout) ? cli_error("<stdout>", "write failed: %s", strerror(errno)) : 0;
done:
	ng_extractor_free(ex);
	cli_extract_opts_free(&a.o);
	free((void *)files);
	return rc;
}
