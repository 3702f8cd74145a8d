import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The `folio serve` command as an editor runs it: a process that prints where it serves, answers,
/// and stops cleanly on Ctrl-C. Needs the `folio` executable, which `scripts/test` builds with the
/// tests (`swift build --build-tests`).
@Suite struct ServeCommandTests {
    static let executable = BuildTests.repository.appendingPathComponent(".build/debug/folio")

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable.path)))
    func printsItsAddressServesAndStopsOnControlC() async throws {
        let fixture = try BuildTests()
        let (process, printed) = try Self.start(content: fixture.content, output: fixture.output)
        // A server that ignores Ctrl-C must fail the test, not hang it.
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let base = try await Self.address(printed)
        let (data, response) = try await URLSession.shared.data(from: URL(string: base + "/pages/about.html")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("We are a programme."))

        kill(process.processIdentifier, SIGINT)
        let stopped = try await printed.eventually { $0.contains("stopped") ? true : nil }
        #expect(stopped == true, "printed: \(printed.text)")
        if stopped == nil { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(!printed.text.contains("critical"), "a normal stop is not an error")
        await #expect(throws: (any Error).self, "the port is closed") {
            _ = try await URLSession.shared.data(from: URL(string: base + "/index.html")!)
        }
    }
}

extension ServeCommandTests {
    /// `folio serve` on a free port, with what it prints gathered.
    static func start(_ executable: URL = executable, content: URL, output: URL) throws -> (Process, PrintedText) {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--port", "0", "--content", content.path, "--layouts", BuildTests.layouts.path, "--output", output.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let printed = PrintedText(pipe.fileHandleForReading)
        try process.run()
        return (process, printed)
    }

    /// The address printed once the first build is done and the server listens (port 0: any free port).
    static func address(_ printed: PrintedText) async throws -> String {
        let address = try await printed.eventually { text in
            text.firstMatch(of: /serving (http:\/\/127\.0\.0\.1:[1-9][0-9]*)\/index\.html/).map { String($0.1) }
        }
        return try #require(address, "no address printed: \(printed.text)")
    }
}

/// What a process has printed so far, gathered as it arrives.
final class PrintedText: @unchecked Sendable {
    private let lock = NSLock()
    private var gathered = ""

    init(_ handle: FileHandle) {
        handle.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard !data.isEmpty else { handle.readabilityHandler = nil; return }
            self?.lock.withLock { self?.gathered += String(decoding: data, as: UTF8.self) }
        }
    }

    var text: String { lock.withLock { gathered } }

    /// Polls for up to sixty seconds (the first build runs on a busy CI machine).
    func eventually<T>(_ found: (String) -> T?) async throws -> T? {
        for _ in 0..<300 {
            if let value = found(text) { return value }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        return found(text)
    }
}
