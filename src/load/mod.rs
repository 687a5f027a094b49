//! Stage 1, **load**: read the site's files as they are.
//!
//! Input: the site root. Output: [`Sources`] — the configuration, every
//! content file with its parsed front matter, the theme's parsed templates,
//! UI strings and static files — plus the diagnostics for what could not be
//! read or parsed. Nothing here judges whether the content makes sense; that
//! is `validate`'s job.

mod config;
mod content;
mod data;
mod files;
pub mod fingerprint;
mod free;
mod history;
mod inputs;
pub mod limits;
mod records;
mod sources;
mod table;
mod template_tags;
mod theme;
mod yaml;

pub use config::{CONFIG_FILE, LanguagesRead, RawConfig, RawLanguage, load as load_config};
pub use content::{
    CONTENT_DIR, ContentCache, FrontMatter, FrontRead, Loaded, PageText, RawPage, read_page,
};
pub use data::{
    DataFile, RawAid, RawCategory, RawCount, RawData, RawOrganisation, RawPeriod, RawRecord,
    RawSource, RawUnit, Texts,
};
pub use files::{FileSource, StaticFile};
pub use history::{RawHistory, RawVersion, head as head_commit};
pub use inputs::{Entry, GITIGNORE, INPUT_DIRS, Inputs};
pub use sources::{Sources, sources};
#[cfg(test)]
pub(crate) use theme::declare_functions;
pub use theme::{
    BUILT_IN, BUILT_IN_DIR, DEFAULT_THEME, I18N_DIR, RawI18n, RawTheme, TEMPLATES_DIR, THEMES_DIR,
    UiString, built_in_files, tera_error_diagnostic, theme_dir,
};
pub use yaml::{Spanned, cut_by_comment, span_of as yaml_span, top_items};
