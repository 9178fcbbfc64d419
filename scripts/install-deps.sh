#!/usr/bin/env bash
# Installs, with apt-get, whatever the build, the app and the tests need and the
# machine does not have yet. Quick (no apt-get update) when everything is present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6svg6
  qt6-httpserver-dev qt6-websockets-dev   # Qt6HttpServer's CMake config needs WebSockets
  qtkeychain-qt6-dev
  libsimdjson-dev zlib1g-dev libgl-dev
  gnome-keyring dbus dbus-x11 libsecret-tools  # a real Secret Service for the tests
  xvfb xauth                                    # screenshots under a virtual display
  dpkg-dev desktop-file-utils appstream lintian # the Debian package and its checks
  clang libclang-rt-14-dev llvm  # the sanitizer build: libFuzzer, ASan/UBSan, llvm-symbolizer
)
# Node.js and npm (for Prism, the conformance checks) may come from another
# packager than Debian's; only ask apt for them when there is no npm at all.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
