#ifndef DOSSIER_CCURLRUNTIME_SHIM_H
#define DOSSIER_CCURLRUNTIME_SHIM_H

/* libcurl, called through function pointers that DossierLoading gets with dlopen and dlsym on the
   first fetch. Nothing here links libcurl, and nothing needs its headers: the few numbers used are
   written out below. libcurl never changes a published number (curl.h: "Always add new return codes
   last. Never *EVER* remove any."), so these hold for every libcurl.so.4.

   Each wrapper takes the symbol's address as `fn` and calls it with libcurl's own prototype. Swift
   cannot call curl_easy_setopt or curl_easy_getinfo, which are variadic; calling them through a
   cast to their variadic type passes each argument as C's varargs do. CURLcode, CURLoption and
   CURLINFO are C enums, passed and returned as int. */

#include <stddef.h>

/* Option numbers: CURLOPTTYPE_LONG 0, _OBJECTPOINT (strings, lists, userdata) 10000,
   _FUNCTIONPOINT 20000, plus the option's own number (curl.h, `CURLOPT(...)`). */
typedef enum {
    DOSSIER_CURLOPT_WRITEDATA = 10001,
    DOSSIER_CURLOPT_URL = 10002,
    DOSSIER_CURLOPT_ERRORBUFFER = 10010,
    DOSSIER_CURLOPT_WRITEFUNCTION = 20011,
    DOSSIER_CURLOPT_USERAGENT = 10018,
    DOSSIER_CURLOPT_LOW_SPEED_LIMIT = 19,
    DOSSIER_CURLOPT_LOW_SPEED_TIME = 20,
    DOSSIER_CURLOPT_HTTPHEADER = 10023,
    DOSSIER_CURLOPT_HEADERDATA = 10029,
    DOSSIER_CURLOPT_FOLLOWLOCATION = 52,
    DOSSIER_CURLOPT_MAXREDIRS = 68,
    DOSSIER_CURLOPT_HEADERFUNCTION = 20079,
    DOSSIER_CURLOPT_NOSIGNAL = 99,
    DOSSIER_CURLOPT_ACCEPT_ENCODING = 10102,
    DOSSIER_CURLOPT_TIMEOUT_MS = 155,
    DOSSIER_CURLOPT_CONNECTTIMEOUT_MS = 156,
    /* Bitmasks (CURLPROTO_HTTP 1<<0 | CURLPROTO_HTTPS 1<<1), deprecated since 7.85.0 but still obeyed. */
    DOSSIER_CURLOPT_PROTOCOLS = 181,
    DOSSIER_CURLOPT_REDIR_PROTOCOLS = 182,
    /* The same as names ("http,https"), libcurl 7.85.0 and later. */
    DOSSIER_CURLOPT_PROTOCOLS_STR = 10318,
    DOSSIER_CURLOPT_REDIR_PROTOCOLS_STR = 10319,
} dossier_curl_option;

#define DOSSIER_CURLPROTO_HTTP (1 << 0)
#define DOSSIER_CURLPROTO_HTTPS (1 << 1)
/* CURL_GLOBAL_ALL: CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32. */
#define DOSSIER_CURL_GLOBAL_ALL 3
/* CURL_ERROR_SIZE: the least an error buffer may hold. */
#define DOSSIER_CURL_ERROR_SIZE 256

/* Information numbers: CURLINFO_STRING 0x100000 or CURLINFO_LONG 0x200000, plus the item's number. */
typedef enum {
    DOSSIER_CURLINFO_EFFECTIVE_URL = 0x100000 + 1,
    DOSSIER_CURLINFO_RESPONSE_CODE = 0x200000 + 2,
    DOSSIER_CURLINFO_REDIRECT_COUNT = 0x200000 + 20,
    DOSSIER_CURLINFO_OS_ERRNO = 0x200000 + 25,
} dossier_curl_info;

