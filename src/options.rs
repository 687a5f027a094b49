//! What a caller asks of the pipeline: where the site is, where the output
//! goes, and how strict to be.

use std::path::PathBuf;

use crate::write::Publish;

/// Options shared by `build`, `check`, `serve` and `watch`.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site's root: the folder that holds `site.yaml`.
    pub root: PathBuf,
    /// Where the built site goes (`public/` under the root by default).
    pub output: PathBuf,
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Whether pages marked `draft: true` are built.
    pub drafts: Drafts,
    /// Treat warnings as errors.
    pub strict: bool,
    /// How a finished build replaces the previous output.
    pub publish: Publish,
    /// A program that makes a search index in a process of its own (the
    /// `aqparat` binary, whose hidden `search-index` command does it), for
    /// the search index that `serve` and `watch` update in the background;
    /// without it, that index is made on a thread of this process.
    pub search_indexer: Option<PathBuf>,
}

impl Options {
    /// Options for the site in `root`, writing to `root/public`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        Options {
            output: root.join("public"),
            root,
            base_url: None,
            drafts: Drafts::LeaveOut,
            strict: false,
            publish: Publish::Replace,
            search_indexer: None,
        }
    }
}

/// Whether pages marked `draft: true` are part of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Drafts {
    /// Drafts are left out: neither built nor checked as pages of the site.
    #[default]
    LeaveOut,
    /// Drafts are built like every other page (`--drafts`).
    Include,
}

impl Drafts {
    /// Whether a page is published; `is_draft` is its `draft:` field.
    pub fn publishes(self, is_draft: bool) -> bool {
        self == Drafts::Include || !is_draft
    }
}
