import CioDashCore
import CioDashRender
import Foundation

/// libFuzzer entry point over the minutes journal: the reader, the replay of every entry, and both
/// documents written from what it gives.
///
/// An input is one header byte and a journal's text:
/// - byte 0, bit 0: English instead of the meeting's language; bit 1: plain text instead of Markdown;
///   bit 2: the sample's own header line is put before the text (so most inputs reach the entries, not
///   only the header check);
/// - the rest: the journal's bytes.
///
/// The journal is read as `ciodash minutes` reads it (a run a crash left open ends where the journal
/// stops), then the biên bản and the thông báo kết luận are written at 80 cells. Every problem and
/// every line written is checked for a scalar a terminal would obey: a violation traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func journalFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 1 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    JournalTarget.shared.run(english: bytes[0] & 1 != 0, text: bytes[0] & 2 != 0, withHeader: bytes[0] & 4 != 0,
                             journal: Array(bytes[1...]))
    return 0
}

final class JournalTarget {
    static let shared = JournalTarget()
    let meeting: Meeting
    let header: String

    private init() {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures/hue-2019")
        guard let loaded = MeetingLoader().load(folder: sample.path).meeting else {
            fatalError("the Huế sample does not load from \(sample.path)")
        }
        meeting = loaded
        header = MinutesJournalFormat.line(.init(meetingTitle: Normalization.nfc(loaded.title), meetingDate: loaded.date,
                                                 utcOffset: 25200))
    }

    func run(english: Bool, text: Bool, withHeader: Bool, journal: [UInt8]) {
        let body = String(decoding: journal, as: UTF8.self)
        let parsed = MinutesJournalReader.parse(withHeader ? header + body : body)
        let language = english ? Language.en : meeting.language
        for problem in parsed.problems {
            checkSafe(TextSanitizer.line(problem.diagnostic(file: "journal", language: language).description), "a problem")
        }
        guard var record = parsed.record else { return }
        if let topic = record.runningTopic, let last = record.lastSeen {
            record.apply(.clock(MinutesClockEvent(.interrupted, topic: topic, at: last)))
        }
        let document = MinutesDocument(meeting: meeting, record: record, language: language)
        for kind in MinutesDocument.Kind.allCases {
            checkSafe(document.render(kind, format: text ? .text : .markdown), "the \(kind) document")
        }
    }

    /// Traps when `text` holds a scalar a terminal would act on (C0 other than a line break, DEL, C1).
    private func checkSafe(_ text: String, _ what: String) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) {
                fatalError("\(what) contains the control character U+\(String(v, radix: 16, uppercase: true))")
            }
        }
    }
}
