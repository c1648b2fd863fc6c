import Foundation

/// Finds the province a secretary meant by a name typed in the minutes ("Huế", "dak lak",
/// "Khánh Hoà"): diacritics, case and tone placement aside, the whole name, the file id, or the
/// name's last words. Nil when nothing or more than one province fits.
public enum ProvinceNameMatch {
    public static func province(_ typed: String, in provinces: [ProvinceReport]) -> ProvinceReport? {
        let key = SearchKey.fold(typed)
        guard !key.isEmpty else { return nil }
        let exact = provinces.filter { SearchKey.fold($0.name) == key || SearchKey.fold($0.id) == key }
        if exact.count == 1 { return exact[0] }
        guard exact.isEmpty, key.count >= 3 else { return nil }
        let tail = provinces.filter { SearchKey.fold($0.name).hasSuffix(" " + key) }
        return tail.count == 1 ? tail[0] : nil
    }

    /// A typed list ("Huế, Đà Nẵng; Kon Tum") split at commas and semicolons.
    public static func parts(_ typed: String) -> [String] {
        typed.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
