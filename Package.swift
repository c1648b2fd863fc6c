// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ciodash",
    products: [
        .executable(name: "ciodash", targets: ["ciodash"]),
        .library(name: "CioDashCore", targets: ["CioDashCore"]),
        .library(name: "CioDashRender", targets: ["CioDashRender"]),
        .library(name: "CioDashApp", targets: ["CioDashApp"]),
        // For the room-link benchmarks (Benchmarks/), which run a presenter and followers in process.
        .library(name: "CioDashNet", targets: ["CioDashNet"]),
        // For the browsers' benchmark (Benchmarks/): a presenter's web side with many SSE viewers.
        .library(name: "CioDashWeb", targets: ["CioDashWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Debian's libyaml-dev and libncurses-dev, reached through module maps.
        .systemLibrary(name: "CYAML", path: "Sources/CYAML"),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Debian's libxlsxwriter-dev, for the return forms the secretariat sends out.
        .systemLibrary(name: "CXlsxWriter", path: "Sources/CXlsxWriter"),
        // Debian's libqrencode-dev, for the QR code of the browsers' join address (`i`).
        .systemLibrary(name: "CQRencode", path: "Sources/CQRencode"),
        // Debian's libssl-dev (OpenSSL 3), for the detached CMS signatures of returned forms.
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL"),

        // Domain, loading, validation and Vietnamese text handling: no terminal.
        .target(
            name: "CioDashCore",
            dependencies: ["CYAML"],
            exclude: ["Units/README.md"]
        ),
        // The bundled sample meetings (fixtures/), shipped as a resource of the binary.
        .target(
            name: "CioDashSamples",
            path: "fixtures",
            exclude: ["README.md"],
            sources: ["SampleMeetings.swift"],
            resources: [.copy("hue-2019"), .copy("gia-lai-2018"), .copy("council-2026")]
        ),
        // Cell grid, widgets, views, navigation and snapshots: pure Swift, no terminal. ZIPFoundation
        // packs the Word (.docx) documents, in memory.
        .target(name: "CioDashRender", dependencies: ["CioDashCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The secretariat's return forms: .xlsx written with libxlsxwriter, read with ZIPFoundation and a
        // SAX parser; forms turned into province status files.
        .target(
            name: "CioDashSpreadsheet",
            dependencies: ["CioDashCore", "CXlsxWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Signed returns: a detached CMS signature beside a return checked offline against the pinned
        // roots and CRLs of the meeting's trust/ folder (OpenSSL's CMS API).
        .target(name: "CioDashSignature", dependencies: ["CioDashCore", "COpenSSL"]),
        // The live dashboard's rules: one event type, one update, effects as values; no I/O.
        .target(name: "CioDashApp", dependencies: ["CioDashCore", "CioDashRender"]),
        // The room link: presenter state to followers over authenticated TCP frames (SwiftNIO,
        // swift-crypto). It reaches the app core only as `AppEvent.remote` values.
        .target(
            name: "CioDashNet",
            dependencies: [
                "CioDashCore", "CioDashRender", "CioDashApp",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The room in a browser: the presenter's state as Server-Sent Events, the views as HTML, one
        // self-contained page (SwiftNIO's HTTP/1 codec, no framework); the join address as a QR code.
        .target(
            name: "CioDashWeb",
            dependencies: [
                "CioDashCore", "CioDashRender", "CioDashApp", "CQRencode",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The only code that talks to ncurses.
        .target(name: "CioDashTerminal", dependencies: ["CNcursesw", "CioDashRender"]),
        .executableTarget(
            name: "ciodash",
            dependencies: [
                "CioDashCore", "CioDashRender", "CioDashApp", "CioDashTerminal", "CioDashSamples", "CioDashSpreadsheet",
                "CioDashNet", "CioDashWeb", "CioDashSignature",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // What every test target shares: the one golden-file helper, the one meeting-folder builder,
        // the small meeting built in code, the replay of scripted sessions through the dashboard's loop.
        .target(name: "CioDashTestSupport",
                dependencies: ["CioDashCore", "CioDashRender", "CioDashApp", "CioDashSamples",
                               .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Tests/CioDashTestSupport"),
        .testTarget(name: "CioDashCoreTests", dependencies: ["CioDashCore", "CioDashSamples", "CioDashTestSupport"]),
        .testTarget(
            name: "CioDashRenderTests",
            dependencies: ["CioDashRender", "CioDashApp", "CioDashCore", "CioDashSamples", "CioDashTestSupport",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Golden"]
        ),
        // The app core: the input chain, the navigator, reloads, the room's events, the minutes'
        // rules, replayed sessions.
        .testTarget(
            name: "CioDashAppTests",
            dependencies: ["CioDashApp", "CioDashRender", "CioDashCore", "CioDashSamples", "CioDashTestSupport",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "CioDashSpreadsheetTests",
            dependencies: ["CioDashSpreadsheet", "CioDashCore", "CioDashRender", "CioDashSamples",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "CioDashTerminalTests",
            dependencies: ["CioDashTerminal", "CioDashApp", "CioDashRender", "CioDashCore", "CioDashSamples"]
        ),
        .testTarget(
            name: "CioDashNetTests",
            dependencies: [
                "CioDashNet", "CioDashApp", "CioDashCore", "CioDashSamples",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "CioDashWebTests",
            dependencies: [
                "CioDashWeb", "CioDashApp", "CioDashRender", "CioDashCore", "CioDashSamples",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "CioDashSignatureTests", dependencies: ["CioDashSignature", "CioDashCore"],
                    exclude: ["make-test-pki.sh"]),
        .testTarget(name: "EndToEndTests", dependencies: ["CioDashCore", "CioDashSamples", "CioDashTestSupport"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v5]
)
