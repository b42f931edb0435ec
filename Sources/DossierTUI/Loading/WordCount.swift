import DossierCore

/// Words as `wc -w` counts them: runs of non-whitespace. One pass over the scalars.
enum WordCount {
    static func of(_ scalars: ArticleScalars) -> Int {
        var count = 0
        var inWord = false
        for scalar in scalars {
            let space = scalar.value < 0x80 ? (scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
            if space { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }
}
