import Foundation

/// Locates the package, the built `dossier` binary and the test fixtures, and runs the binary.
enum DossierBinary {
    /// The package root: the folder holding Package.swift above this file.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The debug binary that `swift test` builds (EndToEndTests depends on the `dossier` target).
    /// `DOSSIER_E2E_BINARY` points the tests at another build (to show a regression test fails on main).
    static var executable: URL {
        if let other = ProcessInfo.processInfo.environment["DOSSIER_E2E_BINARY"], !other.isEmpty { return URL(fileURLWithPath: other) }
        let candidates = [".build/debug/dossier", ".build/x86_64-unknown-linux-gnu/debug/dossier",
                          ".build/aarch64-unknown-linux-gnu/debug/dossier"]
        for candidate in candidates {
            let url = packageRoot.appendingPathComponent(candidate)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(candidates[0])
    }

    static func fixture(_ relativePath: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
    }

    struct Outcome {
        var status: Int32
        var stdout: Data
        var stderr: String
        var timedOut: Bool
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs the binary with `arguments`, optional standard input, and a time limit.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                    timeout: TimeInterval = 120) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Output goes to temporary files, so a large output can never block the child on a full pipe.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? outHandle.close(); try? errHandle.close() }
        process.standardOutput = outHandle
        process.standardError = errHandle
        if let stdin {
            try stdin.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        let timedOut = process.isRunning
        if timedOut { process.terminate() }
        process.waitUntilExit()
        let outData = (try? Data(contentsOf: outURL)) ?? Data()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return Outcome(status: process.terminationStatus, stdout: outData,
                       stderr: String(decoding: errData, as: UTF8.self), timedOut: timedOut)
    }
}
