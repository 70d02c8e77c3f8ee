import HPORun

/// One study the dashboard serves, with the name its pages show and where it is kept.
public struct DashboardStudy: Sendable {
    /// The name shown on the pages, e.g. the study file's name.
    public let name: String
    /// Where the study is kept, shown on the index (e.g. the file's path); `nil` to show nothing.
    public let location: String?
    /// The study, read through ``HPORun/Study/trials()``, ``HPORun/Study/budget()`` and its report.
    public let study: Study

    /// A study to serve under `name`.
    public init(name: String, location: String? = nil, study: Study) {
        self.name = name
        self.location = location
        self.study = study
    }

    /// The URL path segment of each name, in order: the name with every character other than a
    /// letter, a digit, `.`, `-` and `_` replaced by `-`, and `-2`, `-3`, ... after a segment
    /// taken already, so that every study has its own address and none needs escaping.
    static func pathSegments(of names: [String]) -> [String] {
        var taken: Set<String> = []
        return names.map { name in
            let base = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "-" })
            let safe = base.isEmpty || base.allSatisfy({ $0 == "." }) ? "study" : base
            var segment = safe
            var copy = 1
            while taken.contains(segment) {
                copy += 1
                segment = "\(safe)-\(copy)"
            }
            taken.insert(segment)
            return segment
        }
    }
}
