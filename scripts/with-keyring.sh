#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with gnome-keyring's Secret Service
# started and unlocked (test password), so tests store secrets in a real keychain
# without touching the user's own. Usage: scripts/with-keyring.sh COMMAND [ARGS...]
set -euo pipefail
if [ "${ICATAG_IN_KEYRING_SESSION:-}" = 1 ]; then
  exec "$@"
fi
export ICATAG_IN_KEYRING_SESSION=1
# A throwaway home for the keyring files: nothing lands in the real ~/.local.
keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- bash -c '
  # --unlock reads the login password from stdin and creates the keyring with it.
  eval "$(printf "icatag-test\n" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  "$@"
' keyring-session "$@"
