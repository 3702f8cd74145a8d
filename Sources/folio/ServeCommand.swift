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

    @Option(name: .long, help: "The port to listen on.")
    var port: UInt16 = 8000

    @Option(name: .long, help: "The address to listen on; only 127.0.0.1 unless you choose otherwise.")
    var host: String = "127.0.0.1"

    func validate() throws {
        try folders.validate(with: options)
    }

    func run() throws {
        let options = self.options
        let server = try PreviewServer(
            options: folders.buildOptions(options),
            host: host, port: port
        ) { report in
            options.report(report.diagnostics)
            printOut(report.succeeded ? "built: \(report.pageCount) pages" : "build failed: still serving the last good build")
        }
        signal(SIGINT) { _ in
            printOut("\nstopped")
            Foundation.exit(0)
        }
        let done = DispatchSemaphore(value: 0)
        let host = self.host, port = self.port
        Task {
            do {
                printOut("serving http://\(host):\(port)/index.html (Ctrl-C to stop)")
                try await server.run()
            } catch {
                printError("cannot serve: \(error)")
            }
            done.signal()
        }
        done.wait()
    }
}
