/* Build tool: writes a C source holding binary files (the trained models)
 * as 16-byte aligned const arrays and a NULL-terminated ng_embedded table,
 * fast enough for files of megabytes (embed.cmake is for small text).
 * Usage: embed_bin OUT.c VAR BASEDIR FILE... (FILE relative to BASEDIR,
 * named "src/FILE" in the table). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int emit(FILE *out, const char *var, int i, const char *path, long *len)
{
	FILE *in = fopen(path, "rb");
	if (!in) {
		fprintf(stderr, "embed_bin: cannot open %s\n", path);
		return 1;
	}
	fprintf(out, "static _Alignas(16) const unsigned char %s_%d[] = {\n", var, i);
	unsigned char b[4096];
	size_t n;
	*len = 0;
	while ((n = fread(b, 1, sizeof b, in)) > 0) {
		for (size_t k = 0; k < n; k++)
			fprintf(out, "%u,%s", b[k], (*len + (long)k) % 32 == 31 ? "\n" : "");
		*len += (long)n;
	}
	int bad = ferror(in);
	fclose(in);
	/* One trailing zero keeps an empty file a valid array. */
	fprintf(out, "0};\n");
	return bad;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: embed_bin OUT.c VAR BASEDIR FILE...\n");
		return 2;
	}
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
	FILE *out = fopen(tmp, "w");
	if (!out)
		return 1;
	fprintf(out, "#include \"util/embedded.h\"\n");
	long *lens = calloc((size_t)argc, sizeof *lens);
	int bad = !lens;
	for (int i = 4; i < argc && !bad; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", argv[3], argv[i]);
		bad = emit(out, argv[2], i - 4, path, &lens[i]);
	}
	fprintf(out, "const ng_embedded %s[] = {\n", argv[2]);
	for (int i = 4; i < argc && !bad; i++)
		fprintf(out, "\t{\"src/%s\", %s_%d, %ld},\n", argv[i], argv[2], i - 4, lens[i]);
	fprintf(out, "\t{0, 0, 0}\n};\n");
	free(lens);
	if (fclose(out) || bad || rename(tmp, argv[1])) {
		remove(tmp);
		return 1;
	}
	return 0;
}
