//! The one pipeline, **load → validate → model → render → write**, that
//! `build` and `check` run. The only module that knows all five stages.

use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::diag::{self, Diagnostic, Severity};
use crate::render::{FactsByUrl, Plan, search};
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
    Session::new(options.clone()).build()
}

/// Runs every stage but `write`: reports every problem, writes nothing.
pub fn check(options: &Options) -> io::Result<Report> {
    run(options, false, None, None, Search::Defer).map(|(report, _)| report)
}

/// A series of builds of one site in one process (`serve`, `watch`). After
/// the first, a build renders only the pages whose output may have changed
/// (see `model::page_fingerprints`); with [`crate::write::Publish::Link`] the
/// others are carried over from the current build as hard links. The result
/// is the same, byte for byte, as a full build of the same files.
pub struct Session {
    options: Options,
    last: Option<LastBuild>,
    content: load::ContentCache,
    /// Published builds so far, to tell a search index made for the
    /// current pages from one made for older ones.
    published: u64,
    /// The search index being made in the background, and for which build.
    search_job: Option<(u64, JoinHandle<io::Result<search::Index>>)>,
}

/// What the last published build leaves to the next one.
struct LastBuild {
    /// Each page's output fingerprint, by URL path.
    fingerprints: HashMap<String, u64>,
    /// What each page's rendering left to know, by URL path.
    facts: FactsByUrl,
    /// The fingerprint of the infographics and static files.
    site_files: u64,
    /// The fingerprint of the indexes of all pages.
    page_index: BTreeMap<String, u64>,
    /// The files it wrote or removed.
    written: Vec<String>,
    /// The search records it left for [`Session::update_search`] to index.
    search_pending: Option<Vec<search::Record>>,
}

impl Session {
    /// A session whose first build is a full build.
    pub fn new(options: Options) -> Session {
        Session {
            options,
            last: None,
            content: load::ContentCache::default(),
            published: 0,
            search_job: None,
        }
    }

    /// The options it builds with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Builds and publishes (unless there are errors), reusing what the last
    /// published build of this session made where nothing it depends on
    /// changed.
    pub fn build(&mut self) -> io::Result<Report> {
        // Only a session that publishes through a link builds again from
        // what it kept; a one-off build keeps nothing.
        let keeps_state = self.options.publish == crate::write::Publish::Link;
        let cache = keeps_state.then_some(&mut self.content);
        // The first build is complete; later ones publish the pages first
        // and leave the search index to `update_search`.
        let search = match self.last {
            Some(_) => Search::Defer,
            None => Search::Index,
        };
        let (report, last) = run(&self.options, true, self.last.as_ref(), cache, search)?;
        if let Some(last) = last {
            self.last = Some(last);
            self.published += 1;
        }
        Ok(report)
    }

    /// Moves the search index towards the published pages without waiting:
    /// Pagefind indexes every page each time (about a second per thousand
    /// pages), so it runs on a thread of its own while builds go on. Starts
    /// that thread when the index lags; when it has finished, publishes its
    /// index (in one step, as a build is) if no build was published since,
    /// and gives the number of pages indexed; an index made for older pages
    /// is dropped and the next call starts again.
    pub fn update_search(&mut self) -> Option<io::Result<usize>> {
        if let Some((_, job)) = &self.search_job
            && !job.is_finished()
        {
            return None;
        }
        if let Some((build, job)) = self.search_job.take() {
            let index = match job.join() {
                Ok(index) => index,
                Err(_) => Err(io::Error::other("the search indexing thread failed")),
            };
            if build == self.published {
                return Some(index.and_then(|index| self.publish_search(&index)));
            }
        }
        let records = self.last.as_mut()?.search_pending.take()?;
        let job = std::thread::spawn(move || {
            // Behind the builds, which must publish pages quickly: on Linux
            // a thread's nice value is its own, and the threads it starts
            // inherit it.
            let _ = rustix::process::setpriority_process(None, 19);
            search::index(&records)
        });
        self.search_job = Some((self.published, job));
        None
    }

    /// Publishes `index` over the current build; gives its page count.
    fn publish_search(&mut self, index: &search::Index) -> io::Result<usize> {
        let Some(last) = self.last.as_mut() else {
            return Ok(0);
        };
        let output = Output::staging(
            &self.options.output,
            self.options.publish,
            Some(last.written.as_slice()),
        )?;
        search::write(index, &output)?;
        last.written = output.written();
        output.publish()?;
        Ok(index.pages())
    }
}

/// When a build makes the search index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Search {
    /// With the pages, before publishing.
    Index,
    /// Later, through [`Session::update_search`].
    Defer,
}

