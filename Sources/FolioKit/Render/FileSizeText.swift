/// A file's size as the pages and the build's summary both show it, so that the two never
/// disagree: whole kilobytes of 1,024 bytes, rounded to the nearest, at least 1, grouped like
/// every other number, in the `formats.kilobytes` text of `strings.yaml` (`3,097 kB`).
public enum FileSizeText {
    public static func kilobytes(_ bytes: Int, format: String) -> String {
        let kilobytes = max(1, (bytes + 512) / 1024)
        return format.replacingOccurrences(of: "{value}", with: NumberText.format(Double(kilobytes), unit: .count))
    }
}
