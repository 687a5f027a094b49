//! Every internal link of the output leads to a file of the build, and its
//! `#fragment` to an `id` in that file.
//!
//! Each unit scans the HTML it writes (with lol_html's tokenizer) for its
//! `id`s and for the `href` and `src` values that stay on the site, and
//! keeps them in its record ([`HtmlFile`]); a page also keeps the links its
//! Markdown writes as URLs, with their positions ([`MarkdownLink`]). Once
//! every unit is rendered or carried over, [`check`] resolves each link
//! against the files of this build: a carried-over unit's links are checked
//! against the new set of files, without rendering it again. Links `@/…`
//! are checked by [`super::markdown`] and `check_anchors` already.

use std::borrow::Cow;
use std::path::PathBuf;

use foldhash::{HashMap, HashSet, HashSetExt};

use crate::diag::{Diagnostic, Quote, Span, did_you_mean};
use crate::messages::{Arg, Message};
use crate::model::{Draft, LeftOut, Site};
use crate::msg;

/// What is kept of one HTML file a unit wrote, for the link check.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HtmlFile {
    /// Its path in the output (`kk/rules/index.html`).
    pub file: Box<str>,
    /// The template that wrote it.
    pub template: Box<str>,
    /// Its ids, each followed by `\n`.
    pub ids: Box<str>,
    /// The internal links its template wrote (not its Markdown), as in the
    /// HTML, distinct, each followed by `\n`; links to its own fragments
    /// are checked when it is written and not kept.
    pub links: Box<str>,
    /// Its template's links to other sites (`http:` and `https:`), as in
    /// the HTML, distinct, each followed by `\n`: for `check --external`.
    pub external: Box<str>,
}

/// A link a page's Markdown writes as a URL (not `@/`), as a Markdown link,
/// an image or an attribute of raw HTML.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MarkdownLink {
    /// As in the HTML (`escape_href`'d for a Markdown link; raw HTML's as
    /// written).
    pub url: Box<str>,
    /// Where it is written in the page's file.
    pub span: Span,
    /// What a diagnostic quotes of that line of the file.
    pub quote: Quote,
}

/// The ids and the `href`/`src` values of an HTML document, as written.
#[derive(Debug, Default)]
pub struct Scanned {
    /// Every `id`, and every `name` of an `<a>`.
    pub ids: Vec<String>,
    /// Every `href` and `src`.
    pub links: Vec<String>,
}

/// Scans `html` for its ids and links: a tokenizer of HTML's tags (the
/// states of the HTML standard that matter here: tags and their attributes,
/// comments, `<!…>` and `<?…>`, and the raw text of `<script>`, `<style>`,
/// `<textarea>` and `<title>`), which skips text with `memchr`: several
/// hundred MB/s, where lol_html's rewriter managed 76 MB/s on the corpus.
pub fn scan(html: &[u8]) -> Scanned {
    let mut scanned = Scanned::default();
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &html[i..]) {
        i += lt + 1;
        let rest = &html[i..];
        if rest.starts_with(b"!--") {
            i += memchr::memmem::find(&rest[3..], b"-->").map_or(rest.len(), |e| e + 6);
            continue;
        }
        match rest.first() {
            Some(b'!' | b'?' | b'/') => {
                i += memchr::memchr(b'>', rest).map_or(rest.len(), |e| e + 1);
                continue;
            }
            Some(c) if c.is_ascii_alphabetic() => {}
            _ => continue,
        }
        let name_len = rest
            .iter()
            .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        let is_a = name.eq_ignore_ascii_case(b"a");
        let mut j = name_len;
        // Of an attribute given twice, the first counts.
        let (mut seen_href, mut seen_src, mut seen_id, mut seen_name) =
            (false, false, false, false);
        // Attributes, to the tag's end.
        loop {
            while j < rest.len() && (rest[j].is_ascii_whitespace() || rest[j] == b'/') {
                j += 1;
            }
            if j >= rest.len() || rest[j] == b'>' {
                j += 1;
                break;
            }
            let start = j;
            j += 1;
            while j < rest.len()
                && !matches!(rest[j], b'=' | b'>' | b'/')
                && !rest[j].is_ascii_whitespace()
            {
                j += 1;
            }
            let attr = &rest[start..j];
            while j < rest.len() && rest[j].is_ascii_whitespace() {
                j += 1;
            }
            if rest.get(j) != Some(&b'=') {
                continue;
            }
            j += 1;
            while j < rest.len() && rest[j].is_ascii_whitespace() {
                j += 1;
            }
            let value = match rest.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = memchr::memchr(q, &rest[j + 1..]).map_or(rest.len(), |e| j + 1 + e);
                    let value = &rest[j + 1..end];
                    j = end + 1;
                    value
                }
                _ => {
                    let start = j;
                    while j < rest.len() && rest[j] != b'>' && !rest[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    &rest[start..j]
                }
            };
            let text = || String::from_utf8_lossy(value).into_owned();
            let first = |seen: &mut bool| !std::mem::replace(seen, true);
            if attr.eq_ignore_ascii_case(b"href") && first(&mut seen_href)
                || attr.eq_ignore_ascii_case(b"src") && first(&mut seen_src)
            {
                scanned.links.push(text());
            } else if attr.eq_ignore_ascii_case(b"id") && first(&mut seen_id)
                || is_a && attr.eq_ignore_ascii_case(b"name") && first(&mut seen_name)
            {
                scanned.ids.push(unescape(&text()).into_owned());
            }
        }
        i += j.min(rest.len());
        // The raw text of these elements holds no tags.
        let raw_text = [&b"script"[..], b"style", b"textarea", b"title", b"xmp"]
            .iter()
            .any(|r| name.eq_ignore_ascii_case(r));
        if raw_text {
            let mut k = i;
            loop {
                match memchr::memmem::find(&html[k..], b"</") {
                    Some(e) => {
                        let close = &html[k + e + 2..];
                        if close.len() >= name.len()
                            && close[..name.len()].eq_ignore_ascii_case(name)
                        {
                            i = k + e;
                            break;
                        }
                        k += e + 2;
                    }
                    None => {
                        i = html.len();
                        break;
                    }
                }
            }
        }
    }
    scanned
}

