// Debian's libyaml-dev: the event parser is used directly so that the loader keeps
// every value's line and column and stays close to libyaml's own speed.
#include <yaml.h>
