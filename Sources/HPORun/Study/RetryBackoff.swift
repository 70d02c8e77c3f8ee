import Foundation

/// Pauses between attempts that may succeed a little later (a lost connection, a locked file):
/// each pause twice the one before up to a ceiling, until a deadline.
public struct RetryBackoff: Sendable {
    private let deadline: Date
    private let ceiling: TimeInterval
    private var pause: TimeInterval

    /// Pauses from `first` seconds, doubling up to `ceiling`, for at most `patience` seconds in all.
    public init(first: TimeInterval, ceiling: TimeInterval, patience: TimeInterval) {
        deadline = Date().addingTimeInterval(patience)
        self.ceiling = ceiling
        pause = first
    }

    /// Sleeps the next pause and returns `true`, or returns `false` at once when that pause would
    /// end past the deadline: time to give up.
    public mutating func wait() -> Bool {
        guard Date().addingTimeInterval(pause) < deadline else { return false }
        Thread.sleep(forTimeInterval: pause)
        pause = min(pause * 2, ceiling)
        return true
    }
}
