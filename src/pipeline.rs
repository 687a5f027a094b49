//! The one pipeline, **load → validate → model → render → write**, that
//! `build`, `check`, `serve` and `watch` run. The only module that knows all
//! five stages.
//!
//! A run has two halves: [`model`] (load, validate, model) and [`render`]
//! (render, write, publish). A session's edit of a few pages patches the
//! last model instead of running the first half (see `model::edit`); the
//! second half is the same for every run: it renders the units whose
//! recorded inputs changed since the last published build, and only those.

use crate::clock::Moment;
use crate::diag::{self, Diagnostic, Diagnostics, Severity};
use crate::model::Site;
use crate::render::{Changes, Records, RenderCache, search};
use crate::write::{Output, Publish};
use crate::{Error, Options, load, model, render, validate};

/// What a run of the pipeline found and did.
#[derive(Debug)]
pub struct Report {
    /// Every problem found, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// How many pages the site has.
    pub pages: usize,
    /// How many of them were rendered (the others were unchanged since the
    /// session's last build, or the build kept in the render cache).
    pub rendered: usize,
    /// Whether a new output was published.
    pub published: bool,
    /// Whether the run failed (errors, or warnings under `strict`).
    pub failed: bool,
    /// The next moment a page is published or expires, when the site is
    /// no longer what this run made of it (`watch` builds again then).
    pub next_change: Option<Moment>,
    /// The pages left out because they are dated after today, the latest
    /// first.
    pub waiting: Vec<crate::model::Waiting>,
    /// What `check --external` did, when it ran.
    pub external: Option<ExternalSummary>,
    /// How many image files it encoded (resized), and how many it took
    /// from the image cache instead.
    pub images: (usize, usize),
    /// The path of the site's address (`/`, `/aqparat/`), once it was read.
    pub base_path: Option<String>,
}

/// How many addresses of links to other sites `check --external` asked,
/// took as working from its cache, and found not working.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExternalSummary {
    /// Addresses asked.
    pub asked: usize,
    /// Addresses taken as working from the cache, unasked.
    pub cached: usize,
    /// Addresses that do not work.
    pub dead: usize,
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
pub fn build(options: &Options) -> Result<Report, Error> {
    run(options, Goal::Publish, None, None, Search::Stream).map(|(report, _)| report)
}

/// Runs every stage but `write`: reports every problem, writes nothing.
pub fn check(options: &Options) -> Result<Report, Error> {
    run(options, Goal::Check, None, None, Search::Defer).map(|(report, _)| report)
}

/// What a run is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Goal {
    /// Publish the site, unless it has errors.
    Publish,
    /// Find every problem; write nothing.
    Check,
}

/// When a build makes the search index.
pub(crate) enum Search<'a> {
    /// With the pages, before publishing, with this indexer.
    Index(&'a mut search::Indexer),
    /// As the pages render, keeping none of their records: a one-off
    /// build's (see [`search::Stream`]).
    Stream,
    /// Later, through [`crate::Session::update_search`]; now all the same
    /// when the build's folder does not start as the current build.
    Defer,
}

/// What a published build of a session leaves to the next run.
pub(crate) struct Published {
    /// What each output unit read and made.
    pub records: Records,
    /// The files it wrote or removed.
    pub written: Vec<String>,
    /// Whether its folder started as the build published before it: then
    /// `written` is all that differs between the two.
    pub from_previous: bool,
    /// Whether the published search index is older than the pages.
    pub search_stale: bool,
}

/// The model of a run, and the problems found making it.
pub(crate) struct Model {
    /// The site.
    pub site: Site,
    /// What load and validate reported (warnings only, when the model is
    /// kept: an edit reports them again).
    pub diagnostics: Vec<Diagnostic>,
}

/// One whole run: the model, then [`render`]; gives the model and what the
/// next run may reuse when it published.
pub(crate) fn run(
    options: &Options,
    goal: Goal,
    previous: Option<&Published>,
    cache: Option<&mut load::ContentCache>,
    search: Search,
) -> Result<(Report, Option<(Model, Published)>), Error> {
    if goal == Goal::Publish {
        crate::write::check_output(&options.root, &options.output, options.publish)?;
    }
    // Its pages' stamps tell which changed since the render cache's build.
    let stamped = may_use_render_cache(options, goal, previous.is_some());
    let model = match model(options, cache, stamped) {
        Ok(model) => model,
        Err(diagnostics) => {
            let report = Report {
                diagnostics: diagnostics.into_sorted(),
                pages: 0,
                rendered: 0,
                published: false,
                failed: true,
                next_change: None,
                waiting: Vec::new(),
                external: None,
                images: (0, 0),
                base_path: None,
            };
            return Ok((report, None));
        }
    };
    let (report, published) = render(options, goal, &model, previous, Changes::Unknown, search)?;
    match published {
        Some(published) => Ok((report, Some((model, published)))),
        None => {
            crate::drop_later(model);
            Ok((report, None))
        }
    }
}

