#!/usr/bin/env bash
# Benchmarks ctxlab against CPython side by side (see bench/run.py). Builds the release binary first.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/bin/setup.sh"
ctxlab_ensure_swift
ctxlab_ensure_libedit || { ctxlab_warn "ERROR: libedit-dev is required to build ctxlab."; exit 1; }
cd "$root"
swift build -c release --product ctxlab >&2
exec python3 "$root/bench/run.py" "$@"
