/* Diff of two graphs (being written). */
typedef int ng_diff_placeholder;
