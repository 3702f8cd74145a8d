import Foundation
import Testing
@testable import FolioKit

/// The status the reload script waits on: answered when there is news, when the wait is over,
/// or when the server stops. Each wait below is ten minutes and each test may take one: only
/// the news can end it in time.
@Suite struct PreviewStatusTests {
    @Test(.timeLimit(.minutes(1))) func aWaitingRequestIsAnsweredByTheNextStatus() async {
        let status = PreviewStatus()
        let (_, seen) = await status.next(after: nil, waitingAtMost: 600)
        async let answer = status.next(after: seen, waitingAtMost: 600)
        status.publish(.init(version: 1, problems: ["projects/a.md:3:1: error: unknown key 'bogus'"]))
        let (snapshot, revision) = await answer
        #expect(snapshot == .init(version: 1, problems: ["projects/a.md:3:1: error: unknown key 'bogus'"]))
        #expect(revision == seen + 1)
    }

    @Test func theSameStatusAgainIsNoNewsAndTheWaitEndsWithIt() async {
        let status = PreviewStatus()
        status.publish(.init(version: 1, problems: []))
        let (_, seen) = await status.next(after: nil, waitingAtMost: 600)
        status.publish(.init(version: 1, problems: []))
        let (snapshot, revision) = await status.next(after: seen, waitingAtMost: 0.05)
        #expect(snapshot.version == 1 && revision == seen)
    }

    @Test func aPageThatSawAnOlderRevisionIsAnsweredAtOnce() async {
        let status = PreviewStatus()
        status.publish(.init(version: 1, problems: []))
        status.publish(.init(version: 2, problems: []))
        let (snapshot, revision) = await status.next(after: 1, waitingAtMost: 600)
        #expect(snapshot.version == 2 && revision == 2)
    }

    @Test(.timeLimit(.minutes(1))) func stoppingAnswersTheWaitingRequests() async {
        let status = PreviewStatus()
        async let answer = status.next(after: 0, waitingAtMost: 600)
        status.stop()
        #expect(await answer.revision == 0)
        #expect(await status.next(after: 0, waitingAtMost: 600).revision == 0)
    }
}
