#!/usr/bin/env bash
# One-off builds after an edit of one page, as a commit makes them: before
# each build a new paragraph goes into one page of the corpus (the 500th
# Kazakh page, sorted by path), the output on /dev/shm is deleted, and the
# build is timed with GNU time. With the render cache (see the README, *A
# `build` starts from the last one*) each build renders that page; an
# aqparat without it renders every page.
#
# Usage:
#   bench/edit.sh [RUNS] CORPUS BIN...     # RUNS default 6
#
# CORPUS is a corpus made by `examples/corpus.rs` (say `corpus --shape flat
# --search off 10000 DIR`); each BIN an aqparat binary. The binaries take
# turns, each edit before each build. The corpus is edited: use a copy.
# Prints one line per build: the binary, wall seconds, user and system
# seconds, peak RSS (KiB), and what it said of the pages it rendered.
# Requirements: GNU time (`apt-get install time` on Debian/Ubuntu).
set -euo pipefail

runs=6
if [[ $# -ge 1 && $1 =~ ^[0-9]+$ ]]; then
    runs=$1
    shift
fi
[[ $# -ge 2 ]] || { sed -n '2,17p' "$0"; exit 2; }
corpus=$1
shift
[[ -x /usr/bin/time ]] || { echo "edit.sh: GNU time not found at /usr/bin/time" >&2; exit 1; }
page=$(find "$corpus/content" -name '*.kk.md' | sort | sed -n 500p)
[[ -n $page ]] || { echo "edit.sh: $corpus has fewer than 500 Kazakh pages" >&2; exit 1; }
out=$(mktemp -d /dev/shm/aqparat-edit.XXXXXX)
trap 'rm -rf "$out"' EXIT

for ((i = 1; i <= runs; i++)); do
    for bin in "$@"; do
        printf '\nЖаңа абзац %s.\n' "$i" >>"$page"
        rm -rf "$out/site"
        said=$(/usr/bin/time -f '%e %U %S %M' "$bin" build --root "$corpus" --output "$out/site" 2>&1)
        times=$(tail -1 <<<"$said")
        rendered=$(grep -o '([0-9]* rendered' <<<"$said" | tr -d '(' || echo "all rendered")
        echo "$bin $times $rendered"
    done
done
