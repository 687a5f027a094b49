//! The one pipeline, **load → validate → model → render → write**, that
//! `build` and `check` run. The only module that knows all five stages.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::sync::Arc;

use crate::diag::{self, Diagnostic, Severity};
use crate::render::{FactsByUrl, Plan, search};
use crate::session::LastBuild;
use crate::write::Output;
use crate::{Options, load, model, render, validate};

/// What a run of the pipeline found and did.
#[derive(Debug)]
pub struct Report {
    /// Every problem found, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// How many pages the site has.
    pub pages: usize,
    /// How many of them were rendered (the others were unchanged since the
    /// session's last build).
    pub rendered: usize,
    /// Whether a new output was published.
    pub published: bool,
    /// Whether the run failed (errors, or warnings under `strict`).
    pub failed: bool,
}

impl Report {
    /// The number of diagnostics of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Builds the site and publishes it to `options.output`, unless there are
/// errors: then nothing is written and the previous output stays.
///
/// ```no_run
/// let report = aqparat::build(&aqparat::Options::new("my-site")).unwrap();
/// assert!(!report.failed);
/// ```
pub fn build(options: &Options) -> io::Result<Report> {
    run(options, true, None, None, Search::Index).map(|(report, _)| report)
}

/// Runs every stage but `write`: reports every problem, writes nothing.
pub fn check(options: &Options) -> io::Result<Report> {
    run(options, false, None, None, Search::Defer).map(|(report, _)| report)
}

/// When a build makes the search index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Search {
    /// With the pages, before publishing.
    Index,
    /// Later, through [`crate::Session::update_search`].
    Defer,
}

