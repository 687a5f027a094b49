//! The render stage's entry: the site's units (see [`super::units`]) in one
//! parallel loop, each rendered only if what it read last time has changed.
//!
//! Each unit is rendered, handed to the output and dropped, so memory stays
//! flat however large the site; only its record (what it read, the files it
//! wrote, its heading ids and anchor links, its search records) is kept.

use std::collections::HashMap;
use std::io;
use std::sync::{Arc, Mutex, PoisonError};

use foldhash::HashSet;
use rayon::prelude::*;
use tera::{Context, Tera};

use super::context::Shared;
use super::external_links::{self, ExternalLink};
use super::functions::{self, Localizer};
use super::inputs::{Input, Names, Remap, Values};
use super::links::{self, HtmlFile, MarkdownLink};
use super::markdown::AnchorLink;
use super::page_index::Parts;
use super::qr;
use super::reads::TemplateReads;
use super::search;
use super::stats;
use super::units::{self, Renderer, Unit};
use crate::address::UrlPath;
use crate::diag::{Diagnostic, Diagnostics, Span, did_you_mean, display_path};
use crate::load::tera_error_diagnostic;
use crate::messages::{Arg, Message};
use crate::model::{Edit, PageId, Site};
use crate::msg;
use crate::write::{Output, UnitOutput};

/// What rendering found and did.
pub struct Rendered {
    /// Problems found while rendering (links, templates), of the units
    /// rendered now and of those carried over.
    pub diagnostics: Diagnostics,
    /// How many pages were rendered.
    pub pages: usize,
    /// What each unit read and made, for the next build.
    pub records: Records,
}

/// What is kept of a page once it is written: enough to check links to its
/// anchors, and links from it, without rendering it again.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct PageFacts {
    /// Its headings' ids.
    pub heading_ids: Vec<String>,
    /// Its links to anchors.
    pub anchor_links: Vec<AnchorLink>,
    /// Its Markdown's links written as URLs.
    pub url_links: Vec<MarkdownLink>,
}

/// What changed since the previous build, as far as the caller knows.
#[derive(Clone, Copy)]
pub enum Changes<'a> {
    /// Anything: every unit's inputs are asked again.
    Unknown,
    /// An edit of some pages' files, patched into the model (see
    /// `model::edit`): URLs, listings and translations are as they were,
    /// so only what reads these pages' files, summaries or dates, or their
    /// languages' menus and lists of pages, may have changed.
    Edit(&'a Edit),
}

/// What one unit read and made when it was last rendered. The render
/// cache keeps all but its problems and search records, whose pages the
/// search cache keeps tokenised (see [`super::kept`]).
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct UnitRecord {
    /// What it read.
    pub(super) inputs: Box<[Input]>,
    /// The hash of the answers to its inputs (see [`Values::fingerprint`]).
    fingerprint: u64,
    /// Its files, relative to the output.
    pub(super) files: Vec<String>,
    /// The problems it reported.
    #[serde(skip)]
    pub(super) diagnostics: Diagnostics,
    /// Set on a record read back from the render cache that is not to be
    /// carried over (its files changed since, or it reported problems):
    /// the unit is rendered again.
    #[serde(skip)]
    pub(super) stale: bool,
    /// For a record read back from the render cache, the stamp its files
    /// had then (see `kept::stamp`): kept again as it is when the unit is
    /// carried over, so that a file written meanwhile is not taken for
    /// the unit's.
    #[serde(skip)]
    pub(super) stamp: Option<u64>,
    facts: Option<Arc<PageFacts>>,
    #[serde(skip)]
    search: Arc<[search::Record]>,
    /// Where the search cache keeps its search records tokenised, when a
    /// one-off build's index took them and the cache keeps them all: a
    /// build that carries the unit over indexes them from there.
    kept_search: Option<Arc<[search::KeptPage]>>,
    /// Its HTML files' ids and links.
    html: Arc<[HtmlFile]>,
}

/// The record of every unit of a build, and the model's numbering that
/// their inputs use: the pages' by page number, the others' by unit.
pub struct Records {
    pages: Vec<Option<Arc<UnitRecord>>>,
    others: HashMap<Unit, Arc<UnitRecord>, foldhash::fast::RandomState>,
    /// The other units, in the build's order.
    order: Vec<Unit>,
    page_urls: Arc<[UrlPath]>,
    /// The names its inputs number.
    names: Names,
    /// The templates it rendered with (those of a build of this process;
    /// not those of records read from the render cache).
    templates: Option<Arc<Templates>>,
    /// The units that read each input an edit may change (as `templates`).
    readers: Option<Arc<Readers>>,
    /// The files of the build and the ids of its HTML files.
    files: Option<Arc<links::Files>>,
    /// The build's index of all pages and units.
    shape: Option<Arc<Shape>>,
}

