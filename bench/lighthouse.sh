#!/usr/bin/env bash
# Lighthouse scores of the example site (the repository itself), served by
# nginx with deploy/nginx.conf the way production serves it.
#
# Usage:
#   bench/lighthouse.sh [PATH...]   # default: the six pages below
#
# PATH is a page path on the site, e.g. /kk/rules/protection/. By default:
#   /kk/  /kk/rules/protection/  /kk/infographics/
#   /ru/  /ru/rules/protection/  /ru/infographics/
#
# The script:
#   1. builds the release binary (`cargo build --release`) and the example
#      site with `target/release/aqparat build --root <repo> --output
#      <tmp>/public --base-url http://127.0.0.1:<port>/`;
#   2. serves <tmp>/public with nginx using deploy/nginx.conf, rewritten as in
#      tests/suite/browser/harness.rs (listen on 127.0.0.1:<port>, no IPv6,
#      root replaced, wrapped in a minimal single-process config);
#   3. installs Lighthouse 12.2.3 from npm into $LH_PREFIX (once) and runs it
#      on every page with Chromium (headless, mobile form factor and default
#      simulated throttling; categories performance, accessibility,
#      best-practices, seo; JSON output);
#   4. prints a table of the four scores (×100) per page and, for every
#      category under 100, the audits that lost points (score < 1, not
#      informative / notApplicable / manual), so you see what to fix; and,
#      whatever the scores, the audits Lighthouse could not run (errors).
#
# Lighthouse 12.2.3 predates Chromium's rename of the trace argument
# `chrome_frame_reporter` to `frame_reporter` (seen with Chromium 148). With
# such a Chromium six performance diagnostics fail with "Cannot read properties
# of undefined (reading 'frame_sequence')": largest-contentful-paint-element,
# lcp-lazy-loaded, layout-shifts, non-composited-animations,
# prioritize-lcp-image, render-blocking-resources. They have weight 0, so the
# scores do not change, but their advice is missing. LH_TRACE_FIX=1 installs a
# separate copy of 12.2.3 with a one-line patch to its trace engine that reads
# either name, so those audits run too.
#
# Scores of one run vary a little (performance most); run it twice before
# concluding anything from a few points of difference.
#
# Requirements: cargo, nginx, node + npm (network access to the npm registry
# the first time), python3, Chromium.
# Environment:
#   CHROME_PATH  the browser Lighthouse launches (default: /usr/bin/chromium)
#   NGINX        the nginx binary (default: /usr/sbin/nginx, else from PATH)
#   LH_PREFIX    where Lighthouse is installed (default: <repo>/target/lighthouse-12.2.3)
#   PORT         the port nginx listens on (default: a free one)
#   KEEP=1       keep the temporary folder (site, nginx logs, JSON reports)
#   ALL=1        list the audits that lost points in every category, also at 100
#                (e.g. weight-0 diagnostics such as render-blocking-resources)
#   LH_TRACE_FIX=1  use the patched copy of Lighthouse described above
#                (installed into $LH_PREFIX-tracefix)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LH_VERSION=12.2.3
LH_PREFIX=${LH_PREFIX:-$ROOT/target/lighthouse-$LH_VERSION}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
KEEP=${KEEP:-0}
export ALL=${ALL:-0}
LH_TRACE_FIX=${LH_TRACE_FIX:-0}
if [[ $LH_TRACE_FIX == 1 ]]; then LH_PREFIX=$LH_PREFIX-tracefix; fi
if [[ -z ${NGINX:-} ]]; then
    if [[ -x /usr/sbin/nginx ]]; then NGINX=/usr/sbin/nginx; else NGINX=$(command -v nginx || true); fi
fi
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"

