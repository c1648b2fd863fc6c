import Foundation
import XCTest

/// The throw-away PKI of make-test-pki.sh, built once per test run into a temporary folder with the
/// openssl command line.
enum TestPKI {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("make-test-pki.sh").path

    /// The folder, or the reason it could not be made.
    static let folder: Result<String, TestPKIFailure> = {
        let path = NSTemporaryDirectory() + "ciodash-test-pki-\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script, path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return .failure(TestPKIFailure(text: "\(error)")) }
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(TestPKIFailure(text: "make-test-pki.sh failed: " + String(decoding: said, as: UTF8.self)))
        }
        return .success(path)
    }()

    static func path(_ name: String) throws -> String {
        (try folder.get() as NSString).appendingPathComponent(name)
    }
}

struct TestPKIFailure: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}
