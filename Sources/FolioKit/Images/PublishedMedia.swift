import Foundation

/// What of `media/` reaches the output as it is: every file but the raster originals, which may
/// carry a camera's GPS position and are published only as the stripped copies of the image stage.
enum PublishedMedia {
    static func copies(of content: SiteContent) -> [OutputFile] {
        content.mediaFiles.filter { !RasterFormat.isRasterOriginal($0) }.compactMap { path in
            FileManager.default.contents(atPath: content.folder.appendingPathComponent(path).path).map { OutputFile(path: path, data: $0) }
        }
    }
}
