import FlyingFox
import Foundation

/// `folio serve`: builds, serves the output folder on loopback, rebuilds when Content/ or
/// Layouts/ change, and makes open pages reload. The published site is untouched: the reload
/// script is added to HTML responses here, never written to disk. After a change, pages are
/// served from the model in memory as soon as it has loaded and validated, while the whole build
/// runs behind them; its errors (a broken link, say) then show over the page. Content that does
/// not load keeps the last good pages (the build is atomic) and shows its errors over them.
public actor PreviewServer {
    public let options: Pipeline.BuildOptions
    private let server: HTTPServer
    private var version = 0 { didSet { publishStatus() } }
    /// Errors of the content as last saved, which stop its pages from showing; while there are
    /// some, they are what the page shows, even once a build of earlier content ends well.
    private var loadProblems: [String] = [] { didSet { publishStatus() } }
    /// Errors of the last whole build.
    private var buildProblems: [String] = [] { didSet { publishStatus() } }
    private let status = PreviewStatus()
    /// The content and layouts folders' stamps when they were last loaded.
    private var stamps: [FolderStamps] = []
    private let watch = FolderWatch()
    private let layouts = CompiledLayouts()
    /// The pages of the content as last saved, until the build behind them has written them.
    private var pages: PreviewPages?
    /// The last successful build: its EPUB and PDF sizes show on the pages rendered from memory.
    private var lastBuild: Pipeline.BuildReport?
    /// Called after every build with its report, for the terminal.
    private let onBuild: @Sendable (Pipeline.BuildReport) -> Void

    public init(options: Pipeline.BuildOptions, host: String = "127.0.0.1", port: UInt16,
                onBuild: @escaping @Sendable (Pipeline.BuildReport) -> Void = { _ in }) throws {
        var options = options
        // Each save reloads the content: only the files it changed are read and parsed again.
        options.loadCache = options.loadCache ?? LoadCache()
        self.options = options
        self.onBuild = onBuild
        // FlyingFox logs every connection, and a stop as a critical error: noise for an editor.
        server = HTTPServer(address: try .inet(ip4: host, port: port), pool: NoDelaySocketPool(pool: HTTPServer.defaultPool()), logger: .disabled)
    }

    /// Builds once, then serves until cancelled.
    public func run() async throws {
        stamps = currentStamps()
        watch.watch(stamps.flatMap(\.folders))
        finish(await build())
        let options = options, layouts = layouts
        Task.detached(priority: .background) { PreviewPages.compile(layouts, for: options) }
        await server.appendRoute("GET /__folio/status") { [status] request in
            // `after`: the revision the page last saw; the answer waits for the next one, for
            // less than the 15 s after which FlyingFox gives up on a request.
            let (snapshot, revision) = await status.next(after: request.query["after"].flatMap { Int($0) }, waitingAtMost: 10)
            return Self.statusResponse(snapshot, revision: revision)
        }
        await server.appendRoute("GET *") { [weak self] request in
            guard let self else { return HTTPResponse(statusCode: .notFound) }
            let (pages, version) = await self.shown()
            return Self.fileResponse(for: request.path, output: self.options.output, pages: pages, version: version)
        }
        let watcher = Task { [weak self, watch] in
            while !Task.isCancelled {
                // The stamps are looked at as soon as the system says that something changed;
                // without word from it, 0.1 s after the last look (1 s when it does give word:
                // looking at 6,000 files' stamps takes 20 ms or more of a core each time).
                await watch.wait(seconds: watch.isWatching ? 1 : 0.1)
                await self?.showChanges()
            }
        }
        defer { watcher.cancel() }
        try await server.run()
    }

    public func stop() async {
        // The reload scripts' waiting requests are answered, so that none holds the stop up.
        status.stop()
        await server.stop(timeout: 1)
    }

    /// The port actually bound (useful when asked for port 0).
    public func port() async throws -> UInt16 {
        // The first build runs before the server listens, and can take a while on a busy machine.
        try await server.waitUntilListening(timeout: 120)
        if case .ip4(_, let port) = await server.listeningAddress { return port }
        return 0
    }

    /// After a save: the new pages from memory at once, then the whole build behind them.
    private func showChanges() async {
        let current = currentStamps()
        guard current != stamps else { return }
        stamps = current
        watch.watch(current.flatMap(\.folders))
        let options = options, lastBuild = lastBuild, layouts = layouts
        // Off the actor, so that pages are served meanwhile.
        let loaded = await Task.detached { PreviewPages.load(options, lastBuild: lastBuild, layouts: layouts) }.value
        loadProblems = Self.errorLines(loaded.diagnostics)
        guard let fresh = loaded.pages else {
            onBuild(Pipeline.BuildReport(diagnostics: loaded.diagnostics))
            return
        }
        // The next build says whether the new content has problems the load cannot see (cleared
        // first: a page reloading for the new version must not find the old build's).
        buildProblems = []
        pages = fresh
        version += 1
        // The pages an editor most likely opens next are made before the build takes the cores
        // (a request for one meanwhile waits for the same work, not for the build).
        await Task.detached { fresh.prepare() }.value
        buildBehind()
    }

    private var building = false
    private var rebuildWanted = false

    /// One build at a time; saves made meanwhile are built once it ends, and its own report,
    /// already out of date, is dropped.
    private func buildBehind() {
        guard !building else {
            rebuildWanted = true
            return
        }
        building = true
        Task {
            // The browser reloading the page needs the cores for a moment: the build (seconds
            // long either way) starts once it has had them.
            try? await Task.sleep(nanoseconds: Self.reloadGrace)
            var report: Pipeline.BuildReport
            repeat {
                rebuildWanted = false
                report = await build()
            } while rebuildWanted
            building = false
            finish(report)
        }
    }

    /// 0.25 s: what a browser took to reload a project page on a busy 2-core machine.
    static let reloadGrace: UInt64 = 250_000_000

    private func build() async -> Pipeline.BuildReport {
        let options = options
        return await Task.detached { Pipeline.build(options) }.value
    }

    private func finish(_ report: Pipeline.BuildReport) {
        buildProblems = Self.errorLines(report.diagnostics)
        if report.succeeded {
            // Written now: the files on disk are the pages.
            pages = nil
            lastBuild = report
            if version == 0 { version = 1 }
        }
        onBuild(report)
    }

    private static func errorLines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.severity == .error }.map { DiagnosticFormat.human.line(for: $0, displayPath: { $0 }) }
    }

    private func publishStatus() {
        status.publish(PreviewStatus.Snapshot(version: version, problems: loadProblems.isEmpty ? buildProblems : loadProblems))
    }

    private static func statusResponse(_ snapshot: PreviewStatus.Snapshot, revision: Int) -> HTTPResponse {
        let fields: [String: Any] = ["version": snapshot.version, "problems": snapshot.problems, "revision": revision]
        let body = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .init("Cache-Control"): "no-store"], body: body)
    }

    /// Taken before loading: a save during the load gives other stamps at the next look.
    private func currentStamps() -> [FolderStamps] {
        [FolderStamps(options.content), FolderStamps(options.layouts)]
    }

    /// What a page request is answered from: rendered off the actor, so that a page being made
    /// does not hold up the status requests.
    private func shown() -> (pages: PreviewPages?, version: Int) {
        (pages, version)
    }

    private nonisolated static func fileResponse(for requestPath: String, output: URL, pages: PreviewPages?, version: Int) -> HTTPResponse {
        var path = requestPath.removingPercentEncoding ?? requestPath
        if path.hasSuffix("/") { path += "index.html" }
        let parts = path.split(separator: "/").map(String.init)
        guard !parts.contains("..") else { return HTTPResponse(statusCode: .forbidden) }
        let url = parts.reduce(output) { $0.appendingPathComponent($1) }
        guard var data = pages?.page(at: parts.joined(separator: "/")) ?? FileManager.default.contents(atPath: url.path) else {
            return HTTPResponse(statusCode: .notFound, body: Data("not found".utf8))
        }
        let type = Self.contentType(of: url.pathExtension)
        if type.hasPrefix("text/html"), let html = String(data: data, encoding: .utf8) {
            data = Data(LiveReload.inject(into: html, version: version).utf8)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .init("Cache-Control"): "no-store"], body: data)
    }

    static func contentType(of fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "xml": "application/xml"
        case "epub": "application/epub+zip"
        default: "application/octet-stream"
        }
    }
}
