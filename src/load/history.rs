//! The committed history of the records, `data/aid/records.yaml`, when the
//! site is (in) a git repository: read with gitoxide in one pass over the
//! first-parent history of `HEAD`, for the changes page (see
//! `model::history`).
//!
//! A *version* is the records as one commit left them. Only commits whose
//! tree gives the records file another blob than their parent's are read
//! (tree entry ids are compared; unchanged blobs are never parsed). What
//! cannot be read — no repository, a shallow clone's missing parent, a
//! corrupt blob, records that do not parse — ends the walk or skips the
//! commit, never the build: the history is an addition, not an input the
//! site needs. Uncommitted changes are not history.

use std::path::Path;

use super::data::RawRecord;

/// The records as one commit left them.
#[derive(Debug)]
pub struct RawVersion {
    /// The commit's id, in hex.
    pub commit: String,
    /// The commit's date in its own time zone, `YYYY-MM-DD`.
    pub date: String,
    /// The first line of its message, as written (untrusted text).
    pub subject: String,
    /// The records it left.
    pub records: Vec<RawRecord>,
}

/// The committed history of the records.
#[derive(Debug, Default)]
pub struct RawHistory {
    /// The id of `HEAD`'s commit, in hex: the history's fingerprint.
    pub head: String,
    /// Every version, oldest first; a commit that removed the file gives
    /// an empty one.
    pub versions: Vec<RawVersion>,
}

/// Reads the history of the records of the site in `root`; `None` outside a
/// git repository, without commits, when no commit has the records, or in
/// an aqparat built without the `history` feature.
pub fn load(root: &Path) -> Option<RawHistory> {
    #[cfg(feature = "history")]
    return git::load(root);
    #[cfg(not(feature = "history"))]
    {
        let _ = root;
        None
    }
}

/// The reading itself, with gitoxide (feature `history`).
#[cfg(feature = "history")]
mod git {
    use std::path::{Path, PathBuf};

    use super::{RawHistory, RawVersion};
    use crate::diag::Diagnostics;
    use crate::load::data::{AID_DIR, RawRecord};
    use crate::load::{records, table, yaml};

    /// The records of the file `path` (YAML or CSV) with the text `text`;
    /// `None` when it has any problem.
    fn parse_records(path: &Path, text: &str) -> Option<Vec<RawRecord>> {
        if path.extension().is_some_and(|e| e == "csv") {
            let mut problems = Diagnostics::new();
            let table = table::parse(path, text).ok()?;
            let parsed = records::records(path, text, &table, &mut problems);
            return problems.is_empty().then_some(parsed);
        }
        yaml::parse::<Vec<RawRecord>>(path, text, 0, text).ok()
    }

    /// The records files in `data/aid/`: a commit's are the first it has.
    const RECORDS: [&str; 2] = ["records.yaml", "records.csv"];

    /// Reads the history of the records of the site in `root`; `None` outside a
    /// git repository, without commits, or when no commit has the records.
    pub(super) fn load(root: &Path) -> Option<RawHistory> {
        let repo = gix::discover(root).ok()?;
        let workdir = repo.workdir()?.canonicalize().ok()?;
        let site = root.canonicalize().ok()?;
        let rel = site.strip_prefix(&workdir).ok()?;
        let paths = RECORDS.map(|name| rel.join(AID_DIR).join(name));
        let head = repo.head_commit().ok()?;
        let mut history = RawHistory {
            head: head.id.to_string(),
            versions: Vec::new(),
        };
        // Newest first, as the walk goes; reversed at the end.
        let mut commit = Some(head);
        while let Some(current) = commit.take() {
            let blob = records_blob(&current, &paths);
            let parent = current
                .parent_ids()
                .next()
                .and_then(|id| repo.find_commit(id).ok());
            let parent_blob = parent.as_ref().and_then(|p| records_blob(p, &paths));
            if blob != parent_blob
                && let Some(version) = version(&repo, &current, blob)
            {
                history.versions.push(version);
            }
            commit = parent;
        }
        history.versions.reverse();
        (!history.versions.is_empty()).then_some(history)
    }

    /// The path and blob id of the records in `commit`'s tree (the first of
    /// `paths` it has), if it has them.
    fn records_blob<'p>(
        commit: &gix::Commit,
        paths: &'p [PathBuf],
    ) -> Option<(&'p Path, gix::ObjectId)> {
        let tree = commit.tree().ok()?;
        paths.iter().find_map(|path| {
            let entry = tree.lookup_entry_by_path(path).ok()??;
            entry
                .mode()
                .is_blob()
                .then(|| (path.as_path(), entry.object_id()))
        })
    }

    /// The version `commit` made with the records in `blob` (none: removed);
    /// `None` when they cannot be read or parsed without a problem.
    fn version(
        repo: &gix::Repository,
        commit: &gix::Commit,
        blob: Option<(&Path, gix::ObjectId)>,
    ) -> Option<RawVersion> {
        let records = match blob {
            Some((path, id)) => {
                let blob = repo.find_blob(id).ok()?;
                let text = std::str::from_utf8(&blob.data).ok()?;
                parse_records(path, text)?
            }
            None => Vec::new(),
        };
        let message = commit.message().ok()?;
        Some(RawVersion {
            commit: commit.id.to_string(),
            date: commit
                .time()
                .ok()?
                .format(gix::date::time::format::SHORT)
                .ok()?,
            subject: String::from_utf8_lossy(message.summary().as_ref()).into_owned(),
            records,
        })
    }
}
