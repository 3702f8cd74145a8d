import Foundation

/// `folio init`: a new programme's starting folder, made from the installation's `Starter/` (the
/// example content with every key explained, the `.gitignore` and the GitHub workflow) with
/// `site.yaml` filled from the answers, and a copy of the default `Layouts/`. It builds with no
/// error and no warning as it is.
public enum ProgrammeStarter {
    public struct Answers: Sendable {
        public var title: String
        public var language: String
        public var baseURL: String?
        /// YYYY-MM-DD, the booklet's date: the day `folio init` ran.
        public var date: String
        /// `urn:uuid:…`, new for each programme.
        public var identifier: String

        public init(title: String, language: String, baseURL: String?, date: String, identifier: String) {
            self.title = title
            self.language = language
            self.baseURL = baseURL
            self.date = date
            self.identifier = identifier
        }
    }

    /// Written when no `--base-url` is given, so that the first build has nothing to warn about;
    /// `site.yaml` says in a comment to change it, and `folio init` says so too.
    public static let placeholderBaseURL = "https://www.example.org/"

    /// The parts of `Starter/` a new programme gets; anything else there (a build someone made
    /// inside it) is left out.
    static let starterEntries = ["Content", ".gitignore", ".github"]

    /// What is wrong with the answers, in the words of the content rules; empty when they are fine.
    public static func problems(with answers: Answers) -> [String] {
        var problems: [String] = []
        let title = answers.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 200 || title.contains(where: { $0.isNewline }) {
            problems.append("--title must be one line of 1 to 200 characters")
        }
        if !SiteConfigRules.isLanguageTag(answers.language) {
            problems.append("--language must be a BCP 47 tag such as en, es or pt-PT, not '\(answers.language)'")
        }
        if let url = answers.baseURL {
            problems += FieldRules.absoluteURL(Located(url, at: SourceLocation(file: "site.yaml")), key: "--base-url").map(\.message)
        }
        return problems
    }

    /// Every file of the new folder, by path: `Starter/` with `site.yaml` filled in, then the
    /// layouts under `Layouts/`.
    public static func files(from installation: Installation, answers: Answers) throws -> [OutputFile] {
        var files: [OutputFile] = []
        for entry in starterEntries {
            let url = installation.starter.appendingPathComponent(entry)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
            let paths = isFolder.boolValue ? FileTree.files(in: url).map { entry + "/" + $0 } : [entry]
            for path in paths {
                let data = try Data(contentsOf: installation.starter.appendingPathComponent(path))
                files.append(path == "Content/site.yaml"
                    ? OutputFile(path: path, text: siteYAML(template: String(decoding: data, as: UTF8.self), answers: answers))
                    : OutputFile(path: path, data: data))
            }
        }
        for path in FileTree.files(in: installation.layouts) {
            files.append(OutputFile(path: "Layouts/" + path, data: try Data(contentsOf: installation.layouts.appendingPathComponent(path))))
        }
        return files
    }

    /// The starter's `site.yaml` with its `{{key}}` blanks filled, each answer written as a YAML
    /// double-quoted string so that no answer can change the file's structure.
    static func siteYAML(template: String, answers: Answers) -> String {
        let values = [
            "title": answers.title.trimmingCharacters(in: .whitespacesAndNewlines),
            "language": answers.language,
            "base_url": answers.baseURL ?? placeholderBaseURL,
            "identifier": answers.identifier,
            "date": answers.date,
        ]
        var text = template
        for (key, value) in values {
            text = text.replacingOccurrences(of: "{{\(key)}}", with: yamlQuoted(value))
        }
        return text
    }

    /// A YAML double-quoted scalar: backslash, quote and every control character escaped.
    static func yamlQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF:
                quoted += String(format: "\\u%04X", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    public enum Refusal: Error, CustomStringConvertible {
        case notEmpty(String)
        case notAFolder(String)

        public var description: String {
            switch self {
            case .notEmpty(let path): "'\(path)' is not empty: folio init starts a programme only in a new or empty folder"
            case .notAFolder(let path): "'\(path)' exists and is not a folder"
            }
        }
    }

    /// Why `folder` cannot receive a new programme, or nil. Hidden files count: an empty clone
    /// with only `.git` is not empty, and nothing of anyone's is ever overwritten.
    public static func refusal(for folder: URL) -> Refusal? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return nil }
        guard isFolder.boolValue else { return .notAFolder(folder.path) }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? ["?"]
        return entries.isEmpty ? nil : .notEmpty(folder.path)
    }

    private static func move(_ source: URL, to destination: URL) throws {
        guard rename(source.path, destination.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(destination.path): \(String(cString: strerror(errno)))"])
        }
    }

    /// Writes the files into a hidden folder beside `folder` and renames it into place, so that a
    /// failure leaves no half-made programme behind.
    public static func write(_ files: [OutputFile], into folder: URL) throws {
        if let refusal = refusal(for: folder) { throw refusal }
        let target = folder.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).init-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        do {
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
            }
            // An empty folder that exists may be someone's current folder (`folio init .`): it
            // stays, and what is in the staging folder moves into it.
            if FileManager.default.fileExists(atPath: target.path) {
                for entry in try FileManager.default.contentsOfDirectory(atPath: staging.path).sorted() {
                    try move(staging.appendingPathComponent(entry), to: target.appendingPathComponent(entry))
                }
                try FileManager.default.removeItem(at: staging)
            } else {
                try move(staging, to: target)
            }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }
}
