/// One XHTML content document of the EPUB, with what the package and navigation need to know.
struct EPUBDocument {
    /// Path inside the EPUB folder (`chapters/agri-sat.xhtml`).
    var path: String
    var title: String
    var body: String
    /// Whether the body embeds SVG (the manifest must say so).
    var hasSVG: Bool = false
    /// `epub:type` for landmarks (`cover`, `titlepage`, `preface`, `index`), if any.
    var landmark: String?
    /// Listed in the table of contents (the cover is not).
    var inTOC: Bool = true
    /// 0 for parts, 1 for a chapter under the part before it.
    var navDepth: Int = 0
    /// The content file the document is made from, for diagnostics (`projects/a.md`).
    var source: String = "site.yaml"

    /// The complete XHTML file.
    func xhtml(language: String, stylesheet: String) -> String {
        let depth = path.split(separator: "/").count - 1
        let css = String(repeating: "../", count: depth) + stylesheet
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="\(XMLText.escape(language))" xml:lang="\(XMLText.escape(language))">
        <head>
        <meta charset="UTF-8"/>
        <title>\(XMLText.escape(title))</title>
        <link rel="stylesheet" type="text/css" href="\(css)"/>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
