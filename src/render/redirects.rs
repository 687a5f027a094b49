//! Moved pages keep their addresses. Each alias of a page (an old address,
//! `aliases:` in its front matter) gets a small page that leads on to the
//! page at once without JavaScript (a refresh, a canonical link, a visible
//! link), and [`MAP_FILE`] maps every old address to its new one for
//! nginx, which answers them with real 301s (see `deploy/nginx.conf`).
//! Aliases are checked in `validate::pages`: folders of safe characters,
//! none the address of another page or file.

use std::fmt::Write;

use super::xml::{attribute, escape};
use crate::model::{Page, Site};

/// The redirect map, at the output's root; a dotfile, which nginx does not
/// serve.
pub const MAP_FILE: &str = ".redirects.map";

/// What redirect pages are made from, in the link check's reports.
pub const TEMPLATE: &str = "(aliases)";

/// The page at an alias of `target`, saying `moved` in its language.
pub fn page(site: &Site, target: &Page, moved: &str) -> String {
    let link = attribute(&site.link(&target.url));
    let permalink = site.permalink(&target.url);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{moved}</title>\n<link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={link}\">\n</head>\n\
         <body>\n<p>{moved}: <a href=\"{link}\">{shown}</a></p>\n</body>\n</html>\n",
        lang = attribute(site.code(target.lang)),
        moved = escape(moved),
        canonical = attribute(&permalink),
        shown = escape(&permalink),
    )
}

/// nginx's `map` of `$uri`, old address to new, with and without the final
/// `/`. Aliases hold no quote, backslash, space or `;` (see
/// `address::parse_alias`), so each fits in quotes as it is.
pub fn nginx_map(site: &Site) -> String {
    let mut map = String::from("# Made by aqparat: each page's old addresses (`aliases:`).\n");
    for page in site.pages.iter() {
        let to = site.link(&page.url);
        for alias in &page.aliases {
            let from = site.link(alias);
            let bare = from.trim_end_matches('/');
            let _ = writeln!(map, "\"{from}\" \"{to}\";\n\"{bare}\" \"{to}\";");
        }
    }
    map
}

/// Whether `site` has any alias.
pub fn any(site: &Site) -> bool {
    site.pages.iter().any(|page| !page.aliases.is_empty())
}
