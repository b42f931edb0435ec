import CCurlRuntime
#if canImport(Glibc)
import Glibc
#endif

/// One GET request, ready for libcurl: the address as Foundation's URL spells it, and the
/// validators that make it conditional.
struct CurlRequest: Sendable {
    var address: String
    var validators: Validators?
}

/// One request performed on one easy handle, under a `FetchPolicy`, blocking until it ends.
struct CurlTransfer {
    let curl: CurlLibrary
    let handle: UnsafeMutableRawPointer
    let policy: FetchPolicy

    func perform(_ request: CurlRequest) -> Result<HTTPResult, FetchError> {
        // The next request on this handle starts from libcurl's defaults again, with no pointer
        // left to this request's capture, header list or error buffer.
        defer { dossier_curl_easy_reset(curl.easyReset, handle) }
        var headers: UnsafeMutableRawPointer?
        if let etag = request.validators?.etag { headers = dossier_curl_slist_append(curl.slistAppend, headers, "If-None-Match: \(etag)") }
        if let modified = request.validators?.lastModified {
            headers = dossier_curl_slist_append(curl.slistAppend, headers, "If-Modified-Since: \(modified)")
        }
        defer { if let headers { dossier_curl_slist_free_all(curl.slistFreeAll, headers) } }

        let capture = ResponseCapture(maxBytes: policy.maxBytes)
        var errorText = [CChar](repeating: 0, count: Int(DOSSIER_CURL_ERROR_SIZE))
        let code = withExtendedLifetime(capture) {
            errorText.withUnsafeMutableBufferPointer { errorBuffer in
                let captured = Unmanaged.passUnretained(capture).toOpaque()
                set(DOSSIER_CURLOPT_URL, request.address)
                set(DOSSIER_CURLOPT_ERRORBUFFER, pointer: errorBuffer.baseAddress)
                set(DOSSIER_CURLOPT_HTTPHEADER, pointer: headers)
                set(DOSSIER_CURLOPT_HEADERFUNCTION, ResponseCapture.headerCallback)
                set(DOSSIER_CURLOPT_HEADERDATA, pointer: captured)
                set(DOSSIER_CURLOPT_WRITEFUNCTION, ResponseCapture.bodyCallback)
                set(DOSSIER_CURLOPT_WRITEDATA, pointer: captured)
                setPolicy()
                return dossier_curl_easy_perform(curl.easyPerform, handle)
            }
        }
        if let refusal = capture.refusal { return .failure(refusal) }
        guard code == DOSSIER_CURLE_OK else {
            let detail = errorText.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return .failure(error(code, detail: detail.isEmpty ? curl.message(code) : detail))
        }
        let status = info(DOSSIER_CURLINFO_RESPONSE_CODE) ?? capture.head.status
        guard status != 0 else { return .failure(.failed("no answer from the server")) }
        guard (200..<300).contains(status) || status == 304 else { return .failure(.httpStatus(status)) }
        // Without a redirect the address stays as asked; libcurl's spelling of it may differ (a "/" added).
        let redirected = (info(DOSSIER_CURLINFO_REDIRECT_COUNT) ?? 0) > 0
        let finalURL = redirected ? infoString(DOSSIER_CURLINFO_EFFECTIVE_URL) ?? request.address : request.address
        let fields = capture.head.fields
        return .success(HTTPResult(status: status, finalURL: finalURL, contentType: fields["content-type"], etag: fields["etag"],
                                   lastModified: fields["last-modified"], body: capture.body))
    }

    /// The limits, and what every request does alike. No cookie engine and no cache: libcurl
    /// starts neither unless asked. Proxies come from the environment (http_proxy, https_proxy,
    /// no_proxy), as libcurl reads them by default.
    private func setPolicy() {
        // Handles run on several threads, so libcurl must not use signals (SIGALRM for DNS timeouts);
        // URLSession set the same. Debian's libcurl resolves on a thread of its own, where timeouts still hold.
        set(DOSSIER_CURLOPT_NOSIGNAL, 1)
        set(DOSSIER_CURLOPT_USERAGENT, policy.userAgent)
        // "": every encoding this libcurl can decode (gzip and deflate at least), decoded before the write callback.
        set(DOSSIER_CURLOPT_ACCEPT_ENCODING, "")
        set(DOSSIER_CURLOPT_FOLLOWLOCATION, 1)
        set(DOSSIER_CURLOPT_MAXREDIRS, policy.maxRedirects)
        if set(DOSSIER_CURLOPT_PROTOCOLS_STR, "http,https") == DOSSIER_CURLE_UNKNOWN_OPTION {
            // libcurl before 7.85: the same as a bitmask.
            set(DOSSIER_CURLOPT_PROTOCOLS, Int(DOSSIER_CURLPROTO_HTTP | DOSSIER_CURLPROTO_HTTPS))
        }
        if set(DOSSIER_CURLOPT_REDIR_PROTOCOLS_STR, "http,https") == DOSSIER_CURLE_UNKNOWN_OPTION {
            set(DOSSIER_CURLOPT_REDIR_PROTOCOLS, Int(DOSSIER_CURLPROTO_HTTP | DOSSIER_CURLPROTO_HTTPS))
        }
        // The idle timeout: connecting may take that long, and receiving less than a byte a second
        // for that long gives up. libcurl says "timed out" for both, as for the total timeout.
        set(DOSSIER_CURLOPT_CONNECTTIMEOUT_MS, milliseconds(policy.idleTimeout))
        set(DOSSIER_CURLOPT_LOW_SPEED_LIMIT, 1)
        set(DOSSIER_CURLOPT_LOW_SPEED_TIME, max(1, Int(policy.idleTimeout.rounded(.up))))
        set(DOSSIER_CURLOPT_TIMEOUT_MS, milliseconds(policy.totalTimeout))
    }

