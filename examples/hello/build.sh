#!/usr/bin/env bash
# Rebuilds hello.elf byte for byte (clang + lld from Debian: apt-get install clang lld).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
R="$here/../../test/fixtures/runtime"
cd "$here"
clang --target=aarch64-none-elf -O2 -g -ffreestanding -nostdlib -fuse-ld=lld -Wl,--build-id=none \
  -ffile-prefix-map="$here"=/stepvisor/examples/hello -ffile-prefix-map="$(cd "$R" && pwd)"=/stepvisor/test/fixtures/runtime \
  -I"$R" -T "$R/link.ld" "$R/crt0.S" "$R/support.c" hello.c -o hello.elf
sha256sum hello.elf
