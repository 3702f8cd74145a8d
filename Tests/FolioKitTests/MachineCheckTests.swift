import Foundation
import Testing
@testable import FolioKit

/// `folio doctor`: what it finds on this machine, and what it says when something is missing.
@Suite struct MachineCheckTests {
    /// Folio is running, so the libraries it is linked against load; a made-up one does not.
    @Test func probesLibrariesBySoname() {
        #expect(MachineCheck.probe(.library("libxml2.so.2"), environment: [:]) != nil)
        #expect(MachineCheck.probe(.library("libfolio-does-not-exist.so.9"), environment: [:]) == nil)
        #expect(MachineCheck.probe(.program("sh"), environment: ["PATH": "/nonexistent:/bin"]) == "/bin/sh")
        #expect(MachineCheck.probe(.program("sh"), environment: ["PATH": "/nonexistent"]) == nil)
    }

    @Test func namesTheDebianPackagesOfWhatIsMissing() {
        let findings = MachineCheck.requirements.map { requirement in
            MachineCheck.Finding(requirement: requirement, found: ["libvips", "Typst"].contains(requirement.name) ? nil : "here")
        }
        let (lines, missingRequired) = MachineCheck.report(findings)
        #expect(missingRequired, "libvips is needed by folio build")
        #expect(lines.contains("install with: sudo apt-get install libvips42"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("and: python3 -m pip install") && $0.contains("typst") })
        #expect(lines.contains { $0.hasPrefix("MISSING libvips") } && lines.contains { $0.hasPrefix("missing Typst") })

        let optionalOnly = findings.map { finding in
            var copy = finding
            if finding.requirement.required { copy.found = "here" }
            return copy
        }
        #expect(!MachineCheck.report(optionalOnly).missingRequired, "the PDF and the checks are optional")
        #expect(MachineCheck.runtimePackages.contains("libxml2") && !MachineCheck.runtimePackages.contains("epubcheck"))
    }
}
