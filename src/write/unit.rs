//! The files of one output unit (a page, a feed, the statistics…), noted as
//! they are written: a later build that renders the unit again, or finds it
//! gone, removes those it no longer makes, and nothing else.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::Output;
use crate::diag::{Diagnostic, Diagnostics};

/// What [`UnitOutput::write_content_named`] puts in the output.
pub enum Content {
    /// Bytes made now.
    Made(Vec<u8>),
    /// A file of the site's cache that holds them (see [`Output::link`]).
    Cached(PathBuf),
}

/// Writes into an [`Output`] on behalf of one unit, noting each file.
pub struct UnitOutput<'a> {
    output: &'a Output,
    files: Mutex<Vec<String>>,
    /// The pages it could not render (see [`UnitOutput::unmade`]).
    unmade: Mutex<Vec<String>>,
}

impl<'a> UnitOutput<'a> {
    /// A unit writing into `output`.
    pub fn new(output: &'a Output) -> UnitOutput<'a> {
        UnitOutput {
            output,
            files: Mutex::new(Vec::new()),
            unmade: Mutex::new(Vec::new()),
        }
    }

    /// Whether files are dropped instead of written (`check`).
    pub fn is_discarded(&self) -> bool {
        self.output.is_discarded()
    }

    /// Writes `bytes` at `rel`; see [`Output::write`].
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.note(rel);
        self.output.write(rel, bytes)
    }

    /// Writes the file that `make` makes at `rel`, a path named by what
    /// the file holds, unless the output keeps it from the current build
    /// (see [`Output::keeps`]) or writes nothing (`check`): then `make` is
    /// not called. An error of
    /// `make` writes nothing and is given back.
    pub fn write_content_named<E>(
        &self,
        rel: &str,
        make: impl FnOnce() -> Result<Content, E>,
    ) -> io::Result<Result<(), E>> {
        self.note(rel);
        if self.output.is_discarded() || self.output.keeps(rel)? {
            return Ok(Ok(()));
        }
        match make() {
            Ok(Content::Made(bytes)) => self.output.write(rel, &bytes).map(Ok),
            Ok(Content::Cached(source)) => self.output.link(&source, rel).map(Ok),
            Err(e) => Ok(Err(e)),
        }
    }

    /// Puts the cached file `source` at `rel`; see [`Output::link`].
    pub fn link(&self, source: &Path, rel: &str) -> io::Result<()> {
        self.note(rel);
        self.output.link(source, rel)
    }

    /// Copies `source` to `rel`; see [`Output::copy`].
    pub fn copy(&self, source: &Path, rel: &Path) -> io::Result<()> {
        self.note(&rel.to_string_lossy());
        self.output.copy(source, rel)
    }

    /// Writes a page the unit rendered at `rel`, or notes in `diagnostics`
    /// why it could not be rendered (`Ok(None)`: a template already
    /// reported as broken).
    pub fn write_page(
        &self,
        rel: &str,
        rendered: Result<Option<Vec<u8>>, Diagnostic>,
        diagnostics: &mut Diagnostics,
    ) -> io::Result<()> {
        let unmade = || {
            if let Ok(mut unmade) = self.unmade.lock() {
                unmade.push(rel.to_string());
            }
        };
        match rendered {
            Ok(Some(html)) => self.write(rel, &html),
            Ok(None) => {
                unmade();
                Ok(())
            }
            Err(d) => {
                diagnostics.push(d);
                unmade();
                Ok(())
            }
        }
    }

    /// The pages it would have written but could not render, their
    /// template broken (reported): a link to one is not a broken link.
    pub fn unmade(&self) -> Vec<String> {
        self.unmade.lock().map(|u| u.clone()).unwrap_or_default()
    }

    fn note(&self, rel: &str) {
        if let Ok(mut files) = self.files.lock() {
            files.push(rel.to_string());
        }
    }

    /// The files written, sorted.
    pub fn files(self) -> Vec<String> {
        let mut files = self.files.into_inner().unwrap_or_default();
        files.sort_unstable();
        files.dedup();
        files
    }
}
