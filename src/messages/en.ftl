# aqparat's messages to staff, in English: the catalogue kk.ftl and ru.ftl
# follow. One entry per message; values are variables ({ $path }). Keep
# file names, YAML keys and commands untranslated, in backticks.

## Diagnostics (src/diag.rs)

severity-error = error
severity-warning = warning
help = help
did-you-mean = {" "}(did you mean `{ $name }`?)

## Summaries (src/cmd/build.rs)

count-errors = { $count } error(s)
count-warnings = { $count } warning(s)
build-failed = build failed: { $errors }, { $warnings }{ $strict }; nothing was written, { $output } is unchanged
check-failed = check failed: { $errors }, { $warnings }{ $strict }
built-some = built { $pages } pages ({ $rendered } rendered, the rest unchanged) into { $output } in { $seconds } s ({ $warnings })
built = built { $pages } pages into { $output } in { $seconds } s ({ $warnings })
checked = checked { $pages } pages in { $seconds } s: no errors, { $warnings }

strict-note = {" "}(warnings count as errors with --strict)

## Fatal errors (src/error.rs)

cannot-write-output = cannot write the site to { $output }: { $error }; check that the disk has room and that you may write there, or choose another --output
cannot-make-search-index = cannot make the search index of { $output }: { $error }; nothing was published. Build again, or set `search: false` in site.yaml to publish without a search index

## The serve overlay (src/serve/)

overlay-title = aqparat: the site has errors; this is the last good build

## YAML (src/load/yaml.rs)

yaml-tag = explicit YAML tag `{ $tag }` is not allowed{ $more }
yaml-tag-more = {" "}(and { $count } more in this file)
yaml-tag-hint = remove the tag: write the value as it is, in quotes if it is text (`"…"`); aqparat decides types itself
yaml-error = { $error }{ $guess }
yaml-control-character = this line has the control character U+{ $code }, which is invisible and not allowed
yaml-control-character-hint = delete it (retype the text around it if it does not show)
yaml-hint-unknown-field = check the spelling of this key; only the keys listed are allowed
yaml-hint-missing-field = add this key; it is required
yaml-hint-colon = a value that contains `: ` must be put in quotes, e.g. title: 'Біргеміз: Білім'; or fix the indentation of this line
yaml-hint-duplicate = this key appears twice; keep one of them
yaml-hint-alias = this file expands to too much data (anchors `&` and aliases `*` repeated inside each other); write the values out instead
yaml-hint-type = this value has the wrong type or form; put text containing `:`, `#`, `[` or `{"{"}` in quotes
yaml-hint-syntax = fix the YAML syntax here: `key: value`, one per line, nested keys indented by two spaces

## Links (src/render/links.rs, site.rs)

