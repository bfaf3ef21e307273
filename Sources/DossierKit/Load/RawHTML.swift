/// Scrapes sometimes carry markup. Articles are text: tags are dropped, and so is everything inside a closed
/// `<script>`, `<style>` or similar element, whose content is never article text. An element left open loses
/// only its tag: the text after it may well be the article.
enum RawHTML {
    static let opaqueElements = ["script", "style", "iframe", "noscript", "template", "object"]

    static func strip(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return text }
        var out = text
        // Repeated until nothing changes, so that "<scr<b></b>ipt>" cannot reassemble a tag.
        while true {
            var next = out
            for element in opaqueElements {
                if let block = try? Regex("(?is)<\(element)\\b[^>]*>.*?</\(element)\\s*>") {
                    next = next.replacing(block, with: "")
                }
            }
            next = next.replacing(#/<!--.*?(-->|$)/#.dotMatchesNewlines(), with: "")
            next = next.replacing(#/<\/?[A-Za-z!?][^<>]*>/#, with: "")
            if next == out { return out }
            out = next
        }
    }
}
