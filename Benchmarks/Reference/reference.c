/*
 * The C floor for RoutineCard's benchmark: the reference card (A6, 8 mm margins, DejaVu Sans)
 * rendered with pangocairo directly, one file per card, content varying card to card.
 *
 *   reference pdf N OUTDIR     N PDF files
 *   reference png N OUTDIR     N PNG files at 300 dpi (cairo's own PNG writer)
 *
 * Prints the milliseconds per card to stdout. Built by Benchmarks/run with cc and pkg-config.
 */
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MM (72.0 / 25.4)

static const char *names[3] = {"Calf Raises", "Seated Toe Touch", "Hamstring Stretch"};
static const char *steps[3] = {
    "Stand with feet flat and hip-width apart. Rise onto your toes, hold for a count of three, then lower your heels slowly. Repeat 10 times.",
    "Sit with legs straight ahead. Reach toward your toes with both hands until you feel a gentle stretch in the calves. Hold 30 seconds; do not bounce.",
    "Sit tall, extend one leg, and hinge forward at the hips until the back of the thigh feels a stretch. Hold 30 seconds, then switch legs."};
static const char *therapy[2] = {
    "Heat: warm shower or heating pad for 15\xE2\x80\x93" "20 minutes to relax the muscle.",
    "Cold: ice pack wrapped in a towel, 10\xE2\x80\x93" "15 minutes at most, to avoid skin burns."};

static PangoFontMap *font_map;
static PangoContext *context;

static void die(const char *what) { fprintf(stderr, "reference: %s\n", what); exit(1); }

/* Draws text wrapped at width; returns its height. */
static double text(cairo_t *cr, const char *string, const char *font, double x, double y, double width) {
    PangoLayout *layout = pango_layout_new(context);
    PangoFontDescription *description = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout, description);
    pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout, string, -1);
    int w, h;
    pango_layout_get_size(layout, &w, &h);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    pango_font_description_free(description);
    g_object_unref(layout);
    return (double)h / PANGO_SCALE;
}

static void draw_card(cairo_t *cr, int number) {
    double width = 105 * MM, height = 148 * MM, margin = 8 * MM, column = width - 2 * margin;
    char title[64];
    snprintf(title, sizeof title, "Leg Cramp Relief %d", number);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0.1, 0.15, 0.2);
    double y = margin;
    y += text(cr, title, "DejaVu Sans Bold 18", margin, y, column) + 2;
    y += text(cr, "Stretch 3x daily \xC2\xB7 hold each 30 s", "DejaVu Sans 10", margin, y, column) + 8;
    for (int i = 0; i < 3; i++) {
        char heading[64];
        snprintf(heading, sizeof heading, "%d. %s", i + 1, names[i]);
        y += text(cr, heading, "DejaVu Sans Bold 9.5", margin, y, column) + 1;
        y += text(cr, steps[i], "DejaVu Sans 9.5", margin, y, column) + 6;
    }
    y += text(cr, "Therapy", "DejaVu Sans Bold 11", margin, y, column) + 2;
    for (int i = 0; i < 2; i++) {
        text(cr, "\xE2\x80\xA2", "DejaVu Sans 9.5", margin, y, 10);
        y += text(cr, therapy[i], "DejaVu Sans 9.5", margin + 10, y, column - 10) + 3;
    }
    text(cr, "Drink water through the day; eat fibre-rich fruit and vegetables.", "DejaVu Sans 7", margin, height - margin - 9, column);
}

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
    if (argc != 4) die("usage: reference pdf|png N OUTDIR");
    int png = strcmp(argv[1], "png") == 0, count = atoi(argv[2]);
    font_map = pango_cairo_font_map_new();
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(font_map), 72);
    context = pango_font_map_create_context(font_map);
    double start = now_ms();
    for (int i = 1; i <= count; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/card-%d.%s", argv[3], i, png ? "png" : "pdf");
        cairo_surface_t *surface;
        double scale = 300.0 / 72;
        if (png) {
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)(105 * MM * scale + 0.5), (int)(148 * MM * scale + 0.5));
        } else {
            surface = cairo_pdf_surface_create(path, 105 * MM, 148 * MM);
        }
        if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) die("cannot create a surface");
        cairo_t *cr = cairo_create(surface);
        if (png) cairo_scale(cr, scale, scale);
        draw_card(cr, i);
        cairo_show_page(cr);
        if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) die("drawing failed");
        cairo_destroy(cr);
        if (png && cairo_surface_write_to_png(surface, path) != CAIRO_STATUS_SUCCESS) die("cannot write a PNG");
        cairo_surface_finish(surface);
        if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) die("cannot finish a file");
        cairo_surface_destroy(surface);
    }
    printf("%.3f\n", (now_ms() - start) / (count > 0 ? count : 1));
    g_object_unref(context);
    g_object_unref(font_map);
    return 0;
}
