/// The version `dossier --version` prints. Raised by hand at each release.
enum DossierVersion {
    static let current = "0.1.0"
}
