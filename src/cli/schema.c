/* newsgraph schema: the vocabulary of graphs (entity types, relation types
 * with symmetry, endpoint types and CAMEO codes, modalities, mention kinds)
 * as a table or as JSON, so that scripts and tests read it instead of
 * keeping copies. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static cJSON *type_list(unsigned set)
{
	cJSON *a = cJSON_CreateArray();
	for (int t = 0; a && t < NG_NTYPES; t++)
		if (set & NG_TYPE_BIT(t) && !cJSON_AddItemToArray(a, cJSON_CreateString(ng_type_name((ng_type)t)))) {
			cJSON_Delete(a);
			return NULL;
		}
	return a;
}

static cJSON *name_list(const char *(*name)(int), int n)
{
	cJSON *a = cJSON_CreateArray();
	for (int i = 0; a && i < n; i++)
		if (!cJSON_AddItemToArray(a, cJSON_CreateString(name(i)))) {
			cJSON_Delete(a);
			return NULL;
		}
	return a;
}

static const char *type_at(int i) { return ng_type_name((ng_type)i); }
static const char *modality_at(int i) { return ng_modality_name((ng_modality)i); }
static const char *kind_at(int i) { return ng_mention_kind_name((ng_mention_kind)i); }

static char *schema_json(void)
{
	cJSON *o = cJSON_CreateObject(), *rels = cJSON_CreateArray();
	int ok = o && rels && cJSON_AddNumberToObject(o, "newsgraph", 1) &&
	         cJSON_AddItemToObject(o, "types", name_list(type_at, NG_NTYPES));
	for (int r = 0; ok && r < NG_NRELATIONS; r++) {
		const ng_relation_info *ri = ng_relation_get((ng_relation)r);
		cJSON *x = cJSON_CreateObject();
		ok = x && cJSON_AddItemToArray(rels, x) && cJSON_AddStringToObject(x, "name", ri->name) &&
		     cJSON_AddBoolToObject(x, "symmetric", ri->symmetric) &&
		     (ri->cameo ? cJSON_AddStringToObject(x, "cameo", ri->cameo) != NULL
		                : cJSON_AddNullToObject(x, "cameo") != NULL) &&
		     cJSON_AddItemToObject(x, "source_types", type_list(ri->source_types)) &&
		     cJSON_AddItemToObject(x, "target_types", type_list(ri->target_types));
	}
	ok = ok && cJSON_AddItemToObject(o, "relations", rels);
	if (!ok)
		cJSON_Delete(rels);
	ok = ok && cJSON_AddItemToObject(o, "modalities", name_list(modality_at, NG_NMODALITIES)) &&
	     cJSON_AddItemToObject(o, "mention_kinds", name_list(kind_at, NG_NKINDS));
	char *s = ok ? cJSON_Print(o) : NULL;
	cJSON_Delete(o);
	return s;
}

static void put_types(unsigned set)
{
	const char *sep = "";
	for (int t = 0; t < NG_NTYPES; t++)
		if (set & NG_TYPE_BIT(t)) {
			printf("%s%s", sep, ng_type_name((ng_type)t));
			sep = ",";
		}
}

static void schema_text(void)
{
	printf("types:");
	for (int t = 0; t < NG_NTYPES; t++)
		printf(" %s", ng_type_name((ng_type)t));
	printf("\nmodalities:");
	for (int m = 0; m < NG_NMODALITIES; m++)
		printf(" %s", ng_modality_name((ng_modality)m));
	printf("\nmention kinds:");
	for (int k = 0; k < NG_NKINDS; k++)
		printf(" %s", ng_mention_kind_name((ng_mention_kind)k));
	printf("\n\nrelation         sym cameo source -> target\n");
	for (int r = 0; r < NG_NRELATIONS; r++) {
		const ng_relation_info *ri = ng_relation_get((ng_relation)r);
		printf("%-16s %-3s %-5s ", ri->name, ri->symmetric ? "yes" : "no", ri->cameo ? ri->cameo : "-");
		put_types(ri->source_types);
		printf(" -> ");
		put_types(ri->target_types);
		printf("\n");
	}
}

static const cli_opt own_opts[] = {
	{"-f", NULL, "FORMAT", CLI_STR, 0, NULL, "text (default) or json", NULL}, {NULL}};

static const cli_group groups[] = {{own_opts, 0}, {NULL, 0}};

const cli_spec cli_schema_spec = {
	"schema", "print the vocabulary of graphs: types, relations, modalities",
	"",
	"Prints the vocabulary of graphs: entity types, relation types (symmetric\n"
	"or not, CAMEO code, allowed source and target types), modalities and\n"
	"mention kinds.\n",
	groups};

int cmd_schema(int argc, char **argv)
{
	const char *format = "text";
	const char **ops = NULL;
	size_t nops = 0;
	int p = cli_parse(&cli_schema_spec, argc, argv, &format, &ops, &nops);
	if (p)
		return p == 1 ? 0 : 2;
	free((void *)ops);
	if (nops)
		return cli_error(NULL, "schema takes no file (try newsgraph schema --help)");
	if (strcmp(format, "json") == 0) {
		char *s = schema_json();
		if (!s)
			return cli_error(NULL, "out of memory");
		printf("%s\n", s);
		free(s);
	} else if (strcmp(format, "text") == 0)
		schema_text();
	else
		return cli_error(NULL, "unknown format '%s' (schema writes text or json)", format);
	return fflush(stdout) ? cli_error("<stdout>", "write failed") : 0;
}