/// The first half of a run: **load → validate → model**. Without
/// `site.yaml`, languages of usable codes, a theme or a site address that parses, nothing
/// can be rendered: the one error that says so is the report, not a
/// cascade of what rendering misses (every link of a site at a broken
/// address is broken).
fn model(
    options: &Options,
    cache: Option<&mut load::ContentCache>,
    stamped: bool,
) -> Result<Model, Diagnostics> {
    let mut diagnostics = Diagnostics::new();
    let mut sources = load::sources(&options.root, cache, stamped, &mut diagnostics);
    // One "now" for the whole run.
    let publishing = options.publishing(options.clock.now().today());
    let statistics = validate::sources(&sources, publishing, &mut diagnostics);
    let has_theme = !sources.theme.is_missing;
    let config = sources
        .config
        .take()
        .filter(|c| has_theme && validate::has_usable_languages(c));
    // An address that does not parse is reported by `validate`.
    let Some((config, base_url)) = config.and_then(|config| {
        let written = options
            .base_url
            .as_deref()
            .unwrap_or(&config.base_url.value);
        let base_url = crate::address::parse_base_url(written).ok()?;
        let base_url = match &options.serve_origin {
            Some(origin) => format!("{origin}{}", model::base_path(&base_url)),
            None => base_url,
        };
        Some((config, base_url))
    }) else {
        return Err(diagnostics);
    };
    let site = model::site(sources, &config, base_url, options, publishing, statistics);
    let diagnostics = diagnostics.into_sorted();
    Ok(Model { site, diagnostics })
}

/// Whether a run keeps its pages in the render cache: a one-off `build`,
/// not a session's build (which keeps its own records), not `check`. (A
/// `--fresh` build takes nothing from it, and keeps its own.)
fn may_use_render_cache(options: &Options, goal: Goal, in_session: bool) -> bool {
    goal == Goal::Publish && !in_session && options.publish == Publish::Replace
}

/// The render cache for a one-off build of `site` (see [`RenderCache`]),
/// unless the cache is not to be had. Its
/// records hold for the options that shape the pages, for today, and for
/// what every unit reads (`site.yaml`, the UI strings, the static files…):
/// when that changed every unit is rendered, and starting from the last
/// build's files would only add to the work.
fn render_cache(options: &Options, site: &Site) -> Option<RenderCache> {
    let root = std::fs::canonicalize(&options.root).ok()?;
    // The root too: a cache shared by two copies of a site (a linked
    // `.aqparat`) is not taken for the other's.
    let shaping = format!(
        "{} {:?} {:?} {:?} {:?} {:x}",
        root.display(),
        options.base_url,
        site.publishing,
        options.build_date,
        site.build_date,
        render::site_answer(site),
    );
    RenderCache::open(&options.root, &options.output, shaping)
}