/// One run of the pipeline; returns what the next run may reuse when it
/// published.
pub(crate) fn run(
    options: &Options,
    publish: bool,
    last: Option<&LastBuild>,
    cache: Option<&mut load::ContentCache>,
    search: Search,
) -> io::Result<(Report, Option<LastBuild>)> {
    if publish {
        crate::write::check_output(&options.root, &options.output, options.publish)?;
    }
    let (mut sources, mut diagnostics) = load::sources(&options.root, cache);
    diagnostics.extend(validate::sources(&sources, options.drafts));
    let fails = |d: &[Diagnostic]| d.iter().any(|d| d.is_error() || options.strict);
    // Without `site.yaml` or a theme nothing can be rendered: the one error
    // that says so is the report, not a cascade of what rendering misses.
    let config = sources.config.take();
    let Some(config) = config.filter(|_| !sources.theme.is_missing) else {
        diag::sort(&mut diagnostics);
        let report = Report {
            diagnostics,
            pages: 0,
            rendered: 0,
            published: false,
            failed: true,
        };
        return Ok((report, None));
    };
    // Statistics with errors are left out of the model; their shortcodes
    // then render as nothing instead of repeating those errors.
    let stats_broken = diagnostics
        .iter()
        .any(|d| d.is_error() && d.path.starts_with(load::AID_DIR));
    let site = model::site(
        sources,
        &config,
        options.base_url.as_deref(),
        options.drafts,
        stats_broken,
    );
    // With errors already found, render anyway to find the rest (broken
    // links, template errors), but into nothing.
    let output = if publish && !fails(&diagnostics) {
        Output::staging(
            &options.output,
            options.publish,
            last.map(|l| l.written.as_slice()),
        )?
    } else {
        Output::Discard
    };
    let site_files = site_files_fingerprint(&site);
    let page_index = match render::page_index::exists(&site) {
        true => render::page_index::fingerprints(&site, &site.language_codes(), |_| true),
        false => BTreeMap::new(),
    };
    let reuse = last.filter(|_| output.is_seeded());
    if let Some(last) = reuse {
        let current: std::collections::HashSet<&str> =
            site.pages.iter().map(|p| p.url.as_str()).collect();
        let gone_pages = last
            .fingerprints
            .keys()
            .filter(|url| !current.contains(url.as_str()));
        let gone_parts = last
            .page_index
            .keys()
            .filter(|url| !page_index.contains_key(*url));
        for url in gone_pages.chain(gone_parts) {
            output.remove(&format!("{url}index.html"))?;
        }
    }
    let plan = Plan {
        pages: match reuse {
            Some(last) => {
                let uses_data =
                    |page: &model::Page| last.facts.get(&page.url).is_none_or(|f| f.uses_data);
                let fingerprints = model::page_fingerprints(&site, &uses_data);
                site.pages
                    .iter()
                    .zip(&fingerprints)
                    .map(|(page, fp)| {
                        last.fingerprints.get(&page.url) != Some(fp)
                            || !last.facts.contains_key(&page.url)
                    })
                    .collect()
            }
            None => vec![true; site.pages.len()],
        },
        site_files: reuse.is_none_or(|last| last.site_files != site_files),
        page_index: page_index
            .iter()
            .filter(|(url, fp)| reuse.is_none_or(|last| last.page_index.get(*url) != Some(fp)))
            .map(|(url, _)| url.clone())
            .collect(),
        feeds: site.language_codes(),
        site_index: true,
    };
    let rendered = render::site(&site, &output, &plan)?;
    diagnostics.extend(rendered.diagnostics);
    let mut facts = FactsByUrl::with_capacity(site.pages.len());
    if let Some(last) = reuse {
        for (page, render) in site.pages.iter().zip(&plan.pages) {
            if let (false, Some(known)) = (render, last.facts.get(&page.url)) {
                facts.insert(page.url.clone(), known.clone());
            }
        }
    }
    for (id, page_facts) in rendered.facts {
        facts.insert(site.pages[id].url.clone(), Arc::new(page_facts));
    }
    diagnostics.extend(render::check_anchors(&site, &facts, 0..site.pages.len()));
    // The statistics pages' search records, made when they were rendered.
    let stats_records = rendered
        .search
        .or_else(|| reuse.map(|last| last.stats_records.clone()))
        .unwrap_or_default();
    if let (Search::Index, true, false) = (
        search,
        site.search && !output.is_discarded(),
        fails(&diagnostics),
    ) {
        let mut records = search::records(&site, &facts);
        records.extend(stats_records.iter().cloned());
        search::write(&search::index(&records)?, &output)?;
    }
    diag::sort(&mut diagnostics);
    let failed = fails(&diagnostics);
    let published = publish && !failed;
    let mut next = None;
    // Only builds published through a link can be followed by incremental
    // ones; a one-off `build` keeps nothing for a next build.
    let keeps_state = options.publish == crate::write::Publish::Link;
    let written = output.written();
    let pages = site.pages.len();
    if published {
        output.publish()?;
    }
    if published && keeps_state {
        // Now that every page's use of the statistics is known, the
        // fingerprints the next build compares with.
        let uses_data = |page: &model::Page| facts.get(&page.url).is_some_and(|f| f.uses_data);
        let fingerprints = model::page_fingerprints(&site, &uses_data);
        next = Some(LastBuild {
            fingerprints: site
                .pages
                .iter()
                .map(|p| p.url.clone())
                .zip(fingerprints)
                .collect(),
            facts,
            site_files,
            page_index,
            written,
            warnings: diagnostics.clone(),
            search_stale: site.search && search == Search::Defer,
            stats_records,
            site,
        });
    }
    let report = Report {
        diagnostics,
        pages,
        rendered: rendered.pages,
        published,
        failed,
    };
    Ok((report, next))
}

/// What the infographics (which show the menu) and the copied static files
/// depend on.
fn site_files_fingerprint(site: &model::Site) -> u64 {
    let mut hasher = DefaultHasher::new();
    let fingerprints = &site.fingerprints;
    (
        fingerprints.site,
        fingerprints.data,
        &fingerprints.templates,
        site.stats.is_some(),
    )
        .hash(&mut hasher);
    for lang in &site.languages {
        model::menu_fingerprint(site, &lang.code).hash(&mut hasher);
    }
    hasher.finish()
}
