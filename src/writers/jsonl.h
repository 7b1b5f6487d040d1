/* One SCHEMA.md item as a cJSON object: the JSON Lines writer's lines, and
 * the JSON-valued properties (aliases, mentions, attrs, evidence) that the
 * GraphML, Cypher and CSV writers embed as strings. */
#ifndef NG_WRITER_JSONL_H
#define NG_WRITER_JSONL_H

#include <cjson/cJSON.h>
#include "graph/view.h"

/* The SCHEMA.md object of an article, node or edge (evidence also names its
 * rule, as in the JSON writer), opened by a "kind" member when kind is not
 * NULL. The caller deletes it with cJSON_Delete; NULL on out of memory. */
cJSON *ng_jsonl_article(const ng_article_rec *a, const char *kind);
cJSON *ng_jsonl_node(const ng_view_node *n, const char *kind);
cJSON *ng_jsonl_edge(const ng_view_edge *e, const char *kind);

/* The unformatted JSON text of obj's member `key` (malloc'd, free with
 * free()); NULL on out of memory or when there is no such member. */
char *ng_jsonl_member_text(const cJSON *obj, const char *key);

/* An edge's object (as ng_jsonl_edge(ve, NULL)) and its confidence as the
 * JSON writer prints it, for the writers that embed JSON-valued fields.
 * Returns 0, or NG_ENOMEM with nothing to free; else the caller frees
 * *conf and deletes *obj. */
int ng_jsonl_edge_fields(const ng_view_edge *ve, cJSON **obj, char **conf);

#endif