/// What a build's units are: its index of all pages, and its units in the
/// order of the records, pages first.
struct Shape {
    index: Parts,
    units: Vec<Unit>,
}

/// The theme's templates ready to render, with the UI strings they show and
/// what each of them reads. Made of the theme, the languages and the names
/// of the site's data and templates, all of which an edit leaves as they
/// were: an edit renders with the last build's.
struct Templates {
    tera: Tera,
    localizer: Arc<Localizer>,
    reads: TemplateReads,
    /// The QR codes its `qr()` made or took from the site's cache.
    codes: Arc<qr::Codes>,
}

impl Templates {
    fn new(site: &Site) -> Templates {
        let localizer = Arc::new(Localizer::new(site));
        let codes = Arc::new(qr::Codes::of_site(&site.root));
        let mut tera = site.theme.tera.clone();
        functions::register(&mut tera, localizer.clone(), codes.clone());
        let uses = &site.fingerprints.template_uses;
        let names = Names::of(site, uses.data.iter().map(String::as_str));
        let reads = TemplateReads::new(&tera, uses, names);
        Templates {
            tera,
            localizer,
            reads,
            codes,
        }
    }
}

impl Records {
    /// Records read back from the render cache (see [`super::kept`]): the
    /// pages' by page number, the other units' in the build's order, the
    /// URLs of the pages and the names that their inputs number.
    pub(super) fn loaded(
        pages: Vec<Option<Arc<UnitRecord>>>,
        others: Vec<(Unit, Arc<UnitRecord>)>,
        page_urls: Vec<UrlPath>,
        names: Names,
    ) -> Records {
        Records {
            pages,
            order: others.iter().map(|(unit, _)| unit.clone()).collect(),
            others: others.into_iter().collect(),
            page_urls: page_urls.into(),
            names,
            templates: None,
            readers: None,
            files: None,
            shape: None,
        }
    }

    /// The pages' records, by page number.
    pub(super) fn pages(&self) -> &[Option<Arc<UnitRecord>>] {
        &self.pages
    }

    /// The other units' records, in the build's order.
    pub(super) fn others(&self) -> impl Iterator<Item = (&Unit, &Arc<UnitRecord>)> {
        (self.order.iter()).filter_map(|unit| Some((unit, self.others.get(unit)?)))
    }

    /// The URLs of the pages, by page number.
    pub(super) fn page_urls(&self) -> &[UrlPath] {
        &self.page_urls
    }

    /// The names the records' inputs number.
    pub(super) fn names(&self) -> &Names {
        &self.names
    }

    /// The search records of every unit, in the build's order (the pages
    /// first).
    pub fn search_records(&self) -> Vec<search::Record> {
        let others = self.order.iter().filter_map(|key| self.others.get(key));
        self.pages
            .iter()
            .flatten()
            .chain(others)
            .flat_map(|record| record.search.iter().cloned())
            .collect()
    }

    /// The links of the build to other sites, each with every place that
    /// writes it (see [`external_links::collect`]).
    pub fn external_links(&self, site: &Site) -> Vec<ExternalLink> {
        let pages = site.pages.ids().filter_map(|id| {
            let facts = self.get(Slot::Page(id))?.facts.as_deref()?;
            Some((site.pages[id].path.as_path(), facts))
        });
        let html = self.all().flat_map(|record| record.html.iter());
        external_links::collect(site, pages, html)
    }

    /// The record of `unit`, numbered as in this build.
    fn get(&self, unit: Slot) -> Option<&Arc<UnitRecord>> {
        match unit {
            Slot::Page(id) => self.pages.get(id.index())?.as_ref(),
            Slot::Other(key) => self.others.get(key),
        }
    }

    /// What is kept of the page at URL path `url` of `site`, this build's.
    fn facts(&self, site: &Site, url: &str) -> Option<&PageFacts> {
        self.get(Slot::Page(site.page_at(url)?))?.facts.as_deref()
    }

    /// Every record.
    fn all(&self) -> impl Iterator<Item = &Arc<UnitRecord>> {
        self.pages.iter().flatten().chain(self.others.values())
    }
}

/// Where a unit's record is kept.
#[derive(Clone, Copy)]
enum Slot<'a> {
    /// A page's, by its number.
    Page(PageId),
    /// Another unit's, by the unit.
    Other(&'a Unit),
}

impl Slot<'_> {
    /// Where the record of `unit` is kept.
    fn of(unit: &Unit) -> Slot<'_> {
        match unit {
            Unit::Page(id) => Slot::Page(*id),
            unit => Slot::Other(unit),
        }
    }
}

