/// A small stylesheet for e-readers: they bring their own fonts and margins, so it only sets
/// structure apart.
enum EPUBStylesheet {
    static let text = """
    body { line-height: 1.45; }
    h1 { font-size: 1.5em; margin: 0 0 0.5em; }
    h2 { font-size: 1.2em; }
    .title-page { text-align: center; margin-top: 20%; }
    .subtitle, .lead { font-style: italic; }
    .call-title { text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.85em; }
    dl.facts dt { font-weight: bold; }
    dl.facts dd { margin: 0 0 0.4em 1em; }
    table { border-collapse: collapse; }
    th, td { border: 1px solid #888; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
    img, svg { max-width: 100%; height: auto; }
    .cover { text-align: center; margin: 0; padding: 0; }
    .cover img { max-height: 95vh; }
    .call-projects { list-style: none; padding: 0; }
    .acronym { font-weight: bold; }
    nav[hidden] { display: none; }

    """
}
