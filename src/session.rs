//! A series of builds of one site in one process (`serve`, `watch`), each
//! doing only what the changes since the last one require.
//!
//! Two ways to build again:
//! - an **edit** of pages that keeps the site's shape (see `model::edit`)
//!   patches the last build's model, renders the pages that show what
//!   changed (`model::showing`) and the listings, feeds and sitemap that
//!   show it, and publishes: nothing else is read, checked or rendered;
//! - any other change runs the whole pipeline again, which renders only the
//!   pages whose fingerprint changed (`model::page_fingerprints`).
//!
//! Either way, with [`crate::write::Publish::Link`] the files not rendered
//! are carried over from the current build as hard links, and the result is
//! the same, byte for byte, as a full build of the same files.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::diag::Diagnostic;
use crate::model::{self, Edit, PageId, Site};
use crate::pipeline::{Report, Search, run};
use crate::render::{self, FactsByUrl, Plan, search};
use crate::write::Output;
use crate::{Options, load, validate};

/// Builds of one site, each after a change of its files.
pub struct Session {
    options: Options,
    last: Option<LastBuild>,
    /// Whether the latest build published; if not, the files changed since
    /// the last published one are not all known, and the next build is a
    /// full run of the pipeline.
    latest_published: bool,
    content: load::ContentCache,
    /// Whether the build folder the next build goes into already holds the
    /// current build.
    next_prepared: bool,
    /// Published builds so far, to tell a search index made for the
    /// current pages from one made for older ones.
    published: u64,
    /// The search index being made in the background, and for which build.
    search_job: Option<(u64, JoinHandle<io::Result<search::Index>>)>,
}

/// What the last published build leaves to the next one.
pub(crate) struct LastBuild {
    /// Its model of the site.
    pub site: Site,
    /// Each page's output fingerprint, by URL path.
    pub fingerprints: HashMap<String, u64>,
    /// What each page's rendering left to know, by URL path.
    pub facts: FactsByUrl,
    /// The fingerprint of the infographics and static files.
    pub site_files: u64,
    /// The fingerprint of each part of the indexes of all pages, by URL
    /// path.
    pub page_index: BTreeMap<String, u64>,
    /// The files it wrote or removed.
    pub written: Vec<String>,
    /// The warnings it reported. All of them depend on the site's shape
    /// only (missing translations), so an edit keeps them.
    pub warnings: Vec<Diagnostic>,
    /// The search records of the statistics pages.
    pub stats_records: Vec<search::Record>,
    /// Whether the published search index is older than the pages.
    pub search_stale: bool,
}

