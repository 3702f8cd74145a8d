import Foundation
import Testing
@testable import FolioKit

/// What a hostile or careless editor can put in a content folder (issue 17): hidden files, links
/// out of the folder, FIFOs and loops, alias bombs, tags, names in NFD, byte-order marks, old Mac
/// line breaks, huge files, SVGs with scripts. Each case builds or checks a real content tree.
@Suite struct LoadHardeningTests {
    private let scratch = TemporaryFolder("folio-hardening")
    var content: URL { scratch.url.appendingPathComponent("Content") }
    var output: URL { scratch.url.appendingPathComponent("Output") }
    let fm = FileManager.default

    init() throws {
        for (path, text) in ContractTests.files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = content.appendingPathComponent(path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func link(_ path: String, to destination: String) throws {
        let url = content.appendingPathComponent(path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    /// Load and validate, as `folio check` does; paths stay relative to the content folder.
    func check() -> [Diagnostic] {
        let loaded = ContentLoader.load(from: content)
        return loaded.diagnostics + (loaded.content.map(ContentValidator.validate) ?? [])
    }

    func build(layouts: URL = BuildTests.layouts) -> Pipeline.BuildReport {
        Pipeline.build(.init(content: content, layouts: layouts, output: output))
    }

    func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    func publishedFiles() -> [String] { FileTree.files(in: output) }

    /// The project file with `body` as its Markdown body, the image line on line 11.
    func writeProject(body: String) throws {
        try write("projects/field-drone.md", ContractTests.project.components(separatedBy: "## Challenge")[0] + body + "\n")
    }

    // MARK: hidden files and links (item 2)

    @Test func hiddenFilesAndLinksOutOfTheFolderAreNeverPublished() throws {
        try write("media/.env", "SECRET=1")
        try write("media/.git/config", "[core]")
        try write("media/photos/.private.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try link("media/.passwd", to: "/etc/passwd")
        try write(".secret/key.txt", "key")
        let clean = build()
        #expect(clean.succeeded, "\(clean.diagnostics.map(\.text))")
        let published = publishedFiles()
        #expect(published.contains("media/cover.svg"))
        #expect(!published.contains { $0.split(separator: "/").contains { $0.hasPrefix(".") } }, "\(published)")

        // Visible names that lead somewhere they must not: outside, or to a hidden file inside.
        try link("media/passwd.txt", to: "/etc/passwd")
        try link("media/key.txt", to: "../.secret/key.txt")
        let refused = build()
        #expect(!refused.succeeded)
        let messages = errors(refused.diagnostics).map(\.text)
        #expect(messages.contains { $0.contains("media/passwd.txt") && $0.contains("outside the content folder") }, "\(messages)")
        #expect(messages.contains { $0.contains("media/key.txt") && $0.contains("hidden file") }, "\(messages)")
        #expect(!fm.fileExists(atPath: output.appendingPathComponent("media/passwd.txt").path))
    }

    @Test func hiddenAssetsAndAssetLinksOutOfTheLayoutsAreNotCopied() throws {
        let layouts = scratch.url.appendingPathComponent("Layouts")
        try fm.copyItem(at: BuildTests.layouts, to: layouts)
        try Data("SECRET=1".utf8).write(to: layouts.appendingPathComponent("assets/.env"))
        let clean = build(layouts: layouts)
        #expect(clean.succeeded, "\(clean.diagnostics.map(\.text))")
        #expect(!publishedFiles().contains("assets/.env"))
        #expect(publishedFiles().contains { $0.hasPrefix("assets/") })

        try fm.createSymbolicLink(atPath: layouts.appendingPathComponent("assets/passwd").path, withDestinationPath: "/etc/passwd")
        let refused = build(layouts: layouts)
        #expect(!refused.succeeded)
        #expect(errors(refused.diagnostics).contains { $0.location.file.hasSuffix("assets/passwd") && $0.message.contains("outside") })
    }

    // MARK: loops, FIFOs, unreadable media (items 13 and "decide")

    @Test func loopsFIFOsAndDanglingLinksInMediaAreErrorsNeverHangs() throws {
        try link("media/loop", to: ".")
        try link("media/self.png", to: "self.png")
        try link("media/gone.png", to: "nothing-here.png")
        #expect(mkfifo(content.appendingPathComponent("media/pipe.png").path, 0o644) == 0)
        let diagnostics = errors(check())
        let byFile = Dictionary(grouping: diagnostics, by: \.location.file)
        #expect(byFile["media/loop"]?.first?.message.contains("loop") == true, "\(diagnostics.map(\.text))")
        #expect(byFile["media/self.png"]?.first?.message.contains("loop") == true)
        #expect(byFile["media/gone.png"]?.first?.message.contains("link to nothing") == true)
        #expect(byFile["media/pipe.png"]?.first?.message.contains("FIFO") == true)
        #expect(diagnostics.count == 4, "\(diagnostics.map(\.text))")
    }

    @Test func aFolderReachedTwiceThroughLinksIsListedOnce() throws {
        // No loop, but 2^17 paths to one file: d0/x/x/…, d0/x/y/…, and so on.
        let levels = 17
        for level in 0..<levels {
            try fm.createDirectory(at: content.appendingPathComponent("media/d\(level)"), withIntermediateDirectories: true)
            try link("media/d\(level)/x", to: "../d\(level + 1)")
            try link("media/d\(level)/y", to: "../d\(level + 1)")
        }
        try write("media/d\(levels)/file.txt", "x")
        let started = Date()
        let diagnostics = errors(check())
        print("folder links, \(1 << levels) paths: \(Date().timeIntervalSince(started)) s")
        #expect(diagnostics.count == 2 * levels, "\(diagnostics.prefix(3).map(\.text))")
        #expect(diagnostics.contains { $0.location.file == "media/d0/y" && $0.message.contains("same folder as 'media/d1'") }, "\(diagnostics.prefix(3).map(\.text))")
    }

    @Test(.enabled(if: getuid() != 0, "root reads any file"))
    func aFileWithoutReadPermissionIsAnError() throws {
        try writeProject(body: "## Challenge\n\n![A field](../media/field.png)")
        try write("media/field.png", "png")
        try fm.setAttributes([.posixPermissions: 0], ofItemAtPath: content.appendingPathComponent("media/field.png").path)
        let diagnostics = errors(check())
        #expect(diagnostics.map(\.location.line) == [15])
        #expect(diagnostics.first?.message.contains("cannot be read") == true)
    }

    @Test func aSocketInMediaIsAnError() throws {
        try fm.createDirectory(at: content.appendingPathComponent("media"), withIntermediateDirectories: true)
        let path = content.appendingPathComponent("media/socket.png").path
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0, "the temporary path is too long for a socket")
        let diagnostics = errors(check())
        #expect(diagnostics.map(\.location.file) == ["media/socket.png"])
        #expect(diagnostics.first?.message.contains("socket") == true)
    }

    @Test func anUnreadableMediaFileIsAnErrorWhereItIsUsedNeverAtALayout() throws {
        // Tests run as root, who reads any file: a FIFO and a dangling link stand for files
        // that cannot be read.
        try writeProject(body: "## Challenge\n\n![A field](../media/field.png)\n\n![Gone](../media/gone.png)")
        #expect(mkfifo(content.appendingPathComponent("media/field.png").path, 0o644) == 0)
        try link("media/gone.png", to: "nothing-here.png")
        let report = build()
        #expect(!report.succeeded)
        let failures = errors(report.diagnostics)
        #expect(failures.allSatisfy { !$0.location.file.contains("Layouts") }, "\(failures.map(\.text))")
        #expect(failures.contains { $0.location.file.hasSuffix("projects/field-drone.md") && $0.location.line == 15 && $0.message.contains("media/field.png") && $0.message.contains("FIFO") },
                "\(failures.map(\.text))")
        #expect(failures.contains { $0.location.file.hasSuffix("projects/field-drone.md") && $0.location.line == 17 && $0.message.contains("link to nothing") })
        #expect(!failures.contains { $0.location.file.hasSuffix("media/field.png") }, "reported where it is used, not twice")
        #expect(!fm.fileExists(atPath: output.path))
    }

    // MARK: YAML (item 3, tags, depth)

    /// `levels` anchors, each a list of two aliases of the one before: the last stands for
    /// 2^levels values.
    static func aliasBomb(levels: Int) -> String {
        var lines = ["---", "title: Bomb", "l0: &l0 [x, x]"]
        for level in 1...levels { lines.append("l\(level): &l\(level) [*l\(level - 1), *l\(level - 1)]") }
        return lines.joined(separator: "\n")
    }

    @Test func anAliasOfAListUsedAsAKeyIsAnErrorAtItsLine() throws {
        let text = Self.aliasBomb(levels: 7) + "\n? *l7\n: boom\n---\nBody.\n"
        try write("pages/bomb.md", text)
        let started = Date()
        let diagnostics = errors(check()).filter { $0.location.file == "pages/bomb.md" }
        print("alias key, depth 7: \(Date().timeIntervalSince(started)) s")
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.text))")
        #expect(diagnostics.first?.location.line == 11)
        #expect(diagnostics.first?.message.contains("a key must be text") == true)
    }

    @Test func aliasesThatExpandTooFarAreAnErrorAtTheAlias() throws {
        // 2^20 values from 40 aliases: refused at the alias that crosses the limit.
        try write("pages/bomb.md", Self.aliasBomb(levels: 20) + "\n---\nBody.\n")
        let diagnostics = errors(check()).filter { $0.location.file == "pages/bomb.md" }
        #expect(diagnostics.count == 1)
        let line = try #require(diagnostics.first?.location.line)
        #expect(line > 3 && line <= 23)
        #expect(diagnostics.first?.message.contains("more than 100000 values") == true, "\(diagnostics.map(\.text))")

        var many = ["---", "title: Many", "a: &a x"]
        for index in 0...100 { many.append("k\(index): *a") }
        try write("pages/bomb.md", many.joined(separator: "\n") + "\n---\n")
        let tooMany = errors(check()).filter { $0.location.file == "pages/bomb.md" }
        #expect(tooMany.first?.location.line == 104, "\(tooMany.map(\.text))")
        #expect(tooMany.first?.message.contains("more than 100 aliases") == true)
    }

    @Test func keysThatAreListsOrMapsAreErrors() throws {
        try write("pages/keys.md", "---\ntitle: Keys\n[a, b]: x\n---\n")
        #expect(errors(check()).first { $0.location.file == "pages/keys.md" }.map { ($0.location.line, $0.message.contains("a key must be text, not a list")) } ?? (0, false) == (3, true))
        try write("pages/keys.md", "---\ntitle: Keys\n? {a: b}\n: x\n---\n")
        #expect(errors(check()).first { $0.location.file == "pages/keys.md" }?.location.line == 3)
    }

    @Test func unknownKeysAreQuotedShortAndPrintable() throws {
        let key = "\u{1B}[31m" + String(repeating: "k", count: 5000)
        // An explicit key ('? '): YAML allows implicit keys of at most 1,024 characters.
        try write("pages/keys.md", "---\ntitle: Keys\n? \"\(key.replacingOccurrences(of: "\u{1B}", with: "\\e"))\"\n: x\n---\n")
        let message = try #require(errors(check()).first { $0.location.file == "pages/keys.md" }?.message)
        #expect(message.contains("unknown key '\\u{1B}[31mkkk"), "\(message)")
        #expect(!message.contains("\u{1B}"))
        #expect(message.count < 120)
    }

    @Test(arguments: ["funding_eur: 30000", "stage: market", "countries: [ES, PL]"])
    func valuesAreQuotedShortAndPrintableInEveryMessage(_ line: String) throws {
        let value = "\u{1B}]0;pwned\u{7}" + String(repeating: "9x", count: 5000)
        let escaped = value.replacingOccurrences(of: "\u{1B}", with: "\\e").replacingOccurrences(of: "\u{7}", with: "\\a")
        let key = line.prefix { $0 != ":" }
        try write("projects/field-drone.md", ContractTests.project.replacingOccurrences(of: line, with: "\(key): \"\(escaped)\""))
        let messages = errors(check()).map(\.message)
        #expect(messages.count == 1, "\(messages)")
        #expect(messages.allSatisfy { $0.count < 200 && !$0.contains("\u{1B}") && !$0.contains("\u{7}") }, "\(messages)")
    }

    @Test(arguments: ["!!python/object:os.system ls", "!binary aGVsbG8=", "!custom text", "!!str text"])
    func explicitTagsAreErrorsAtTheirLine(_ value: String) throws {
        try write("pages/tags.md", "---\ntitle: Tags\nmenu_order: 1\nsummary: \(value)\n---\n")
        let diagnostics = errors(check()).filter { $0.location.file == "pages/tags.md" }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 4)
        #expect(diagnostics.first?.message.contains("YAML tags") == true, "\(diagnostics.map(\.text))")
    }

