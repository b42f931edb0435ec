import Foundation

/// Where the notes database lives: `--db PATH`, else `$DOSSIER_DB`, else
/// `$XDG_DATA_HOME/dossier/dossier.sqlite`, else `~/.local/share/dossier/dossier.sqlite`.
public enum StoreLocation {
    public static let fileName = "dossier.sqlite"

    /// Nil only when there is no option, no variable and no home folder to fall back on.
    public static func path(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let option, !option.isEmpty { return option }
        if let explicit = environment["DOSSIER_DB"], !explicit.isEmpty { return explicit }
        // The XDG spec says relative values are invalid and must be ignored.
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return join(dataHome, "dossier", fileName)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return join(home, ".local/share/dossier", fileName)
        }
        return nil
    }

    /// Where the reader's `e` writes by default: `$XDG_DATA_HOME/dossier/exports`, else
    /// `~/.local/share/dossier/exports`. Not beside the articles, where the library would list them.
    public static func exportsFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") { return join(dataHome, "dossier", "exports") }
        if let home = environment["HOME"], !home.isEmpty { return join(home, ".local/share/dossier", "exports") }
        return nil
    }

    private static func join(_ parts: String...) -> String {
        var out = ""
        for part in parts {
            if out.isEmpty { out = part; continue }
            if !out.hasSuffix("/") { out += "/" }
            out += part
        }
        return out
    }
}
