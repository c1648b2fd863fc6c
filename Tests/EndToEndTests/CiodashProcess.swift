import Foundation
import XCTest

/// Runs the `ciodash` built next to this test bundle (on Linux, in the products folder) and keeps its
/// exit status and both output streams as bytes, so that tests can look for raw control bytes.
enum CiodashProcess {
    struct Outcome {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        var seconds: Double

        var output: String { String(decoding: stdout, as: UTF8.self) }
        var errors: String { String(decoding: stderr, as: UTF8.self) }
        var outputLines: [String] { output.split(separator: "\n").map(String.init) }
    }

    private final class BundleMarker {}

    static func binary() throws -> URL {
        let bundle = Bundle(for: BundleMarker.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("ciodash") }
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("ciodash is not built next to the tests (\(bundle.path)); run swift build first")
        }
        return binary
    }

    /// Runs `ciodash ARGUMENTS` with `prefix` before it (a program and its arguments, e.g. `setpriv`),
    /// in `directory`, with `environment` added. Output goes to files, not pipes, so a large snapshot
    /// cannot block the child.
    static func run(_ arguments: [String], prefix: [String] = [], in directory: String? = nil,
                    environment: [String: String] = [:]) throws -> Outcome {
        let binary = try binary()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ciodash-out-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)

        let process = Process()
        if let program = prefix.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(prefix.dropFirst()) + [binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let start = Date()
        try process.run()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: Array(try Data(contentsOf: out)),
                       stderr: Array(try Data(contentsOf: err)), seconds: Date().timeIntervalSince(start))
    }

    /// The first byte sequence a terminal would obey, or that reorders text: C0 other than a line
    /// break, DEL, a C1 control in UTF-8 (C2 80–9F), a bidi control (U+061C, U+200E/F, U+202A–E,
    /// U+2066–9). Nil when there is none.
    static func firstControl(in bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        for s in text.unicodeScalars {
            let v = s.value
            if (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C {
                return "U+" + String(v, radix: 16, uppercase: true)
            }
        }
        return nil
    }
}
