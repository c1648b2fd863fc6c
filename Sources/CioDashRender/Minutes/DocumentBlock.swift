import CioDashCore

/// One part of a minutes document, in reading order. `MinutesDocument` says what the biên bản or
/// the thông báo contains as a list of these once; each writer (Markdown, plain text, Word) lays the
/// same list out in its own way, so the formats cannot say different things.
public enum DocumentBlock: Sendable, Equatable {
    /// The heading of Nghị định 30/2020, Phụ lục I: the issuing body and the number on the left, the
    /// national name and motto on the right, the place and date under them.
    case letterhead(Letterhead)
    /// The document's name (BIÊN BẢN) and its subject, centred.
    case title(name: String, subject: [String])
    /// An agenda item's heading.
    case heading(String)
    /// A lead-in ("Địa điểm: TP. Huế"); with no value, a label alone before what follows.
    case field(label: String, value: String)
    /// A paragraph; its own line breaks are kept.
    case paragraph(String)
    case bullets([String])
    case table(DocumentTable)
    /// The end of the document: "Nơi nhận" (if any) on the left, the signature blocks on the right.
    case closing(recipients: Recipients?, signatures: [Signature])

    public struct Letterhead: Sendable, Equatable {
        public var body: String
        public var number: String
        public var nation: String
        public var motto: String
        public var placeDate: String
    }

    /// A table: one header, rows of the same length; `weights` are the columns' relative widths.
    public struct DocumentTable: Sendable, Equatable {
        public var header: [String]
        public var rows: [[String]]
        public var weights: [Int]
    }

    /// A signature block: the signer's title above (THƯ KÝ, CHỦ TỌA), the hint, the room to sign, the name.
    public struct Signature: Sendable, Equatable {
        public var title: String
        public var hint: String
        public var name: String
    }

    public struct Recipients: Sendable, Equatable {
        public var label: String
        public var lines: [String]
    }
}
