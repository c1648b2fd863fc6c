import CioDashSamples
import Foundation
import XCTest

/// Issue 28: what an adversarial test of `init`, `template` and `import` broke, each class run with
/// the real binary: ids that are paths, partial imports, a misnamed status file, lost output, wrong
/// messages, forms written over the status files, and scratch files left by a signal.
final class SecretariatHostileTests: XCTestCase {
    private var root = ""
    private var meeting: String { root + "/hue-2019" }

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "ciodash-secretariat-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SampleMeetings.hue2019, to: URL(fileURLWithPath: meeting))
        try FileManager.default.copyItem(at: SampleMeetings.giaLai2018, to: URL(fileURLWithPath: root + "/gia-lai-2018"))
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    private func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// Every file under `folder` with its bytes, to show that nothing changed.
    private func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder)
        while let name = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder), !isFolder.boolValue {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            }
        }
        return files
    }

    /// A `template --format yaml` form for `province` with its first value filled in as `value`.
    private func yamlForm(_ province: String, value: String, in meetingFolder: String? = nil, to name: String? = nil) throws -> String {
        let forms = root + "/forms-" + UUID().uuidString
        let made = try CiodashProcess.run(["template", meetingFolder ?? meeting, province, "-o", forms, "--format", "yaml"])
        XCTAssertEqual(made.status, 0, made.errors)
        let skeleton = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: forms).first)
        var text = try read(forms + "/" + skeleton)
        let empty = try XCTUnwrap(text.range(of: "value:"))
        text.replaceSubrange(empty, with: "value: \(value)")
        let path = root + "/" + (name ?? "returned-" + skeleton)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    // MARK: 6. A province id that is a path

    func testAListedProvinceIDThatIsAPathIsAnErrorAndNeverAPath() throws {
        // A name of this test's own: the file the old import wrote beside TMPDIR's folders outlives the test.
        let x = "x-" + UUID().uuidString.lowercased()
        var agenda = try read(meeting + "/meeting.yaml")
        agenda = agenda.replacingOccurrences(of: "provinces:\n", with: "provinces:\n  - \"../../../\(x)\"\n")
        try agenda.write(toFile: meeting + "/meeting.yaml", atomically: true, encoding: .utf8)
        let outside = (root as NSString).deletingLastPathComponent + "/\(x).yaml"
        defer { unlink(outside) }
        let form = root + "/\(x).yaml"
        try "format: ciodash/1\nid: \"../../../\(x)\"\nname: X\ntopics:\n  smart-city:\n    status: chậm\n"
            .write(toFile: form, atomically: true, encoding: .utf8)
        let before = try snapshot(root)

        let check = try CiodashProcess.run(["check", meeting, "--lang", "en"])
        XCTAssertEqual(check.status, 1, check.output)
        XCTAssertTrue(check.output.contains("province id \"../../../\(x)\" in the provinces list may use only lower-case letters"), check.output)

        for dryRun in [true, false] {
            let imported = try CiodashProcess.run(["import", meeting, form, "--lang", "en"] + (dryRun ? ["--dry-run"] : []))
            XCTAssertEqual(imported.status, 1, imported.output + imported.errors)
            XCTAssertTrue(imported.output.contains("province id \"../../../\(x)\" is not in the meeting folder"), imported.output)
        }
        let template = try CiodashProcess.run(["template", meeting, "-o", root + "/forms/a/b/c", "--format", "yaml"])
        XCTAssertEqual(template.status, 0, template.errors)
        XCTAssertFalse(template.output.contains(".."), template.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside), "nothing is written outside the folders")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/forms/\(x).yaml"))
        XCTAssertEqual(try snapshot(root).filter { !$0.key.hasPrefix("forms/") }, before, "import wrote nothing")
    }

    /// A status file that is a link out of the meeting folder is not written through.
    func testImportDoesNotWriteThroughALinkOutOfTheMeetingFolder() throws {
        let form = try yamlForm("ha-tinh", value: "41")
        let elsewhere = root + "/private.yaml"
        try FileManager.default.moveItem(atPath: meeting + "/provinces/ha-tinh.yaml", toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: meeting + "/provinces/ha-tinh.yaml", withDestinationPath: elsewhere)
        let before = try read(elsewhere)
        let imported = try CiodashProcess.run(["import", meeting, form, "--force", "--lang", "en"])
        XCTAssertEqual(imported.status, 1, imported.output + imported.errors)
        XCTAssertTrue(imported.output.contains("outside the folder"), imported.output)
        XCTAssertEqual(try read(elsewhere), before)
    }

    // MARK: 7. All or nothing

    /// A small meeting on a 64 KiB file system: ha-tinh and da-nang reported, nothing else read.
    private func tinyMeeting(_ fs: TinyFilesystem) throws -> String {
        let tiny = fs.path + "/m"
        try FileManager.default.createDirectory(atPath: tiny + "/provinces", withIntermediateDirectories: true)
        let agenda = try read(meeting + "/meeting.yaml").split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("previous:") }.joined(separator: "\n")
        try agenda.write(toFile: tiny + "/meeting.yaml", atomically: false, encoding: .utf8)
        for id in ["ha-tinh", "da-nang"] {
            try FileManager.default.copyItem(atPath: meeting + "/provinces/\(id).yaml", toPath: tiny + "/provinces/\(id).yaml")
        }
        return tiny
    }

    func testImportOnAFullDiskWritesNothingAndSaysSo() throws {
        let fs = try TinyFilesystem()
        let tiny = try tinyMeeting(fs)
        let forms = [try yamlForm("ha-tinh", value: "41", in: tiny), try yamlForm("da-nang", value: "42", in: tiny)]
        let before = try snapshot(tiny)
        fs.fill()
        let imported = try CiodashProcess.run(["import", tiny] + forms + ["--lang", "en"])
        XCTAssertEqual(imported.status, 1, imported.output + imported.errors)
        XCTAssertTrue(imported.errors.contains("No space left on device; nothing written, every status file is as it was"), imported.errors)
        XCTAssertEqual(try snapshot(tiny), before, "neither status file changed")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tiny + "/provinces").sorted(), ["da-nang.yaml", "ha-tinh.yaml"],
                       "no temporary is left")
    }

    func testImportIntoAReadOnlyFolderWritesNothingAndSaysSo() throws {
        let fs = try TinyFilesystem()
        let tiny = try tinyMeeting(fs)
        let forms = [try yamlForm("ha-tinh", value: "41", in: tiny), try yamlForm("da-nang", value: "42", in: tiny)]
        let before = try snapshot(tiny)
        try fs.remountReadOnly()
        let imported = try CiodashProcess.run(["import", tiny] + forms)
        XCTAssertEqual(imported.status, 1, imported.output + imported.errors)
        XCTAssertTrue(imported.errors.contains("chưa ghi tệp nào, mọi tệp trạng thái vẫn như cũ"), imported.errors)
        XCTAssertEqual(try snapshot(tiny), before)
    }

    func testASuccessfulImportSaysWhatItWrote() throws {
        let forms = [try yamlForm("ha-tinh", value: "41"), try yamlForm("da-nang", value: "42")]
        let imported = try CiodashProcess.run(["import", meeting] + forms + ["--lang", "en"])
        XCTAssertEqual(imported.status, 0, imported.output + imported.errors)
        XCTAssertTrue(imported.output.contains("written: \(meeting)/provinces/ha-tinh.yaml\n"), imported.output)
        XCTAssertTrue(imported.output.contains("written: \(meeting)/provinces/da-nang.yaml\n"), imported.output)
        XCTAssertTrue(imported.output.hasSuffix("2 file(s) written\n"), imported.output)
    }

    // MARK: 10. A misnamed status file

    func testImportBesideAMisnamedStatusFileRefusesNamingIt() throws {
        let misnamed = meeting + "/provinces/Quảng Ngãi.yaml"
        try FileManager.default.moveItem(atPath: meeting + "/provinces/quang-ngai.yaml", toPath: misnamed)
        let form = try yamlForm("quang-ngai", value: "33")
        let before = try snapshot(meeting)
        let checkBefore = try CiodashProcess.run(["check", meeting, "--lang", "en"])

        let imported = try CiodashProcess.run(["import", meeting, form, "--lang", "en"])
        XCTAssertEqual(imported.status, 1, imported.output + imported.errors)
        XCTAssertTrue(imported.output.contains("Quảng Ngãi is read from \(misnamed), not provinces/quang-ngai.yaml; rename"),
                      imported.output)
        XCTAssertTrue(imported.output.contains("nothing written"), imported.output)
        XCTAssertEqual(try snapshot(meeting), before)
        XCTAssertEqual(try CiodashProcess.run(["check", meeting, "--lang", "en"]).output, checkBefore.output, "no duplicate made")
    }

    // MARK: 16. Output that cannot be written

    private func shell(_ arguments: [String], _ redirections: String) throws -> CiodashProcess.Outcome {
        try CiodashProcess.run(arguments, prefix: ["/bin/sh", "-c", "exec \"$0\" \"$@\" " + redirections],
                               environment: ["SWIFT_BACKTRACE": "enable=no"])
    }

    func testImportAndTemplateToAFullOrClosedStandardOutputFail() throws {
        let form = try yamlForm("ha-tinh", value: "41")
        let original = try read(meeting + "/provinces/ha-tinh.yaml")
        for (redirection, reason) in [(">/dev/full", "No space left on device"), (">&-", "it is closed")] {
            let imported = try shell(["import", meeting, form], redirection)
            XCTAssertEqual(imported.status, 1, "import \(redirection): \(imported.errors)")
            XCTAssertTrue(imported.errors.contains("cannot write to standard output: \(reason)"), imported.errors)
            XCTAssertEqual(try read(meeting + "/provinces/ha-tinh.yaml"), original, "nothing imported unseen")
            let template = try shell(["template", meeting, "hue", "-o", root + "/t-" + UUID().uuidString], redirection)
            XCTAssertEqual(template.status, 1, "template \(redirection): \(template.errors)")
            XCTAssertTrue(template.errors.contains("cannot write to standard output: \(reason)"), template.errors)
        }
        let failing = try shell(["import", meeting, root + "/missing.yaml"], ">/dev/full")
        XCTAssertEqual(failing.status, 1)
        XCTAssertTrue(failing.errors.contains("cannot write to standard output"), "a failing import says something: \(failing.errors)")
    }

    // MARK: 20. True messages

    func testInitIntoALinkADanglingLinkOrAFileSaysWhatItIs() throws {
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/empty")
        try FileManager.default.createSymbolicLink(atPath: root + "/dangling", withDestinationPath: root + "/nowhere")
        try "x".write(toFile: root + "/file", atomically: true, encoding: .utf8)
        let cases = [("link", "is a symbolic link (to \(root)/empty), not a new folder"),
                     ("dangling", "is a symbolic link (to \(root)/nowhere, which does not exist), not a new folder"),
                     ("file", "is a file, not a folder; choose a new folder")]
        for (name, expected) in cases {
            let made = try CiodashProcess.run(["init", root + "/" + name, "--date", "2026-07-24", "--lang", "en"])
            XCTAssertEqual(made.status, 1, name)
            XCTAssertTrue(made.errors.contains(expected), "\(name): \(made.errors)")
            XCTAssertFalse(made.errors.contains("not empty"), made.errors)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/nowhere"), "a dangling link is not followed")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root + "/empty"), [])
    }

    func testTemplateToADeviceOrAPipeSaysItIsNoFolder() throws {
        let full = try CiodashProcess.run(["template", meeting, "hue", "-o", "/dev/full", "--lang", "en"])
        XCTAssertEqual(full.status, 1)
        XCTAssertTrue(full.errors.contains("-o /dev/full is a device, not a folder"), full.errors)
        let fifo = root + "/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let piped = try CiodashProcess.run(["template", meeting, "hue", "-o", fifo, "--lang", "en"])
        XCTAssertEqual(piped.status, 1)
        XCTAssertTrue(piped.errors.contains("is a pipe (FIFO), not a folder"), piped.errors)
        XCTAssertFalse(piped.errors.contains("same name already exists"), piped.errors)
    }

    // MARK: 21. Forms over the status files; scratch files after a signal

    func testTemplateRefusesTheMeetingFolderAndItsProvinces() throws {
        let before = try snapshot(meeting)
        for output in [meeting, meeting + "/provinces", meeting + "/provinces/", meeting + "/provinces/sub", root + "/../" + (root as NSString).lastPathComponent + "/hue-2019/provinces"] {
            let written = try CiodashProcess.run(["template", meeting, "-o", output, "--format", "yaml", "--force", "--lang", "en"])
            XCTAssertEqual(written.status, 1, output)
            XCTAssertTrue(written.errors.contains("is the meeting folder or inside its provinces/"), written.errors)
        }
        XCTAssertEqual(try snapshot(meeting), before, "no status file replaced by a skeleton")
        let link = root + "/forms-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: meeting + "/provinces")
        let throughLink = try CiodashProcess.run(["template", meeting, "-o", link, "--format", "yaml", "--force"])
        XCTAssertEqual(throughLink.status, 1, "a link to provinces/ is provinces/")
        XCTAssertEqual(try snapshot(meeting), before)
    }

    /// An import ended by SIGTERM or SIGHUP while its scratch files exist leaves nothing in TMPDIR
    /// (it left the unpacked sheet, up to 64 MiB, and the checked copy of the status file). The
    /// meeting's agenda is padded with 6 MB of comments so that checking a form takes a while; the
    /// signal is sent as soon as anything of the import's shows in TMPDIR.
    func testAnImportEndedBySIGTERMOrSIGHUPLeavesNothingInTMPDIR() throws {
        let padding = String(repeating: "# " + String(repeating: "đệm ", count: 24) + "\n", count: 40_000)
        try (try read(meeting + "/meeting.yaml") + padding).write(toFile: meeting + "/meeting.yaml", atomically: true, encoding: .utf8)
        let forms = root + "/forms"
        XCTAssertEqual(try CiodashProcess.run(["template", meeting, "ha-tinh", "-o", forms]).status, 0)
        for sig in [SIGTERM, SIGHUP] {
            let tmp = root + "/tmp-\(sig)"
            try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = try CiodashProcess.binary()
            process.arguments = ["import", meeting, forms + "/ha-tinh.xlsx", "--dry-run"]
            process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": tmp]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            var seen: [String] = []
            while process.isRunning && Date() < deadline {
                seen = (try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? []
                if !seen.isEmpty { break }
                usleep(200)
            }
            guard !seen.isEmpty else {
                process.terminate()
                process.waitUntilExit()
                XCTFail("signal \(sig): the import ended (or 60 s passed) before any scratch file showed in TMPDIR")
                continue
            }
            kill(process.processIdentifier, sig)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal, "signal \(sig) ends the import as it would have")
            XCTAssertEqual(process.terminationStatus, sig)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp), [],
                           "signal \(sig) after \(seen) showed: nothing is left in TMPDIR")
        }
    }
}
