/// The validate stage: every rule of the content contract that a single file's loader cannot
/// check alone (allowed values, formats, and everything that crosses files).
public enum ContentValidator {
    public static func validate(_ content: SiteContent) -> [Diagnostic] {
        let targets = LinkTargets(content)
        var diagnostics = SiteConfigRules.check(content.config, targets: targets)
        diagnostics += content.projects.concurrentMap { ProjectRules.check($0, config: content.config, targets: targets) }.flatMap { $0 }
        diagnostics += content.news.flatMap { NewsRules.check($0, targets: targets) }
        diagnostics += content.pages.flatMap { LinkRules.check($0.body, in: $0.source.path, targets: targets) }
        diagnostics += MetricsRules.check(content.metrics)
        diagnostics += MediaRules.check(content)
        diagnostics += ReservedPaths.check(content)
        diagnostics += TranslationRules.check(content, targets: targets)
        diagnostics += MediaRules.unused(in: content)
        return diagnostics
    }
}
