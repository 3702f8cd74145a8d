import ArgumentParser
import FolioKit
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Builds, serves the site on this computer and rebuilds when content or layouts change.",
        discussion: "Open pages reload after each successful build; errors show in the terminal and over the page, and the last good build stays served. Ctrl-C stops."
    )

    @OptionGroup var options: ContentOptions
    @OptionGroup var folders: BuildFolders

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port: UInt16 = 8000

    @Option(name: .long, help: "The address to listen on; only 127.0.0.1 unless you choose otherwise.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Also remake the booklet's PDF on every save (it takes about a second more each time).")
    var pdf = false

    func validate() throws {
        try folders.validate(with: options)
    }

    func run() throws {
        let options = self.options
        var buildOptions = folders.buildOptions(options)
        buildOptions.pdf = pdf
        if !pdf { printOut("the booklet's PDF is not remade on each save: 'folio serve --pdf' remakes it too, 'folio build' always does") }
        let server = try PreviewServer(
            options: buildOptions,
            host: host, port: port
        ) { report in
            options.report(report.diagnostics)
            printOut(report.succeeded ? "built: \(report.pageCount) pages" : "build failed: still serving the last good build")
        }
        let done = DispatchSemaphore(value: 0)
        // Ctrl-C reaches a dispatch source rather than a signal handler, so that stopping can
        // close the server (connections drained for up to a second) and print safely.
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let stopping = OnceFlag(), failed = OnceFlag()
        interrupt.setEventHandler {
            guard stopping.set() else { return }
            printOut("\nstopping")
            Task {
                await server.stop()
                done.signal()
            }
        }
        interrupt.resume()
        let host = self.host
        Task {
            // Printed once listening, with the port the system gave when asked for port 0.
            if let port = try? await server.port() {
                printOut("serving http://\(host):\(port)/index.html (Ctrl-C to stop)")
            }
        }
        Task {
            do {
                try await server.run()
            } catch where !stopping.isSet {
                printError("cannot serve: \(error)")
                _ = failed.set()
            } catch {}
            done.signal()
        }
        done.wait()
        if failed.isSet { throw ExitCode.failure }
        if stopping.isSet { printOut("stopped") }
    }
}

/// A flag set once, from any thread (Ctrl-C asked to stop; the server failed).
private final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    /// True the first time only.
    func set() -> Bool {
        lock.withLock {
            defer { value = true }
            return !value
        }
    }
}
