/* Graph reading: the dispatcher between the JSON and DOT readers, and what
 * both readers share. Input: bytes of a graph file. Output: the graph that
 * read_json.c or read_dot.c builds from them. */
#include <cjson/cJSON.h>
#include <string.h>

#include "graph/read.h"

int ng_read_is_json(const char *data, size_t len)
{
	const char *end = NULL;
	cJSON *v = cJSON_ParseWithLengthOpts(data, len, &end, 0);
	if (!v)
		return 0;
	cJSON_Delete(v);
	size_t i = (size_t)(end - data);
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
		i++;
	return i == len;
}

int ng_graph_read(const char *data, size_t len, const char *name, ng_graph **out, ng_error *err)
{
	size_t i = 0;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
		i++;
	/* '{' alone decides for graphs, so that a broken graph gets the JSON
	 * reader's message; other JSON (an array, a string) is JSON too, and the
	 * JSON reader says why it is not a graph, where the DOT reader would
	 * only report a syntax error. */
	if ((i < len && data[i] == '{') || ng_read_is_json(data, len))
		return ng_graph_read_json(data, len, name, out, err);
	return ng_graph_read_dot(data, len, name, out, err);
}

int ng_read_id_ok(const char *id, ng_type type)
{
	size_t l = strlen(ng_type_name(type));
	return strncmp(id, ng_type_name(type), l) == 0 && id[l] == ':' && id[l + 1];
}
