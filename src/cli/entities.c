/* newsgraph entities: every mention with its offsets, type, node and kind,
 * as TSV or JSON: what named-entity evaluation runs on. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

int cmd_entities(int argc, char **argv)
{
	cli_extract_opts o = {0};
	const char *format = "tsv";
	const char **files = calloc((size_t)argc + 1, sizeof *files);
	size_t nfiles = 0;
	int rc = 2;
	ng_extractor *ex = NULL;
	if (!files)
		return cli_error(NULL, "out of memory");
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int t = cli_extract_opt(&o, argc, argv, &i);
		if (t < 0)
			goto done;
		if (t)
			continue;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			printf("usage: %s\n\nPrints every entity mention in text order: article, start, end,\n"
			       "text, type, node id and kind (name, nominal, pronoun), as TSV, or\n"
			       "with -f json as {\"mentions\": [...]}.\n",
			       ng_commands[1].usage);
			rc = 0;
			goto done;
		} else if (strcmp(a, "-f") == 0 && i + 1 < argc)
			format = argv[++i];
		else if (a[0] == '-' && a[1]) {
			cli_error(NULL, "unknown option '%s' (try newsgraph entities --help)", a);
			goto done;
		} else
			files[nfiles++] = a;
	}
	if (strcmp(format, "tsv") && strcmp(format, "json")) {
		cli_error(NULL, "unknown format '%s' (entities writes tsv or json)", format);
		goto done;
	}
	if (!nfiles)
		files[nfiles++] = "-";
	if (cli_extractor(&o, &ex))
		goto done;
	for (size_t i = 0; i < nfiles; i++) {
		char *data;
		size_t len;
		if (cli_read(files[i], &data, &len))
			goto done;
		ng_error err = NG_ERROR_INIT;
		const char *src = strcmp(files[i], "-") == 0 ? "<stdin>" : files[i];
		ng_article art = {cli_article_id(&o, files[i]), src, o.date};
		int r = ng_extract_mentions(ex, data, len, &art, stdout, strcmp(format, "json") == 0, &err);
		free(data);
		if (r) {
			cli_lib_error(&err, src);
			goto done;
		}
	}
	rc = fflush(stdout) ? cli_error("<stdout>", "write failed") : 0;
done:
	ng_extractor_free(ex);
	cli_extract_opts_free(&o);
	free(files);
	return rc;
}
