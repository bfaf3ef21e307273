import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches what a build reads (`site.yml`, `content/`, `templates/`) and reports what changed, as paths relative to
/// the site, once the changes stop for a moment: an editor's save (often a write, a rename and a chmod) and several
/// quick saves give one report. `nil` in a report means "anything may have changed" (the kernel's queue overflowed,
/// a whole folder moved in). inotify on Linux; elsewhere, or when inotify is refused (the watch limit reached), the
/// files' sizes and times are compared a few times a second.
public final class FileWatcher: @unchecked Sendable {
    public enum Method: String, Sendable { case inotify, polling }

    /// How long the files must be quiet before a report, and how long a stream of changes may delay one.
    public static let quiet: Duration = .milliseconds(10)
    public static let longest: Duration = .milliseconds(400)

    public let site: URL
    public private(set) var method: Method
    private let report: @Sendable (Set<String>?) -> Void
    private let wake: (read: Int32, write: Int32)
    private var thread: Thread?
    private let done = DispatchSemaphore(value: 0)
    #if os(Linux)
    private var inotify: Int32 = -1
    private var folders: [Int32: String] = [:]
    #endif

    /// Starts watching `site`; `report` is called on the watcher's own thread. `method` forces one way of watching.
    public init(site: URL, method: Method? = nil, report: @escaping @Sendable (Set<String>?) -> Void) throws {
        self.site = site
        self.report = report
        var fds: [Int32] = [0, 0]
        // Closed on exec: the Markdown workers started later must not hold the watcher's pipe.
        guard pipe(&fds) == 0 else { throw PublishError("cannot watch \(site.path): \(String(cString: strerror(errno)))") }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        wake = (fds[0], fds[1])
        self.method = .polling
        #if os(Linux)
        if method != .polling, startInotify() { self.method = .inotify }
        #endif
        // The first scan before returning, as inotify's watches are: a save made once the watcher exists is seen.
        let first = self.method == .polling ? Self.scan(site) : [:]
        let thread = Thread { [unowned self] in
            switch self.method {
            case .inotify: self.runInotify()
            case .polling: self.runPolling(from: first)
            }
            self.done.signal()
        }
        thread.name = "dossier file watcher"
        self.thread = thread
        thread.start()
    }

    /// Stops watching; returns when the watcher's thread has ended.
    public func stop() {
        guard thread != nil else { return }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        done.wait()
        thread = nil
        #if os(Linux)
        if inotify >= 0 { close(inotify) }
        #endif
        close(wake.read)
        close(wake.write)
    }

    /// The watching thread holds the watcher until `stop`: call it.

