import Foundation
import Testing
import ZIPFoundation
@testable import FolioKit

/// Issue 15: a site in several languages, built from a small content tree through the real
/// Layouts/ (with its strings.<code>.yaml files), asserting on the pages, feeds, search data and
/// booklets written for each language, and on the errors hostile translations get.
@Suite struct TranslationTests {
    private let scratch = TemporaryFolder("folio-i18n")
    var content: URL { scratch.url.appendingPathComponent("Content") }
    var output: URL { scratch.url.appendingPathComponent("Output") }

    init() throws {
        try write("site.yaml", """
        title: Demo Programme
        tagline: {en: Technology across sectors, es: Tecnología entre sectores}
        language: en
        languages:
          - {code: en, name: English}
          - {code: es, name: Español}
          - {code: pt, name: Português}
        base_url: https://demo.example.eu/sub/
        funding_notice: {en: Funded by the European Union., es: Financiado por la Unión Europea., pt: Financiado pela União Europeia.}
        sectors:
          agrifood: {name: {en: Agri-food, es: Agroalimentación, pt: Agroalimentar}, colour: "#2e6b30"}
          ict: {name: ICT, colour: "#5b3a99"}
        booklet:
          title: {en: Demo booklet, es: Folleto de prueba, pt: Brochura de teste}
          identifier: urn:uuid:0b7c1d9e-2f4a-4c55-9d1e-123456789abc
          date: 2019-05-31
        menu:
          - {title: {en: Projects, es: Proyectos, pt: Projetos}, link: projects/}
          - {title: {en: About, es: Sobre nosotros}, link: pages/about.md}
        """)
        try write("projects/field-drone.md", """
        ---
        title: Field drone
        summary: Drones watching over the fields.
        sectors: [agrifood, ict]
        countries: [ES, IT]
        call: Open Call 1 (2017)
        funding_eur: 1500000
        stage: market
        partners:
          - {name: Campo Datos S.L., country: ES}
        ---
        ## Challenge

        Crops need watching. See the [sister project](soil-net.md#results).
        """)
        try write("projects/field-drone.es.md", """
        ---
        title: Dron agrícola
        summary: Drones sobre los campos de cultivo.
        ---
        ## El reto

        Los cultivos necesitan vigilancia. Véase el [proyecto hermano](soil-net.md#results).
        """)
        try write("projects/soil-net.md", """
        ---
        title: Soil net
        summary: Sensors buried in soil.
        sectors: [ict]
        countries: [PT, NL]
        call: Open Call 2 (2018)
        funding_eur: 25000
        partners:
          - {name: Solo Vivo Lda, country: PT}
        ---
        ## Results

        Back to [the drone](field-drone.md).
        """)
        try write("projects/soil-net.pt.md", """
        ---
        title: Rede de solo
        summary: Sensores no solo.
        ---
        ## Resultados

        De volta ao [drone](field-drone.md).
        """)
        try write("news/2019-05-21-final-conference.md", """
        ---
        title: Final conference
        date: 2019-05-21
        summary: The programme's final conference in Madrid.
        event: {start: 2019-05-21, place: Madrid}
        ---
        Read [about us](../pages/about.md).
        """)
        try write("pages/about.md", """
        ---
        title: About
        ---
        We are a programme.
        """)
        try write("pages/about.es.md", """
        ---
        title: Sobre nosotros
        ---
        Somos un programa.
        """)
    }