/// The second half of every run, an edit's too: **render → write**. Renders
/// what changed since `previous` (every unit without it; `changes` says what
/// the caller knows of what changed), makes the search
/// index if `search` says so, and publishes unless there are errors (or
/// warnings under `strict`). With errors found before rendering, renders
/// anyway to find the rest (broken links, template errors), into nothing.
pub(crate) fn render(
    options: &Options,
    goal: Goal,
    model: &Model,
    previous: Option<&Published>,
    changes: Changes,
    search: Search,
) -> Result<(Report, Option<Published>), Error> {
    let site = &model.site;
    let images_before = render::image_counts();
    let mut diagnostics = model.diagnostics.clone();
    let fails = |d: &[Diagnostic]| d.iter().any(|d| d.is_error() || options.strict);
    let publishes = goal == Goal::Publish && !fails(&diagnostics);
    // A one-off build starts from the last one's, kept in the render cache.
    let render_cache = (publishes && may_use_render_cache(options, goal, previous.is_some()))
        .then(|| render_cache(options, site))
        .flatten();
    // `--fresh` makes the cache anew: its copy may share a file damaged
    // in a way that its stamp does not show (written in place, its time
    // put back), which the cache would otherwise give every later build.
    let kept = (render_cache.as_ref())
        .filter(|_| !options.fresh)
        .and_then(RenderCache::records);
    // A copy that cannot be linked in is no reason to fail: built afresh.
    let seeded = (render_cache.as_ref().filter(|_| kept.is_some()))
        .and_then(|cache| Output::staging_from(&options.output, &cache.copy()).ok());
    let output = match (publishes, seeded) {
        (true, Some(seeded)) => seeded,
        (true, None) => {
            let staging = Output::staging(
                &options.output,
                options.publish,
                previous.map(|p| p.written.as_slice()),
            )
            .map_err(Error::output(&options.output))?;
            // Its copy is kept, made of the files it lists.
            if render_cache.is_some() {
                staging.listing()
            } else {
                staging
            }
        }
        (false, _) => Output::Discard,
    };
    let records = (previous.map(|p| &p.records).or(kept.as_ref())).filter(|_| output.is_seeded());
    let indexes = |d: &[Diagnostic]| site.search && !output.is_discarded() && !fails(d);
    // A one-off build's index takes the pages of the units that the
    // render cache carries over from the search cache.
    let stream = (matches!(search, Search::Stream) && previous.is_none() && indexes(&diagnostics))
        .then(|| search::Stream::new(&output, &site.root));
    let rendered = render::site(site, &output, records, changes, stream.as_ref())
        .map_err(Error::output(&options.output))?;
    diagnostics.extend(rendered.diagnostics);
    // A deferred index is made now all the same when the build does not
    // start from the current one (its folder was lost): else the site
    // would be published without one until the index catches up.
    let index = match search {
        _ if !indexes(&diagnostics) => None,
        Search::Stream => stream.map(search::Stream::finish),
        Search::Index(indexer) => Some(indexer.index(&rendered.records.search_records())),
        Search::Defer if !output.is_seeded() => {
            Some(search::Indexer::once(&site.root).index(&rendered.records.search_records()))
        }
        Search::Defer => None,
    };
    let indexed = match index {
        Some(index) => {
            index
                .and_then(|index| search::write(&index, &output))
                .map_err(Error::search(&options.output))?;
            true
        }
        None => false,
    };
    if !site.search && output.is_seeded() {
        search::remove(site, &output).map_err(Error::search(&options.output))?;
    }
    #[cfg(feature = "external")]
    let external = match (goal, &options.external) {
        (Goal::Check, Some(settings)) => {
            let links = rendered.records.external_links(site);
            let checked = crate::external::check(&options.root, &links, settings);
            diagnostics.extend(checked.diagnostics);
            Some(ExternalSummary {
                asked: checked.asked,
                cached: checked.cached,
                dead: checked.dead,
            })
        }
        _ => None,
    };
    #[cfg(not(feature = "external"))]
    let external = None;
    diag::sort(&mut diagnostics);
    let failed = fails(&diagnostics);
    let published = goal == Goal::Publish && !failed;
    // Only a session's next build needs the list.
    let written = match options.publish {
        Publish::Link => output.written(),
        Publish::Replace => Vec::new(),
    };
    let from_previous = output.is_seeded();
    if published {
        if let Some(cache) = &render_cache {
            cache.keep(&rendered.records, &output);
        }
        output.publish().map_err(Error::output(&options.output))?;
    }
    // Only builds published through a link are followed by incremental ones
    // in this process; a one-off `build` keeps its records in the render
    // cache (above), if anywhere.
    let next = match published && options.publish == Publish::Link {
        true => Some(Published {
            records: rendered.records,
            written,
            from_previous,
            search_stale: site.search && !indexed,
        }),
        false => {
            crate::drop_later(rendered.records);
            None
        }
    };
    let report = Report {
        diagnostics,
        pages: site.pages.len(),
        rendered: rendered.pages,
        published,
        failed,
        next_change: site.next_change().map(Moment::start_of),
        waiting: site.waiting.clone(),
        external,
        images: {
            let (encoded, cached) = render::image_counts();
            (encoded - images_before.0, cached - images_before.1)
        },
        base_path: Some(site.base_path.clone()),
    };
    Ok((report, next))
}