/// Renders `site` into `output`: every unit, or, given the `previous`
/// build's records (whose files `output` holds), only the units whose inputs
/// answer otherwise (asking only those `changes` may touch); removes the
/// files of units that are gone or no longer make them. With a `stream`
/// (a one-off build's), each unit's search records go there as it renders
/// and are not kept in its record, only where the search cache keeps them
/// tokenised; a unit carried over from the render cache gives those, and
/// is rendered again if they are not all there.
pub fn site(
    site: &Site,
    output: &Output,
    previous: Option<&Records>,
    changes: Changes,
    stream: Option<&search::Stream<'_>>,
) -> io::Result<Rendered> {
    // An edit keeps the site's shape and its templates: the index of all
    // pages, the units and the templates are the last build's.
    let kept = match changes {
        Changes::Edit(_) => previous,
        Changes::Unknown => None,
    };
    let templates =
        (kept.and_then(|p| p.templates.clone())).unwrap_or_else(|| Arc::new(Templates::new(site)));
    let (tera, localizer, reads) = (&templates.tera, &templates.localizer, &templates.reads);
    let mut diagnostics = Diagnostics::new();
    let infographics = stats::prepare_all(site, localizer, &mut diagnostics);
    let shared = Shared::new(site, localizer, infographics.as_ref());
    let names = reads.names();
    let kept_shape = kept.and_then(|p| p.shape.clone());
    let shape = kept_shape.unwrap_or_else(|| {
        let index = Parts::of(site);
        let units = units::all(site, &index, infographics.as_ref());
        Arc::new(Shape { index, units })
    });
    let (index, units) = (&shape.index, &shape.units[..]);
    let values = Values::new(site, names, index);
    let slot = |i: usize| Slot::of(&units[i]);
    // An edit keeps every number; any other change may renumber pages.
    let remap = previous.map(|p| match changes {
        Changes::Edit(_) => (p, Remap::identity()),
        Changes::Unknown => (p, Remap::new(&p.page_urls, &p.names, site, names)),
    });
    // The earlier number of each page now, when the numbers changed.
    let earlier: Option<Vec<Option<PageId>>> = remap
        .as_ref()
        .and_then(|(_, remap)| remap.earlier_pages(site.pages.len()));
    let earlier_slot = |i: usize| match (slot(i), &earlier) {
        (Slot::Page(id), Some(earlier)) => {
            earlier.get(id.index()).copied().flatten().map(Slot::Page)
        }
        (slot, _) => Some(slot),
    };
    let touched = match changes {
        Changes::Edit(edit) => Some(Touched::new(site, names, edit)),
        Changes::Unknown => None,
    };
    // The units as they were: an edit asks only the readers of what it
    // touched; the others are carried over unasked.
    let same_units = remap.as_ref().is_some_and(|(previous, remap)| {
        remap.is_identity()
            && previous.pages.len() == site.pages.len()
            && (previous.order.iter()).eq(units.iter().filter(|u| !matches!(u, Unit::Page(_))))
    });
    let asked: Option<Vec<bool>> = match (&touched, &remap) {
        (Some(touched), Some((previous, _))) if same_units => {
            (previous.readers.as_ref()).map(|readers| readers.of_touched(touched, units.len()))
        }
        _ => None,
    };
    // Each unit's record, when what it read is unchanged.
    let unchanged = |i: usize| {
        let (previous, remap) = remap.as_ref()?;
        let old = previous.get(earlier_slot(i)?).filter(|old| !old.stale)?;
        if !remap.is_identity() {
            let inputs = remap.inputs(&old.inputs)?;
            let same = values.fingerprint(&inputs) == old.fingerprint;
            return same.then(|| {
                Arc::new(UnitRecord {
                    inputs,
                    ..(**old).clone()
                })
            });
        }
        let untouched = match (&asked, &touched) {
            (Some(asked), _) => !asked[i],
            (None, Some(t)) => !old.inputs.iter().any(|&input| t.touches(input)),
            (None, None) => false,
        };
        (untouched || values.fingerprint(&old.inputs) == old.fingerprint).then(|| old.clone())
    };
    // Carried over, unless the index cannot take its search records from
    // the search cache: then it is rendered again.
    let carry = |i: usize| {
        let record = unchanged(i)?;
        match stream {
            Some(stream) => {
                let pages = record.kept_search.as_deref()?;
                stream.add_kept(i, pages).then_some(record)
            }
            None => Some(record),
        }
    };
    // When an edit asked only a few units, carrying the others' records
    // over is quicker on this thread than handed out to others.
    let carried: Vec<Option<Arc<UnitRecord>>> = match &asked {
        Some(_) => (0..units.len()).map(carry).collect(),
        None => (0..units.len()).into_par_iter().map(carry).collect(),
    };
    let painter = stats::Painter::default();
    let chart_cards = stats::ChartCards::new(&site.root);
    let renderer = Renderer {
        site,
        tera,
        shared: &shared,
        localizer,
        infographics: infographics.as_ref(),
        index,
        reads,
        painter: &painter,
        chart_cards: &chart_cards,
    };
    let to_render = pages_last(units, (0..units.len()).filter(|&i| carried[i].is_none()));
    let unmade = Mutex::new(Vec::new());
    let mut rendered: Vec<(usize, Arc<UnitRecord>)> = to_render
        .into_par_iter()
        .with_max_len(UNITS_PER_JOB)
        .map(|i| {
            let unit = &units[i];
            let out = UnitOutput::new(output);
            let outcome = renderer.render(unit, &out)?;
            let not_made = out.unmade();
            if !not_made.is_empty() {
                unmade
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .extend(not_made);
            }
            let (search, kept_search) = match stream {
                Some(stream) => (
                    Arc::default(),
                    stream.add(i, &outcome.search).map(Arc::from),
                ),
                None => (outcome.search.into(), None),
            };
            let record = UnitRecord {
                fingerprint: values.fingerprint(&outcome.inputs),
                inputs: outcome.inputs,
                files: out.files(),
                diagnostics: outcome.diagnostics,
                stale: false,
                stamp: None,
                facts: outcome.facts.map(Arc::new),
                search,
                kept_search,
                html: outcome.html.into(),
            };
            Ok((i, Arc::new(record)))
        })
        .collect::<io::Result<_>>()?;
    // Back in the units' order, which what follows keeps: the page a link
    // report names first, the order of stale files removed.
    rendered.sort_unstable_by_key(|&(i, _)| i);
    // A whole build made a summary of nearly every page.
    if previous.is_none() {
        crate::drop_later(shared.into_summaries());
    }
    // Rendered all, the build asked for every page's code. `check` writes
    // nothing, not even the cache.
    if !output.is_discarded() {
        templates.codes.keep(carried.iter().all(Option::is_none));
        // Every chart card drawn or linked now, those of the cache that
        // none of them took are of figures since changed. (No card at all
        // may be statistics that could not be shown this time: kept.)
        let is_card = |i: &usize| matches!(units[*i], Unit::Statistics(stats::Output::Card { .. }));
        let mut cards = (0..units.len()).filter(is_card).peekable();
        let some_card = cards.peek().is_some();
        if some_card && cards.all(|i| carried[i].is_none()) && !painter.failed() {
            chart_cards.prune();
        }
    }
    let pages = rendered
        .iter()
        .filter(|(i, _)| matches!(units[*i], Unit::Page(_)))
        .count();
    let mut records = carried;
    // Links to check: from every page, or, after an edit whose pages'
    // headings are as they were, only from the pages rendered now.
    let mut check_from: Option<Vec<PageId>> = None;
    // Links of the HTML to check: from every unit, or, after an edit that
    // leaves the files of the build and their ids as they were, only from
    // the units rendered now.
    let mut check_links_from: Option<Vec<usize>> = None;
    if let Some((previous, _)) = &remap {
        let before = |i: usize| earlier_slot(i).and_then(|slot| previous.get(slot));
        // The records no unit carries over: of units rendered again, or gone.
        let stale: Vec<&Arc<UnitRecord>> = match same_units {
            true => rendered.iter().filter_map(|(i, _)| before(*i)).collect(),
            false => {
                let carried_over: HashSet<*const UnitRecord> = (0..units.len())
                    .filter(|&i| records[i].is_some())
                    .filter_map(before)
                    .map(Arc::as_ptr)
                    .collect();
                let kept = |r: &&Arc<UnitRecord>| carried_over.contains(&Arc::as_ptr(r));
                previous.all().filter(|r| !kept(r)).collect()
            }
        };
        remove_stale_files(stale.into_iter(), &rendered, &records, output)?;
        let headings = |r: &UnitRecord| r.facts.as_ref().map(|f| f.heading_ids.clone());
        let headings_kept = touched.is_some()
            && rendered
                .iter()
                .all(|(i, now)| before(*i).is_some_and(|before| headings(before) == headings(now)));
        if headings_kept {
            let pages = rendered.iter().filter_map(|(i, _)| match units[*i] {
                Unit::Page(id) => Some(id),
                _ => None,
            });
            check_from = Some(pages.collect());
        }
        let ids = |r: &UnitRecord| r.html.iter().map(|h| h.ids.clone()).collect::<Vec<_>>();
        let linkable = |r: &UnitRecord| {
            let files = r.files.iter().filter(|f| !is_own_content_named(f));
            files.cloned().collect::<Vec<_>>()
        };
        let files_kept = touched.is_some()
            && rendered.iter().all(|(i, now)| {
                before(*i).is_some_and(|b| linkable(b) == linkable(now) && ids(b) == ids(now))
            });
        if files_kept {
            check_links_from = Some(rendered.iter().map(|(i, _)| *i).collect());
        }
    }
    // The readers stay those of the last build while the units and what
    // each rendered unit reads of them stay the same (as an edit leaves
    // them); else they are listed again.
    let kept_readers = match (&asked, &remap) {
        (Some(_), Some((previous, _)))
            if rendered
                .iter()
                .all(|(i, now)| records_before_read(previous, units, *i, now)) =>
        {
            previous.readers.clone()
        }
        _ => None,
    };
    for (i, record) in rendered {
        records[i] = Some(record);
    }
    let readers = kept_readers.unwrap_or_else(|| Arc::new(Readers::of(&records)));
    let page_urls = match &remap {
        Some((previous, remap)) if remap.is_identity() => previous.page_urls.clone(),
        _ => site.pages.iter().map(|p| p.url.clone()).collect(),
    };
    let mut next = Records {
        pages: Vec::with_capacity(site.pages.len()),
        others: HashMap::with_capacity_and_hasher(
            units.len() - site.pages.len(),
            Default::default(),
        ),
        order: Vec::new(),
        page_urls,
        names: names.clone(),
        templates: Some(templates.clone()),
        readers: Some(readers),
        files: None,
        shape: None,
    };
    // The files of the build and their ids, as they were after an edit
    // that leaves them so.
    let kept_files = match (&check_links_from, &remap) {
        (Some(_), Some((previous, _))) => previous.files.clone(),
        _ => None,
    };
    let unmade = unmade.into_inner().unwrap_or_else(PoisonError::into_inner);
    let files = kept_files.unwrap_or_else(|| Arc::new(build_files(site, &records, unmade)));
    check_links(
        site,
        units,
        &records,
        check_links_from,
        &files,
        &mut diagnostics,
    );
    for (record, unit) in records.into_iter().zip(units) {
        if let Some(record) = &record {
            diagnostics.extend(record.diagnostics.iter().cloned());
        }
        match unit {
            Unit::Page(_) => next.pages.push(record),
            unit => {
                if let Some(record) = record {
                    next.order.push(unit.clone());
                    next.others.insert(unit.clone(), record);
                }
            }
        }
    }
    let from: Box<dyn Iterator<Item = PageId>> = match check_from {
        None => Box::new(site.pages.ids()),
        Some(pages) => Box::new(pages.into_iter()),
    };
    check_anchors(site, &next, from, &mut diagnostics);
    next.files = Some(files);
    next.shape = Some(shape);
    Ok(Rendered {
        diagnostics,
        pages,
        records: next,
    })
}

