/* layer: reports */
/* test_export_logo.c - the check of a report's logo (export_logo.h): a PNG
 * whole and sound, of bounded size, each fault refused with its reason. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "export_logo.h"

/* A 1 x 1 RGBA PNG: signature, IHDR, IDAT, IEND. */
static const unsigned char one_pixel[] = {
	0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a,
	0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
	0x1f, 0x15, 0xc4, 0x89,
	0, 0, 0, 10, 'I', 'D', 'A', 'T', 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00,
	0x01, 0x0d, 0x0a, 0x2d, 0xb4,
	0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
};
enum { IHDR_AT = 8, IHDR_DATA = 16, IDAT_AT = 33, IEND_AT = 55 };

/* A copy of the good PNG, LEN bytes of room. */
static unsigned char *copy(size_t len)
{
	unsigned char *p = calloc(1, len > sizeof one_pixel ? len : sizeof one_pixel);
	memcpy(p, one_pixel, sizeof one_pixel);
	return p;
}

static void put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* PNG's CRC-32, written again here so that the test does not trust the
 * code under test. */
static uint32_t crc(const unsigned char *p, size_t n)
{
	uint32_t c = 0xffffffffu;
	while (n--) {
		c ^= *p++;
		for (int k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
	}
	return ~c;
}

/* Sets the IHDR's CRC right after a change to it. */
static void fix_ihdr(unsigned char *p)
{
	put32(p + IHDR_DATA + 13, crc(p + IHDR_AT + 4, 17));
}

/* Checks LEN bytes at P; returns the message ("" when accepted). */
static const char *check(const unsigned char *p, size_t len)
{
	static struct verror err;
	memset(&err, 0, sizeof err);
	if (export_logo_check(p, len, "logo.png", &err) == 0)
		return "";
	assert_int_equal(err.kind, VERROR_INPUT);
	return err.msg;
}

static void test_good(void **state)
{
	(void)state;
	assert_string_equal(check(one_pixel, sizeof one_pixel), "");
}

static void test_the_largest_sides(void **state)
{
	(void)state;
	unsigned char *p = copy(0);
	put32(p + IHDR_DATA, 2000);
	put32(p + IHDR_DATA + 4, 2000);
	fix_ihdr(p);
	assert_string_equal(check(p, sizeof one_pixel), "");
	free(p);
}

static void test_too_wide(void **state)
{
	(void)state;
	unsigned char *p = copy(0);
	put32(p + IHDR_DATA, 2001);
	fix_ihdr(p);
	assert_string_equal(check(p, sizeof one_pixel), "logo.png: cannot be the logo: it is 2001 "
	                    "x 1 pixels; a logo may be at most 2000 x 2000");
	free(p);
}

static void test_too_tall(void **state)
{
	(void)state;
	unsigned char *p = copy(0);
	put32(p + IHDR_DATA + 4, 70000);
	fix_ihdr(p);
	assert_string_equal(check(p, sizeof one_pixel), "logo.png: cannot be the logo: it is 1 x "
	                    "70000 pixels; a logo may be at most 2000 x 2000");
	free(p);
}

static void test_no_width(void **state)
{
	(void)state;
	unsigned char *p = copy(0);
	put32(p + IHDR_DATA, 0);
	fix_ihdr(p);
	assert_string_equal(check(p, sizeof one_pixel), "logo.png: cannot be the logo: its header "
	                    "gives it no width or no height");
	free(p);
}

static void test_bad_depth(void **state)
{
	(void)state;
	unsigned char *p = copy(0);
	p[IHDR_DATA + 8] = 4;   /* RGBA at 4 bits */
	fix_ihdr(p);
	assert_string_equal(check(p, sizeof one_pixel), "logo.png: cannot be the logo: its header "
	                    "(IHDR) is not valid PNG: a colour type, bit depth, compression, "
	                    "filter or interlace PNG does not have");
	free(p);
}

static void test_not_png(void **state)
{
	(void)state;
	static const unsigned char jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F' };
	assert_string_equal(check(jpeg, sizeof jpeg), "logo.png: cannot be the logo: it is not a "
	                    "PNG file (it does not start with PNG's signature); save the logo as "
	                    "PNG");
	assert_string_equal(check(one_pixel, 0), "logo.png: cannot be the logo: it is not a PNG "
	                    "file (it does not start with PNG's signature); save the logo as PNG");
}

static void test_only_the_signature(void **state)
{
	(void)state;
	assert_string_equal(check(one_pixel, 8), "logo.png: cannot be the logo: it is cut short "
	                    "(it holds only PNG's signature)");
}

static void test_damaged(void **state)
{
	(void)state;
	unsigned char *p = copy(0);
	p[IDAT_AT + 9] ^= 1;
	assert_string_equal(check(p, sizeof one_pixel), "logo.png: cannot be the logo: it is "
	                    "damaged (the checksum of its IDAT chunk is wrong)");
	free(p);
}

static void test_cut_in_a_chunk(void **state)
{
	(void)state;
	assert_string_equal(check(one_pixel, IDAT_AT + 14), "logo.png: cannot be the logo: it is "
	                    "cut short (a chunk runs past the end of the file)");
	assert_string_equal(check(one_pixel, IEND_AT + 5), "logo.png: cannot be the logo: it is "
	                    "cut short (its last chunk is incomplete)");
}

static void test_no_end(void **state)
{
	(void)state;
	assert_string_equal(check(one_pixel, IEND_AT), "logo.png: cannot be the logo: it is cut "
	                    "short (it does not end with IEND)");
}

static void test_header_not_first(void **state)
{
	(void)state;
	/* IDAT first, then IEND. */
	unsigned char p[sizeof one_pixel];
	size_t n = 0;
	memcpy(p, one_pixel, 8);
	n = 8;
	memcpy(p + n, one_pixel + IDAT_AT, sizeof one_pixel - IDAT_AT);
	n += sizeof one_pixel - IDAT_AT;
	assert_string_equal(check(p, n), "logo.png: cannot be the logo: it is not valid PNG (its "
	                    "first chunk is not the image header, IHDR)");
}

static void test_header_length(void **state)
{
	(void)state;
	unsigned char *p = copy(0);
	/* A 12-byte IHDR: its CRC made right, so that only the length is wrong. */
	memmove(p + IHDR_DATA + 12, p + IHDR_DATA + 13, sizeof one_pixel - IHDR_DATA - 13);
	put32(p + IHDR_AT, 12);
	put32(p + IHDR_DATA + 12, crc(p + IHDR_AT + 4, 16));
	assert_string_equal(check(p, sizeof one_pixel - 1), "logo.png: cannot be the logo: it is "
	                    "not valid PNG (its image header, IHDR, is not 13 bytes)");
	free(p);
}

static void test_no_image_data(void **state)
{
	(void)state;
	unsigned char p[sizeof one_pixel];
	memcpy(p, one_pixel, IDAT_AT);
	memcpy(p + IDAT_AT, one_pixel + IEND_AT, 12);
	assert_string_equal(check(p, IDAT_AT + 12), "logo.png: cannot be the logo: it is not valid "
	                    "PNG (it holds no image data, IDAT)");
}

static void test_bytes_after_the_end(void **state)
{
	(void)state;
	unsigned char *p = copy(sizeof one_pixel + 1);
	assert_string_equal(check(p, sizeof one_pixel + 1), "logo.png: cannot be the logo: it is "
	                    "not valid PNG (bytes follow its end, IEND)");
	free(p);
}

static void test_too_large(void **state)
{
	(void)state;
	size_t len = EXPORT_LOGO_MAX_BYTES + 1;
	unsigned char *p = copy(len);
	assert_string_equal(check(p, len), "logo.png: cannot be the logo: it is 524289 bytes; a "
	                    "logo may be at most 524288 bytes (512 KiB)");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_the_largest_sides),
		cmocka_unit_test(test_too_wide),
		cmocka_unit_test(test_too_tall),
		cmocka_unit_test(test_no_width),
		cmocka_unit_test(test_bad_depth),
		cmocka_unit_test(test_not_png),
		cmocka_unit_test(test_only_the_signature),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_cut_in_a_chunk),
		cmocka_unit_test(test_no_end),
		cmocka_unit_test(test_header_not_first),
		cmocka_unit_test(test_header_length),
		cmocka_unit_test(test_no_image_data),
		cmocka_unit_test(test_bytes_after_the_end),
		cmocka_unit_test(test_too_large),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
