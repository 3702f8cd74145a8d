#!/usr/bin/env python3
"""Draws the illustrations of Content/media/ (run once; the files are committed). They are
drawings, not photographs, and their descriptions in the projects say so. One is stored
sideways with an EXIF orientation tag and a GPS position, as a phone would write it, so that
the site build shows Folio turning it upright and stripping the position (the image gate checks)."""
import math, random, sys
from PIL import Image, ImageDraw, ImageFilter, ExifTags

out = sys.argv[1] if len(sys.argv) > 1 else "Content/media"
random.seed(16)

def sky(d, w, h, top, bottom):
    for y in range(h):
        t = y / h
        d.line([(0, y), (w, y)], fill=tuple(int(top[i] + (bottom[i] - top[i]) * t) for i in range(3)))

def beehives():
    w, h = 2000, 1333
    im = Image.new("RGB", (w, h)); d = ImageDraw.Draw(im)
    sky(d, w, int(h * 0.55), (120, 170, 225), (220, 232, 240))
    d.rectangle([0, int(h * 0.55), w, h], fill=(96, 150, 70))
    for _ in range(900):  # meadow flowers
        x, y = random.randrange(w), random.randrange(int(h * 0.57), h)
        d.ellipse([x, y, x + 9, y + 9], fill=random.choice([(250, 230, 90), (245, 245, 245), (200, 120, 200)]))
    for i, x in enumerate([380, 860, 1340]):  # three hives on stands
        base = int(h * 0.78)
        d.rectangle([x, base, x + 300, base + 40], fill=(90, 70, 50))
        for k in range(3):
            d.rectangle([x + 10, base - 120 * (k + 1), x + 290, base - 120 * k - 6], fill=(214, 170, 90) if k % 2 else (200, 150, 70), outline=(120, 90, 40), width=4)
        d.polygon([(x - 10, base - 366), (x + 150, base - 430), (x + 310, base - 366)], fill=(150, 150, 155))
        if i == 1:  # the sensor box with its solar panel
            d.rectangle([x + 100, base - 500, x + 200, base - 440], fill=(60, 60, 70))
            d.polygon([(x + 70, base - 520), (x + 230, base - 520), (x + 200, base - 560), (x + 100, base - 560)], fill=(40, 60, 120))
            d.ellipse([x + 140, base - 480, x + 160, base - 460], fill=(90, 220, 90))
    return im.filter(ImageFilter.SMOOTH)

def greenhouse():
    w, h = 2000, 1250
    im = Image.new("RGB", (w, h), (40, 30, 60)); d = ImageDraw.Draw(im)
    for k in range(9):  # glass roof ribs
        x = k * w // 8
        d.line([(x, 0), (w // 2 + (x - w // 2) // 3, h // 2)], fill=(90, 80, 120), width=6)
    for row in range(5):  # LED bars, magenta light
        y = 80 + row * 60
        d.rectangle([200 - row * 30, y, w - 200 + row * 30, y + 14], fill=(255, 90, 220))
    for lane in range(6):  # rows of plants in perspective
        x0 = 150 + lane * 330
        for step in range(14):
            t = step / 14
            x = w // 2 + (x0 - w // 2) * (0.3 + 0.7 * t)
            y = h * 0.5 + h * 0.5 * t
            r = 8 + 38 * t
            d.ellipse([x - r, y - r, x + r, y + r * 0.6], fill=(60 + int(80 * t), 160 + int(40 * t), 80))
    return im.filter(ImageFilter.SMOOTH)

def fish_pens():
    w, h = 2000, 1333
    im = Image.new("RGB", (w, h)); d = ImageDraw.Draw(im)
    sky(d, w, int(h * 0.35), (170, 200, 230), (230, 235, 240))
    sky_sea = Image.new("RGB", (w, h - int(h * 0.35))); ds = ImageDraw.Draw(sky_sea)
    sky(ds, w, h - int(h * 0.35), (70, 120, 150), (20, 60, 90))
    im.paste(sky_sea, (0, int(h * 0.35)))
    for _ in range(400):
        x, y = random.randrange(w), random.randrange(int(h * 0.36), h)
        d.line([(x, y), (x + 30, y)], fill=(120, 170, 190), width=2)
    for cx, cy, rx in [(550, 800, 360), (1350, 760, 300), (980, 1080, 420)]:
        d.ellipse([cx - rx, cy - rx * 0.3, cx + rx, cy + rx * 0.3], outline=(240, 200, 60), width=14)
        d.ellipse([cx - rx * 0.9, cy - rx * 0.25, cx + rx * 0.9, cy + rx * 0.25], outline=(30, 40, 50), width=4)
    d.rectangle([1700, 520, 1740, 700], fill=(220, 70, 50))  # monitoring buoy
    d.ellipse([1690, 680, 1750, 720], fill=(230, 230, 230))
    return im.filter(ImageFilter.SMOOTH)

def frost_chart():
    w, h = 1800, 1000
    im = Image.new("RGBA", (w, h), (0, 0, 0, 0)); d = ImageDraw.Draw(im)
    d.line([(120, 860), (1740, 860)], fill=(40, 40, 40, 255), width=5)
    d.line([(120, 860), (120, 80)], fill=(40, 40, 40, 255), width=5)
    zero = 860 - 780 * 6 / 12
    d.line([(120, zero), (1740, zero)], fill=(40, 90, 200, 255), width=3)
    for series, colour in [((4, 3, 1.5, 0.2, -0.8, -1.6, -1.1, 0.5, 2.5), (200, 40, 40, 255)),
                           ((5, 4.5, 3.8, 3, 2.4, 2, 2.2, 3, 4.5), (30, 130, 60, 255))]:
        points = [(120 + i * 200, 860 - 780 * (v + 6) / 12) for i, v in enumerate(series)]
        d.line(points, fill=colour, width=9, joint="curve")
        for x, y in points:
            d.ellipse([x - 12, y - 12, x + 12, y + 12], fill=colour)
    return im

beehives().save(f"{out}/smart-beehive-meadow.jpg", quality=78, optimize=True)
greenhouse().save(f"{out}/greenhouse-led-rows.jpg", quality=78, optimize=True)
frost_chart().save(f"{out}/orchard-frost-night.png", optimize=True)
# Stored sideways, as a phone held upright stores it, with the turn and a position in EXIF.
pens = fish_pens().transpose(Image.Transpose.ROTATE_90)
exif = Image.Exif()
exif[ExifTags.Base.Orientation] = 6
exif[ExifTags.Base.Make] = "Drawn"
exif[ExifTags.Base.GPSInfo] = {ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (56.0, 30.0, 0.0),
                               ExifTags.GPS.GPSLongitudeRef: "W", ExifTags.GPS.GPSLongitude: (5.0, 30.0, 0.0)}
pens.save(f"{out}/fish-farm-pens.jpg", quality=78, optimize=True, exif=exif)
