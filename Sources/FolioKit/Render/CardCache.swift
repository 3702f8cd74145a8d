import Foundation

/// Project cards rendered once per build, as Hugo's `partialCached` does: a card's HTML depends
/// only on the project, the depth of the page that lists it and its heading level, while one
/// project is listed on up to a dozen pages (its sectors, countries, call, stage, neighbours).
/// A card's values alone (no HTML) depend only on the project and the depth.
final class CardCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cards: [String: ListedCard] = [:]
    private var values: [String: TemplateObject] = [:]

    func values(slug: String, depth: Int, make: () -> TemplateObject) -> TemplateObject {
        cached(in: \.values, key: "\(depth)/\(slug)", make: make)
    }

    func card(slug: String, depth: Int, level: Int, make: () -> ListedCard) -> ListedCard {
        cached(in: \.cards, key: "\(depth)/\(level)/\(slug)", make: make)
    }

    /// The cached value, or `make()`'s. Two threads may make the same one at once; both make the
    /// same bytes, so the build stays deterministic without holding the lock while rendering.
    private func cached<Value>(in store: ReferenceWritableKeyPath<CardCache, [String: Value]>, key: String,
                               make: () -> Value) -> Value {
        if let value = lock.withLock({ self[keyPath: store][key] }) { return value }
        let value = make()
        lock.withLock { self[keyPath: store][key] = value }
        return value
    }
}

/// A card as lists show it: its template values, `html` among them, and that HTML with its
/// links for the link check.
struct ListedCard {
    var values: TemplateValue
    var fragment: PageFragment
}
