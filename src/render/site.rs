//! The render stage's entry: the site's units (see [`super::units`]) in one
//! parallel loop, each rendered only if what it read last time has changed.
//!
//! Each unit is rendered, handed to the output and dropped, so memory stays
//! flat however large the site; only its record (what it read, the files it
//! wrote, its heading ids and anchor links, its search records) is kept.

use std::collections::{HashMap, HashSet};
use std::io;
use std::sync::Arc;

use rayon::prelude::*;
use tera::{Context, Tera};

use super::context::Shared;
use super::functions::{self, Localizer};
use super::inputs::{Input, Names, Remap, Values};
use super::markdown::AnchorLink;
use super::reads::TemplateReads;
use super::search;
use super::stats;
use super::units::{self, Renderer, UnitKey};
use crate::diag::{Diagnostic, Span, display_path};
use crate::load::tera_error_diagnostic;
use crate::model::Site;
use crate::write::{Output, UnitOutput};

/// What rendering found and did.
pub struct Rendered {
    /// Problems found while rendering (links, templates), of the units
    /// rendered now and of those carried over.
    pub diagnostics: Vec<Diagnostic>,
    /// How many pages were rendered.
    pub pages: usize,
    /// What each unit read and made, for the next build.
    pub records: Records,
}

/// What is kept of a page once it is written: enough to check links to its
/// anchors, and links from it, without rendering it again.
#[derive(Debug, Clone, Default)]
pub struct PageFacts {
    /// Its headings' ids.
    pub heading_ids: Vec<String>,
    /// Its links to anchors.
    pub anchor_links: Vec<AnchorLink>,
}

/// What one unit read and made when it was last rendered.
#[derive(Clone)]
struct UnitRecord {
    inputs: Box<[Input]>,
    fingerprint: u64,
    files: Vec<String>,
    diagnostics: Vec<Diagnostic>,
    facts: Option<Arc<PageFacts>>,
    search: Arc<[search::Record]>,
}

/// The record of every unit of a build, and the model's numbering that
/// their inputs use.
#[derive(Default)]
pub struct Records {
    units: HashMap<UnitKey, UnitRecord>,
    /// The units in the build's order.
    order: Vec<UnitKey>,
    page_urls: Vec<String>,
    names: Names,
}

impl Records {
    /// The search records of every unit, in the build's order.
    pub fn search_records(&self) -> Vec<search::Record> {
        self.order
            .iter()
            .filter_map(|key| self.units.get(key))
            .flat_map(|record| record.search.iter().cloned())
            .collect()
    }

    /// What is kept of the page at URL path `url`.
    fn facts(&self, url: &str) -> Option<&PageFacts> {
        self.units
            .get(&UnitKey::Page(url.to_string()))?
            .facts
            .as_deref()
    }
}

/// Renders `site` into `output`: every unit, or, given the `previous`
/// build's records (whose files `output` holds), only the units whose inputs
/// changed; removes the files of units that are gone or no longer make
/// them.
pub fn site(site: &Site, output: &Output, previous: Option<&Records>) -> io::Result<Rendered> {
    let localizer = Arc::new(Localizer::new(site));
    let mut tera = site.theme.tera.clone();
    functions::register(&mut tera, localizer.clone());
    let (infographics, stats_diagnostics) = stats::prepare_all(site, &localizer);
    let shared = Shared::new(site, &localizer, infographics.as_ref());
    let uses = &site.fingerprints.template_uses;
    let names = Names::of(site, uses.data.iter().map(String::as_str));
    let reads = TemplateReads::new(&tera, uses, names);
    let names = reads.names();
    let values = Values::new(site, names);
    let units = units::all(site, infographics.as_ref());
    let keys: Vec<UnitKey> = units.iter().map(|u| u.key(site)).collect();
    let remap = previous.map(|p| (p, Remap::new(&p.page_urls, &p.names, site, names)));
    // Each unit's record, carried over when what it read is unchanged.
    let carried: Vec<Option<UnitRecord>> = keys
        .par_iter()
        .map(|key| {
            let (previous, remap) = remap.as_ref()?;
            let old = previous.units.get(key)?;
            let inputs = remap.inputs(&old.inputs)?;
            (values.fingerprint(&inputs) == old.fingerprint).then(|| UnitRecord {
                inputs,
                ..old.clone()
            })
        })
        .collect();
    let renderer = Renderer {
        site,
        tera: &tera,
        shared: &shared,
        localizer: &localizer,
        infographics: infographics.as_ref(),
        reads: &reads,
    };
    let rendered: Vec<(usize, UnitRecord)> = units
        .par_iter()
        .enumerate()
        .filter(|(i, _)| carried[*i].is_none())
        .map(|(i, unit)| {
            let out = UnitOutput::new(output);
            let outcome = renderer.render(unit, &out)?;
            let record = UnitRecord {
                fingerprint: values.fingerprint(&outcome.inputs),
                inputs: outcome.inputs,
                files: out.files(),
                diagnostics: outcome.diagnostics,
                facts: outcome.facts.map(Arc::new),
                search: outcome.search.into(),
            };
            Ok((i, record))
        })
        .collect::<io::Result<_>>()?;
    let pages = rendered
        .iter()
        .filter(|(i, _)| matches!(units[*i], units::Unit::Page(_)))
        .count();
    let mut records: Vec<Option<UnitRecord>> = carried;
    for (i, record) in rendered {
        records[i] = Some(record);
    }
    let mut next = Records {
        units: HashMap::with_capacity(keys.len()),
        order: Vec::with_capacity(keys.len()),
        page_urls: site.pages.iter().map(|p| p.url.clone()).collect(),
        names: names.clone(),
    };
    let mut diagnostics = stats_diagnostics;
    for (key, record) in keys.into_iter().zip(records.into_iter().flatten()) {
        diagnostics.extend(record.diagnostics.iter().cloned());
        next.order.push(key.clone());
        next.units.insert(key, record);
    }
    if let Some(previous) = previous {
        remove_stale_files(previous, &next, output)?;
    }
    diagnostics.extend(check_anchors(site, &next));
    Ok(Rendered {
        diagnostics,
        pages,
        records: next,
    })
}

