//! `data/`: the aid statistics under `data/aid/` (a schema aqparat knows),
//! and any other *data file*, free-form, for templates as `data.<stem>`
//! (YAML, CSV or JSON; see `free.rs`). A file of another kind is a warning.
//!
//! The statistics are five files: `organisations.yaml`, `units.yaml`,
//! `categories.yaml`, `sources.yaml` (lookup tables by id) and
//! `records.yaml` or `records.csv` (a list of what was delivered; see
//! `records.rs`). The README documents them.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::files::{self, read_text};
use super::free::Kind;
use super::inputs::{Entry, Inputs};
use super::table;
use super::yaml::{self, Spanned};
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::msg;

/// Text in each language, by language code; each text with its position,
/// so that a problem in one language's text is reported where it is written.
pub type Texts = Spanned<BTreeMap<String, Spanned<String>>>;

/// The nouns of a unit in one language, by CLDR plural category, each with
/// its position.
pub type NounForms = Spanned<BTreeMap<String, Spanned<String>>>;

/// An organisation as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrganisation {
    /// Full name per language.
    pub name: Texts,
    /// Short name per language, for chart labels.
    pub short: Option<Texts>,
    /// The organisation this one belongs to.
    pub parent: Option<Spanned<String>>,
    /// Partner organisations.
    #[serde(default)]
    pub partners: Vec<Spanned<String>>,
    /// The language of the proper name in «…» in its names, when it is not
    /// the language of every page (`«Ақтау қайырымды жандары»` in Russian).
    pub quoted_lang: Option<Spanned<String>>,
}

/// A unit of count as written: its name and noun forms per plural category.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    /// Name per language (a heading for totals).
    pub name: Texts,
    /// Per language, the noun per CLDR plural category (`one`, `few`…).
    pub forms: Spanned<BTreeMap<String, NounForms>>,
    /// Whether the unit counts people or households reached.
    #[serde(default)]
    pub reach: bool,
    /// Whether its figures are added up into totals (`false`: they may
    /// count the same people).
    #[serde(default = "adds")]
    pub add: bool,
}

/// A unit's figures are added up unless it says otherwise.
fn adds() -> bool {
    true
}

/// A category of aid as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCategory {
    /// Name per language.
    pub name: Texts,
}

/// A source of figures as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// Title per language.
    pub title: Texts,
    /// Date of the source, `YYYY-MM-DD`.
    pub date: Option<Spanned<String>>,
    /// Where to read it.
    pub url: Option<Spanned<String>>,
}

/// A period as written: either end may be missing.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    /// First day or month, `YYYY-MM-DD` or `YYYY-MM`.
    pub from: Option<Spanned<String>>,
    /// Last day or month.
    pub to: Option<Spanned<String>>,
}

/// A count as written: any scalar, so that `3.5`, `1e3` or `-2` get a clear
/// message from `validate` instead of a type error.
#[derive(Debug, Clone, PartialEq)]
pub enum RawCount {
    /// A whole number written as one (`320`, `-2`), of any size YAML reads.
    Integer(i128),
    /// A number with a fraction or an exponent (`3.5`, `1e3`), or a whole
    /// number too large for 64 bits.
    Real(f64),
    /// Anything else (`"many"`, `true`), as text.
    Other(String),
}

