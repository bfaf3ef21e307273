/// What a build and its Markdown workers send each other: frames of an 8-byte little-endian length and a payload
/// written with `BinaryWriter`, each starting with the protocol's name so that a stranger is recognised.
enum MarkdownWire {
    static let version = "dossier-markdown-1"

    /// One job for a worker, and the memory it may use for it.
    struct Request: Sendable, Equatable {
        var job: MarkdownJob
        /// The worker's data segment limit while it renders the job.
        var memoryLimit: Int
        /// The worker ends after the job when it holds more memory than this: what a large parse leaves
        /// fragmented must not count against the next note.
        var retireAbove: Int
    }

    /// A worker's answer to one job.
    struct Reply: Sendable, Equatable {
        var output: MarkdownJob.Output
        /// The worker's processor time so far, in seconds: where the next job's time starts.
        var processorSeconds: Double
        /// The worker ends after this reply (it grew large; a fresh one takes the next job).
        var retiring: Bool
    }

    struct Damaged: Error {}

    static func frame(_ payload: [UInt8]) -> [UInt8] {
        var writer = BinaryWriter()
        writer.int(payload.count)
        return writer.bytes + payload
    }

    /// The payload length a frame's first 8 bytes announce.
    static func length(_ header: [UInt8]) throws(Damaged) -> Int {
        var reader = BinaryReader(header)
        guard let length = try? reader.int(), length >= 0 else { throw Damaged() }
        return length
    }

    static func encode(_ request: Request) -> [UInt8] {
        var writer = BinaryWriter()
        writer.string(version)
        writer.int(request.memoryLimit)
        writer.int(request.retireAbove)
        writer.int(request.job.pageDepth)
        writer.string(request.job.source)
        return writer.bytes
    }

    static func request(_ payload: [UInt8]) throws(Damaged) -> Request {
        var reader = BinaryReader(payload)
        do {
            guard try reader.string() == version else { throw Damaged() }
            let memoryLimit = try reader.int()
            let retireAbove = try reader.int()
            let depth = try reader.int()
            let job = MarkdownJob(source: try reader.string(), pageDepth: depth)
            guard reader.atEnd, memoryLimit > 0 else { throw Damaged() }
            return Request(job: job, memoryLimit: memoryLimit, retireAbove: retireAbove)
        } catch {
            throw Damaged()
        }
    }

    static func encode(_ reply: Reply) -> [UInt8] {
        var writer = BinaryWriter()
        writer.string(version)
        writer.int(Int(reply.processorSeconds * 1_000_000))
        writer.bool(reply.retiring)
        let rendered = reply.output.rendered
        writer.string(rendered.html)
        writer.strings(rendered.anchors)
        writer.int(rendered.depth)
        writer.int(rendered.links.count)
        for (link, target) in zip(rendered.links, reply.output.targets) {
            writer.string(link.url)
            writer.int(link.line)
            writer.int(link.column)
            writer.bool(link.isImage)
            writer.bool(target != nil)
            if let target { writer.siteLink(target) }
        }
        return writer.bytes
    }

    static func reply(_ payload: [UInt8]) throws(Damaged) -> Reply {
        var reader = BinaryReader(payload)
        do {
            guard try reader.string() == version else { throw Damaged() }
            let micros = try reader.int()
            let retiring = try reader.bool()
            let html = try reader.string()
            let anchors = try reader.strings()
            let depth = try reader.int()
            // Every link takes at least 25 bytes: a count beyond what is left is damage, not a reason to allocate.
            let count = try reader.count(itemSize: 25)
            var links: [Markdown.Link] = []
            var targets: [SiteLink?] = []
            links.reserveCapacity(count)
            targets.reserveCapacity(count)
            for _ in 0..<count {
                links.append(Markdown.Link(url: try reader.string(), line: try reader.int(), column: try reader.int(),
                                           isImage: try reader.bool()))
                targets.append(try reader.bool() ? try reader.siteLink() : nil)
            }
            guard reader.atEnd else { throw Damaged() }
            let rendered = Markdown.Rendered(html: html, links: links, anchors: anchors, depth: depth)
            return Reply(output: MarkdownJob.Output(rendered: rendered, targets: targets),
                         processorSeconds: Double(micros) / 1_000_000, retiring: retiring)
        } catch {
            throw Damaged()
        }
    }
}

/// Bytes received from the other side and not yet taken as frames; both the build and its workers read with it.
struct FrameBuffer {
    private var bytes: [UInt8] = []
    /// Where the bytes not yet taken start; what lies before is dropped once it is half the buffer.
    private var start = 0

    var isEmpty: Bool { bytes.count == start }

    mutating func append<C: Collection<UInt8>>(_ received: C) {
        if start > 0 && start * 2 >= bytes.count {
            bytes.removeFirst(start)
            start = 0
        }
        bytes += received
    }

    /// The next frame's payload: `nil` while it has not all arrived, `.some(nil)` when its length is damaged or
    /// over `limit`.
    mutating func next(limit: Int) -> [UInt8]?? {
        guard bytes.count - start >= 8 else { return nil }
        guard let length = try? MarkdownWire.length(Array(bytes[start..<start + 8])), length <= limit else { return .some(nil) }
        guard bytes.count - start - 8 >= length else { return nil }
        let payload = Array(bytes[start + 8..<start + 8 + length])
        start += 8 + length
        return payload
    }
}