/// The site's address, split for resolving links.
pub struct Base<'a> {
    /// `https://x.example` (no final `/`).
    origin: &'a str,
    /// `//x.example`, for protocol-relative links.
    authority: &'a str,
    /// `/` or `/sub/`.
    path: &'a str,
}

impl<'a> Base<'a> {
    /// The base of `site`.
    pub fn of(site: &'a Site) -> Base<'a> {
        let url = site.base_url.as_str();
        let origin = url.strip_suffix(site.base_path.as_str()).unwrap_or(url);
        let authority = origin.find("//").map_or(origin, |i| &origin[i..]);
        Base {
            origin,
            authority,
            path: &site.base_path,
        }
    }
}

/// Where a link leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Off the site (another host, `mailto:`…), or nowhere to check (`""`).
    Elsewhere,
    /// A path below the base path (no leading `/`, percent-decoded) and a
    /// fragment (percent-decoded, without `#`).
    Internal {
        /// `kk/rules/`, `style.css`, `` for the site's root.
        path: String,
        /// The fragment, if any and not empty.
        fragment: Option<String>,
    },
    /// A path on the site's host but outside its base path (`/kk/` on a
    /// site at `/sub/`).
    OutsideBase(String),
}

/// Resolves `raw` (an attribute's value, as in the HTML) written in the
/// file at `from` (an output path, `kk/rules/index.html`).
pub fn resolve(base: &Base, from: &str, raw: &str) -> Target {
    let value = unescape(raw);
    let value = value.trim_matches(|c: char| c.is_ascii_whitespace());
    if value.is_empty() {
        return Target::Elsewhere;
    }
    let bytes = value.as_bytes();
    let before_path = memchr::memchr3(b'/', b'?', b'#', bytes).unwrap_or(value.len());
    let scheme_end = memchr::memchr(b':', &bytes[..before_path]);
    let rest: Cow<str> = if let Some(colon) = scheme_end {
        let scheme = &value[..colon];
        let own = value
            .get(..base.origin.len())
            .is_some_and(|o| o.eq_ignore_ascii_case(base.origin));
        // Past the origin: nothing when the value is shorter, or when a
        // character crosses where the origin would end (then not `own`).
        let after = value.get(base.origin.len()..).unwrap_or_default();
        match (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
            && own
            && (after.is_empty() || after.starts_with(['/', '?', '#']))
        {
            true if after.is_empty() => Cow::Borrowed("/"),
            true => Cow::Borrowed(after),
            false => return Target::Elsewhere,
        }
    } else if let Some(after) = value.strip_prefix("//") {
        let own = value
            .get(..base.authority.len())
            .is_some_and(|a| a.eq_ignore_ascii_case(base.authority));
        let after_host = after.get(base.authority.len() - 2..).unwrap_or_default();
        if !own || !(after_host.is_empty() || after_host.starts_with(['/', '?', '#'])) {
            return Target::Elsewhere;
        }
        Cow::Owned(format!("/{}", after_host.trim_start_matches('/')))
    } else if value.starts_with('/') {
        Cow::Borrowed(value)
    } else {
        // A bare query or fragment is relative to the file it is written
        // in; a path, to the file's folder.
        let against = match value.starts_with(['?', '#']) {
            true => from,
            false => memchr::memrchr(b'/', from.as_bytes()).map_or("", |i| &from[..=i]),
        };
        Cow::Owned([base.path, against, value].concat())
    };
    let (rest, fragment) = match split_once_at(&rest, b'#') {
        Some((r, f)) => (r, Some(f)),
        None => (&*rest, None),
    };
    let path = split_once_at(rest, b'?').map_or(rest, |(p, _)| p);
    let path = remove_dot_segments(path);
    let fragment = fragment
        .filter(|f| !f.is_empty())
        .map(|f| percent_decode(f).into_owned());
    let below = path.strip_prefix(base.path).or_else(|| {
        // `/sub` for the site at `/sub/`.
        (path == base.path.trim_end_matches('/')).then_some("")
    });
    match below {
        Some(below) => Target::Internal {
            path: percent_decode(below).into_owned(),
            fragment,
        },
        None => Target::OutsideBase(path.into_owned()),
    }
}

/// `text` before and after its first `byte` (an ASCII byte, so both parts
/// are text); `None` without one. Searched with `memchr`: the standard
/// library's search for a `char`, set up at each call, cost twice the
/// instructions on a build's short links.
fn split_once_at(text: &str, byte: u8) -> Option<(&str, &str)> {
    debug_assert!(byte.is_ascii());
    let i = memchr::memchr(byte, text.as_bytes())?;
    Some((&text[..i], &text[i + 1..]))
}

/// `path` without `.` and `..` segments (RFC 3986, 5.2.4).
fn remove_dot_segments(path: &str) -> Cow<'_, str> {
    // Most paths hold no dot, hence no dot segment: one scan of the bytes
    // says so, where splitting searched for each `/` in turn.
    if memchr::memchr(b'.', path.as_bytes()).is_none()
        || !path.split('/').any(|s| s == "." || s == "..")
    {
        return Cow::Borrowed(path);
    }
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.into_iter().enumerate() {
        match segment {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    Cow::Owned(if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    })
}

/// `text` with `%XX` escapes decoded (kept as written when they do not
/// make UTF-8).
fn percent_decode(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'%', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    match String::from_utf8(out) {
        Ok(s) => Cow::Owned(s),
        Err(_) => Cow::Borrowed(text),
    }
}

/// `text` with HTML character references decoded: the named ones
/// templates and Markdown write (`&amp;`, `&lt;`, `&gt;`, `&quot;`,
/// `&apos;`) and numeric ones.
pub fn unescape(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// What is kept of the HTML file `file` that `template` wrote: its ids, and
/// its internal links but those its Markdown wrote (`from_markdown`, as in
/// the HTML), which the page keeps with their positions.
pub fn html_file(
    base: &Base,
    file: &str,
    template: &str,
    html: &[u8],
    from_markdown: &HashSet<&str>,
) -> HtmlFile {
    let scanned = scan(html);
    let mut ids = String::with_capacity(scanned.ids.iter().map(|i| i.len() + 1).sum());
    for id in &scanned.ids {
        ids.push_str(id);
        ids.push('\n');
    }
    let mut kept = HashSet::new();
    let (mut links, mut external) = (String::new(), String::new());
    for raw in &scanned.links {
        if from_markdown.contains(raw.as_str()) || raw.contains('\n') || !kept.insert(raw.as_str())
        {
            continue;
        }
        let list = match is_site_path(raw) {
            true => &mut links,
            false => match resolve(base, file, raw) {
                Target::Elsewhere if is_web(raw) => &mut external,
                Target::Elsewhere => continue,
                _ => &mut links,
            },
        };
        list.push_str(raw);
        list.push('\n');
    }
    HtmlFile {
        file: file.into(),
        template: template.into(),
        ids: ids.into(),
        links: links.into(),
        external: external.into(),
    }
}

/// Whether the link `raw` (as in the HTML) is an address on the web, one
/// that begins with `http:` or `https:` (in any case).
fn is_web(raw: &str) -> bool {
    let value = raw.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let scheme = value.split_once(':').map_or("", |(scheme, _)| scheme);
    scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
}

/// The ids of an HTML file (as [`HtmlFile::ids`], each followed by `\n`),
/// with their places in that text sorted by id, made at the first lookup
/// (most files are never the target of a `#fragment`): whether a file has
/// an id is then a binary search, not a scan of all its ids. A page of n
/// headings has n ids and a table of contents of n links to them; scanning
/// the ids for each link made checking it n² / 2 comparisons (80,000
/// headings: 30 s).
struct Ids {
    /// The ids, in the document's order, each followed by `\n`.
    text: Box<str>,
    /// Where each id is in `text` (start, end), sorted by the id.
    sorted: std::sync::OnceLock<Box<[(u32, u32)]>>,
}

impl Ids {
    /// The ids of `text` (each followed by `\n`), to be indexed when asked.
    fn new(text: Box<str>) -> Ids {
        Ids {
            text,
            sorted: std::sync::OnceLock::new(),
        }
    }

    /// The places of the ids, sorted by id.
    fn sorted(&self) -> &[(u32, u32)] {
        self.sorted.get_or_init(|| {
            let text = &self.text;
            let mut sorted = Vec::new();
            // The same ids as `lines()` gives (as the messages list them).
            // An HTML file of 4 GiB is not written; its ids past that would
            // only be missed, not misread.
            for line in text.lines() {
                let start = line.as_ptr() as usize - text.as_ptr() as usize;
                let end = start + line.len();
                if let (Ok(s), Ok(e)) = (u32::try_from(start), u32::try_from(end)) {
                    sorted.push((s, e));
                }
            }
            sorted.sort_unstable_by(|a, b| Ids::at(text, *a).cmp(Ids::at(text, *b)));
            sorted.into()
        })
    }

    /// The id at `place` of `text`.
    fn at(text: &str, (start, end): (u32, u32)) -> &str {
        text.get(start as usize..end as usize).unwrap_or_default()
    }

    /// Whether it holds `id`; `#top` leads to the top of any page.
    fn has(&self, id: &str) -> bool {
        id == "top"
            || (self.sorted())
                .binary_search_by(|&place| Ids::at(&self.text, place).cmp(id))
                .is_ok()
    }
}

/// Where `template` writes the link `raw`: the first place the template
/// (or, failing that, another template) holds it, with the file's text;
/// else the template's start.
pub fn locate_in_template(
    site: &Site,
    template: &str,
    raw: &str,
) -> (PathBuf, Span, Option<String>) {
    let paths = &site.theme.template_paths;
    let own = paths.get(template);
    let mut needles = vec![raw.to_string()];
    if let Some(below) = raw.strip_prefix(&site.base_path).filter(|b| !b.is_empty()) {
        needles.push(below.to_string());
    }
    if let Some(fragment) = raw
        .split_once('#')
        .map(|(_, f)| f)
        .filter(|f| !f.is_empty())
    {
        needles.push(format!("#{fragment}"));
    }
    let candidates = own
        .into_iter()
        .chain(paths.values().filter(|p| Some(*p) != own));
    for needle in &needles {
        for path in candidates.clone() {
            let Ok(text) = std::fs::read_to_string(site.root.join(path)) else {
                continue;
            };
            if let Some(offset) = text.find(needle.as_str()) {
                let span = Span::at_offset(&text, offset, 0);
                return (path.clone(), span, Some(text));
            }
        }
    }
    let path = own
        .cloned()
        .unwrap_or_else(|| site.theme.dir.join("templates").join(template));
    (path, Span::START, None)
}

/// The error of a link a template wrote, at `path:span` (see
/// [`locate_in_template`]), shown on output file `file` and `others` more.
pub fn template_diagnostic(
    site: &Site,
    (path, span, text): &(PathBuf, Span, Option<String>),
    file: &str,
    others: usize,
    message: &Message,
    hint: &Message,
) -> Diagnostic {
    let shown = on_page(message, &display_url(site, file), others);
    let diagnostic = Diagnostic::error(path, *span, shown).with_hint(hint.clone());
    match text {
        Some(text) => diagnostic.with_source(text),
        None => diagnostic,
    }
}

/// `message` about a link a template writes, said to be on the page at
/// `url` and `others` more.
pub fn on_page(message: &Message, url: &str, others: usize) -> Message {
    let message = message.clone();
    match others {
        0 => msg!("link-on-page", message = message, url = url),
        1 => msg!("link-on-page-and-one", message = message, url = url),
        n => msg!(
            "link-on-page-and-others",
            message = message,
            url = url,
            others = Arg::count(n)
        ),
    }
}

/// The URL of output file `file`, as linked (`/sub/kk/rules/`).
pub fn display_url(site: &Site, file: &str) -> String {
    let url = file.strip_suffix("index.html").unwrap_or(file);
    format!("{}{url}", site.base_path)
}

/// The files of a build, each with its ids when it is an HTML file a unit
/// scanned. Kept from build to build while an edit leaves the files and
/// their ids as they were.
pub struct Files {
    files: HashMap<Box<str>, Option<Ids>>,
    search: bool,
}

/// The page left out of this build (a draft, or dated after today) whose
/// address is `path` (relative to the base path: `kk/plan/`, `kk/plan`,
/// `kk/plan/index.html`).
fn left_out<'a>(site: &'a Site, path: &str) -> Option<LeftOut<'a>> {
    let folder = path.strip_suffix("index.html").unwrap_or(path);
    let folder = folder.trim_end_matches('/');
    let at = |lang: &str, key: &str| {
        crate::address::output_url(lang, key).trim_end_matches('/') == folder
    };
    site.left_out(at)
}