/// The most units a thread takes as one job. Rayon otherwise splits the
/// units into as few jobs as keep the threads busy while none runs out of
/// work, and the last job can be long: on a site of 200,000 pages one core
/// rendered pages alone for a second at the end. A job of 16 pages takes a
/// few milliseconds (the first, which may hold the units that are not one
/// page, can take longer).
const UNITS_PER_JOB: usize = 16;

/// The most units whose links a thread checks as one job: each job keeps
/// the links it found working (most are the same on every page), so a job
/// is larger than a job of rendering, and still a few milliseconds.
const CHECKS_PER_JOB: usize = 256;

/// The numbers `chosen` of `units` in the order to hand them out: those
/// that are not one page first, then the pages, each in the order given.
/// Some of the first can take far longer than a page (the sitemap of a
/// site of 200,000 pages is four files of 21 MB; the statistics draw
/// charts): started first, none is the last job, rendered while the
/// other cores have nothing left to do.
fn pages_last(units: &[Unit], chosen: impl Iterator<Item = usize>) -> Vec<usize> {
    let is_page = |i: &usize| matches!(units[*i], Unit::Page(_));
    let (pages, others): (Vec<usize>, Vec<usize>) = chosen.partition(is_page);
    others.into_iter().chain(pages).collect()
}

