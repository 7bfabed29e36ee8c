#!/usr/bin/env bash
# Builds the benchmark guests (bench/guests/*.elf) with the fixture runtime at -O2, deterministically.
#   bash bench/guests/build.sh           build intloop.elf, matmul.elf and MANIFEST
#   bash bench/guests/build.sh --count   also measure QEMU-side dynamic instruction counts (icount)
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd ../.. && pwd)"
export LC_ALL=C
RT="../../test/fixtures/runtime"
FLAGS="--target=aarch64-none-elf -march=armv8-a -O2 -g -ffreestanding -nostdlib -fuse-ld=lld -I$RT -Wall
 -Wl,--build-id=none -T $RT/link.ld -ffile-prefix-map=${ROOT}=/stepvisor -fdebug-prefix-map=${ROOT}=/stepvisor -fdebug-compilation-dir=/stepvisor/bench/guests"

for p in intloop matmul; do
    clang $FLAGS "$RT/crt0.S" "$RT/support.c" "$p.c" -o "$p.elf"
done
sha256sum intloop.elf matmul.elf > MANIFEST
echo "built bench/guests/intloop.elf matmul.elf"

if [ "${1:-}" = "--count" ]; then
    # With -icount shift=0 QEMU advances virtual time 1 ns per instruction; CNTVCT runs at 62.5 MHz on
    # virt, so instructions ~= ticks * 16 (resolution 16 instructions).
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    for p in intloop matmul; do
        clang $FLAGS -DMEASURE_CNTVCT "$RT/crt0.S" "$RT/support.c" "$p.c" -o "$tmp/$p.elf"
        timeout 600 qemu-system-aarch64 -M virt -cpu max -m 128M -display none -monitor none \
            -icount shift=0,sleep=off -serial "file:$tmp/$p.txt" -kernel "$tmp/$p.elf"
        ticks=$(sed -n 's/^cntvct ticks=//p' "$tmp/$p.txt")
        echo "$p: $(head -1 "$tmp/$p.txt") instructions~=$((ticks * 16))"
    done
fi