/// The error for a link to `dest`, the draft `draft`.
pub(super) fn draft_page(dest: &str, draft: &Draft) -> Message {
    let path = crate::diag::display_path(&draft.path);
    msg!("link-draft-page", dest = dest, path = path)
}

/// Whether `path` (from the output's root) is one of the statistics'
/// outputs of `site`: a language's infographics pages and cards and its
/// downloads, or the downloads of every language (`/data/…`, the data
/// package).
fn of_statistics(site: &Site, path: &str) -> bool {
    let (first, in_language) = path.split_once('/').unwrap_or((path, ""));
    let is_language = site.languages.iter().any(|l| l.code == first);
    let of_language = in_language == "infographics"
        || in_language.starts_with("infographics/")
        || in_language.starts_with("data/aid.");
    is_language && of_language || first == "data" || path == "datapackage.json"
}

impl Files {
    /// The files `written` and the HTML files `html`; with `search`, the
    /// search index's folder too.
    pub fn new<'a>(
        written: impl Iterator<Item = &'a str>,
        html: impl Iterator<Item = &'a HtmlFile>,
        search: bool,
    ) -> Files {
        let mut files: HashMap<Box<str>, Option<Ids>> = HashMap::default();
        for file in written {
            files.insert(file.into(), None);
        }
        // A redirect at the address of another file the build makes (an
        // alias taken, reported by `validate`) does not stand for that
        // file: links to it are checked against the file's own ids.
        let (redirects, others): (Vec<_>, Vec<_>) =
            html.partition(|html| &*html.template == super::redirects::TEMPLATE);
        for html in redirects.into_iter().chain(others) {
            files.insert(html.file.clone(), Some(Ids::new(html.ids.clone())));
        }
        Files { files, search }
    }

    /// Adds the files of the pages of the model `pages` that no unit wrote:
    /// a page that could not be rendered (its template is broken) has
    /// been reported, and links to it are not broken links.
    pub fn with_pages(mut self, pages: impl Iterator<Item = String>) -> Files {
        for file in pages {
            self.files.entry(file.into()).or_insert(None);
        }
        self
    }

    /// The file a link to `path` leads to (a folder's `index.html`), and
    /// its ids, if the build makes it.
    fn file_of(&self, path: &str) -> Option<(&str, Option<&Ids>)> {
        let file = match path.is_empty() || path.ends_with('/') {
            true => [path, "index.html"].concat(),
            false if self.files.contains_key(path) => path.to_string(),
            false => [path, "/index.html"].concat(),
        };
        let (file, ids) = self.files.get_key_value(file.as_str())?;
        Some((&**file, ids.as_ref()))
    }

    /// What is wrong with a link to `path` and `fragment`: nothing, or the
    /// message and hint.
    fn problem(
        &self,
        site: &Site,
        path: &str,
        fragment: Option<&str>,
    ) -> Option<(Message, Message)> {
        let Some((file, ids)) = self.file_of(path) else {
            if self.search && path.starts_with("pagefind/") {
                return None;
            }
            // Left out with the statistics, whose errors were reported.
            if site.stats_broken && of_statistics(site, path) {
                return None;
            }
            let target = format!("{}{path}", site.base_path);
            return match left_out(site, path) {
                Some(LeftOut::Unread) => None,
                Some(LeftOut::Waiting(page)) => Some((
                    msg!(
                        "md-scheduled-page",
                        dest = target,
                        date = page.day.to_string()
                    ),
                    msg!("md-scheduled-page-hint"),
                )),
                Some(LeftOut::Draft(page)) => {
                    Some((draft_page(&target, page), msg!("link-draft-page-hint")))
                }
                None => Some((
                    msg!(
                        "link-missing-file",
                        target = target,
                        guess = self.guess(site, path)
                    ),
                    msg!("link-missing-file-hint"),
                )),
            };
        };
        let (Some(fragment), Some(ids)) = (fragment, ids) else {
            return None;
        };
        if ids.has(fragment) {
            return None;
        }
        let known: Vec<&str> = ids.text.lines().collect();
        Some((
            msg!(
                "link-missing-anchor",
                fragment = fragment,
                guess = did_you_mean(fragment, known.iter().copied()),
                page = format!(
                    "{}{}",
                    site.base_path,
                    file.strip_suffix("index.html").unwrap_or(file)
                ),
            ),
            match known.is_empty() {
                true => msg!("link-no-ids-hint"),
                false => msg!("link-ids-hint", ids = known.join(", #")),
            },
        ))
    }

    /// " (did you mean …?)" for a missing `path`: the `@/` link of the
    /// page whose source file it names, else among the files of its folder.
    fn guess(&self, site: &Site, path: &str) -> Message {
        if let Some(link) = source_link_meant(site, path) {
            return msg!("did-you-mean", name = link);
        }
        if let Some(address) = web_address_meant(path) {
            return msg!("did-you-mean", name = address);
        }
        let trimmed = path.trim_end_matches('/');
        let folder = trimmed.rfind('/').map_or("", |i| &trimmed[..=i]);
        let near: Vec<String> = self
            .files
            .keys()
            .map(|f| f.strip_suffix("index.html").unwrap_or(f))
            .filter(|f| {
                f.strip_prefix(folder)
                    .is_some_and(|rest| !rest.trim_end_matches('/').contains('/'))
            })
            .map(|f| format!("{}{f}", site.base_path))
            .collect();
        let given = format!("{}{path}", site.base_path);
        did_you_mean(&given, near.iter().map(String::as_str))
    }
}