impl Session {
    /// A session whose first build is a full build.
    pub fn new(options: Options) -> Session {
        Session {
            options,
            last: None,
            latest_published: false,
            content: load::ContentCache::default(),
            next_prepared: false,
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
        self.next_prepared = false;
        let (report, last) = run(&self.options, true, self.last.as_ref(), cache, search)?;
        if let Some(last) = last {
            self.last = Some(last);
            self.published += 1;
        }
        self.latest_published = report.published;
        Ok(report)
    }

    /// Builds after the files `changed` (paths relative to the root)
    /// changed: as an edit when they are pages whose new text keeps the
    /// site's shape, else as [`Session::build`] does.
    pub fn build_changed(&mut self, changed: &[PathBuf]) -> io::Result<Report> {
        match self.edit(changed)? {
            Some(report) => {
                self.published += 1;
                Ok(report)
            }
            None => self.build(),
        }
    }

    /// Publishes the edit of the pages `changed`, or gives `None` when it
    /// is not an edit that keeps the site's shape or it has problems to
    /// report (a full build then reports them all).
    fn edit(&mut self, changed: &[PathBuf]) -> io::Result<Option<Report>> {
        let options = &self.options;
        let Some(last) = self.last.as_mut().filter(|_| self.latest_published) else {
            return Ok(None);
        };
        let mut pages = Vec::with_capacity(changed.len());
        for rel in changed {
            let path = options.root.join(rel);
            if !rel.starts_with(load::CONTENT_DIR) || path.is_dir() {
                return Ok(None);
            }
            if !(path.is_file() && rel.extension().is_some_and(|e| e == "md")) {
                // A file that is not a page (an editor's temporary file
                // renamed away, an image) changes nothing, unless pages
                // were there: a folder moved away is one event.
                let held_pages = last.site.pages.iter().any(|p| p.path.starts_with(rel));
                if held_pages {
                    return Ok(None);
                }
                continue;
            }
            let Ok((page, mut diagnostics)) = self.content.reload(&options.root, rel) else {
                return Ok(None);
            };
            validate::page(&page, &last.site.theme.template_paths, &mut diagnostics);
            if !diagnostics.is_empty() {
                return Ok(None);
            }
            pages.push(page);
        }
        if pages.is_empty() {
            return Ok(None);
        }
        let Some(edit) = model::edit(&mut last.site, pages, options.drafts) else {
            return Ok(None);
        };
        let report = publish_edit(options, last, &edit)?;
        if report.is_none() {
            edit.undo(&mut last.site);
        }
        Ok(report)
    }

    /// What to do while no change comes in: prepares the next build's
    /// folder, so that it need not wait for that (see
    /// [`Output::prepare_next`]), then moves the search index on (see
    /// [`Session::update_search`]).
    pub fn when_idle(&mut self) -> Option<io::Result<usize>> {
        if let Some(last) = self.last.as_mut().filter(|_| !self.next_prepared)
            && self.options.publish == crate::write::Publish::Link
        {
            if let Err(error) = Output::prepare_next(&self.options.output, &last.written) {
                return Some(Err(error));
            }
            last.written.clear();
            self.next_prepared = true;
        }
        self.update_search()
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
        let last = self.last.as_mut().filter(|last| last.search_stale)?;
        last.search_stale = false;
        let mut records = search::records(&last.site, &last.facts);
        records.extend(last.stats_records.iter().cloned());
        let indexer = self.options.search_indexer.clone();
        let job = std::thread::spawn(move || {
            // Behind the builds, which must publish pages quickly: on Linux
            // a thread's nice value is its own, and the threads and
            // processes it starts inherit it.
            let _ = rustix::process::setpriority_process(None, 19);
            match indexer {
                Some(program) => search::index_in_process(&program, &records),
                None => search::index(&records),
            }
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
        self.next_prepared = false;
        search::write(index, &output)?;
        last.written = output.written();
        output.publish()?;
        Ok(index.pages())
    }
}

/// Renders and publishes what `edit` (already applied to `last.site`)
/// changes, and brings `last` up to date; `None` (with `last` as it was)
/// when rendering found problems.
fn publish_edit(
    options: &Options,
    last: &mut LastBuild,
    edit: &Edit,
) -> io::Result<Option<Report>> {
    let site = &last.site;
    let output = Output::staging(&options.output, options.publish, Some(&last.written))?;
    if !output.is_seeded() {
        return Ok(None);
    }
    let mut candidates: BTreeSet<PageId> = edit.pages.iter().copied().collect();
    for &id in &edit.summaries {
        candidates.extend(model::showing(site, id));
    }
    let fingerprinter = model::Fingerprinter::new(site);
    let uses_data = |id: PageId| {
        last.facts
            .get(&site.pages[id].url)
            .is_none_or(|f| f.uses_data)
    };
    let mut pages = vec![false; site.pages.len()];
    for &id in &candidates {
        let fingerprint = fingerprinter.page(id, uses_data(id));
        pages[id] = last.fingerprints.get(&site.pages[id].url) != Some(&fingerprint);
    }
    let summaries: Vec<String> = edit
        .summaries
        .iter()
        .map(|&id| site.pages[id].lang.clone())
        .collect::<BTreeSet<String>>()
        .into_iter()
        .collect();
    let page_index = match render::page_index::exists(site) {
        true => render::page_index::fingerprints(site, &summaries, |part| {
            edit.summaries.iter().any(|&id| part.shows(id))
        }),
        false => BTreeMap::new(),
    };
    let plan = Plan {
        pages,
        site_files: false,
        page_index: page_index
            .iter()
            .filter(|(url, fp)| last.page_index.get(*url) != Some(fp))
            .map(|(url, _)| url.clone())
            .collect(),
        feeds: summaries,
        site_index: edit.dates,
    };
    let rendered = render::site(site, &output, &plan)?;
    if !rendered.diagnostics.is_empty() {
        return Ok(None);
    }
    // The new facts, with the old ones kept until the anchors are checked.
    let mut replaced = Vec::with_capacity(rendered.facts.len());
    let mut headings_changed = false;
    for (id, facts) in rendered.facts {
        let url = site.pages[id].url.clone();
        let facts = Arc::new(facts);
        let old = last.facts.insert(url.clone(), facts.clone());
        headings_changed |= old
            .as_ref()
            .is_none_or(|o| o.heading_ids != facts.heading_ids);
        replaced.push((id, url, old));
    }
    // Links to a page whose headings changed may have broken anywhere.
    let anchors = if headings_changed {
        render::check_anchors(site, &last.facts, 0..site.pages.len())
    } else {
        render::check_anchors(site, &last.facts, replaced.iter().map(|(id, _, _)| *id))
    };
    if !anchors.is_empty() {
        for (_, url, old) in replaced {
            match old {
                Some(old) => last.facts.insert(url, old),
                None => last.facts.remove(&url),
            };
        }
        return Ok(None);
    }
    let written = output.written();
    output.publish()?;
    last.written = written;
    // The rendered pages' fingerprints, now that their use of the
    // statistics is known.
    for (id, url, _) in &replaced {
        let uses_data = last.facts.get(url).is_some_and(|f| f.uses_data);
        last.fingerprints
            .insert(url.clone(), fingerprinter.page(*id, uses_data));
    }
    last.page_index.extend(page_index);
    last.search_stale = site.search;
    Ok(Some(Report {
        diagnostics: last.warnings.clone(),
        pages: site.pages.len(),
        rendered: replaced.len(),
        published: true,
        failed: false,
    }))
}
