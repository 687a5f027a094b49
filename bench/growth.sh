#!/usr/bin/env bash
# The build of a large site, from the render cache and as a site's first
# build: issue 12's growth figure (200,000 pages in ≤ 30 s and ≤ 2 GiB).
#
# Usage:
#   bench/growth.sh [RUNS] CORPUS BIN...     # RUNS default 3
#
# CORPUS is a corpus made by `examples/corpus.rs` (say `corpus 100000 DIR`
# for 202,202 pages, with `previews: false` added to its site.yaml, as the
# README's figures are); each BIN an aqparat binary. With several, each
# builds its own copy of the corpus (CORPUS-1, CORPUS-2…, made beside it;
# a binary's render cache would make another's useless); one binary
# builds CORPUS itself. Each binary builds once as a
# warm-up (its search cache filled); then for each of RUNS rounds, each
# binary in turn builds the unchanged site from the render cache
# (`cached`) and again with the render cache deleted first (`first`, the
# other caches kept). Every build goes into an output folder on /dev/shm
# deleted first. Prints one line per build: the binary, the kind, wall
# seconds, user and system seconds, peak RSS (KiB).
# Requirements: GNU time (`apt-get install time` on Debian/Ubuntu).
set -euo pipefail

runs=3
if [[ $# -ge 1 && $1 =~ ^[0-9]+$ ]]; then
    runs=$1
    shift
fi
[[ $# -ge 2 ]] || { sed -n '2,20p' "$0"; exit 2; }
corpus=${1%/}
shift
[[ -x /usr/bin/time ]] || { echo "growth.sh: GNU time not found at /usr/bin/time" >&2; exit 1; }
[[ -f $corpus/site.yaml ]] || { echo "growth.sh: $corpus has no site.yaml" >&2; exit 1; }
out=$(mktemp -d /dev/shm/aqparat-growth.XXXXXX)
trap 'rm -rf "$out"' EXIT

bins=("$@")
# Several binaries each build a copy of their own; one builds CORPUS
# itself (at 200,000 pages a copy with its cache is ~10 GB, which
# /dev/shm may not hold beside the first).
roots=()
for i in "${!bins[@]}"; do
    if [[ ${#bins[@]} -eq 1 ]]; then
        roots+=("$corpus")
    else
        rm -rf "$corpus-$((i + 1))"
        cp -a "$corpus" "$corpus-$((i + 1))"
        roots+=("$corpus-$((i + 1))")
    fi
done

# One build of binary number $1 (from 0), of kind $2 (warm-up, cached or
# first).
build() {
    local bin=${bins[$1]} root=${roots[$1]} kind=$2
    rm -rf "$out/site"
    [[ $kind == first ]] && rm -rf "$root/.aqparat/cache/render"
    local said
    said=$(/usr/bin/time -f '%e %U %S %M' "$bin" build --root "$root" --output "$out/site" 2>&1) || {
        echo "growth.sh: $bin failed on $root:" >&2
        echo "$said" >&2
        exit 1
    }
    [[ $kind == warm-up ]] || printf '%s %s %s\n' "$bin" "$kind" "$(tail -1 <<<"$said")"
}

for i in "${!bins[@]}"; do build "$i" warm-up; done
for ((r = 1; r <= runs; r++)); do
    for i in "${!bins[@]}"; do
        build "$i" cached
        build "$i" first
    done
done
