/* What every public header needs: the export macro. */
#ifndef NEWSGRAPH_COMMON_H
#define NEWSGRAPH_COMMON_H

/* Marks a function of the public API. The library is built with
 * -fvisibility=hidden, so only these are exported from the shared object. */
#if defined(_WIN32)
#define NG_EXTERN __declspec(dllexport)
#elif defined(__GNUC__)
#define NG_EXTERN __attribute__((visibility("default")))
#else
#define NG_EXTERN
#endif

#endif