/// Removes the files that units of the `previous` build wrote and no unit
/// of the `next` one does.
fn remove_stale_files(previous: &Records, next: &Records, output: &Output) -> io::Result<()> {
    let kept: HashSet<&str> = next
        .units
        .values()
        .flat_map(|r| r.files.iter().map(String::as_str))
        .collect();
    for record in previous.units.values() {
        for file in &record.files {
            if !kept.contains(file.as_str()) {
                output.remove(file)?;
            }
        }
    }
    Ok(())
}

/// Renders `template`, turning a Tera error into a diagnostic that points
/// into the template file. A template that exists but failed to parse was
/// reported by `load`; it gives `None` here instead of an error per page.
pub(super) fn render_template(
    site: &Site,
    tera: &Tera,
    template: &str,
    context: &Context,
) -> Result<Option<Vec<u8>>, Diagnostic> {
    // A template with errors was reported when it was loaded.
    let is_broken =
        !tera.contains_template(template) && site.theme.template_paths.contains_key(template);
    if is_broken {
        return Ok(None);
    }
    let mut html = Vec::with_capacity(32 * 1024);
    tera.render_to(template, context, &mut html).map(|()| Some(html)).map_err(|e| {
        let paths = &site.theme.template_paths;
        tera_error_diagnostic(&e, paths).unwrap_or_else(|| {
            let path = paths
                .get(template)
                .cloned()
                .unwrap_or_else(|| site.theme.dir.join("templates").join(template));
            Diagnostic::error(path, Span::START, format!("cannot render template `{template}`: {e}"))
                .with_hint("check that the template exists in the theme's templates/ folder and has no errors above")
        })
    })
}

/// Every `#anchor` of an internal link must be a heading id of its target,
/// whether either page was rendered now or in an earlier build.
fn check_anchors(site: &Site, records: &Records) -> Vec<Diagnostic> {
    let empty = PageFacts::default();
    let mut diagnostics = Vec::new();
    for page in &site.pages {
        let Some(own) = records.facts(&page.url) else {
            continue;
        };
        for link in &own.anchor_links {
            let target = records.facts(&link.target).unwrap_or(&empty);
            if target.heading_ids.iter().any(|h| h == &link.anchor) {
                continue;
            }
            let target_path = site
                .page_at(&link.target)
                .map(|id| display_path(&site.pages[id].path));
            let known = if target.heading_ids.is_empty() {
                "it has no headings".to_string()
            } else {
                format!("its headings are #{}", target.heading_ids.join(", #"))
            };
            let mut diagnostic = Diagnostic::error(
                &page.path,
                link.span,
                format!(
                    "link to an anchor that does not exist: #{} in {}",
                    link.anchor,
                    target_path.unwrap_or_else(|| link.target.clone())
                ),
            )
            .with_hint(format!(
                "{known}; link to one of them or give a heading that id with `{{#{}}}`",
                link.anchor
            ));
            diagnostic.source_line = link.source_line.clone();
            diagnostics.push(diagnostic);
        }
    }
    diagnostics
}
