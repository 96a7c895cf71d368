/* yaml_core.h - what a plain scalar means under YAML 1.2's core schema.
 *
 * YAML 1.2 reads an unquoted, untagged scalar by its look alone: `~`, `null`
 * and nothing are null; `true` and `false` (three spellings each) are
 * booleans; `12`, `+12`, `0o14`, `0xC` are integers; `1.5`, `.5`, `5.`,
 * `1e-3`, `.inf`, `-.inf` and `.nan` are floats; everything else is text.
 * YAML 1.1's extras (`yes`, `on`, `1_000`, `0b101`, `014` as octal,
 * `1:30` as sexagesimal) are text in 1.2. Pure functions, no allocation. */
#ifndef VERDICT_YAML_CORE_H
#define VERDICT_YAML_CORE_H

enum ycore_type {
	YCORE_NULL,
	YCORE_BOOL,
	YCORE_INT,              /* decimal, 0o octal or 0x hexadecimal */
	YCORE_FLOAT,            /* decimal with a point or an exponent, or .inf, .nan */
	YCORE_STR,
};

/* The type the core schema gives plain scalar TEXT. */
enum ycore_type ycore_resolve(const char *text);

/* The value of TEXT, which ycore_resolve() calls YCORE_INT or YCORE_FLOAT:
 * decimal to the nearest double (a value too small for a normal double is
 * kept as a subnormal, or 0; one too large is an infinity), 0o and 0x
 * integers exactly up to 2^53 and rounded past it, `.inf` an infinity,
 * `.nan` a NaN. For any other TEXT, a NaN. */
double ycore_number(const char *text);

/* Whether the core schema reads TEXT as null: ycore_resolve() == YCORE_NULL,
 * without testing for the other types. */
int ycore_is_null(const char *text);

/* When TEXT is a decimal integer of at most 15 digits ([-+]?[0-9]{1,15}), the
 * commonest number by far, sets *OUT to its value, exactly what
 * ycore_number() gives (a leading '-' on zero gives -0.0), and returns 1;
 * else returns 0 and leaves *OUT alone. No call to strtod. */
int ycore_small_integer(const char *text, double *out);

/* Whether TEXT is written as `.inf`, `+.inf` or `-.inf` (any of the three
 * spellings), or as `.nan`: a number that is not finite. */
int ycore_is_inf(const char *text);
int ycore_is_nan(const char *text);

#endif
