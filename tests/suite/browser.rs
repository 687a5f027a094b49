//! Residents' side, in a real browser: Debian's Chromium, driven through
//! chromedriver (fantoccini), against the example site as nginx serves it
//! with `deploy/nginx.conf`; and the checkers around it: axe-core, the Nu
//! Html Checker, poppler and zbar.
//!
//! Without a tool a test needs, it says it is skipped and how to install
//! the tool (`apt-get install …`, `npm ci --prefix tests/browser`);
//! `.ci/run` installs them all and sets `AQPARAT_BROWSER_TESTS=required`,
//! which turns a skip into a failure.

/// Tools, the served site, the browser session and its logs.
#[path = "browser/harness.rs"]
mod harness;

/// Switching language, with and without JavaScript.
#[path = "browser/navigation.rs"]
mod navigation;

/// No console errors, no failed requests, nothing leaves localhost.
#[path = "browser/clean_load.rs"]
mod clean_load;

/// axe-core finds no WCAG 2.1 A/AA violations, light and dark.
#[path = "browser/accessibility.rs"]
mod accessibility;

/// The Nu Html Checker finds no errors in the output.
#[path = "browser/html_validity.rs"]
mod html_validity;

/// A rules page printed to PDF: A4, its title, a QR code of its URL.
#[path = "browser/print.rs"]
mod print;

/// Search in each language, and the index of all pages without JavaScript.
#[path = "browser/search.rs"]
mod search;

/// Screenshots of each kind of page on a phone and a laptop.
#[path = "browser/screenshots.rs"]
mod screenshots;

/// HTML + CSS + JS per page within budget.
#[path = "browser/page_weight.rs"]
mod page_weight;

/// The first screen's images within budget on a 360 px phone.
#[path = "browser/image_weight.rs"]
mod image_weight;

/// `serve`'s error overlay in the page's language.
#[cfg(feature = "serve")]
#[path = "browser/overlay.rs"]
mod overlay;

/// A moved page's old address: a 301 through nginx, a page that leads on.
#[path = "browser/aliases.rs"]
mod aliases;

/// The home pages, the rules and the pages a reader opened, offline.
#[path = "browser/offline.rs"]
mod offline;

/// nginx, configured as `deploy/nginx.conf` says: each language's 404 page
/// for any missing address, feeds revalidated.
#[path = "browser/nginx.rs"]
mod nginx;
