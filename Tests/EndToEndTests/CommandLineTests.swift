import Foundation
import Testing

/// The command line as a person meets it: errors are one line with a distinct exit code.
@Suite struct CommandLineTests {
    @Test func missingFileIsOneLineWithExit66() throws {
        let outcome = try DossierBinary.run(["annotate", "no/such/article.txt"])
        #expect(outcome.status == 66)
        #expect(outcome.stderr == "dossier: no/such/article.txt: no such file or directory\n")
    }

    @Test func folderWithoutArticlesIsExit66() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let outcome = try DossierBinary.run(["annotate", empty.path])
        #expect(outcome.status == 66)
        #expect(outcome.stderr.contains("no readable articles"))
    }

    @Test func unreadableFileIsPermissionDenied() throws {
        guard getuid() != 0 else { return }  // root reads everything; the check means nothing there
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-locked-\(UUID().uuidString).txt")
        try Data("Headline\n\nBody.".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file.path)
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try DossierBinary.run(["annotate", file.path])
        #expect(outcome.status == 77)
    }

    @Test func standardInputIsRead() throws {
        let seed = try Data(contentsOf: DossierBinary.packageRoot.appendingPathComponent("seeds/pakistan-centcom.txt"))
        let outcome = try DossierBinary.run(["annotate", "--format", "json", "-"], stdin: seed)
        #expect(outcome.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
        #expect((json["text"] as? String)?.contains("phenomenal partner") == true)
    }

    @Test func severalFilesGiveJSONLinesOnePerArticle() throws {
        let outcome = try DossierBinary.run(["annotate", "--format", "json", "seeds/pakistan-centcom.txt", "seeds/wikinews-iodine.txt"])
        #expect(outcome.status == 0)
        let lines = outcome.stdoutText.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any])
        }
    }

    @Test func aFailingFileIsReportedAndTheOthersStillAnnotated() throws {
        let outcome = try DossierBinary.run(["annotate", "--format", "json", "seeds/pakistan-centcom.txt", "missing.txt"])
        #expect(outcome.status == 66)
        #expect(outcome.stdoutText.split(separator: "\n").count == 1)
        #expect(outcome.stderr.contains("missing.txt"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let outcome = try DossierBinary.run(["annotate", "--format", "yaml", "seeds/pakistan-centcom.txt"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("yaml"))
    }
}

/// `annotate` works on several articles at once and still writes them in input order.
@Suite struct ParallelAnnotateTests {
    @Test func aFeedAnnotatedOnSeveralJobsKeepsInputOrderAndMatchesOneJob() throws {
        // Long and short articles alternate, so later short ones finish before earlier long ones.
        let long = String(repeating: "The minister, Ana Ferreira, said the budget grew by 4 per cent. ", count: 400)
        var lines: [String] = []
        for n in 0..<40 {
            let text = n % 3 == 0 ? "Article \(n). " + long : "Article \(n). Jonas Berg said it rained."
            let object = try JSONSerialization.data(withJSONObject: ["title": "Item \(n)", "text": text])
            lines.append(String(decoding: object, as: UTF8.self))
        }
        lines.insert("not json", at: 7)
        let feed = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-order-\(UUID().uuidString).jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: feed)
        defer { try? FileManager.default.removeItem(at: feed) }

        let one = try DossierBinary.run(["annotate", "--format", "json", "--jobs", "1", feed.path])
        let four = try DossierBinary.run(["annotate", "--format", "json", "--jobs", "4", feed.path])
        #expect(four.status == 65)
        #expect(four.stdout == one.stdout)
        #expect(four.stderr == one.stderr)
        let titles = String(decoding: four.stdout, as: UTF8.self).split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["title"] as? String
        }
        #expect(titles == (0..<40).map { "Item \($0)" })

        // `index` and `export` annotate the same way: one job or four, the same document and the same
        // report of the line that is no JSON.
        for command in [["index", "--format", "json"], ["export", "--no-notes", "--format", "markdown"]] {
            let serial = try DossierBinary.run(command + ["--jobs", "1", feed.path])
            let parallel = try DossierBinary.run(command + ["--jobs", "4", feed.path])
            #expect(serial.status == 65, "\(command[0])")
            #expect(parallel.status == serial.status, "\(command[0])")
            #expect(parallel.stdout == serial.stdout, "\(command[0])")
            #expect(parallel.stderr == serial.stderr, "\(command[0])")
            #expect(String(decoding: parallel.stdout, as: UTF8.self).contains("Jonas Berg"), "\(command[0])")
        }
    }
}
