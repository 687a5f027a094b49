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
set -eu
SITE=${1:?usage: publish-s3.sh OUTPUT_DIR BUCKET}
BUCKET=${2:?usage: publish-s3.sh OUTPUT_DIR BUCKET}

# 1. Assets, cached for an hour.
aws s3 sync "$SITE" "s3://$BUCKET" --exclude "*.html" --exclude "*.xml" \
    --cache-control "public, max-age=3600, must-revalidate"
# 2. Pages, feeds and the sitemap, revalidated on every visit.
aws s3 sync "$SITE" "s3://$BUCKET" --exclude "*" --include "*.html" \
    --cache-control "no-cache" --content-type "text/html; charset=utf-8"
aws s3 sync "$SITE" "s3://$BUCKET" --exclude "*" --include "*.xml" --cache-control "no-cache"
# 3. What the new build no longer has.
aws s3 sync "$SITE" "s3://$BUCKET" --delete --size-only
if [ -n "${CDN_INVALIDATE:-}" ]; then
    sh -c "$CDN_INVALIDATE"
fi
