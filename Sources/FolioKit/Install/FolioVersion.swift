/// Which Folio this is: the release number, raised by hand in the commit that makes a release
/// (`scripts/release` names the tarball after it), and the commit it was built from, recorded by
/// the BuildCommit plugin at build time.
public enum FolioVersion {
    public static let number = "0.1.0"
    public static let commit = BuildCommit.value

    /// `folio 0.1.0 (commit 1a2b3c4d5e6f)`
    public static var description: String { "folio \(number) (commit \(commit))" }
}
