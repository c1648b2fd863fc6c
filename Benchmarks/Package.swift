// swift-tools-version:6.1
// The benchmarks live in their own package so that `swift test` at the top never builds them.
// Run them from this folder with `swift package benchmark` (see README.md).
import PackageDescription

let package = Package(
    name: "ciodash-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "ciodash", path: ".."),
        // The room benchmarks' test clients share one event-loop group.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // The trait keeps the malloc counters and leaves out the runtime interposer, which is not
        // on this machine's offline package list.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Writes synthetic ciodash/1 meeting folders of any size; no dependency on the product.
        .target(name: "MeetingGenerator"),
        .executableTarget(name: "generate-meeting", dependencies: ["MeetingGenerator"]),
        // The data sets and the terminal-free key loop, shared by the benchmarks and bench-probe.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                "MeetingGenerator",
                .product(name: "CioDashCore", package: "ciodash"),
                .product(name: "CioDashRender", package: "ciodash"),
                .product(name: "CioDashApp", package: "ciodash"),
                .product(name: "CioDashNet", package: "ciodash"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The room in browsers: N Server-Sent Events viewers on loopback (issue 22).
        .executableTarget(
            name: "web-viewers",
            dependencies: [
                .product(name: "CioDashCore", package: "ciodash"),
                .product(name: "CioDashRender", package: "ciodash"),
                .product(name: "CioDashApp", package: "ciodash"),
                .product(name: "CioDashWeb", package: "ciodash"),
            ]
        ),
        // One stage on one folder, for callgrind and /usr/bin/time.
        .executableTarget(name: "bench-probe", dependencies: ["BenchmarkSupport"]),
        .executableTarget(
            name: "CioDashBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "CioDashCore", package: "ciodash"),
                .product(name: "CioDashRender", package: "ciodash"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CioDashBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
