#!/bin/sh
# Publish a built site (public/) to S3-compatible object storage behind a
# CDN, for sites that outgrow one server.
#
#   deploy/publish-s3.sh public my-bucket
#
# Needs the AWS CLI (any S3-compatible store: set AWS_ENDPOINT_URL) and
# credentials in the environment. The order keeps the published site whole
# while it changes: first every file a new page may need (styles, pictures,
# data), then the pages themselves, and only then deletes what the new build
# no longer has. Set CDN_INVALIDATE to a command that purges the CDN's cache
# of HTML (for example `aws cloudfront create-invalidation ...`).
set -euf  # -f: the patterns below are for aws, not the shell
SITE=${1:?usage: publish-s3.sh OUTPUT_DIR BUCKET}
BUCKET=${2:?usage: publish-s3.sh OUTPUT_DIR BUCKET}

# aqparat's own files (.aqparat-output, .redirects.map) are not the site's.
HIDDEN='--exclude .* --exclude */.*'
# 1. Assets, cached for an hour.
aws s3 sync "$SITE" "s3://$BUCKET" $HIDDEN --exclude "*.html" --exclude "*.xml" \
    --cache-control "public, max-age=3600, must-revalidate"
# 2. Pages, feeds and the sitemap, revalidated on every visit.
aws s3 sync "$SITE" "s3://$BUCKET" --exclude "*" --include "*.html" $HIDDEN \
    --cache-control "no-cache" --content-type "text/html; charset=utf-8"
aws s3 sync "$SITE" "s3://$BUCKET" --exclude "*" --include "*.xml" $HIDDEN --cache-control "no-cache"
# 3. The old addresses of moved pages (`aliases:`): their pages carry a
#    redirect, which the bucket's website endpoint answers with a 301. The
#    map's lines are `"/OLD/" "/NEW/";` (a site at the bucket's root).
if [ -f "$SITE/.redirects.map" ]; then
    grep '^"/.*/" "' "$SITE/.redirects.map" | while IFS='"' read -r _ from _ to _; do
        key="${from#/}index.html"
        [ -f "$SITE/$key" ] || continue
        aws s3 cp "$SITE/$key" "s3://$BUCKET/$key" --website-redirect "$to" \
            --cache-control "no-cache" --content-type "text/html; charset=utf-8"
    done
fi
# 4. What the new build no longer has.
aws s3 sync "$SITE" "s3://$BUCKET" $HIDDEN --delete --size-only
if [ -n "${CDN_INVALIDATE:-}" ]; then
    sh -c "$CDN_INVALIDATE"
fi
