#!/usr/bin/env bash
# Builds the test drivers (poolalloc.c, netvideo.c) into real PE files for every architecture the scanner reads:
#   mingw-x64, mingw-x86     Debian's mingw-w64 gcc + binutils (import libraries from the .def files, dlltool -k)
#   clang-x64, clang-x86,    clang with the MSVC targets + lld-link /driver (import libraries made by
#   clang-arm64              llvm-dlltool -k from the same .def files)
# Usage: build.sh [OUTDIR]   (default: ../resources/drivers beside this folder)
# Needs: gcc-mingw-w64-x86-64 gcc-mingw-w64-i686 clang lld llvm (Debian packages).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../resources/drivers}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
drivers=(poolalloc netvideo)
defs=(ntoskrnl ndis fltmgr videoprt storport)

# Flags shared by every build: freestanding kernel code, optimised as a release driver is. (clang drops unwind
# tables for freestanding code, so its builds ask for them: real x64 and ARM64 drivers always have .pdata.)
cflags=(-O2 -ffreestanding -fno-builtin -fno-stack-protector -Wall -Wno-multichar -I"$here")

# The C files of each driver: poolalloc keeps its read-only tags in tags.c.
sources() {
    if [ "$1" = poolalloc ]; then
        echo "$here/poolalloc.c $here/tags.c"
    else
        echo "$here/$1.c"
    fi
}

# The address of each function (from a build with a symbol table), "ADDRESS NAME" per line, so tests can check
# the function the scan names; the committed drivers themselves are stripped, as shipped drivers are.
symbols() {
    llvm-nm --defined-only "$1" | awk '$2 == "T" || $2 == "t" { print $1, $3 }' | sort
}

# The .def files carry x86 __stdcall sizes (@N); 64-bit targets have no decoration, so strip it for them.
def_for() { # arch def folder
    if [ "$1" = x86 ]; then
        echo "$here/$2.def"
    else
        sed 's/@[0-9]*$//' "$here/$2.def" >"$3/$2.def"
        echo "$3/$2.def"
    fi
}

mingw() { # arch prefix entry
    local arch=$1 prefix=$2 entry=$3 dir="$out/mingw-$1" lib="$work/mingw-$1"
    mkdir -p "$dir" "$lib"
    for d in "${defs[@]}"; do
        "$prefix-dlltool" -k -d "$(def_for "$arch" "$d" "$lib")" -l "$lib/lib$d.a"
    done
    for drv in "${drivers[@]}"; do
        "$prefix-gcc" "${cflags[@]}" -mno-stack-arg-probe -nostdlib -nostartfiles \
            -Wl,--subsystem,native -Wl,--entry,"$entry" -Wl,--no-insert-timestamp -Wl,--image-base,0x10000 \
            -o "$lib/$drv.sys" $(sources "$drv") -L"$lib" -lntoskrnl -lndis -lfltmgr -lvideoprt -lstorport
        symbols "$lib/$drv.sys" >"$dir/$drv.symbols"
        "$prefix-strip" -o "$dir/$drv.sys" "$lib/$drv.sys"
    done
}

msvc() { # arch target dlltool-machine linker-machine
    local arch=$1 target=$2 dm=$3 lm=$4 dir="$out/clang-$1" lib="$work/clang-$1"
    mkdir -p "$dir" "$lib"
    for d in "${defs[@]}"; do
        llvm-dlltool -m "$dm" -k -d "$(def_for "$arch" "$d" "$lib")" -l "$lib/$d.lib"
    done
    for drv in "${drivers[@]}"; do
        local objs=()
        for src in $(sources "$drv"); do
            clang --target="$target" "${cflags[@]}" -funwind-tables -fms-extensions -c -o "$lib/$(basename "$src" .c).obj" "$src"
            objs+=("$lib/$(basename "$src" .c).obj")
        done
        local link=(lld-link /nologo /driver /subsystem:native /entry:DriverEntry /nodefaultlib /machine:"$lm" /brepro
            "${objs[@]}" "$lib/ntoskrnl.lib" "$lib/ndis.lib" "$lib/fltmgr.lib" "$lib/videoprt.lib"
            "$lib/storport.lib")
        "${link[@]}" /debug:symtab /out:"$lib/$drv.sys"
        symbols "$lib/$drv.sys" >"$dir/$drv.symbols"
        "${link[@]}" /out:"$dir/$drv.sys"
    done
}

# the five builds are independent: run them side by side and fail if any fails
pids=()
mingw x64 x86_64-w64-mingw32 DriverEntry & pids+=($!)
mingw x86 i686-w64-mingw32 _DriverEntry@8 & pids+=($!)
msvc x64 x86_64-pc-windows-msvc i386:x86-64 x64 & pids+=($!)
msvc x86 i686-pc-windows-msvc i386 x86 & pids+=($!)
msvc arm64 aarch64-pc-windows-msvc arm64 arm64 & pids+=($!)
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
[ "$status" = 0 ] || { echo "build.sh: a build failed (output above)" >&2; exit 1; }
ls -l "$out"/*/*.sys
