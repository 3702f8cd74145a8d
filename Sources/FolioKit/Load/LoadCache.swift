import Foundation

/// Content files parsed by an earlier load, reused while their text is unchanged: `folio serve`
/// loads the content again after every save, and parsing (YAML, Markdown) is most of a load.
/// A file's parse depends only on its path and text, so the result is the same either way.
/// Files whose stamp is unchanged are not even read again (`TextFileCache`).
public final class LoadCache: Sendable {
    let texts: TextFileCache
    let projects = ParsedFiles<Project>()
    let news = ParsedFiles<NewsItem>()
    let pages = ParsedFiles<Page>()
    let translations = ParsedFiles<Translation>()

    public init() {
        texts = TextFileCache()
    }

    /// Tests write files and load them within a second: they trust stamps sooner.
    init(settlingSeconds: Double) {
        texts = TextFileCache(settlingSeconds: settlingSeconds)
    }
}

/// One kind of content file's parses, by path, with the text each was parsed from.
final class ParsedFiles<Item: Sendable>: @unchecked Sendable {
    typealias Parse = (item: Item?, diagnostics: [Diagnostic])

    private let lock = NSLock()
    private var byPath: [String: (text: String, parse: Parse)] = [:]

    /// The parse kept from when the file last had this text, else `parse(source)`'s (then kept).
    func parsed(_ source: SourceFile, parse: (SourceFile) -> Parse) -> Parse {
        if let kept = lock.withLock({ byPath[source.path] }), kept.text == source.text { return kept.parse }
        let result = parse(source)
        lock.withLock { byPath[source.path] = (source.text, result) }
        return result
    }
}
