/// The script the preview server adds to every HTML page it serves: it asks for the build status
/// again as soon as it has an answer, naming the revision it saw, and the server answers when
/// there is a new one (`PreviewStatus`); it reloads when new pages are ready, and shows build
/// errors over the page (the last good page stays underneath).
enum LiveReload {
    static func inject(into html: String, version: Int) -> String {
        let script = """
        <script>
        (function () {
          var seen = \(version), revision = null;
          function check() {
            var request = new XMLHttpRequest();
            request.open("GET", "/__folio/status" + (revision === null ? "" : "?after=" + revision));
            request.onload = function () {
              var status = JSON.parse(request.responseText);
              if (status.version !== seen) { location.reload(); return; }
              revision = status.revision;
              check();
              var overlay = document.getElementById("folio-errors");
              if (status.problems.length === 0) { if (overlay) overlay.remove(); return; }
              if (!overlay) {
                overlay = document.createElement("pre");
                overlay.id = "folio-errors";
                overlay.setAttribute("role", "alert");
                overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1em;background:#7a1010;color:#fff;font:14px/1.4 monospace;z-index:99999;white-space:pre-wrap";
                document.body.appendChild(overlay);
              }
              overlay.textContent = status.problems.join("\\n");
            };
            request.onerror = function () { setTimeout(check, 1000); };
            request.send();
          }
          check();
        })();
        </script>
        """
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + script }
        return html.replacingCharacters(in: range, with: script + "\n</body>")
    }
}

import Foundation
