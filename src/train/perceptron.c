/* Training tools: the averaged perceptron (see perceptron.h). */
#include "train/perceptron.h"

#include <stdlib.h>

#include "newsgraph/error.h"

int ng_perceptron_init(ng_perceptron *p, uint32_t bits, uint32_t nclass)
{
	size_t n = (size_t)nclass << bits;
	*p = (ng_perceptron){.bits = bits, .nclass = nclass};
	p->w = calloc(n, sizeof *p->w);
	p->total = calloc(n, sizeof *p->total);
	p->stamp = calloc(n, sizeof *p->stamp);
	return p->w && p->total && p->stamp ? 0 : NG_ENOMEM;
}

void ng_perceptron_free(ng_perceptron *p)
{
	free(p->w);
	free(p->total);
	free(p->stamp);
	p->w = NULL;
	p->total = p->stamp = NULL;
}

/* The averaged weight (times the step count, which does not change which
 * class wins). */
static int64_t averaged(const ng_perceptron *p, size_t k)
{
	return p->total[k] + (p->now - p->stamp[k]) * p->w[k];
}

void ng_perceptron_score(const ng_perceptron *p, const uint32_t *f, size_t nf, int64_t *score)
{
	for (size_t k = 0; k < nf; k++) {
		size_t row = (size_t)(f[k] >> (32 - p->bits)) * p->nclass;
		for (uint32_t c = 0; c < p->nclass; c++)
			score[c] += p->w[row + c];
	}
}

void ng_perceptron_update(ng_perceptron *p, const uint32_t *f, size_t nf, int cls, int delta)
{
	for (size_t k = 0; k < nf; k++) {
		size_t i = (size_t)(f[k] >> (32 - p->bits)) * p->nclass + (size_t)cls;
		p->total[i] = averaged(p, i);
		p->stamp[i] = p->now;
		p->w[i] += delta;
	}
}

int ng_perceptron_best(const int64_t *score, uint32_t nclass)
{
	int best = 0;
	for (int c = 1; c < (int)nclass; c++)
		if (score[c] > score[best])
			best = c;
	return best;
}

int16_t *ng_perceptron_quantize(const ng_perceptron *p)
{
	size_t n = (size_t)p->nclass << p->bits;
	int64_t max = 1;
	for (size_t i = 0; i < n; i++) {
		int64_t a = averaged(p, i);
		if (a > max || -a > max)
			max = a < 0 ? -a : a;
	}
	int16_t *q = malloc(n * sizeof *q);
	for (size_t i = 0; q && i < n; i++) {
		/* |averaged| stays below 2^47 (steps times largest weight), so the
		 * product fits in 64 bits; rounded half away from zero. */
		int64_t a = averaged(p, i) * 32767 * 2;
		q[i] = (int16_t)(a >= 0 ? (a + max) / (2 * max) : -((-a + max) / (2 * max)));
	}
	return q;
}

uint64_t ng_train_random(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

void ng_train_shuffle(size_t *order, size_t n, uint64_t *seed)
{
	for (size_t s = n; s > 1; s--) {
		size_t j = (size_t)(ng_train_random(seed) % s), tmp = order[s - 1];
		order[s - 1] = order[j];
		order[j] = tmp;
	}
}
