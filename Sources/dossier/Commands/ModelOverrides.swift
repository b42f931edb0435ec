import DossierCore
import DossierLoading
#if canImport(Glibc)
import Glibc
#endif

/// Run-time replacements for the built-in learned models, for cross-validation (TRAINING.md):
/// `DOSSIER_SPEAKER_MODEL=FILE` holds a model text written by `dossier-train-speakers --out`.
/// A missing or malformed file is a one-line error, never a silent fall-back to the built-in model.
enum ModelOverrides {
    static let speakerVariable = "DOSSIER_SPEAKER_MODEL"

    static func apply(to pipeline: inout AnnotationPipeline) throws(InputError) {
        if let model = try model(from: speakerVariable) { pipeline.speakers.ranker.model = model }
    }

    /// The model in the file the variable names, or nil when the variable is unset or empty.
    static func model(from variable: String) throws(InputError) -> LinearModel? {
        guard let raw = getenv(variable) else { return nil }
        let path = String(cString: raw)
        guard !path.isEmpty else { return nil }
        let bytes = try FileReader.read(path: path)
        do {
            return try LinearModel(text: String(decoding: bytes, as: UTF8.self))
        } catch {
            throw .unparsable(path, reason: "\(variable): not a model file: \(error)")
        }
    }
}
