//! A series of builds of one site in one process (`serve`, `watch`), each
//! doing only what the changes since the last one require.
//!
//! Every build runs the one pipeline with the last published build: the
//! render stage renders only the output units whose recorded inputs changed
//! (see `render::inputs`). Pages whose new text keeps the site's shape (see
//! `model::edit`) patch the last build's model instead of loading and
//! checking the whole site again.
//!
//! Either way, with [`crate::write::Publish::Link`] the files not rendered
//! are carried over from the current build as hard links, and the result is
//! the same, byte for byte, as a full build of the same files.

use std::io;
use std::path::PathBuf;
use std::thread::JoinHandle;

use crate::error::Error;
use crate::model;
use crate::pipeline::{self, Goal, Model, Published, Report, Search};
use crate::render::{Changes, search};
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
    /// Whether the build folder the next build goes into was brought up to
    /// the current build since it was published (or tried to be: the next
    /// build does it again when that failed).
    next_prepared: bool,
    /// Published builds so far, to tell a search index made for the
    /// current pages from one made for older ones.
    published: u64,
    /// What makes the search index, unless it is making one in the
    /// background (`search_job`).
    indexer: Option<search::Indexer>,
    /// The search index being made in the background, for which build,
    /// by the indexer, which it gives back.
    search_job: Option<(u64, SearchJob)>,
    /// What [`Session::last_publish`] tells.
    last_publish: (u64, Option<Vec<String>>),
}

/// A thread making a search index: it gives back the indexer too.
type SearchJob = JoinHandle<(search::Indexer, io::Result<search::Index>)>;

