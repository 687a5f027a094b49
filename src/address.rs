//! The site's address (`base_url` in `site.yaml`, or `--base-url`): parsed
//! as a URL, checked and normalised once, so that it can go as it is into
//! every attribute, feed, `robots.txt` and the sitemap; and the URL path of
//! each page below it.

use crate::messages::Message;
use crate::msg;

/// Characters that have no place in an address as written: they would end an
/// attribute, a line of `robots.txt` or an XML element, or are not allowed
/// in a URL unencoded; and `$`, which nginx reads as a variable in the
/// redirect map (the request would choose where a redirect leads).
const FORBIDDEN: &[char] = &['"', '\'', '<', '>', '\\', '`', '{', '}', '|', '^', '$'];

/// The first character of `text` that an address as written may not hold
/// (a space, a control character, a quote…; see [`parse_base_url`]), and
/// its byte offset.
pub fn forbidden_character(text: &str) -> Option<(usize, char)> {
    first_of(text, FORBIDDEN)
}

/// The first space, control character or character of `forbidden` in
/// `text`, and its byte offset.
fn first_of(text: &str, forbidden: &[char]) -> Option<(usize, char)> {
    text.char_indices()
        .find(|(_, c)| c.is_control() || c.is_whitespace() || forbidden.contains(c))
}

/// Parses `text` as the site's address: a web address (see
/// [`parse_web_address`]) with no query or fragment, and no quote, space,
/// control character or other character a URL may not hold. Returns it
/// normalised (lower-case host, IDN as ASCII) and ending with `/`; or what
/// is wrong, said for the person who wrote it (in words of the staff's
/// language, not the URL parser's).
pub fn parse_base_url(text: &str) -> Result<String, Message> {
    if let Some((_, c)) = forbidden_character(text) {
        return Err(character_problem(c));
    }
    let url = parse_web_address(text)?;
    if url.query().is_some() || url.fragment().is_some() {
        return Err(msg!("address-query", text = text));
    }
    let mut normalised = url.to_string();
    if !normalised.ends_with('/') {
        normalised.push('/');
    }
    Ok(normalised)
}

/// Characters that a link to another site (a source's `url`) may not hold
/// as written: they end an attribute or a tag, or no URL holds them
/// unencoded. (`'` and `$` are allowed there: addresses of articles hold
/// them, and no server configuration reads these links.)
const FORBIDDEN_IN_LINK: &[char] = &['"', '<', '>', '\\', '`'];

/// Checks `text`, a link to another site that the pages show (a source's
/// `url`): a web address (see [`parse_web_address`]), with no space,
/// control character, quote or angle bracket as written.
pub fn check_link(text: &str) -> Result<(), Message> {
    if let Some((_, c)) = first_of(text, FORBIDDEN_IN_LINK) {
        return Err(character_problem(c));
    }
    parse_web_address(text).map(drop)
}

/// Parses `text` as an absolute web address: `http` or `https` (in any
/// case) and `//` after its colon, a host that is an IP address or a host
/// name a browser can reach (see [`is_host_name`]), a port from 1, and no
/// user name or password, which every page would publish.
fn parse_web_address(text: &str) -> Result<url::Url, Message> {
    let url = url::Url::parse(text).map_err(|e| not_an_address(text, e))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(msg!("address-not-http", text = text));
    }
    // The URL parser reads `https:x.kz` and `https:/x.kz` as `https://x.kz`,
    // but a browser reads a link written so as a path of the page's site.
    let after_scheme = text.get(url.scheme().len() + 1..).unwrap_or_default();
    if !after_scheme.starts_with("//") {
        return Err(msg!("address-not-absolute", text = text));
    }
    if url.port() == Some(0) {
        return Err(msg!("address-port", text = text));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(msg!("address-user", text = text));
    }
    match url.host() {
        None | Some(url::Host::Domain("")) => return Err(msg!("address-no-host", text = text)),
        Some(url::Host::Domain(name)) if !is_host_name(name) => {
            return Err(msg!("address-bad-host", text = text));
        }
        // The URL parser reads `1.2.3`, `0x7f.1` and `01.2.3.4` as other
        // addresses than a reader would: only four decimal numbers are one.
        Some(url::Host::Ipv4(ip)) if !after_scheme[2..].starts_with(&ip.to_string()) => {
            return Err(msg!("address-bad-host", text = text));
        }
        Some(_) => {}
    }
    Ok(url)
}

/// Whether `name`, a host as the URL parser gives it (lower case, IDN as
/// ASCII), is a host name (RFC 1123) the DNS can hold: labels of letters,
/// digits and `-` joined by dots, none empty, none starting or ending with
/// `-`, each at most 63 bytes and all at most 253 (a final dot, the
/// root's, aside). No `_`: no certificate is issued for such a name.
fn is_host_name(name: &str) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name);
    name.len() <= 253
        && name.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && (label.bytes()).all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// What is wrong with an address that holds `c`, a character it may not