/// Whether the unit `i`, rendered now into `now`, reads no input an edit
/// may change that it did not read in the `previous` build.
fn records_before_read(previous: &Records, units: &[Unit], i: usize, now: &UnitRecord) -> bool {
    let Some(before) = previous.get(Slot::of(&units[i])) else {
        return false;
    };
    // Both lists are sorted (see `Inputs::finish`).
    (now.inputs.iter())
        .filter(|&&input| Touched::may_change(input))
        .all(|input| before.inputs.binary_search(input).is_ok())
}

/// The inputs an edit of some pages may answer otherwise (see
/// [`Changes::Edit`]): of the edited pages, their files, and their
/// summaries when those changed; of their languages, the lists of pages,
/// the menus and the addresses that show them.
struct Touched {
    inputs: Vec<Input>,
}

impl Touched {
    fn new(site: &Site, names: &Names, edit: &Edit) -> Touched {
        let mut inputs = Vec::new();
        for (id, before) in edit.before() {
            let now = &site.pages[id];
            inputs.push(Input::Source(id));
            let lang = names.id(site.code(now.lang));
            let summary = |p: &crate::model::Page| {
                (
                    p.title.clone(),
                    p.description.clone(),
                    p.date,
                    p.updated,
                    p.expires,
                    p.weight,
                )
            };
            if summary(before) != summary(now) {
                inputs.push(Input::Summary(id));
                inputs.extend(lang.map(Input::Pages));
                // A made-up home page's menu shows the default language's
                // pages too (see `model::build`).
                for language in &site.languages {
                    if site.menu(language.id).any(|m| m == id) {
                        inputs.extend(names.id(&language.code).map(Input::Menu));
                    }
                }
            }
            if before.last_updated() != now.last_updated() {
                inputs.extend(lang.map(Input::Addresses));
            }
        }
        inputs.sort_unstable();
        inputs.dedup();
        Touched { inputs }
    }

