// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "RoutineCard",
    // Synchronization's Mutex and typed throws need these on Apple platforms; Linux has no minimum.
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RoutineCard", targets: ["RoutineCard"]),
        .executable(name: "routinecard", targets: ["RoutineCardCLI"]),
        .executable(name: "routinecard-bench", targets: ["RoutineCardBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    ],
    targets: [
        // C libraries, found through pkg-config. Nothing but a module map and a header each.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"]), .brew(["pango", "cairo"])]
        ),
        .systemLibrary(
            name: "CPangoFT2",
            pkgConfig: "pangoft2",
            providers: [.apt(["libpango1.0-dev", "libfontconfig-dev"]), .brew(["pango", "fontconfig"])]
        ),
        .systemLibrary(
            name: "CLibdeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"]), .brew(["libdeflate"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"]), .brew(["qrencode"])]
        ),
        // libhyphen has no pkg-config file: the module map links it by name.
        .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev"]), .brew(["hyphen"])]),
        // The only Swift code that touches C.
        .target(name: "Graphics", dependencies: ["CPangoCairo", "CPangoFT2", "CLibdeflate", "CZlib", "CHyphen", "CQREncode"]),
        // Routines as plain values, their rules and their diagnostics: depends on nothing.
        .target(name: "RoutineCardModel"),
        // Templates, blocks and fitting: routines → placed pages, measured through a TextMeasuring
        // protocol; never touches Graphics.
        .target(name: "RoutineCardLayout", dependencies: ["RoutineCardModel"]),
        // Routine files (YAML/JSON) → validated routines with file:line:column diagnostics, and the
        // built-in routines and drawings; never touches Graphics (the caller says how to decode pictures).
        .target(
            name: "RoutineCardLoading",
            dependencies: ["RoutineCardModel", "CLibYAML", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedAssets"]
        ),
        // Turns Assets/ into Swift source so the binary carries its routines and pictures.
        .executableTarget(name: "AssetEmbedder"),
        .plugin(name: "EmbedAssets", capability: .buildTool(), dependencies: ["AssetEmbedder"]),
        .target(
            name: "RoutineCard",
            dependencies: [
                "RoutineCardModel", "RoutineCardLoading", "RoutineCardLayout", "Graphics",
            ]
        ),
        // The command line's plumbing over the façade: manifests, config files, settings as text,
        // shards, the batch runner.
        .target(
            name: "RoutineCardBatch",
            dependencies: [
                "RoutineCard", .product(name: "Yams", package: "Yams"), .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The card studio and HTTP API (`routinecard serve`), over the library.
        .target(
            name: "RoutineCardServer",
            dependencies: [
                "RoutineCard", "RoutineCardBatch", "RoutineCardLoading",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "RoutineCardCLI",
            dependencies: [
                "RoutineCard", "RoutineCardBatch", "RoutineCardServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Speed and memory against the C reference: `Benchmarks/run`.
        .executableTarget(name: "RoutineCardBench", dependencies: ["RoutineCard"]),
        // Runs real readers (pdfinfo, qpdf, the built CLI) for the tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GraphicsTests", dependencies: ["Graphics", "CLibdeflate", "TestSupport"]),
        .testTarget(
            name: "RoutineCardTests",
            dependencies: ["RoutineCard", "RoutineCardBatch", "RoutineCardModel", "RoutineCardLoading", "RoutineCardLayout", "Graphics", "TestSupport"]),
        .testTarget(name: "RoutineCardCLITests", dependencies: ["RoutineCardCLI", "TestSupport"]),
        .testTarget(
            name: "RoutineCardServerTests",
            dependencies: [
                "RoutineCardServer", "RoutineCardCLI", "RoutineCard", "TestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
