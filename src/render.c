/* Rendering through libgvc (placeholder until written). */
#include "render.h"
#include "util.h"

int ng_render(const ng_graph *g, const char *format, const char *engine, FILE *out, ng_error *err)
{
	(void)g, (void)format, (void)engine, (void)out;
	return ng_fail(err, NG_EINVAL, NULL, 0, "render is not built yet");
}
