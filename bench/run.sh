#!/usr/bin/env bash
# Build-time benchmark for aqparat on a synthetic bilingual corpus.
#
# Usage:
#   bench/run.sh [N...]          # default: 1000 10000
#
# N is the number of pages per language (kk + ru, so 2*N page files).
#
# For each N the script:
#   1. generates the corpus with `examples/corpus.rs` into a temporary
#      directory on the real disk ($BENCH_DIR, default target/bench) and copies
#      the repository's themes/ into it;
#   2. runs `target/release/aqparat build --root CORPUS --output OUT` with OUT
#      first on /dev/shm (tmpfs, if available) and then on the real disk;
#   3. for each output location does one warm-up build and 3 measured builds,
#      deleting OUT before every build so each one is a fresh full build;
#   4. times every build with GNU time (`/usr/bin/time -f '%e s %M KiB'`).
#
# At the end it prints a table: N, output location, wall seconds of each
# measured run, and peak RSS (MiB, maximum over the measured runs).
#
# Requirements: cargo, GNU time (`apt-get install time` on Debian/Ubuntu).
# Environment:
#   BENCH_DIR  where corpora and disk outputs go (default: <repo>/target/bench)
#   RUNS       measured runs per configuration (default: 3)
#   KEEP=1     keep the generated corpora and outputs instead of deleting them
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-$ROOT/target/bench}
RUNS=${RUNS:-3}
KEEP=${KEEP:-0}
TIME=/usr/bin/time

if [[ $# -gt 0 ]]; then
    SIZES=("$@")
else
    SIZES=(1000 10000)
fi
for n in "${SIZES[@]}"; do
    if ! [[ $n =~ ^[1-9][0-9]*$ ]]; then
        echo "bench: N must be a positive integer, got '$n'" >&2
        exit 2
    fi
done

if ! [[ -x $TIME ]] || ! "$TIME" --version 2>&1 | grep -q 'GNU'; then
    echo "bench: GNU time not found at $TIME; install it with: sudo apt-get install time" >&2
    exit 1
fi
if ! [[ -d $ROOT/themes ]]; then
    echo "bench: $ROOT/themes not found; the corpus needs the repository's themes" >&2
    exit 1
fi

echo "==> cargo build --release --example corpus --bin aqparat"
(cd "$ROOT" && cargo build --release --example corpus --bin aqparat)
AQPARAT=$ROOT/target/release/aqparat
CORPUS=$ROOT/target/release/examples/corpus

mkdir -p "$BENCH_DIR"
WORK=$(mktemp -d "$BENCH_DIR/run.XXXXXX")
SHM=""
if [[ -d /dev/shm && -w /dev/shm ]]; then
    SHM=$(mktemp -d /dev/shm/aqparat-bench.XXXXXX)
else
    echo "bench: /dev/shm not available; skipping the tmpfs output location" >&2
fi

cleanup() {
    if [[ $KEEP == 1 ]]; then
        echo "bench: kept $WORK${SHM:+ and $SHM}" >&2
    else
        rm -rf "$WORK"
        if [[ -n $SHM ]]; then rm -rf "$SHM"; fi
    fi
}
trap cleanup EXIT

echo "==> $(nproc) CPUs, $(uname -sr), aqparat $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "==> corpora and disk outputs under $WORK"

# One timed build. Args: corpus dir, output dir, log file.
# Sets WALL (seconds) and RSS (KiB). Runs in the current shell so that a
# failed build aborts the script.
timed_build() {
    local corpus=$1 out=$2 log=$3 tfile=$WORK/time.out
    rm -rf "$out"
    sync
    if ! "$TIME" -f '%e s %M KiB' -o "$tfile" \
        "$AQPARAT" build --root "$corpus" --output "$out" >"$log" 2>&1; then
        echo "bench: build failed (root=$corpus output=$out); log:" >&2
        cat "$log" >&2
        exit 1
    fi
    # Last line is the format line; GNU time may prepend status messages.
    read -r WALL RSS < <(awk 'END { print $1, $3 }' "$tfile")
}

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

RESULTS=()
for n in "${SIZES[@]}"; do
    corpus=$WORK/corpus-$n
    echo "==> N=$n: generating corpus"
    "$CORPUS" "$n" "$corpus"
    cp -r "$ROOT/themes" "$corpus/"

    locations=()
    if [[ -n $SHM ]]; then locations+=("shm:$SHM/out-$n"); fi
    locations+=("disk:$WORK/out-$n")

    for loc in "${locations[@]}"; do
        label=${loc%%:*}
        out=${loc#*:}
        log=$WORK/build-$n-$label.log
        echo "==> N=$n output=$label ($out)"
        timed_build "$corpus" "$out" "$log"
        printf '    warm-up  %6s s  %8s MiB\n' "$WALL" "$(mib "$RSS")"
        walls=""
        max_rss=0
        for ((r = 1; r <= RUNS; r++)); do
            timed_build "$corpus" "$out" "$log"
            printf '    run %-3d  %6s s  %8s MiB\n' "$r" "$WALL" "$(mib "$RSS")"
            walls+="$WALL "
            if ((RSS > max_rss)); then max_rss=$RSS; fi
        done
        if [[ -d $out ]]; then
            echo "    $(find "$out" -name '*.html' | wc -l) HTML files in output"
        fi
        RESULTS+=("$n|$label|${walls% }|$(mib "$max_rss")")
        if [[ $KEEP != 1 ]]; then rm -rf "$out"; fi
    done
    if [[ $KEEP != 1 ]]; then rm -rf "$corpus"; fi
done

echo
printf '%-8s  %-6s  %-26s  %s\n' "N" "output" "wall s (runs)" "peak RSS MiB"
printf '%-8s  %-6s  %-26s  %s\n' "--------" "------" "--------------------------" "------------"
for row in "${RESULTS[@]}"; do
    IFS='|' read -r n label walls rss <<<"$row"
    printf '%-8s  %-6s  %-26s  %s\n' "$n" "$label" "$walls" "$rss"
done
