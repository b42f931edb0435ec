import ArgumentParser

/// `--jobs N`, for the commands that annotate several articles (`annotate`, `index`, `export`).
struct JobsOption: ParsableArguments {
    @Option(name: .shortAndLong, help: "Annotate up to N articles at once, on up to N threads (default: the number of cores). Output keeps the input order.")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs needs a number of 1 or more") }
    }

    /// How many articles to annotate at once.
    var count: Int { jobs ?? CommandInput.processorCount }
}
