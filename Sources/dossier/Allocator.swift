import CSystem

/// How glibc's allocator serves a command that builds a site (not the Markdown workers, which tune their own).
enum Allocator {
    /// Blocks of 128 KiB and more mapped and unmapped on their own; free memory at the top of a heap returned
    /// past 1 MiB. A build makes and drops tens of megabytes at a time (the search index, the cache files), and
    /// glibc's default thresholds, which rise with each large block freed, kept them: at 50,000 notes the peak
    /// was 406 MiB with the defaults and 359 MiB with these, in the same time (`make bench`, and GNU time on
    /// cold builds). One arena instead of one per thread saved 15 MiB more but cost 5% of the time.
    static func tuneForBuilds() {
        _ = dossier_tune_allocator(128 * 1024, 1 << 20)
    }
}
