/// One language of `site.yaml`'s `languages`: its code and its name in its own language.
public struct SiteLanguage: Sendable {
    public var code: Located<String>
    /// `Español`: shown in the language switcher and in notices.
    public var name: String

    public init(code: Located<String>, name: String) {
        self.code = code
        self.name = name
    }
}
