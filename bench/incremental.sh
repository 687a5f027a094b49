#!/usr/bin/env bash
# Incremental-rebuild benchmark: the time from saving one page to the new
# page being published by `aqparat watch` (the listings that show it already
# updated), and to the search index finding the edit, on the synthetic
# corpus.
#
# Usage: bench/incremental.sh [N] [EDITS]   (default: 10000 pages per language, 10 edits)
#
# It generates the corpus on the real disk, starts `aqparat watch` with the
# output beside it, waits for the first full build (search index included),
# then EDITS times: changes the title of one Kazakh page (so that its
# section's listing must change too) to one holding a word found nowhere
# else in the corpus, and measures from the save
#   - until both the page and its section's listing, read through the
#     published link, show the new title ("published");
#   - until the published search index holds the new word ("search").
# Prints each time and the medians, then the peak memory (VmHWM) of the
# watcher and of its search indexer, the `search-index` process it keeps
# (which holds every page tokenised and indexes only the edited ones).
# Each edit waits for both before the next.
#
# How "search finds it" is detected: `watch` publishes the pages first and
# makes the search index in the background (a process of its own, at nice
# 19), then publishes it in one step over the current build. The script
# polls the published word index of the page's language,
# public/pagefind/index/kk_*.pf_index: the files Pagefind's browser library
# fetches to answer a query, gzip-compressed CBOR in which each word is
# stored as its UTF-8 bytes. The files are named after their content, so
# one holding the new word has a name not seen before the save: only those
# are decompressed (once each), and the new word (Latin letters, lowercase: Pagefind
# neither stems nor splits it for Kazakh) is looked for in it. That is the
# word in the index a query reads, not a query run through Pagefind's
# library (WebAssembly in a browser); the word being new, its presence
# means the index was rebuilt from the edited page.
#
# Environment:
#   BENCH_DIR          where the corpus and output go (default: <repo>/target)
#   BENCH_SEARCH=false measures without the search index catching up behind
#                      (no "search" times then)
#   SETTLE             seconds to wait after the first build (default 10),
#                      for the watcher to be idle
#   TIMEOUT            seconds an edit may take to be found (default 300)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-10000}
EDITS=${2:-10}
WORK=$(mktemp -d "${BENCH_DIR:-$ROOT/target}/incremental.XXXXXX")
trap 'kill $WATCH 2>/dev/null && wait $WATCH; rm -rf "$WORK"' EXIT

cargo build --release --quiet --example corpus --bin aqparat --manifest-path "$ROOT/Cargo.toml"
"$ROOT/target/release/examples/corpus" "$N" "$WORK/site" >/dev/null
SEARCH=${BENCH_SEARCH:-true}
[ "$SEARCH" = false ] && sed -i 's/^search: .*/search: false/' "$WORK/site/site.yaml"
"$ROOT/target/release/aqparat" watch --root "$WORK/site" --output "$WORK/public" 2>"$WORK/watch.log" &
WATCH=$!
# The first build is complete, search index included.
until grep -q '"ok":true' "$WORK/public.status.json" 2>/dev/null; do
    if ! kill -0 $WATCH 2>/dev/null; then echo "watch exited; log:" >&2; cat "$WORK/watch.log" >&2; exit 1; fi
    sleep 0.05
done
echo "first build: $(grep '^built' "$WORK/watch.log" | head -1)"
# Once idle, the watcher prepares the other build folder (hard links to the
# first build's 20,000 files): edits made after that are what is measured.
sleep "${SETTLE:-10}"

python3 - "$WORK" "$EDITS" "$SEARCH" "${TIMEOUT:-300}" <<'PY'
import glob, gzip, os, re, sys, time, statistics
work, edits, search, timeout = sys.argv[1], int(sys.argv[2]), sys.argv[3] != "false", float(sys.argv[4])
page = os.path.join(work, "site/content/g00/s000/page-00042.kk.md")
own_html = os.path.join(work, "public/kk/g00/s000/page-00042/index.html")
listing_html = os.path.join(work, "public/kk/g00/s000/index.html")
index_glob = os.path.join(work, "public/pagefind/index/kk_*.pf_index")
text = open(page, encoding="utf-8").read()


def word(n):
    """A word found nowhere else: 'qzx' and n in three letters (qzxaab, …)."""
    return "qzx" + "".join(chr(ord("a") + n // 26**k % 26) for k in (2, 1, 0))


def published(marker):
    try:
        with open(own_html, encoding="utf-8") as own, open(listing_html, encoding="utf-8") as listing:
            return marker in own.read() and marker in listing.read()
    except FileNotFoundError:
        return False


def index_files():
    return {os.path.basename(path): path for path in glob.glob(index_glob)}


def indexed(needle, known):
    """Whether an index file not in `known` holds `needle`; adds those that don't."""
    for name, path in index_files().items():
        if name in known:
            continue
        try:
            with open(path, "rb") as f:
                data = gzip.decompress(f.read())
        except (FileNotFoundError, EOFError, OSError):
            continue  # replaced while read: the next poll sees the new one
        if needle in data:
            return True
        known.add(name)
    return False


pub_times, search_times = [], []
for n in range(1, edits + 1):
    w = word(n)
    marker = f"Өңделген {n} {w}"
    needle = w.encode()
    # Index files are named after their content: one holding the new word
    # is new, so those there before the save are never read.
    known = set(index_files())
    new = re.sub(r"^title: .*$", f"title: {marker}", text, count=1, flags=re.M)
    started = time.monotonic()
    with open(page, "w", encoding="utf-8") as f:
        f.write(new)
    t_pub = t_search = None
    while t_pub is None or (search and t_search is None):
        now = time.monotonic()
        if now - started > timeout:
            sys.exit(f"edit {n}: not {'published' if t_pub is None else 'in the search index'} after {timeout:.0f} s")
        if t_pub is None and published(marker):
            t_pub = (now - started) * 1000
        if search and t_search is None and indexed(needle, known):
            t_search = (time.monotonic() - started) * 1000
        time.sleep(0.001 if t_pub is None else 0.01)
    pub_times.append(t_pub)
    if search:
        search_times.append(t_search)
        print(f"edit {n}: published {t_pub:.0f} ms, search {t_search:.0f} ms", flush=True)
    time.sleep(0.3)


def summary(label, times, unit="ms"):
    print(f"{label} ({unit}):", " ".join(f"{t:.0f}" for t in times))
    print(f"median {statistics.median(times):.0f} {unit}, min {min(times):.0f} {unit}, max {max(times):.0f} {unit}")


summary("save → published", pub_times)
if search:
    summary("save → in the search index", search_times)
PY
grep '^built' "$WORK/watch.log" | tail -3
peak() { awk '/^VmHWM/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$1/status"; }
echo "peak memory: watch $(peak $WATCH)"
for pid in $(pgrep -P $WATCH -f search-index || true); do
    echo "peak memory: search indexer $(peak "$pid")"
done
