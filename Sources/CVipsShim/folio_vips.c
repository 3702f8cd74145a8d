#include "folio_vips.h"

#include <stdlib.h>
#include <string.h>
#include <vips/vips.h>

struct FolioImage {
    VipsImage *image;
};

/// libvips keeps one error buffer per process; the message is taken and the buffer cleared
/// at once, so a message rarely mixes with another thread's.
static void take_error(char **error, const char *what) {
    if (error == NULL) { vips_error_clear(); return; }
    const char *reason = vips_error_buffer();
    size_t length = strlen(what) + (reason ? strlen(reason) : 0) + 3;
    char *message = malloc(length);
    if (message != NULL) {
        snprintf(message, length, "%s%s%s", what, reason && *reason ? ": " : "", reason ? reason : "");
        // Only the first line: libvips stacks one line per layer of the failed call.
        char *newline = strchr(message, '\n');
        if (newline != NULL) *newline = '\0';
    }
    vips_error_clear();
    *error = message;
}

int folio_vips_start(void) {
    static int result = -1;
    static gsize once = 0;
    if (g_once_init_enter(&once)) {
        result = VIPS_INIT("folio") == 0 ? 0 : -1;
        if (result == 0) {
            // Folio runs one image per core itself; vips' own thread pool and its operation
            // cache (keyed by buffer address, which Folio reuses) would only get in the way.
            vips_concurrency_set(1);
            vips_cache_set_max(0);
        }
        g_once_init_leave(&once, 1);
    }
    return result;
}

int folio_image_header(const void *data, size_t length, FolioImageHeader *header, char **error) {
    const char *loader = vips_foreign_find_load_buffer(data, length);
    if (loader == NULL) { take_error(error, "not an image libvips can read"); return -1; }
    VipsImage *image = vips_image_new_from_buffer(data, length, "", NULL);
    if (image == NULL) { take_error(error, "cannot read the image header"); return -1; }
    int swap = vips_image_get_orientation_swap(image);
    header->width = swap ? vips_image_get_height(image) : vips_image_get_width(image);
    header->height = swap ? vips_image_get_width(image) : vips_image_get_height(image);
    header->bands = vips_image_get_bands(image);
    header->has_alpha = vips_image_hasalpha(image);
    header->pages = vips_image_get_n_pages(image);
    snprintf(header->loader, sizeof header->loader, "%s", loader);
    g_object_unref(image);
    return 0;
}

/// Replaces *image by `next`, dropping the old reference; fails when `next` could not be made.
static int step(VipsImage **image, int status, VipsImage *next) {
    if (status != 0) return -1;
    g_object_unref(*image);
    *image = next;
    return 0;
}

