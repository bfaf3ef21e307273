#ifndef DOSSIER_CSWAP_H
#define DOSSIER_CSWAP_H
/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0, or -1 with errno set.
int dossier_exchange_paths(const char *a, const char *b);
#endif
