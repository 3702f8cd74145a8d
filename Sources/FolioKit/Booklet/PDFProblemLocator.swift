/// Finds where in the content a Typst error comes from, since Typst can only name the template
/// line that set the text: typesets the booklet with more and more of its parts (introduction,
/// then projects in booklet order) until it fails, then that part with more and more of its
/// blocks. A binary search each time, so a failing booklet of N projects costs about log2(N)
/// extra runs. The first failure in booklet order is the one reported.
struct PDFProblemLocator {
    let units: [(unit: String, source: SourceFile)]
    let attempt: (PDFSource.Selection) -> TypstEngine.Outcome

    /// The file and line of the block that cannot be typeset, or nil when the booklet fails
    /// even without any of them (then the template or Folio is at fault).
    func locate() -> SourceLocation? {
        guard fails(PDFSource.Selection(units: [], cut: nil)) == false else { return nil }
        let names = units.map(\.unit)
        // The least count of parts that fails; the last of them is the culprit.
        guard let count = leastFailing(upTo: names.count, { fails(PDFSource.Selection(units: Set(names.prefix($0)), cut: nil)) }) else {
            return nil
        }
        let (unit, source) = units[count - 1]
        let included = Set(names.prefix(count))
        let blocks = PDFSource.tree(of: source).blocks
        guard let cut = leastFailing(upTo: blocks.count, { fails(PDFSource.Selection(units: included, cut: (unit, $0))) }) else {
            return SourceLocation(file: source.path)
        }
        return SourceLocation(file: source.path, line: blocks[cut - 1].line)
    }

    private func fails(_ selection: PDFSource.Selection) -> Bool {
        if case .failed = attempt(selection) { return true }
        return false
    }

    /// The least n in 1...limit for which `fails(n)`, given that failing at n means failing at every larger n.
    private func leastFailing(upTo limit: Int, _ fails: (Int) -> Bool) -> Int? {
        guard limit > 0, fails(limit) else { return nil }
        var low = 1, high = limit
        while low < high {
            let middle = (low + high) / 2
            if fails(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
