# Sourced by bin/ctxlab and bin/test: installs what a fresh Debian machine with Swift lacks.
# Safe to run again: each step checks first.

ctxlab_warn() { printf 'ctxlab setup: %s\n' "$*" >&2; }

# Runs a command as root: directly when we are root, else through passwordless sudo.
ctxlab_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"
  else return 127
  fi
}

ctxlab_apt_install() {
  ctxlab_warn "installing $* (Debian packages)..."
  if ! ctxlab_as_root true; then
    ctxlab_warn "WARNING: cannot install $*: not root and no passwordless sudo."
    ctxlab_warn "         run: sudo apt-get install -y $*"
    return 1
  fi
  ctxlab_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    ctxlab_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# libedit-dev: line editing in the REPL (the CEditLine target links it through pkg-config).
ctxlab_ensure_libedit() {
  if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libedit; then return 0; fi
  ctxlab_apt_install libedit-dev pkg-config
}

# tmux: the REPL terminal tests (Tests/ReplTerminalTests) drive ctxlab in a private tmux server.
ctxlab_ensure_tmux() {
  if command -v tmux >/dev/null 2>&1; then return 0; fi
  ctxlab_apt_install tmux
}

# chromium-headless-shell: the browser tests of exported lessons (Tests/ReplTerminalTests/ExportBrowserTests).
ctxlab_ensure_chromium() {
  if command -v chromium-headless-shell >/dev/null 2>&1 || command -v chromium >/dev/null 2>&1; then return 0; fi
  ctxlab_apt_install chromium-headless-shell fonts-dejavu-core
}

ctxlab_ensure_swift() {
  if ! command -v swift >/dev/null 2>&1; then
    if [ -x /opt/swift/usr/bin/swift ]; then export PATH="/opt/swift/usr/bin:$PATH"
    else ctxlab_warn "ERROR: no Swift toolchain on PATH (Swift 6 is needed)."; return 1
    fi
  fi
}