/// For a link to another site written without `https://`, which the build
/// reads as a file of the page's folder, that address: from the first part
/// of the path that starts with `www.` (`www.gov.kz`), or that ends with a
/// top-level domain of the region's sites and is followed by a `/`
/// (`egov.kz/services`: `notes.org` alone may well be a file). An e-mail
/// address (`akimat@gov.kz`) gets `mailto:`.
fn web_address_meant(path: &str) -> Option<String> {
    const DOMAINS: [&str; 12] = [
        "kz", "ru", "com", "org", "net", "info", "gov", "edu", "int", "io", "рф", "қаз",
    ];
    let has_domain = |name: &str| {
        name.rsplit_once('.').is_some_and(|(name, end)| {
            !name.is_empty() && DOMAINS.contains(&end.to_lowercase().as_str())
        })
    };
    let mut start = 0;
    for part in path.split('/') {
        let rest = &path[start..];
        if let Some((user, domain)) = part.split_once('@')
            && !user.is_empty()
            && has_domain(domain)
        {
            return Some(format!("mailto:{rest}"));
        }
        let followed = rest.len() > part.len();
        if part.starts_with("www.") || (followed && has_domain(part)) {
            return Some(format!("https://{rest}"));
        }
        start += part.len() + 1;
    }
    None
}

