import Foundation
@testable import HPOStudy
import Testing

/// The watchdog that stops the commands of a process killed without a chance to stop them.
/// (`hpo optimize` killed with SIGKILL is tested in the command line's signal tests.)
@Suite("Command watchdog")
struct CommandWatchdogTests {
    @Test("when its owner's socket closes, the watchdog sends SIGTERM to every group started and not ended, and to no other")
    func stopsTheGroupsLeft() throws {
        let input = open("/dev/null", O_RDONLY)
        defer { close(input) }
        let children = try (0..<4).map { _ in try ChildProcess(command: "exec sleep 30", environment: [:], standardInput: input) }
        defer {
            for child in children {
                close(child.standardOutput)
                close(child.standardError)
            }
        }
        var watchdog: CommandWatchdog? = try CommandWatchdog(killAfter: 1)
        for child in children { watchdog?.started(group: child.pid) }
        watchdog?.ended(group: children[1].pid) // one in the middle of the list
        watchdog?.ended(group: children[3].pid) // and the last
        watchdog = nil // closes the socket as this process's death would, and waits for the watchdog to exit

        #expect(children[0].reap() == .signaled(SIGTERM))
        #expect(children[2].reap() == .signaled(SIGTERM))
        for child in [children[1], children[3]] {
            #expect(!child.hasEnded(), "a group reported ended is never signalled")
            child.signalGroup(SIGKILL)
            _ = child.reap()
        }
    }

    @Test("with nothing running the watchdog exits as soon as its owner lets go")
    func exitsAtOnceWithNothingRunning() throws {
        var watchdog: CommandWatchdog? = try CommandWatchdog(killAfter: 30)
        let pid = try #require(watchdog?.pid)
        let start = ContinuousClock.now
        watchdog = nil // waits for the watchdog
        #expect(start.duration(to: .now) < .seconds(10))
        #expect(kill(pid, 0) != 0, "reaped")
    }
}
