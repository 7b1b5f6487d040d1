/* Replays fuzz inputs without libFuzzer, so that ctest runs every target's
 * corpus and crash files with any compiler (plain, ASan+UBSan, valgrind).
 * usage: replay_TARGET PATH...; a PATH is a file, or a directory whose files
 * (dotfiles skipped, in name order) are each fed once to the target. A
 * crash or a sanitizer report fails the test. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* Feeds one file, in a buffer of exactly its size so that ASan sees any
 * read past the end, as under libFuzzer. */
static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	size_t cap = 0, n = 0;
	uint8_t *buf = NULL;
	for (;;) {
		if (n == cap) {
			uint8_t *nb = realloc(buf, cap = cap ? cap * 2 : 4096);
			if (!nb) {
				free(buf);
				fclose(f);
				fprintf(stderr, "replay: %s: out of memory\n", path);
				return -1;
			}
			buf = nb;
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	int bad = ferror(f);
	fclose(f);
	uint8_t *exact = bad ? NULL : malloc(n ? n : 1);
	if (exact) {
		memcpy(exact, buf, n);
		LLVMFuzzerTestOneInput(exact, n);
	}
	free(exact);
	free(buf);
	if (!exact)
		fprintf(stderr, "replay: %s: cannot read\n", path);
	return exact ? 0 : -1;
}

static int visible(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

int main(int argc, char **argv)
{
	size_t inputs = 0;
	int rc = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
			rc = 1;
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			rc |= replay_file(argv[i]) != 0;
			inputs++;
			continue;
		}
		struct dirent **names;
		int n = scandir(argv[i], &names, visible, alphasort);
		if (n < 0) {
			fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
			rc = 1;
			continue;
		}
		for (int k = 0; k < n; k++) {
			size_t l = strlen(argv[i]) + strlen(names[k]->d_name) + 2;
			char *path = malloc(l);
			if (path) {
				snprintf(path, l, "%s/%s", argv[i], names[k]->d_name);
				rc |= replay_file(path) != 0;
				inputs++;
			} else
				rc = 1;
			free(path);
			free(names[k]);
		}
		free(names);
	}
	printf("replayed %zu inputs\n", inputs);
	return rc;
}
