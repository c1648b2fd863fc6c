/// Interface language. Vietnamese is the default; English is for visitors and reports.
public enum Language: String, CaseIterable, Sendable, Hashable {
    case vi
    case en

    /// The other language, for the `L` toggle.
    public var toggled: Language { self == .vi ? .en : .vi }
}
