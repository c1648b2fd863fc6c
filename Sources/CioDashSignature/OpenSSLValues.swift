import COpenSSL
import CioDashCore
import Foundation

/// Small readings of OpenSSL objects as Swift values: names, serials, times, digests.
enum OpenSSLValues {
    /// A distinguished name as RFC 2253 text with UTF-8 kept, sanitised for one line on a screen or in a report.
    static func name(_ name: OpaquePointer?) -> String {
        guard let name, let bio = BIO_new(BIO_s_mem()) else { return "" }
        defer { BIO_free(bio) }
        guard X509_NAME_print_ex(bio, name, 0, ciodash_name_flags()) >= 0 else { return "" }
        return TextSanitizer.line(bioText(bio))
    }

    static func bioText(_ bio: OpaquePointer) -> String {
        var pointer: UnsafeMutablePointer<CChar>?
        let count = ciodash_BIO_mem_data(bio, &pointer)
        guard let pointer, count > 0 else { return "" }
        let bytes = UnsafeRawBufferPointer(start: pointer, count: Int(count))
        return String(decoding: bytes, as: UTF8.self)
    }

    static func subject(_ cert: OpaquePointer) -> String { name(X509_get_subject_name(cert)) }
    static func issuer(_ cert: OpaquePointer) -> String { name(X509_get_issuer_name(cert)) }

    /// The values of one attribute (O, OU) of a certificate's subject, as UTF-8.
    static func subjectValues(_ cert: OpaquePointer, nid: Int32) -> [String] {
        guard let name = X509_get_subject_name(cert) else { return [] }
        var values: [String] = []
        var index: Int32 = -1
        while values.count < 16 {
            index = X509_NAME_get_index_by_NID(name, nid, index)
            guard index >= 0, let entry = X509_NAME_get_entry(name, index), let data = X509_NAME_ENTRY_get_data(entry) else { break }
            var out: UnsafeMutablePointer<UInt8>?
            let length = ASN1_STRING_to_UTF8(&out, data)
            if length >= 0, let out {
                values.append(TextSanitizer.line(String(decoding: UnsafeBufferPointer(start: out, count: Int(length)), as: UTF8.self)))
                ciodash_openssl_free(out)
            }
        }
        return values
    }

    /// The serial number in upper-case hex.
    static func serial(_ cert: OpaquePointer) -> String {
        guard let integer = X509_get0_serialNumber(cert), let number = ASN1_INTEGER_to_BN(integer, nil) else { return "" }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else { return "" }
        defer { ciodash_openssl_free(hex) }
        return String(cString: hex)
    }

    /// Seconds since 1970 of an ASN.1 time.
    static func seconds(_ time: UnsafePointer<ASN1_TIME>?) -> Int64? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
        return Int64(timegm(&parts))
    }

    /// `2026-11-20T08:00:00Z`.
    static func iso(_ seconds: Int64) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        func pad(_ n: Int32, _ width: Int = 2) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))T"
            + "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))Z"
    }

    static func sha256Hex(_ bytes: UnsafeRawBufferPointer) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_Digest(bytes.baseAddress, bytes.count, &digest, &length, EVP_sha256(), nil) == 1 else { return "" }
        return digest.prefix(Int(length)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    static func fingerprint(_ cert: OpaquePointer) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_digest(cert, EVP_sha256(), &digest, &length) == 1 else { return "" }
        return digest.prefix(Int(length)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// Digests SHA-256 or stronger; SHA-1, MD5 and SHA-224 are not.
    static func isStrongDigest(_ nid: Int32) -> Bool {
        [NID_sha256, NID_sha384, NID_sha512, NID_sha3_256, NID_sha3_384, NID_sha3_512].contains(nid)
    }

    /// The key's weakness, if any: RSA under 2048 bits, EC under 256, or another kind of key.
    static func keyProblem(_ key: OpaquePointer?) -> SignatureReason? {
        guard let key else { return .unsupported }
        let bits = EVP_PKEY_get_bits(key)
        switch EVP_PKEY_get_base_id(key) {
        case EVP_PKEY_RSA, EVP_PKEY_RSA_PSS: return bits < 2048 ? .keyTooShort : nil
        case EVP_PKEY_EC: return bits < 256 ? .keyTooShort : nil
        default: return .unsupported
        }
    }

    /// OpenSSL's last error as text, and the queue emptied.
    static func lastError() -> String {
        let code = ERR_peek_last_error()
        ERR_clear_error()
        guard code != 0 else { return "" }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(cString: buffer)
    }
}
