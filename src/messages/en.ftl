# aqparat's messages to staff, in English: the catalogue kk.ftl and ru.ftl
# follow. One entry per message; values are variables ({ $path }). Keep
# file names, YAML keys and commands untranslated, in backticks.

## Diagnostics (src/diag.rs)

severity-error = error
severity-warning = warning
help = help
did-you-mean = {" "}(did you mean `{ $name }`?)

## Summaries (src/cmd/build.rs)

count-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
    }
count-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
    }
build-failed = build failed: { $errors }, { $warnings }{ $strict }; nothing was written, { $output } is unchanged
check-failed = check failed: { $errors }, { $warnings }{ $strict }
built-some = built { $pages } pages ({ $rendered } rendered, the rest unchanged) into { $output } in { $seconds } s ({ $warnings })
built = built { $pages } pages into { $output } in { $seconds } s ({ $warnings })
checked = checked { $pages } pages in { $seconds } s: no errors, { $warnings }
built-images = images: { $encoded } encoded, { $cached } taken from the cache (.aqparat/cache/images/)
built-waiting = { $count ->
    [one] { $count } page dated after today is not published yet: { $pages }{ $more } (`--future` builds it, to preview)
   *[other] { $count } pages dated after today are not published yet: { $pages }{ $more } (`--future` builds them, to preview)
    }
built-waiting-more = {" "}and { $count } more
image-no-alt = image without alt text: `{ $src }`
image-no-alt-hint = write what the image shows between the brackets, e.g. `![Маска киген дәрігер](masks.jpg)`, for readers who cannot see it; an image that only decorates the page gets `{ $decorative }` as its text: `![{ $decorative }](border.png)`
image-missing = image not found: `{ $src }`{ $guess }
image-missing-hint = a relative path is read from the page's folder (`![…](masks.jpg)` in `content/rules/x.kk.md` is `content/rules/masks.jpg`, shared by both languages); a path from `/` is a static file (`/img/a.png` is `static/img/a.png`)
image-format = `{ $path }` is not an image aqparat can publish
image-format-hint = save it as JPEG, PNG or WebP (photos and pictures, resized for phones), GIF or SVG (published as they are)
image-unreadable = cannot read the image `{ $path }`: { $error }
image-unreadable-hint = the file may be damaged, or not in the format its name says: open it in an image editor and save it again as JPEG, PNG or WebP
image-too-large = the image `{ $path }` is { $size } pixels, larger than aqparat decodes: at most { $max_megapixels } megapixels in all (width × height) and { $max_side } pixels a side, and at most { $max_height } pixels tall once { $page_width } pixels wide
image-too-large-hint = resize the picture before adding it to the site, e.g. with "Resize" or "Export" in an image editor: 1440 pixels wide is enough, no page shows an image wider
strict-note = {" "}(warnings count as errors with --strict)

## Fatal errors (src/error.rs)

cannot-write-output = cannot write the site to { $output }: { $error }; { $advice }
output-advice-room = free space on the disk, or choose another --output
output-advice-permission = check that you may write there, or choose another --output
output-advice-name = a file or folder name in it is longer than the file system allows: shorten the names of the content's files and folders, or choose a shorter --output
output-advice-output-name = the --output path itself is longer than the file system allows (a folder name of more than 255 bytes, counting the staging folder named after it that aqparat makes beside it): choose a shorter --output
output-advice-not-folder = { $file } is a file, not a folder, so nothing can be made inside it: choose another --output
output-advice-link-to-nowhere = { $link } is a symbolic link that leads nowhere, so no folder can be made through it: make what it leads to, remove the link, or choose another --output
output-advice-any = check that the disk has room and that you may write there, or choose another --output
cannot-make-search-index = cannot make the search index of { $output }: { $error }; nothing was published. { $advice }
search-advice-room = Free space on the disk, then build again
search-advice-any = Build again, or set `search: false` in site.yaml to publish without a search index

## The serve overlay (src/serve/)

overlay-title = aqparat: the site has errors; this is the last good build

## YAML (src/load/yaml.rs)

