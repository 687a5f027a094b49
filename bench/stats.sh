#!/usr/bin/env bash
# Statistics at scale: the example site with many records or many
# organisations added to its data/aid/, built by each binary in turn with
# GNU time (output deleted before each build).
#
# Usage:
#   bench/stats.sh records N [RUNS] BIN...        # N records added
#   bench/stats.sh organisations N [RUNS] BIN...  # N organisations, 2 records each
#
# `records` spreads the added records over six of the example's
# organisations and four of its units (families, masks, people, memos),
# dated over March to May 2020: charts of thousands of bars and hundreds of
# series. `organisations` gives each added organisation two figures of
# families: a page and a chart card per organisation and language. RUNS
# defaults to 3. The site is made in a temporary folder and removed after;
# it has no themes/, so each binary uses its own built-in theme. The site's
# cache (.aqparat/cache: preview cards, the search index's pages) stays
# from build to build, so the very first build of a run starts cold: the
# binaries take turns, and the first run's figures are the ones to drop.
# Prints one line per build: the binary, wall seconds, user seconds, peak
# RSS (KiB); a failed build prints its messages and stops the run.
# Requirements: python3, GNU time (`apt-get install time`).
set -euo pipefail

usage="usage: bench/stats.sh records|organisations N [RUNS] BIN..."
[[ $# -ge 3 ]] || { echo "$usage" >&2; exit 2; }
shape=$1
count=$2
shift 2
runs=3
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
  runs=$1
  shift
fi
[[ $# -gt 0 ]] || { echo "$usage" >&2; exit 2; }

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site=$work/site
mkdir "$site"
cp -r "$repo/site.yaml" "$repo/content" "$repo/data" "$site/"

python3 - "$shape" "$count" "$site/data/aid" <<'PY'
import random, sys
shape, count, aid = sys.argv[1], int(sys.argv[2]), sys.argv[3]
random.seed(7)
records, organisations = [], []
if shape == "records":
    orgs = ["regional-corps", "volunteer-hq", "nur-otan",
            "people-together-fund", "aktau-city-volunteers", "kindness-club"]
    units = [("families", "food"), ("masks", "masks"),
             ("people", "social-aid"), ("memos", "information")]
    for i in range(count):
        unit, category = units[i % 4]
        records.append(
            f"- id: added-{i}\n  org: {orgs[(i // 4) % 6]}\n  category: {category}\n"
            f"  count: {random.randint(1, 5000)}\n  unit: {unit}\n"
            f'  what: {{ kk: "Көмек {i % 50}", ru: "Помощь {i % 50}" }}\n'
            f"  date: 2020-{3 + i % 3:02d}-{1 + i % 28:02d}\n  source: briefing\n")
elif shape == "organisations":
    for i in range(count):
        organisations.append(
            f'added-{i}:\n  name: {{ kk: "Ұйым {i}", ru: "Организация {i}" }}\n')
        for j in range(2):
            records.append(
                f"- id: added-{i}-{j}\n  org: added-{i}\n  category: food\n"
                f"  count: {2 * i + j + 1}\n  unit: families\n"
                f'  what: {{ kk: "Көмек {j}", ru: "Помощь {j}" }}\n'
                f"  date: 2020-04-{j + 1:02d}\n  source: briefing\n")
else:
    sys.exit(f"unknown shape {shape!r}: records or organisations")
for name, added in [("records.yaml", records), ("organisations.yaml", organisations)]:
    with open(f"{aid}/{name}", "a", encoding="utf-8") as file:
        file.write("\n" + "".join(added))
PY

for _ in $(seq "$runs"); do
  for bin in "$@"; do
    rm -rf "$work/out"
    if ! /usr/bin/time -o "$work/time" -f "$bin %e s %U u %M KiB" \
      "$bin" build --root "$site" --output "$work/out" >/dev/null 2>"$work/log" ||
      [[ ! -f $work/out/index.html ]]; then
      cat "$work/log" >&2
      echo "$bin: the build failed" >&2
      exit 1
    fi
    cat "$work/time"
  done
done
