/* The reference floor: what libyaml needs just to parse a meeting folder's YAML into events.
   Build: cc -O2 -o libyaml-floor libyaml-floor.c -lyaml
   Usage: libyaml-floor DIR... parses meeting.yaml and every provinces/NAME.yaml in each DIR. */
#include <glob.h>
#include <stdio.h>
#include <yaml.h>
static long parse(const char *path) {
    FILE *f = fopen(path, "rb"); yaml_parser_t p; yaml_event_t e; long n = 0; int done = 0;
    if (!f || !yaml_parser_initialize(&p)) { perror(path); return -1; }
    yaml_parser_set_input_file(&p, f);
    while (!done && yaml_parser_parse(&p, &e)) { done = e.type == YAML_STREAM_END_EVENT; yaml_event_delete(&e); n++; }
    if (!done) fprintf(stderr, "%s: %s\n", path, p.problem);
    yaml_parser_delete(&p); fclose(f);
    return done ? n : -1;
}
int main(int argc, char **argv) {
    long events = 0, files = 0; char pattern[4096]; glob_t g;
    for (int i = 1; i < argc; i++) {
        snprintf(pattern, sizeof pattern, "%s/meeting.yaml", argv[i]); events += parse(pattern); files++;
        snprintf(pattern, sizeof pattern, "%s/provinces/*.yaml", argv[i]);
        if (glob(pattern, 0, NULL, &g) == 0) for (size_t k = 0; k < g.gl_pathc; k++, files++) events += parse(g.gl_pathv[k]);
        globfree(&g);
    }
    printf("%ld files, %ld events\n", files, events);
    return 0;
}
