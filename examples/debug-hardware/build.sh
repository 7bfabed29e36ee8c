#!/usr/bin/env bash
# Rebuilds the example guests byte for byte (clang + lld from Debian: apt-get install clang lld).
#   sensors.elf    C (sensors.c) on the shared bare-metal runtime in test/fixtures/runtime
#   selfdebug.elf  assembly only (selfdebug.S): its own entry point and exception vectors
# -O0 keeps every source line and variable where you expect it while stepping. The DWARF paths are mapped
# to /stepvisor/...; .vscode/launch.json's sourceMap maps them back to this folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
R=$(cd "$here/../../test/fixtures/runtime" && pwd)
cd "$here"
# Sources are named relative to this folder and the compilation directory is fixed: clang 14 applies no
# prefix map to the DWARF 5 names of assembled .S files, so absolute paths would leak the checkout location.
RREL=../../test/fixtures/runtime
common=(--target=aarch64-none-elf -g -ffreestanding -nostdlib -fuse-ld=lld -Wl,--build-id=none
        -ffile-prefix-map="$here"=/stepvisor/examples/debug-hardware -ffile-prefix-map="$R"=/stepvisor/test/fixtures/runtime
        -fdebug-compilation-dir=/stepvisor/examples/debug-hardware -T "$R/link.ld")
clang "${common[@]}" -O0 -I"$RREL" "$RREL/crt0.S" "$RREL/support.c" sensors.c -o sensors.elf
clang "${common[@]}" selfdebug.S -o selfdebug.elf
sha256sum sensors.elf selfdebug.elf
