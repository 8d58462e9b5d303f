// Placeholder until the LineEditor work lands: the shim of libedit wrappers.
#include <histedit.h>
