// libFuzzer entry point for the theme and config parsers: any bytes in, and parsing must end in a
// theme/config or a one-line ConfigProblem — never a crash, a hang or a multi-line message.
#if canImport(Glibc)
import Glibc
#endif
import DossierTUI

/// The theme parser is internal; its public entry point, ThemeLoader.load, reads a file, so each
/// input goes through one scratch file (in /dev/shm when present, to keep it off the disk).
private let scratchPath: String = {
    let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    return "\(directory)/dossier-theme-fuzz-\(getpid()).toml"
}()

private func checkOneLine(_ problem: ConfigProblem) {
    let text = problem.description
    precondition(!text.isEmpty && !text.contains("\n"), "config problem is not one line: \(text)")
}

/// libFuzzer's driver, called from our own entry point: SwiftPM links an executable with
/// `main` defined as `ThemeFuzz_main`, so libFuzzer's `main` is never linked in and we start it.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
enum ThemeFuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, { data, size in dossierThemeFuzzTestOneInput(data, size) }))
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func dossierThemeFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let source = String(decoding: bytes, as: UTF8.self)
    do { _ = try ReaderConfig.parse(source, file: "config.toml") } catch { checkOneLine(error) }

    guard let file = fopen(scratchPath, "wb") else { return 0 }
    if size > 0 { fwrite(data, 1, size, file) }
    fclose(file)
    do {
        let theme = try ThemeLoader(userThemesDirectory: nil).load(scratchPath)
        // Elements the file leaves out come from the default theme, so every element keeps a style.
        precondition(ThemeElement.allCases.allSatisfy { theme.styles[$0] != nil }, "theme \(theme.name) lost an element")
    } catch { checkOneLine(error) }
    return 0
}
