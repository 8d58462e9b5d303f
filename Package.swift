// swift-tools-version: 6.0
import PackageDescription

// Dependencies point one way:
//   ctxlab -> CtxSession -> CtxLang -> CtxCore,  CtxView -> CtxCore,  LineEditor -> CEditLine.
// Nothing below the executable prints.

/// Release builds skip Swift's run-time exclusivity checks, which cost the VM's inner loop about a
/// sixth of its time and the live tree's snapshot about a tenth; debug builds (and so the tests)
/// keep them.
let fastRelease: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "ctxlab",
    products: [
        .executable(name: "ctxlab", targets: ["ctxlab"]),
        .library(name: "CtxCore", targets: ["CtxCore"]),
        .library(name: "CtxLang", targets: ["CtxLang"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        .target(
            name: "CtxCore",
            dependencies: [
                .product(name: "HashTreeCollections", package: "swift-collections"),
                .product(name: "Collections", package: "swift-collections"),
            ],
            swiftSettings: fastRelease
        ),
        .target(
            name: "CtxLang",
            dependencies: [
                "CtxCore", .product(name: "Collections", package: "swift-collections"),
                .product(name: "BigInt", package: "BigInt"),
            ],
            // The Python half of the standard library (Modules/Library.swift).
            resources: [.embedInCode("Lib")],
            swiftSettings: fastRelease
        ),
        .target(name: "CtxView", dependencies: ["CtxCore"], swiftSettings: fastRelease),
        .target(
            name: "CtxSession", dependencies: ["CtxLang", "CtxCore", "CtxView"],
            swiftSettings: fastRelease),
        // libedit's variadic el_set/history cannot be called from Swift: shim.h wraps each use
        // in a non-variadic static inline function. Only LineEditor imports it.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "LineEditor", dependencies: ["CEditLine"]),
        // The crash fuzzer behind the hidden `ctxlab fuzz` (scripts/fuzz.py drives it).
        .target(name: "CtxFuzz", dependencies: ["CtxLang", "CtxCore", "CtxSession"]),
        .executableTarget(
            name: "ctxlab",
            dependencies: [
                "CtxSession", "CtxView", "CtxLang", "CtxCore", "LineEditor", "CtxFuzz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test suites share: starting a subprocess safely from parallel tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CtxCoreTests", dependencies: ["CtxCore"]),
        .testTarget(name: "CtxLangTests", dependencies: ["CtxLang"], exclude: ["Fixtures"]),
        // Programs with CPython's recorded output (Tests/Conformance), plus a live cross-check.
        .testTarget(name: "ConformanceTests", dependencies: ["CtxLang", "TestSupport"], exclude: []),
        .testTarget(name: "CtxViewTests", dependencies: ["CtxView"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(name: "CtxSessionTests", dependencies: ["CtxSession", "TestSupport"]),
        .testTarget(name: "ReplTerminalTests", dependencies: ["CtxSession", "TestSupport"], exclude: ["Fixtures"]),
        // A bounded run of the crash fuzzer through the real binary (scripts/fuzz.py is the long run).
        .testTarget(name: "FuzzTests"),
    ],
    swiftLanguageModes: [.v6]
)
