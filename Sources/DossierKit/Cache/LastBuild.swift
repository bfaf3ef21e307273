import Foundation

/// What the last successful build of a site saw and made. When every input (content, templates, assets and the
/// dossier program itself) hashes the same again and the output still holds what that build wrote, nothing can
/// have changed: the build reports what it reported then and stops.
struct LastBuild {
    static let format = "dossier-last-build-4"

    var inputs: ContentHash
    var output: ContentHash
    /// The program that made the build (`LastBuild.program` then): files another one wrote are not reused.
    var program = LastBuild.program
    var notes = 0, drafts = 0, articles = 0, topics = 0, pages = 0, files = 0
    var diagnostics: [Diagnostic] = []

    /// The record at `path`; `nil` when there is none or it has another format.
    static func load(from path: String, name: String) throws(CacheDamaged) -> LastBuild? {
        guard let bytes = try CacheFile.bytes(at: path, name: name) else { return nil }
        var r = BinaryReader(bytes)
        guard (try? r.string()) == format else { return nil }
        guard let inputs = try? r.hash(), let output = try? r.hash(), let program = try? r.hash(),
              let counts = try? (0..<6).map({ _ in try r.int() }), let diagnostics = try? readDiagnostics(&r), r.atEnd
        else { throw CacheDamaged(file: name) }
        return LastBuild(inputs: inputs, output: output, program: program, notes: counts[0], drafts: counts[5], articles: counts[1],
                         topics: counts[2], pages: counts[3], files: counts[4], diagnostics: diagnostics)
    }

    func save(to path: String) {
        var w = BinaryWriter()
        w.string(Self.format); w.hash(inputs); w.hash(output); w.hash(program)
        for count in [notes, articles, topics, pages, files, drafts] { w.int(count) }
        writeDiagnostics(diagnostics, to: &w)
        CacheFile.write(&w, to: path)
    }

    /// The running program's identity (path, size and modification time of its executable): a new build of
    /// dossier may render differently, so nothing cached by another one is reused.
    static let program: ContentHash = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        var info = stat()
        guard stat(path, &info) == 0 else { return ContentHash(path) }
        return ContentHash("\(path)\u{0}\(info.st_size)\u{0}\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
    }()
}
