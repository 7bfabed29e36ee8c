#!/usr/bin/env bash
# Rebuilds mmu.elf and traps.elf byte for byte (clang + ld.lld 14 from Debian). The QEMU recordings
# (*.qemu.txt) were taken from exactly these ELFs; ELR values in them depend on this code layout.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc=(--target=aarch64-none-elf -O1 -mgeneral-regs-only -ffreestanding -nostdlib -c)
clang "${cc[@]}" start.S -o "$tmp/start.o"
for name in mmu traps; do
  clang "${cc[@]}" "$name.c" -o "$tmp/$name.o"
  ld.lld --build-id=none -T link.ld -o "$name.elf" "$tmp/start.o" "$tmp/$name.o"
done
sha256sum mmu.elf traps.elf