/// hold as written.
fn character_problem(c: char) -> Message {
    match c {
        ' ' | '\u{A0}' => msg!("address-space"),
        c if c.is_control() || c.is_whitespace() => msg!(
            "address-character",
            char = format!("U+{:04X}", u32::from(c))
        ),
        '`' => msg!("address-character", char = "`` ` ``"),
        c => msg!("address-character", char = format!("`{c}`")),
    }
}

/// Why `text` is no address, as the URL parser found (`error`), in the
/// staff's words: a host written without `https://` gets the address
/// with it.
fn not_an_address(text: &str, error: url::ParseError) -> Message {
    use url::ParseError as E;
    match error {
        E::RelativeUrlWithoutBase if looks_like_a_host(text) => {
            let slash = if text.ends_with('/') { "" } else { "/" };
            let suggested = format!("https://{text}{slash}");
            msg!("address-no-scheme", text = text, suggested = suggested)
        }
        E::EmptyHost => msg!("address-no-host", text = text),
        E::InvalidPort => msg!("address-port", text = text),
        E::IdnaError
        | E::InvalidDomainCharacter
        | E::InvalidIpv4Address
        | E::InvalidIpv6Address => {
            msg!("address-bad-host", text = text)
        }
        _ => msg!("address-not-absolute", text = text),
    }
}

/// Whether `text` begins with a host name (`example.kz`, `www.gov.kz/x`):
/// letters, digits, `-` and at least one `.` before any `/`.
fn looks_like_a_host(text: &str) -> bool {
    let host = text.split('/').next().unwrap_or_default();
    host.contains('.')
        && !host.starts_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
}

/// A page's URL path relative to the site's address: `kk/`,
/// `kk/rules/quarantine/` — no leading `/`, always a final one. Joined to
/// the base path it is a link, to the base URL an absolute address, and
/// with `index.html` the page's file in the output.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct UrlPath(String);

impl UrlPath {
    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The page's file in the output: `kk/rules/quarantine/index.html`.
    pub fn file(&self) -> String {
        format!("{}index.html", self.0)
    }
}

