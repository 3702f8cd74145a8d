import Glibc

/// Finding bytes in bytes: `memchr` jumps to each candidate first byte, `memcmp` checks the rest
/// (glibc's `memmem` is not visible to Swift here).
enum ByteSearch {
    /// The first offset at or after `start` where `needle` stands in `haystack`.
    static func firstOffset(of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let needleBase = needle.baseAddress, let base = haystack.baseAddress, needle.count > 0 else { return nil }
        let last = haystack.count - needle.count
        var offset = start
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(needle[0]), last - offset + 1) else { return nil }
            offset = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + offset, needleBase, needle.count) == 0 { return offset }
            offset += 1
        }
        return nil
    }
}