    /// Past 1,000 levels libyaml stops by itself; below, Folio's own limit of 32 does.
    @Test(arguments: [40, 100_000])
    func deeplyNestedFlowCollectionsAreOneErrorNotACrash(_ depth: Int) throws {
        try write("pages/deep.md", "---\ntitle: Deep\nx: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n---\n")
        let diagnostics = errors(check()).filter { $0.location.file == "pages/deep.md" }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 3)
        #expect(diagnostics.first?.message.lowercased().contains("nest") == true, "\(diagnostics.map(\.text))")
        if depth < 1000 { #expect(diagnostics.first?.message.contains("nested more than 32 levels") == true) }
    }

    // MARK: reserved paths (item 5)

    @Test func aFileOverAPageFolioMakesIsAnError() throws {
        try write("projects/index.md", ContractTests.project)
        let diagnostics = errors(check())
        #expect(diagnostics.contains { $0.location.file == "projects/index.md" && $0.message.contains("projects/index.html") }, "\(diagnostics.map(\.text))")
        // The introductions of the home and booklet pages are meant to land there.
        try fm.removeItem(at: content.appendingPathComponent("projects/index.md"))
        try write("pages/home.md", "---\ntitle: Home\n---\nWelcome.\n")
        try write("pages/booklet.md", "---\ntitle: Booklet\n---\nRead it.\n")
        #expect(errors(check()).isEmpty, "\(check().map(\.text))")
    }

