import Foundation

/// The load stage: a content folder in, the typed `SiteContent` and the problems found out.
/// Files are parsed concurrently; results are put back in path order.
public enum ContentLoader {
    public struct Result: Sendable {
        /// Nil when a required file could not be read at all (site.yaml).
        public var content: SiteContent?
        public var diagnostics: [Diagnostic]
    }

    /// `cache`: files parsed by an earlier load of the same folder, reused when unchanged;
    /// `bodies`: the bodies an earlier build parsed, reused when unchanged.
    public static func load(from root: URL, reusing cache: LoadCache? = nil, bodies: ParsedBodies? = nil) -> Result {
        let log = DiagnosticLog()
        let folder = ContentFolder.read(root, log: log, texts: cache?.texts)
        var diagnostics = log.diagnostics

        let config: SiteConfig? = folder.siteConfig.flatMap { source in
            let log = DiagnosticLog()
            defer { diagnostics += log.diagnostics }
            return SiteConfigLoader.load(source, log: log)
        }
        let metrics: Metrics = folder.metrics.flatMap { source in
            let log = DiagnosticLog()
            defer { diagnostics += log.diagnostics }
            return MetricsLoader.load(source, log: log)
        } ?? .empty

        let projects = loadAll(folder.projects, cache: cache?.projects, bodies: bodies, with: { ProjectLoader.load($0, log: $1, bodies: $2) })
        let news = loadAll(folder.news, cache: cache?.news, bodies: bodies, with: { NewsLoader.load($0, log: $1, bodies: $2) })
        let pages = loadAll(folder.pages, cache: cache?.pages, bodies: bodies, with: { PageLoader.load($0, log: $1, bodies: $2) })
        let translations = loadAll(folder.translations, cache: cache?.translations, bodies: bodies, with: { TranslationLoader.load($0, log: $1, bodies: $2) })
        diagnostics += projects.diagnostics + news.diagnostics + pages.diagnostics + translations.diagnostics

        guard let config else { return Result(content: nil, diagnostics: diagnostics) }
        var content = SiteContent(
            config: config,
            projects: projects.items,
            news: news.items.sorted { ($0.date.value, $0.slug) > ($1.date.value, $1.slug) },
            pages: pages.items,
            metrics: metrics,
            media: folder.media.files,
            mediaRefusals: folder.media.refused,
            folder: root
        )
        content.translations = translations.items
        content.markdownPaths = Set((folder.projects + folder.news + folder.pages).map(\.path))
        return Result(content: content, diagnostics: diagnostics)
    }

    private static func loadAll<Item: Sendable>(
        _ sources: [SourceFile], cache: ParsedFiles<Item>?, bodies: ParsedBodies?,
        with load: @escaping @Sendable (SourceFile, DiagnosticLog, ParsedBodies?) -> Item?
    ) -> (items: [Item], diagnostics: [Diagnostic]) {
        let parse: @Sendable (SourceFile) -> ParsedFiles<Item>.Parse = { source in
            let log = DiagnosticLog()
            let item = load(source, log, bodies)
            return (item, log.diagnostics)
        }
        let results = sources.concurrentMap { source -> LoadedFile<Item> in
            let (item, diagnostics) = cache?.parsed(source, parse: parse) ?? parse(source)
            return LoadedFile(item: item, diagnostics: diagnostics)
        }
        return (results.compactMap(\.item), results.flatMap(\.diagnostics))
    }
}

private struct LoadedFile<Item: Sendable>: Sendable {
    var item: Item?
    var diagnostics: [Diagnostic]
}