if [[ $# -gt 0 ]]; then
    PAGES=("$@")
else
    PAGES=(/kk/ /kk/rules/protection/ /kk/infographics/ /ru/ /ru/rules/protection/ /ru/infographics/)
fi
for page in "${PAGES[@]}"; do
    if [[ $page != /* ]]; then
        echo "lighthouse: a page must be a path starting with /, got '$page'" >&2
        exit 2
    fi
done

for tool in cargo node npm python3; do
    if ! command -v "$tool" >/dev/null; then
        echo "lighthouse: $tool not found" >&2
        exit 1
    fi
done
if [[ -z $NGINX || ! -x $NGINX ]]; then
    echo "lighthouse: nginx not found; install it (apt-get install nginx) or set NGINX" >&2
    exit 1
fi
if [[ ! -x $CHROME_PATH ]]; then
    echo "lighthouse: no browser at $CHROME_PATH; set CHROME_PATH" >&2
    exit 1
fi

STARTED=$(date +%s)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/aqparat-lighthouse.XXXXXX")
NGINX_PID=""
cleanup() {
    if [[ -n $NGINX_PID ]]; then
        kill -TERM "$NGINX_PID" 2>/dev/null || true
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    if [[ $KEEP == 1 ]]; then
        echo "lighthouse: kept $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

if [[ -z ${PORT:-} ]]; then
    PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fi
URL=http://127.0.0.1:$PORT

echo "==> cargo build --release"
(cd "$ROOT" && cargo build --release)
echo "==> aqparat build --base-url $URL/"
"$ROOT/target/release/aqparat" build --root "$ROOT" --output "$WORK/public" --base-url "$URL/"

echo "==> nginx on $URL"
mkdir -p "$WORK/nginx/logs"
python3 - "$ROOT/deploy/nginx.conf" "$WORK" "$PORT" >"$WORK/nginx/nginx.conf" <<'PY'
import sys
conf, work, port = sys.argv[1], sys.argv[2], sys.argv[3]
server = (open(conf, encoding="utf-8").read()
          .replace("listen 80;", f"listen 127.0.0.1:{port};")
          .replace("listen [::]:80;", "")
          .replace("/srv/aqparat/public", f"{work}/public"))
print(f"daemon off;\nmaster_process off;\npid {work}/nginx/nginx.pid;\n"
      f"error_log {work}/nginx/logs/error.log;\nevents {{}}\nhttp {{\n"
      f"include /etc/nginx/mime.types;\naccess_log off;\n{server}\n}}")
PY
# nginx's output goes to /dev/null so that nothing it leaves behind holds
# this script's stdout open.
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" </dev/null >/dev/null 2>&1 &
NGINX_PID=$!
for ((i = 0; ; i++)); do
    if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "$URL/" 2>/dev/null; then
        break
    fi
    if ! kill -0 "$NGINX_PID" 2>/dev/null || ((i >= 100)); then
        echo "lighthouse: nginx did not answer on $URL; error log:" >&2
        cat "$WORK/nginx/logs/error.log" >&2 || true
        exit 1
    fi
    sleep 0.1
done

LH=$LH_PREFIX/node_modules/.bin/lighthouse
if [[ ! -x $LH ]] || [[ $("$LH" --version 2>/dev/null) != "$LH_VERSION" ]]; then
    echo "==> npm install lighthouse@$LH_VERSION into $LH_PREFIX"
    npm install --prefix "$LH_PREFIX" --no-save --no-audit --no-fund "lighthouse@$LH_VERSION" >"$WORK/npm.log" 2>&1 || {
        cat "$WORK/npm.log" >&2
        exit 1
    }
fi
if [[ $LH_TRACE_FIX == 1 ]]; then
    handler=$LH_PREFIX/node_modules/@paulirish/trace_engine/models/trace/handlers/ScreenshotsHandler.js
    old='evt.args.data.beginEvent.args.chrome_frame_reporter.frame_sequence'
    new='(evt.args.data.beginEvent.args.chrome_frame_reporter ?? evt.args.data.beginEvent.args.frame_reporter).frame_sequence'
    if grep -qF "$old" "$handler"; then
        sed -i "s/$old/$new/" "$handler"
    fi
    if ! grep -qF "$new" "$handler"; then
        echo "lighthouse: LH_TRACE_FIX: $handler is not as expected; not patched" >&2
        exit 1
    fi
fi
echo "==> lighthouse $("$LH" --version)$([[ $LH_TRACE_FIX == 1 ]] && echo ' (trace fix)'), $("$CHROME_PATH" --version 2>/dev/null)"

mkdir -p "$WORK/reports"
REPORTS=()
n=0
for page in "${PAGES[@]}"; do
    n=$((n + 1))
    report=$WORK/reports/$n.json
    echo "==> $URL$page"
    if ! "$LH" "$URL$page" \
        --chrome-flags="$CHROME_FLAGS" \
        --only-categories=performance,accessibility,best-practices,seo \
        --output=json --output-path="$report" \
        >"$WORK/reports/$n.log" 2>&1; then
        echo "lighthouse: Lighthouse failed on $URL$page; its log:" >&2
        cat "$WORK/reports/$n.log" >&2
        exit 1
    fi
    REPORTS+=("$page=$report")
done

echo
python3 - "${REPORTS[@]}" <<'PY'
import json, os, sys

CATEGORIES = [("performance", "perf"), ("accessibility", "a11y"),
              ("best-practices", "best practices"), ("seo", "SEO")]
SKIP = {"informative", "notApplicable", "manual"}
ALL = os.environ.get("ALL") == "1"

rows, details, errors = [], [], []
for arg in sys.argv[1:]:
    page, path = arg.rsplit("=", 1)
    report = json.load(open(path, encoding="utf-8"))
    audits = report["audits"]
    for audit in audits.values():
        if audit.get("scoreDisplayMode") == "error":
            errors.append((page, audit))
    scores = []
    for key, name in CATEGORIES:
        category = report["categories"][key]
        score = category["score"]
        scores.append("error" if score is None else str(round(score * 100)))
        if score is not None and score >= 1 and not ALL:
            continue
        failing = []
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            mode = audit.get("scoreDisplayMode")
            if mode in SKIP:
                continue
            if mode == "error" or audit.get("score") is None:
                continue  # listed below with the other audits that failed to run
            if audit["score"] < 1:
                value = audit.get("displayValue") or ""
                failing.append((ref, audit, f"score {round(audit['score'] * 100)}"
                                + (f", {value}" if value else "")))
        if failing or score is None or score < 1:
            details.append((page, name, scores[-1], failing))
    warnings = report.get("runWarnings") or []
    rows.append((page, scores, warnings))

width = max(len("page"), *(len(p) for p, _, _ in rows))
header = ["page".ljust(width)] + [f"{name:>14}" for _, name in CATEGORIES]
print("  ".join(header))
print("  ".join(["-" * width] + ["-" * 14] * len(CATEGORIES)))
for page, scores, _ in rows:
    print("  ".join([page.ljust(width)] + [f"{s:>14}" for s in scores]))

for page, _, warnings in rows:
    for warning in warnings:
        print(f"\nwarning ({page}): {warning}")

for page, name, score, failing in details:
    print(f"\n{page} {name} {score}:")
    if not failing:
        print("  (no audit under 1; the score comes from weighted metrics)")
    for ref, audit, why in failing:
        weight = ref.get("weight", 0)
        print(f"  {audit['id']} [{why}; weight {weight:g}]: {audit['title']}")
        # What it is about: the first few resources or elements it names.
        items = (audit.get("details") or {}).get("items") or []
        for item in items[:3]:
            if not isinstance(item, dict):
                continue
            node = item.get("node") if isinstance(item.get("node"), dict) else {}
            what = item.get("url") or node.get("selector") or node.get("snippet")
            if isinstance(what, str) and what:
                print(f"      {what}")
        if len(items) > 3:
            print(f"      … and {len(items) - 3} more")

if errors:
    print("\naudits Lighthouse could not run (not counted in the scores):")
    by_id = {}
    for page, audit in errors:
        key = (audit["id"], audit.get("errorMessage", ""))
        by_id.setdefault(key, []).append(page)
    for (audit_id, message), pages in by_id.items():
        where = "all pages" if len(pages) == len(rows) else " ".join(pages)
        print(f"  {audit_id} ({where}): {message}")
PY

echo
echo "total $(($(date +%s) - STARTED)) s"
