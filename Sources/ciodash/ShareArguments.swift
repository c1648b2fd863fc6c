/// `--share` takes an address only when one follows (`--share 0.0.0.0:7420`, `--share :7421`,
/// `--share 7421`, `--share=…`); bare, it shares on every interface at port 7420. ArgumentParser has
/// no option with an optional value, so the address is moved to the hidden `--share-on` first.
enum ShareArguments {
    static func normalised<S: Sequence>(_ arguments: S) -> [String] where S.Element == String {
        var out: [String] = []
        var iterator = Array(arguments).makeIterator()
        var pendingShare = false
        while let argument = iterator.next() {
            if pendingShare {
                pendingShare = false
                if looksLikeAddress(argument) {
                    out += ["--share-on", argument]
                    continue
                }
            }
            if argument == "--share" {
                out.append(argument)
                pendingShare = true
            } else if argument.hasPrefix("--share=") {
                out += ["--share", "--share-on", String(argument.dropFirst("--share=".count))]
            } else {
                out.append(argument)
            }
        }
        return out
    }

    /// A port, something with a colon, or a dotted IPv4 address: never taken for a meeting folder.
    static func looksLikeAddress(_ text: String) -> Bool {
        if text.isEmpty || text.hasPrefix("-") { return false }
        if text.allSatisfy(\.isNumber) || text.contains(":") { return true }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
