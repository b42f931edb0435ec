#ifndef DOSSIER_CNCURSESW_SHIM_H
#define DOSSIER_CNCURSESW_SHIM_H
// Debian's ncursesw.pc passes -D_XOPEN_SOURCE=600, which SwiftPM drops; without these the
// wide-character API (mvwaddnwstr, wget_wch, cchar_t) is not declared.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>

// Swift cannot use ncurses macros or its global variables; reach them through these.
static inline WINDOW *dossier_stdscr(void) { return stdscr; }
static inline int dossier_lines(void) { return LINES; }
static inline int dossier_cols(void) { return COLS; }
static inline int dossier_colors(void) { return COLORS; }
static inline int dossier_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t dossier_a_normal(void) { return A_NORMAL; }
static inline attr_t dossier_a_bold(void) { return A_BOLD; }
static inline attr_t dossier_a_underline(void) { return A_UNDERLINE; }
static inline attr_t dossier_a_reverse(void) { return A_REVERSE; }
static inline attr_t dossier_a_dim(void) { return A_DIM; }
#ifdef A_ITALIC
static inline attr_t dossier_a_italic(void) { return A_ITALIC; }
#else
static inline attr_t dossier_a_italic(void) { return A_UNDERLINE; }
#endif
static inline int dossier_key_f(int n) { return KEY_F(n); }
static inline int dossier_key_resize(void) { return KEY_RESIZE; }
static inline int dossier_key_mouse(void) { return KEY_MOUSE; }
static inline int dossier_err(void) { return ERR; }
static inline int dossier_ok(void) { return OK; }
static inline int dossier_key_code_yes(void) { return KEY_CODE_YES; }
static inline void dossier_setlocale_all(void) { setlocale(LC_ALL, ""); }

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

// Wide-character attributes with extended colour pairs (pair numbers above 32767 need the opts pointer).
static inline int dossier_set_style(WINDOW *win, attr_t attrs, int pair) {
    return wattr_set(win, attrs, (short)(pair > 32767 ? 0 : pair), &pair);
}
static inline mmask_t dossier_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t dossier_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t dossier_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t dossier_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t dossier_button5_pressed(void) { return 0; }
#endif
// getmouse: fills column, row and the button state; returns OK or ERR.
static inline int dossier_getmouse(int *x, int *y, mmask_t *state) {
    MEVENT event;
    int result = getmouse(&event);
    if (result == OK) { *x = event.x; *y = event.y; *state = event.bstate; }
    return result;
}

// The terminal is restored on every way out: endwin from atexit and from the fatal signals, so
// q, Ctrl-C, SIGTERM, SIGHUP, SIGQUIT and a trapped precondition all leave a sane terminal.
static volatile sig_atomic_t dossier_screen_open = 0;
static void dossier_restore_terminal(void) {
    if (dossier_screen_open) { dossier_screen_open = 0; endwin(); }
}
static void dossier_fatal_signal(int sig) {
    dossier_restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}
static inline void dossier_install_restore_handlers(void) {
    static int registered = 0;
    int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) signal(signals[i], dossier_fatal_signal);
    if (!registered) { registered = 1; atexit(dossier_restore_terminal); }
}
// Opens curses on standard output; keys come from /dev/tty when standard input carries the article (like less).
static inline SCREEN *dossier_open_screen(int keys_from_dev_tty) {
    FILE *in = stdin;
    if (keys_from_dev_tty) {
        in = fopen("/dev/tty", "r");
        if (!in) return NULL;
    }
    SCREEN *screen = newterm(NULL, stdout, in);
    if (screen) { set_term(screen); dossier_screen_open = 1; }
    return screen;
}
static inline void dossier_close_screen(void) { dossier_restore_terminal(); }
#endif
