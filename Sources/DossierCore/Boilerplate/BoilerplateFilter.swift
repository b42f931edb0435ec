/// Drops the chrome of a pasted web page (breadcrumbs, menus, share lines, comment forms,
/// cookie and adblock notices) and reports every dropped block with its reason.
///
/// UNFINISHED (skeleton): keeps everything.
public struct BoilerplateFilter: Sendable {
    public struct Result: Sendable {
        public var text: String
        public var removed: [RemovedBlock]
        public init(text: String, removed: [RemovedBlock]) {
            self.text = text
            self.removed = removed
        }
    }

    public init() {}

    public func filter(_ text: String) -> Result {
        Result(text: text, removed: [])
    }
}
