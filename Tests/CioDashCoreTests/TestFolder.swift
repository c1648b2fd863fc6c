import Foundation
import XCTest
@testable import CioDashCore

/// A meeting folder built in a temporary directory from Swift strings, removed on deinit.
final class TestFolder {
    let path: String

    init(_ files: [String: String] = [:]) throws {
        path = NSTemporaryDirectory() + "ciodash-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func load(limits: LoadLimits = .default) -> LoadResult {
        MeetingLoader(limits: limits).load(folder: path)
    }

    /// The path a diagnostic names for a file in this folder.
    func file(_ relative: String) -> String { path + "/" + relative }
}

/// A valid agenda with two topics and two listed provinces.
let sampleMeeting = """
format: ciodash/1
council: Hội đồng Giám đốc CNTT miền Trung - Tây Nguyên
title: Phiên họp thường kỳ 2019
date: 2019-07-27
start: "08:00"
venue: Huế
chairs: [Thứ trưởng Bộ TT&TT, Chủ tịch UBND tỉnh]
language: vi
topics:
  - id: smart-city
    title: Phát triển dịch vụ đô thị thông minh
    title_en: Smart-city services
    minutes: 20
    headline: ioc-services
  - id: digital-signatures
    title: Triển khai chữ ký số
    minutes: 15
provinces: [thua-thien-hue, da-nang]

"""

/// A valid province file for `sampleMeeting`, with Vietnamese text that changes under normalisation.
/// Each test province's 2019 unit code (a wrong code is a warning); other ids get none.
private let codes2019 = ["thua-thien-hue": "46", "da-nang": "48", "dak-lak": "66", "quang-nam": "49",
                         "quang-ngai": "51"]

func provinceFile(id: String = "thua-thien-hue", name: String = "Thừa Thiên Huế", reported: String = "2019-07-01") -> String {
    """
    format: ciodash/1
    id: \(id)
    name: \(name)
    code: "\(codes2019[id] ?? "")"
    region: Bắc Trung Bộ
    reported: \(reported)
    source: Sở TT&TT
    topics:
      smart-city:
        status: on-track
        summary: |
          Trung tâm IOC khai trương ngày 25/7/2019.
          Hơn 85 cơ quan kết nối.
        metrics:
          - id: ioc-services
            label: Dịch vụ IOC
            value: 10
            target: 12
            source: Báo Mới
          - id: online-share
            label: Tỷ lệ hồ sơ trực tuyến
            value: 12.5
            unit: "%"
            previous: 8
            illustrative: true
        highlights:
          - Ứng dụng Hue-S
        issues:
          - Thiếu nhân lực ATTT
      digital-signatures:
        status: at-risk
        metrics: []

    """
}
