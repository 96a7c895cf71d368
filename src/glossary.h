/* glossary.h - which of a criteria set's glossary terms a text uses.
 *
 * A criteria file may define its technical terms (`glossary:`); the
 * walk-through's help lists those that appear on the screen it was called
 * from. Pure: text in, indices out. */
#ifndef VERDICT_GLOSSARY_H
#define VERDICT_GLOSSARY_H

#include <stddef.h>

#include "criteria.h"

/* Whether TERM occurs in TEXT (both UTF-8) as a whole word or words: letters
 * compared without regard to ASCII case, any run of white space in either
 * matching any other, and neither a letter nor a digit just before or after. */
int glossary_mentions(const char *text, const char *term);

/* The indices into C->glossary of the terms TEXT mentions, in the
 * glossary's order: at most MAX into OUT. Returns how many there are. */
size_t glossary_find(const struct criteria *c, const char *text, size_t *out, size_t max);

#endif
