/* export_logo.h - the logo a report may carry: a PNG file, checked before it
 * is used.
 *
 * A logo is embedded in the report (the HTML as a data: URI, the PDF as an
 * image), so a file that is not what it claims, or is huge, must not get
 * that far. The check reads the PNG's structure, not its pixels: the 8-byte
 * signature, every chunk within the file and its CRC correct, IHDR first
 * with a width and height from 1 to EXPORT_LOGO_MAX_SIDE and a valid bit
 * depth and colour type, at least one IDAT, and IEND last; the whole file
 * at most EXPORT_LOGO_MAX_BYTES. */
#ifndef VERDICT_EXPORT_LOGO_H
#define VERDICT_EXPORT_LOGO_H

#include <stddef.h>

#include "verror.h"

#define EXPORT_LOGO_MAX_BYTES (512u * 1024u)    /* 512 KiB */
#define EXPORT_LOGO_MAX_SIDE 2000u              /* pixels, each way */

/* Checks LEN bytes at DATA as a logo (above). Returns 0, or -1 with ERR
 * (VERROR_INPUT) saying "NAME: cannot be the logo: " and why, in plain
 * words ("it is not a PNG file (...)", "it is 2400 x 300 pixels; ..."). */
int export_logo_check(const unsigned char *data, size_t len, const char *name,
                      struct verror *err);

/* Reads the file at PATH and checks it (export_logo_check()). Returns 0 with
 * *DATA (the caller frees it) and *LEN, or -1 with ERR: VERROR_INPUT for a
 * file that is not a logo or cannot be opened (naming PATH), as other input
 * files are. */
int export_logo_read(const char *path, unsigned char **data, size_t *len, struct verror *err);

#endif
