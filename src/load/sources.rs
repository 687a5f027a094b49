//! The load stage's entry: everything read from the site root.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::config::{self, RawConfig};
use super::content::{self, ContentCache, RawPage};
use super::data::{self, RawData};
use super::files::{self, StaticFile};
use super::fingerprint::{self, Fingerprints};
use super::history::{self, RawHistory};
use super::inputs::Inputs;
use super::theme::{self, RawTheme};
use crate::date::Date;
use crate::diag::Diagnostics;

/// The site's own static files, relative to the root.
pub const STATIC_DIR: &str = "static";

/// Everything the site is made of, as read from disk.
pub struct Sources {
    /// The site's root folder.
    pub root: PathBuf,
    /// `site.yaml`, or `None` when it could not be read or parsed.
    pub config: Option<RawConfig>,
    /// The text of `site.yaml`, for diagnostics.
    pub config_text: String,
    /// Every content file.
    pub pages: Vec<RawPage>,
    /// The content files that gave no page, their problems reported (not
    /// UTF-8, not readable): each is still a page written, not one missing
    /// (no translation is asked for where it is).
    pub unread_pages: Vec<PathBuf>,
    /// The other files under `content/` (images beside their pages),
    /// sorted.
    pub assets: Vec<PathBuf>,
    /// Whether `content/` is there, a folder (its absence is reported once,
    /// by `load`; a file of that name, by `files::input_folders`).
    pub has_content: bool,
    /// `data/`: the aid statistics and free-form data files.
    pub data: RawData,
    /// The theme named in `site.yaml`.
    pub theme: RawTheme,
    /// What the output depends on besides the pages.
    pub fingerprints: Fingerprints,
    /// The site's own `static/` files (they win over the theme's).
    pub static_files: Vec<StaticFile>,
    /// The committed history of the records, when the site has statistics
    /// and is in a git repository.
    pub history: Option<RawHistory>,
    /// With `dates: git` in `site.yaml`, the day of the last commit that
    /// changed each committed content file, by path (see
    /// [`history::page_dates`]).
    pub committed: Option<HashMap<PathBuf, Date>>,
}

/// Reads the site in `root`. Returns what could be read and collects the
/// problems met on the way in `diagnostics`.
/// `cache` holds the content files of earlier builds of a session (empty for
/// a one-off build); unchanged files are taken from it. Pages carry their
/// files' stamps with a `cache`, or when `stamped` (a build that may take
/// pages from the render cache).
pub fn sources(
    root: &Path,
    cache: Option<&mut ContentCache>,
    stamped: bool,
    diagnostics: &mut Diagnostics,
) -> Sources {
    // Stamped before they are read: a file that changes while the build
    // reads it is then a change to the next build; stamped after, it was
    // taken as read, and `watch` left its pages stale.
    let site_stamps = fingerprint::tree(
        root,
        &(theme::read_folders(root).iter().map(PathBuf::as_path))
            .chain([Path::new(STATIC_DIR), Path::new(super::theme::I18N_DIR)])
            .collect::<Vec<_>>(),
        &[Path::new(super::config::CONFIG_FILE)],
    );
    let data_stamps = fingerprint::tree(root, &[Path::new(super::data::DATA_DIR)], &[]);
    let aid_stamps = fingerprint::tree(root, &[Path::new(super::data::AID_DIR)], &[]);
    let free_data_stamps = free_data(root);
    let (config, config_text) = match config::load(root, diagnostics) {
        Some((config, text)) => (Some(config), text),
        None => (None, String::new()),
    };
    if config.is_none() && std::fs::symlink_metadata(root.join(super::config::CONFIG_FILE)).is_err()
    {
        // Not a site's folder (or the wrong --root): the one message says
        // so, rather than one more for each folder that is not there either.
        return empty(root);
    }
    // What is wrong with the `.gitignore`, once (every walk reads it).
    diagnostics.extend(Inputs::read(root).1);
    files::input_folders(root, diagnostics);
    let theme = theme::load(
        root,
        config.as_ref().and_then(|c| c.theme.as_ref()),
        diagnostics,
    );
    let (pages, assets, unread_pages) = content::load(root, cache, stamped, diagnostics);
    // The columns `what_LANG` of `records.csv` are those of the site's
    // languages, once they are known and can be used (else any is).
    let languages = (config.as_ref())
        .filter(|c| crate::validate::has_usable_languages(c))
        .map(crate::validate::language_codes);
    let data = data::load(root, languages.as_deref(), diagnostics);
    let history = data.has_aid.then(|| history::load(root)).flatten();
    let committed = (config.as_ref())
        .is_some_and(RawConfig::has_git_dates)
        .then(|| history::page_dates(root, pages.iter().map(|p| p.path.as_path())));
    let static_files = files::static_files(root, Path::new(STATIC_DIR), diagnostics);
    // The assets are read when their pages are rendered, after this.
    let assets_stamps = fingerprint::tree(
        root,
        &[],
        &assets.iter().map(PathBuf::as_path).collect::<Vec<_>>(),
    );
    let fingerprints = Fingerprints {
        site: fingerprint::combined(&[site_stamps, assets_stamps]),
        templates: theme.template_fingerprints.clone(),
        data: data_stamps,
        aid: aid_stamps,
        free_data: free_data_stamps,
        template_uses: theme.template_uses.clone(),
    };
    Sources {
        root: root.to_path_buf(),
        config,
        config_text,
        pages,
        unread_pages,
        assets,
        // A `content` that is no folder is reported as such, not as a site
        // without a home page.
        has_content: root.join(content::CONTENT_DIR).is_dir(),
        data,
        theme,
        static_files,
        fingerprints,
        history,
        committed,
    }
}

/// The stamps of the free-form data files by stem (of every file of a
/// stem, when there are several: that is an error, and fixing it must
/// count as a change).
fn free_data(root: &Path) -> std::collections::BTreeMap<String, u64> {
    use std::hash::{Hash, Hasher};
    let mut stamps = std::collections::BTreeMap::new();
    for rel in files::list(root, Path::new(super::data::DATA_DIR)) {
        if rel.starts_with(super::data::AID_DIR) || super::free::Kind::of(&rel).is_none() {
            continue;
        }
        let stem = rel.file_stem().unwrap_or_default().to_string_lossy();
        let mut hasher = std::hash::DefaultHasher::new();
        (stamps.get(stem.as_ref()), fingerprint::stamp(root, &rel)).hash(&mut hasher);
        stamps.insert(stem.to_string(), hasher.finish());
    }
    stamps
}

/// The sources of a folder that is no site: nothing.
fn empty(root: &Path) -> Sources {
    Sources {
        root: root.to_path_buf(),
        config: None,
        config_text: String::new(),
        pages: Vec::new(),
        unread_pages: Vec::new(),
        assets: Vec::new(),
        has_content: false,
        data: RawData::default(),
        theme: RawTheme::missing(Path::new(theme::THEMES_DIR).to_path_buf()),
        fingerprints: Fingerprints::default(),
        static_files: Vec::new(),
        history: None,
        committed: None,
    }
}
