#!/usr/bin/env bash
# Incremental-rebuild benchmark: the time from saving one page to the new
# page being published by `aqparat watch` (the listings that show it already
# updated), on the synthetic corpus.
#
# Usage: bench/incremental.sh [N] [EDITS]   (default: 10000 pages per language, 10 edits)
#
# It generates the corpus on the real disk, starts `aqparat watch` with the
# output beside it, waits for the first full build, then EDITS times: changes
# the title of one page (so that its section's listing must change too),
# and measures until both the page and its section's listing, read through
# the published link, show the new title. Prints each time and the median.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-10000}
EDITS=${2:-10}
WORK=$(mktemp -d "${BENCH_DIR:-$ROOT/target}/incremental.XXXXXX")
trap 'kill $WATCH 2>/dev/null && wait $WATCH; rm -rf "$WORK"' EXIT

cargo build --release --quiet --example corpus --bin aqparat --manifest-path "$ROOT/Cargo.toml"
"$ROOT/target/release/examples/corpus" "$N" "$WORK/site" >/dev/null
cp -r "$ROOT/themes" "$WORK/site/"
# BENCH_SEARCH=false measures without the search index catching up behind.
[ "${BENCH_SEARCH:-true}" = false ] && echo "search: false" >>"$WORK/site/site.yaml"
"$ROOT/target/release/aqparat" watch --root "$WORK/site" --output "$WORK/public" 2>"$WORK/watch.log" &
WATCH=$!
until grep -q '"ok":true' "$WORK/public.status.json" 2>/dev/null; do sleep 0.05; done
echo "first build: $(grep '^built' "$WORK/watch.log" | head -1)"
# Once idle, the watcher prepares the other build folder (hard links to the
# first build's 20,000 files): edits made after that are what is measured.
sleep "${SETTLE:-10}"

python3 - "$WORK" "$EDITS" <<'PY'
import os, re, sys, time, statistics
work, edits = sys.argv[1], int(sys.argv[2])
page = os.path.join(work, "site/content/g00/s000/page-00042.kk.md")
text = open(page, encoding="utf-8").read()
times = []
for n in range(1, edits + 1):
    marker = f"Өңделген {n}"
    new = re.sub(r"^title: .*$", f"title: {marker}", text, count=1, flags=re.M)
    started = time.monotonic()
    with open(page, "w", encoding="utf-8") as f:
        f.write(new)
    while True:
        try:
            own = open(os.path.join(work, "public/kk/g00/s000/page-00042/index.html"), encoding="utf-8").read()
            listing = open(os.path.join(work, "public/kk/g00/s000/index.html"), encoding="utf-8").read()
            if marker in own and marker in listing:
                break
        except FileNotFoundError:
            pass
        time.sleep(0.001)
    times.append((time.monotonic() - started) * 1000)
    time.sleep(0.3)
print("save → published (ms):", " ".join(f"{t:.0f}" for t in times))
print(f"median {statistics.median(times):.0f} ms, min {min(times):.0f} ms, max {max(times):.0f} ms")
PY
grep '^built' "$WORK/watch.log" | tail -3
