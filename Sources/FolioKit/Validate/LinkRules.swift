/// Links and images in Markdown bodies must point at something that exists.
enum LinkRules {
    static func check(_ body: MarkdownDocument, in sourcePath: String, targets: LinkTargets) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for reference in body.references {
            let link = ContentLink.resolve(reference.destination, from: sourcePath)
            if let (message, hint) = targets.problem(with: link, writtenAs: reference.destination, in: sourcePath) {
                diagnostics.append(.error(at: reference.location, message, suggestion: hint))
                continue
            }
            guard reference.isImage else { continue }
            if case .content(let path, _) = link, !targets.isMedia(path) {
                diagnostics.append(.error(at: reference.location, "images must be files under media/, not '\(Printable.short(reference.destination))'"))
            } else if case .external = link {
                diagnostics.append(.error(at: reference.location, "images must be files under media/: the site loads nothing from other hosts"))
            }
            diagnostics += ImageRules.check(reference, link: link)
        }
        return diagnostics
    }

    /// A front-matter `image`/`cover` value: a path under `media/` that exists. Written relative
    /// to the content folder (`media/x.png`), as the contract's examples do.
    static func checkMediaPath(_ value: Located<String>, key: String, targets: LinkTargets) -> [Diagnostic] {
        let path = value.value.hasPrefix("./") ? String(value.value.dropFirst(2)) : value.value
        guard path.hasPrefix("media/") else {
            return [.error(at: value.location, "'\(key)' must be a path under media/, such as media/\(path.split(separator: "/").last ?? "photo.jpg")")]
        }
        if path.split(separator: "/").contains("..") {
            return [.error(at: value.location, "'\(key)' points outside the content folder")]
        }
        if let refusal = targets.refusal(of: path) { return [.error(at: value.location, refusal)] }
        guard targets.isMedia(path) else {
            let hint = Suggestion.closest(to: path, in: targets.allPaths.filter { $0.hasPrefix("media/") })
            return [.error(at: value.location, "'\(path)' does not exist in the content folder", suggestion: hint)]
        }
        return []
    }
}

import Foundation
