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

    @Option(name: .long, help: "The layouts folder.")
    var layouts: String = "Layouts"

    @Option(name: .long, help: "The output folder.")
    var output: String = "Output"

    @Option(name: .long, help: "The port to listen on.")
    var port: UInt16 = 8000

    @Option(name: .long, help: "The address to listen on; only 127.0.0.1 unless you choose otherwise.")
    var host: String = "127.0.0.1"

    func validate() throws {
        try options.validateFolder(options.content, flag: "--content")
        try options.validateFolder(layouts, flag: "--layouts")
    }

    func run() throws {
        let options = self.options
        let server = try PreviewServer(
            options: .init(content: options.contentFolder, layouts: URL(fileURLWithPath: layouts), output: URL(fileURLWithPath: output)),
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
