#!/usr/bin/env bash
# The cost of an image to a build: decoding, resizing and encoding every
# variant (see "Images" in the README).
#
# Usage:
#   bench/images.sh PHOTO [N]     # default N: 10
#
# Makes a new site (`aqparat init`, one language) with a page showing N
# copies of PHOTO (each with one byte more after the image's end, which
# decoders ignore, so each is a different image to the cache), then times,
# with GNU time, three builds of it into $BENCH_DIR (default /dev/shm):
#   cold  - without the image cache: every variant encoded;
#   warm  - with the cache the cold build left: nothing encoded;
#   none  - the same site without the images page.
# and prints (cold - none) / N, the CPU time (user + sys) an image costs.
# Uses the release binary, target/release/aqparat (cargo build --release).
set -euo pipefail

photo=${1:?usage: bench/images.sh PHOTO [N]}
n=${2:-10}
bin=$(cd "$(dirname "$0")/.." && pwd)/target/release/aqparat
dir=${BENCH_DIR:-/dev/shm}/aqparat-images
[ -x "$bin" ] || { echo "build it first: cargo build --release" >&2; exit 2; }

rm -rf "$dir"
"$bin" init "$dir/site" --languages kk >/dev/null
body=""
for i in $(seq 1 "$n"); do
    cp "$photo" "$dir/site/content/photo-$i.jpg"
    printf '%s' "$i" >>"$dir/site/content/photo-$i.jpg"
    body+="![Сурет $i](photo-$i.jpg)"$'\n\n'
done
printf -- '---\ntitle: Суреттер\n---\n%s' "$body" >"$dir/site/content/photos.kk.md"

# Prints "SECONDS_CPU" of one build, its own output to stderr.
cpu() {
    /usr/bin/time -f '%U %S %e s %M KiB' -o "$dir/time" \
        "$bin" build --root "$dir/site" --output "$dir/public" >&2
    cat "$dir/time" >&2
    awk '{ print $1 + $2 }' "$dir/time"
}

echo "== cold (no cache): $n images" >&2
cold=$(cpu)
echo "== warm (cache)" >&2
warm=$(cpu)
rm "$dir/site/content/photos.kk.md"
echo "== none (no images page)" >&2
none=$(cpu)
awk -v c="$cold" -v w="$warm" -v z="$none" -v n="$n" 'BEGIN {
    printf "CPU: cold %.2f s, warm %.2f s, without images %.2f s\n", c, w, z
    printf "per image: %.0f ms encoding, %.1f ms from the cache\n", (c - z) / n * 1000, (w - z) / n * 1000
}'
