import Testing

@testable import LineEditor

@Suite struct UTF8CollectorTests {
    @Test(arguments: ["a", "é", "€", "🎉", "日"])
    func decodesOneScalar(_ text: String) {
        var collector = UTF8Collector()
        let steps = text.utf8.map { collector.push($0) }
        #expect(steps.dropLast().allSatisfy { $0 == .needMore })
        #expect(steps.last == .scalar(text.unicodeScalars.first!))
    }

    @Test func dropsInvalidBytesAndRecovers() {
        var collector = UTF8Collector()
        #expect(collector.push(0xFF) == .invalid)
        #expect(collector.push(0xC3) == .needMore)
        #expect(collector.push(UInt8(ascii: "x")) == .scalar("x"))  // broken sequence dropped
        #expect(collector.push(0xED) == .needMore)  // surrogate encodings are rejected
        #expect(collector.push(0xA0) == .needMore)
        #expect(collector.push(0x80) == .invalid)
    }
}
