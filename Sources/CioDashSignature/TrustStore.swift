import COpenSSL
import CioDashCore
import Foundation

/// The certificates and CRLs a meeting trusts, read once from its `trust/` folder, offline: roots
/// trusted only when pinned by SHA-256 in `trust/pins.txt`, intermediates and the CRLs the
/// secretariat fetched before the meeting. Nothing is ever fetched from the network.
public final class TrustStore: @unchecked Sendable {
    /// Folder name inside the meeting folder, and the pin file inside it.
    public static let folderName = "trust"
    public static let pinFileName = "pins.txt"
    /// Bounds on what is read: files, bytes per file, certificates per file.
    public static let maxFiles = 256
    public static let maxFileBytes = 1 << 20
    static let maxCertificatesPerFile = 64

    /// A pinned root: its fingerprint, the name the pin file gives it, its subject.
    public struct Root: Sendable {
        public var fingerprint: String
        public var pinName: String
        public var subject: String
    }

    /// One thing the secretariat should know about the folder: a root not pinned, a pin with no
    /// certificate, a file that is not a certificate or a CRL.
    public struct Note: Sendable, Hashable {
        public var file: String
        public var line: Int?
        public var text: BilingualText
        public var isError: Bool
    }

    public let folder: String
    public private(set) var roots: [Root] = []
    public private(set) var notes: [Note] = []
    /// Owned references (freed in deinit).
    private(set) var trustedCertificates: [OpaquePointer] = []
    private(set) var intermediates: [OpaquePointer] = []
    private(set) var crls: [OpaquePointer] = []

    deinit {
        for cert in trustedCertificates + intermediates { X509_free(cert) }
        for crl in crls { X509_CRL_free(crl) }
    }

    /// An empty store: no root trusted.
    public init(empty folder: String) { self.folder = folder }

    /// Reads `folder`; a missing folder is an empty store (every signed return then has an unknown root).
    public init(folder: String) {
        self.folder = folder
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return }
        let pins = readPins()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        if names.count > Self.maxFiles {
            note(Self.folderName, nil, BilingualText(vi: "quá nhiều tệp (hơn \(Self.maxFiles)); chỉ đọc \(Self.maxFiles) tệp đầu",
                                                     en: "too many files (over \(Self.maxFiles)); only the first \(Self.maxFiles) read"), error: true)
        }
        var pinned = Set<String>()
        for name in names.prefix(Self.maxFiles) where name != Self.pinFileName && !name.hasPrefix(".") {
            let lower = name.lowercased()
            let isCRL = lower.hasSuffix(".crl")
            guard isCRL || [".pem", ".crt", ".cer", ".der"].contains(where: lower.hasSuffix) else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            guard let bytes = Self.read(path) else {
                note(name, nil, BilingualText(vi: "không đọc được, hoặc lớn hơn 1 MiB", en: "unreadable, or larger than 1 MiB"), error: true)
                continue
            }
            if isCRL {
                guard let crl = Self.parseCRL(bytes) else {
                    note(name, nil, BilingualText(vi: "không phải danh sách thu hồi (CRL) PEM hay DER", en: "not a CRL in PEM or DER"), error: true)
                    continue
                }
                crls.append(crl)
                continue
            }
            let certificates = Self.parseCertificates(bytes)
            if certificates.isEmpty {
                note(name, nil, BilingualText(vi: "không phải chứng thư số PEM hay DER", en: "not a certificate in PEM or DER"), error: true)
            }
            for cert in certificates {
                guard X509_self_signed(cert, 0) == 1 else { intermediates.append(cert); continue }
                let fingerprint = OpenSSLValues.fingerprint(cert)
                let subject = OpenSSLValues.subject(cert)
                if let pin = pins[fingerprint] {
                    trustedCertificates.append(cert)
                    roots.append(Root(fingerprint: fingerprint, pinName: pin.name, subject: subject))
                    pinned.insert(fingerprint)
                } else {
                    X509_free(cert)
                    note(name, nil, BilingualText(
                        vi: "chứng thư gốc \(subject) không được ghim trong \(Self.pinFileName) (SHA-256 \(fingerprint)): không tin cậy",
                        en: "root \(subject) is not pinned in \(Self.pinFileName) (SHA-256 \(fingerprint)): not trusted"), error: false)
                }
            }
        }
        for (fingerprint, pin) in pins.sorted(by: { $0.value.line < $1.value.line }) where !pinned.contains(fingerprint) {
            note(Self.pinFileName, pin.line, BilingualText(
                vi: "không có chứng thư gốc nào trong \(Self.folderName)/ có SHA-256 này (\(pin.name))",
                en: "no root certificate in \(Self.folderName)/ has this SHA-256 (\(pin.name))"), error: false)
        }
    }

    private func note(_ file: String, _ line: Int?, _ text: BilingualText, error: Bool) {
        notes.append(Note(file: file, line: line, text: BilingualText(vi: TextSanitizer.line(text.vi), en: TextSanitizer.line(text.en)),
                          isError: error))
    }

    /// `pins.txt`: per line a SHA-256 in hex (colons allowed, as `openssl x509 -fingerprint -sha256`
    /// prints it), then the root's name; `#` starts a comment.
    private func readPins() -> [String: (name: String, line: Int)] {
        let path = (folder as NSString).appendingPathComponent(Self.pinFileName)
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        guard let bytes = Self.read(path) else {
            note(Self.pinFileName, nil, BilingualText(vi: "không đọc được, hoặc lớn hơn 1 MiB", en: "unreadable, or larger than 1 MiB"), error: true)
            return [:]
        }
        var pins: [String: (name: String, line: Int)] = [:]
        for (index, raw) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = words.first else { continue }
            let hex = first.replacingOccurrences(of: ":", with: "").lowercased()
            guard hex.count == 64, hex.allSatisfy(\.isHexDigit) else {
                note(Self.pinFileName, index + 1, BilingualText(vi: "cần 64 chữ số hex của SHA-256 rồi đến tên",
                                                                en: "expected the 64 hex digits of a SHA-256, then a name"), error: true)
                continue
            }
            pins[hex] = (words.dropFirst().joined(separator: " "), index + 1)
        }
        return pins
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber, size.intValue <= maxFileBytes,
              let data = FileManager.default.contents(atPath: path), data.count <= maxFileBytes else { return nil }
        return [UInt8](data)
    }

    static func isPEM(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        return head.contains("-----BEGIN ")
    }

    static func parseCertificates(_ bytes: [UInt8]) -> [OpaquePointer] {
        bytes.withUnsafeBytes { raw in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return [] }
            defer { BIO_free(bio) }
            var certificates: [OpaquePointer] = []
            if isPEM(bytes) {
                while certificates.count < maxCertificatesPerFile, let cert = PEM_read_bio_X509(bio, nil, nil, nil) {
                    certificates.append(cert)
                }
            } else if let cert = d2i_X509_bio(bio, nil) {
                certificates.append(cert)
            }
            ERR_clear_error()
            return certificates
        }
    }

    static func parseCRL(_ bytes: [UInt8]) -> OpaquePointer? {
        bytes.withUnsafeBytes { raw in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            let crl = isPEM(bytes) ? PEM_read_bio_X509_CRL(bio, nil, nil, nil) : d2i_X509_CRL_bio(bio, nil)
            ERR_clear_error()
            return crl
        }
    }
}
