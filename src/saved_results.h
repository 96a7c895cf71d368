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

/* Scores every complete session of ST whose result is not kept, as `verdict
 * list --format json` would, then keeps each margin and strength, all in one
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