impl<'de> Deserialize<'de> for RawCount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CountVisitor;
        impl Visitor<'_> for CountVisitor {
            type Value = RawCount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawCount, E> {
                Ok(RawCount::Integer(v.into()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawCount, E> {
                Ok(RawCount::Integer(v.into()))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<RawCount, E> {
                Ok(RawCount::Integer(v))
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<RawCount, E> {
                Ok(i128::try_from(v).map_or(RawCount::Real(v as f64), RawCount::Integer))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawCount, E> {
                Ok(RawCount::Real(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawCount, E> {
                Ok(RawCount::Other(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawCount, E> {
                Ok(RawCount::Other(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawCount, E> {
                Ok(RawCount::Other(String::new()))
            }
        }
        deserializer.deserialize_any(CountVisitor)
    }
}

/// One record of aid delivered, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecord {
    /// Unique id.
    pub id: Spanned<String>,
    /// The organisation that delivered it.
    pub org: Spanned<String>,
    /// Organisations that took part.
    #[serde(default)]
    pub partners: Vec<Spanned<String>>,
    /// Category of aid.
    pub category: Spanned<String>,
    /// How many; absent with `reported: false`.
    pub count: Option<Spanned<RawCount>>,
    /// `more-than` or `about` when the figure is not exact.
    pub qualifier: Option<Spanned<String>>,
    /// `false` when the source gives no figure.
    pub reported: Option<Spanned<bool>>,
    /// Unit of `count`.
    pub unit: Spanned<String>,
    /// What was delivered, to whom, per language.
    pub what: Texts,
    /// "As of" date.
    pub date: Option<Spanned<String>>,
    /// The period the figure covers.
    pub period: Option<Spanned<RawPeriod>>,
    /// How often: `once`, `daily`, `weekly`, `monthly`.
    pub frequency: Option<Spanned<String>>,
    /// Where the figure comes from.
    pub source: Spanned<String>,
}

/// One of the statistics files, parsed.
#[derive(Debug)]
pub struct DataFile<T> {
    /// Path relative to the root.
    pub path: PathBuf,
    /// The file's text, for diagnostics.
    pub text: String,
    /// The parsed content.
    pub value: T,
    /// The lines of the items (records, entries) that reading left a part
    /// of out for its problem, a value of the wrong type (see
    /// [`yaml::parse_recovering`]; not an unknown key, which no field
    /// reads): what the checks find there may come of the part left out,
    /// and is not reported until it is mended.
    pub unread: Vec<Range<usize>>,
    /// The ids of the entries written but left out for their problems
    /// (reported): a reference to one is not to an unknown id.
    pub lost: Vec<String>,
}

impl<T> DataFile<T> {
    /// Whether `line` of the file `path` is this file's, in an item that
    /// reading reported problems in.
    pub fn is_unread(&self, path: &Path, line: usize) -> bool {
        self.path == path && self.unread.iter().any(|lines| lines.contains(&line))
    }
}

/// What a statistics file holds at its top level (records, or ids with
/// what they name), to tell which of those written reading it around its
/// problems left out.
trait Entries {
    /// The ids of its entries (records have none).
    fn ids(&self) -> HashSet<&str>;
}

impl<V> Entries for IndexMap<Spanned<String>, V> {
    fn ids(&self) -> HashSet<&str> {
        self.keys().map(|key| key.value.as_str()).collect()
    }
}

impl Entries for Vec<RawRecord> {
    fn ids(&self) -> HashSet<&str> {
        HashSet::new()
    }
}

/// The aid statistics as written. A file that is missing or could not be
/// parsed is `None` (the parse error is reported by `load`).
#[derive(Debug, Default)]
pub struct RawAid {
    /// `data/aid/organisations.yaml`.
    pub organisations: Option<DataFile<IndexMap<Spanned<String>, RawOrganisation>>>,
    /// `data/aid/units.yaml`.
    pub units: Option<DataFile<IndexMap<Spanned<String>, RawUnit>>>,
    /// `data/aid/categories.yaml`.
    pub categories: Option<DataFile<IndexMap<Spanned<String>, RawCategory>>>,
    /// `data/aid/sources.yaml`.
    pub sources: Option<DataFile<IndexMap<Spanned<String>, RawSource>>>,
    /// `data/aid/records.yaml` or `data/aid/records.csv`.
    pub records: Option<DataFile<Vec<RawRecord>>>,
}

impl RawAid {
    /// Whether the site has statistics at all (`data/aid/` exists).
    pub fn is_present(&self) -> bool {
        self.organisations.is_some()
            || self.units.is_some()
            || self.categories.is_some()
            || self.sources.is_some()
            || self.records.is_some()
    }

    /// Whether `line` of the file `path` is in an item that reading
    /// reported problems in (see [`DataFile::unread`]).
    pub fn is_unread(&self, path: &Path, line: usize) -> bool {
        self.organisations
            .as_ref()
            .is_some_and(|f| f.is_unread(path, line))
            || self.units.as_ref().is_some_and(|f| f.is_unread(path, line))
            || self
                .categories
                .as_ref()
                .is_some_and(|f| f.is_unread(path, line))
            || self
                .sources
                .as_ref()
                .is_some_and(|f| f.is_unread(path, line))
            || self
                .records
                .as_ref()
                .is_some_and(|f| f.is_unread(path, line))
    }
}

/// Everything under `data/`.
#[derive(Debug, Default)]
pub struct RawData {
    /// The aid statistics.
    pub aid: RawAid,
    /// Whether `data/aid/` exists.
    pub has_aid: bool,
    /// Whether a file or folder under `data/aid/` could not be listed,
    /// read or parsed (reported by `load`), or `data` is no folder
    /// (reported by `files::input_folders`): the statistics are then
    /// incomplete, or missing.
    pub has_unreadable_aid: bool,
    /// Every other data file, by file stem, as free-form values.
    pub free: BTreeMap<String, serde_json::Value>,
}

/// The folder of data files, relative to the root.
pub const DATA_DIR: &str = "data";
/// The folder of the aid statistics, relative to the root.
pub const AID_DIR: &str = "data/aid";

/// Reads `data/`, of a site of `languages` (`None` when `site.yaml` could
/// not be read).
pub fn load(root: &Path, languages: Option<&[String]>, diagnostics: &mut Diagnostics) -> RawData {
    let aid_dir = Path::new(AID_DIR);
    let inputs = Inputs::read(root).0;
    // As git would commit it: a folder the .gitignore leaves out is not
    // read, as a server's build from the repository would not.
    let has_aid = root.join(aid_dir).is_dir() && inputs.is_site_file(aid_dir, Entry::Folder);
    // One walk: its files (refused entries left out) are read below; what
    // could not be listed is reported here, once.
    let mut listing = Diagnostics::new();
    let listed = files::walk(root, Path::new(DATA_DIR), &mut listing);
    let mut data = RawData {
        has_aid,
        has_unreadable_aid: files::no_folder(&root.join(DATA_DIR)).is_some()
            || (listing.iter()).any(|d| d.is_error() && d.path.starts_with(aid_dir)),
        ..RawData::default()
    };
    diagnostics.extend(listing);
    if root.join(aid_dir).is_dir() && !has_aid {
        diagnostics.push(
            Diagnostic::warning(aid_dir, Span::START, msg!("stats-left-out"))
                .with_hint(left_out_hint(aid_dir)),
        );
    }
    if has_aid {
        let mut aid = Diagnostics::new();
        let files = AidFiles { root, inputs };
        data.aid = RawAid {
            organisations: files.parse(&aid_dir.join("organisations.yaml"), &mut aid),
            units: files.parse(&aid_dir.join("units.yaml"), &mut aid),
            categories: files.parse(&aid_dir.join("categories.yaml"), &mut aid),
            sources: files.parse(&aid_dir.join("sources.yaml"), &mut aid),
            records: records(&files, aid_dir, languages, &mut aid),
        };
        data.has_unreadable_aid |= aid.has_errors();
        diagnostics.extend(aid);
    }
    let mut paths: BTreeMap<String, PathBuf> = BTreeMap::new();
    for rel in listed {
        if rel.starts_with(aid_dir) {
            if has_aid && !AID_FILES.iter().any(|name| aid_dir.join(name) == rel) {
                diagnostics.push(unread_aid_file(&rel));
            }
            continue;
        }
        let Some(kind) = Kind::of(&rel) else {
            diagnostics.push(
                Diagnostic::warning(&rel, Span::START, msg!("data-unknown-kind"))
                    .with_hint(msg!("data-unknown-kind-hint")),
            );
            continue;
        };
        let stem = rel
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        // `data.aid` is the statistics, when there are any.
        if has_aid && stem == "aid" {
            diagnostics.push(
                Diagnostic::error(&rel, Span::START, msg!("data-name-aid"))
                    .with_hint(msg!("data-name-aid-hint")),
            );
            continue;
        }
        if let Some(other) = paths.get(&stem) {
            diagnostics.push(
                Diagnostic::error(
                    &rel,
                    Span::START,
                    msg!(
                        "data-name-taken",
                        stem = &stem,
                        other = crate::diag::display_path(other)
                    ),
                )
                .with_hint(msg!("data-name-taken-hint")),
            );
            continue;
        }
        if let Some(value) = diagnostics.ok(kind.read(root, &rel)) {
            data.free.insert(stem.clone(), value);
        }
        paths.insert(stem, rel);
    }
    data
}

/// The files of `data/aid/` that a build reads.
const AID_FILES: [&str; 6] = [
    "organisations.yaml",
    "units.yaml",
    "categories.yaml",
    "sources.yaml",
    "records.yaml",
    "records.csv",
];

/// The warning for the file `rel` of `data/aid/` that no build reads (a
/// second file of records, `records.yml`, notes): its figures would be
/// left out in silence.
fn unread_aid_file(rel: &Path) -> Diagnostic {
    let name = rel.file_name().unwrap_or_default().to_string_lossy();
    let guess = crate::diag::did_you_mean(&name, AID_FILES);
    Diagnostic::warning(rel, Span::START, msg!("data-aid-unread", guess = guess))
        .with_hint(msg!("data-aid-unread-hint"))
}

/// `data/aid/records.yaml` or `records.csv`; both is an error, neither
/// the missing file's.
fn records(
    files: &AidFiles,
    aid_dir: &Path,
    languages: Option<&[String]>,
    diagnostics: &mut Diagnostics,
) -> Option<DataFile<Vec<RawRecord>>> {
    let (yaml, csv) = (aid_dir.join("records.yaml"), aid_dir.join("records.csv"));
    let root = files.root;
    if !files.is_kept(&csv) {
        if files.is_there(&csv) && !files.is_there(&yaml) {
            diagnostics.push(left_out_file(&csv));
            return None;
        }
        return files.parse(&yaml, diagnostics);
    }
    if files.is_kept(&yaml) {
        diagnostics.push(
            Diagnostic::error(&csv, Span::START, msg!("records-both"))
                .with_hint(msg!("records-both-hint")),
        );
        return None;
    }
    if let Some(folder) = folder(root, &csv) {
        diagnostics.push(folder);
        return None;
    }
    let (text, table) = diagnostics.ok(table::read(root, &csv))?;
    let value = super::records::records(&csv, &text, &table, languages, diagnostics);
    diagnostics.extend(table.unclosed);
    Some(DataFile {
        path: csv,
        text,
        value,
        unread: Vec::new(),
        lost: Vec::new(),
    })
}

/// The statistics files of `data/aid/` as a build reads them: as git
/// would commit them, so that a build here reads what the server's build
/// from the repository reads.
struct AidFiles<'a> {
    root: &'a Path,
    inputs: Inputs,
}

impl AidFiles<'_> {
    /// Whether the .gitignore keeps what stands at `rel`; `None` when
    /// nothing does. Whatever stands there, a folder too, is the file as
    /// written.
    fn kept(&self, rel: &Path) -> Option<bool> {
        let path = self.root.join(rel);
        std::fs::symlink_metadata(&path).ok()?;
        Some(self.inputs.is_site_file(rel, Entry::of(&path)))
    }

    /// Whether anything stands at `rel`, the file as written whatever it
    /// is.
    fn is_there(&self, rel: &Path) -> bool {
        std::fs::symlink_metadata(self.root.join(rel)).is_ok()
    }

    /// Whether something stands at `rel` that the .gitignore does not
    /// leave out.
    fn is_kept(&self, rel: &Path) -> bool {
        self.kept(rel) == Some(true)
    }

    /// The file `rel`, as [`parse_file`] reads it; one that the
    /// .gitignore leaves out is an error, not read.
    fn parse<T: serde::de::DeserializeOwned + Entries>(
        &self,
        rel: &Path,
        diagnostics: &mut Diagnostics,
    ) -> Option<DataFile<T>> {
        if self.kept(rel) == Some(false) {
            diagnostics.push(left_out_file(rel));
            return None;
        }
        parse_file(self.root, rel, diagnostics)
    }
}

/// The error for the statistics file `rel`, there but left out by the
/// .gitignore.
fn left_out_file(rel: &Path) -> Diagnostic {
    Diagnostic::error(rel, Span::START, msg!("stats-file-left-out")).with_hint(left_out_hint(rel))
}

/// What to do about `rel`, left out by the .gitignore.
fn left_out_hint(rel: &Path) -> crate::messages::Message {
    msg!("stats-left-out-hint", path = crate::diag::display_path(rel))
}

/// The error for the statistics file `rel` when it is a folder (an
/// archive unpacked, a folder made by mistake): not a file missing.
fn folder(root: &Path, rel: &Path) -> Option<Diagnostic> {
    let is_folder = std::fs::symlink_metadata(root.join(rel)).is_ok_and(|m| m.is_dir());
    let name = rel.file_name().unwrap_or_default().to_string_lossy();
    is_folder.then(|| {
        Diagnostic::error(rel, Span::START, msg!("stats-file-folder", name = &*name))
            .with_hint(msg!("stats-file-folder-hint", name = &*name))
    })
}

/// Parses one YAML file of `data/`; a missing statistics file is an error,
/// and so is a folder in its place. What else stands there (a link, a
/// FIFO) is told by reading it. A file whose problems are all parts that
/// can be left out is read without them, so that the checks find the rest
/// of its problems in the same round (see [`DataFile::unread`] and
/// [`DataFile::lost`] for what they then leave unchecked).
fn parse_file<T: serde::de::DeserializeOwned + Entries>(
    root: &Path,
    rel: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<DataFile<T>> {
    if let Some(folder) = folder(root, rel) {
        diagnostics.push(folder);
        return None;
    }
    if std::fs::symlink_metadata(root.join(rel)).is_err() {
        diagnostics.push(
            Diagnostic::error(rel, Span::START, msg!("stats-file-missing"))
                .with_hint(msg!("stats-file-missing-hint")),
        );
        return None;
    }
    let text = diagnostics.ok(read_text(root, rel))?;
    let (value, problems) = yaml::parse_recovering::<T>(rel, &text, 0, &text);
    let items = match problems.is_empty() {
        true => Vec::new(),
        false => yaml::top_items(&text),
    };
    let unread = (problems.iter())
        .filter(|problem| !yaml::is_unknown_key(problem))
        .filter_map(|problem| {
            let next = items.partition_point(|item| item.line <= problem.span.line);
            let start = items.get(next.checked_sub(1)?)?.line;
            Some(start..items.get(next).map_or(usize::MAX, |item| item.line))
        })
        .collect();
    let read_whole = problems.is_empty();
    diagnostics.extend(problems);
    let value = value?;
    let lost = match read_whole {
        true => Vec::new(),
        false => {
            let read = value.ids();
            (items.into_iter().filter_map(|item| item.key))
                .filter(|id| !read.contains(id.as_str()))
                .collect()
        }
    };
    Some(DataFile {
        path: rel.to_path_buf(),
        text,
        value,
        unread,
        lost,
    })
}
