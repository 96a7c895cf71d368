/* embed.c - turns a file into a C array, so the default criteria travel
 * inside the binary: embed NAME FILE > out.c */
#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: embed NAME FILE\n");
		return 2;
	}
	FILE *in = fopen(argv[2], "rb");
	if (!in) {
		perror(argv[2]);
		return 1;
	}
	printf("#include <stddef.h>\nconst char %s[] = {", argv[1]);
	unsigned long n = 0;
	int ch;
	while ((ch = getc(in)) != EOF)
		printf("%s%d,", n++ % 16 ? "" : "\n", ch);
	printf("0\n};\nconst size_t %s_len = %lu;\n", argv[1], n);
	int bad = ferror(in) || ferror(stdout);
	fclose(in);
	return bad;
}
