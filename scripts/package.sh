#!/usr/bin/env bash
# Builds the Debian package (CPack, dependencies from dpkg-shlibdeps) into dist/,
# then checks it as a user would get it: extracted with dpkg-deb into a temporary
# folder, both programs run from there (no build folder around), the desktop entry
# and AppStream metainfo validated, and lintian run (any error fails).
# Usage: scripts/package.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ICATAG_BUILD_DIR:-$repo/build}"
dist="$repo/dist"

"$repo/scripts/build.sh"
rm -rf "$dist" && mkdir -p "$dist"
(cd "$build" && cpack -G DEB -B "$dist" >/dev/null)
rm -rf "$dist/_CPack_Packages"
deb="$(ls "$dist"/ica-tagger_*.deb)"
echo "package: $deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
cd "$root"
"$root/usr/bin/icatag" --version
QT_QPA_PLATFORM=offscreen "$root/usr/bin/ica-tagger" --version
"$root/usr/bin/ica-sim" --help >/dev/null
zcat "$root/usr/share/man/man1/icatag.1.gz" | grep -q '^\.SH COMMANDS'
test -s "$root/usr/share/bash-completion/completions/icatag"
test -s "$root/usr/share/icons/hicolor/256x256/apps/io.github.icatagger.IcaTagger.png"
desktop-file-validate "$root"/usr/share/applications/*.desktop
appstreamcli validate --no-net "$root"/usr/share/metainfo/*.metainfo.xml
# Errors fail; warnings are printed for whoever reads the log.
lintian --fail-on error "$deb" || {
  echo "package.sh: lintian found errors in $deb" >&2
  exit 1
}
echo "package.sh: $deb is fine"
