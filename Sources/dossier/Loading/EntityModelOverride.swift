import DossierCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `DOSSIER_ENTITY_MODEL=FILE`: a model text (as `dossier-train-entities --out` writes it) that
/// replaces the built-in entity type model, for cross-validation and experiments.
enum EntityModelOverride {
    static let variable = "DOSSIER_ENTITY_MODEL"

    /// The model the variable names, nil when it is unset or empty; a missing or malformed file is an error.
    static func model() throws(InputError) -> LinearModel? {
        guard let value = getenv(variable), case let path = String(cString: value), !path.isEmpty else { return nil }
        let bytes: [UInt8]
        let named = "\(variable)=\(path)"
        do { bytes = try FileReader.read(path: path) } catch {
            let message = error.description
            throw .unreadable(named, reason: message.hasPrefix(path + ": ") ? String(message.dropFirst(path.count + 2)) : message)
        }
        do { return try LinearModel(text: String(decoding: bytes, as: UTF8.self)) } catch {
            throw .unparsable(named, reason: error.description)
        }
    }
}
