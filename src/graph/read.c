/* Graph reading: the dispatcher between the JSON and DOT readers, and what
 * both readers share. Input: bytes of a graph file. Output: the graph that
 * read_json.c or read_dot.c builds from them. */
#include <string.h>

#include "graph/read.h"

int ng_graph_read(const char *data, size_t len, const char *name, ng_graph **out, ng_error *err)
{
	size_t i = 0;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
		i++;
	if (i < len && data[i] == '{')
		return ng_graph_read_json(data, len, name, out, err);
	return ng_graph_read_dot(data, len, name, out, err);
}

int ng_read_id_ok(const char *id, ng_type type)
{
	size_t l = strlen(ng_type_name(type));
	return strncmp(id, ng_type_name(type), l) == 0 && id[l] == ':' && id[l + 1];
}
