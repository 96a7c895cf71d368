/* export_logo.c - checking and reading a report's logo, a PNG file. */
#include "export_logo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"

static const unsigned char png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The CRC-32 of PNG (ISO 3309, the polynomial 0xedb88320, reflected) of LEN
 * bytes at P. */
static uint32_t crc32_png(const unsigned char *p, size_t len)
{
	uint32_t crc = 0xffffffffu;
	for (size_t i = 0; i < len; i++) {
		crc ^= p[i];
		for (int b = 0; b < 8; b++)
			crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
	}
	return crc ^ 0xffffffffu;
}

/* Whether BITS is a bit depth PNG allows with colour type TYPE. */
static int depth_fits(unsigned type, unsigned bits)
{
	switch (type) {
	case 0:         /* greyscale */
		return bits == 1 || bits == 2 || bits == 4 || bits == 8 || bits == 16;
	case 3:         /* palette */
		return bits == 1 || bits == 2 || bits == 4 || bits == 8;
	case 2: case 4: case 6:  /* RGB, grey and alpha, RGBA */
		return bits == 8 || bits == 16;
	default:
		return 0;
	}
}

/* A chunk's type, printable ("IHDR"), into BUF. */
static void chunk_name(const unsigned char *type, char buf[5])
{
	for (int i = 0; i < 4; i++)
		buf[i] = (type[i] >= 'A' && type[i] <= 'Z') || (type[i] >= 'a' && type[i] <= 'z')
		         ? (char)type[i] : '?';
	buf[4] = '\0';
}

static int refuse(struct verror *err, const char *name, const char *why)
{
	return verror_set(err, VERROR_INPUT, "%s: cannot be the logo: %s", name, why);
}

static int check_header(const unsigned char *d, const char *name, struct verror *err)
{
	uint32_t w = be32(d), h = be32(d + 4);
	unsigned bits = d[8], type = d[9];
	if (w == 0 || h == 0)
		return refuse(err, name, "its header gives it no width or no height");
	if (w > EXPORT_LOGO_MAX_SIDE || h > EXPORT_LOGO_MAX_SIDE)
		return verror_set(err, VERROR_INPUT, "%s: cannot be the logo: it is %lu x %lu "
		                  "pixels; a logo may be at most %u x %u", name, (unsigned long)w,
		                  (unsigned long)h, EXPORT_LOGO_MAX_SIDE, EXPORT_LOGO_MAX_SIDE);
	if (!depth_fits(type, bits) || d[10] != 0 || d[11] != 0 || d[12] > 1)
		return refuse(err, name, "its header (IHDR) is not valid PNG: a colour type, "
		              "bit depth, compression, filter or interlace PNG does not have");
	return 0;
}

int export_logo_check(const unsigned char *data, size_t len, const char *name,
                      struct verror *err)
{
	if (len > EXPORT_LOGO_MAX_BYTES)
		return verror_set(err, VERROR_INPUT, "%s: cannot be the logo: it is %zu bytes; a "
		                  "logo may be at most %u bytes (512 KiB)", name, len,
		                  EXPORT_LOGO_MAX_BYTES);
	if (len < sizeof png_signature || memcmp(data, png_signature, sizeof png_signature))
		return refuse(err, name, "it is not a PNG file (it does not start with PNG's "
		              "signature); save the logo as PNG");
	size_t at = sizeof png_signature;
	int chunks = 0, idat = 0;
	while (at < len) {
		if (len - at < 12)
			return refuse(err, name, "it is cut short (its last chunk is incomplete)");
		uint32_t n = be32(data + at);
		const unsigned char *type = data + at + 4;
		if (n > len - at - 12)
			return refuse(err, name, "it is cut short (a chunk runs past the end of the "
			              "file)");
		char tn[5];
		chunk_name(type, tn);
		if (be32(data + at + 8 + n) != crc32_png(type, (size_t)n + 4))
			return verror_set(err, VERROR_INPUT, "%s: cannot be the logo: it is damaged "
			                  "(the checksum of its %s chunk is wrong)", name, tn);
		if (chunks == 0) {
			if (memcmp(type, "IHDR", 4) != 0)
				return refuse(err, name, "it is not valid PNG (its first chunk is not the "
				              "image header, IHDR)");
			if (n != 13)
				return refuse(err, name, "it is not valid PNG (its image header, IHDR, is "
				              "not 13 bytes)");
			if (check_header(data + at + 8, name, err))
				return -1;
		} else if (memcmp(type, "IHDR", 4) == 0) {
			return refuse(err, name, "it is not valid PNG (it has two image headers)");
		}
		idat |= memcmp(type, "IDAT", 4) == 0;
		chunks++;
		at += (size_t)n + 12;
		if (memcmp(type, "IEND", 4) == 0)
			break;
		if (at == len)
			return refuse(err, name, "it is cut short (it does not end with IEND)");
	}
	if (chunks == 0)
		return refuse(err, name, "it is cut short (it holds only PNG's signature)");
	if (!idat)
		return refuse(err, name, "it is not valid PNG (it holds no image data, IDAT)");
	if (at != len)
		return refuse(err, name, "it is not valid PNG (bytes follow its end, IEND)");
	return 0;
}

int export_logo_read(const char *path, unsigned char **data, size_t *len, struct verror *err)
{
	char *text;
	struct diags d;
	struct verror why;
	*data = NULL;
	*len = 0;
	/* A file over the bound is read no further, and said in the logo's
	 * own words. */
	int rc = file_read_input(path, EXPORT_LOGO_MAX_BYTES, &text, len, &d, &why);
	int too_large = rc && d.count > 0;
	diags_free(&d);
	if (too_large)
		return verror_set(err, VERROR_INPUT, "%s: cannot be the logo: it is more than %u "
		                  "bytes (512 KiB), the most a logo may be", file_input_name(path),
		                  EXPORT_LOGO_MAX_BYTES);
	if (rc)
		return verror_copy(err, &why);
	if (export_logo_check((const unsigned char *)text, *len, file_input_name(path), err)) {
		free(text);
		*len = 0;
		return -1;
	}
	*data = (unsigned char *)text;
	return 0;
}