link-on-page = { $message } (on { $url })
link-on-page-and-one = { $message } (on { $url } and 1 other page)
link-missing-file = link to a page or file that the build does not make: `{ $target }`{ $guess }
link-missing-file-hint = link to a page by its source path, e.g. `@/rules/quarantine.md`, or check the address: a page `content/rules/x.kk.md` is at `/kk/rules/x/`, a static file `static/img/a.png` at `/img/a.png`
link-missing-anchor = link to an anchor that does not exist: #{ $fragment }{ $guess } in { $page }
link-no-ids-hint = that page has no element with an id; link to the page without `#…`
link-ids-hint = that page has no element with that id; its ids are #{ $ids }
link-missing-own-anchor = link to an anchor that does not exist in the page itself: #{ $fragment }{ $guess }
link-missing-own-anchor-hint = the page has no element with that id; link to an id it has (a heading's, or one the template gives), or give an element that id
link-outside-base = link outside the site: `{ $path }` is not below the site's address { $base_url }
link-outside-base-hint = the site is published at { $base_url }: every link on it begins with `{ $base_path }`; in a template write `{"{{"} site.base_path {"}}"}…`, in Markdown link pages by source path (`@/rules/quarantine.md`)
link-on-page-and-others = { $message } (on { $url } and { $others } other pages)
anchor-no-headings = it has no headings
anchor-headings = its headings are #{ $ids }
anchor-hint = { $known }; link to one of them or give a heading that id with `{"{"}#{ $anchor }{"}"}`

## Rendering (src/render/)

render-template = cannot render template `{ $template }`: { $error }
render-template-hint = check that the template exists in the theme's templates/ folder and has no errors above

## Files (src/load/files.rs)

symlink-outside = this is a symbolic link that leads outside the site's folder; aqparat does not read or publish it
symlink-outside-hint = copy the file into the site instead of linking to it, or delete the link
symlink-broken = this symbolic link leads nowhere{ $target }
symlink-target = {" "}(to `{ $target }`)
symlink-broken-hint = delete the link, or make it lead to a file inside the site's folder
not-a-file = this is { $kind }, not a file aqparat can read
kind-fifo = a named pipe (FIFO)
kind-socket = a socket
kind-device = a device
kind-folder = a folder
kind-special = a special file
not-a-file-hint = replace it with a regular file, or delete it
cannot-read-file = cannot read this file: { $error }
cannot-read-folder = cannot read this folder: { $error }
unreadable-permission-hint = the user running aqparat may not read it: fix its permissions (e.g. chmod a+r), or delete it
unreadable-hint = check that the file exists and is readable
walk-unreadable-hint = check that it exists and is readable
not-utf8 = this file is not UTF-8 text
not-utf8-hint = save the file with UTF-8 encoding (in most editors: Save as… → Encoding: UTF-8)
symlink-loop = this symbolic link leads to a folder that contains it (a loop)
symlink-loop-hint = delete the link, or make it lead to another folder

## Loading (src/load/)

no-content = no content/ folder in { $root }
no-content-hint = create content/ with the home page of each language, content/_index.LANG.md; or run aqparat in the site's folder (--root DIR)
no-front-matter = the page has no front matter
no-front-matter-hint = start the file with a `---` line, then `title: …`, then another `---` line
no-language-suffix = the file name has no language suffix
no-language-suffix-hint = name it `{ $stem }.LANG.md` with one of the languages of site.yaml, e.g. `{ $stem }.kk.md`
gitignore-pattern = aqparat does not understand this pattern ({ $error }) and leaves it out
gitignore-pattern-hint = write it as gitignore(5) describes; `git check-ignore -v PATH` tests a pattern
no-site-yaml = no site.yaml in { $root }
no-site-yaml-hint = run aqparat in the site's folder, or pass --root DIR
data-name-taken = `data.{ $stem }` is also { $other }
data-name-taken-hint = rename one of the files: templates see each data file by its name
stats-file-missing = this statistics file is missing
stats-file-missing-hint = data/aid/ needs organisations.yaml, units.yaml, categories.yaml, sources.yaml and records.yaml; see the README

## Pages (src/validate/pages.rs)

page-no-title = the page has no title
page-no-title-hint = add a line `title: …` to the front matter
page-empty-title = the title is empty
page-empty-title-hint = write the page's title after `title:`
page-invalid-date = invalid { $name }: { $error }
page-date-hint = write the date as YYYY-MM-DD, for example 2020-04-03
page-updated-before-date = `updated` ({ $updated }) is before `date` ({ $date })
page-updated-before-date-hint = `updated` is the date of the last change; it cannot precede the publication date
page-unknown-template = template `{ $template }` does not exist in the theme{ $guess }
use-one-of = use one of: { $list }
page-bad-file-name = the file name `{ $name }` has characters that do not belong in an address
page-bad-folder-name = the folder name `{ $name }` has characters that do not belong in an address
page-bad-name-hint = rename it `{ $name }`: names of pages and folders are made of letters, digits, `-`, `_` and `.`
page-unknown-lang = language `{ $lang }` is not one of the site's languages
page-unknown-lang-hint = rename the file with one of the suffixes { $suffixes }, or add `{ $lang }` to `languages` in site.yaml
page-same-url = this file and { $others } both become /{ $url }
page-same-url-hint = keep one of them: a folder's page belongs in its `_index.LANG.md`
page-no-home = there is no home page in `{ $lang }`
page-no-home-hint = create { $path } with a front matter `title: …` (and `draft: false`): /{ $lang }/ is made from it
page-no-translation = no translation into `{ $lang }`
page-no-translation-hint = write { $path }; until then the language switcher leads to the nearest `{ $lang }` section