    func write(_ path: String, _ text: String) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func build(layouts: URL = BuildTests.layouts) -> Pipeline.BuildReport {
        Pipeline.build(.init(content: content, layouts: layouts, output: output))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    func errors(_ report: Pipeline.BuildReport) -> [Diagnostic] {
        report.diagnostics.filter { $0.severity == .error }
    }

    @Test func everyLanguageHasTheWholeSiteUnderItsCode() throws {
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        for path in ["index.html", "projects/field-drone.html", "projects/soil-net.html", "news/2019-05-21-final-conference.html",
                     "pages/about.html", "booklet/index.html", "booklet/edition.html", "sectors/agrifood.html", "feed.xml",
                     "assets/search-data.js"] {
            #expect(exists(path), "\(path)")
            #expect(exists("es/" + path), "es/\(path)")
            #expect(exists("pt/" + path), "pt/\(path)")
        }
        // Served at the root only, for any missing path.
        #expect(exists("404.html") && !exists("es/404.html"))
        #expect(try read("projects/field-drone.html").contains("<html lang=\"en\">"))
        #expect(try read("es/projects/field-drone.html").contains("<html lang=\"es\">"))
        #expect(try read("pt/projects/field-drone.html").contains("<html lang=\"pt\">"))
        // Assets and media stay shared at the root; pages link within their language.
        let spanish = try read("es/projects/field-drone.html")
        #expect(spanish.contains("href=\"../../assets/folio.css\""))
        #expect(spanish.contains("href=\"../sectors/agrifood.html\""))
    }

    @Test func translatedWordsOverTheSourcesFacts() throws {
        #expect(build().succeeded)
        let page = try read("es/projects/field-drone.html")
        #expect(page.contains("<h1>Dron agrícola</h1>"))
        #expect(page.contains("Drones sobre los campos de cultivo."))
        #expect(page.contains("Los cultivos necesitan vigilancia."))
        // Facts come from the source, names from site.yaml and strings.es.yaml.
        #expect(page.contains("1.500.000 EUR"))
        #expect(page.contains("Agroalimentación"))
        #expect(page.contains("Financiado por la Unión Europea."))
        #expect(!page.contains("translation-notice"))
        // The translated heading keeps the source's id, so links to a section work in every language.
        #expect(try read("pt/projects/soil-net.html").contains("id=\"results\""))
        #expect(try read("pt/projects/field-drone.html").contains("soil-net.html#results"))
    }

    @Test func untranslatedTextIsMarkedAndNoticed() throws {
        #expect(build().succeeded)
        let notice = try #require(Theme.load(from: BuildTests.layouts, languages: ["en", "es"]).theme).speaking("es")
            .string("translation.projectNotTranslated")
        let page = try read("es/projects/soil-net.html")
        #expect(page.contains("<p class=\"translation-notice\">\(HTMLEscaping.escape(notice))</p>"))
        #expect(page.contains("<h1 lang=\"en\">Soil net</h1>"))
        #expect(page.contains("<div class=\"prose\" lang=\"en\">"))
        // A translated page has neither; a card of an untranslated project is marked on its own.
        let list = try read("es/projects/index.html")
        #expect(!list.contains("translation-notice"))
        #expect(list.contains("lang=\"en\"><a href=\"../projects/soil-net.html\">Soil net</a>"))
        #expect(list.contains("<a href=\"../projects/field-drone.html\">Dron agrícola</a>"))
        // A map without pt falls back to the default language's text: "About" in Portuguese pages.
        #expect(try read("pt/index.html").contains(">About</a>"))
        #expect(try read("pt/pages/about.html").contains("<h1 lang=\"en\">About</h1>"))
    }

    @Test func switcherAndAlternatesLeadToTheSamePage() throws {
        #expect(build().succeeded)
        let page = try read("es/news/2019-05-21-final-conference.html")
        #expect(page.contains("<a href=\"../../news/2019-05-21-final-conference.html\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(page.contains("<a href=\"../../es/news/2019-05-21-final-conference.html\" hreflang=\"es\" lang=\"es\" aria-current=\"true\">Español</a>"))
        #expect(page.contains("<a href=\"../../pt/news/2019-05-21-final-conference.html\" hreflang=\"pt\" lang=\"pt\">Português</a>"))
        for code in ["en", "es", "pt"] {
            let target = code == "en" ? "" : "\(code)/"
            #expect(page.contains("<link rel=\"alternate\" hreflang=\"\(code)\" href=\"https://demo.example.eu/sub/\(target)news/2019-05-21-final-conference.html\">"))
        }
        #expect(try read("index.html").contains("<a href=\"es/index.html\" hreflang=\"es\" lang=\"es\">Español</a>"))
        let sitemap = try read("sitemap.xml")
        #expect(sitemap.contains("<loc>https://demo.example.eu/sub/pt/projects/soil-net.html</loc>"))
        #expect(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://demo.example.eu/sub/es/projects/soil-net.html\"/>"))
    }

    @Test func eachLanguageHasItsFeedAndSearchData() throws {
        #expect(build().succeeded)
        #expect(try read("es/assets/search-data.js").contains("\"title\":\"Dron agrícola\""))
        #expect(try read("es/assets/search-data.js").contains("Los cultivos necesitan vigilancia"))
        #expect(try read("assets/search-data.js").contains("\"title\":\"Field drone\""))
        #expect(try read("pt/assets/search-data.js").contains("\"title\":\"Rede de solo\""))
        let feed = try read("es/feed.xml")
        #expect(feed.contains("xml:lang=\"es\""))
        #expect(feed.contains("<link rel=\"self\" href=\"https://demo.example.eu/sub/es/feed.xml\"/>"))
        // Facet labels in the page's language.
        #expect(try read("es/projects/index.html").contains("Agroalimentación"))
    }

    @Test func eachLanguageHasItsBooklet() throws {
        #expect(build().succeeded)
        #expect(exists("es/booklet/folleto-de-prueba.epub"))
        #expect(exists("pt/booklet/brochura-de-teste.epub"))
        #expect(try read("es/booklet/index.html").contains("href=\"../booklet/folleto-de-prueba.epub\""))
        let data = try Data(contentsOf: output.appendingPathComponent("es/booklet/folleto-de-prueba.epub"))
        let archive = try Archive(data: data, accessMode: .read)
        func text(_ path: String) throws -> String {
            var bytes = Data()
            _ = try archive.extract(try #require(archive[path], "\(path)")) { bytes.append($0) }
            return String(decoding: bytes, as: UTF8.self)
        }
        let package = try text("EPUB/package.opf")
        #expect(package.contains("<dc:language>es</dc:language>"))
        #expect(package.contains("xml:lang=\"es\""))
        let translated = try text("EPUB/chapters/field-drone.xhtml")
        #expect(translated.contains("xml:lang=\"es\"") && translated.contains("Dron agrícola") && !translated.contains("translation-notice"))
        let untranslated = try text("EPUB/chapters/soil-net.xhtml")
        #expect(untranslated.contains("<h1 lang=\"en\" xml:lang=\"en\">Soil net</h1>"))
        #expect(untranslated.contains("<p class=\"translation-notice\">"))
        #expect(try read("es/booklet/edition.html").contains("<h3 lang=\"en\">Soil net</h3>"))
    }

    @Test func eachLanguageHasItsPDF() throws {
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        let languages = [("", "demo-booklet", "Field drone", "Download the PDF", "pages"),
                         ("es/", "folleto-de-prueba", "Dron agrícola", "Descargar el PDF", "páginas"),
                         ("pt/", "brochura-de-teste", "Field drone", "Descarregar o PDF", "páginas")]
        for (folder, name, title, download, pagesWord) in languages {
            let pdf = output.appendingPathComponent("\(folder)booklet/\(name).pdf")
            #expect(exists("\(folder)booklet/\(name).pdf"))
            let info = try PDFEditionTests.run("pdfinfo", [pdf.path])
            let pages = try #require(info.firstMatch(of: /Pages:\s+(\d+)/)?.1, "\(folder): \(info)")
            let text = try PDFEditionTests.run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"])
            #expect(text.contains(title), "\(folder)booklet/\(name).pdf")
            // Each language's booklet and home pages link its own PDF, with its own page count.
            let booklet = try read("\(folder)booklet/index.html")
            #expect(booklet.contains("href=\"../booklet/\(name).pdf\" type=\"application/pdf\""))
            #expect(booklet.contains(download) && booklet.contains("(\(pages) \(pagesWord), "), "\(folder)booklet/index.html")
            #expect(try read("\(folder)index.html").contains("href=\"booklet/\(name).pdf\""))
        }
        // The Spanish PDF shows the translation's body, and the untranslated chapter with a notice.
        let spanish = try PDFEditionTests.run("pdftotext", ["-enc", "UTF-8", output.appendingPathComponent("es/booklet/folleto-de-prueba.pdf").path, "-"])
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(spanish.contains("Los cultivos necesitan vigilancia") && !spanish.contains("Crops need watching"))
        #expect(spanish.contains("Soil net") && spanish.contains("Sensors buried in soil"))
        let theme = try #require(Theme.load(from: BuildTests.layouts, languages: ["en", "es", "pt"]).theme)
        let notice = theme.speaking("es").string("translation.chapterNotTranslated")
        #expect(spanish.contains(String(notice.prefix { $0 != ";" })), "\(notice)")
        #expect(report.pdfPages > 0)
        #expect(report.booklets.count == 3 && report.booklets.values.allSatisfy { $0.pdf != nil && $0.epubBytes != nil })
    }

    @Test func everyLanguagesBookletPageOffersTheOneSiteArchive() throws {
        let site = try String(contentsOf: content.appendingPathComponent("site.yaml"), encoding: .utf8)
        try write("site.yaml", site.replacingOccurrences(of: "  date: 2019-05-31\n", with: "  date: 2019-05-31\n  offer_archive: true\n"))
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        #expect(exists("booklet/demo-programme-website.zip") && !exists("es/booklet/demo-programme-website.zip"))
        #expect(try read("booklet/index.html").contains("href=\"../booklet/demo-programme-website.zip\""))
        #expect(try read("es/booklet/index.html").contains("href=\"../../booklet/demo-programme-website.zip\""))
        #expect(try read("pt/booklet/index.html").contains("href=\"../../booklet/demo-programme-website.zip\""))
    }

    @Test func translationTableCountsWhatEachLanguageHas() throws {
        let checked = Pipeline.check(contentFolder: content)
        let content = try #require(checked.content)
        let theme = Theme.load(from: BuildTests.layouts, languages: content.config.languageCodes).theme
        let lines = TranslationTable.lines(content, theme: theme)
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("es (Español)") && lines[1].contains("1/2") && lines[1].contains("0/1"))
        #expect(lines[2].hasPrefix("pt (Português)") && lines[2].contains("1/2"))
    }

    @Test func newTranslationHoldsTheWordsOnly() throws {
        let config = try #require(Pipeline.check(contentFolder: content).content?.config)
        let made = try NewTranslationFile.make(source: "projects/soil-net.md", language: "es", config: config, contentFolder: content).get()
        #expect(made.path == "projects/soil-net.es.md")
        #expect(made.text.contains("title: \"Soil net\"") && made.text.contains("summary: \"Sensors buried in soil.\""))
        #expect(made.text.contains("## Results"))
        for fact in ["funding_eur:", "sectors:", "partners:", "call:", "countries:"] { #expect(!made.text.contains(fact)) }
        try write(made.path, made.text)
        #expect(Pipeline.check(contentFolder: content).diagnostics.filter { $0.severity == .error }.isEmpty)
        // Only into a language site.yaml lists.
        #expect(throws: Diagnostic.self) { try NewTranslationFile.make(source: "projects/soil-net.md", language: "fr", config: config, contentFolder: content).get() }
    }

    // MARK: hostile content

    @Test func aTranslationCannotChangeAFact() throws {
        try write("projects/soil-net.es.md", """
        ---
        title: Red de suelo
        funding_eur: 9999999
        partners:
          - {name: Otra, country: ES}
        event: {start: 2020-01-01}
        ---
        Texto.
        """)
        let report = build()
        #expect(!report.succeeded)
        let messages = errors(report).filter { $0.location.file.hasSuffix("projects/soil-net.es.md") }
        #expect(messages.contains { $0.location.line == 3 && $0.message.contains("'funding_eur' is a fact") && $0.message.contains("projects/soil-net.md") })
        #expect(messages.contains { $0.location.line == 4 && $0.message.contains("'partners' is a fact") })
        #expect(messages.contains { $0.location.line == 6 && $0.message.contains("unknown key 'event'") })
        #expect(!exists("index.html"), "a failed build writes nothing")
    }

    @Test func aNewsTranslationMayTranslateThePlaceOnly() throws {
        try write("news/2019-05-21-final-conference.es.md", """
        ---
        title: Conferencia final
        event: {place: Madrid (España), start: 2020-01-01}
        ---
        """)
        let report = build()
        #expect(errors(report).count == 1)
        #expect(errors(report).first?.message.contains("'event.start' is a fact") == true)
        try write("news/2019-05-21-final-conference.es.md", """
        ---
        title: Conferencia final
        event: {place: Madrid (España)}
        ---
        """)
        #expect(build().succeeded)
        let page = try read("es/news/2019-05-21-final-conference.html")
        #expect(page.contains("Conferencia final") && page.contains("Madrid (España)"))
        // No body of its own: the source's is shown, marked.
        #expect(page.contains("translation-notice"))
        #expect(try read("news/2019-05-21-final-conference.html").contains(">Madrid<"))
    }

    @Test func aTranslationNeedsItsSourceAndAListedLanguage() throws {
        try write("projects/ghost.es.md", "---\ntitle: Fantasma\n---\n")
        try write("pages/about.fr.md", "---\ntitle: À propos\n---\n")
        try write("pages/about.en.md", "---\ntitle: About again\n---\n")
        try write("projects/soil-net.es.md", "---\ntitle: Red\n---\nVer [nada](nowhere.md).\n")
        let messages = Pipeline.check(contentFolder: content).diagnostics.filter { $0.severity == .error }
        #expect(messages.contains { $0.location.file.hasSuffix("projects/ghost.es.md") && $0.message.contains("projects/ghost.md, which does not exist") })
        #expect(messages.contains { $0.location.file.hasSuffix("pages/about.fr.md") && $0.message.contains("'fr'") && $0.message.contains("es, pt") })
        #expect(messages.contains { $0.location.file.hasSuffix("pages/about.en.md") && $0.message.contains("default language") })
        #expect(messages.contains { $0.location.file.hasSuffix("projects/soil-net.es.md") && $0.location.line == 4 && $0.message.contains("nowhere.md") })
        // field-drone.md links to soil-net.md#results: the translation needs the same headings.
        #expect(messages.contains { $0.location.file.hasSuffix("projects/soil-net.es.md") && $0.message.contains("the headings () do not follow projects/soil-net.md's (##)") })
        #expect(messages.count == 5, "\(messages.map { "\($0.location.file):\($0.location.line): \($0.message)" })")
    }

    @Test func siteYAMLMapsNameListedLanguagesOnly() throws {
        let site = try String(contentsOf: content.appendingPathComponent("site.yaml"), encoding: .utf8)
        try write("site.yaml", site.replacingOccurrences(of: "es: Folleto de prueba", with: "fr: Brochure"))
        var messages = Pipeline.check(contentFolder: content).diagnostics.filter { $0.severity == .error }
        #expect(messages.contains { $0.location.file.hasSuffix("site.yaml") && $0.message.contains("'fr', a language 'languages' does not list") })
        // Without `languages` a map is an error, and translations have no language to be in.
        try write("site.yaml", site.replacingOccurrences(of: "languages:\n  - {code: en, name: English}\n  - {code: es, name: Español}\n  - {code: pt, name: Português}\n", with: ""))
        messages = Pipeline.check(contentFolder: content).diagnostics.filter { $0.severity == .error }
        #expect(messages.contains { $0.message.contains("is a map of languages, but site.yaml lists no 'languages'") })
        try write("site.yaml", site.replacingOccurrences(of: "  - {code: en, name: English}\n", with: "").replacingOccurrences(of: "  - {code: pt, name: Português}\n", with: "  - {code: pt, name: Português}\n  - {code: en, name: English}\n"))
        messages = Pipeline.check(contentFolder: content).diagnostics.filter { $0.severity == .error }
        #expect(messages.contains { $0.message.contains("the first of 'languages' is the default language and must be 'en'") })
    }

    @Test func aHalfTranslatedStringsFileIsAnErrorAtThatFile() throws {
        let layouts = scratch.url.appendingPathComponent("Layouts")
        try FileManager.default.copyItem(at: BuildTests.layouts, to: layouts)
        let strings = layouts.appendingPathComponent("strings.pt.yaml")
        var text = try String(contentsOf: strings, encoding: .utf8)
        let keyLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("  projectNotTranslated:") })
        text = text.replacingOccurrences(of: keyLine + "\n", with: "") + "\nextraThing: surplus\n"
        try text.write(to: strings, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: layouts.appendingPathComponent("strings.es.yaml"))
        let report = build(layouts: layouts)
        #expect(!report.succeeded)
        let problems = report.diagnostics.filter { $0.location.file.hasSuffix("strings.pt.yaml") }
        #expect(problems.contains { $0.severity == .error && $0.message.contains("missing string 'translation.projectNotTranslated'") })
        #expect(problems.contains { $0.severity == .warning && $0.message.contains("unknown string 'extraThing'") })
        #expect(report.diagnostics.contains { $0.severity == .error && $0.location.file.hasSuffix("strings.es.yaml") && $0.message.contains("missing strings.es.yaml") })
    }

    @Test func localizedTextFallsBackToTheDefault() {
        let text = Localized(fallback: "About", byLanguage: ["en": "About", "es": "Sobre nosotros"])
        #expect(text.text(in: "es") == "Sobre nosotros")
        #expect(text.text(in: "pt") == "About")
        #expect(text.isTranslated(in: "es") && !text.isTranslated(in: "pt"))
        #expect(Localized("ICT").text(in: "pl") == "ICT" && Localized("ICT").isTranslated(in: "pl"))
    }
}
