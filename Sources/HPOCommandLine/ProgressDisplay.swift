#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A progress bar on standard error: runs done of the total, elapsed time, an estimate of the
/// time left, and a line per optimizer. Drawn only when standard error is a terminal.
final class ProgressDisplay: Sendable {
    /// Runs done and in total of one optimizer.
    struct Group: Sendable {
        var label: String
        var done: Int
        var total: Int
    }

    private struct State: Sendable {
        var groups: [Group]
        var drawnLines = 0
        var lastDraw: ContinuousClock.Instant?
        var computed = 0
    }

    private let title: String
    private let state: Mutex<State>
    private let start = ContinuousClock.now
    private let enabled: Bool

    /// A display for `groups`; drawn only if `enabled` and standard error is a terminal.
    init(title: String, groups: [Group], enabled: Bool) {
        self.title = title
        self.state = Mutex(State(groups: groups))
        self.enabled = enabled && isatty(STDERR_FILENO) != 0
    }

    /// Whether standard error is a terminal.
    static var isTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// Records a finished run of optimizer `label` and redraws (at most ten times a second).
    func finished(label: String) {
        state.withLock { state in
            if let i = state.groups.firstIndex(where: { $0.label == label }) { state.groups[i].done += 1 }
            state.computed += 1
            let now = ContinuousClock.now
            if let last = state.lastDraw, now - last < .milliseconds(100), !isComplete(state) { return }
            state.lastDraw = now
            draw(&state)
        }
    }

    /// Draws the first frame.
    func begin() {
        state.withLock { draw(&$0) }
    }

    private func isComplete(_ state: State) -> Bool {
        state.groups.allSatisfy { $0.done >= $0.total }
    }

    private func draw(_ state: inout State) {
        guard enabled else { return }
        let lines = Self.lines(title: title, groups: state.groups, computed: state.computed, elapsed: (ContinuousClock.now - start).seconds)
        var text = state.drawnLines > 0 ? "\u{1B}[\(state.drawnLines)A" : ""
        for line in lines { text += "\r\u{1B}[2K" + line + "\n" }
        state.drawnLines = lines.count
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// The lines of one frame. The estimate of the time left extrapolates the rate of the runs
    /// computed in this invocation (runs found finished on disk are counted as done, not timed).
    static func lines(title: String, groups: [Group], computed: Int, elapsed: Double) -> [String] {
        let done = groups.reduce(0) { $0 + $1.done }, total = groups.reduce(0) { $0 + $1.total }
        let remaining = total - done
        let left = remaining == 0 ? "done" : computed > 0 ? "~" + clock(elapsed / Double(computed) * Double(remaining)) + " left" : "estimating"
        let width = max(groups.map(\.label.count).max() ?? 0, 5)
        var lines = ["\(title)  \(bar(done, total, width: 30))  \(done)/\(total) runs  \(clock(elapsed)) elapsed  \(left)"]
        for group in groups {
            let label = group.label + String(repeating: " ", count: width - group.label.count)
            lines.append("  \(label)  \(bar(group.done, group.total, width: 20))  \(group.done)/\(group.total)")
        }
        return lines
    }

    static func bar(_ done: Int, _ total: Int, width: Int) -> String {
        let filled = total > 0 ? min(width, done * width / total) : width
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }

    /// Seconds as `m:ss` (or `h:mm:ss`).
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let (h, m, r) = (s / 3600, (s % 3600) / 60, s % 60)
        let two = { (x: Int) in x < 10 ? "0\(x)" : "\(x)" }
        return h > 0 ? "\(h):\(two(m)):\(two(r))" : "\(m):\(two(r))"
    }
}
