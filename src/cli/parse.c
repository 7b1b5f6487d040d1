/* newsgraph parse: the syntax layer on show. Sentences, words with byte
 * offsets, part of speech, lemma, head and relation, as CoNLL-U (which
 * every Universal Dependencies tool reads) or JSON; or, with --conllu-in,
 * the words of a CoNLL-U file tagged and parsed as tokenised there. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct pargs {
	const char *format, *outpath;
	int conllu_in;
} pargs;

#define P(field) offsetof(pargs, field)

static const cli_opt own_opts[] = {
	{"-f", NULL, "FORMAT", CLI_STR, P(format), NULL, "conllu (default) or json", NULL},
	{"-o", NULL, "FILE", CLI_STR, P(outpath), NULL, "write to FILE (written whole or not at all)", NULL},
	{"--conllu-in", NULL, NULL, CLI_FLAG, P(conllu_in), NULL,
	 "the inputs are CoNLL-U: tag and parse their words as tokenised\\nthere (their tags, lemmas and heads are ignored)",
	 NULL},
	{NULL}};

static const cli_group groups[] = {{own_opts, 0}, {NULL, 0}};

const cli_spec cli_parse_spec = {
	"parse", "show the syntax: parts of speech, lemmas and dependencies", "[FILE...]",
	"Splits articles (stdin when no FILE) into sentences and words as extract\\n"
	"does, and prints each word's part of speech (UD UPOS), lemma, head and\\n"
	"dependency relation. CoNLL-U puts each word's byte offsets in MISC\\n"
	"(TokenRange=START:END); JSON gives them as start and end.\\n",
	groups};

static void conllu_sentence(FILE *f, const ng_parse_sentence *s, size_t k)
{
	if (*s->id)
		fprintf(f, "# sent_id = %s\n", s->id);
	else
		fprintf(f, "# sent_id = %zu\n", k + 1);
	fprintf(f, "# text = ");
	for (const char *c = s->text; *c; c++)
		fputc(*c == '\n' || *c == '\r' || *c == '\t' ? ' ' : *c, f);
	fputc('\n', f);
	for (size_t i = 0; i < s->n; i++) {
		const ng_parse_word *w = &s->words[i];
		fprintf(f, "%zu\t%s\t%s\t%s\t_\t_\t%zu\t%s\t_\t", i + 1, w->form, *w->lemma ? w->lemma : "_", w->upos,
		        w->head, w->deprel);
		if (w->end > w->start)
			fprintf(f, "TokenRange=%zu:%zu%s\n", w->start, w->end, w->space_after ? "" : "|SpaceAfter=No");
		else
			fprintf(f, "%s\n", w->space_after ? "_" : "SpaceAfter=No");
	}
	fputc('\n', f);
}

static cJSON *json_sentence(const ng_parse_sentence *s)
{
	cJSON *o = cJSON_CreateObject(), *ws = cJSON_CreateArray();
	int ok = o && ws && cJSON_AddStringToObject(o, "text", s->text) &&
	         cJSON_AddNumberToObject(o, "start", (double)s->start) &&
	         cJSON_AddNumberToObject(o, "end", (double)s->end) && cJSON_AddItemToObject(o, "words", ws);
	if (!ok)
		cJSON_Delete(ws);
	for (size_t i = 0; ok && i < s->n; i++) {
		const ng_parse_word *w = &s->words[i];
		cJSON *x = cJSON_CreateObject();
		ok = x && cJSON_AddItemToArray(ws, x) && cJSON_AddNumberToObject(x, "id", (double)(i + 1)) &&
		     cJSON_AddStringToObject(x, "form", w->form) && cJSON_AddStringToObject(x, "lemma", w->lemma) &&
		     cJSON_AddStringToObject(x, "upos", w->upos) && cJSON_AddNumberToObject(x, "head", (double)w->head) &&
		     cJSON_AddStringToObject(x, "deprel", w->deprel) &&
		     cJSON_AddNumberToObject(x, "start", (double)w->start) &&
		     cJSON_AddNumberToObject(x, "end", (double)w->end);
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* One input's sentences, in the chosen format; 0, or prints and 2. */
static int print_parsed(FILE *f, const ng_parsed *p, int json, size_t *k)
{
	for (size_t i = 0; i < ng_parsed_count(p); i++, (*k)++) {
		const ng_parse_sentence *s = ng_parsed_sentence(p, i);
		if (!json) {
			conllu_sentence(f, s, *k);
			continue;
		}
		cJSON *o = json_sentence(s);
		char *line = o ? cJSON_PrintUnformatted(o) : NULL;
		cJSON_Delete(o);
		if (!line)
			return cli_error(NULL, "out of memory");
		fprintf(f, "%s\n", line);
		free(line);
	}
	return 0;
}

int cmd_parse(int argc, char **argv)
{
	pargs a = {.format = "conllu"};
	const char **files = NULL;
	size_t nfiles = 0, k = 0;
	ng_extractor *ex = NULL;
	cli_out out = {0};
	int rc = cli_parse(&cli_parse_spec, argc, argv, &a, &files, &nfiles), opened = 0;
	if (rc) {
		rc = rc == 1 ? 0 : 2;
		goto done;
	}
	rc = 2;
	int json = strcmp(a.format, "json") == 0;
	if (!json && strcmp(a.format, "conllu")) {
		cli_error(NULL, "unknown format '%s' (parse writes conllu or json)", a.format);
		goto done;
	}
	if (!nfiles) {
		files[nfiles++] = "-";
		cli_stdin_hint("parse", a.conllu_in ? "CoNLL-U" : "an article");
	}
	cli_extract_opts none = {0};
	if (cli_extractor(&none, &ex) || cli_out_open(&out, a.outpath))
		goto done;
	opened = 1;
	for (size_t i = 0; i < nfiles; i++) {
		char *data;
		size_t len;
		if (cli_read(files[i], &data, &len))
			goto done;
		const char *name = strcmp(files[i], "-") == 0 ? "<stdin>" : files[i];
		ng_error err = NG_ERROR_INIT;
		ng_parsed *p = NULL;
		int r = a.conllu_in ? ng_parse_conllu(ex, data, len, name, &p, &err) : ng_parse_text(ex, data, len, name, &p, &err);
		free(data);
		if (r) {
			cli_lib_error(&err, name);
			goto done;
		}
		r = print_parsed(out.f, p, json, &k);
		ng_parsed_free(p);
		if (r)
			goto done;
	}
	opened = 0;
	rc = cli_out_commit(&out);
done:
	if (opened)
		cli_out_abort(&out);
	ng_extractor_free(ex);
	free((void *)files);
	return rc;
}
