//! The validate stage's entry: every check, one list of diagnostics.

use super::{config, data, i18n, pages};
use crate::Publishing;
use crate::diag::Diagnostics;
use crate::load::Sources;

/// What validation found of the aid statistics (`data/aid/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statistics {
    /// The site has none.
    Absent,
    /// Read and checked without errors.
    Valid,
    /// Some could not be read, or have errors. They are left out of the
    /// model; their shortcodes then render as nothing instead of repeating
    /// those errors.
    Broken,
}

/// Checks everything that can be checked before rendering, of the pages
/// `publishing` publishes; collects the problems in `diagnostics` and says
/// whether the statistics can be used.
pub fn sources(
    sources: &Sources,
    publishing: Publishing,
    diagnostics: &mut Diagnostics,
) -> Statistics {
    let Some(config) = &sources.config else {
        pages::check(sources, None, publishing, diagnostics);
        // Without the site's languages they can be neither checked nor used.
        return Statistics::Broken;
    };
    config::check(
        config,
        &sources.config_text,
        sources.data.has_aid,
        diagnostics,
    );
    let languages = config::language_codes(config);
    if !config::has_usable_languages(config) {
        // Reported by `config::check`: nothing in a language can be checked.
        pages::check(sources, None, publishing, diagnostics);
        return Statistics::Broken;
    }
    i18n::check(&sources.theme, &languages, diagnostics);
    pages::check(sources, Some(&languages), publishing, diagnostics);
    pages::check_static(sources, &languages, publishing, diagnostics);
    let errors = diagnostics.errors();
    data::check(
        &sources.data.aid,
        &languages,
        &config.default_language.value,
        publishing.today,
        diagnostics,
    );
    let data = &sources.data;
    match data.has_unreadable_aid || diagnostics.errors() > errors {
        true => Statistics::Broken,
        false if data.has_aid => Statistics::Valid,
        false => Statistics::Absent,
    }
}
