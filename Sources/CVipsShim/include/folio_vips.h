#ifndef FOLIO_VIPS_H
#define FOLIO_VIPS_H

// The few image operations Folio needs, as plain C without GLib types or varargs, so that Swift
// can call them. Every function that can fail returns 0 on success and -1 with *error set to a
// malloc'd message (free it with folio_image_free).

#include <stddef.h>

typedef struct {
    /// Pixels as shown: width and height swapped when the EXIF orientation turns the image.
    int width;
    int height;
    int bands;
    int has_alpha;
    int pages;
    /// The loader libvips chose from the bytes, such as "jpegload_buffer".
    char loader[64];
} FolioImageHeader;

typedef enum {
    FOLIO_FORMAT_JPEG = 0,
    FOLIO_FORMAT_PNG = 1,
    FOLIO_FORMAT_WEBP = 2,
    FOLIO_FORMAT_GIF = 3,
} FolioImageFormat;

/// An image decoded once, turned by its orientation tag, in 8-bit sRGB, held in memory.
typedef struct FolioImage FolioImage;

/// Starts libvips once per process; later calls return the first result.
int folio_vips_start(void);

/// Reads only the header: what the bytes are and how large.
int folio_image_header(const void *data, size_t length, FolioImageHeader *header, char **error);

/// Decodes `data` (stopping at any damage), applies the orientation tag, converts to 8-bit sRGB
/// and shrinks it to at most `max_width` pixels wide (never enlarges).
FolioImage *folio_image_open(const void *data, size_t length, int max_width, char **error);

/// Encodes `image` at `width` (never more than it has) in `format`, without any metadata.
int folio_image_save(FolioImage *image, int width, FolioImageFormat format, int quality,
                     void **output, size_t *output_length, int *out_width, int *out_height, char **error);

void folio_image_close(FolioImage *image);

/// The names of the metadata fields of an encoded image ("exif-data", "xmp-data", ...), as one
/// malloc'd string, one name a line; for tests and checks.
int folio_image_fields(const void *data, size_t length, char **fields, char **error);

/// SHA-256 of `data` as 64 hex digits and a NUL.
void folio_sha256_hex(const void *data, size_t length, char out[65]);

void folio_image_free(void *pointer);

/// A colour gradient `width` × `height` (3 bands, or 4 with a half-transparent alpha) encoded in
/// `format` with no options: real images for tests and the benchmark, made without any file.
int folio_image_test_pattern(int width, int height, int alpha, FolioImageFormat format, int quality,
                             void **output, size_t *output_length, char **error);

#endif
