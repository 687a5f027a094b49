//! What a caller asks of the pipeline: where the site is, where the output
//! goes, and how strict to be.

use std::path::PathBuf;
use std::time::Duration;

use crate::clock::Clock;
use crate::date::Date;
use crate::load::FrontMatter;
use crate::write::Publish;

/// Options shared by `build`, `check`, `serve` and `watch`.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site's root: the folder that holds `site.yaml`.
    pub root: PathBuf,
    /// Where the built site goes (`public/` under the root by default).
    pub output: PathBuf,
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// The origin (`http://127.0.0.1:1111`) that takes the place of the
    /// site address's own, which keeps its path: `serve` serves the site
    /// under the path it is published at.
    pub serve_origin: Option<String>,
    /// Whether pages marked `draft: true` are built.
    pub drafts: Drafts,
    /// Treat warnings as errors.
    pub strict: bool,
    /// How a finished build replaces the previous output.
    pub publish: Publish,
    /// A program that makes a search index in a process of its own (the
    /// `aqparat` binary, whose hidden `search-index` command does it), for
    /// the search index that `serve` and `watch` update in the background;
    /// without it, that index is made on a thread of this process.
    pub search_indexer: Option<PathBuf>,
    /// The build's date, which the open data carry (see [`BuildDate`]).
    pub build_date: BuildDate,
    /// Whether pages dated in the future are built (`--future`).
    pub future: bool,
    /// Where "now" comes from: which pages are published yet and which
    /// have expired (see [`crate::clock`]).
    pub clock: Clock,
    /// Whether a one-off build renders every page, taking nothing from
    /// the render cache and leaving it as it is (`build --fresh`); else it
    /// starts from the last build's pages kept there (see
    /// [`crate::render::RenderCache`]).
    pub fresh: bool,
    /// Whether `check` asks other sites about the links to them, and how
    /// (`check --external`); `None`: it does not.
    pub external: Option<ExternalCheck>,
}

impl Options {
    /// Options for the site in `root`, writing to `root/public`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        Options {
            output: root.join("public"),
            root,
            base_url: None,
            serve_origin: None,
            drafts: Drafts::LeaveOut,
            strict: false,
            publish: Publish::Replace,
            search_indexer: None,
            build_date: BuildDate::Today,
            future: false,
            clock: Clock::system(),
            external: None,
            fresh: false,
        }
    }

    /// Sets the output folder to `given` as written, less its `.` parts
    /// and extra slashes: `public/.` is the folder `public`, which a build
    /// replaces, and not `.` inside it, which no folder can be swapped
    /// with (the swap's error read as a mount point's).
    pub fn set_output(&mut self, given: PathBuf) {
        let tidy: PathBuf = given.components().collect();
        self.output = match tidy.as_os_str().is_empty() {
            true => given,
            false => tidy,
        };
    }

    /// Which pages a build on the day `today` publishes.
    pub fn publishing(&self, today: Date) -> Publishing {
        Publishing {
            drafts: self.drafts,
            future: self.future,
            today,
        }
    }
}

/// Which pages a build publishes, and which of them have expired: drafts
/// by `--drafts`, pages dated after `today` by `--future`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Publishing {
    /// Whether drafts are built.
    pub drafts: Drafts,
    /// Whether pages dated after `today` are built.
    pub future: bool,
    /// The build's day (see [`crate::clock::Moment::today`]).
    pub today: Date,
}

impl Publishing {
    /// Whether the page with the front matter `front` is published: not a
    /// draft (unless drafts are built), and not dated after today (unless
    /// `--future`). A date that does not parse is reported by `validate`
    /// and publishes nothing less.
    pub fn publishes(&self, front: &FrontMatter) -> bool {
        self.drafts.publishes(front.draft) && (self.future || self.scheduled(front).is_none())
    }

    /// The day a page dated after today is published (`None` for a page
    /// published already, whatever `--future` says).
    pub fn scheduled(&self, front: &FrontMatter) -> Option<Date> {
        let date = Date::parse(&front.date.as_ref()?.value).ok()?;
        (date > self.today).then_some(date)
    }

    /// Whether a page that `expires` on that day is no longer in force.
    pub fn has_expired(&self, expires: Option<Date>) -> bool {
        expires.is_some_and(|day| day <= self.today)
    }
}

/// How `check --external` asks other sites about the links to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExternalCheck {
    /// How long to wait for a server, to connect and to answer, each try.
    pub timeout: Duration,
    /// How many times a request is tried again after a timeout, a server
    /// error (5xx) or 429 Too Many Requests.
    pub retries: u32,
    /// How long a link found working is taken as working without asking
    /// its server again (the cache, `.aqparat/external-links.json`).
    pub cache_for: Duration,
}

/// Whether pages marked `draft: true` are part of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Drafts {
    /// Drafts are left out: neither built nor checked as pages of the site.
    #[default]
    LeaveOut,
    /// Drafts are built like every other page (`--drafts`).
    Include,
}

impl Drafts {
    /// Whether a page is published; `is_draft` is its `draft:` field.
    pub fn publishes(self, is_draft: bool) -> bool {
        self == Drafts::Include || !is_draft
    }
}

/// The date a build gives its open data (the data package's `created`,
/// the XLSX files' properties). Two builds of the same input are the same
/// byte for byte when it is fixed, and on the same day when it is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BuildDate {
    /// Today (UTC), at midnight: the clock's day, not its second.
    #[default]
    Today,
    /// A fixed instant, in seconds since 1970-01-01 UTC.
    Fixed(u64),
}

/// 9999-12-31T23:59:59Z: RFC 3339 and Excel have four-digit years.
const LAST_SECOND: u64 = 253_402_300_799;

impl BuildDate {
    /// `SOURCE_DATE_EPOCH` (reproducible-builds.org) when it is set: an
    /// error when it is not a whole number of seconds; else today.
    pub fn from_environment() -> Result<BuildDate, crate::messages::Message> {
        match std::env::var_os("SOURCE_DATE_EPOCH") {
            None => Ok(BuildDate::Today),
            Some(value) => value
                .to_str()
                .and_then(|v| v.trim().parse().ok())
                .filter(|seconds| *seconds <= LAST_SECOND)
                .map(BuildDate::Fixed)
                .ok_or_else(|| {
                    let value = value.to_string_lossy().escape_debug().to_string();
                    crate::msg!("build-date-invalid", value = value)
                }),
        }
    }

    /// The instant, in seconds since 1970-01-01 UTC, at the latest the
    /// end of 9999.
    pub fn seconds(self) -> u64 {
        match self {
            BuildDate::Fixed(seconds) => seconds.min(LAST_SECOND),
            BuildDate::Today => {
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                now - now % 86_400
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_output_is_the_folder_written_less_its_dots_and_extra_slashes() {
        let mut options = Options::new("site");
        for (given, output) in [
            ("public/.", "public"),
            ("public/./", "public"),
            ("./public//", "./public"),
            ("/srv/www/./site/.", "/srv/www/site"),
            ("../out", "../out"),
            (".", "."),
        ] {
            options.set_output(given.into());
            assert_eq!(options.output, PathBuf::from(output), "{given}");
        }
    }

    #[test]
    fn a_build_date_is_a_day_or_the_fixed_second_up_to_the_end_of_9999() {
        assert_eq!(BuildDate::Today.seconds() % 86_400, 0);
        assert_eq!(BuildDate::Fixed(1_585_872_000).seconds(), 1_585_872_000);
        assert_eq!(BuildDate::Fixed(u64::MAX).seconds(), LAST_SECOND);
    }
}