yaml-tag = explicit YAML tag `{ $tag }` is not allowed{ $more }
yaml-tag-more = {" "}(and { $count } more in this file)
yaml-tag-hint = remove the tag: write the value as it is, in quotes if it is text (`"…"`); aqparat decides types itself
yaml-unknown-key = unknown key `{ $key }`; the keys allowed here: { $known }{ $guess }
yaml-unknown-value = unknown value `{ $value }`; the values allowed here: { $known }{ $guess }
yaml-missing-key = the required key `{ $key }` is missing
yaml-missing-key-of = `{ $name }`: the required key `{ $key }` is missing
yaml-repeated-key = the key `{ $key }` is given twice
yaml-second-document = a second document starts here, after a line `---`: a file holds one
yaml-empty = the file holds nothing to read: it is empty, or only comments
yaml-not-a-figure = `{ $value }` is no figure: write the number in digits
yaml-number-too-large = `{ $value }` is too large a number for this value
yaml-number-too-small = `{ $value }` is below the smallest number this value takes
yaml-number-hint = check the figure for a typo
yaml-aliases-too-much = the anchors (`&`) and aliases (`*`) here expand to too much data
yaml-wrong-kind = { $expected } belongs here, not { $found }
yaml-wrong-form = this value should be { $expected }
yaml-unreadable = this part cannot be read: { $error }
yaml-too-deep = lists and mappings are nested here more deeply than aqparat reads
yaml-comment-cut = `#` after a space starts a comment in YAML: the text is only `{ $value }`, and `{ $comment }` is left out
yaml-comment-cut-hint = if `#` belongs to the text, put the whole text in quotes: `{ $quoted }`; a comment goes on a line of its own
yaml-kind-whole-number = a whole number
yaml-kind-number = a number
yaml-kind-text = text
yaml-kind-list = a list
yaml-kind-mapping = a mapping of keys to values (`key: value`)
yaml-kind-boolean = `true` or `false`
yaml-kind-empty = an empty value
yaml-kind-single = a single value (text, a number, `true` or `false`), not a list or mapping
yaml-kind-ui-string = text, or its forms by count (`one: …`, `other: …`)
yaml-control-character = this line has the control character U+{ $code }, which is invisible and not allowed
yaml-control-character-hint = delete it (retype the text around it if it does not show)
yaml-tab = a tab character, where YAML allows only spaces
yaml-tab-hint = replace the tab with spaces (many editors can be set to insert spaces for the Tab key)
yaml-quote-unclosed = the quote { $quote } opened here is not closed on this line, so YAML read on to a quote on line { $line }
yaml-quote-unclosed-hint = add the closing quote { $quote } where this text ends
yaml-hint-unknown-field = check the spelling of this key; only the keys listed are allowed
yaml-hint-unknown-value = check the spelling of this value; only the values listed are allowed
yaml-hint-missing-field = add this key; it is required
yaml-hint-missing-written = add this key; it is required; if `{ $key }` is meant to be it, correct its spelling
yaml-hint-empty = write the value after the `:`; a key with nothing after it has no value
yaml-hint-single = write one value after the key, without `[…]`, `{"{"}…{"}"}` or `- ` items; text that starts with `[` or `{"{"}`, or holds `: `, goes in quotes
yaml-hint-colon = a value that contains `: ` must be put in quotes, e.g. title: 'Біргеміз: Білім'; or fix the indentation of this line
yaml-hint-duplicate = this key appears twice; keep one of them
yaml-hint-second-document = remove that `---` line (and a `...` line before it): a file is one document; move what follows it into a file of its own, or into this one
yaml-hint-depth = lists and mappings are nested here more deeply than any file of a site needs; check the brackets and the indentation
yaml-hint-alias = this file expands to too much data (anchors `&` and aliases `*` repeated inside each other); write the values out instead
yaml-hint-bool = write `true` (yes) or `false` (no)
yaml-hint-list = a list belongs here, even of one item: each item on a line of its own under the key, indented, after `- ` (  - /old-page/)
yaml-hint-type = this value has the wrong type or form; put text containing `:`, `#`, `[` or `{"{"}` in quotes
yaml-hint-syntax = fix the YAML syntax here: `key: value`, one per line, nested keys indented by two spaces
yaml-quote-inside = this { $quote } ends the text in quotes, and more text follows it: a quote inside a text in quotes ends the text
yaml-quote-inside-hint = write the quotes inside the text as «…», or put the whole text in single quotes, each `'` in it written twice: `{ $quoted }`
yaml-unknown-anchor = `*{ $name }` repeats the value marked `&{ $name }`, but no value above it is marked so
yaml-unknown-anchor-hint = mark the value to repeat with `&{ $name }` above this line (`{ $key }: &{ $name } …`), or write the value here instead of `*{ $name }`
yaml-quote-never-closed = the quote { $quote } opened here is never closed
yaml-cannot-start = in YAML a value cannot start with `{ $char }`
yaml-cannot-start-hint = put the whole text in quotes: `{ $quoted }`
yaml-unknown-escape = in text in double quotes `\` starts a special character, and `{ $escape }` is none
yaml-unknown-escape-hint = put the text in single quotes, where `\` is a plain character: `{ $quoted }`; or write each `\` twice (`\\`)
yaml-no-colon = this line has no `: ` after its key, so YAML cannot read it as `key: value`
yaml-no-colon-hint = write `: ` (a colon and a space) between the key and its value; if the line goes on with the value of the line above, join it to that line
yaml-not-a-key = YAML expected a key here (`key: value`), lined up with the keys above it
yaml-stray-bracket = this { $bracket } closes a bracket that was never opened
yaml-stray-bracket-hint = remove it, or, if the bracket belongs to the text, put the whole text in quotes
yaml-colon = a colon and a space mark a key, and no key can be here: this is inside a value, or on a line indented deeper than the keys above it
yaml-hint-whole-number = write a whole number in digits, without a point or words, e.g. `10`
yaml-hint-number = write the number in digits, a point before its fraction, e.g. `10` or `2.5`
yaml-hint-mapping = write the keys this value holds on the lines under it, indented by two spaces: `key: value`, one a line

## Links (src/render/links.rs, site.rs)

link-on-page = { $message } (on { $url })
link-on-page-and-one = { $message } (on { $url } and 1 other page)
link-missing-file = link to a page or file that the build does not make: `{ $target }`{ $guess }
link-missing-file-hint = link to a page by its source path, e.g. `@/rules/quarantine.md`, or check the address: a page `content/rules/x.kk.md` is at `/kk/rules/x/`, a static file `static/img/a.png` at `/img/a.png`
link-not-read = this link is not read as a link, and shows on the page as written: its address has a space
link-not-read-hint = write the address between angle brackets, `<{ $address }>`; a file is better named without spaces (`Фото-карта.jpg`)
link-missing-anchor = link to an anchor that does not exist: #{ $fragment }{ $guess } in { $page }
link-no-ids-hint = that page has no element with an id; link to the page without `#…`
link-ids-hint = that page has no element with that id; its ids are #{ $ids }
link-missing-own-anchor = link to an anchor that does not exist in the page itself: #{ $fragment }{ $guess }
link-missing-own-anchor-hint = the page has no element with that id; link to an id it has (a heading's, or one the template gives), or give an element that id
link-outside-base = link outside the site: `{ $path }` is not below the site's address { $base_url }{ $guess }
link-outside-base-hint = the site is published at { $base_url }: every link on it begins with `{ $base_path }`; in a template write `{"{{"} site.base_path {"}}"}…`, in Markdown link pages by source path (`@/rules/quarantine.md`), the pages aqparat makes (the infographics) by a path from the page (`../infographics/`), and files of static/ with `{ $base_path }` before their path
link-on-page-and-others = { $message } (on { $url } and { $others } other pages)
anchor-no-headings = it has no headings: add one with that id (`## … {"{"}#{ $anchor }{"}"}`), or link to the page without `#{ $anchor }`
anchor-headings = its headings are #{ $ids }
anchor-headings-first = its first { $shown } headings of { $all } are #{ $ids }
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
symlink-links-loop = this symbolic link{ $target } is one of a loop of links that lead to each other and never to a file or folder
symlink-links-loop-hint = make one link of the loop lead to a file or folder of the site (not to another link of the loop), or delete the links
symlink-not-site-file = through a symbolic link, this leads to `{ $target }`, which is no file of the site (it is hidden, or the .gitignore leaves it out); aqparat does not read or publish it
symlink-not-site-file-hint = replace the link by a copy of the file, or make it lead to a file of the site that is not hidden and that the .gitignore does not leave out
symlink-into-output = through a symbolic link, this leads into `{ $output }`, a folder aqparat built (an output); aqparat does not read or publish it
symlink-into-output-hint = delete the link: an output is made from the site and never read back into it; link to the file of the site it was made from, or put a copy of it in static/
not-a-file = this is { $kind }, not a file aqparat can read
kind-fifo = a named pipe (FIFO)
kind-socket = a socket
kind-device = a device
kind-folder = a folder
kind-file = a file
kind-special = a special file
not-a-file-hint = replace it with a regular file, or delete it
not-a-folder = this is { $kind }, not a folder: aqparat reads the site's files only from a folder `{ $name }/`, and reads nothing here
not-a-folder-hint = rename it or move it away; what belongs in `{ $name }` goes in a folder of that name
cannot-read-file = cannot read this file: { $error }
cannot-read-folder = cannot read this folder: { $error }
unreadable-permission-hint = the user running aqparat may not read it: fix its permissions (e.g. chmod a+r), or delete it
unreadable-hint = check that the file exists and is readable
walk-unreadable-hint = check that it exists and is readable
not-utf8 = this file is not UTF-8 text
not-utf8-hint = save the file with UTF-8 encoding (in most editors: Save as… → Encoding: UTF-8)
file-name-not-utf8 = this file's name is not UTF-8 text (files unzipped from an archive made on Windows may have such names), so it cannot be read as a name
folder-name-not-utf8 = this folder's name is not UTF-8 text (folders unzipped from an archive made on Windows may have such names), so nothing in it is read
name-not-utf8-hint = rename it, typing its name anew (Latin letters, digits and hyphens are the safest)
symlink-loop = this symbolic link leads to a folder that contains it (a loop)
symlink-loop-hint = delete the link, or make it lead to another folder

## Loading (src/load/)

no-content = no content/ folder in { $root }
no-content-hint = create content/ with the home page of each language, content/_index.LANG.md; or run aqparat in the site's folder (--root DIR)
no-front-matter = the page has no front matter
no-front-matter-hint = start the file with a `---` line, then `title: …`, then another `---` line
front-matter-unclosed = the front matter opened by this `---` line is never closed
front-matter-unclosed-hint = add a line of just `---` after the front matter's last key (`title: …`, `date: …`), before the text of the page
no-language-suffix = the file name has no language suffix
no-language-suffix-hint = name it `{ $stem }.LANG.md` with one of the languages of site.yaml, e.g. `{ $stem }.kk.md`
gitignore-pattern = aqparat does not understand this pattern ({ $error }) and leaves it out
gitignore-pattern-hint = write it as gitignore(5) describes; `git check-ignore -v PATH` tests a pattern
no-site-yaml = no site.yaml in { $root }
no-site-yaml-hint = run aqparat in the site's folder, or pass --root DIR
root-not-folder = { $root } is a file, not the folder of a site
root-missing = the folder { $root } does not exist
data-name-taken = `data.{ $stem }` is also { $other }
data-name-taken-hint = rename one of the files: templates see each data file by its name
data-name-aid = `data.aid` is the statistics of data/aid/: no data file may take that name
data-name-aid-hint = rename the file: templates see each data file by its name, and `aid` is the statistics'
stats-file-missing = this statistics file is missing
stats-file-missing-hint = data/aid/ needs organisations.yaml, units.yaml, categories.yaml, sources.yaml and records.yaml (or records.csv); `aqparat init --statistics NEW-FOLDER` makes a set of them to copy from
stats-left-out = the .gitignore leaves the statistics out: git does not commit them, so aqparat does not read them either, and the site is built without them
stats-file-left-out = this statistics file is there, but the .gitignore leaves it out: git does not commit it, so aqparat does not read it either
stats-left-out-hint = remove the .gitignore pattern that leaves out { $path } (`git check-ignore -v { $path }` shows which)
stats-file-folder = this is a folder, but { $name } must be a file
stats-file-folder-hint = first move the files the folder holds out of it (a statistics file into data/aid/), then delete the empty folder: { $name } must be a file in data/aid/
data-aid-unread = aqparat does not read this file: the statistics are organisations.yaml, units.yaml, categories.yaml, sources.yaml and records.yaml (or records.csv) in data/aid/, and no other file{ $guess }
data-aid-unread-hint = rename it as one of those, or put its records into records.yaml (one file holds every record); anything else goes out of data/aid/
data-unknown-kind = aqparat reads only YAML (.yaml, .yml), CSV (.csv) and JSON (.json) files in data/; this one is left out
data-unknown-kind-hint = give it one of those extensions if it is data for templates, or move it out of data/ (files to download go in static/)
content-not-md = this file is not read as a page: only files whose names end in `.md` are
content-not-md-hidden-end = this file is not read as a page: its name ends in a dot or a space after `.md`, which Windows does not show
content-not-md-hint = rename it `{ $name }` if it is a page; if not, move it out of content/ (files to download go in static/)
json-error = this part cannot be read: { $error }
json-error-hint = check the JSON syntax here: a comma missing or one too many, a bracket or quote not closed
json-ends-early = the file ends before this value does
json-expected-value = a value belongs here: text in double quotes, a number, `true`, `false`, `null`, a list `[…]` or an object `{"{"}…{"}"}`
json-expected-comma = a comma, or the bracket that closes the list or object, belongs here
json-expected-colon = a colon belongs here, between the key and its value
json-key-not-text = a key must be text in double quotes
json-trailing-comma = a comma before a closing bracket: JSON allows none after the last item
json-trailing-text = there is more after the end of the file's value
json-too-deep = lists and objects are nested here more than 128 deep
json-number-too-large = this number is too large to read
json-control-character = a control character inside a string: write a line break as `\n` and a tab as `\t`
csv-no-header = this CSV file has no header row
csv-no-header-hint = the first row names the columns, as the published /data/aid.csv does: id, organisation, category, count, unit, what_kk, what_ru, source and the others you use
csv-duplicate-column = the column `{ $name }` is named twice (first at character { $col } of the row)
csv-duplicate-column-hint = rename or delete one of them
csv-extra-cell = this row has more cells than the header row has columns
csv-extra-cell-hint = name the column in the header row, or delete the cell
csv-unclosed-quote = this quote opens a cell that is not closed where the cell ends: the rows after it would be read as part of the cell
csv-unclosed-quote-hint = close the cell with `"` where it ends; a quote inside a quoted cell is written twice, `""`
csv-not-utf8-hint = in Excel, save it with File → Save As → "CSV UTF-8 (Comma delimited)"; in LibreOffice, choose the character set "Unicode (UTF-8)"
records-header-unknown = the first row names none of the columns aqparat reads, and it must: it is the header row
records-unknown-column = unknown column `{ $name }`{ $guess }
records-columns-hint = the columns are { $columns }, and one per language of the site: { $what }
records-missing-column = the header row has no column `{ $name }`, which every record needs
records-empty-cell = this record has no `{ $name }`
records-empty-cell-hint = fill in the cell: every record needs one
records-short-row = this row ends before its cells of `{ $names }`, which every record needs
records-short-row-hint = add the missing cells: a row has a cell for each column of the header, an empty one written as nothing between two { $delimiter ->
    [semicolon] semicolons (`;`)
    [tab] tabs
   *[comma] commas
}
records-bad-boolean = `reported` is `{ $value }`, not true or false
records-bad-boolean-hint = write false when the source gives no figure (and leave count empty); otherwise leave the cell empty
records-both = there are both records.yaml and records.csv in data/aid/
records-both-hint = keep the records in one of them and delete the other

## Pages (src/validate/pages.rs)

page-no-title = the page has no title
page-no-title-hint = add a line `title: …` to the front matter
page-empty-title = the title is empty
page-empty-title-hint = write the page's title after `title:`
page-invalid-date = invalid { $name }: { $error }
page-date-hint = write the date as YYYY-MM-DD, for example 2020-04-03
page-updated-before-date = `updated` ({ $updated }) is before `date` ({ $date })
page-updated-before-date-hint = `updated` is the date of the last change; it cannot precede the publication date
page-expires-before-date = `expires` ({ $expires }) is not after `date` ({ $date })
page-expires-before-date-hint = `expires` is the first day the page is no longer in force; give a day after its publication date, or leave `expires` out
page-unknown-template = template `{ $template }` does not exist in the theme{ $guess }
page-own-template = `{ $template }` is the template of a page aqparat makes itself ({ $what }), which shows what only that page has: a page of content/ cannot use it
page-section-template = `{ $template }` is the template of sections (`_index.md`): it shows a section's list of pages, which a page has not
use-one-of = use one of: { $list }
page-bad-file-name = the file name `{ $name }` has characters that do not belong in an address
page-bad-folder-name = the folder name `{ $name }` has characters that do not belong in an address
page-bad-name-hint = rename it `{ $name }`: names of pages and folders are made of letters, digits, `-`, `_` and `.`
page-unknown-lang = language `{ $lang }` is not one of the site's languages
page-unknown-lang-hint = add `{ $lang }` to `languages` in site.yaml; or, if the site has no pages in `{ $lang }`, remove the file or rename it with one of the suffixes { $suffixes }
page-unknown-lang-country-hint = `{ $lang }` is a country's code, not a language's: rename the file to end in `.{ $meant }.md`
page-unknown-lang-rename-hint = remove the file, or rename it with one of the suffixes { $suffixes }
page-same-url = this file and { $others } both become /{ $url }
page-same-url-hint = keep one of them: a folder's page belongs in its `_index.LANG.md`
page-url-twin = { $count ->
    [1] this file becomes /{ $url }, and { $others } becomes an address that differs from it only in capital letters or in how a letter is encoded: on Windows and macOS both are one folder, and one page would replace the other
   *[other] this file becomes /{ $url }, and { $others } become addresses that differ from it only in capital letters or in how a letter is encoded: on Windows and macOS they are all one folder, and one page would replace the others
    }
page-url-twin-hint = rename one of the files, or keep only one
page-no-home = there is no home page in `{ $lang }`
page-no-home-hint = create { $path } with a front matter `title: …` (and `draft: false`): /{ $lang }/ is made from it
page-no-home-left-out-hint = { $path } is there, but the .gitignore leaves it out: git does not commit it, so aqparat does not read it either; remove the .gitignore pattern that leaves it out
page-no-home-fallback-hint = { $hint }; until then /{ $lang }/ lists the `{ $default }` sections and pages
page-no-translation = no translation into `{ $lang }`
page-no-translation-hint = write { $path }; until then the language switcher leads to the nearest `{ $lang }` section
page-translation-waiting = the translation into `{ $lang }`, { $path }, is published only from { $day }
page-translation-waiting-hint = until then the language switcher leads to the nearest `{ $lang }` section; to publish it with this page, give it this page's date
page-translation-draft = the translation into `{ $lang }`, { $path }, is a draft and is not published
page-translation-draft-hint = until it is, the language switcher leads to the nearest `{ $lang }` section; publish it by removing `draft: true`
page-translation-draft-waiting = the translation into `{ $lang }`, { $path }, is a draft, and dated after today ({ $day }): it is not published for either reason
page-translation-draft-waiting-hint = until it is, the language switcher leads to the nearest `{ $lang }` section; to publish it with this page, remove `draft: true` and give it this page's date

## site.yaml (src/validate/config.rs)

config-base-url = base_url: { $problem }
config-base-url-hint = write the full address the site is published at, e.g. `https://example.kz/`
config-no-languages = no languages are listed
config-no-languages-hint = list at least one language, e.g. `kk: {"{"} name: Қазақша, title: … {"}"}`
config-bad-language-code = `{ $code }` is not a language code
config-empty-language-code = a language is listed without a code
config-bad-language-code-hint = use a two- or three-letter lowercase ISO 639 code, such as `kk` or `ru`
language-code-reserved = `{ $code }` cannot be a language's code: /{ $code }/ is the folder of the preview cards
language-code-country = `{ $code }` is a country's code, not a language's: the language's code is `{ $lang }`
language-code-country-hint = write `{ $lang }` instead of `{ $code }` here and in default_language, and name the pages of this language NAME.{ $lang }.md
config-notice-lang = the notice has text in `{ $lang }`, which is not one of the languages
config-notice-lang-hint = add `{ $lang }` to `languages`, or remove the notice's `{ $lang }:` text
config-language-field-empty = the { $field } of language `{ $code }` is empty
config-language-field-empty-hint = write it after `{ $field }:`: every page in this language shows it
config-default-language = default_language `{ $lang }` is not one of the languages
search-not-built = this aqparat was built without the `search` feature, so the site gets no search index (the index of all pages stays)
search-not-built-hint = install aqparat with its default features (`cargo install --path .` in its source), or write `search: false` to go without search
dates-git-not-built = `dates: git` asks for pages' dates from git, but this aqparat was built without the `history` feature: "last updated" comes from the front matter (`updated`, else `date`)
dates-git-not-built-hint = install aqparat with its default features (`cargo install --path .` in its source), or remove `dates: git`
control-character = { $what } has the control character U+{ $code }, which is invisible and breaks the feeds
control-character-hint = delete it (retype the text around it if it does not show); for a break, use a new line
direction-control = { $what } has U+{ $code }, an invisible character that reverses or reorders the text after it
direction-control-hint = delete it (retype the text around it if it does not show): it makes the text read otherwise than it is written; the marks U+200E and U+200F, which place punctuation in right-to-left text, are allowed
what-field = the { $field }
what-language-field = the { $field } of language `{ $code }`
what-notice = the notice in `{ $code }`

## UI strings (src/validate/i18n.rs)

what-ui-string = UI string `{ $key }`
what-ui-form = the form `{ $form }` of UI string `{ $key }`
i18n-missing-lang = no UI strings for language `{ $lang }`
i18n-missing-lang-hint = create { $path } with the keys of another language's file (the built-in theme has kk, ru and en; `aqparat theme eject` copies them into the site)
i18n-missing-key = UI string `{ $key }` is missing in language `{ $lang }`
i18n-missing-key-hint = add `{ $key }:` to { $path }; { $there }:{ $line } has it
i18n-unknown-key = unknown key `{ $key }`: the theme has no UI string of this name{ $guess }
i18n-unknown-key-hint = correct the key to `{ $meant }`: a string here replaces the theme's string of the same key
i18n-slip-key = unknown key `{ $key }`: no other language has it{ $guess }
i18n-slip-key-hint = correct the key to `{ $meant }`, the one every other language has
i18n-unknown-placeholder = the UI string `{ $key }` holds `{ $placeholder }`, which nothing replaces: the pages would show it as written{ $guess }
i18n-placeholder-hint = what `{ $key }` may hold, each replaced by its value: { $known }
i18n-no-placeholder-hint = `{ $key }` holds no value to replace: write its text without braces
i18n-missing-form = UI string `{ $key }` lacks the plural form `{ $category }`
i18n-missing-form-hint = language `{ $lang }` needs the forms { $forms }
i18n-unknown-form = UI string `{ $key }` has an unknown plural form `{ $category }`
i18n-unknown-form-hint = language `{ $lang }` uses only the forms { $forms }

## The theme (src/load/theme.rs)

theme-bad-name = theme `{ $name }` is not the name of a folder under themes/
theme-there = {" "}(there: { $names })
theme-bad-name-hint = write the name of one folder under themes/ (letters, digits, `-`, `_`), e.g. `theme: default`{ $available }, or leave `theme:` out for the built-in theme
theme-not-found = theme `{ $name }` not found: there is no folder { $dir }/ in { $root }{ $guess }
theme-not-found-hint = set `theme:` in site.yaml to a folder under themes/{ $available }, create { $dir }/ with the templates, i18n/ and static/ files that differ from the built-in theme, or leave `theme:` out for the built-in theme
tera-names-hint = check the templates' `extends` and `include` names
template-error = template error: { $error }
template-syntax-error = template syntax error: { $error }
template-no-field = template error: `{ $name }` is not defined here{ $guess }; what there is: { $offered }
template-no-field-bare = template error: `{ $name }` is not defined here
template-no-variable = template error: the variable `{ $name }` is not defined here{ $guess }; the variables there are: { $offered }
template-no-variable-bare = template error: the variable `{ $name }` is not defined here
template-no-ui-string = template error: UI string `{ $key }` (`i18n.{ $key }`) is not defined{ $guess }
template-unknown-filter = template error: unknown filter `{ $name }`{ $guess }
template-unknown-function = template error: unknown function `{ $name }`
template-unknown-template = template error: there is no template `{ $name }`, in the theme or the built-in one
template-unknown-template-hint = name a file of the theme's `templates/` folder by its path there (`partials/nav.html`), or add that file
template-unclosed = template error: `{ $open }` is not closed: `{ $found }` on line { $line } comes before its `{ $end }`
template-unclosed-at-end = template error: `{ $open }` is not closed before the template ends
template-unclosed-hint = add `{ $end }` where its block should end
template-closes-nothing = template error: `{ $found }` closes nothing: no `{ $open }` is open here
template-closes-nothing-hint = remove it, or add before it the `{ $open }` it should close
template-unknown-tag = template error: unknown tag `{ $name }`{ $guess }
template-unknown-tag-hint = the tags Tera knows: { $tags }
template-misplaced-else = template error: `{ $found }` cannot stand here in `{ $open }` (line { $line }): an `if` takes its `elif`s, then one `else`, last; a `for` one `else`
template-misplaced-else-hint = move it before the block's `else`, or remove it
template-delimiter-unclosed = template error: `{ $start }` opened here is never closed with `{ $end }`
template-delimiter-unclosed-hint = add `{ $end }` where it should end
template-missing-parent = `{ $current }` extends `{ $parent }`, which does not exist
template-missing-parent-hint = fix the name in `{"{"}% extends %{"}"}` or add the missing template
template-hint-ui-string = add the string to every themes/…/i18n/LANG.yaml, or fix its name here
template-hint-function = aqparat adds the function `t` and the filters `num` and `date` to Tera's built-ins; check the name
template-hint-undefined = use a variable the page context provides (see the README), or guard it: `{"{"}% if x is defined %{"}"}` / `x | default(value="")`
template-hint-syntax = check the Tera syntax here: tags are `{"{"}% … %{"}"}`, expressions `{"{{"} … {"}}"}`, every block needs its `end…`

## Markdown and shortcodes (src/render/markdown.rs, src/render/stats/)

shortcode-not-closed = a shortcode `{"{{"}` is not closed with `{"}}"}`
shortcode-cut-line = this shortcode goes on to the next line, and a shortcode is read on one line only: write it from `{"{{"}` to `{"}}"}` on one line
shortcode-cut-html = this shortcode holds `{ $tag }`, which Markdown reads first, as HTML: a shortcode must hold no `<`
shortcode-cut-code = this shortcode holds a backquote (`` ` ``), which Markdown reads first, as the start of code: a shortcode must hold no backquotes
shortcode-not-call = `{"{{"} { $inner } {"}}"}` is not a shortcode call like `stat(id="…")`
shortcode-no-paren = a shortcode call must end with `)`
shortcode-bad-arg = argument `{ $arg }` is not `key="value"`
shortcode-unquoted = the value of `{ $key }` must be quoted
shortcode-quote-not-closed = the quote { $quote } that opens the value of `{ $key }` is not closed: add { $quote } where the value ends
shortcode-unknown-arg = `{ $name }` has no argument `{ $key }`{ $guess }; it takes { $known }
shortcode-arg-twice = argument `{ $key }` is given twice
shortcode-no-stats = this site has no statistics (data/aid/)
shortcode-no-record = no record `{ $id }` in data/aid/records.yaml or records.csv{ $guess }
shortcode-no-records = no record `{ $id }`: data/aid/records.yaml (or records.csv) holds no records at all; is it empty by mistake?
shortcode-stat-args = `stat` needs either `id="RECORD"` alone or `total="UNIT"`, with `org="ORG"` or `category="CATEGORY"` if wanted
shortcode-no-org = no organisation `{ $id }` in data/aid/organisations.yaml{ $guess }
shortcode-no-category = no category `{ $id }` in data/aid/categories.yaml{ $guess }
shortcode-no-unit = no unit `{ $unit }` in data/aid/units.yaml
shortcode-no-figures = no figures in unit `{ $unit }` to add up
shortcode-not-added = the figures in unit `{ $unit }` are not added up: its `add: false` in `data/aid/units.yaml` says they may count the same people; give each with `stat(id=…)`
shortcode-chart-args = `chart` needs one of `id="reached"`, `id="items"`, `org="ORG"` or `category="CATEGORY"`, and only one
shortcode-no-chart = no chart `{ $call }`{ $guess }; { $charts }
shortcode-chart-not-drawn = no chart `{ $call }`: a chart compares figures, so it is drawn only where one unit has two or more, and this one has fewer in every unit; { $charts }
shortcode-charts = the charts are { $list }{ $more }
shortcode-charts-more = {" "}and { $count } more
shortcode-no-charts = there is no chart yet
shortcode-chart-hint = `chart` takes `id="reached"` (the people and families reached), `id="items"` (the other units), `org="ORG"` or `category="CATEGORY"`; a chart is drawn once it has two figures or more in one unit (records in data/aid/records.yaml or records.csv): add them, or remove the shortcode until then
shortcode-unknown = unknown shortcode `{ $name }`{ $guess }; aqparat has `stat` and `chart`
shortcode-chart-alone = a chart must stand alone in its paragraph, with blank lines around it
heading-id-repeated = the id `{ $id }` is given to an earlier heading of this page too: links to #{ $id } lead there, not here
heading-id-repeated-hint = give this heading an id of its own
heading-id-space = an id cannot hold a space: this heading gets only the first word as its id, and the others become empty attributes
heading-id-space-hint = join the words with hyphens: `{ $meant }`
shortcode-hint = the staff guide (content/guide.*.md, “Adding a figure”) shows `stat` and `chart`; the ids are those of the records in data/aid/records.yaml or records.csv
md-missing-page = link to a page that does not exist: `{ $dest }`{ $guess }
md-missing-page-hint = write the target's path under content/ without the language suffix, e.g. `@/rules/quarantine.md` or `@/rules/_index.md`
md-scheduled-page = link to a page that is not published yet: `{ $dest }` is dated { $date }
md-scheduled-page-hint = a page is published from its `date`; give this page the same `date` (or a later one), or link to it once it is out (`--future` builds both, to preview)
link-draft-page = link to a draft, which is not published: `{ $dest }` is { $path }
link-draft-page-hint = publish it by removing `draft: true` from it, or link to it once it is out (`--drafts` builds drafts too, to preview)
stats-cannot-show = cannot show the statistics in `{ $lang }`: { $error }
stats-cannot-show-hint = the statistics need the UI strings listed in the README (figure_about, as_of, chart_reached…) in every language
stats-font-hint = put a TrueType font that covers Kazakh letters (ә ғ қ ң ө ұ ү һ і) in the theme's fonts/ folder

## What aqparat makes, which pages and static files may not replace (src/validate/pages.rs)

generated-home = the home page
generated-404 = the page for addresses that do not exist
generated-feed = the news feed
generated-download = the statistics download
generated-pages = the index of all pages
generated-infographics = the infographic pages
generated-organisation = an organisation's page of the statistics
generated-changes = the page of the changes in the statistics
generated-redirect = the page at a moved page's old address
generated-page = a page
generated-languages = the page that offers the languages
generated-sitemap = the sitemap
generated-sitemap-part = a part of the sitemap
generated-robots = robots.txt
generated-search = the search index
generated-static = a static file
generated-cards = the folder of the preview cards
generated-images = the folder of the resized images
taken-file = /{ $url } is { $what }
taken-folder = /{ $url }/ holds { $what }
taken-index = /{ $url }index.html is the page's own file
page-reserved = this file would become /{ $url }, but { $taken } that aqparat makes
page-reserved-hint = rename the file or its folder: a page's path may not begin with { $list }, nor have a part `index.html`
static-bad-name = the name of this file has `{ $char }`, which breaks its address
static-bad-name-hint = rename the file without `?`, `#`, `\` and control characters (e.g. with `-`)
static-taken-file = /{ $output } is { $what }, which aqparat makes
static-taken-folder = /{ $folder } holds { $what }, which aqparat makes
static-taken-made-folder = aqparat makes a folder /{ $output }/
static-taken = this static file would be copied to /{ $output }, but { $taken }
static-taken-hint = rename or move the file, e.g. into a folder of its own such as static/files/

## Dates and addresses (src/date.rs, src/address.rs)

date-form = `{ $text }` is not a date of the form YYYY-MM-DD
date-bad-year = bad year in `{ $text }`
date-bad-month = bad month in `{ $text }`
date-bad-day = bad day in `{ $text }`
date-month-range = `{ $text }` has month { $month }; months are 01–12
date-no-such-day = `{ $text }` does not exist: that month has no day { $day }
date-or-month = `{ $text }` is neither YYYY-MM-DD nor YYYY-MM
address-character = the address contains { $char }, which an address may not hold; write it as the browser shows it, e.g. `https://example.kz/`
address-not-absolute = `{ $text }` cannot be read as an address; write the full address, starting with `https://`, e.g. `https://example.kz/`
address-space = the address has a space, which an address cannot hold; write it without spaces, as the browser shows it
address-no-scheme = `{ $text }` lacks `https://` at its start; write the full address: `{ $suggested }`
address-port = the port after `:` in `{ $text }` is not a number from 1 to 65535; leave it out, or write the port the site is served on
address-bad-host = `{ $text }` has no host name a browser can reach: a host name is parts of letters, digits and `-` joined by dots, none empty and none longer than 63 characters, and an IP address is four numbers from 0 to 255; write the address as the browser shows it, e.g. `https://example.kz/`
address-not-http = `{ $text }` is not an http(s) address; write the full address, starting with `https://`, e.g. `https://example.kz/`
address-no-host = `{ $text }` has no host name; write the full address, e.g. `https://example.kz/`
address-user = `{ $text }` holds a user name or password, which every page would publish; leave them out
address-query = `{ $text }` has a `?` query or a `#` fragment; the site's address is a host and, optionally, a folder

## New sites (src/init/, src/cmd/init.rs)

init-not-empty = { $dir } is not empty; aqparat makes a new site only in an empty or new folder (give another folder, or `aqparat theme eject` to add the theme to a site that exists)
init-not-a-folder = { $path } is a file, not a folder: give a folder for the new site
init-empty-title = --title is empty: give the site's title, or leave --title out for a title per language
init-title-control = --title holds the control character { $code } (a tab, a line break or another character that does not show), which a title may not hold; write the title on one line, with plain spaces
init-title-direction = --title holds { $code }, an invisible character that reverses or reorders the text after it, which a title may not hold; retype the title without it
init-cannot-write = cannot write { $path }: { $error }; check that you may write there
init-theme-exists = { $path } exists already; aqparat does not overwrite a theme (move it away first to start again from the built-in one)
init-no-languages = give at least one language: --languages kk,ru
init-bad-language = `{ $code }` is not a language code: use two- or three-letter lowercase ISO 639 codes, such as --languages kk,ru
init-language-twice = `{ $code }` is given twice in --languages
init-bad-default = the default language `{ $lang }` is not one of --languages { $languages }
init-done = made a new site in { $dir } ({ $files } files). Next:{"\u000A"}  { $command }{"\u000A"}to see it, then edit content/ (the guide for staff is content/guide.*.md)
eject-done = copied the built-in theme into { $dir } ({ $files } files): the site now uses that copy, over the built-in theme; change what you like
eject-done-named = copied the built-in theme into { $dir } ({ $files } files), the folder of the theme `{ $name }` that site.yaml names: the site now uses that copy, over the built-in theme; change what you like
eject-config-unread = site.yaml cannot be read, so which theme the site uses is not known: `aqparat check` tells what is wrong in it; fix that, then eject again
eject-bad-theme = site.yaml names the theme `{ $name }`, which cannot be a folder under themes/: write a folder's name there (letters, digits, `-`, `_`), or leave `theme:` out for the built-in theme, then eject again
eject-no-site = no site.yaml in { $root }: `theme eject` copies the theme into a site's folder; give that folder with `--root`
eject-themes-link = { $path } is not a folder (a link or a file): aqparat writes the theme into the site's own folder only; put a folder there in its place

## Output folders (src/write/guard.rs)

refused-site-folder = refusing to publish to { $output }: it is the site's folder or a folder above it, and publishing replaces the output whole; choose an --output of its own, such as { $public }
refused-read-folder = refusing to publish to { $output }: it is inside { $folder }, which aqparat reads (the site's git history, or aqparat's own cache), and publishing would replace what is there; choose an --output outside it
refused-input-file = refusing to publish to { $output }: it is, or is inside, the site's input file { $input }, which a folder in its place would break; choose an --output outside the site
refused-input-folder = refusing to publish to { $output }: it is inside the site's input folder { $input }, whose files publishing would replace; choose an --output outside it
refused-linked-folder = refusing to publish to { $output }: the symbolic link { $link } leads to { $folder }, which holds it, so the next build would read what is published there as the site's own files; choose an --output outside { $folder }
refused-symlink = refusing to publish to { $output }: it is a symbolic link (the output of `aqparat watch`, or a link of your own); publish there with `watch`, or choose another --output
refused-foreign-link = refusing to publish to { $output }: it is a symbolic link to { $target }, not to a build of `aqparat watch` in { $builds }; remove the link or choose another --output
refused-builds-in-site = refusing to publish to { $output }: `aqparat watch` keeps its builds in { $builds }, which leads to { $target }, into the site's { $inside }, where a build's files do not belong; remove or rename { $builds }, or choose another --output
refused-watch-builds = refusing to publish to { $output }: it is in { $builds }, where `aqparat watch` keeps the builds that { $link } leads to, and a build there would replace the site it publishes; choose another --output
refused-cannot-look = cannot look at the output { $output }: { $error }; { $advice }
refused-not-folder = refusing to publish to { $output }: it exists and is not a folder; remove it yourself or choose another --output
refused-mount-point = refusing to publish to { $output }: another disk or a volume is mounted there, and aqparat publishes a build by putting its folder in place of the old one, which a mount point does not allow; publish to a folder inside it (--output { $output }/site) and point the web server there
refused-foreign-folder = refusing to publish to { $output }: it is a folder that aqparat did not make (it has no { $stamp } file written by aqparat) and it is not empty; publishing would delete its files. Choose another --output, or, if those files may go, delete the folder yourself and build again
refused-foreign-files = refusing to publish to { $output }: aqparat did not make what is at its top: { $files }; publishing replaces the folder whole and would delete it all. Move that out of the folder (a file the site should publish goes in the site's static/ folder; a git repository of the published site is best kept elsewhere, the site copied into it after each build), then build again (a `watch` that is running publishes again by itself once it is gone)
refused-foreign-files-unpublished = refusing to build into { $folder }, the build folder of `watch` that is not published: aqparat did not make what is at its top: { $files }; the next build starts from that folder and would publish it, and a later one delete it. Move that out of the folder (a file the site should publish goes in the site's static/ folder); a `watch` that is running builds again by itself once it is gone, else start it again
refused-delete = refusing to delete { $dir }: aqparat did not make it (it has no { $stamp } file written by aqparat); move it away yourself
refused-resolve = cannot resolve the path { $path }: { $error }; check that its folders exist and can be read

## serve and the command line (src/cmd/serve.rs, src/main.rs)

serve-outside-base = { $path } is outside the site: it is served under { $base_path }, the path of its address
serve-no-folder = cannot make a folder for the preview in { $folder }: { $error }
serve-cannot-listen = cannot listen on { $address }: { $error }
serve-host-refused = this preview answers requests for localhost or an IP address, not for { $host }: a page of another site may be trying to read it through your browser. Open it at the address `aqparat serve` printed.
serve-open-to-network = warning: listening on { $address }, beyond this computer: anyone who can reach it on the network can read the preview, drafts included when built with --drafts. `serve` is for previewing; to publish, build with `aqparat build` and serve the folder with a web server (see the README's Deployment).
serving = serving { $root } at { $url } (Ctrl+C to stop)
serve-not-built = `serve` is not built into this aqparat (it was built without the `serve` feature); install aqparat with its default features (`cargo install --path .` in its source), or preview with `aqparat watch --output DIR` and a web server of your own
cli-unknown-command = there is no command `{ $name }`{ $guess }; the commands are build, check, serve, watch, init and theme
cli-unknown-option = there is no option `{ $name }` here{ $guess }
cli-missing-value = `{ $name }` needs a value after it
cli-bad-value = `{ $value }` cannot be the value of `{ $name }`: { $why }
cli-unexpected-word = `{ $name }` is not expected here
cli-bad-value-plain = `{ $value }` cannot be the value of `{ $name }`
cli-lang = the languages of messages are en, kk and ru
cli-bind = give an IP address: 127.0.0.1 (or localhost) for this computer only, 0.0.0.0 for every network interface, or one of this computer's addresses
cli-whole-number = give a whole number from { $least } to { $most }
cli-help = `aqparat --help` lists the commands; `aqparat COMMAND --help` (`aqparat build --help`) lists a command's options

## watch, the production loop (src/cmd/watch.rs, src/watch/, src/serve/)

watching = watching { $root }, publishing to { $output }
watch-stopped = stopped
status-not-written = the status of this attempt could not be written: { $error }
status-kept-short = wrote a short status saying `ok: false` instead
status-kept-removed = removed the old one so that it claims nothing
status-kept-none = there is none
status-kept-stuck = and cannot remove the old one either: { $error }
status-file-error = ERROR: cannot write the status file { $path }: { $error }; { $kept }. Free disk space or fix the folder's permissions.
lock-cannot-create = cannot create { $path }: { $error }
beside-output-not-ours = { $path } is not a file aqparat made (it holds something else), and watch would overwrite it: move it away, or choose another --output
lock-cannot-open = cannot open the lock file { $path }: { $error }
lock-cannot-lock = cannot lock { $path }: { $error }
lock-holder-pid = another `aqparat watch` (pid { $pid })
lock-holder = another `aqparat watch`
lock-held = { $holder } is already publishing to { $output }; two watchers of one output would overwrite each other's builds. Stop it first, or choose another --output (the lock is { $lock })
pid-not-written = warning: cannot write the pid into { $path }: { $error }
search-index-published = search index of { $pages } pages published
search-index-not-updated = search index not updated: { $error }
rebuild-damaged = { $damage }; building the whole site again
damage-output-removed = the output { $output } was removed
damage-build-removed = the build that { $output } links to was removed
damage-files-removed = { $count } published file(s) were removed from { $output }, such as { $example }
damage-unreadable = the published build { $build } cannot be read ({ $error })
file-watcher-error = file watcher: { $error }
server-stopped = server stopped: { $error }
serve-no-build-yet = { $path }: nothing here yet; no build of the site has succeeded (its errors are in the terminal). This page reloads once one does.
cannot-accept = cannot accept a connection: { $error }

## Aid statistics (src/validate/data.rs)

aid-organisation = organisation `{ $id }`
aid-organisation-itself = { $what } names itself as its parent or partner
aid-organisation-itself-hint = an organisation's `parent` and `partners` are other organisations; remove its own id
aid-record-partner-itself = { $what }: its organisation `{ $org }` is among its `partners` too
aid-record-partner-itself-hint = a record's `partners` are the organisations that helped its `org`: remove its own id from them
aid-organisation-ring = each of these organisations belongs to the next, round to the first: { $ring }
aid-organisation-ring-hint = one of them is at the top and has no `parent`: remove that `parent` line
aid-category = category `{ $id }`
aid-source = source `{ $id }`
aid-unit = unit `{ $id }`
aid-record = record `{ $id }`
aid-kind-organisation = organisation
aid-kind-category = category
aid-kind-source = source
aid-kind-unit = unit
aid-kind-record = record
aid-field-name = name
aid-field-short = short name
aid-field-title = title
aid-field-what = what
aid-field-in = the `{ $lang }` { $field }
aid-field-noun-form = the `{ $lang }` noun form `{ $category }`
aid-text-missing = { $what } has no `{ $lang }` text
aid-text-missing-hint = add `{ $lang }: …` here; every name is written in each of the languages { $languages }
aid-text-empty-hint = write the `{ $lang }` text here; every text is written in each of the languages { $languages }
aid-text-cell-hint = fill in this row's `what_{ $lang }` cell; every record's text is written in each of the languages { $languages }
aid-text-column = no record has a `{ $lang }` text: no row has a `what_{ $lang }` cell
aid-text-column-hint = add a `what_{ $lang }` column and fill it in; every record's text is written in each of the languages { $languages }
aid-text-foreign = { $what } has text in `{ $lang }`, which is not a language of the site
aid-forms-foreign = { $what } has noun forms in `{ $lang }`, which is not a language of the site
aid-text-foreign-hint = use the languages of site.yaml: { $languages }
aid-texts-foreign = { $count } texts of this file are in `{ $lang }`, which is not a language of the site: { $others ->
    [0] this one and others on its line
    [1] this one, and the one on line { $lines }
   *[other] this one, and those on lines { $lines }
    }
aid-texts-foreign-hint = add `{ $lang }` to `languages` in site.yaml; or, if the site is not to be in `{ $lang }`, remove the file's `{ $lang }:` texts and keep those in its languages: { $languages }
aid-control = { $what }: { $field } contains the control character U+{ $code }
aid-control-hint-lines = remove it (it is invisible, and pages, charts and downloads cannot show it); retype the text if it was pasted; only tabs and line breaks are allowed
aid-control-hint-line = remove it (it is invisible, and pages, charts and downloads cannot show it); retype the text if it was pasted; this text is one line, without tabs
aid-direction-control = { $what }: { $field } contains U+{ $code }, an invisible character that reverses or reorders the text after it
aid-direction-control-hint = remove it: it makes a name or figure read differently from what is written (the marks U+200E and U+200F, which place punctuation in right-to-left text, are allowed); retype the text if it was pasted
aid-text-too-long = { $what }: { $field } is longer than { $max } characters ({ $length }), what a cell of the spreadsheet download (aid.xlsx) holds
aid-text-too-long-hint = shorten it: a figure needs a line or two; a longer text belongs on a page of the site
aid-bad-id = { $kind } id `{ $id }` is not lowercase words joined by `-`
aid-bad-id-hint = write the id with the letters a–z and digits 0–9 only, words joined by single `-` (e.g. `city-volunteers`), at most { $max } characters: ids become file names and addresses
aid-reserved-id = organisation id `{ $id }` is reserved
aid-reserved-id-hint = choose another id: /LANG/infographics/charts/ holds the charts of each language, /LANG/infographics/changes/ the history of the figures
aid-unknown = { $context }: unknown { $kind } `{ $id }`{ $guess }
aid-unknown-hint = use an id defined in data/aid/{ $file }: { $known }
aid-unknown-hint-none = data/aid/{ $file } defines no id yet: add this one there
aid-lookup-empty = data/aid/{ $file } defines no { $kind }, yet the records name some
aid-lookup-empty-hint = write in it all that the records name (see the README); if it was emptied by mistake, bring it back with `git checkout -- data/aid/{ $file }`
aid-quoted-lang = { $what }: `quoted_lang` is `{ $lang }`, not a language of the site
aid-quoted-lang-hint = use one of { $languages }: the language of the name in «…»
aid-invalid-date = { $what }: invalid date: { $error }
aid-date-after-today = { $what }: { $date } is after today ({ $today })
aid-date-after-today-hint = a figure is reported of a day that has come: check the year
aid-same-day = { $what } gives a figure of the same thing as record `{ $first }` (its organisation, unit and `what`) on the same day, { $day }: both are added up
aid-same-day-hint = if it is one figure entered twice, remove one record; if they are two deliveries, tell them apart in `what`; if the figure is given again and again, give its `frequency`
aid-date-hint = write the date as YYYY-MM-DD
aid-url = { $what }, `url`: { $problem }
aid-url-hint = a source's `url` is the address of the page its figures come from, as the browser shows it, e.g. `https://example.kz/report`
aid-no-forms = { $what } has no `{ $lang }` noun forms
aid-no-forms-hint = add `{ $lang }:` with the forms { $forms }
aid-form-example = { $category } (e.g. { $example })
list-more = { $list }, { $item }
aid-missing-form = { $what } lacks the `{ $lang }` plural form `{ $category }`; { $needed }
aid-form-needed-by = record `{ $id }` (count { $count }) needs it
aid-form-needed-for = counts such as { $example } need it
aid-forms-needed-hint = `{ $lang }` needs the forms { $forms }
aid-unknown-form = { $what } has an unknown `{ $lang }` plural form `{ $category }`
aid-forms-used-hint = `{ $lang }` uses the forms { $forms }
aid-duplicate-record = duplicate record id `{ $id }` (also on line { $line })
aid-duplicate-record-hint = give every record its own id
aid-unknown-value = { $what }: unknown { $field } `{ $value }`{ $guess }
aid-total-too-large = record `{ $id }`: the total of unit `{ $unit }` would pass { $max }, the largest total aqparat adds up: records { $records } add up to more
aid-total-too-large-hint = check these counts for a typo (an extra digit); if they are right, count in a larger unit (thousands)
aid-records-elided = { $first }, … { $last } (all { $count })
aid-count-not-reported = { $what }: has a count but says `reported: false`
aid-count-not-reported-hint = remove `reported: false` if the source gives this figure, or remove `count`
aid-no-count = { $what }: has no count
aid-no-count-hint = add `count: N`; if the source gives no figure, write `reported: false` (it is then shown as "no figure given", never as 0)
aid-qualifier-without-count = { $what }: a qualifier without a count
aid-qualifier-without-count-hint = remove `qualifier`: there is no figure to qualify
aid-count-too-large = { $what }: count `{ $count }` is more than { $max }, the largest count aqparat takes
aid-count-too-large-hint = check the figure for a typo; a count is at most 1,000,000,000,000 (10^12)
aid-count-negative-number = { $what }: count { $count } is negative
aid-count-negative = { $what }: count `{ $count }` is negative
aid-count-negative-hint = a count is a whole number, 0 or more
aid-count-not-digits = { $what }: count `{ $count }` is not a whole number written in digits
aid-count-leading-zeros = { $what }: count `{ $count }` begins with a zero that is not the number's
aid-count-not-digits-hint = write the number in digits: { $digits }
aid-count-not-whole = { $what }: count `{ $count }` is not a whole number
aid-count-not-whole-hint = a count is a whole number such as 320, without spaces or units
aid-count-quoted = { $what }: count `{ $count }` is written as text, in quotes
aid-count-quoted-hint = write the number without quotes: { $digits }
aid-count-grouped = { $what }: count `{ $count }` has a space or a mark between its digits
aid-count-grouped-hint = write the digits together, without spaces, commas or points between the thousands: { $digits }
aid-both-date-and-period = { $what }: has both `date` and `{ $period }`
aid-both-date-and-period-hint = `date` is the day the figure is as of; `period` the time it covers; keep one
aid-both-date-and-period-cells-hint = `date` is the day the figure is as of; `period_from` and `period_to` the time it covers; leave one or the other empty
aid-invalid-period = { $what }: invalid period: { $error }
aid-invalid-period-hint = write YYYY-MM-DD, or YYYY-MM when the source gives only the month
aid-empty-period = { $what }: the period is empty
aid-empty-period-hint = give `from:`, `to:` or both
aid-period-backwards = { $what }: the period ends ({ $to }) before it starts ({ $from })
aid-period-backwards-hint = swap `{ $from }` and `{ $to }`, or correct the date

## A language added to a site (src/validate/)
fallback-hint = { $hint }; until then pages in `{ $lang }` show the `{ $default }` { $stand_in }
stand-in-text = text
stand-in-figure = figure
config-notice-missing = the notice has no `{ $lang }` text
config-notice-missing-hint = add `{ $lang }: …` here; until then pages in `{ $lang }` show the `{ $default }` notice

## Open data (src/validate/config.rs)
open-data-missing = the site has statistics (data/aid/), but site.yaml does not say under which licence and by whom their open data are published
open-data-missing-hint = add `open_data: {"{"} licence: CC-BY-4.0, publisher: {"{"} { $names } {"}"} {"}"}` with the publisher's name in each language (see the README, "site.yaml")
open-data-licence = open_data: `{ $licence }` is not a licence aqparat knows{ $guess }
open-data-licence-hint = write the SPDX identifier of an open licence, one of: { $list }
open-data-publisher-lang = the publisher has text in `{ $lang }`, which is not one of the languages
open-data-publisher-lang-hint = add `{ $lang }` to `languages`, or remove the publisher's `{ $lang }:` name
what-publisher = the publisher in `{ $code }`
open-data-publisher-empty = open_data: the publisher's name in `{ $code }` is empty
open-data-publisher-empty-hint = write the name of the organisation that publishes the data
open-data-publisher-missing = open_data: the publisher has no name in `{ $code }`
open-data-publisher-missing-hint = write the publisher's name in every language of the site, e.g. `{ $code }: …`
open-data-publisher-fallback-hint = add `{ $code }: …` here; until then pages in `{ $code }` show the `{ $default }` name

## The build date (src/options.rs)
build-date-invalid = SOURCE_DATE_EPOCH is `{ $value }`, not a whole number of seconds from 1970-01-01 to the end of 9999
clock-invalid = { $variable } is `{ $value }`, which is neither a day (2026-03-02) nor an RFC 3339 time (2026-03-02T09:00:00+05:00)

## Aliases, old addresses of moved pages (src/address.rs, src/validate/pages.rs)
alias-not-absolute = the alias `{ $alias }` does not begin with `/`; write the old address below the site's, e.g. `/ru/old-name/`
alias-character = an alias may hold letters, digits and `-_.~!*(),+=@:` between its `/`, not { $char }
alias-folders = the alias `{ $alias }` has an empty folder, one that begins with `.` (hidden: the server does not serve it), or is too long; write the old address as folders, e.g. `/ru/old-name/`
alias-taken = the alias `{ $alias }` is the address of { $what }
alias-taken-hint = an alias is an old address that no longer has a page; remove it, or choose the address the page had
alias-content = the alias `{ $alias }` is the address of { $kind ->
    [home] the home page
    [section] the section
   *[page] the page
} { $path }
alias-content-hint = an alias is an old address that no page has now; remove it, or, if this page is to take that address, first give { $path } another name
alias-own = the alias `{ $alias }` is this page's own address
alias-own-hint = remove it: the page is at that address already
alias-through-file = the alias `{ $alias }` needs a folder /{ $file }/ for its redirect page, but /{ $file } is { $what }
alias-twice = the alias `{ $alias }` is also an alias of { $other }
alias-twice-hint = an old address can lead to one page only; keep it on the page it belongs to
alias-twin = the alias `{ $alias }` differs from the address { $other } only in capital letters or in how a letter is encoded: on Windows and macOS both are one folder, and its redirect would replace what is there
alias-twin-hint = an old address that differs from another address of the site only so cannot be kept: remove the alias

## Links to other sites, check --external (src/external/, src/main.rs)

external-broken = link to another site that does not work: { $url } ({ $problem })
external-broken-hint = correct the address or remove the link; if the site is only down for a while, the next `aqparat check --external` asks it again
external-status = the server answered { $status }
external-timeout = no answer in { $seconds } s
external-host-not-found = no such host (DNS)
external-refused = the server refused the connection
external-tls = no secure connection (HTTPS): { $error }
external-redirects = more than { $count } redirects
external-failed = the request failed: { $error }
external-cache-unreadable = the cache of links to other sites cannot be read, and is ignored: { $error }
external-cache-unwritable = the cache of links to other sites cannot be written: { $error }
external-cache-not-a-folder = `.aqparat` is not a folder of the site (it is a link or a file), so the cache of links to other sites is not written there
external-cache-hint = `aqparat check --external` keeps it so as to ask working links again only after `--cache-hours` hours (a day by default); delete the folder `.aqparat/` if this repeats
external-not-built = `check --external` is not built into this aqparat (it was built without the `external` feature); install aqparat with its default features (`cargo install --path .` in its source)
external-summary = links to other sites: { $asked } address(es) asked, { $cached } working as the cache says, { $dead } not working
