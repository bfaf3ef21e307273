// TEMPORARY: replaced by the cache branch's NoteBodies on merge.
protocol NoteBodies: AnyObject, Sendable {
    func body(of note: Note) throws(CacheDamaged) -> String
}
extension BodyStore: NoteBodies {
    func body(of note: Note) throws(CacheDamaged) -> String { try read(note.body) }
}
extension Note { var bodyHash: ContentHash { body.hash } }
