import DossierCore
import DossierLoading
#if canImport(Glibc)
import Glibc
#endif

/// Run-time replacements for the built-in learned models, for cross-validation and experiments
/// (`Benchmarks/quality.sh` trains a model per fold and scores the fold with it):
/// `DOSSIER_ENTITY_MODEL=FILE` (as `dossier-train-entities --out` writes it) and
/// `DOSSIER_SPEAKER_MODEL=FILE` (as `dossier-train-speakers --out` writes it).
/// A missing or malformed file is a one-line error, never a silent fall-back to the built-in model.
enum ModelOverrides {
    static let entityVariable = "DOSSIER_ENTITY_MODEL"
    static let speakerVariable = "DOSSIER_SPEAKER_MODEL"

    static func apply(to pipeline: inout AnnotationPipeline) throws(InputError) {
        if let model = try model(from: entityVariable) { pipeline.entityAnnotator = EntityAnnotator(typeModel: model) }
        if let model = try model(from: speakerVariable) { pipeline.speakers.ranker.model = model }
    }

    /// The model in the file the variable names, or nil when the variable is unset or empty.
    static func model(from variable: String) throws(InputError) -> LinearModel? {
        guard let value = getenv(variable), case let path = String(cString: value), !path.isEmpty else { return nil }
        let named = "\(variable)=\(path)"
        let bytes: [UInt8]
        do { bytes = try FileReader.read(path: path) } catch {
            let message = error.description
            throw .unreadable(named, reason: message.hasPrefix(path + ": ") ? String(message.dropFirst(path.count + 2)) : message)
        }
        do { return try LinearModel(text: String(decoding: bytes, as: UTF8.self)) } catch {
            throw .unparsable(named, reason: "not a model file: \(error)")
        }
    }
}