/// For a link to a page's source file (`../first.ru.md` on
/// /kk/rules/second/, which no build publishes), that page's `@/` link:
/// the file the address names below its language's folder, if it is a
/// page's (content/rules/first.ru.md); else the same file one folder up,
/// as a link written from the source file's folder leads (`first.ru.md`
/// on /kk/rules/second/, written in content/rules/second.kk.md). A file
/// named without its language (`first.md`) is the page's in the language
/// of the address's folder (content/rules/first.kk.md under /kk/).
fn source_link_meant(site: &Site, path: &str) -> Option<String> {
    if !path.ends_with(".md") {
        return None;
    }
    let lang = (path.split_once('/')).filter(|(lang, _)| site.languages.id(lang).is_some());
    let below_lang = lang.map_or(path, |(_, rest)| rest);
    let from_source_folder =
        below_lang
            .rsplit_once('/')
            .map(|(folder, name)| match folder.rsplit_once('/') {
                Some((parent, _)) => format!("{parent}/{name}"),
                None => name.to_string(),
            });
    let is_page = |below: &str| {
        let content = std::path::Path::new("content");
        let file = content.join(below);
        let in_lang = lang.map(|(lang, _)| {
            let stem = below.strip_suffix(".md").unwrap_or(below);
            content.join(format!("{stem}.{lang}.md"))
        });
        (site.pages.iter())
            .any(|p| !p.made_up && (p.path == file || Some(&p.path) == in_lang.as_ref()))
    };
    [Some(below_lang.to_string()), from_source_folder]
        .into_iter()
        .flatten()
        .find(|below| is_page(below))
        .map(|below| format!("@/{below}"))
}

/// The problems of the links of `html` (a unit's scanned file) against
/// `files`: each link as written, the message and the hint. `fine` holds
/// links found to work in other files: they are not checked again, and
/// those of `html` that work and lead where they do from any file (see
/// [`is_rooted`]) are added. Every page shows the links of the site's
/// header, menu and footer: checked once for each of the link check's
/// jobs (see `check_links`), not once a page.
pub fn check_html<'h>(
    site: &Site,
    base: &Base,
    files: &Files,
    html: &'h HtmlFile,
    fine: &mut HashSet<&'h str>,
) -> Vec<(&'h str, Message, Message)> {
    let mut problems = Vec::new();
    for raw in html.links.lines() {
        if fine.contains(raw) {
            continue;
        }
        match problem(site, base, files, &html.file, raw) {
            Some((message, hint)) => problems.push((raw, message, hint)),
            None if is_rooted(raw) => {
                fine.insert(raw);
            }
            None => {}
        }
    }
    problems
}

/// Whether the link `raw` (as in the HTML) starts with `/`: then where it
/// leads does not depend on the file it is in (a path from the site's
/// root, or `//` and a host), and whether it works neither (a link to the
/// file it is in is told apart only in what is said of a missing
/// fragment).
fn is_rooted(raw: &str) -> bool {
    raw.starts_with('/')
}

