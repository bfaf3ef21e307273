#ifndef DOSSIER_CSYSTEM_H
#define DOSSIER_CSYSTEM_H
// Linux calls that Swift's Glibc module does not declare.

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0, or -1 with errno set.
int dossier_exchange_paths(const char *a, const char *b);

/// Sets glibc's allocator options: blocks of `mmap_threshold` bytes and more mapped on their own, free memory at
/// the top of a heap returned past `trim_threshold` bytes. Returns 1 when both were taken, 0 otherwise (and
/// where the allocator is not glibc's).
int dossier_tune_allocator(int mmap_threshold, int trim_threshold);
#endif
