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
    private var version = 0
    private var problems: [String] = []
    private var fingerprint = ""
    /// The pages of the content as last saved, until the build behind them has written them.
    private var pages: PreviewPages?
    /// The last successful build: its EPUB and PDF sizes show on the pages rendered from memory.
    private var lastBuild: Pipeline.BuildReport?
    /// Called after every build with its report, for the terminal.
    private let onBuild: @Sendable (Pipeline.BuildReport) -> Void

    public init(options: Pipeline.BuildOptions, host: String = "127.0.0.1", port: UInt16,
                onBuild: @escaping @Sendable (Pipeline.BuildReport) -> Void = { _ in }) throws {
        self.options = options
        self.onBuild = onBuild
        // FlyingFox logs every connection, and a stop as a critical error: noise for an editor.
        server = HTTPServer(address: try .inet(ip4: host, port: port), logger: .disabled)
    }

    /// Builds once, then serves until cancelled.
    public func run() async throws {
        await buildIfChanged()
        await server.appendRoute("GET /__folio/status") { [weak self] _ in
            guard let self else { return HTTPResponse(statusCode: .notFound) }
            return await self.statusResponse()
        }
        await server.appendRoute("GET *") { [weak self] request in
            guard let self else { return HTTPResponse(statusCode: .notFound) }
            return await self.fileResponse(for: request.path)
        }
        let watcher = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 300_000_000)
                await self?.buildIfChanged()
            }
        }
        defer { watcher.cancel() }
        try await server.run()
    }

    public func stop() async { await server.stop(timeout: 1) }

    /// The port actually bound (useful when asked for port 0).
    public func port() async throws -> UInt16 {
        // The first build runs before the server listens, and can take a while on a busy machine.
        try await server.waitUntilListening(timeout: 120)
        if case .ip4(_, let port) = await server.listeningAddress { return port }
        return 0
    }

    private func buildIfChanged() async {
        let current = Self.fingerprint(of: [options.content, options.layouts])
        guard current != fingerprint else { return }
        fingerprint = current
        let options = options, lastBuild = lastBuild
        // Off the actor, so that pages are served meanwhile.
        let loaded = await Task.detached { PreviewPages.load(options, lastBuild: lastBuild) }.value
        problems = Self.errorLines(loaded.diagnostics)
        if let fresh = loaded.pages {
            pages = fresh
            version += 1
        }
        guard loaded.pages != nil else {
            onBuild(Pipeline.BuildReport(diagnostics: loaded.diagnostics))
            return
        }
        let report = await Task.detached { Pipeline.build(options) }.value
        problems = Self.errorLines(report.diagnostics)
        if report.succeeded {
            pages = nil
            self.lastBuild = report
        }
        onBuild(report)
    }

    private static func errorLines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.severity == .error }.map { DiagnosticFormat.human.line(for: $0, displayPath: { $0 }) }
    }

    private func statusResponse() -> HTTPResponse {
        let body = (try? JSONSerialization.data(withJSONObject: ["version": version, "problems": problems], options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .init("Cache-Control"): "no-store"], body: body)
    }

    private func fileResponse(for requestPath: String) -> HTTPResponse {
        var path = requestPath.removingPercentEncoding ?? requestPath
        if path.hasSuffix("/") { path += "index.html" }
        let parts = path.split(separator: "/").map(String.init)
        guard !parts.contains("..") else { return HTTPResponse(statusCode: .forbidden) }
        let url = parts.reduce(options.output) { $0.appendingPathComponent($1) }
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

    /// Paths, sizes and modification times of every file: cheap to compute, and it changes
    /// whenever an editor saves, adds or removes a file.
    static func fingerprint(of folders: [URL]) -> String {
        var parts: [String] = []
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey]) else { continue }
            for case let url as URL in enumerator {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                parts.append("\(url.path)|\(values?.fileSize ?? -1)|\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)")
            }
        }
        return parts.sorted().joined(separator: "\n")
    }
}