    @Test func everyFixedPathOfAContentSectionIsReserved() throws {
        // Derived from SitePaths: whatever a content file could be published as and Folio also makes.
        let sections = ["projects", "news", "pages"]
        let reachable = SitePaths.fixed.filter { path in
            sections.contains { section in
                let slug = (path as NSString).lastPathComponent.replacingOccurrences(of: ".html", with: "")
                return SitePaths.forContent("\(section)/\(slug).md") == path && SitePaths.introductions[slug] != path
            }
        }
        #expect(reachable.contains(SitePaths.projects))
        for path in reachable {
            let source = path.replacingOccurrences(of: ".html", with: ".md")
            try write(source, ContractTests.project)
            #expect(errors(check()).contains { $0.location.file == source }, "\(source)")
            try fm.removeItem(at: content.appendingPathComponent(source))
        }
    }

    // MARK: Unicode names (item 6)

    @Test(arguments: [(file: "cafe\u{301}.svg", written: "caf\u{E9}.svg"), (file: "caf\u{E9}.svg", written: "cafe\u{301}.svg")])
    func aNameInNFDLinkedInNFCIsPublishedInNFC(_ names: (file: String, written: String)) throws {
        try write("media/\(names.file)", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try writeProject(body: "## Challenge\n\n![A café](../media/\(names.written))")
        let report = build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.text))")
        let nfc = Array("media/caf\u{E9}.svg".utf8)
        let published = publishedFiles().filter { $0.hasPrefix("media/caf") }
        #expect(published.map { Array($0.utf8) } == [nfc], "\(published.map { Array($0.utf8) })")
        let page = try String(contentsOf: output.appendingPathComponent("projects/field-drone.html"), encoding: .utf8)
        #expect(page.contains("../media/caf%C3%A9.svg"))
        let epub = try #require(publishedFiles().first { $0.hasSuffix(".epub") })
        let archive = try Data(contentsOf: output.appendingPathComponent(epub))
        // The EPUB carries the image (before, it was read by its NFC name from an NFD file and left out).
        #expect(archive.range(of: Data(BookletLink.packagePath("media/caf\u{E9}.svg").utf8)) != nil)
    }

    @Test func twoNamesThatDifferOnlyInNormalisationAreAnError() throws {
        try write("media/cafe\u{301}.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try write("media/caf\u{E9}.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        let diagnostics = errors(check())
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("same name") == true, "\(diagnostics.map(\.text))")
    }

    @Test func theLinkCheckComparesNamesByteForByte() {
        let page = Data(#"<html><body><img src="cafe&#x301;.svg" alt="x"></body></html>"#.utf8)
        let problems = LinkChecker.check(pages: [(path: "index.html", html: page)], files: ["index.html", "caf\u{E9}.svg"])
        #expect(problems.count == 1)
        #expect(LinkChecker.check(pages: [(path: "index.html", html: page)], files: ["index.html", "cafe\u{301}.svg"]).isEmpty)
    }

    // MARK: byte-order marks, line breaks, sizes (items 9, CR, limits)

    @Test func aByteOrderMarkIsAcceptedInEveryTextFile() throws {
        for path in ["site.yaml", "data/metrics.yaml", "projects/field-drone.md", "pages/about.md"] {
            try write(path, Data([0xEF, 0xBB, 0xBF]) + Data(ContractTests.files[path]!.utf8))
        }
        #expect(check().isEmpty, "\(check().map(\.text))")
    }

    @Test(arguments: ["\r", "\r\n"])
    func oldMacLineBreaksKeepLineNumbersRight(_ lineBreak: String) throws {
        let text = ContractTests.project.replacingOccurrences(of: "funding_eur: 30000", with: "funding_eur: lots")
        try write("projects/field-drone.md", text.replacingOccurrences(of: "\n", with: lineBreak))
        let diagnostics = errors(check())
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.text))")
        #expect(diagnostics.first?.location.line == 7)
        #expect(diagnostics.first?.location.file == "projects/field-drone.md")
    }

    @Test func aTextFileOverTheLimitIsAnErrorAtTheFile() throws {
        try write("pages/huge.md", "---\ntitle: Huge\n---\n" + String(repeating: "word ", count: TextFile.byteLimit / 5 + 10))
        let diagnostics = errors(check())
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.file == "pages/huge.md")
        #expect(diagnostics.first?.message.contains("at most 1 MB") == true, "\(diagnostics.map(\.text))")
    }

    @Test func aMediaFileOverTheLimitIsAnErrorAtTheFile() throws {
        // A sparse file: as large as the limit says, without writing 100 MB.
        try write("media/film.mp4", "")
        let handle = try FileHandle(forWritingTo: content.appendingPathComponent("media/film.mp4"))
        try handle.truncate(atOffset: UInt64(MediaFolder.byteLimit + 1))
        try handle.close()
        let diagnostics = errors(check())
        #expect(diagnostics.map(\.location.file) == ["media/film.mp4"])
        #expect(diagnostics.first?.message.contains("at most 100 MB") == true, "\(diagnostics.map(\.text))")
    }

    @Test func aFIFOInPlaceOfATextFileIsAnErrorNotAHang() throws {
        #expect(mkfifo(content.appendingPathComponent("pages/pipe.md").path, 0o644) == 0)
        let diagnostics = errors(check())
        #expect(diagnostics.map(\.location.file) == ["pages/pipe.md"], "\(diagnostics.map(\.text))")
    }

    // MARK: SVG and other active files

    static let unsafeSVGs: [(name: String, svg: String, line: Int, words: String)] = [
        ("script", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect/>\n<script>alert(1)</script>\n</svg>", 3, "<script>"),
        ("onload", "<svg xmlns=\"http://www.w3.org/2000/svg\"\n onload=\"alert(1)\">\n</svg>", 2, "event attribute 'onload'"),
        ("javascript href", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<a xlink:href=\" java\tscript:alert(1)\"><text>x</text></a>\n</svg>", 2, "javascript:"),
        ("foreignObject", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n\n<foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">x</p></foreignObject>\n</svg>", 3, "<foreignObject>"),
        ("external image", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<image href=\"https://tracker.example.com/x.png\"/>\n</svg>", 2, "refers to another file"),
        ("css import", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<style>@import url(https://x.example.com/a.css);</style>\n</svg>", 2, "@import"),
        ("fill url", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect fill=\"url(https://x.example.com/p.svg#g)\"/>\n</svg>", 2, "refers to another file in its CSS"),
        ("set onclick", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<set attributeName=\"onclick\" to=\"alert(1)\"/>\n</svg>", 2, "onclick"),
        ("entities", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&b;</text></svg>", 3, "entities"),
        ("not XML", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect>\n</svg>", 3, "not well-formed"),
    ]

    @Test(arguments: unsafeSVGs.indices)
    func anSVGThatCanRunCodeIsAnErrorAtItsLine(_ index: Int) throws {
        let unsafe = Self.unsafeSVGs[index]
        try write("media/cover.svg", unsafe.svg)
        let diagnostics = errors(check())
        #expect(diagnostics.count == 1, "\(unsafe.name): \(diagnostics.map(\.text))")
        #expect(diagnostics.first?.location.file == "media/cover.svg")
        #expect(diagnostics.first?.location.line == unsafe.line, "\(unsafe.name): \(diagnostics.map(\.text))")
        #expect(diagnostics.first?.message.contains(unsafe.words) == true, "\(unsafe.name): \(diagnostics.map(\.text))")
    }

    @Test func aPlainSVGWithInternalReferencesIsPublished() throws {
        try write("media/cover.svg", """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
          <defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs>
          <style>.a { fill: url(#g); }</style>
          <rect class="a" width="10" height="10" style="fill: url('#g')"/>
          <use xlink:href="#g"/>
          <a href="#top"><text>Online</text></a>
        </svg>
        """)
        #expect(check().isEmpty, "\(check().map(\.text))")
    }

    @Test func webPagesAndScriptsInMediaAreNotPublished() throws {
        try write("media/page.html", "<script>alert(document.domain)</script>")
        try write("media/app.js", "alert(1)")
        let diagnostics = errors(check())
        #expect(Set(diagnostics.map(\.location.file)) == ["media/page.html", "media/app.js"], "\(diagnostics.map(\.text))")
    }
}