    /// Whether `input` may answer otherwise after the edit.
    fn touches(&self, input: Input) -> bool {
        Touched::may_change(input) && self.inputs.binary_search(&input).is_ok()
    }

    /// Whether an edit may change what `input` answers at all: URLs,
    /// listings, translations, the theme, data, the build's date (an
    /// edit's model keeps it) and the site's files are what an edit
    /// leaves as it was (the history too: an edit's model keeps it).
    fn may_change(input: Input) -> bool {
        match input {
            Input::Source(_)
            | Input::Summary(_)
            | Input::Menu(_)
            | Input::Pages(_)
            | Input::Addresses(_) => true,
            Input::Listing(_)
            | Input::Neighbours(_)
            | Input::Ancestors(_)
            | Input::Versions(_)
            | Input::IndexParts(_)
            | Input::Template(_)
            | Input::Data(_)
            | Input::AllData
            | Input::BuildDate
            | Input::Aliases
            | Input::History
            | Input::Site => false,
        }
    }
}

/// For each input an edit may change (see [`Touched::may_change`]), the
/// units that read it, by their place in the build's list of units: so
/// that an edit asks only those units, not every unit of the site.
#[derive(Default)]
struct Readers(HashMap<Input, Vec<u32>, foldhash::fast::RandomState>);

impl Readers {
    /// The readers of the inputs in `records` (by unit).
    fn of(records: &[Option<Arc<UnitRecord>>]) -> Readers {
        let mut readers = Readers::default();
        for (i, record) in records.iter().enumerate() {
            let (Some(record), Ok(i)) = (record, u32::try_from(i)) else {
                continue;
            };
            for &input in record.inputs.iter().filter(|&&i| Touched::may_change(i)) {
                readers.0.entry(input).or_default().push(i);
            }
        }
        readers
    }

    /// Which of `count` units read one of the inputs `touched`.
    fn of_touched(&self, touched: &Touched, count: usize) -> Vec<bool> {
        let mut asked = vec![false; count];
        for input in &touched.inputs {
            for &unit in self.0.get(input).into_iter().flatten() {
                if let Some(asked) = asked.get_mut(unit as usize) {
                    *asked = true;
                }
            }
        }
        asked
    }
}

