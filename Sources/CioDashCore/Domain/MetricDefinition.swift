/// A metric declared once in the agenda, under its topic, so that province files can give just the
/// id and the value.
public struct MetricDefinition: Hashable, Sendable {
    /// How the figures of several provinces add up into one, for a unit that merged them.
    public enum Combine: String, CaseIterable, Hashable, Sendable {
        /// Counts: the merged unit's figure is the sum of its parts'.
        case sum
        /// Indices and shares: the mean of the parts' (as the DTI does for merged provinces).
        case mean
        /// No rule: the parts' figures are shown side by side, never combined.
        case none
    }

    public var id: String
    public var label: String
    public var labelEN: String?
    public var unit: String?
    /// Digits after the decimal point to show; nil leaves the default formatting.
    public var decimals: Int?
    public var target: Double?
    public var combine: Combine

    public init(id: String, label: String, labelEN: String? = nil, unit: String? = nil, decimals: Int? = nil,
                target: Double? = nil, combine: Combine = .none) {
        self.id = id
        self.label = label
        self.labelEN = labelEN
        self.unit = unit
        self.decimals = decimals
        self.target = target
        self.combine = combine
    }

    /// The label in the requested language, falling back to Vietnamese.
    public func label(in language: Language) -> String {
        language == .en ? (labelEN ?? label) : label
    }
}
