import Foundation

/// The EPUB's package files: container, package document (metadata with accessibility
/// properties, manifest, spine), navigation document and NCX.
struct EPUBPackage {
    let content: SiteContent
    let theme: Theme
    /// `dcterms:modified`, from the content or SOURCE_DATE_EPOCH.
    let modified: String
    let documents: [EPUBDocument]
    /// The media files to package.
    let media: [EPUBMedia]

    /// The image types of EPUB 3.2's core media types, which every reader shows and EPUBCheck
    /// 4.2.6 accepts without a fallback (WebP only joined in EPUB 3.3).
    static func mediaType(of path: String) -> String? {
        switch path.split(separator: ".").last?.lowercased() {
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        default: nil
        }
    }

    private func e(_ text: String) -> String { XMLText.escape(text) }

    func files() -> [(path: String, data: Data)] {
        [("package.opf", Data(packageDocument().utf8)), ("nav.xhtml", Data(navigation().utf8)), ("toc.ncx", Data(ncx().utf8))]
    }

    static let container = """
    <?xml version="1.0" encoding="UTF-8"?>
    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
      <rootfiles>
        <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
      </rootfiles>
    </container>

    """

    private func id(for path: String) -> String {
        "item-" + path.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    func packageDocument() -> String {
        let config = content.config
        let booklet = config.booklet
        var metadata = """
            <dc:identifier id="pub-id">\(e(booklet.identifier.value))</dc:identifier>
            <dc:title>\(e(booklet.title))</dc:title>
            <dc:language>\(e(config.language.value))</dc:language>
            <dc:date>\(e(booklet.date.value))</dc:date>
            <meta property="dcterms:modified">\(modified)</meta>

        """
        if let publisher = booklet.publisher { metadata += "    <dc:publisher>\(e(publisher))</dc:publisher>\n" }
        if let subtitle = booklet.subtitle { metadata += "    <dc:description>\(e(subtitle))</dc:description>\n" }
        metadata += """
            <meta property="schema:accessMode">textual</meta>
            <meta property="schema:accessMode">visual</meta>
            <meta property="schema:accessModeSufficient">textual</meta>
            <meta property="schema:accessibilityFeature">structuralNavigation</meta>
            <meta property="schema:accessibilityFeature">tableOfContents</meta>
            <meta property="schema:accessibilityFeature">alternativeText</meta>
            <meta property="schema:accessibilityFeature">readingOrder</meta>
            <meta property="schema:accessibilityHazard">none</meta>
            <meta property="schema:accessibilitySummary">\(e(theme.string("booklet.accessibilitySummary")))</meta>
            <meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>

        """
        var manifest = """
            <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
            <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
            <item id="css" href="\(BookletRenderer.stylesheet)" media-type="text/css"/>

        """
        for document in documents {
            let properties = document.hasSVG ? " properties=\"svg\"" : ""
            manifest += "    <item id=\"\(id(for: document.path))\" href=\"\(e(document.path))\" media-type=\"application/xhtml+xml\"\(properties)/>\n"
        }
        let cover = EPUBContents.givenCover(config)
        if cover == nil {
            manifest += "    <item id=\"cover\" href=\"\(CoverSVG.path)\" media-type=\"image/svg+xml\" properties=\"cover-image\"/>\n"
        }
        for (index, item) in media.enumerated() {
            let properties = item.source == cover ? " properties=\"cover-image\"" : ""
            manifest += "    <item id=\"media-\(index + 1)\" href=\"\(e(BookletLink.encode(item.packagePath)))\" media-type=\"\(item.mediaType)\"\(properties)/>\n"
        }
        // The navigation document is also the printed table of contents, after the title page.
        var spineIDs = documents.map { id(for: $0.path) }
        let afterTitle = documents.firstIndex { $0.landmark == "titlepage" }.map { $0 + 1 } ?? 0
        spineIDs.insert("nav", at: afterTitle)
        let spine = spineIDs.map { "    <itemref idref=\"\($0)\"/>" }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="\(e(config.language.value))">
          <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        \(metadata)  </metadata>
          <manifest>
        \(manifest)  </manifest>
          <spine toc="ncx">
        \(spine)
          </spine>
        </package>

        """
    }

    /// Documents of the table of contents as a tree: parts with the chapters that follow them.
    private var tocTree: [(document: EPUBDocument, children: [EPUBDocument])] {
        var tree: [(document: EPUBDocument, children: [EPUBDocument])] = []
        for document in documents where document.inTOC {
            if document.navDepth > 0, !tree.isEmpty {
                tree[tree.count - 1].children.append(document)
            } else {
                tree.append((document, []))
            }
        }
        return tree
    }

    func navigation() -> String {
        let link = { (document: EPUBDocument) in "<a href=\"\(self.e(document.path))\">\(self.e(document.title))</a>" }
        let toc = tocTree.map { entry in
            guard !entry.children.isEmpty else { return "<li>\(link(entry.document))</li>" }
            let children = entry.children.map { "<li>\(link($0))</li>" }.joined(separator: "\n")
            return "<li>\(link(entry.document))\n<ol>\n\(children)\n</ol>\n</li>"
        }.joined(separator: "\n")
        var landmarks = "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">\(e(theme.string("booklet.contents")))</a></li>\n"
        for document in documents {
            if let landmark = document.landmark {
                landmarks += "<li><a epub:type=\"\(landmark)\" href=\"\(e(document.path))\">\(e(document.title))</a></li>\n"
            }
        }
        if let first = documents.first(where: { $0.path.hasPrefix("calls/") || $0.path.hasPrefix("chapters/") }) {
            landmarks += "<li><a epub:type=\"bodymatter\" href=\"\(e(first.path))\">\(e(theme.string("booklet.projects")))</a></li>\n"
        }
        let body = """
        <nav epub:type="toc" id="toc">
        <h1>\(e(theme.string("booklet.contents")))</h1>
        <ol>
        \(toc)
        </ol>
        </nav>
        <nav epub:type="landmarks" id="landmarks" hidden="hidden">
        <h2>\(e(theme.string("booklet.landmarks")))</h2>
        <ol>
        \(landmarks)</ol>
        </nav>
        """
        return EPUBDocument(path: "nav.xhtml", title: theme.string("booklet.contents"), body: body)
            .xhtml(language: content.config.language.value, stylesheet: BookletRenderer.stylesheet)
    }

    func ncx() -> String {
        var order = 0
        func point(_ document: EPUBDocument, children: [EPUBDocument], indent: String) -> String {
            order += 1
            var text = "\(indent)<navPoint id=\"nav-\(order)\" playOrder=\"\(order)\">\n"
            text += "\(indent)  <navLabel><text>\(e(document.title))</text></navLabel>\n"
            text += "\(indent)  <content src=\"\(e(document.path))\"/>\n"
            for child in children { text += point(child, children: [], indent: indent + "  ") }
            return text + "\(indent)</navPoint>\n"
        }
        let tree = tocTree
        let points = tree.map { point($0.document, children: $0.children, indent: "    ") }.joined()
        let depth = tree.contains { !$0.children.isEmpty } ? 2 : 1
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
          <head>
            <meta name="dtb:uid" content="\(e(content.config.booklet.identifier.value))"/>
            <meta name="dtb:depth" content="\(depth)"/>
            <meta name="dtb:totalPageCount" content="0"/>
            <meta name="dtb:maxPageNumber" content="0"/>
          </head>
          <docTitle><text>\(e(content.config.booklet.title))</text></docTitle>
          <navMap>
        \(points)  </navMap>
        </ncx>

        """
    }
}
