import Foundation

/// How pages served by `dossier serve` follow the site: a script, served only by `serve` under `/_dossier/` and
/// never written to the published site, listens to an event stream. After a good rebuild the stream says `reload`
/// and the page reloads; after a failed one it says `errors` and the page shows them over itself, as text. A page
/// opened while the site does not build gets the errors as soon as it connects (`hello`).
public enum LiveReload {
    /// The folder of the server's own files: no page or file of a site lies under it.
    public static let folder = "_dossier"
    public static let scriptPath = "/\(folder)/live.js"
    public static let eventsPath = "/\(folder)/events"

    /// `html` with the script loaded at the end of its head (or of the page, if it has no head).
    public static func inject(into html: Data) -> Data {
        let tag = Data("<script src=\"\(scriptPath)\" defer></script>\n".utf8)
        let end = Array("</head>".utf8)
        let bytes = [UInt8](html)
        var at = bytes.count
        if bytes.count >= end.count {
            for i in 0...(bytes.count - end.count) where bytes[i] == UInt8(ascii: "<") {
                if zip(bytes[i..<(i + end.count)], end).allSatisfy({ lowercased($0) == $1 }) { at = i; break }
            }
        }
        var out = Data(bytes[..<at])
        out.append(tag)
        out.append(contentsOf: bytes[at...])
        return out
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// What the stream says.
    public enum Event: Sendable, Equatable {
        /// On connecting: the number of the build being served, and the errors of the last rebuild if it failed.
        case hello(build: Int, errors: [String])
        /// A rebuild succeeded: pages of an earlier build reload.
        case reload(build: Int)
        /// A rebuild failed: the site served is still build `build`.
        case errors(build: Int, errors: [String])

        /// The event as Server-Sent Events text: one `event:` line and one `data:` line of JSON, which holds no
        /// line break.
        public var text: String {
            let (name, build, errors): (String, Int, [String]?) = switch self {
            case .hello(let build, let errors): ("hello", build, errors)
            case .reload(let build): ("reload", build, nil)
            case .errors(let build, let errors): ("errors", build, errors)
            }
            var fields: [String: Any] = ["build": build]
            if let errors { fields["errors"] = errors }
            let json = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            return "event: \(name)\ndata: \(json)\n\n"
        }
    }

    /// Sent now and then on an idle stream, so that a browser gone away is noticed (writing to it fails).
    public static let keepAlive = ": keep-alive\n\n"

    /// The script. It builds the overlay from text nodes, so nothing in a diagnostic is read as HTML.
    public static let script = #"""
    // dossier serve: reloads this page after each good rebuild and shows a failed rebuild's errors over it.
    // Served only by `dossier serve`; the published site never loads it.
    (function () {
      "use strict";
      var served = null;
      var overlay = null;
      function clear() {
        if (overlay) { overlay.remove(); overlay = null; }
      }
      function show(errors) {
        clear();
        overlay = document.createElement("section");
        overlay.id = "dossier-errors";
        overlay.setAttribute("role", "alert");
        overlay.setAttribute("aria-label", "Build errors");
        var s = overlay.style;
        s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.maxHeight = "60vh"; s.overflow = "auto";
        s.zIndex = "2147483647"; s.margin = "0"; s.padding = "0.75rem 1rem"; s.background = "#1d232b"; s.color = "#fdfcf9";
        s.borderTop = "4px solid #e0584f"; s.font = "14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
        var title = document.createElement("p");
        title.style.margin = "0"; title.style.fontWeight = "700";
        title.textContent = "The site does not build; you are looking at the last good build. Fix and save to reload.";
        var list = document.createElement("pre");
        // The site's stylesheet styles every <pre> (a light background, on the shipped one): undo what it may set.
        list.style.margin = "0.5rem 0 0"; list.style.whiteSpace = "pre-wrap"; list.style.font = "inherit";
        list.style.color = "inherit"; list.style.background = "none"; list.style.padding = "0"; list.style.border = "0";
        list.textContent = errors.join("\n");
        overlay.appendChild(title);
        overlay.appendChild(list);
        document.body.appendChild(overlay);
      }
      var events = new EventSource("/_dossier/events");
      events.addEventListener("hello", function (event) {
        var state = JSON.parse(event.data);
        // Built again while this page was not listening (the server restarted, or the connection dropped).
        if (served !== null && state.build !== served) { location.reload(); return; }
        served = state.build;
        if (state.errors.length > 0) { show(state.errors); } else { clear(); }
      });
      events.addEventListener("reload", function (event) {
        var state = JSON.parse(event.data);
        if (state.build !== served) { location.reload(); }
      });
      events.addEventListener("errors", function (event) {
        show(JSON.parse(event.data).errors);
      });
    })();

    """#
}
