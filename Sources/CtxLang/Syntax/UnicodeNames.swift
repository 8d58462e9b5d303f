/// `\N{NAME}` in string literals: a character by its Unicode name, looked up as CPython's
/// `unicodedata.lookup` does (case-insensitive; formal names, correction aliases, and the control
/// and abbreviation aliases of NameAliases.txt that Swift's Unicode tables do not carry).
enum UnicodeNames {
    /// The scalar named `name`, or nil when no character has that name.
    static func lookup(_ name: String) -> Unicode.Scalar? {
        let key = name.uppercased()
        if let alias = aliases[key] { return Unicode.Scalar(alias) }
        if key.hasPrefix("CJK UNIFIED IDEOGRAPH-"), let v = UInt32(key.dropFirst(22), radix: 16),
           let s = Unicode.Scalar(v), s.properties.name == key {
            return s
        }
        // Names are ASCII upper-case letters, digits, space and hyphen; anything else cannot match.
        guard !key.isEmpty, key.unicodeScalars.allSatisfy({ $0.isASCII && $0 != "\n" }) else { return nil }
        // A linear scan, the Basic Multilingual Plane first (where nearly every named character a
        // program uses lives); only \N escapes pay for it, once per escape at compile time.
        for range in [0...0xFFFF, 0x10000...0x10FFFF] as [ClosedRange<UInt32>] {
            for v in range {
                guard let s = Unicode.Scalar(v) else { continue }
                if s.properties.name == key || s.properties.nameAlias == key { return s }
            }
        }
        return nil
    }

    /// Control and abbreviation aliases (checked against CPython's `unicodedata.lookup`).
    static let aliases: [String: UInt32] = [
        "NULL": 0x0000,
        "NUL": 0x0000,
        "START OF HEADING": 0x0001,
        "SOH": 0x0001,
        "START OF TEXT": 0x0002,
        "STX": 0x0002,
        "END OF TEXT": 0x0003,
        "ETX": 0x0003,
        "END OF TRANSMISSION": 0x0004,
        "EOT": 0x0004,
        "ENQUIRY": 0x0005,
        "ENQ": 0x0005,
        "ACKNOWLEDGE": 0x0006,
        "ACK": 0x0006,
        "ALERT": 0x0007,
        "BEL": 0x0007,
        "BACKSPACE": 0x0008,
        "BS": 0x0008,
        "CHARACTER TABULATION": 0x0009,
        "HORIZONTAL TABULATION": 0x0009,
        "HT": 0x0009,
        "TAB": 0x0009,
        "LINE FEED": 0x000A,
        "NEW LINE": 0x000A,
        "END OF LINE": 0x000A,
        "LF": 0x000A,
        "NL": 0x000A,
        "EOL": 0x000A,
        "LINE TABULATION": 0x000B,
        "VERTICAL TABULATION": 0x000B,
        "VT": 0x000B,
        "FORM FEED": 0x000C,
        "FF": 0x000C,
        "CARRIAGE RETURN": 0x000D,
        "CR": 0x000D,
        "SHIFT OUT": 0x000E,
        "LOCKING-SHIFT ONE": 0x000E,
        "SO": 0x000E,
        "SHIFT IN": 0x000F,
        "LOCKING-SHIFT ZERO": 0x000F,
        "SI": 0x000F,
        "DATA LINK ESCAPE": 0x0010,
        "DLE": 0x0010,
        "DEVICE CONTROL ONE": 0x0011,
        "DC1": 0x0011,
        "DEVICE CONTROL TWO": 0x0012,
        "DC2": 0x0012,
        "DEVICE CONTROL THREE": 0x0013,
        "DC3": 0x0013,
        "DEVICE CONTROL FOUR": 0x0014,
        "DC4": 0x0014,
        "NEGATIVE ACKNOWLEDGE": 0x0015,
        "NAK": 0x0015,
        "SYNCHRONOUS IDLE": 0x0016,
        "SYN": 0x0016,
        "END OF TRANSMISSION BLOCK": 0x0017,
        "ETB": 0x0017,
        "CANCEL": 0x0018,
        "CAN": 0x0018,
        "END OF MEDIUM": 0x0019,
        "EOM": 0x0019,
        "SUBSTITUTE": 0x001A,
        "SUB": 0x001A,
        "ESCAPE": 0x001B,
        "ESC": 0x001B,
        "INFORMATION SEPARATOR FOUR": 0x001C,
        "FILE SEPARATOR": 0x001C,
        "FS": 0x001C,
        "INFORMATION SEPARATOR THREE": 0x001D,
        "GROUP SEPARATOR": 0x001D,
        "GS": 0x001D,
        "INFORMATION SEPARATOR TWO": 0x001E,
        "RECORD SEPARATOR": 0x001E,
        "RS": 0x001E,
        "INFORMATION SEPARATOR ONE": 0x001F,
        "UNIT SEPARATOR": 0x001F,
        "US": 0x001F,
        "SP": 0x0020,
        "DELETE": 0x007F,
        "DEL": 0x007F,
        "NBSP": 0x00A0,
        "ZWSP": 0x200B,
        "BYTE ORDER MARK": 0xFEFF,
        "BOM": 0xFEFF,
        "ZWNBSP": 0xFEFF,
        "ZWJ": 0x200D,
        "ZWNJ": 0x200C

    ]
}
