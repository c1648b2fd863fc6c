import XCTest
@testable import CioDashCore
import CioDashTestSupport

/// The loader, the live-reload watcher and `check` read the same files of a meeting folder.
final class MeetingFolderLayoutTests: XCTestCase {
    func testEveryFileTheLoaderReadsIsWatched() throws {
        let folder = try TestFolder(["meeting.yml": sampleMeeting, "provinces/thua-thien-hue.yaml": provinceFile(),
                                     "metrics.csv": "province,topic,metric,label,value,target,unit,previous,source\n"])
        XCTAssertNotNil(folder.load().meeting, "meeting.yml is an agenda")
        for file in ["meeting.yml", "provinces/thua-thien-hue.yaml", "metrics.csv"] {
            let before = FolderSignature(folder: folder.path)
            // Another size: a change the fingerprint sees even within the file system's time resolution.
            let text = try String(contentsOfFile: folder.file(file), encoding: .utf8)
            try folder.write(file, text + "\n# edited\n")
            XCTAssertEqual(FolderSignature(folder: folder.path).changedFiles(since: before), [file], "an edit of \(file) reloads")
        }
    }

    func testAnIgnoredMeetingFileIsNamedWithTheOneUsed() throws {
        let cases: [([String], String, String)] = [
            (["meeting.yaml", "meeting.json"], "meeting.json", "both meeting.yaml and meeting.json exist; meeting.yaml is used and this file is ignored"),
            (["meeting.yml", "meeting.json"], "meeting.json", "both meeting.yml and meeting.json exist; meeting.yml is used and this file is ignored"),
            (["meeting.yaml", "meeting.yml"], "meeting.yml", "both meeting.yaml and meeting.yml exist; meeting.yaml is used and this file is ignored"),
        ]
        for (present, ignored, message) in cases {
            var files = ["provinces/thua-thien-hue.yaml": provinceFile()]
            for name in present { files[name] = sampleMeeting }
            let folder = try TestFolder(files)
            let warnings = folder.load().diagnostics.filter { $0.message.hasPrefix("both ") }
            XCTAssertEqual(warnings.map(\.file), [folder.file(ignored)], "\(present): the warning is on the ignored file")
            XCTAssertEqual(warnings.map(\.message), [message])
        }
    }
}

/// `slides:` per agenda topic: which presenter slides the topic gets.
final class SlideChoiceTests: XCTestCase {
    func testSlidesAreReadAndCheckedAgainstTheProvinces() throws {
        let agenda = sampleMeeting.replacingOccurrences(of: "  - id: smart-city\n", with: "  - id: smart-city\n    slides: [thua-thien-hue, hue]\n")
        XCTAssertNotEqual(agenda, sampleMeeting, "the sample agenda has a smart-city topic")
        let folder = try TestFolder(["meeting.yaml": agenda, "provinces/thua-thien-hue.yaml": provinceFile()])
        let result = folder.load()
        XCTAssertEqual(result.meeting?.topic("smart-city")?.slides, .provinces(["thua-thien-hue", "hue"]))
        XCTAssertTrue(result.diagnostics.contains {
            $0.severity == .warning && $0.message.contains("name province \"hue\", which has no file")
        }, "\(result.diagnostics)")
        let wrong = try TestFolder(["meeting.yaml": sampleMeeting.replacingOccurrences(of: "  - id: smart-city\n", with: "  - id: smart-city\n    slides: some\n"),
                                    "provinces/thua-thien-hue.yaml": provinceFile()])
        let error = try XCTUnwrap(wrong.load().diagnostics.first { $0.message.hasPrefix("slides \"some\"") })
        XCTAssertEqual(error.severity, .error)
        XCTAssertNotNil(error.line, "the error has its line")
    }
}
