// libvips for the C shim (CVipsShim) only: Swift never sees GLib's headers, and the varargs
// functions vips is called through are wrapped in plain C there.
#include <vips/vips.h>
