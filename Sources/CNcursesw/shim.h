// ncursesw for Swift. NCURSES_WIDECHAR must come before any include: without it the wide-character
// API (get_wch, setcchar, cchar_t) is hidden, and SwiftPM drops pkg-config's -D_XOPEN_SOURCE.
#ifndef CIODASH_NCURSES_SHIM_H
#define CIODASH_NCURSES_SHIM_H

#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncurses.h>
#include <term.h>

// Not visible through Glibc's module without _XOPEN_SOURCE.
extern int wcwidth(wchar_t c);

// Attribute macros Swift cannot import.
static inline attr_t ciodash_a_normal(void) { return A_NORMAL; }
static inline attr_t ciodash_a_bold(void) { return A_BOLD; }
static inline attr_t ciodash_a_reverse(void) { return A_REVERSE; }
static inline attr_t ciodash_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ciodash_a_dim(void) { return A_DIM; }

static inline int ciodash_key_f(int n) { return KEY_F(n); }

// C globals that Swift 6 concurrency checking rejects.
static inline WINDOW *ciodash_stdscr(void) { return stdscr; }
static inline WINDOW *ciodash_curscr(void) { return curscr; }
static inline int ciodash_lines(void) { return LINES; }
static inline int ciodash_cols(void) { return COLS; }
static inline int ciodash_colors(void) { return COLORS; }
static inline int ciodash_escdelay(void) { return ESCDELAY; }
static inline FILE *ciodash_stdout(void) { return stdout; }
static inline FILE *ciodash_stdin(void) { return stdin; }
static inline TERMINAL *ciodash_cur_term(void) { return cur_term; }

static inline const char *ciodash_codeset(void) { return nl_langinfo(CODESET); }

#endif
