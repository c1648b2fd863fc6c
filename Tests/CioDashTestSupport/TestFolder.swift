import Foundation
import XCTest
import CioDashCore
import CioDashSamples

/// A meeting folder built in a temporary directory, removed on deinit: the one meeting-folder
/// builder of the tests, from Swift strings, from a one-topic agenda (`oneTopic`), or from copies
/// of the bundled samples (`copySamples`).
public final class TestFolder {
    public let path: String

    public init(_ files: [String: String] = [:], prefix: String = "ciodash-test-") throws {
        path = NSTemporaryDirectory() + prefix + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }

    deinit { remove() }

    /// Removes the folder now (the tests that spoil it file by file, in tearDown).
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// One agenda topic and two good provinces (Đà Nẵng, Thừa Thiên Huế): what the `check` tests spoil.
    public static func oneTopic(prefix: String) throws -> TestFolder {
        try TestFolder([
            "meeting.yaml": """
                format: ciodash/1
                council: Hội đồng CIO
                title: Phiên họp 2019
                date: 2019-07-27
                topics:
                  - id: smart-city
                    title: Đô thị thông minh
                    minutes: 30

                """,
            "provinces/da-nang.yaml": oneTopicProvince(id: "da-nang", name: "Đà Nẵng"),
            "provinces/thua-thien-hue.yaml": oneTopicProvince(id: "thua-thien-hue", name: "Thừa Thiên Huế"),
        ], prefix: prefix)
    }

    /// A valid province file reporting on `oneTopic`'s one topic.
    public static func oneTopicProvince(id: String, name: String) -> String {
        "format: ciodash/1\nid: \(id)\nname: \(name)\ntopics:\n  smart-city:\n    status: on-track\n"
    }

    /// Copies of the bundled samples side by side (hue-2019 names ../gia-lai-2018 as its previous
    /// meeting); returns the path of hue-2019's copy.
    @discardableResult
    public func copySamples() throws -> String {
        let hue = path + "/hue-2019"
        try FileManager.default.copyItem(at: SampleMeetings.hue2019, to: URL(fileURLWithPath: hue))
        try FileManager.default.copyItem(at: SampleMeetings.giaLai2018, to: URL(fileURLWithPath: path + "/gia-lai-2018"))
        return hue
    }

    public func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    public func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func load(limits: LoadLimits = .default) -> LoadResult {
        MeetingLoader(limits: limits).load(folder: path)
    }

    /// The path a diagnostic names for a file in this folder.
    public func file(_ relative: String) -> String { path + "/" + relative }
}

/// A valid agenda with two topics and two listed provinces.
public let sampleMeeting = """
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

public func provinceFile(id: String = "thua-thien-hue", name: String = "Thừa Thiên Huế", reported: String = "2019-07-01") -> String {
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
