#!/usr/bin/env bash
# Rebuilds hello.elf byte for byte (clang + lld from Debian: apt-get install clang lld).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
# Relative source names and a fixed compilation directory: clang 14 applies no prefix map to the DWARF 5
# names of assembled .S files, so absolute paths would leak the checkout location into the ELF.
R=../../test/fixtures/runtime
clang --target=aarch64-none-elf -O2 -g -ffreestanding -nostdlib -fuse-ld=lld -Wl,--build-id=none \
  -ffile-prefix-map="$here"=/stepvisor/examples/hello -ffile-prefix-map="$(cd "$R" && pwd)"=/stepvisor/test/fixtures/runtime \
  -fdebug-compilation-dir=/stepvisor/examples/hello -I"$R" -T "$R/link.ld" "$R/crt0.S" "$R/support.c" hello.c -o hello.elf
sha256sum hello.elf
