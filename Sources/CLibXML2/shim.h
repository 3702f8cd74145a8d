// Debian builds libxml2 with ICU; its UErrorCode clashes with Foundation's when both are visible
// to one Swift module, so ICU support is hidden from the headers before they are included.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/parserInternals.h>
