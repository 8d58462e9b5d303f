/// Virtual-clock seconds as short, deterministic text, without Foundation.
enum TimeText {
    /// Rounded to milliseconds, trailing zeros dropped but one decimal kept: `1.5`, `2.0`, `0.001`.
    static func seconds(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        guard abs(value) < 1e12 else { return "\(value)" }
        // Not `rounded()`: that needs libm, which CtxView does not link.
        let millis = Int(abs(value) * 1000 + 0.5)
        var fraction = String(millis % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.count > 1 && fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && millis > 0 ? "-" : ""
        return "\(sign)\(millis / 1000).\(fraction)"
    }
}
