import Foundation
import Testing
@testable import FolioKit

/// A bounded, seeded property test of the text loaders (front matter, YAML, Markdown body): the
/// hostile inputs of issue 17 and mutations of them must never crash or hang the loader, and
/// must either load or give diagnostics at a real line and column of the file. It runs for
/// `FOLIO_FUZZ_SECONDS` (2 s by default) after every seed has run once; the same seed list and
/// generator give the same inputs on every machine, and a failure prints the input's number.
@Suite struct LoaderFuzzTests {
    static let seeds: [String] = {
        let project = ContractTests.project
        var seeds = [
            project,
            "\u{FEFF}" + project,
            project.replacingOccurrences(of: "\n", with: "\r"),
            project.replacingOccurrences(of: "\n", with: "\r\n"),
            LoadHardeningTests.aliasBomb(levels: 7) + "\n? *l7\n: boom\n---\nBody.\n",
            LoadHardeningTests.aliasBomb(levels: 24) + "\n---\n",
            "---\ntitle: &t x\n*t : y\nsummary: &s [*t, *t]\n? *s\n: z\n---\n",
            "---\ntitle: !!python/object:os.system ls\nsummary: !binary aGVsbG8=\nx: !<tag:x.example,2000:t> y\n---\n",
            "---\n%TAG ! tag:example.com,2000:\n---\ntitle: !x y\n---\n",
            "---\ntitle: x\ny: " + String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000) + "\n---\n",
            "---\ntitle: x\ny: " + String(repeating: "{a: ", count: 300) + "b" + String(repeating: "}", count: 300) + "\n---\n",
            "---\ntitle: " + String(repeating: "long ", count: 40_000) + "\n---\n",
            "---\n\"\u{1B}[2J\u{0}\u{7}key\": v\ntitle: \"\\e\\0\\a\\u202E\"\n---\n\u{0B}body\u{0C}\u{1B}\n",
            "---\ntitle: a\ntitle: b\n? [x]\n: y\n---\n",
            "---\ntitle: x\n...\n---\nsecond: document\n",
            "---\ntitle: &a [*a]\n---\n",
            "---\n<<: *base\ntitle: x\n---\n",
            "---\n- just\n- a list\n---\n",
            "---\ntitle: x\n",
            "",
            "\u{FEFF}",
            "---\n---\n" + String(repeating: "> ", count: 500) + "deep quote\n",
        ]
        seeds += [ContractTests.site, ContractTests.metrics]
        return seeds
    }()

    /// Pieces a YAML or Markdown mistake is made of, spliced into the seeds.
    static let fragments: [String] = ["*a", "&a ", "*l3", "[", "]", "{", "}", "? ", ": ", "!!str ", "!x ", "\r", "\u{FEFF}",
                                      "---\n", "...\n", "\n", "- ", "\"", "'", "|\n", ">-\n", "\t", "\u{0}", "\u{1B}", "\u{0B}",
                                      "%TAG ! tag:x,2000:\n", "#", "<<: ", "\\", "é", "e\u{301}", "\u{202E}"]


    static func mutate(_ input: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0 where !bytes.isEmpty && position < bytes.count:
                bytes[position] ^= UInt8.random(in: 1...255, using: &random)
            case 1:
                bytes.insert(contentsOf: Array(fragments.randomElement(using: &random)!.utf8), at: position)
            case 2 where position < bytes.count:
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...16, using: &random)))
            case 3 where position < bytes.count:
                let slice = bytes[position..<min(bytes.count, position + Int.random(in: 1...64, using: &random))]
                bytes.insert(contentsOf: slice, at: position)
            default:
                let other = Array(seeds.randomElement(using: &random)!.utf8)
                let start = other.isEmpty ? 0 : Int.random(in: 0..<other.count, using: &random)
                bytes.insert(contentsOf: other[start..<min(other.count, start + 200)], at: position)
            }
        }
        return bytes
    }

    /// Loads `bytes` as each kind of text file and returns what is wrong with the outcome.
    static func problems(loading bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        let loaders: [(path: String, load: (SourceFile, DiagnosticLog) -> Bool)] = [
            ("projects/fuzz.md", { ProjectLoader.load($0, log: $1) != nil }),
            ("pages/fuzz.md", { PageLoader.load($0, log: $1) != nil }),
            ("site.yaml", { SiteConfigLoader.load($0, log: $1) != nil }),
            ("data/metrics.yaml", { MetricsLoader.load($0, log: $1) != nil }),
        ]
        for (path, load) in loaders {
            let log = DiagnosticLog()
            var loaded = false
            var lineCount = 1
            if let source = TextFile.decode(Data(bytes), path: path, log: log) {
                lineCount = source.text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                loaded = load(source, log)
            } else {
                lineCount = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            }
            let errors = log.diagnostics.filter { $0.severity == .error }
            if !loaded && errors.isEmpty { problems.append("\(path): neither loaded nor an error") }
            for diagnostic in log.diagnostics where diagnostic.location.file != path || diagnostic.location.line > lineCount {
                problems.append("\(path): \(diagnostic.location) \(diagnostic.message) is outside the file's \(lineCount) lines")
            }
            for diagnostic in log.diagnostics where diagnostic.message.count > 600 {
                problems.append("\(path): a message of \(diagnostic.message.count) characters: \(diagnostic.message.prefix(200))")
            }
        }
        return problems
    }

    /// Only comments or byte order marks are no YAML document to libyaml, and no error either:
    /// each must still be said (site.yaml, front matter) or be nothing (metrics), never dropped.
    @Test func aDocumentOfCommentsOrByteOrderMarksIsSaidToBeEmpty() throws {
        for text in ["# only a comment\n", "\u{FEFF}\u{FEFF}", "\n  \n# a\n# b\n"] {
            #expect(Self.problems(loading: Array(text.utf8)).isEmpty, "\(text.debugDescription)")
            let site = DiagnosticLog()
            #expect(SiteConfigLoader.load(try #require(TextFile.decode(Data(text.utf8), path: "site.yaml", log: site)), log: site) == nil)
            #expect(site.diagnostics.map(\.message).contains { $0.hasPrefix("site.yaml is empty") }, "\(text.debugDescription)")
            let project = DiagnosticLog()
            let file = "---\n" + text + (text.hasSuffix("\n") ? "" : "\n") + "---\nBody.\n"
            #expect(ProjectLoader.load(try #require(TextFile.decode(Data(file.utf8), path: "projects/p.md", log: project)), log: project) == nil)
            // Inside a file, a byte order mark is text to libyaml, and an error of its own.
            let expected = text.hasPrefix("\u{FEFF}") ? "front matter must be a map" : "front matter is empty"
            #expect(project.diagnostics.map(\.message).contains { $0.hasPrefix(expected) }, "\(text.debugDescription): \(project.diagnostics.map(\.message))")
        }
    }

    @Test func theLoaderNeverCrashesHangsOrPointsOutsideTheFile() {
        let seconds = ProcessInfo.processInfo.environment["FOLIO_FUZZ_SECONDS"].flatMap(Double.init) ?? 2
        var random = SeededGenerator(state: 17)
        var inputs = 0
        var slowest = (seconds: 0.0, input: 0)
        let started = Date()
        var index = 0
        while index < Self.seeds.count || Date().timeIntervalSince(started) < seconds {
            let input = index < Self.seeds.count ? Array(Self.seeds[index].utf8)
                : Self.mutate(Array(Self.seeds[index % Self.seeds.count].utf8), &random)
            let began = Date()
            let problems = Self.problems(loading: input)
            let took = Date().timeIntervalSince(began)
            if took > slowest.seconds { slowest = (took, index) }
            #expect(problems.isEmpty, "input \(index): \(problems.prefix(3)) in \(String(decoding: input.prefix(300), as: UTF8.self).debugDescription)")
            // A hang guard, not a speed test: a normal input takes milliseconds, the alias bomb
            // of issue 17 took over a minute.
            #expect(took < 20, "input \(index) took \(took) s")
            inputs += 1
            index += 1
        }
        print("loader fuzz: \(inputs) inputs in \(String(format: "%.1f", Date().timeIntervalSince(started))) s, slowest \(String(format: "%.3f", slowest.seconds)) s (input \(slowest.input))")
    }
}
