import CioDashCore
import Foundation

/// Reads a returned form of any kind, chosen by its extension.
public enum ReturnedFormReader {
    public static func read(path: String, limits: XLSXLimits = .default) -> (ReturnedForm?, [FormProblem]) {
        let file = TextSanitizer.line(path)
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "xlsx", "xlsm":
            return ReturnedFormXLSX.read(path: path, file: file, limits: limits)
        case "yaml", "yml", "json", "csv", "txt":
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                  let data = FileManager.default.contents(atPath: path) else {
                return (nil, [FormProblem(.error, file: file, SpreadsheetMessages.failure(.unreadable(String(cString: strerror(errno)))))])
            }
            let limit = LoadLimits.default.maxFileSize
            guard data.count <= limit else {
                return (nil, [FormProblem(.error, file: file, SpreadsheetMessages.failure(.tooLarge(size: data.count, limit: limit)))])
            }
            if ext == "csv" || ext == "txt" { return ReturnedFormCSV.read(bytes: [UInt8](data), file: file) }
            return ReturnedFormYAML.read(bytes: [UInt8](data), file: file, isJSON: ext == "json")
        default:
            return (nil, [FormProblem(.error, file: file, SpreadsheetMessages.formatNotSupported(ext))])
        }
    }
}
