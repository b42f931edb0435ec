import DossierCore
import Testing
@testable import DossierLoading

@Suite struct OrderedAnnotationTests {
    /// `--jobs` bounds every thread the annotation takes: one job keeps a huge article's entity
    /// windows on one thread too, more jobs leave the pipeline's two.
    @Test func jobsBoundTheThreadsOfOneHugeArticle() {
        let loader = ArticleLoader()
        #expect(loader.pipeline.entityWindowWorkers == 2)
        #expect(OrderedAnnotation(loader: loader, jobs: 1).loader.pipeline.entityWindowWorkers == 1)
        #expect(OrderedAnnotation(loader: loader, jobs: 4).loader.pipeline.entityWindowWorkers == 2)
        let none = OrderedAnnotation(loader: loader, jobs: 0)
        #expect(none.jobs == 1 && none.loader.pipeline.entityWindowWorkers == 1)
    }
}
