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

    public init(id: String, label: String, value: Double, target: Double? = nil, unit: String? = nil,
                previous: Double? = nil, source: String? = nil, illustrative: Bool = false) {
        self.id = id
        self.label = label
        self.value = value
        self.target = target
        self.unit = unit
        self.previous = previous
        self.source = source
        self.illustrative = illustrative
    }

    /// Whether the unit marks a percentage share.
    public var isShare: Bool { unit == "%" }
}
