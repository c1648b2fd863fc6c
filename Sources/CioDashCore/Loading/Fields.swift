/// The entries of one mapping, looked up by key (mappings in status files are small).
struct Fields {
    let node: YAMLNode
    let entries: [YAMLMappingEntry]

    subscript(key: String) -> YAMLNode? {
        entries.first { $0.key == key }?.value
    }

    func entry(_ key: String) -> YAMLMappingEntry? {
        entries.first { $0.key == key }
    }
}