/// Removes the files that the records `before` (of units rendered again, or
/// gone) list and that no unit `rendered` now writes, nor any unit
/// `carried` over (an image both languages' pages show).
///
/// An edit leaves a few such files at most (a page's old preview card),
/// and a session's carried units list every file of the site: only those
/// few are looked for among them, in one pass that compares only the files
/// of their lengths (building a set of all files was most of an edit's
/// time at 20,000 pages).
fn remove_stale_files<'a>(
    before: impl Iterator<Item = &'a Arc<UnitRecord>>,
    rendered: &[(usize, Arc<UnitRecord>)],
    carried: &[Option<Arc<UnitRecord>>],
    output: &Output,
) -> io::Result<()> {
    let written: HashSet<&str> = rendered
        .iter()
        .flat_map(|(_, r)| r.files.iter().map(String::as_str))
        .collect();
    // In the order the records list them, each once.
    let mut stale: Vec<&str> = Vec::new();
    let mut unused: HashSet<&str> = HashSet::default();
    for file in before.flat_map(|r| r.files.iter().map(String::as_str)) {
        if !written.contains(file) && unused.insert(file) {
            stale.push(file);
        }
    }
    // Whether a stale file is of each length, by length.
    let mut lengths = vec![false; unused.iter().map(|file| file.len() + 1).max().unwrap_or(0)];
    for file in &unused {
        lengths[file.len()] = true;
    }
    let mut carried_files = (carried.iter().flatten().flat_map(|r| r.files.iter()))
        .filter(|file| lengths.get(file.len()).copied().unwrap_or(false));
    while !unused.is_empty()
        && let Some(file) = carried_files.next()
    {
        unused.remove(file.as_str());
    }
    for file in stale.into_iter().filter(|file| unused.contains(file)) {
        output.remove(file)?;
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
    // A template with errors was reported when it was loaded, and one that
    // does not exist (every theme has the built-in theme's below it) where
    // a page's front matter names it: not again, at a path made of a name.
    if !tera.contains_template(template) {
        return Ok(None);
    }
    let mut html = Vec::with_capacity(32 * 1024);
    tera.render_to(template, context, &mut html)
        .map(|()| Some(html))
        .map_err(|e| {
            let paths = &site.theme.template_paths;
            let is_ui_string = |name: &str| {
                (site.theme.strings.values()).any(|strings| strings.contains_key(name))
            };
            tera_error_diagnostic(&e, paths, &is_ui_string).unwrap_or_else(|| {
                let path = paths
                    .get(template)
                    .cloned()
                    .unwrap_or_else(|| site.theme.dir.join("templates").join(template));
                Diagnostic::error(
                    path,
                    Span::START,
                    msg!(
                        "render-template",
                        template = template,
                        error = e.to_string()
                    ),
                )
                .with_hint(msg!("render-template-hint"))
            })
        })
}

/// The files that `records` wrote, with the ids of their HTML files, the
/// files of the pages of `site`, and the pages `unmade`, which units could
/// not render (see [`links::Files::with_pages`]).
fn build_files(
    site: &Site,
    records: &[Option<Arc<UnitRecord>>],
    unmade: Vec<String>,
) -> links::Files {
    let all = records.iter().flatten();
    links::Files::new(
        all.clone().flat_map(|r| r.files.iter().map(String::as_str)),
        all.flat_map(|r| r.html.iter()),
        site.search,
    )
    .with_pages(site.pages.iter().map(|p| p.url.file()).chain(unmade))
}

/// Whether `file` is a page's preview card or one of its images: named by
/// what they show, so that a new title or image gives a new name. Only
/// the pages that show them link to them, and those pages are rendered
/// again when they change: no other page's links need checking again
/// when one goes.
pub(super) fn is_own_content_named(file: &str) -> bool {
    let dir = file.split('/').next().unwrap_or_default();
    dir == super::previews::CARDS_DIR || dir == super::images::OUTPUT_DIR
}

/// Every internal link of the HTML of the units (`from`: of these units
/// only) leads to a file of the build, and its fragment to an id there.
/// A link a template writes is reported once, with the page that shows it
/// and how many others do.
fn check_links(
    site: &Site,
    units: &[Unit],
    records: &[Option<Arc<UnitRecord>>],
    from: Option<Vec<usize>>,
    files: &links::Files,
    diagnostics: &mut Diagnostics,
) {
    let base = links::Base::of(site);
    let from: Vec<usize> = from.unwrap_or_else(|| (0..units.len()).collect());
    type Problem<'a> = (&'a HtmlFile, &'a str, Message, Message);
    let (template, markdown): (Vec<Vec<Problem>>, Vec<Vec<Diagnostic>>) = from
        .par_iter()
        .with_max_len(CHECKS_PER_JOB)
        .filter_map(|&i| Some((i, records[i].as_ref()?)))
        .map_init(HashSet::default, |fine, (i, record)| {
            let mut template = Vec::new();
            for html in record.html.iter() {
                for (raw, message, hint) in links::check_html(site, &base, files, html, fine) {
                    template.push((html, raw, message, hint));
                }
            }
            let markdown = match (&units[i], &record.facts) {
                (Unit::Page(id), Some(facts)) if !facts.url_links.is_empty() => {
                    let page = &site.pages[*id];
                    let file = page.url.file();
                    links::check_markdown(site, &base, files, &file, &page.path, &facts.url_links)
                }
                _ => Vec::new(),
            };
            (template, markdown)
        })
        .unzip();
    diagnostics.extend(markdown.into_iter().flatten());
    // One report per place in a template and link, for the first page
    // that shows it.
    type Place = (std::path::PathBuf, Span, Option<String>);
    let mut places: HashMap<(&str, &str), Arc<Place>> = HashMap::new();
    let mut groups: HashMap<(std::path::PathBuf, Span, &str), usize> = HashMap::new();
    let mut reports: Vec<(Arc<Place>, &HtmlFile, &Message, &Message, usize)> = Vec::new();
    for (html, raw, message, hint) in template.iter().flatten() {
        let place = places
            .entry((&*html.template, *raw))
            .or_insert_with(|| Arc::new(links::locate_in_template(site, &html.template, raw)))
            .clone();
        let key = (place.0.clone(), place.1, *raw);
        match groups.get(&key) {
            Some(&n) => reports[n].4 += 1,
            None => {
                groups.insert(key, reports.len());
                reports.push((place, html, message, hint, 0));
            }
        }
    }
    for (place, html, message, hint, others) in reports {
        diagnostics.push(links::template_diagnostic(
            site, &place, &html.file, others, message, hint,
        ));
    }
}

/// How many of a page's heading ids the hint of a link to a missing
/// anchor lists: a page of hundreds of headings made a hint of thousands
/// of characters for each such link.
const HEADINGS_LISTED: usize = 12;

/// For how many links to missing anchors of one page the closest heading
/// id is guessed (see [`check_anchors`]).
const GUESSED_ANCHORS: usize = 100;

/// Every `#anchor` of an internal link must be a heading id of its target,
/// whether either page was rendered now or in an earlier build; links from
/// the pages `from`.
fn check_anchors(
    site: &Site,
    records: &Records,
    from: impl Iterator<Item = PageId>,
    diagnostics: &mut Diagnostics,
) {
    let empty = PageFacts::default();
    // Each target's heading ids as a set, made once: a page links to its
    // own headings, and a list searched for each link took time growing
    // with the square of the page.
    let mut heading_sets: HashMap<&UrlPath, (HashSet<&str>, usize)> = HashMap::default();
    for id in from {
        let Some(own) = records.get(Slot::Page(id)).and_then(|r| r.facts.as_deref()) else {
            continue;
        };
        let page = &site.pages[id];
        for link in &own.anchor_links {
            let target = records.facts(site, &link.target).unwrap_or(&empty);
            let (headings, missed) = heading_sets.entry(&link.target).or_insert_with(|| {
                let ids = target.heading_ids.iter().map(String::as_str).collect();
                (ids, 0)
            });
            if headings.contains(link.anchor.as_str()) {
                continue;
            }
            *missed += 1;
            let target_path = site
                .page_at(&link.target)
                .map(|id| display_path(&site.pages[id].path));
            let ids = &target.heading_ids;
            let known = match ids.len() {
                0 => msg!("anchor-no-headings", anchor = &link.anchor),
                1..=HEADINGS_LISTED => msg!("anchor-headings", ids = ids.join(", #")),
                all => msg!(
                    "anchor-headings-first",
                    ids = ids[..HEADINGS_LISTED].join(", #"),
                    shown = Arg::Number(HEADINGS_LISTED as i64),
                    all = Arg::Number(i64::try_from(all).unwrap_or(i64::MAX)),
                ),
            };
            // Each guess compares the anchor with every heading id: past
            // the first links to missing anchors of a page (slips), the
            // rest (headings renamed wholesale) are told without one.
            let guess = match *missed <= GUESSED_ANCHORS {
                true => did_you_mean(&link.anchor, ids.iter().map(String::as_str)),
                false => Message::default(),
            };
            let mut diagnostic = Diagnostic::error(
                &page.path,
                link.span,
                msg!(
                    "link-missing-anchor",
                    fragment = &link.anchor,
                    guess = guess,
                    page = target_path.unwrap_or_else(|| link.target.to_string())
                ),
            )
            .with_hint(match ids.is_empty() {
                true => known,
                false => msg!("anchor-hint", known = known, anchor = &link.anchor),
            });
            diagnostic.quote = link.quote.clone().map(Box::new);
            diagnostics.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_handed_out_once_each_those_not_one_page_first() {
        let page = |n| Unit::Page(PageId::new(n));
        let units = [page(0), page(1), Unit::Sitemap, page(2), Unit::Root];
        assert_eq!(pages_last(&units, 0..5), [2, 4, 0, 1, 3]);
        assert_eq!(pages_last(&units, [1, 4, 3].into_iter()), [4, 1, 3]);
        assert_eq!(pages_last(&[], 0..0), Vec::<usize>::new());
    }
}
