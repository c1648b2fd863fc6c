/// A value from a file together with where it was written, for messages that point back at it.
struct Placed<Value> {
    var value: Value
    var line: Int
    var column: Int

    init(_ value: Value, at node: YAMLNode) {
        self.value = value
        self.line = node.line
        self.column = node.column
    }
}
