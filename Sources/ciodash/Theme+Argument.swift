import ArgumentParser
import CioDashRender

/// `--theme default|projector|mono`.
extension Theme: ExpressibleByArgument {
    public init?(argument: String) {
        guard let theme = Theme.named(argument) else { return nil }
        self = theme
    }

    public var defaultValueDescription: String { name }

    public static var allValueStrings: [String] { names }
}
