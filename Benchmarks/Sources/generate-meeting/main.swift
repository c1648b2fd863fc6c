import Foundation
import MeetingGenerator

// generate-meeting OUT [--cached] [--provinces N] [--topics T] [--metrics M] [--previous K] [--seed S]
// Writes OUT/meeting-0 (the newest meeting) … OUT/meeting-K and prints the newest folder.
// With --cached, OUT is a cache: the meeting goes to OUT/<shape>/ and is written only once.

let usage = "usage: generate-meeting OUT [--cached] [--provinces N] [--topics T] [--metrics M] [--previous K] [--seed S]"
var arguments = Array(CommandLine.arguments.dropFirst())
guard let out = arguments.first, !out.hasPrefix("-") else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
arguments.removeFirst()
let cached = arguments.first == "--cached"
if cached { arguments.removeFirst() }
var options: [String: Int] = ["--provinces": 63, "--topics": 10, "--metrics": 20, "--previous": 2, "--seed": 2019]
while arguments.count >= 2 {
    guard options[arguments[0]] != nil, let value = Int(arguments[1]), value >= 0 else { break }
    options[arguments[0]] = value
    arguments.removeFirst(2)
}
guard arguments.isEmpty else {
    FileHandle.standardError.write(Data(("generate-meeting: cannot read \(arguments.joined(separator: " "))\n" + usage + "\n").utf8))
    exit(2)
}
let shape = MeetingGenerator.Shape(provinces: options["--provinces"]!, topics: options["--topics"]!,
                                   metrics: options["--metrics"]!, previousMeetings: options["--previous"]!,
                                   seed: UInt64(options["--seed"]!))
do {
    print(cached ? try MeetingGenerator.cachedFolder(shape, cache: out) : try MeetingGenerator(shape: shape).write(to: out))
} catch {
    FileHandle.standardError.write(Data("generate-meeting: \(error)\n".utf8))
    exit(1)
}
