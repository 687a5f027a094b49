//! The validate stage's entry: every check, one list of diagnostics.

use super::{config, data, i18n, pages};
use crate::diag::Diagnostic;
use crate::load::Sources;

/// Checks everything that can be checked before rendering.
pub fn sources(sources: &Sources, include_drafts: bool) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let Some(config) = &sources.config else {
        pages::check(sources, None, include_drafts, &mut diagnostics);
        return diagnostics;
    };
    config::check(config, &sources.config_text, &mut diagnostics);
    let languages = config::language_codes(config);
    i18n::check(&sources.theme, &languages, &mut diagnostics);
    pages::check(sources, Some(&languages), include_drafts, &mut diagnostics);
    pages::check_static(sources, &languages, include_drafts, &mut diagnostics);
    data::check(&sources.data.aid, &languages, &mut diagnostics);
    diagnostics
}
