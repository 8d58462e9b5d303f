import CtxSession
#if canImport(Glibc)
import Glibc
#endif

/// The programs that mutations start from: the conformance programs
/// (`Tests/Conformance/programs/*.py`, run as programs) and the Python inputs of the lessons
/// (`transcripts/*.pycon`, fed to a session). Sorted by name, so that a seed means the same
/// cases for the same corpus.
public struct Corpus: Sendable {
    public struct Seed: Sendable {
        public var name: String
        public var text: String
        public var mode: FuzzCase.Mode
    }

    public var seeds: [Seed]

    /// The corpus under a checkout of ctxlab; the lessons compiled into the binary stand in for
    /// `transcripts/` when it is missing.
    public static func load(root: String) -> Corpus {
        var seeds: [Seed] = []
        let programs = root + "/Tests/Conformance/programs"
        for name in listDirectory(programs).filter({ $0.hasSuffix(".py") }).sorted() {
            if let text = readFile(programs + "/" + name) { seeds.append(Seed(name: name, text: text, mode: .program)) }
        }
        let transcripts = root + "/transcripts"
        var lessons = listDirectory(transcripts).filter { $0.hasSuffix(".pycon") }.sorted().compactMap { name in
            readFile(transcripts + "/" + name).map { (name, $0) }
        }
        if lessons.isEmpty { lessons = Lessons.all.map { ($0.name + ".pycon", $0.text) } }
        for (name, text) in lessons {
            seeds.append(Seed(name: name, text: sessionText(ofTranscript: text), mode: .session))
        }
        return Corpus(seeds: seeds)
    }

    /// A transcript's inputs as piped REPL text: each input on its lines, a compound statement
    /// followed by the blank line that ends it at the prompt.
    static func sessionText(ofTranscript text: String) -> String {
        Transcript(parsing: text).inputs.map { input in
            input.contains("\n") || input.hasSuffix(":") ? input + (input.hasSuffix("\n") ? "\n" : "\n\n") : input + "\n"
        }.joined()
    }

    static func listDirectory(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func readFile(_ path: String) -> String? {
        readBytes(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A whole file's bytes, or nil.
    public static func readBytes(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            bytes += buffer[0..<n]
            if n < buffer.count { break }
        }
        return ferror(f) == 0 ? bytes : nil
    }
}