/// Whether the link `raw` (as in the HTML) is a path from the site's root:
/// one that starts with `/` but not `//` (a host) nor an escape (which
/// may be a `/`). It stays on the site (or leaves its base path, which the
/// link check reports), so it is kept without being resolved twice.
fn is_site_path(raw: &str) -> bool {
    is_rooted(raw) && !raw[1..].starts_with(['/', '&'])
}

/// Checks the links a page's Markdown writes as URLs; `file` is its output
/// file, `path` its source.
pub fn check_markdown(
    site: &Site,
    base: &Base,
    files: &Files,
    file: &str,
    path: &std::path::Path,
    links: &[MarkdownLink],
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for link in links {
        if let Some((message, hint)) = problem(site, base, files, file, &link.url) {
            let mut diagnostic = Diagnostic::error(path, link.span, message).with_hint(hint);
            diagnostic.quote = Some(Box::new(link.quote.clone()));
            diagnostics.push(diagnostic);
        }
    }
    diagnostics
}

/// What is wrong with the link `raw` in output file `from`, if anything.
fn problem(
    site: &Site,
    base: &Base,
    files: &Files,
    from: &str,
    raw: &str,
) -> Option<(Message, Message)> {
    match resolve(base, from, raw) {
        Target::Elsewhere => None,
        Target::Internal { path, fragment } => {
            let problem = files.problem(site, &path, fragment.as_deref());
            let own = path == from || from.strip_suffix("index.html") == Some(path.as_str());
            match (problem, fragment) {
                (Some((message, _)), Some(fragment)) if own => {
                    let guess = message
                        .arg("guess")
                        .cloned()
                        .unwrap_or_else(|| Arg::from(Message::default()));
                    Some((
                        msg!(
                            "link-missing-own-anchor",
                            fragment = fragment,
                            guess = guess
                        ),
                        msg!("link-missing-own-anchor-hint"),
                    ))
                }
                (problem, _) => problem,
            }
        }
        Target::OutsideBase(path) => Some((
            msg!(
                "link-outside-base",
                path = &path,
                base_url = &site.base_url,
                guess = below_base(site, files, &path)
            ),
            msg!(
                "link-outside-base-hint",
                base_url = &site.base_url,
                base_path = &site.base_path
            ),
        )),
    }
}

/// For `path`, a link outside the site's folder (`/img/map.png` on a site
/// at `/aqparat/`), "did you mean" the same path in the folder when the
/// build makes it there.
fn below_base(site: &Site, files: &Files, path: &str) -> Message {
    let inside = path.trim_start_matches('/');
    match files.file_of(inside) {
        Some(_) => msg!("did-you-mean", name = format!("{}{inside}", site.base_path)),
        None => Message::default(),
    }
}

/// Whether a link that Markdown writes is one to check here: not `@/` nor
/// `#…` (checked already), not external.
pub fn is_checked_here(dest: &str) -> bool {
    !(dest.starts_with("@/") || dest.starts_with('#') || dest.is_empty())
}

#[cfg(test)]
mod tests {
    use foldhash::{HashSet, HashSetExt};

    use super::{
        Base, Files, HtmlFile, Ids, Target, check_html, is_rooted, is_site_path,
        remove_dot_segments, resolve, scan, split_once_at, unescape, web_address_meant,
    };
    use crate::testing::SiteBuilder;

    #[test]
    fn an_address_of_another_site_without_https_is_told() {
        let meant = |path| web_address_meant(path);
        let https = |address: &str| Some(format!("https://{address}"));
        assert_eq!(meant("ru/rules/first/www.gov.kz"), https("www.gov.kz"));
        assert_eq!(
            meant("ru/rules/egov.kz/services/"),
            https("egov.kz/services/")
        );
        assert_eq!(meant("kk/akimat.Қаз/"), https("akimat.Қаз/"));
        let mail = Some("mailto:akimat@gov.kz".to_string());
        assert_eq!(meant("ru/rules/first/akimat@gov.kz"), mail);
        // A file's name, not a site.
        assert_eq!(meant("ru/rules/notes.org"), None);
        assert_eq!(meant("ru/rules/map.png"), None);
        assert_eq!(meant("ru/.kz/"), None);
    }

