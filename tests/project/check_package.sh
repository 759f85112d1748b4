#!/usr/bin/env bash
# Builds the Debian package with CPack, unpacks it into a temporary root (dpkg -x) and runs the
# installed executables from there. Also checks the desktop entry and the AppStream metadata.
set -euo pipefail
build_dir="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/*.deb)
echo "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"
dpkg-deb --info "$deb" | grep -E "Package|Version|Depends" | head -5
dpkg -x "$deb" "$work/root"

for f in usr/bin/medgemma-workstation usr/bin/medgemma-cli \
         usr/share/applications/medgemma-workstation.desktop \
         usr/share/metainfo/io.github.medgemma_workstation.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/medgemma-workstation.svg; do
    [ -e "$work/root/$f" ] || { echo "missing in package: $f"; exit 1; }
done
ls "$work/root/usr/share/medgemma-workstation/sample-study" >/dev/null

out=$("$work/root/usr/bin/medgemma-workstation" --version)
echo "$out"
echo "$out" | grep -q "MedGemma Workstation" || { echo "unexpected --version output"; exit 1; }
"$work/root/usr/bin/medgemma-cli" --version | grep -q "MedGemma Workstation"

if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$work/root/usr/share/applications/medgemma-workstation.desktop"
fi
python3 - "$work/root/usr/share/metainfo/io.github.medgemma_workstation.metainfo.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "component" and root.get("type") == "desktop-application"
for tag in ("id", "name", "summary", "description", "launchable", "metadata_license"):
    assert root.find(tag) is not None, tag
print("metainfo ok")
PY
echo "package installs and runs"
