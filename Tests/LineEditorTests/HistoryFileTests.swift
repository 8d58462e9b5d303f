import Testing

@testable import LineEditor

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct HistoryFileFormatTests {
    static let samples: [[String]] = [
        [],
        ["x = 1"],
        ["def f():\n    return 1", "f()"],
        ["print('a\\nb')", "path = 'C:\\\\tmp\\\\'", "trailing\\"],
        ["crlf\r\nline", "cr\ronly", "ünïcødé 🎉", "\\n literally"],
    ]

    @Test(arguments: samples)
    func roundTrips(_ entries: [String]) {
        #expect(HistoryFile.decode(HistoryFile.encode(entries)) == entries)
    }

    @Test func oneEntryPerPhysicalLine() {
        let text = HistoryFile.encode(["if x:\n    y", "z"])
        #expect(text == "_ctxlab_history_v1_\nif x:\\n    y\nz\n")
    }

    @Test func toleratesMissingHeaderAndUnknownEscapes() {
        #expect(HistoryFile.decode("a\\tb\n\nc") == ["a\\tb", "c"])
    }
}

@Suite struct HistoryFileDiskTests {
    @Test func saveAndLoadRoundTripCreatingDirectories() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/state/ctxlab/history"
        let entries = ["a = 1", "for i in range(3):\n    print(i)"]
        try HistoryFile.save(entries, to: path)
        #expect(try HistoryFile.load(from: path) == entries)
        #expect(directory.listing(of: "state/ctxlab") == ["history"])  // no temporary file left
        #expect(fileMode(path) == 0o600)
    }

    @Test func missingFileLoadsAsEmpty() throws {
        let directory = try TemporaryDirectory()
        #expect(try HistoryFile.load(from: directory.path + "/nope") == [])
    }

    @Test func saveReplacesTheOldFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/history"
        try HistoryFile.save(["old 1", "old 2", "old 3"], to: path)
        try HistoryFile.save(["new"], to: path)
        #expect(try HistoryFile.load(from: path) == ["new"])
    }

    @Test func failedSaveLeavesTheOldFileIntact() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/history"
        try HistoryFile.save(["kept"], to: path)
        // A directory squatting on the temporary name makes the write fail before the rename.
        mkdir(path + ".tmp.test", 0o700)
        #expect(throws: LineEditorError.self) { try HistoryFile.save(["lost"], to: path, temporarySuffix: ".tmp.test") }
        #expect(try HistoryFile.load(from: path) == ["kept"])
    }

    /// A symlink planted on the temporary name is not followed: the save fails, its target is untouched.
    @Test func aPlantedSymlinkIsNotFollowed() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/history"
        let target = directory.path + "/target"
        try HistoryFile.save(["target"], to: target)
        symlink(target, path + ".tmp.test")
        #expect(throws: LineEditorError.self) { try HistoryFile.save(["evil"], to: path, temporarySuffix: ".tmp.test") }
        #expect(try HistoryFile.load(from: target) == ["target"])
    }

    @Test func unwritableDirectoryIsAReadableError() throws {
        let directory = try TemporaryDirectory()
        let blocker = directory.path + "/file"
        try HistoryFile.save([], to: blocker)
        do {
            try HistoryFile.save(["x"], to: blocker + "/sub/history")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("cannot create history directory \(blocker)/sub"))
        }
    }

    private func fileMode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o777
    }
}