/// One run of the pipeline; returns what the next run may reuse when it
/// published.
fn run(
    options: &Options,
    publish: bool,
    last: Option<&LastBuild>,
    cache: Option<&mut load::ContentCache>,
    search: Search,
) -> io::Result<(Report, Option<LastBuild>)> {
    if publish {
        check_output_location(options)?;
    }
    let (mut sources, mut diagnostics) = load::sources(&options.root, cache);
    diagnostics.extend(validate::sources(&sources, options.drafts));
    let fails = |d: &[Diagnostic]| d.iter().any(|d| d.is_error() || options.strict);
    let Some(config) = sources.config.take() else {
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
    let page_index = page_index_fingerprint(&site);
    let reuse = last.filter(|_| output.is_seeded());
    let fingerprints = match reuse {
        Some(last) => {
            let uses_data =
                |page: &model::Page| last.facts.get(&page.url).is_none_or(|f| f.uses_data);
            model::page_fingerprints(&site, &uses_data)
        }
        None => Vec::new(),
    };
    let plan = match reuse {
        Some(last) => {
            let current: std::collections::HashSet<&str> =
                site.pages.iter().map(|p| p.url.as_str()).collect();
            for url in last
                .fingerprints
                .keys()
                .filter(|url| !current.contains(url.as_str()))
            {
                output.remove(&format!("{url}index.html"))?;
            }
            Plan {
                pages: site
                    .pages
                    .iter()
                    .zip(&fingerprints)
                    .map(|(page, fp)| {
                        last.fingerprints.get(&page.url) != Some(fp)
                            || !last.facts.contains_key(&page.url)
                    })
                    .collect(),
                site_files: last.site_files != site_files,
                page_index: page_index
                    .iter()
                    .filter(|(lang, fp)| last.page_index.get(*lang) != Some(fp))
                    .map(|(lang, _)| lang.clone())
                    .collect(),
            }
        }
        None => Plan::full(&site),
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
    diagnostics.extend(render::check_anchors(&site, &facts));
    let records = (site.search && !output.is_discarded()).then(|| {
        let mut records = search::records(&site, &facts);
        records.extend(rendered.search);
        records
    });
    if let (Search::Index, Some(records), false) = (search, &records, fails(&diagnostics)) {
        search::write(&search::index(records)?, &output)?;
    }
    diag::sort(&mut diagnostics);
    let failed = fails(&diagnostics);
    let published = publish && !failed;
    let mut next = None;
    // Only builds published through a link can be followed by incremental
    // ones; a one-off `build` keeps nothing for a next build.
    let keeps_state = options.publish == crate::write::Publish::Link;
    let written = output.written();
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
            search_pending: records.filter(|_| search == Search::Defer),
        });
    }
    let report = Report {
        diagnostics,
        pages: site.pages.len(),
        rendered: rendered.pages,
        published,
        failed,
    };
    Ok((report, next))
}

/// What the infographics and the copied static files depend on.
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
    hasher.finish()
}

/// What the index of all pages of each language depends on: the theme, the
/// statistics (their pages are listed), and the place, title and
/// description of each page of that language.
fn page_index_fingerprint(site: &model::Site) -> BTreeMap<String, u64> {
    let mut hashers: BTreeMap<String, DefaultHasher> = BTreeMap::new();
    let fingerprints = &site.fingerprints;
    let data = (fingerprints.data, site.stats.is_some());
    for lang in &site.languages {
        let mut hasher = DefaultHasher::new();
        (fingerprints.site, &fingerprints.templates, data).hash(&mut hasher);
        hashers.insert(lang.code.clone(), hasher);
    }
    for page in &site.pages {
        let Some(hasher) = hashers.get_mut(&page.lang) else {
            continue;
        };
        let model::Page {
            url,
            title,
            description,
            kind,
            pages,
            subsections,
            ..
        } = page;
        (url, title, description, kind.name(), pages, subsections).hash(hasher);
    }
    hashers
        .into_iter()
        .map(|(lang, h)| (lang, h.finish()))
        .collect()
}

/// The output must not be the site itself or one of its input folders:
/// publishing replaces it whole.
fn check_output_location(options: &Options) -> io::Result<()> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let root = absolute(&options.root);
    let output = absolute(&options.output);
    let inputs = ["content", "data", "themes", "static"].map(|d| root.join(d));
    if root.starts_with(&output) || inputs.iter().any(|input| output.starts_with(input)) {
        return Err(io::Error::other(format!(
            "refusing to write to {}: it would replace the site's own files; choose another --output",
            output.display()
        )));
    }
    Ok(())
}
