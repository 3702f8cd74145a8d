import Mustache

/// Most values on a page are strings; saying so lets swift-mustache print them directly instead
/// of trying them as a lambda and an optional first and going through `String(describing:)`.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
