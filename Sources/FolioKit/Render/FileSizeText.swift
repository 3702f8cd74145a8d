/// A file's size as the pages and the build's summary both show it, so that the two never
/// disagree: whole kilobytes of 1,024 bytes below one megabyte (rounded to the nearest, at least
/// 1), megabytes with one decimal from there, grouped like every other number, in the
/// `formats.kilobytes` / `formats.megabytes` texts of `strings.yaml` (`94 kB`, `3.1 MB`).
public enum FileSizeText {
    public struct Formats: Sendable {
        var kilobytes = "{value} kB"
        var megabytes = "{value} MB"
        var thousandsSeparator = ","
        var decimalSeparator = "."
    }

    public static func text(_ bytes: Int, theme: Theme) -> String {
        text(bytes, formats: Formats(kilobytes: theme.string("formats.kilobytes"), megabytes: theme.string("formats.megabytes"),
                                     thousandsSeparator: theme.string("formats.thousandsSeparator"),
                                     decimalSeparator: theme.string("formats.decimalSeparator")))
    }

    static func text(_ bytes: Int, formats: Formats) -> String {
        let kilobytes = max(1, (bytes + 512) / 1024)
        let (format, value) = kilobytes < 1024
            ? (formats.kilobytes, Double(kilobytes))
            : (formats.megabytes, Double(bytes) / 1_048_576)
        let number = NumberText.grouped(value, separator: formats.thousandsSeparator, decimalSeparator: formats.decimalSeparator)
        return format.replacingOccurrences(of: "{value}", with: number)
    }
}
