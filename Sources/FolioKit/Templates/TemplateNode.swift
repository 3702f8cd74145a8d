/// A template compiled: literal bytes and references already resolved to name indices, so that
/// rendering neither parses nor splits names nor asks a value's type beyond `TemplateValue`'s cases.
indirect enum TemplateNode: Sendable {
    /// Template text, UTF-8.
    case text(TemplateText)
    /// A value known when the template compiles (an interface string), already escaped if asked:
    /// written as is, and unlike template text never indented inside.
    case constant(TemplateText)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case value(ValueReference, escaped: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(ValueReference, body: [TemplateNode])
    /// `{{^name}}…{{/name}}`.
    case invertedSection(ValueReference, body: [TemplateNode])
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with the blocks it overrides. `indentation` is set
    /// for a standalone tag: what stood before it on its line, given to each line it writes.
    case partial(index: Int, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}`: the override of an enclosing parent, else the default.
    /// `overrideIndentation`: when the tag stands alone and its default is indented, an override
    /// is indented as the default is (the specification's "intrinsic indentation").
    case block(name: String, defaultBody: [TemplateNode], indentation: [UInt8], overrideIndentation: [UInt8]?)
}

/// Where a tag's value comes from, worked out when the template compiles.
enum ValueReference: Sendable {
    /// `{{.}}`: the value on top of the context stack.
    case current
    /// `{{a.b}}`: `a` looked up from the top of the stack down, then `b` inside what was found.
    case search([Int])
    /// `{{.a.b}}`: `a` in the top of the stack only.
    case anchored([Int])
    /// `{{#first()}}`, `{{index()}}`…: the position in the list being iterated.
    case position(ListPosition.Query)
}

/// Where a list's iteration stands, for the sequence functions Layouts use to open and close a
/// wrapper around an optional list (`{{#first()}}<ol>{{/first()}}`).
struct ListPosition: Sendable {
    enum Query: String, Sendable, CaseIterable {
        case first, last, index, even, odd
    }

    var index: Int
    var count: Int

    func answer(_ query: Query) -> TemplateValue {
        switch query {
        case .first: .flag(index == 0)
        case .last: .flag(index == count - 1)
        case .index: .number(index)
        case .even: .flag(index & 1 == 0)
        case .odd: .flag(index & 1 == 1)
        }
    }
}
