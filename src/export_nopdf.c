/* export_nopdf.c - verdict's stand-in for the PDF renderer, which lives in
 * verdict-pdf (export_pdf.h says why): it draws nothing and says so. */
#include "export_pdf.h"

int export_pdf_here(void)
{
	return 0;
}

int export_pdf(const struct report *rep, struct strbuf *out, struct verror *err)
{
	(void)rep;
	(void)out;
	return verror_set(err, VERROR_STORAGE, "this program draws no PDF: verdict-pdf does "
	                  "(docs/exports.md)");
}
