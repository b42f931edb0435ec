# Sourced by the reader benchmarks (reader-memory.sh, reader-feed-time.sh): their arguments, FILE
# and an optional DOSSIER (default .build/release/dossier), and a private tmux server with a scratch
# folder, both removed on exit. Defines: root, file, dossier, scratch, session, tmux_.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
file="$(realpath "$1")"
dossier="$(realpath "${2:-$root/.build/release/dossier}")"
scratch="$(mktemp -d)"
session="reader$$"
socket="dossier-$(basename "$0" .sh)-$$"
tmux_() { tmux -L "$socket" -f /dev/null "$@"; }
# kill-server leaves the socket file behind: remove it too, or /tmp fills with one per run.
socket_file="${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
trap 'tmux_ kill-server 2>/dev/null || true; rm -f "$socket_file"; rm -rf "$scratch"' EXIT
