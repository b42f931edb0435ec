extension BriefingIndex {
    /// `article` with only what a briefing index reads of it: its entities (without the ids they
    /// are related to), actors, claims and source, and its text and title when `keepingText`
    /// (concordance lines and claim texts are read from it). A command that indexes a feed keeps
    /// this of each article, not every layer of annotation: `dossier index` of a 10 MB feed held
    /// 151 MB, of which the articles' paragraphs, sentences, quotes and numbers were most.
    public static func reading(_ article: AnnotatedArticle, keepingText: Bool) -> AnnotatedArticle {
        let full = article.article
        let structure = StructuredArticle(text: keepingText ? full.text : ArticleText(""),
                                          title: keepingText ? full.title : nil, standfirst: nil,
                                          paragraphs: [], sections: [], removed: [])
        let entities = article.entities.map { entity in
            var kept = entity
            kept.related = []
            return kept
        }
        return AnnotatedArticle(article: structure, entities: entities, quotes: [], numbers: [],
                                actors: article.actors, claims: article.claims, source: article.source)
    }
}
