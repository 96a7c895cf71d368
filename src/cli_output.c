/* cli_output.c - standard output that could not be written: said one way.
 *
 * Every command's output must reach standard output whole; when it does not
 * (a full disk, /dev/full, a closed descriptor) the command ends with
 * EXIT_STORAGE and says so once, here. main() checks at the end of every
 * command (close_stdout()); a command writing a large report checks right
 * after it, while the reason is still known. */
#include <errno.h>
#include <string.h>

#include "cli.h"

int cli_output_failed(const char *cmd, int errnum)
{
	const char *sep = cmd ? " " : "";
	if (!cmd)
		cmd = "";
	if (errnum)
		fprintf(stderr, "verdict%s%s: cannot write to standard output: %s\n", sep, cmd,
		        strerror(errnum));
	else
		fprintf(stderr, "verdict%s%s: cannot write to standard output\n", sep, cmd);
	return EXIT_STORAGE;
}

int cli_write_stdout(const char *cmd, const char *data, size_t len)
{
	errno = 0;
	if ((len && fwrite(data, 1, len, stdout) != len) || fflush(stdout) || ferror(stdout))
		return cli_output_failed(cmd, errno);
	return EXIT_OK;
}