    /// Whether a change at `path` (relative to the site) can change the site: what lies in `content/` or
    /// `templates/`, and `site.yml`; never a hidden file (editors' swap files), which the build does not read.
    static func matters(_ path: String) -> Bool {
        guard path == SiteConfig.path || path.hasPrefix("content/") || path.hasPrefix("templates/") else { return false }
        return !path.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// Waits until the wake pipe or `fd` is readable, at most `timeout`; whether to go on (not stopped).
    private func wait(for fd: Int32?, timeout: Duration) -> (go: Bool, readable: Bool) {
        var fds = [pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        if let fd { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
        let ms = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let n = poll(&fds, nfds_t(fds.count), ms)
        if n > 0 && fds[0].revents != 0 { return (false, false) }
        return (true, n > 0 && fds.count > 1 && fds[1].revents != 0)
    }

    // MARK: Polling

    private func runPolling(from first: [String: Stamp]) {
        var last = first
        while wait(for: nil, timeout: .milliseconds(250)).go {
            // What the next scan compares with is the very scan the changes were found in: a file changed between
            // two scans is in the second's difference.
            var current = Self.scan(site)
            var changed = Self.differences(last, current)
            guard !changed.isEmpty else { continue }
            // Let a save finish: scan until two scans agree.
            let start = ContinuousClock.now
            while ContinuousClock.now - start < Self.longest, wait(for: nil, timeout: Self.quiet).go {
                let next = Self.scan(site)
                let more = Self.differences(current, next)
                current = next
                if more.isEmpty { break }
                changed.formUnion(more)
            }
            last = current
            let relevant = changed.filter(Self.matters)
            if !relevant.isEmpty { report(relevant) }
        }
    }

    /// Size, change time and inode of every file a build may read.
    struct Stamp: Equatable { var size: Int64; var changed: Int64; var inode: UInt64 }

    static func scan(_ site: URL) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        func add(_ relative: String) {
            var info = stat()
            // Files only: a folder changes whenever a file in it comes or goes, which the files say themselves.
            guard lstat(site.appendingPathComponent(relative).path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return }
            #if os(Linux)
            // The change time moves on every write, rename, chmod and utimes.
            let time = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
            #else
            let time = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
            #endif
            stamps[relative] = Stamp(size: Int64(info.st_size), changed: time, inode: UInt64(info.st_ino))
        }
        add(SiteConfig.path)
        for folder in ["content", "templates"] {
            guard let walker = FileManager.default.enumerator(atPath: site.appendingPathComponent(folder).path) else { continue }
            while let name = walker.nextObject() as? String { add(folder + "/" + name) }
        }
        return stamps
    }

    static func differences(_ a: [String: Stamp], _ b: [String: Stamp]) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in b where a[path] != stamp { changed.insert(path) }
        for path in a.keys where b[path] == nil { changed.insert(path) }
        return changed
    }

    // MARK: inotify

    #if os(Linux)
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM
                                     | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    private func startInotify() -> Bool {
        inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard inotify >= 0 else { return false }
        // The site folder itself: for site.yml, and for content/ or templates/ made or replaced.
        guard addWatch("") else { close(inotify); inotify = -1; return false }
        for folder in ["content", "templates"] where !addTree(folder) {
            close(inotify)
            inotify = -1
            return false
        }
        return true
    }

    /// Watches `relative` (a folder of the site, `""` for the site itself); false if inotify refuses.
    private func addWatch(_ relative: String) -> Bool {
        let path = relative.isEmpty ? site.path : site.appendingPathComponent(relative).path
        let wd = inotify_add_watch(inotify, path, Self.mask)
        if wd >= 0 { folders[wd] = relative; return true }
        return errno == ENOENT || errno == ENOTDIR
    }

    /// Watches `relative` and every folder below it.
    private func addTree(_ relative: String) -> Bool {
        guard addWatch(relative) else { return false }
        let path = site.appendingPathComponent(relative).path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return true }
        for name in names.sorted() where !name.hasPrefix(".") {
            var info = stat()
            if lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                if !addTree(relative + "/" + name) { return false }
            }
        }
        return true
    }

    private func runInotify() {
        while true {
            guard case let (go, readable) = wait(for: inotify, timeout: .seconds(3600)), go else { return }
            guard readable else { continue }
            var changed: Set<String>? = []
            readEvents(into: &changed)
            // Gather the rest of the save.
            let start = ContinuousClock.now
            while ContinuousClock.now - start < Self.longest {
                let (go, readable) = wait(for: inotify, timeout: Self.quiet)
                guard go else { return }
                guard readable else { break }
                readEvents(into: &changed)
            }
            if let paths = changed {
                let relevant = paths.filter(Self.matters)
                if !relevant.isEmpty { report(relevant) }
            } else {
                report(nil)
            }
        }
    }

    private func readEvents(into changed: inout Set<String>?) {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = read(inotify, buffer, size)
            guard n > 0 else { return }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size)
                let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                handle(event, name: name, changed: &changed)
            }
        }
    }

    private func handle(_ event: inotify_event, name: String, changed: inout Set<String>?) {
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { changed = nil; return }
        guard let folder = folders[event.wd] else { return }
        if event.mask & UInt32(IN_IGNORED) != 0 { folders[event.wd] = nil; return }
        if event.mask & UInt32(IN_MOVE_SELF) != 0 {
            // A watched folder moved. Moved within the site, it was watched again under its new name (inotify gives
            // the same watch) and its path here is already the new one; moved out, its path names nothing now, and
            // the watch goes.
            var info = stat()
            let path = folder.isEmpty ? site.path : site.appendingPathComponent(folder).path
            if lstat(path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR {
                inotify_rm_watch(inotify, event.wd)
                folders[event.wd] = nil
            }
            return
        }
        let path = folder.isEmpty ? name : (name.isEmpty ? folder : folder + "/" + name)
        // In the site folder itself only site.yml, content/ and templates/ matter (not public/, which a build
        // replaces, nor the cache).
        if folder.isEmpty && !["content", "templates", SiteConfig.path].contains(name) { return }
        let isFolder = event.mask & UInt32(IN_ISDIR) != 0
        if isFolder && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            // A folder made or moved in: watch it, and what it already holds may be new to the build.
            // A hidden folder (a tool's, an editor's) is not read by the build, as `addTree` does not watch one.
            if name.hasPrefix(".") { return }
            _ = addTree(path)
            changed = nil
            return
        }
        if isFolder && folder.isEmpty { changed = nil; return }
        changed?.insert(path)
    }
    #else
    private func runInotify() {}
    #endif
}
