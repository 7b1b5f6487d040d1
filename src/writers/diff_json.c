/* Diff writer: JSON. Input: a diff. Output: one object, {"nodes": {"added":
 * [...], "removed": [...], "changed": [...]}, "edges": {...}}, each item
 * named by its identity, a changed one with "changes": {field: [old, new]}. */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "newsgraph/diff.h"
#include "writers/writers.h"

/* The object of one item; NULL on out of memory. */
static cJSON *item_object(const ng_diff_item *x)
{
	cJSON *o = cJSON_CreateObject();
	int ok = o != NULL;
	if (ok && !x->is_edge)
		ok = cJSON_AddStringToObject(o, "id", x->id) && cJSON_AddStringToObject(o, "name", x->name);
	else if (ok)
		ok = cJSON_AddStringToObject(o, "source", x->source) &&
		     cJSON_AddStringToObject(o, "type", ng_relation_name(x->type)) &&
		     cJSON_AddStringToObject(o, "target", x->target);
	if (ok && x->status == NG_DIFF_CHANGED) {
		cJSON *ch = cJSON_AddObjectToObject(o, "changes");
		ok = ch != NULL;
		for (size_t k = 0; ok && k < x->nchanges; k++) {
			cJSON *pair = cJSON_CreateArray();
			ok = pair && cJSON_AddItemToObject(ch, x->changes[k].field, pair) &&
			     cJSON_AddItemToArray(pair, cJSON_CreateString(x->changes[k].from)) &&
			     cJSON_AddItemToArray(pair, cJSON_CreateString(x->changes[k].to));
		}
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* The whole diff as a cJSON tree; NULL on out of memory. */
static cJSON *diff_object(const ng_diff *d)
{
	static const char *const groups[] = {"added", "removed", "changed"};
	static const ng_diff_status order[] = {NG_DIFF_ADDED, NG_DIFF_REMOVED, NG_DIFF_CHANGED};
	cJSON *root = cJSON_CreateObject();
	int ok = root != NULL;
	for (int edges = 0; edges < 2 && ok; edges++) {
		cJSON *p = cJSON_AddObjectToObject(root, edges ? "edges" : "nodes");
		for (int g = 0; g < 3 && ok; g++) {
			cJSON *arr = p ? cJSON_AddArrayToObject(p, groups[g]) : NULL;
			ok = arr != NULL;
			for (size_t i = 0; i < ng_diff_count(d) && ok; i++) {
				const ng_diff_item *x = ng_diff_get(d, i);
				if (x->status == order[g] && x->is_edge == edges)
					ok = cJSON_AddItemToArray(arr, item_object(x));
			}
		}
	}
	if (!ok) {
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

static int write_json(const ng_diff *d, FILE *out, ng_error *err)
{
	cJSON *root = diff_object(d);
	char *s = root ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	if (!s)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	int rc = fprintf(out, "%s\n", s) < 0 ? ng_fail(err, NG_EIO, NULL, 0, "write failed") : 0;
	free(s);
	return rc;
}

const ng_diff_writer ng_diff_writer_json = {"json", write_json};
