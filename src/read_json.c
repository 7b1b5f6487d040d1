/* Reader: JSON graphs (being written). */
#include "read.h"
#include "util.h"

int ng_graph_read(const char *data, size_t len, const char *name, ng_graph **out, ng_error *err)
{
	(void)data, (void)len, (void)out;
	return ng_fail(err, NG_EINVAL, name, 0, "graph reading is not built yet");
}
