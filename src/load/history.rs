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
    use std::path::Path;

    use super::{RawHistory, RawVersion};
    use crate::load::data::{AID_DIR, RawRecord};
    use crate::load::yaml;

    /// The records file in `data/aid/`.
    const RECORDS: &str = "records.yaml";

    /// Reads the history of the records of the site in `root`; `None` outside a
    /// git repository, without commits, or when no commit has the records.
    pub(super) fn load(root: &Path) -> Option<RawHistory> {
        let repo = gix::discover(root).ok()?;
        let workdir = repo.workdir()?.canonicalize().ok()?;
        let site = root.canonicalize().ok()?;
        let rel = site.strip_prefix(&workdir).ok()?;
        let path = rel.join(AID_DIR).join(RECORDS);
        let head = repo.head_commit().ok()?;
        let mut history = RawHistory {
            head: head.id.to_string(),
            versions: Vec::new(),
        };
        // Newest first, as the walk goes; reversed at the end.
        let mut commit = Some(head);
        while let Some(current) = commit.take() {
            let blob = records_blob(&current, &path);
            let parent = current
                .parent_ids()
                .next()
                .and_then(|id| repo.find_commit(id).ok());
            let parent_blob = parent.as_ref().and_then(|p| records_blob(p, &path));
            if blob != parent_blob
                && let Some(version) = version(&repo, &current, blob, &path)
            {
                history.versions.push(version);
            }
            commit = parent;
        }
        history.versions.reverse();
        (!history.versions.is_empty()).then_some(history)
    }

    /// The id of the records' blob in `commit`'s tree, if it has them.
    fn records_blob(commit: &gix::Commit, path: &Path) -> Option<gix::ObjectId> {
        let entry = commit.tree().ok()?.lookup_entry_by_path(path).ok()??;
        entry.mode().is_blob().then(|| entry.object_id())
    }

    /// The version `commit` made with the records in `blob` (none: removed);
    /// `None` when they cannot be read or parsed.
    fn version(
        repo: &gix::Repository,
        commit: &gix::Commit,
        blob: Option<gix::ObjectId>,
        path: &Path,
    ) -> Option<RawVersion> {
        let records = match blob {
            Some(id) => {
                let blob = repo.find_blob(id).ok()?;
                let text = std::str::from_utf8(&blob.data).ok()?;
                yaml::parse::<Vec<RawRecord>>(path, text, 0, text).ok()?
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
