#!/usr/bin/env bash
# Fails when a source file includes a header its module may not use (ARCHITECTURE.md):
# inference/ no Qt, DCMTK or OpenCV; ui/ and dicom/ no libtorch; ui/ no DCMTK or OpenCV;
# dicom/ no Qt GUI; public headers of inference/ and dicom/ no third-party types.
set -u
root="$1"
cd "$root" || exit 2
fail=0
check() {  # check <description> <grep -E pattern> <dirs...>
    local what="$1" pattern="$2"; shift 2
    local hits
    hits=$(grep -rnE "$pattern" "$@" --include='*.h' --include='*.cpp' 2>/dev/null)
    if [ -n "$hits" ]; then
        echo "BOUNDARY VIOLATION ($what):"; echo "$hits"; fail=1
    fi
}
check "Qt in inference/" '#include *<(Q[A-Za-z]|Qt)' inference
check "DCMTK/OpenCV in inference/ or ui/" '#include *<(dcmtk|opencv2)/' inference ui
check "libtorch in ui/ or dicom/" '#include *<(torch|ATen|c10)/' ui dicom
check "Qt GUI in dicom/" '#include *<(Q[A-Za-z]|Qt)' dicom
check "module includes" '#include *"(ui|app|inference)/' dicom
check "module includes" '#include *"(ui|app|dicom)/' inference
check "module includes" '#include *"(app|inference)/' ui
# Public headers (those included from another module) must not expose third-party types.
for h in $(grep -rhoE '#include *"(inference|dicom)/[a-z_/]+\.h"' ui app | sed -E 's/.*"(.*)"/\1/' | sort -u); do
    if grep -nE '#include *<(torch|ATen|c10|dcmtk|opencv2|openjpeg|lcms2|zip\.h|nlohmann)' "$h" >/dev/null 2>&1; then
        echo "BOUNDARY VIOLATION (public header $h includes a third-party header)"; fail=1
    fi
done
[ $fail = 0 ] && echo "module boundaries hold"
exit $fail
