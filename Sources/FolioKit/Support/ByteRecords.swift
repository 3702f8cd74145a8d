import Foundation

/// Records of Folio's own caches written as bytes: integers as 32-bit little-endian, strings and
/// data with their length first.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        let value = UInt32(clamping: value)
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes += value.utf8
    }

    mutating func data(_ value: Data) {
        int(value.count)
        bytes += value
    }
}

/// Reads what a `ByteWriter` wrote; nil for anything cut short.
struct ByteReader {
    private let data: Data
    private var position: Int

    init(_ data: Data) {
        self.data = data
        position = data.startIndex
    }

    var isAtEnd: Bool { position == data.endIndex }

    mutating func int() -> Int? {
        guard data.endIndex - position >= 4 else { return nil }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(data[position + index]) << UInt32(8 * index) }
        position += 4
        return Int(value)
    }

    mutating func string() -> String? {
        dataRange().map { String(decoding: data[$0], as: UTF8.self) }
    }

    /// Where the next length-prefixed run of bytes stands.
    mutating func dataRange() -> Range<Int>? {
        guard let count = int(), data.endIndex - position >= count else { return nil }
        defer { position += count }
        return position..<position + count
    }
}
