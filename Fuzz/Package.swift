// swift-tools-version:6.0
import PackageDescription

// A package of its own, so that `swift test` at the top never builds it; see README.md and run.sh.
let package = Package(
    name: "ciodash-fuzz",
    dependencies: [.package(name: "ciodash", path: "..")],
    targets: [
        // libFuzzer provides main(): built with -sanitize=fuzzer,address and -parse-as-library (run.sh).
        .executableTarget(
            name: "LoaderFuzzer",
            dependencies: [
                .product(name: "CioDashCore", package: "ciodash"),
                .product(name: "CioDashRender", package: "ciodash"),
            ]
        ),
        // The minutes journal: reader, replay and both documents.
        .executableTarget(
            name: "JournalFuzzer",
            dependencies: [
                .product(name: "CioDashCore", package: "ciodash"),
                .product(name: "CioDashRender", package: "ciodash"),
            ]
        ),
        // The follower's decoder of what a presenter sends, and the screen a state leads to.
        .executableTarget(
            name: "FollowerFuzzer",
            dependencies: [
                .product(name: "CioDashCore", package: "ciodash"),
                .product(name: "CioDashRender", package: "ciodash"),
                .product(name: "CioDashApp", package: "ciodash"),
                .product(name: "CioDashNet", package: "ciodash"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
