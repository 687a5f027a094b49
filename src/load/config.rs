//! `site.yaml`: the site's languages, address and theme, as written.

use std::collections::BTreeMap;
use std::path::Path;

use indexmap::IndexMap;
use serde::Deserialize;
use serde::de::IgnoredAny;

use super::files::read_text;
use super::yaml::{self, Spanned};
use crate::diag::{Diagnostic, Diagnostics};
use crate::msg;

/// `site.yaml` as written. Unknown keys are errors, so typos do not pass
/// silently.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// The absolute address the site is published at.
    pub base_url: Spanned<String>,
    /// The language `/` and `x-default` lead to.
    pub default_language: Spanned<String>,
    /// Languages by code, in the order of the language switcher.
    pub languages: Spanned<IndexMap<String, RawLanguage>>,
    /// The theme folder under `themes/`; `default` when absent.
    pub theme: Option<Spanned<String>>,
    /// An emergency notice shown on every page, per language (optional).
    pub notice: Option<Spanned<BTreeMap<String, Spanned<String>>>>,
    /// Whether builds make the search index; `true` when absent. See
    /// [`RawConfig::has_search`].
    pub search: Option<Spanned<bool>>,
    /// Whether pages get a preview card (`og:image`); `true` when absent.
    pub previews: Option<Spanned<bool>>,
    /// The licence and publisher of the open data; required when the site
    /// has statistics.
    pub open_data: Option<Spanned<RawOpenData>>,
    /// Where pages' "last updated" comes from when their front matter has
    /// no `updated`; `front-matter` (their `date`) when absent.
    pub dates: Option<Spanned<DatesFrom>>,
    /// Whether every language written was read, or some left out for their
    /// problems (see [`load`]): then nothing in a language is checked.
    #[serde(skip)]
    pub languages_read: LanguagesRead,
}

/// How many of the languages written in `site.yaml` reading it around its
/// problems kept.
#[derive(Debug, Default)]
pub enum LanguagesRead {
    /// All of them.
    #[default]
    All,
    /// Not all; the codes of every language written, against which the
    /// rest of `site.yaml` is checked.
    SomeLeftOut(Vec<String>),
    /// Maybe not all; the codes written cannot be told (two keys that may
    /// be `languages:`, a key given twice, a code that is not text).
    Untold,
}

/// `dates` in `site.yaml`: where "last updated" comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DatesFrom {
    /// The front matter's `updated`, else its `date`.
    FrontMatter,
    /// The front matter's `updated`, else the day of the last commit that
    /// changed the page's file, else its `date`.
    Git,
}

/// `open_data` in `site.yaml`: what the data package tells portals.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOpenData {
    /// The licence's SPDX identifier (`CC-BY-4.0`), one of
    /// [`crate::licence::LICENCES`].
    pub licence: Spanned<String>,
    /// Who publishes the data, per language.
    pub publisher: Spanned<BTreeMap<String, Spanned<String>>>,
}

impl RawConfig {
    /// Whether `site.yaml` asks for the search index (`search`, `true` when
    /// absent).
    pub fn wants_search(&self) -> bool {
        self.search.as_ref().is_none_or(|search| search.value)
    }

    /// Whether pages get preview cards (`previews`, `true` when absent).
    pub fn wants_previews(&self) -> bool {
        self.previews.as_ref().is_none_or(|previews| previews.value)
    }

    /// Whether `site.yaml` asks for dates from git (`dates: git`).
    pub fn wants_git_dates(&self) -> bool {
        self.dates
            .as_ref()
            .is_some_and(|d| d.value == DatesFrom::Git)
    }

    /// Whether pages' dates come from git: when `site.yaml` asks for it and
    /// this aqparat was built with the `history` feature (without it,
    /// `validate` warns that the dates come from the front matter).
    pub fn has_git_dates(&self) -> bool {
        cfg!(feature = "history") && self.wants_git_dates()
    }

    /// Whether builds make the search index: when `site.yaml` asks for it
    /// and this aqparat was built with the `search` feature (without it,
    /// `validate` warns that the site gets no search index).
    pub fn has_search(&self) -> bool {
        cfg!(feature = "search") && self.wants_search()
    }
}

/// One language of the site as written in `site.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLanguage {
    /// The language's own name, shown in the switcher (`Қазақша`).
    pub name: Spanned<String>,
    /// The site's title in this language.
    pub title: Spanned<String>,
    /// A one-sentence description of the site in this language.
    pub description: Option<Spanned<String>>,
}

/// The path of the configuration file, relative to the root.
pub const CONFIG_FILE: &str = "site.yaml";

/// Reads and parses `site.yaml`; also returns its text for diagnostics.
/// Problems go to `diagnostics`; a file whose problems can all be left
/// out (an unknown key, a value of the wrong type, see
/// [`yaml::parse_recovering`]) is read without them, so that what it says
/// is checked in the same round. A language left out so (its entry of the
/// wrong type) is marked ([`RawConfig::languages_read`]): the site's
/// languages are then not known, and every page and text in that one
/// would be a problem of its own.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> Option<(RawConfig, String)> {
    let text = diagnostics.ok(read(root))?;
    let path = Path::new(CONFIG_FILE);
    let (config, problems) = yaml::parse_recovering::<RawConfig>(path, &text, 0, &text);
    let config = config.map(|mut config| {
        if !problems.is_empty() {
            let read = || config.languages.value.keys();
            config.languages_read = match written_languages(path, &text) {
                Some(written) if written.iter().eq(read()) => LanguagesRead::All,
                Some(written) => LanguagesRead::SomeLeftOut(written),
                None => LanguagesRead::Untold,
            };
        }
        config
    });
    diagnostics.extend(problems);
    Some((config?, text))
}

/// The language codes `site.yaml` lists, whatever their entries hold:
/// the keys under `languages:`, or under the one key read as it (a slip,
/// `langauges:`); `None` when they cannot be told (two keys that may be
/// it, a key given twice, a code that is not text).
fn written_languages(path: &Path, text: &str) -> Option<Vec<String>> {
    /// A value at the top of `site.yaml`: a mapping, or anything else.
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Value {
        Mapping(IndexMap<String, IgnoredAny>),
        Other(IgnoredAny),
    }
    let top = yaml::parse_at_most::<IndexMap<String, Value>>(path, text, 0, text, 1).ok()?;
    let is = |key: &str| key == "languages";
    let meant = |key: &str| crate::diag::key_meant(key, ["languages"]).is_some();
    let mut meant = top.iter().filter(|(key, _)| meant(key));
    let languages = match top.iter().find(|(key, _)| is(key)) {
        Some(languages) => languages,
        None => meant.next().filter(|_| meant.next().is_none())?,
    };
    match languages {
        (_, Value::Mapping(codes)) => Some(codes.keys().cloned().collect()),
        (_, Value::Other(_)) => None,
    }
}

/// The text of `site.yaml`, or why there is none.
fn read(root: &Path) -> Result<String, Diagnostics> {
    let path = Path::new(CONFIG_FILE);
    let shown = root.display().to_string();
    let missing = match std::fs::metadata(root) {
        Ok(meta) if !meta.is_dir() => Some(msg!("root-not-folder", root = shown)),
        // Anything there but a file (a folder, a FIFO) is told by reading it.
        _ if std::fs::symlink_metadata(root.join(path)).is_err() => {
            Some(msg!("no-site-yaml", root = shown))
        }
        _ => None,
    };
    if let Some(message) = missing {
        return Err(Diagnostic::error(path, crate::diag::Span::START, message)
            .with_hint(msg!("no-site-yaml-hint"))
            .into());
    }
    Ok(read_text(root, path)?)
}
