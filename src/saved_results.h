/* saved_results.h - the margin and strength of complete sessions saved
 * without them (before schema version 3, or reverted since), scored from
 * their stored criteria text and answers and kept, once, by a command that
 * opens the store for writing; so that listing them does not score them
 * again at every read. */
#ifndef VERDICT_SAVED_RESULTS_H
#define VERDICT_SAVED_RESULTS_H

#include <stddef.h>

#include "store.h"
#include "verror.h"

/* At most this many sessions are kept by one call, and at most TRIES scored:
 * scoring takes about a millisecond a session, and the command that opens
 * the store must not wait a minute for a file of many old sessions. Each
 * writer fills in the next ones, newest first (the listing's order). */
#define SAVED_RESULTS_FILL_MAX 100
#define SAVED_RESULTS_FILL_TRIES 200

/* Scores the complete sessions of ST whose result is not kept, newest first,
 * as `verdict list --format json` would, up to the bounds above (one whose
 * criteria text no longer reads counts as a try, not a fill, so that such
 * sessions do not stop the others being filled), then keeps each margin and
 * strength, all in one
 * transaction (store_fill_begin()), taken only for the writes: nothing else
 * of a session changes, its updated time included, and a session changed
 * since it was scored is left. A session whose criteria text no longer
 * reads, or whose answers cannot be scored, is left as it is. ST must be open
 * for writing. Returns 0 with the number kept in *FILLED (may be NULL): 0
 * when there were none, without taking a lock. Or -1 with ERR (may be NULL):
 * the store failed (another process holds the lock, a full disk, ...), and
 * nothing was written. It is a cache: a caller goes on either way. */
int saved_results_fill(struct store *st, size_t *filled, struct verror *err);

#endif
