import CioDashCore

/// A metric's figures as text in the interface language.
public enum MetricFormat {
    /// "72,5%" for a share; "1.349" otherwise (the unit is shown apart, where there is room).
    /// A metric declared with `decimals` shows exactly that many.
    public static func value(_ v: Double, metric: Metric, language: Language) -> String {
        if let decimals = metric.decimals {
            let text = NumberFormatting.format(v, language: language, maxFractionDigits: decimals, minFractionDigits: decimals)
            return metric.isShare ? text + "%" : text
        }
        return metric.isShare ? NumberFormatting.percent(v, language: language)
                              : NumberFormatting.format(v, language: language, maxFractionDigits: 3)
    }

    /// The value with its unit: "72,5%", "1.349 thủ tục".
    public static func valueWithUnit(_ v: Double, metric: Metric, language: Language) -> String {
        let text = value(v, metric: metric, language: language)
        guard let unit = metric.unit, !metric.isShare, !unit.isEmpty else { return text }
        return text + " " + unit
    }

    /// The change since the previous figure ("+12", "-3,5"), or nil when there is none.
    public static func change(current: Double, previous: Double?, metric: Metric, language: Language) -> String? {
        guard let previous, previous.isFinite, current.isFinite else { return nil }
        // For shares the change is in percentage points; the column header says so.
        return NumberFormatting.delta(current - previous, language: language,
                                      maxFractionDigits: metric.decimals ?? (metric.isShare ? 1 : 3))
    }
}
