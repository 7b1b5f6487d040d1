/* Syntax layer: the model container (see model.h). Input: the bytes of a
 * model file (embedded or read). Output: pointers to its sections, in
 * place. The trainers build files with ng_model_build. */
#include "syntax/model.h"

#include <string.h>

static const char magic[8] = "NGMODEL";
#define DIR_ENTRY 24

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get64(const unsigned char *p)
{
	return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

static size_t align_up(size_t n)
{
	return (n + NG_MODEL_ALIGN - 1) & ~(size_t)(NG_MODEL_ALIGN - 1);
}

int ng_model_open(ng_model *m, const unsigned char *data, size_t len, const char *name, const char *kind,
                  ng_error *err)
{
	static const char lead[] = "newsgraph model: ";
	memset(m, 0, sizeof *m);
	/* Sections hold u32 and i16 arrays used in place: the host must read
	 * them as written, and their addresses must be aligned. */
	const uint16_t one = 1;
	if (*(const unsigned char *)&one != 1)
		return ng_fail(err, NG_EINVAL, name, 0, "models are little-endian; this host is not");
	if ((uintptr_t)data % NG_MODEL_ALIGN)
		return ng_fail(err, NG_EINVAL, name, 0, "model bytes not aligned on %d", NG_MODEL_ALIGN);
	size_t ll = strlen(lead), kl = strlen(kind);
	if (len < ll + kl + 1 || memcmp(data, lead, ll) || memcmp(data + ll, kind, kl) ||
	    (data[ll + kl] != '\n' && data[ll + kl] != ' '))
		return ng_fail(err, NG_EINVAL, name, 1, "not a newsgraph %s model", kind);
	const unsigned char *nul = memchr(data, 0, len);
	size_t off = nul ? align_up((size_t)(nul - data) + 1) : len;
	if (off + 16 > len || memcmp(data + off, magic, 8) || get32(data + off + 8) != 1)
		return ng_fail(err, NG_EINVAL, name, 0, "no version 1 model directory after the header");
	m->nsect = get32(data + off + 12);
	m->dir = data + off + 16;
	if (m->nsect > (len - off - 16) / DIR_ENTRY)
		return ng_fail(err, NG_EINVAL, name, 0, "model directory runs past the end");
	for (uint32_t i = 0; i < m->nsect; i++) {
		uint64_t so = get64(m->dir + i * DIR_ENTRY + 8), sl = get64(m->dir + i * DIR_ENTRY + 16);
		if (so % NG_MODEL_ALIGN || so > len || sl > len - so)
			return ng_fail(err, NG_EINVAL, name, 0, "model section %u lies outside the file", i);
	}
	m->data = data;
	m->len = len;
	m->name = name;
	return 0;
}

int ng_model_section(const ng_model *m, const char *tag, size_t elsize, const void **p, size_t *n,
                     ng_error *err)
{
	char want[8] = {0};
	size_t tl = strlen(tag);
	memcpy(want, tag, tl < 8 ? tl : 8);
	for (uint32_t i = 0; i < m->nsect; i++) {
		const unsigned char *e = m->dir + i * DIR_ENTRY;
		if (memcmp(e, want, 8))
			continue;
		uint64_t len = get64(e + 16);
		if (len % elsize)
			return ng_fail(err, NG_EINVAL, m->name, 0, "model section %s: length %llu not a multiple of %zu",
			               tag, (unsigned long long)len, elsize);
		*p = m->data + get64(e + 8);
		*n = (size_t)(len / elsize);
		return 0;
	}
	return ng_fail(err, NG_EINVAL, m->name, 0, "model section %s missing", tag);
}

static int add_u32(ng_buf *b, uint32_t v)
{
	char c[4] = {(char)(v & 0xff), (char)(v >> 8 & 0xff), (char)(v >> 16 & 0xff), (char)(v >> 24)};
	return ng_buf_add(b, c, 4);
}

static int add_u64(ng_buf *b, uint64_t v)
{
	return add_u32(b, (uint32_t)v) || add_u32(b, (uint32_t)(v >> 32));
}

static int pad(ng_buf *b, size_t base)
{
	while ((b->len - base) % NG_MODEL_ALIGN)
		if (ng_buf_addc(b, 0))
			return NG_ENOMEM;
	return 0;
}

int ng_model_build(ng_buf *out, const char *text, const ng_model_part *parts, size_t nparts)
{
	size_t base = out->len;
	if (ng_buf_add(out, text, strlen(text)) || ng_buf_addc(out, 0) || pad(out, base) ||
	    ng_buf_add(out, magic, 8) || add_u32(out, 1) || add_u32(out, (uint32_t)nparts))
		return NG_ENOMEM;
	size_t off = align_up(out->len - base + nparts * DIR_ENTRY);
	for (size_t i = 0; i < nparts; i++) {
		char tag[8] = {0};
		size_t tl = strlen(parts[i].tag);
		memcpy(tag, parts[i].tag, tl < 8 ? tl : 8);
		if (ng_buf_add(out, tag, 8) || add_u64(out, off) || add_u64(out, parts[i].len))
			return NG_ENOMEM;
		off = align_up(off + parts[i].len);
	}
	for (size_t i = 0; i < nparts; i++)
		if (pad(out, base) || ng_buf_add(out, (const char *)parts[i].data, parts[i].len))
			return NG_ENOMEM;
	return pad(out, base) ? NG_ENOMEM : 0;
}
