/// Picks black or white text for a background colour, whichever has the higher WCAG contrast
/// ratio, so that badges in the editors' sector colours stay readable.
enum Contrast {
    static func textColour(on background: String) -> String {
        let luminance = relativeLuminance(background)
        let withWhite = 1.05 / (luminance + 0.05)
        let withBlack = (luminance + 0.05) / 0.05
        return withWhite >= withBlack ? "#ffffff" : "#000000"
    }

    static func relativeLuminance(_ hex: String) -> Double {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return 0 }
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }
}

import Foundation
