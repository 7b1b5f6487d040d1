/* Graph reading: the dispatcher between the JSON and DOT readers, and what
 * both readers share. Input: bytes of a graph file. Output: the graph that
 * read_json.c or read_dot.c builds from them. */
#include "graph/read.h"

#include <cjson/cJSON.h>
#include <string.h>

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

static size_t skip_space(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* Does `word` stand at s[i] as a whole word? Returns the index past it, or 0. */
static size_t keyword(const char *s, size_t n, size_t i, const char *word)
{
	size_t l = strlen(word);
	if (n - i < l || strncmp(s + i, word, l) != 0)
		return 0;
	i += l;
	unsigned char c = i < n ? (unsigned char)s[i] : ' ';
	if (c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
		return 0; /* "graphite", "strictly": words of an article */
	return i;
}

/* Graph or article: the rule is in newsgraph/graph.h. */
int ng_graph_sniff(const char *s, size_t n)
{
	size_t i = skip_space(s, n, 0), j;
	if (i < n && s[i] == '{') {
		j = skip_space(s, n, i + 1);
		if (j < n && (s[j] == '"' || s[j] == '}'))
			return 1;
	}
	if ((j = keyword(s, n, i, "strict")))
		i = skip_space(s, n, j);
	if (keyword(s, n, i, "graph") || keyword(s, n, i, "digraph"))
		return 1;
	return ng_read_is_json(s, n);
}

int ng_graph_read(const char *data, size_t len, const char *name, ng_graph **out, ng_error *err)
{
	size_t i = skip_space(data, len, 0);
	/* '{' alone decides for graphs, so that a broken graph gets the JSON
	 * reader's message; other JSON (an array, a string) is JSON too, and the
	 * JSON reader says why it is not a graph, where the DOT reader would
	 * only report a syntax error. */
	if ((i < len && data[i] == '{') || ng_read_is_json(data, len))
		return ng_graph_read_json(data, len, name, out, err);
	return ng_graph_read_dot(data, len, name, out, err);
}
