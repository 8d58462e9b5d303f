/// Assembles Unicode scalars from UTF-8 bytes arriving one at a time from the terminal.
///
/// libedit's own reader decodes with `mbrtowc`; LineEditor replaces that reader (to notice
/// Ctrl-C), so it decodes here instead. Invalid bytes are dropped, like libedit does.
struct UTF8Collector {
    /// What `push(_:)` made of the bytes so far.
    enum Step: Equatable {
        case needMore
        case scalar(Unicode.Scalar)
        case invalid
    }

    private var bytes: [UInt8] = []
    private var expected = 0

    /// Feeds one byte.
    mutating func push(_ byte: UInt8) -> Step {
        if bytes.isEmpty { return start(with: byte) }
        guard byte & 0xC0 == 0x80 else {
            // Drop the broken sequence; the byte that broke it may start a new one.
            reset()
            return start(with: byte)
        }
        bytes.append(byte)
        return bytes.count == expected ? finish() : .needMore
    }

    private mutating func start(with byte: UInt8) -> Step {
        let length = Self.sequenceLength(lead: byte)
        if length == 1 { return .scalar(Unicode.Scalar(byte)) }
        guard length > 1 else { return .invalid }
        bytes = [byte]
        expected = length
        return .needMore
    }

    private mutating func finish() -> Step {
        defer { reset() }
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return .scalar(scalar) }
        return .invalid
    }

    private mutating func reset() {
        bytes = []
        expected = 0
    }

    /// The length of the sequence a lead byte announces; 0 for a byte that cannot lead.
    static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }
}
