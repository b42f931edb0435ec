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
#endif