/// The last published build: its model and what it left.
struct LastBuild {
    model: Model,
    published: Published,
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
            indexer: None,
            search_job: None,
            last_publish: (0, None),
        }
    }

    /// How many times the session has published (builds and search
    /// indexes), and, when the latest publish started as a copy of the build
    /// published before it, the files it wrote or removed: all that differs
    /// between the two (paths relative to the output).
    pub fn last_publish(&self) -> (u64, Option<&[String]>) {
        (self.last_publish.0, self.last_publish.1.as_deref())
    }

    /// The options it builds with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Builds and publishes (unless there are errors), reusing what the last
    /// published build of this session made where nothing it depends on
    /// changed.
    pub fn build(&mut self) -> Result<Report, Error> {
        // Only a session that publishes through a link builds again from
        // what it kept in memory (a one-off build, from the render cache).
        let keeps_state = self.options.publish == crate::write::Publish::Link;
        let cache = keeps_state.then_some(&mut self.content);
        // The first build is complete; later ones publish the pages first
        // and leave the search index to `update_search`.
        let indexer = match self.last {
            Some(_) => None,
            None => Some(self.indexer.get_or_insert_with(|| {
                let program = self.options.search_indexer.clone();
                search::Indexer::new(program, Some(&self.options.root))
            })),
        };
        let search = match indexer {
            Some(indexer) => Search::Index(indexer),
            None => Search::Defer,
        };
        self.next_prepared = false;
        let previous = self.last.as_ref().map(|last| &last.published);
        let run = pipeline::run(&self.options, Goal::Publish, previous, cache, search);
        // A publish that failed (a file of the user's in the way, a full
        // disk) leaves the changes it read unpublished: the next build is
        // a whole one, which finds them all again, not an edit of the
        // pages it names.
        let (report, next) = run.inspect_err(|_| self.latest_published = false)?;
        if report.published {
            let (written, from_previous) = next.as_ref().map_or((&[][..], false), |(_, p)| {
                (p.written.as_slice(), p.from_previous)
            });
            note_publish(&mut self.last_publish, written, from_previous);
        }
        if let Some((model, published)) = next {
            self.last = Some(LastBuild { model, published });
            self.published += 1;
        }
        self.latest_published = report.published;
        Ok(report)
    }

    /// Builds after the files `changed` (paths relative to the root)
    /// changed: as an edit when they are pages whose new text keeps the
    /// site's shape, else as [`Session::build`] does.
    pub fn build_changed(&mut self, changed: &[PathBuf]) -> Result<Report, Error> {
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
    fn edit(&mut self, changed: &[PathBuf]) -> Result<Option<Report>, Error> {
        let options = &self.options;
        let Some(last) = self.last.as_mut().filter(|_| self.latest_published) else {
            return Ok(None);
        };
        // A commit since the last build: the figures' changes page reads
        // the history again (`watch` does not watch `.git/`).
        let site = &last.model.site;
        if site.stats.is_some() && load::head_commit(&options.root) != site.head {
            return Ok(None);
        }
        let mut pages = Vec::with_capacity(changed.len());
        for rel in changed {
            let path = options.root.join(rel);
            if !rel.starts_with(load::CONTENT_DIR) || path.is_dir() {
                return Ok(None);
            }
            if !(path.is_file() && rel.extension().is_some_and(|e| e == "md")) {
                // An image beside its pages, new, changed or gone, changes
                // the pages that show it: the whole site is built again.
                let site = &last.model.site;
                if path.is_file() || site.assets.binary_search(rel).is_ok() {
                    return Ok(None);
                }
                // Anything else gone (an editor's temporary file renamed
                // away) changes nothing, unless pages were there: a folder
                // moved away is one event.
                let held_pages = site.pages.iter().any(|p| p.path.starts_with(rel));
                if held_pages {
                    return Ok(None);
                }
                continue;
            }
            let Ok((page, mut diagnostics)) = self.content.reload(&options.root, rel) else {
                return Ok(None);
            };
            let templates = &last.model.site.theme.template_paths;
            validate::page(&page, templates, &mut diagnostics);
            if !diagnostics.is_empty() {
                return Ok(None);
            }
            pages.push(page);
        }
        if pages.is_empty() {
            return Ok(None);
        }
        let Some(edit) = model::edit(&mut last.model.site, pages) else {
            return Ok(None);
        };
        let previous = Some(&last.published);
        let changes = Changes::Edit(&edit);
        let rendered = pipeline::render(
            options,
            Goal::Publish,
            &last.model,
            previous,
            changes,
            Search::Defer,
        );
        let (report, next) = match rendered {
            Ok(rendered) => rendered,
            // Unpublished (see `build`): the model goes back to the last
            // publish's, and the next build is a whole one.
            Err(error) => {
                edit.undo(&mut last.model.site);
                self.latest_published = false;
                return Err(error);
            }
        };
        match next {
            Some(published) => {
                last.published = published;
                let published = &last.published;
                note_publish(
                    &mut self.last_publish,
                    &published.written,
                    published.from_previous,
                );
                Ok(Some(report))
            }
            // Problems: the full build that follows reports them all.
            None => {
                edit.undo(&mut last.model.site);
                Ok(None)
            }
        }
    }

    /// What to do while no change comes in: prepares the next build's
    /// folder, so that it need not wait for that (see
    /// [`Output::prepare_next`]), then moves the search index on (see
    /// [`Session::update_search`]).
    pub fn when_idle(&mut self) -> Option<Result<usize, Error>> {
        if let Some(last) = self.last.as_mut().filter(|_| !self.next_prepared)
            && self.options.publish == crate::write::Publish::Link
        {
            // Tried once: when it fails, the next build does the same
            // work again and reports what stops it.
            self.next_prepared = true;
            let written = &mut last.published.written;
            if Output::prepare_next(&self.options.output, written).is_ok() {
                written.clear();
            }
        }
        self.update_search()
    }

    /// Moves the search index towards the published pages without waiting:
    /// it is made on a thread of its own while builds go on, by an indexer
    /// that keeps every page tokenised and tokenises only the pages that
    /// changed (see [`search::Indexer`]). Starts that thread when the index
    /// lags; when it has finished, publishes its index (in one step, as a
    /// build is) if no build was published since, and gives the number of
    /// pages indexed; an index made for older pages is dropped and the next
    /// call starts again.
    pub fn update_search(&mut self) -> Option<Result<usize, Error>> {
        if let Some((_, job)) = &self.search_job
            && !job.is_finished()
        {
            return None;
        }
        if let Some((build, job)) = self.search_job.take() {
            let index = match job.join() {
                Ok((indexer, index)) => {
                    self.indexer = Some(indexer);
                    index
                }
                Err(_) => Err(io::Error::other("the search indexing thread failed")),
            };
            if build == self.published {
                let index = index.map_err(Error::search(&self.options.output));
                return Some(index.and_then(|index| self.publish_search(&index)));
            }
        }
        let last = self
            .last
            .as_mut()
            .filter(|last| last.published.search_stale)?;
        last.published.search_stale = false;
        let records = last.published.records.search_records();
        let program = self.options.search_indexer.clone();
        let site = &self.options.root;
        let mut indexer = self
            .indexer
            .take()
            .unwrap_or_else(|| search::Indexer::new(program, Some(site)));
        let job = std::thread::spawn(move || {
            // Behind the builds, which must publish pages quickly: on Linux
            // a thread's nice value is its own, and the threads and
            // processes it starts inherit it.
            let _ = rustix::process::setpriority_process(None, 19);
            let index = indexer.index(&records);
            (indexer, index)
        });
        self.search_job = Some((self.published, job));
        None
    }

    /// Publishes `index` over the current build; gives its page count.
    fn publish_search(&mut self, index: &search::Index) -> Result<usize, Error> {
        let Some(last) = self.last.as_mut() else {
            return Ok(0);
        };
        let failed = Error::search(&self.options.output);
        let publish = || {
            let output = Output::staging(
                &self.options.output,
                self.options.publish,
                Some(last.published.written.as_slice()),
            )?;
            search::write(index, &output)?;
            let written = output.written();
            let from_previous = output.is_seeded();
            output.publish()?;
            Ok((written, from_previous))
        };
        self.next_prepared = false;
        let (written, from_previous) = publish().map_err(failed)?;
        last.published.written = written;
        note_publish(
            &mut self.last_publish,
            &last.published.written,
            from_previous,
        );
        Ok(index.pages())
    }
}

/// Notes in `last_publish` (see [`Session::last_publish`]) a publish that
/// wrote or removed `written`: all that differs from the build before it
/// when it started as a copy of it (`from_previous`).
fn note_publish(
    last_publish: &mut (u64, Option<Vec<String>>),
    written: &[String],
    from_previous: bool,
) {
    *last_publish = (last_publish.0 + 1, from_previous.then(|| written.to_vec()));
}