FolioImage *folio_image_open(const void *data, size_t length, int max_width, char **error) {
    VipsImage *image = NULL;
    // thumbnail shrinks while it decodes (JPEG) and turns the pixels by the orientation tag.
    if (vips_thumbnail_buffer((void *)data, length, &image, max_width,
                              "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                              "option_string", "fail_on=error", NULL) != 0) {
        take_error(error, "cannot decode the image");
        return NULL;
    }
    VipsImage *next = NULL;
    int status = 0;
    // An embedded profile (Adobe RGB, Display P3, CMYK) is applied, then dropped with the rest.
    if (vips_image_get_typeof(image, VIPS_META_ICC_NAME) != 0 && image->Type != VIPS_INTERPRETATION_B_W) {
        status = step(&image, vips_icc_transform(image, &next, "srgb", "embedded", TRUE,
                                                 "intent", VIPS_INTENT_RELATIVE, NULL), next);
    }
    if (status == 0 && image->Type != VIPS_INTERPRETATION_sRGB && image->Type != VIPS_INTERPRETATION_B_W) {
        status = step(&image, vips_colourspace(image, &next, VIPS_INTERPRETATION_sRGB, NULL), next);
    }
    if (status == 0 && image->BandFmt != VIPS_FORMAT_UCHAR) {
        status = step(&image, vips_cast(image, &next, VIPS_FORMAT_UCHAR, NULL), next);
    }
    // Decoding happens here: damage anywhere in the file stops it.
    if (status == 0) {
        next = vips_image_copy_memory(image);
        status = step(&image, next ? 0 : -1, next);
    }
    if (status != 0) {
        g_object_unref(image);
        take_error(error, "cannot decode the image");
        return NULL;
    }
    // Every metadata field goes (EXIF with its GPS position, XMP, IPTC, the profile, the
    // orientation now applied), here rather than by the savers' `strip`: libvips 8.14's WebP
    // saver writes the EXIF block back despite it.
    gchar **fields = vips_image_get_fields(image);
    for (gchar **field = fields; field && *field; field++) vips_image_remove(image, *field);
    g_strfreev(fields);
    FolioImage *result = malloc(sizeof *result);
    if (result == NULL) { g_object_unref(image); return NULL; }
    result->image = image;
    return result;
}

/// Drops the EXIF, XMP and ICC chunks of a WebP file in place and clears their flags: libvips
/// 8.14's WebP saver writes an EXIF block (the orientation, resolution, and any GPS position it
/// was given) whatever its `strip` says. Returns the new length.
static size_t webp_without_metadata(unsigned char *data, size_t length) {
    if (length < 12 || memcmp(data, "RIFF", 4) != 0 || memcmp(data + 8, "WEBP", 4) != 0) return length;
    size_t read = 12, write = 12;
    while (read + 8 <= length) {
        size_t size = data[read + 4] | data[read + 5] << 8 | data[read + 6] << 16 | (size_t)data[read + 7] << 24;
        size_t whole = 8 + size + (size & 1);
        if (read + whole > length) break;
        int metadata = memcmp(data + read, "EXIF", 4) == 0 || memcmp(data + read, "XMP ", 4) == 0
            || memcmp(data + read, "ICCP", 4) == 0;
        if (memcmp(data + read, "VP8X", 4) == 0 && size >= 1) data[read + 8] &= (unsigned char)~(0x20 | 0x08 | 0x04);
        if (!metadata) {
            memmove(data + write, data + read, whole);
            write += whole;
        }
        read += whole;
    }
    size_t riff = write - 8;
    data[4] = riff & 0xff; data[5] = (riff >> 8) & 0xff; data[6] = (riff >> 16) & 0xff; data[7] = (riff >> 24) & 0xff;
    return write;
}

int folio_image_save(FolioImage *source, int width, FolioImageFormat format, int quality,
                     void **output, size_t *output_length, int *out_width, int *out_height, char **error) {
    VipsImage *image = source->image;
    g_object_ref(image);
    VipsImage *next = NULL;
    int status = 0;
    if (width < vips_image_get_width(image)) {
        status = step(&image, vips_thumbnail_image(image, &next, width, "height", VIPS_MAX_COORD,
                                                   "size", VIPS_SIZE_DOWN, "no_rotate", TRUE, NULL), next);
    }
    if (status == 0 && format == FOLIO_FORMAT_JPEG && vips_image_hasalpha(image)) {
        VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
        status = step(&image, vips_flatten(image, &next, "background", white, NULL), next);
        vips_area_unref(VIPS_AREA(white));
    }
    if (status == 0) {
        switch (format) {
        case FOLIO_FORMAT_JPEG:
            status = vips_jpegsave_buffer(image, output, output_length, "Q", quality, "strip", TRUE,
                                          "optimize_coding", TRUE, "interlace", TRUE, NULL);
            break;
        case FOLIO_FORMAT_PNG:
            status = vips_pngsave_buffer(image, output, output_length, "strip", TRUE, "compression", 6, NULL);
            break;
        case FOLIO_FORMAT_WEBP:
            status = vips_webpsave_buffer(image, output, output_length, "Q", quality, "strip", TRUE, NULL);
            if (status == 0) *output_length = webp_without_metadata(*output, *output_length);
            break;
        case FOLIO_FORMAT_GIF:
            status = vips_gifsave_buffer(image, output, output_length, "strip", TRUE, NULL);
            break;
        default:
            status = -1;
        }
    }
    if (status != 0) {
        g_object_unref(image);
        take_error(error, "cannot encode the image");
        return -1;
    }
    *out_width = vips_image_get_width(image);
    *out_height = vips_image_get_height(image);
    g_object_unref(image);
    return 0;
}

void folio_image_close(FolioImage *image) {
    if (image == NULL) return;
    g_object_unref(image->image);
    free(image);
}

int folio_image_fields(const void *data, size_t length, char **fields, char **error) {
    VipsImage *image = vips_image_new_from_buffer(data, length, "", NULL);
    if (image == NULL) { take_error(error, "cannot read the image header"); return -1; }
    gchar **names = vips_image_get_fields(image);
    GString *text = g_string_new("");
    for (gchar **name = names; name && *name; name++) g_string_append_printf(text, "%s\n", *name);
    g_strfreev(names);
    g_object_unref(image);
    *fields = strdup(text->str);
    g_string_free(text, TRUE);
    return 0;
}

void folio_sha256_hex(const void *data, size_t length, char out[65]) {
    gchar *digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, length);
    snprintf(out, 65, "%s", digest);
    g_free(digest);
}

void folio_image_free(void *pointer) {
    if (pointer == NULL) return;
    // Buffers from vips are g_malloc'd; on Linux GLib allocates with malloc, so one free serves both.
    g_free(pointer);
}

int folio_image_test_pattern(int width, int height, int alpha, FolioImageFormat format, int quality,
                             void **output, size_t *output_length, char **error) {
    if (folio_vips_start() != 0) { take_error(error, "libvips could not start"); return -1; }
    VipsImage *image = NULL, *next = NULL;
    if (vips_xyz(&image, width, height, NULL) != 0) { take_error(error, "cannot draw"); return -1; }
    double scale[3] = { 255.0 / width, 255.0 / height, 0 };
    double offset[3] = { 0, 0, 128 };
    int status = step(&image, vips_bandjoin_const1(image, &next, 0, NULL), next);
    if (status == 0) status = step(&image, vips_linear(image, &next, scale, offset, 3, "uchar", TRUE, NULL), next);
    if (status == 0 && alpha) status = step(&image, vips_bandjoin_const1(image, &next, 160, NULL), next);
    if (status == 0) status = step(&image, vips_copy(image, &next, "interpretation", VIPS_INTERPRETATION_sRGB, NULL), next);
    if (status == 0) {
        switch (format) {
        case FOLIO_FORMAT_JPEG: status = vips_jpegsave_buffer(image, output, output_length, "Q", quality, NULL); break;
        case FOLIO_FORMAT_PNG: status = vips_pngsave_buffer(image, output, output_length, NULL); break;
        case FOLIO_FORMAT_WEBP: status = vips_webpsave_buffer(image, output, output_length, "Q", quality, NULL); break;
        case FOLIO_FORMAT_GIF: status = vips_gifsave_buffer(image, output, output_length, NULL); break;
        default: status = -1;
        }
    }
    g_object_unref(image);
    if (status != 0) { take_error(error, "cannot draw"); return -1; }
    return 0;
}
