/// One figure a province reports under a topic, with where it came from.
public struct Metric: Hashable, Sendable {
    public var id: String
    public var label: String
    public var value: Double
    public var target: Double?
    /// Free unit text; `"%"` means a share from 0 to 100.
    public var unit: String?
    /// The value at the previous meeting, as the province reports it.
    public var previous: Double?
    public var source: String?
    /// True when the figure is invented for illustration and must be labelled so.
    public var illustrative: Bool
    /// The English label, from the agenda's definition of the metric.
    public var labelEN: String?
    /// Digits after the decimal point to show, from the agenda's definition; nil for the default.
    public var decimals: Int?

    public init(id: String, label: String, value: Double, target: Double? = nil, unit: String? = nil,
                previous: Double? = nil, source: String? = nil, illustrative: Bool = false,
                labelEN: String? = nil, decimals: Int? = nil) {
        self.labelEN = labelEN
        self.decimals = decimals
        self.id = id
        self.label = label
        self.value = value
        self.target = target
        self.unit = unit
        self.previous = previous
        self.source = source
        self.illustrative = illustrative
    }

    /// The label in the requested language, falling back to Vietnamese.
    public func label(in language: Language) -> String {
        language == .en ? (labelEN ?? label) : label
    }

    /// Whether the unit marks a percentage share.
    public var isShare: Bool { unit == "%" }
}