    fn base(path: &'static str) -> Base<'static> {
        Base {
            origin: "https://x.example",
            authority: "//x.example",
            path,
        }
    }

    fn internal(path: &str, fragment: Option<&str>) -> Target {
        Target::Internal {
            path: path.to_string(),
            fragment: fragment.map(str::to_string),
        }
    }

    #[test]
    fn ids_are_found_as_the_lines_of_their_text() {
        let ids = Ids::new("b\na\na-1\nқолды-жуу\r\n\na\n".into());
        for id in ["a", "b", "a-1", "қолды-жуу", "", "top"] {
            assert!(ids.has(id), "{id}");
        }
        for id in ["c", "a-", "a-2", "қолды", "b\na"] {
            assert!(!ids.has(id), "{id}");
        }
        // Many ids, each found (a table of contents of as many links).
        let text: String = (0..5000).map(|i| format!("h-{i}\n")).collect();
        let ids = Ids::new(text.into());
        assert!((0..5000).all(|i| ids.has(&format!("h-{i}"))));
        assert!(!ids.has("h-5000"));
    }

    #[test]
    fn links_resolve_against_the_file_and_the_base_path() {
        let b = base("/");
        let from = "kk/rules/a/index.html";
        assert_eq!(resolve(&b, from, "/ru/x/"), internal("ru/x/", None));
        assert_eq!(
            resolve(&b, from, "../other/"),
            internal("kk/rules/other/", None)
        );
        assert_eq!(resolve(&b, from, "../../../../x"), internal("x", None));
        assert_eq!(
            resolve(&b, from, "img.png?v=2#a"),
            internal("kk/rules/a/img.png", Some("a"))
        );
        assert_eq!(
            resolve(&b, from, "#h"),
            internal("kk/rules/a/index.html", Some("h"))
        );
        assert_eq!(
            resolve(&b, from, "https://x.example/kk/"),
            internal("kk/", None)
        );
        assert_eq!(resolve(&b, from, "https://x.example"), internal("", None));
        assert_eq!(resolve(&b, from, "//x.example/kk/"), internal("kk/", None));
        assert_eq!(
            resolve(&b, from, "https://x.example.org/"),
            Target::Elsewhere
        );
        assert_eq!(resolve(&b, from, "//other.example/"), Target::Elsewhere);
        assert_eq!(resolve(&b, from, "mailto:a@x.example"), Target::Elsewhere);
        assert_eq!(resolve(&b, from, "tel:+77"), Target::Elsewhere);
        assert_eq!(resolve(&b, from, ""), Target::Elsewhere);
        assert_eq!(
            resolve(&b, from, "/kk/%D2%9B/#%D2%9B&amp;"),
            internal("kk/қ/", Some("қ&"))
        );
        let sub = base("/sub/");
        assert_eq!(
            resolve(&sub, "kk/index.html", "/sub/kk/x/"),
            internal("kk/x/", None)
        );
        assert_eq!(resolve(&sub, "kk/index.html", "/sub"), internal("", None));
        assert_eq!(
            resolve(&sub, "kk/index.html", "x/"),
            internal("kk/x/", None)
        );
        assert_eq!(
            resolve(&sub, "kk/index.html", "/kk/x/"),
            Target::OutsideBase("/kk/x/".into())
        );
        assert_eq!(
            resolve(&sub, "kk/index.html", "https://x.example/sub/ru/"),
            internal("ru/", None)
        );
    }

    #[test]
    fn links_resolve_at_the_edges_of_their_parts() {
        let b = base("/");
        let from = "kk/index.html";
        // A file at the top, or none: relative to the top.
        assert_eq!(resolve(&b, "index.html", "x/"), internal("x/", None));
        assert_eq!(resolve(&b, "", "#h"), internal("", Some("h")));
        assert_eq!(
            resolve(&b, "kk/a/index.html", "?q"),
            internal("kk/a/index.html", None)
        );
        // The first `#` begins the fragment, which may hold `?` and `#`.
        assert_eq!(resolve(&b, from, "x#a?b"), internal("kk/x", Some("a?b")));
        assert_eq!(resolve(&b, from, "x#"), internal("kk/x", None));
        assert_eq!(
            resolve(&b, from, "#a#b"),
            internal("kk/index.html", Some("a#b"))
        );
        // A colon after the first `/` is no scheme's.
        assert_eq!(resolve(&b, from, "a/b:c"), internal("kk/a/b:c", None));
        assert_eq!(resolve(&b, from, "қ:x"), Target::Elsewhere);
        // A character across where the site's origin or host would end.
        assert_eq!(resolve(&b, from, "https://мысал.kz/"), Target::Elsewhere);
        assert_eq!(resolve(&b, from, "//мысал.kz/"), Target::Elsewhere);
        assert_eq!(
            resolve(&b, from, "қ/ф.html#ж"),
            internal("kk/қ/ф.html", Some("ж"))
        );
        assert_eq!(
            resolve(&b, "kk/x/index.html", "./a/../b/"),
            internal("kk/x/b/", None)
        );
    }

    #[test]
    fn dot_segments_go() {
        assert_eq!(remove_dot_segments("/a/b/../c/./d"), "/a/c/d");
        assert_eq!(remove_dot_segments("/a/.."), "/");
        assert_eq!(remove_dot_segments("/a/b/."), "/a/b/");
        assert_eq!(remove_dot_segments("/a/.x/.../b"), "/a/.x/.../b");
    }

    /// Links (and texts) drawn by the properties below: every delimiter a
    /// link has, an escape's `%` and `&;`, letters of one, two and four
    /// bytes, and spaces.
    const DRAWN_LINK: &str = "[a/.?#:%&;қ😀 ]{0,24}";

    proptest::proptest! {
        /// `split_once_at` cuts text as `str::split_once` does at the
        /// byte's character.
        #[test]
        fn cutting_at_a_byte_is_splitting_at_its_character(
            text in DRAWN_LINK,
            at in proptest::sample::select(vec![b'#', b'?', b':', b'/', b'%']),
        ) {
            proptest::prop_assert_eq!(split_once_at(&text, at), text.split_once(char::from(at)));
        }

        /// Any link written in any file resolves without a panic, to a
        /// path without a query, a fragment or a dot segment (the links
        /// drawn hold no `%` escape of `.`, `?` or `#`, which decoding
        /// would turn into one).
        #[test]
        fn any_link_resolves_to_a_plain_path(
            raw in DRAWN_LINK,
            from in "([aқ]{0,3}/){0,3}[a.]{0,5}",
        ) {
            for site_path in ["/", "/sub/"] {
                if let Target::Internal { path, .. } | Target::OutsideBase(path) =
                    resolve(&base(site_path), &from, &raw)
                {
                    let dotted = path.split('/').any(|s| s == "." || s == "..");
                    proptest::prop_assert!(!dotted && !path.contains(['?', '#']), "{path}");
                }
            }
        }

        /// A link that starts with `/` leads to the same place from any
        /// file (the link check takes one that works in one file as
        /// working in all), and a path from the site's root never leaves
        /// the site (a page's are kept without being resolved). Links
        /// drawn start with `/`, `//`, an escape of `/` or something else,
        /// and may name the site's own host.
        #[test]
        fn a_link_from_the_root_leads_the_same_way_from_any_file(
            raw in "[ a:/&]?(&#47;|&sol;|&#x2f;|x\\.example|[a/.?#:%&;қ😀 ]){0,12}",
            from in "([aқ]{0,3}/){0,3}[a.]{0,5}",
            other in "([aқ]{0,3}/){0,3}[a.]{0,5}",
        ) {
            for site_path in ["/", "/sub/"] {
                let target = resolve(&base(site_path), &from, &raw);
                if is_rooted(&raw) {
                    proptest::prop_assert_eq!(&target, &resolve(&base(site_path), &other, &raw));
                }
                if is_site_path(&raw) {
                    proptest::prop_assert_ne!(target, Target::Elsewhere);
                }
            }
        }
    }

    /// Only a link from the site's root that works is taken as working in
    /// the files checked after: a relative one may work in one folder and
    /// not in another.
    #[test]
    fn a_link_that_works_in_one_file_is_taken_as_working_only_from_the_root() {
        let site = SiteBuilder::new().build();
        let html = |file: &str, links: &str| HtmlFile {
            file: file.into(),
            template: "page.html".into(),
            ids: "".into(),
            links: links.into(),
            external: "".into(),
        };
        let links = "../b/\n/kk/b/\n/kk/nowhere/\n";
        let (near, far) = (
            html("kk/a/index.html", links),
            html("kk/x/y/index.html", links),
        );
        let written = ["kk/b/index.html"].into_iter();
        let files = Files::new(written, [&near, &far].into_iter(), false);
        let base = Base::of(&site);
        let mut fine = HashSet::new();
        fn broken<M>(problems: Vec<(&str, M, M)>) -> Vec<&str> {
            problems.into_iter().map(|(raw, ..)| raw).collect()
        }
        let in_near = check_html(&site, &base, &files, &near, &mut fine);
        let in_far = check_html(&site, &base, &files, &far, &mut fine);
        assert_eq!(broken(in_near), ["/kk/nowhere/"]);
        assert_eq!(broken(in_far), ["../b/", "/kk/nowhere/"]);
        assert_eq!(fine, HashSet::from_iter(["/kk/b/"]));
    }

    #[test]
    fn scanning_finds_ids_and_links() {
        let s = scan(
            br##"<a href="/x/?a=1&amp;b=2" id="one">x</a><img src='/i.png'><A NAME=old></A><!-- <a href="/no/"> --><script>var a = '<a href="/no/">';</script><svg><use href="#s"/></svg>"##,
        );
        assert_eq!(s.ids, ["one", "old"]);
        assert_eq!(s.links, ["/x/?a=1&amp;b=2", "/i.png", "#s"]);
        assert_eq!(unescape("a&amp;b&#x27;&#39;&zz;&"), "a&b''&zz;&");
    }

    /// The ids and links lol_html's tokenizer finds.
    pub(super) fn lol_html_scan(html: &[u8]) -> (Vec<String>, Vec<String>) {
        use lol_html::{HtmlRewriter, Settings, element};
        let (mut ids, mut links) = (Vec::new(), Vec::new());
        {
            let settings = Settings::new().append_element_content_handler(element!("*", |el| {
                if let Some(id) = el.get_attribute("id") {
                    ids.push(unescape(&id).into_owned());
                }
                for name in ["href", "src"] {
                    links.extend(el.get_attribute(name));
                }
                if el.tag_name() == "a"
                    && let Some(name) = el.get_attribute("name")
                {
                    ids.push(unescape(&name).into_owned());
                }
                Ok(())
            }));
            let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
            rewriter.write(html).unwrap();
            rewriter.end().unwrap();
        }
        (ids, links)
    }

    #[test]
    fn scanning_agrees_with_lol_html() {
        let docs: &[&str] = &[
            r##"<!doctype html><html lang="kk"><head><title>a <a href="/no/"></title><style>a > b { x: "<a href='/no/'>" }</style></head>"##,
            r##"<body><p id=bare class = "x">t</p><a href = '/q/' id="&quot;q&amp;" >x</a><br/><img src=/u.png alt=x/>"##,
            r##"<textarea><a href="/no/"></textarea><a href="/yes/"><!-- <a href="/no/"> -- > --><a href="#x">"##,
            r##"<SCRIPT>if (a<b) { x = "</scr" + "ipt>"; }</SCRIPT><a HREF="/caps/" ID=Caps NAME=n><link rel=icon href=/f.svg>"##,
            r##"<svg><use href="#s"/><path d="M0 0h1v1"/></svg><iframe src="/e/"></iframe><p>1 < 2 > 0</p><a href=/last/>"##,
            r##"<a href="/x/" href="/dup/"><?php no ?><a title='it&#39;s' href="/t/">"##,
        ];
        for doc in docs {
            let s = scan(doc.as_bytes());
            assert_eq!((s.ids, s.links), lol_html_scan(doc.as_bytes()), "{doc}");
        }
    }
}

#[cfg(test)]
mod speed {
    /// `AQPARAT_SCAN_DIR=/tmp/out cargo test --lib scan_speed -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn scan_speed() {
        let dir = std::env::var("AQPARAT_SCAN_DIR").unwrap();
        let mut docs = Vec::new();
        for entry in walkdir::WalkDir::new(dir) {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|e| e == "html") {
                docs.push(std::fs::read(entry.path()).unwrap());
            }
        }
        for doc in &docs {
            let (ids, links) = super::tests::lol_html_scan(doc);
            let s = super::scan(doc);
            assert_eq!((s.ids, s.links), (ids, links));
        }
        let bytes: usize = docs.iter().map(Vec::len).sum();
        let start = std::time::Instant::now();
        let mut links = 0;
        for doc in &docs {
            links += super::scan(doc).links.len();
        }
        let t = start.elapsed();
        crate::tell!(
            "{} docs, {bytes} bytes, {links} links in {t:?}: {:.0} MB/s",
            docs.len(),
            bytes as f64 / t.as_secs_f64() / 1e6
        );
    }
}
