#!/bin/sh
# Publish a built site (public/) to S3-compatible object storage behind a
# CDN, for sites that outgrow one server.
#
#   deploy/publish-s3.sh public my-bucket
#
# Needs the AWS CLI (any S3-compatible store: set AWS_ENDPOINT_URL) and
# credentials in the environment. The order keeps the published site whole
# while it changes: first the search index's content-named files, then
# every other file a new page may need (styles, pictures, data, the search
# index's entry), then the pages themselves, then the old addresses'
# redirects, and only then deletes what the new build no longer has. Set
# CDN_INVALIDATE to a command that purges the CDN's cache of HTML (for
# example `aws cloudfront create-invalidation ...`).
#
# Each object gets the headers deploy/nginx.conf gives the same file:
# pages, feeds, the sitemap, the service worker and the search index's
# entry files `Cache-Control: no-cache` (revalidated on every visit), the search
# index's content-named files a year (`immutable`: a new index has new
# names), every other file an hour; and a Content-Type named here, text
# with `charset=utf-8`, rather than guessed from the machine's mime.types.
# tests/suite/s3.rs runs it against an S3 server on loopback (moto).
set -euf # -f: the patterns below are for aws, not the shell
SITE=${1:?usage: publish-s3.sh OUTPUT_DIR BUCKET}
BUCKET=${2:?usage: publish-s3.sh OUTPUT_DIR BUCKET}

HOUR='public, max-age=3600, must-revalidate'
YEAR='public, max-age=31536000, immutable'

# put CACHE TYPE FILTER...: uploads the files the filters (`--include
# PATTERN`, `--exclude PATTERN`) select that changed, with these headers.
# aqparat's own files (.aqparat-output, .redirects.map) and every hidden
# file stay out.
put() {
    cache=$1 type=$2
    shift 2
    aws s3 sync "$SITE" "s3://$BUCKET" --only-show-errors --exclude '*' "$@" \
        --exclude '.*' --exclude '*/.*' --cache-control "$cache" --content-type "$type"
}

# The old addresses of moved pages (`aliases:`), from the map's lines
# `"/OLD/" "/NEW/";` (a site at the bucket's root): `/OLD/ /NEW/` a line.
REDIRECTS=
if [ -f "$SITE/.redirects.map" ]; then
    REDIRECTS=$(sed -n 's|^"\(/.*/\)" "\(.*\)";$|\1 \2|p' "$SITE/.redirects.map")
fi

# 1. The search index's content-named files, which its new entry names.
put "$YEAR" application/octet-stream --include 'pagefind/*.pf_*'
# 2. Every other file a page may need, each kind with its type.
put "$HOUR" 'text/css; charset=utf-8' --include '*.css'
put "$HOUR" 'text/javascript; charset=utf-8' --include '*.js' --exclude 'pagefind/*' --exclude sw.js
put "$HOUR" application/json --include '*.json' --exclude 'pagefind/*'
put "$HOUR" 'text/csv; charset=utf-8' --include '*.csv'
put "$HOUR" 'text/plain; charset=utf-8' --include '*.txt'
put "$HOUR" image/svg+xml --include '*.svg'
put "$HOUR" image/png --include '*.png'
put "$HOUR" application/vnd.openxmlformats-officedocument.spreadsheetml.sheet --include '*.xlsx'
#    The site's other static files (fonts, photos, PDF…), typed by the CLI.
aws s3 sync "$SITE" "s3://$BUCKET" --only-show-errors --exclude '*.html' --exclude '*.xml' \
    --exclude '*.css' --exclude '*.js' --exclude '*.json' --exclude '*.csv' \
    --exclude '*.txt' --exclude '*.svg' --exclude '*.png' --exclude '*.xlsx' \
    --exclude 'pagefind/*' --exclude '.*' --exclude '*/.*' --cache-control "$HOUR"
#    The search index's entry, library and WebAssembly: not content-named.
put no-cache 'text/javascript; charset=utf-8' --include 'pagefind/*.js'
put no-cache application/json --include 'pagefind/*.json'
put no-cache application/octet-stream --include 'pagefind/*.pagefind'
# 3. The offline reader (the theme's service worker), feeds, the sitemap and
#    the pages (but the old addresses'), revalidated on every visit.
put no-cache 'text/javascript; charset=utf-8' --include sw.js
put no-cache 'application/atom+xml; charset=utf-8' --include '*/atom.xml'
#    A sitemap of more than 50,000 addresses: its parts before their index.
put no-cache 'application/xml; charset=utf-8' --include 'sitemap-*.xml'
put no-cache 'application/xml; charset=utf-8' --include 'sitemap.xml'
set --
while read -r from to; do
    # An alias may hold `*`, which the CLI's patterns would read as any text.
    [ -z "$from" ] || set -- "$@" --exclude "$(printf '%s' "${from#/}index.html" | sed 's/[*]/[*]/g')"
done <<EOF
$REDIRECTS
EOF
put no-cache 'text/html; charset=utf-8' --include '*.html' "$@"
# 4. The old addresses' pages, with a redirect, which the bucket's website
#    endpoint answers with a 301 (their page leads on without it).
while read -r from to; do
    key="${from#/}index.html"
    [ -n "$from" ] && [ -f "$SITE/$key" ] || continue
    aws s3 cp "$SITE/$key" "s3://$BUCKET/$key" --only-show-errors \
        --website-redirect "$to" --cache-control no-cache \
        --content-type 'text/html; charset=utf-8'
done <<EOF
$REDIRECTS
EOF
# 5. What the new build no longer has. Every file is uploaded by now, so
#    none differs in size and this only deletes.
aws s3 sync "$SITE" "s3://$BUCKET" --only-show-errors --exclude '.*' --exclude '*/.*' \
    --delete --size-only
if [ -n "${CDN_INVALIDATE:-}" ]; then
    sh -c "$CDN_INVALIDATE"
fi
