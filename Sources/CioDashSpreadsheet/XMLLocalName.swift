/// Element and attribute names without their namespace prefix (`x:c` → `c`, `r:id` → `id`): producers
/// differ in the prefixes they use, never in the local names.
enum XMLLocalName {
    static func of(_ name: String) -> Substring {
        if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
        return Substring(name)
    }

    static func attributes(_ attributes: [String: String]) -> [Substring: String] {
        var out: [Substring: String] = [:]
        for (key, value) in attributes { out[of(key)] = value }
        return out
    }
}
