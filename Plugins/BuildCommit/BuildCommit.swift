import Foundation
import PackagePlugin

/// Writes the commit Folio is built from into FolioKit (`folio --version`), on every build, so
/// that a fresh clone, a developer's build and the release tarball all say what they were built
/// from without a generated file in the repository. `FOLIO_COMMIT` wins when set (a build from a
/// source archive without `.git`); without either the commit is `unknown`. The file is replaced
/// only when its text changes, so an unchanged commit recompiles nothing.
@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        let file = folder.appendingPathComponent("BuildCommit.swift")
        return [.prebuildCommand(
            displayName: "Record the commit Folio is built from",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", Self.script, "build-commit", context.package.directoryURL.path, folder.path, file.path],
            outputFilesDirectory: folder
        )]
    }

    /// Only letters, digits, dots and hyphens reach the Swift string literal.
    static let script = #"""
    repo="$1"; folder="$2"; file="$3"
    commit="${FOLIO_COMMIT:-}"
    if [ -z "$commit" ]; then
      if commit=$(git -C "$repo" rev-parse --short=12 HEAD 2>/dev/null); then
        git -C "$repo" diff --quiet HEAD -- 2>/dev/null || commit="$commit-modified"
      else
        commit=unknown
      fi
    fi
    commit=$(printf '%s' "$commit" | tr -cd 'A-Za-z0-9.-' | cut -c1-64)
    mkdir -p "$folder"
    printf '// Written by the BuildCommit plugin on every build.\nenum BuildCommit {\n    static let value = "%s"\n}\n' "${commit:-unknown}" > "$file.new"
    if cmp -s "$file.new" "$file"; then rm -f "$file.new"; else mv "$file.new" "$file"; fi
    """#
}
