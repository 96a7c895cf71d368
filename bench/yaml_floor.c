/* yaml_floor.c - the floor for `verdict check`: read a file and pull every
 * libyaml event from it, doing nothing else. Whatever verdict spends above
 * this is its own work. */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: yaml_floor FILE\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, f);
	unsigned long events = 0;
	int done = 0;
	while (!done) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "%s: parse error\n", argv[1]);
			return 1;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		events++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	fclose(f);
	printf("%lu events\n", events);
	return 0;
}
