import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `folio doctor`: what this machine has of what Folio needs at run time, and the Debian 12
/// packages that give what is missing. The list of requirements is the one place that names
/// Folio's runtime packages: `scripts/release` writes them into the tarball from here.
public enum MachineCheck {
    public enum Probe: Sendable {
        /// A shared library, by the soname Folio is linked against.
        case library(String)
        /// A program on PATH.
        case program(String)
        /// A Python module that `python3` can import.
        case pythonModule(String)
    }

    public struct Requirement: Sendable {
        public var name: String
        public var probe: Probe
        /// What Folio does with it; said when it is missing.
        public var use: String
        /// Without it `folio build` fails; the others are for the PDF or for checks.
        public var required: Bool
        /// `apt-get install` names; empty when Debian has no package (a pip module).
        public var debianPackages: [String]
        public var otherInstall: String?
    }

    public struct Finding: Sendable {
        public var requirement: Requirement
        /// What was found (a version, a path), or nil when it is missing.
        public var found: String?
    }

    public static let requirements: [Requirement] = [
        .init(name: "cmark-gfm", probe: .library("libcmark-gfm.so.0.29.0.gfm.6"), use: "reads Markdown",
              required: true, debianPackages: ["libcmark-gfm0.29.0.gfm.6"]),
        .init(name: "cmark-gfm extensions", probe: .library("libcmark-gfm-extensions.so.0.29.0.gfm.6"),
              use: "tables, footnotes and autolinks in Markdown", required: true, debianPackages: ["libcmark-gfm-extensions0.29.0.gfm.6"]),
        .init(name: "libxml2", probe: .library("libxml2.so.2"), use: "rewrites and checks HTML and XHTML",
              required: true, debianPackages: ["libxml2"]),
        .init(name: "zlib", probe: .library("libz.so.1"), use: "packs the EPUB and the site archive",
              required: true, debianPackages: ["zlib1g"]),
        .init(name: "libvips", probe: .library("libvips.so.42"), use: "resizes images",
              required: true, debianPackages: ["libvips42"]),
        // libvips is built on GLib: the image stage calls GLib and GObject directly (the
        // executable links them), and pkg-config's flags for libvips bring GIO along.
        .init(name: "GLib", probe: .library("libglib-2.0.so.0"), use: "underlies libvips", required: true,
              debianPackages: ["libglib2.0-0"]),
        .init(name: "GObject", probe: .library("libgobject-2.0.so.0"), use: "underlies libvips", required: true,
              debianPackages: ["libglib2.0-0"]),
        .init(name: "GIO", probe: .library("libgio-2.0.so.0"), use: "linked with libvips", required: true,
              debianPackages: ["libglib2.0-0"]),
        // Foundation linked statically (the release) brings its networking part, which needs
        // libcurl to load; Folio itself makes no network request.
        .init(name: "libcurl", probe: .library("libcurl.so.4"), use: "loaded with Swift's Foundation library",
              required: true, debianPackages: ["libcurl4"]),
        .init(name: "python3", probe: .program("python3"), use: "runs Typst for the PDF booklet",
              required: false, debianPackages: ["python3", "python3-pip"]),
        .init(name: "Typst", probe: .pythonModule("typst"), use: "typesets the PDF booklet",
              required: false, debianPackages: [],
              otherInstall: "python3 -m pip install --break-system-packages \"typst==0.15.*\""),
        .init(name: "Java", probe: .program("java"), use: "runs EPUBCheck (optional check of the EPUB)",
              required: false, debianPackages: ["default-jre-headless"]),
        .init(name: "EPUBCheck", probe: .program("epubcheck"), use: "checks the EPUB (optional)",
              required: false, debianPackages: ["epubcheck"]),
    ]

    /// The Debian packages `folio build` cannot run without.
    public static var runtimePackages: [String] {
        requirements.filter(\.required).flatMap(\.debianPackages)
    }

    public static func run(environment: [String: String] = ProcessInfo.processInfo.environment) -> [Finding] {
        requirements.map { Finding(requirement: $0, found: probe($0.probe, environment: environment)) }
    }

    static func probe(_ probe: Probe, environment: [String: String]) -> String? {
        switch probe {
        case .library(let soname):
            guard let handle = dlopen(soname, RTLD_LAZY) else { return nil }
            dlclose(handle)
            return soname
        case .program(let name):
            return program(name, environment: environment)
        case .pythonModule(let module):
            guard let python = program("python3", environment: environment) else { return nil }
            // A fixed module name, never the editors' text, goes into the program.
            return run(python, ["-c", "import \(module); print(getattr(\(module), '__version__', 'installed'))"])
        }
    }

    /// The first executable of that name on PATH.
    static func program(_ name: String, environment: [String: String]) -> String? {
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The first line the program prints, or nil when it fails.
    private static func run(_ executable: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    }

    /// The report `folio doctor` prints: one line per requirement, then what to install.
    public static func report(_ findings: [Finding]) -> (lines: [String], missingRequired: Bool) {
        var lines: [String] = []
        for finding in findings {
            let requirement = finding.requirement
            let state = finding.found != nil ? "ok      " : requirement.required ? "MISSING " : "missing "
            let detail = finding.found.map { $0.isEmpty ? "" : " (\($0))" } ?? ": \(requirement.use)\(requirement.required ? "" : ", optional")"
            lines.append("\(state)\(requirement.name)\(detail)")
        }
        let missing = findings.filter { $0.found == nil }.map(\.requirement)
        let packages = missing.flatMap(\.debianPackages).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if !packages.isEmpty {
            lines.append("install with: sudo apt-get install \(packages.joined(separator: " "))")
        }
        for command in missing.compactMap(\.otherInstall) {
            lines.append("and: \(command)")
        }
        return (lines, missing.contains(where: \.required))
    }
}
