/* Training tools: the averaged perceptron over hashed features that the
 * tagger's and the name typer's trainers share. Weights are counted in
 * integers and averaged lazily, so that training is exact and the same on
 * every machine; the model keeps them as int16 (ng_perceptron_quantize). */
#ifndef NG_TRAIN_PERCEPTRON_H
#define NG_TRAIN_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>

typedef struct ng_perceptron {
	int32_t *w;
	int64_t *total, *stamp;
	int64_t now; /* steps taken: the trainer advances it after each example */
	uint32_t bits, nclass;
} ng_perceptron;

/* 2^bits buckets of nclass weights, all zero. Returns 0, or NG_ENOMEM. */
int ng_perceptron_init(ng_perceptron *p, uint32_t bits, uint32_t nclass);
void ng_perceptron_free(ng_perceptron *p);

/* Adds the current weights of features f[0, nf) to score[0, nclass). The
 * bucket of a hash h is h >> (32 - bits). */
void ng_perceptron_score(const ng_perceptron *p, const uint32_t *f, size_t nf, int64_t *score);
/* Adds delta to the weights of class cls for the features. */
void ng_perceptron_update(ng_perceptron *p, const uint32_t *f, size_t nf, int cls, int delta);
/* The class of highest score (the first on ties). */
int ng_perceptron_best(const int64_t *score, uint32_t nclass);

/* The averaged weights as int16, scaled so that the largest is 32767, in
 * bucket-major order (nclass per bucket); malloc'd, NULL when out of
 * memory. */
int16_t *ng_perceptron_quantize(const ng_perceptron *p);

/* A fixed-seed xorshift step: shuffles are the same on every run. */
uint64_t ng_train_random(uint64_t *x);
/* Shuffles order[0, n) in place with the generator at *seed. */
void ng_train_shuffle(size_t *order, size_t n, uint64_t *seed);

#endif