/* CURLcode values (curl.h numbers each one in a comment beside it). */
typedef enum {
    DOSSIER_CURLE_OK = 0,
    DOSSIER_CURLE_UNSUPPORTED_PROTOCOL = 1,
    DOSSIER_CURLE_URL_MALFORMAT = 3,
    DOSSIER_CURLE_COULDNT_RESOLVE_PROXY = 5,
    DOSSIER_CURLE_COULDNT_RESOLVE_HOST = 6,
    DOSSIER_CURLE_COULDNT_CONNECT = 7,
    DOSSIER_CURLE_PARTIAL_FILE = 18,
    DOSSIER_CURLE_OPERATION_TIMEDOUT = 28,
    DOSSIER_CURLE_SSL_CONNECT_ERROR = 35,
    DOSSIER_CURLE_TOO_MANY_REDIRECTS = 47,
    DOSSIER_CURLE_UNKNOWN_OPTION = 48,
    DOSSIER_CURLE_GOT_NOTHING = 52,
    DOSSIER_CURLE_SSL_ENGINE_NOTFOUND = 53,
    DOSSIER_CURLE_SSL_ENGINE_SETFAILED = 54,
    DOSSIER_CURLE_SEND_ERROR = 55,
    DOSSIER_CURLE_RECV_ERROR = 56,
    DOSSIER_CURLE_SSL_CERTPROBLEM = 58,
    DOSSIER_CURLE_SSL_CIPHER = 59,
    DOSSIER_CURLE_PEER_FAILED_VERIFICATION = 60,
    DOSSIER_CURLE_SSL_CACERT_BADFILE = 77,
    DOSSIER_CURLE_SSL_CRL_BADFILE = 82,
    DOSSIER_CURLE_SSL_ISSUER_ERROR = 83,
    DOSSIER_CURLE_SSL_PINNEDPUBKEYNOTMATCH = 90,
    DOSSIER_CURLE_SSL_INVALIDCERTSTATUS = 91,
    DOSSIER_CURLE_SSL_CLIENTCERT = 98,
} dossier_curl_code;

/* curl_write_callback, the type of CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION. */
typedef size_t (*dossier_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);

static inline dossier_curl_code dossier_curl_global_init(void *fn, long flags) {
    return (dossier_curl_code)((int (*)(long))fn)(flags);
}

static inline void *dossier_curl_easy_init(void *fn) {
    return ((void *(*)(void))fn)();
}

static inline void dossier_curl_easy_cleanup(void *fn, void *handle) {
    ((void (*)(void *))fn)(handle);
}

/* Back to the options of a new handle; the connections, DNS and TLS session caches stay. */
static inline void dossier_curl_easy_reset(void *fn, void *handle) {
    ((void (*)(void *))fn)(handle);
}

static inline dossier_curl_code dossier_curl_easy_perform(void *fn, void *handle) {
    return (dossier_curl_code)((int (*)(void *))fn)(handle);
}

static inline const char *dossier_curl_easy_strerror(void *fn, dossier_curl_code code) {
    return ((const char *(*)(int))fn)((int)code);
}

static inline void *dossier_curl_slist_append(void *fn, void *list, const char *line) {
    return ((void *(*)(void *, const char *))fn)(list, line);
}

static inline void dossier_curl_slist_free_all(void *fn, void *list) {
    ((void (*)(void *))fn)(list);
}

/* curl_easy_setopt(CURL *, CURLoption, ...): one wrapper per type of argument libcurl reads. */
static inline dossier_curl_code dossier_curl_setopt_long(void *fn, void *handle, dossier_curl_option option, long value) {
    return (dossier_curl_code)((int (*)(void *, int, ...))fn)(handle, (int)option, value);
}

static inline dossier_curl_code dossier_curl_setopt_pointer(void *fn, void *handle, dossier_curl_option option, const void *value) {
    return (dossier_curl_code)((int (*)(void *, int, ...))fn)(handle, (int)option, value);
}

static inline dossier_curl_code dossier_curl_setopt_callback(void *fn, void *handle, dossier_curl_option option, dossier_curl_data_callback value) {
    return (dossier_curl_code)((int (*)(void *, int, ...))fn)(handle, (int)option, value);
}

/* curl_easy_getinfo(CURL *, CURLINFO, ...): libcurl writes through the pointer. */
static inline dossier_curl_code dossier_curl_getinfo_long(void *fn, void *handle, dossier_curl_info info, long *value) {
    return (dossier_curl_code)((int (*)(void *, int, ...))fn)(handle, (int)info, value);
}

static inline dossier_curl_code dossier_curl_getinfo_string(void *fn, void *handle, dossier_curl_info info, const char **value) {
    return (dossier_curl_code)((int (*)(void *, int, ...))fn)(handle, (int)info, value);
}

#endif