impl std::ops::Deref for UrlPath {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for UrlPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A map keyed by URL paths is searched with a `&str` (hashed and compared
/// as the `String` inside).
impl std::borrow::Borrow<str> for UrlPath {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for UrlPath {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for UrlPath {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// The URL path of the page `key` in `lang`.
pub fn output_url(lang: &str, key: &str) -> UrlPath {
    UrlPath(if key.is_empty() {
        format!("{lang}/")
    } else {
        format!("{lang}/{key}/")
    })
}

/// The longest alias, in bytes: far above any real address, short enough
/// for every file system's path limit.
const MAX_ALIAS_LENGTH: usize = 512;

/// The longest folder name of an alias, in bytes: the limit of a name on
/// the usual file systems (ext4, XFS, APFS, NTFS in UTF-16 aside), which
/// a redirect page's folder takes. Cyrillic letters are two bytes each.
const MAX_FOLDER_LENGTH: usize = 255;

/// Parses an alias, a page's old address below the site's (`/ru/old-name/`;
/// the final `/` may be left out), as a URL path: folders of letters,
/// digits and `-_.~!*(),+=@:` only; no empty folder, no `.` or `..`, no
/// query, fragment, percent-encoding, space, quote or control character, so
/// that it is safe as a file path, in HTML and in nginx's redirect map.
pub fn parse_alias(text: &str) -> Result<UrlPath, Message> {
    let Some(path) = text.strip_prefix('/') else {
        return Err(msg!(
            "alias-not-absolute",
            alias = text.escape_debug().to_string()
        ));
    };
    let allowed = |c: char| c.is_alphanumeric() || "-_.~!*(),+=@:".contains(c);
    if let Some(c) = path.chars().find(|&c| c != '/' && !allowed(c)) {
        return Err(msg!("alias-character", char = format!("{c:?}")));
    }
    let path = path.strip_suffix('/').unwrap_or(path);
    let bad_folder = path
        .split('/')
        // `.` and `..`, and hidden names: nginx serves no hidden path, and
        // the output's own files (its stamp, the redirect map) are such.
        .any(|s| s.is_empty() || s.starts_with('.') || s.len() > MAX_FOLDER_LENGTH);
    if bad_folder || text.len() > MAX_ALIAS_LENGTH {
        return Err(msg!("alias-folders", alias = text));
    }
    Ok(UrlPath(format!("{path}/")))
}

#[cfg(test)]
mod tests {
    use super::{check_link, forbidden_character, parse_alias, parse_base_url};
    use crate::msg;

    #[test]
    fn aliases_are_folders_below_the_site() {
        assert_eq!(parse_alias("/ru/old").map(|p| p.0), Ok("ru/old/".into()));
        assert_eq!(
            parse_alias("/kk/ескі-бет/").map(|p| p.0),
            Ok("kk/ескі-бет/".into())
        );
        for bad in [
            "ru/old/",
            "/",
            "//x/",
            "/a//b/",
            "/a/../b/",
            "/./",
            "/a b/",
            "/a?b",
            "/a#b",
            "/a%20b/",
            "/a\"b/",
            "/a<b/",
            "/a;b/",
            "/a$b/",
            "/a\\b/",
            "/a\u{0}/",
            "/a\nb/",
            "/.redirects.map",
            "/kk/.hidden/",
        ] {
            assert!(parse_alias(bad).is_err(), "{bad:?}");
        }
        assert!(parse_alias(&format!("/{}/", "a".repeat(600))).is_err());
        // A folder's name is at most 255 bytes: 127 Cyrillic letters.
        assert!(parse_alias(&format!("/ru/{}/", "а".repeat(127))).is_ok());
        assert!(parse_alias(&format!("/ru/{}/", "а".repeat(128))).is_err());
    }

    #[test]
    fn addresses_are_normalised() {
        assert_eq!(
            parse_base_url("https://Example.KZ").as_deref(),
            Ok("https://example.kz/")
        );
        assert_eq!(
            parse_base_url("http://127.0.0.1:1111/sub").as_deref(),
            Ok("http://127.0.0.1:1111/sub/")
        );
        assert_eq!(
            parse_base_url("https://ақпарат.kz/").as_deref(),
            Ok("https://xn--80aaa2dgn23d.kz/")
        );
    }

    #[test]
    fn markup_lines_nginx_variables_and_other_schemes_are_refused() {
        for bad in [
            "https://x.example/\"><script>alert(1)</script>",
            "https://x.example/\nDisallow: /",
            "https://x.example/ a",
            "javascript:alert(1)",
            "ftp://x.example/",
            "https://user:pass@x.example/",
            "https://x.example/?q=1",
            "https://x.example/#top",
            "https://x.example/'",
            "https://x.example/$arg_u/",
            "/relative/",
            "",
        ] {
            assert!(parse_base_url(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn a_host_is_a_name_the_dns_can_hold() {
        let long_label = format!("https://{}.kz/", "a".repeat(64));
        let long_name = format!("https://{}kz/", "abcdefghi.".repeat(26));
        for bad in [
            "https://a..b/",
            "https://.example.kz/",
            "https://-x.example/",
            "https://x-.example/",
            "https://x.example../",
            "https://my_host.example/",
            "https://1.2.3/",
            "https://0x7f.1/",
            "https://01.2.3.4/",
            &long_label,
            &long_name,
        ] {
            assert_eq!(
                parse_base_url(bad),
                Err(msg!("address-bad-host", text = bad)),
                "{bad}"
            );
        }
        for good in [
            "https://example.kz./",
            "http://localhost:1111/",
            "http://[::1]/",
            "http://192.0.2.1:8080/",
            &format!("https://{}.kz/", "a".repeat(63)),
        ] {
            assert!(parse_base_url(good).is_ok(), "{good} was refused");
        }
    }

    #[test]
    fn a_link_to_another_site_may_have_a_query_but_no_markup() {
        for good in [
            "HTTPS://EVIL.COM/%0a",
            "https://en.wikipedia.org/wiki/Hawai'i",
            "https://source.example/1?a=1&b=2#part",
            "http://192.0.2.1/$report",
        ] {
            assert_eq!(check_link(good), Ok(()), "{good}");
        }
        for (bad, problem) in [
            (
                "https://x.example/\"><pwn>",
                msg!("address-character", char = "`\"`"),
            ),
            (
                "https://x.example/\n",
                msg!("address-character", char = "U+000A"),
            ),
            ("https://x.example/a b", msg!("address-space")),
            (
                "https://x.example/`",
                msg!("address-character", char = "`` ` ``"),
            ),
            (
                "https:x.example/report",
                msg!("address-not-absolute", text = "https:x.example/report"),
            ),
            (
                "http:/x.example",
                msg!("address-not-absolute", text = "http:/x.example"),
            ),
            (
                "https://x.example:0/",
                msg!("address-port", text = "https://x.example:0/"),
            ),
            (
                "javascript:alert(1)",
                msg!("address-not-http", text = "javascript:alert(1)"),
            ),
            (
                "https://u:p@x.example/",
                msg!("address-user", text = "https://u:p@x.example/"),
            ),
            (
                "https://a..b/",
                msg!("address-bad-host", text = "https://a..b/"),
            ),
            (
                "www.example.kz",
                msg!(
                    "address-no-scheme",
                    text = "www.example.kz",
                    suggested = "https://www.example.kz/"
                ),
            ),
        ] {
            assert_eq!(check_link(bad), Err(problem), "{bad}");
        }
    }

    #[test]
    fn a_host_without_https_gets_the_address_with_it() {
        use crate::messages::Lang;
        let problem = parse_base_url("mangystau-volunteers.example").unwrap_err();
        let said = problem.in_lang(Lang::Ru);
        assert!(
            said.contains("`https://mangystau-volunteers.example/`"),
            "{said}"
        );
        assert!(!said.contains("relative URL"), "{said}");
        let problem = parse_base_url("/relative/").unwrap_err();
        assert!(!problem.in_lang(Lang::Kk).contains("relative URL"));
        assert_eq!(forbidden_character("https://a b/"), Some((9, ' ')));
    }
}