    private func milliseconds(_ seconds: Double) -> Int { max(1, Int((seconds * 1000).rounded(.up))) }

    /// What a failed transfer means, in `FetchError`'s words.
    private func error(_ code: dossier_curl_code, detail: String) -> FetchError {
        switch code {
        case DOSSIER_CURLE_OPERATION_TIMEDOUT:
            return .timedOut
        case DOSSIER_CURLE_COULDNT_RESOLVE_HOST:
            return .cannotConnect("no such host")
        case DOSSIER_CURLE_COULDNT_RESOLVE_PROXY:
            return .cannotConnect("no such proxy host")
        case DOSSIER_CURLE_COULDNT_CONNECT:
            return .cannotConnect(info(DOSSIER_CURLINFO_OS_ERRNO) == Int(ENETUNREACH) ? "no network" : "connection refused")
        case DOSSIER_CURLE_PARTIAL_FILE, DOSSIER_CURLE_SEND_ERROR, DOSSIER_CURLE_RECV_ERROR, DOSSIER_CURLE_GOT_NOTHING:
            return .cannotConnect("the connection was lost")
        case DOSSIER_CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(policy.maxRedirects)
        case DOSSIER_CURLE_SSL_CONNECT_ERROR, DOSSIER_CURLE_PEER_FAILED_VERIFICATION, DOSSIER_CURLE_SSL_CACERT_BADFILE,
             DOSSIER_CURLE_SSL_CERTPROBLEM, DOSSIER_CURLE_SSL_CIPHER, DOSSIER_CURLE_SSL_ISSUER_ERROR, DOSSIER_CURLE_SSL_CRL_BADFILE,
             DOSSIER_CURLE_SSL_ENGINE_NOTFOUND, DOSSIER_CURLE_SSL_ENGINE_SETFAILED, DOSSIER_CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             DOSSIER_CURLE_SSL_INVALIDCERTSTATUS, DOSSIER_CURLE_SSL_CLIENTCERT:
            return .cannotConnect("the secure connection failed")
        case DOSSIER_CURLE_UNSUPPORTED_PROTOCOL, DOSSIER_CURLE_URL_MALFORMAT:
            // Also a redirect to anything but http:// or https://.
            return .invalidAddress
        default:
            return .failed(detail.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
    }

    @discardableResult
    private func set(_ option: dossier_curl_option, _ value: Int) -> dossier_curl_code {
        dossier_curl_setopt_long(curl.easySetopt, handle, option, value)
    }

    /// libcurl copies the string.
    @discardableResult
    private func set(_ option: dossier_curl_option, _ value: String) -> dossier_curl_code {
        value.withCString { dossier_curl_setopt_pointer(curl.easySetopt, handle, option, $0) }
    }

    @discardableResult
    private func set(_ option: dossier_curl_option, pointer: UnsafeRawPointer?) -> dossier_curl_code {
        dossier_curl_setopt_pointer(curl.easySetopt, handle, option, pointer)
    }

    @discardableResult
    private func set(_ option: dossier_curl_option, _ callback: dossier_curl_data_callback) -> dossier_curl_code {
        dossier_curl_setopt_callback(curl.easySetopt, handle, option, callback)
    }

    private func info(_ item: dossier_curl_info) -> Int? {
        var value = 0
        return dossier_curl_getinfo_long(curl.easyGetinfo, handle, item, &value) == DOSSIER_CURLE_OK ? value : nil
    }

    /// The string stays libcurl's: copied before the handle is reset.
    private func infoString(_ item: dossier_curl_info) -> String? {
        var value: UnsafePointer<CChar>?
        guard dossier_curl_getinfo_string(curl.easyGetinfo, handle, item, &value) == DOSSIER_CURLE_OK, let value else { return nil }
        return String(cString: value)
    }
}
