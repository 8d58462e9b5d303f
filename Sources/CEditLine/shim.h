// CEditLine: the libedit shim.
//
// Swift cannot call C variadic functions, and libedit's configuration entry points (el_set,
// el_get, history) are all variadic. Each use LineEditor needs is wrapped here in one
// non-variadic `static inline` function named after what it does. Nothing but the LineEditor
// target imports this module, and no type declared here appears in LineEditor's public API.
#ifndef CTXLAB_CEDITLINE_SHIM_H
#define CTXLAB_CEDITLINE_SHIM_H

#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

// MARK: - Opening and closing

/// el_init on the given descriptors. FILE streams are fdopen'ed on duplicates of the
/// descriptors unless they are 0/1/2, so closing them never closes the caller's descriptors.
/// The streams are returned so that the caller can write to the same buffered stream libedit
/// uses (keeps output ordered) and close them again with ctxlab_close_stream.
static inline EditLine *ctxlab_el_open(const char *prog, int infd, int outfd,
                                       FILE **in, FILE **out) {
    *in = infd == 0 ? stdin : fdopen(dup(infd), "r");
    *out = outfd == 1 ? stdout : fdopen(dup(outfd), "w");
    if (*in == NULL || *out == NULL) return NULL;
    return el_init_fd(prog, *in, *out, stderr, infd, outfd, 2);
}

/// fclose, except for the process's standard streams.
static inline void ctxlab_close_stream(FILE *f) {
    if (f != NULL && f != stdin && f != stdout && f != stderr) fclose(f);
}

/// setlocale(LC_CTYPE, "") as libedit needs for multibyte editing; falls back to C.UTF-8 when
/// the environment names no UTF-8 locale (libedit only decodes UTF-8 in a UTF-8 locale).
static inline void ctxlab_setup_ctype_locale(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || strcmp(codeset, "UTF-8") != 0) setlocale(LC_CTYPE, "C.UTF-8");
}

// MARK: - el_set / el_get wrappers

/// EL_PROMPT_ESC: the prompt function, with `ignore` delimiting non-printing sequences.
static inline int ctxlab_el_set_prompt_esc(EditLine *el, char *(*fn)(EditLine *), char ignore) {
    return el_set(el, EL_PROMPT_ESC, fn, (int)ignore);
}

/// EL_EDITOR: "emacs" or "vi".
/// EL_TERMINAL: the terminal type (el_init takes it from $TERM).
static inline int ctxlab_el_set_terminal(EditLine *el, const char *type) {
    return el_set(el, EL_TERMINAL, type);
}

static inline int ctxlab_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

/// EL_BIND: bind a key sequence (e.g. "^R") to a named editor command.
static inline int ctxlab_el_bind_key(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}

/// EL_ADDFN: register a user function under a name usable with EL_BIND.
static inline int ctxlab_el_set_addfn(EditLine *el, const char *name, const char *help,
                                      unsigned char (*fn)(EditLine *, int)) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

/// EL_HIST: attach a history (needed by the history and incremental-search commands).
static inline int ctxlab_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

/// EL_GETCFN: replace the function that reads one character.
static inline int ctxlab_el_set_getcfn(EditLine *el, el_rfunc_t fn) {
    return el_set(el, EL_GETCFN, fn);
}

/// EL_SIGNAL: whether libedit installs its own signal handlers (LineEditor says no).
static inline int ctxlab_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

/// EL_CLIENTDATA (set).
static inline int ctxlab_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

/// EL_CLIENTDATA (get); NULL when unset.
static inline void *ctxlab_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

/// EL_REFRESH: redraw the prompt and the line.
static inline int ctxlab_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

/// EL_GETTC "co": the terminal width libedit uses, or `fallback`.
static inline int ctxlab_el_columns(EditLine *el, int fallback) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0 || columns <= 0) return fallback;
    return columns;
}

// MARK: - history wrappers

/// H_ENTER: append an entry.
static inline int ctxlab_history_enter(History *h, const char *entry) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, entry);
}

/// H_SETSIZE: maximum number of entries kept.
static inline int ctxlab_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}

/// H_SETUNIQUE: drop an entry equal to the previous one.
static inline int ctxlab_history_set_unique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}

/// H_GETSIZE: number of entries.
static inline int ctxlab_history_count(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_GETSIZE) != 0) return 0;
    return ev.num;
}

// MARK: - signals

/// Installs `handler` for `signo` without SA_RESTART, saving the previous action in `old`.
static inline int ctxlab_signal_install(int signo, void (*handler)(int), struct sigaction *old) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    return sigaction(signo, &action, old);
}

/// Restores an action saved by ctxlab_signal_install.
static inline int ctxlab_signal_restore(int signo, const struct sigaction *old) {
    return sigaction(signo, old, NULL);
}

/// Stops the process as Ctrl-Z would: SIGTSTP with its default action (the relayed handler
/// is set aside meanwhile), returning once the process is continued (`fg`).
static inline void ctxlab_stop_self(void) {
    struct sigaction stop, previous;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTSTP, &stop, &previous);
    sigset_t only, mask;
    sigemptyset(&only);
    sigaddset(&only, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &only, &mask);
    raise(SIGTSTP);
    pthread_sigmask(SIG_SETMASK, &mask, NULL);
    sigaction(SIGTSTP, &previous, NULL);
}

/// Ends the process by `signo` with its default action (a core dump for SIGQUIT), as if no
/// handler had been installed.
__attribute__((noreturn)) static inline void ctxlab_die_by_signal(int signo) {
    signal(signo, SIG_DFL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, signo);
    pthread_sigmask(SIG_UNBLOCK, &only, NULL);
    raise(signo);
    _exit(128 + signo);
}

/// EL_PREP_TERM: put the terminal in edit (raw) mode, or back in the mode it had (cooked).
static inline int ctxlab_el_prep_term(EditLine *el, int raw) {
    return el_set(el, EL_PREP_TERM, raw);
}

#endif
