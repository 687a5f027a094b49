//! The committed history of the records, `data/aid/records.yaml`, when the
//! site is (in) a git repository: read with gitoxide in one pass over the
//! first-parent history of `HEAD`, for the changes page (see
//! `model::history`). With `dates: git`, a pass of the same kind finds the
//! day each page's file last changed ([`page_dates`]).
//!
//! A *version* is the records as one commit left them. Only commits whose
//! tree gives the records file another blob than their parent's are read
//! (tree entry ids are compared; unchanged blobs are never parsed). What
//! cannot be read — no repository, a shallow clone's missing parent, a
//! corrupt blob, records that do not parse — ends the walk or skips the
//! commit, never the build: the history is an addition, not an input the
//! site needs. Uncommitted changes are not history.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::data::RawRecord;
use crate::date::Date;

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

/// Reads the history of the records of the site in `root`, with `HEAD`'s
/// commit (no version when no commit has the records); `None` outside a
/// git repository, without commits, or in an aqparat built without the
/// `history` feature.
pub fn load(root: &Path) -> Option<RawHistory> {
    #[cfg(feature = "history")]
    return git::load(root);
    #[cfg(not(feature = "history"))]
    {
        let _ = root;
        None
    }
}

/// The id of `HEAD`'s commit in the repository the site in `root` is in,
/// in hex; `None` outside a repository, without commits, or in an aqparat
/// built without the `history` feature. It moves with every commit and
/// checkout: what [`load`] read is stale when it differs from its `head`.
pub fn head(root: &Path) -> Option<String> {
    #[cfg(feature = "history")]
    return git::head(root);
    #[cfg(not(feature = "history"))]
    {
        let _ = root;
        None
    }
}

/// The day of the last commit of the first-parent history of `HEAD` that
/// changed each of the content files `paths` (relative to the site root in
/// `root`), by path. A commit changes a file when its tree gives the file
/// another blob than its first parent's (the root commit changes every
/// file it has). A file that `HEAD` does not have (new, never committed) is
/// not in the answer, nor is any outside a git repository or in an aqparat
/// built without the `history` feature; an uncommitted edit of a committed
/// file does not count: only what was committed, as for the records.
pub fn page_dates<'p>(
    root: &Path,
    paths: impl Iterator<Item = &'p Path>,
) -> HashMap<PathBuf, Date> {
    #[cfg(feature = "history")]
    return git::page_dates(root, paths).unwrap_or_default();
    #[cfg(not(feature = "history"))]
    {
        let _ = (root, paths);
        HashMap::new()
    }
}

/// The reading itself, with gitoxide (feature `history`).
#[cfg(feature = "history")]
mod git {
    use std::collections::HashMap;
    use std::path::{Path, PathBuf};

    use super::{RawHistory, RawVersion};
    use crate::date::Date;
    use crate::diag::Diagnostics;
    use crate::load::data::{AID_DIR, RawRecord};
    use crate::load::{records, table, yaml};

    /// The records of the file `path` (YAML or CSV) with the text `text`;
    /// `None` when it has any problem.
    fn parse_records(path: &Path, text: &str) -> Option<Vec<RawRecord>> {
        if path.extension().is_some_and(|e| e == "csv") {
            let mut problems = Diagnostics::new();
            let table = table::parse(path, text)
                .ok()
                .filter(|t| t.unclosed.is_none())?;
            // A commit's languages may not be today's: any `what_LANG`.
            let parsed = records::records(path, text, &table, None, &mut problems);
            return problems.is_empty().then_some(parsed);
        }
        yaml::parse_at_most::<Vec<RawRecord>>(path, text, 0, text, 1).ok()
    }

    /// The records files in `data/aid/`: a commit's are the first it has.
    const RECORDS: [&str; 2] = ["records.yaml", "records.csv"];

    /// The repository the site in `root` is in, and the site's folder
    /// relative to its work tree; `None` outside a repository.
    fn open(root: &Path) -> Option<(gix::Repository, PathBuf)> {
        let repo = gix::discover(root).ok()?;
        let workdir = repo.workdir()?.canonicalize().ok()?;
        let site = root.canonicalize().ok()?;
        let rel = site.strip_prefix(&workdir).ok()?.to_path_buf();
        Some((repo, rel))
    }

    /// The first-parent history of `HEAD`, newest first: each commit with
    /// its first parent (`None` for the first commit, and for a shallow
    /// clone's last, whose parent is missing).
    struct FirstParent<'r> {
        repo: &'r gix::Repository,
        next: Option<gix::Commit<'r>>,
    }

    impl<'r> FirstParent<'r> {
        /// From `HEAD`; empty without commits.
        fn of(repo: &'r gix::Repository) -> FirstParent<'r> {
            FirstParent {
                repo,
                next: repo.head_commit().ok(),
            }
        }
    }

    impl<'r> Iterator for FirstParent<'r> {
        type Item = (gix::Commit<'r>, Option<gix::Commit<'r>>);

        fn next(&mut self) -> Option<Self::Item> {
            let current = self.next.take()?;
            let parent =
                (current.parent_ids().next()).and_then(|id| self.repo.find_commit(id).ok());
            self.next = parent.clone();
            Some((current, parent))
        }
    }

    /// The day of `commit` (its committer's time, in its own time zone),
    /// `YYYY-MM-DD`.
    fn day(commit: &gix::Commit) -> Option<String> {
        (commit.time().ok()?)
            .format(gix::date::time::format::SHORT)
            .ok()
    }

    /// See [`super::head`].
    pub(super) fn head(root: &Path) -> Option<String> {
        let (repo, _) = open(root)?;
        Some(repo.head_id().ok()?.to_string())
    }

    /// See [`super::load`].
    pub(super) fn load(root: &Path) -> Option<RawHistory> {
        let (repo, rel) = open(root)?;
        let paths = RECORDS.map(|name| rel.join(AID_DIR).join(name));
        let mut history = RawHistory {
            head: repo.head_id().ok()?.to_string(),
            versions: Vec::new(),
        };
        // Newest first, as the walk goes; reversed at the end.
        for (current, parent) in FirstParent::of(&repo) {
            let blob = records_blob(&current, &paths);
            let parent_blob = parent.as_ref().and_then(|p| records_blob(p, &paths));
            if blob != parent_blob
                && let Some(version) = version(&repo, &current, blob)
            {
                history.versions.push(version);
            }
        }
        history.versions.reverse();
        Some(history)
    }

    /// See [`super::page_dates`]; `None` outside a repository. The walk
    /// ends when every file `HEAD` has is dated; only the trees that differ
    /// from the parent's are read.
    pub(super) fn page_dates<'p>(
        root: &Path,
        paths: impl Iterator<Item = &'p Path>,
    ) -> Option<HashMap<PathBuf, Date>> {
        let (repo, rel) = open(root)?;
        let head = repo.head_commit().ok()?.tree().ok()?;
        // By path in the repository: the path relative to the site root.
        let mut pending: HashMap<PathBuf, &Path> = paths
            .map(|path| (rel.join(path), path))
            .filter(|(in_repo, _)| head.lookup_entry_by_path(in_repo).ok().flatten().is_some())
            .collect();
        let content = rel.join(super::super::CONTENT_DIR);
        let mut dates = HashMap::new();
        for (current, parent) in FirstParent::of(&repo) {
            if pending.is_empty() {
                break;
            }
            let tree = |commit: Option<&gix::Commit>| {
                let entry = commit?.tree().ok()?.lookup_entry_by_path(&content).ok()??;
                entry.mode().is_tree().then(|| entry.object_id())
            };
            let (new, old) = (tree(Some(&current)), tree(parent.as_ref()));
            if new == old {
                continue;
            }
            let mut changed = Vec::new();
            changed_files(&repo, new, old, &content, &mut changed);
            let Some(day) = day(&current).and_then(|d| Date::parse(&d).ok()) else {
                continue;
            };
            for path in changed {
                if let Some(site_path) = pending.remove(&path) {
                    dates.insert(site_path.to_path_buf(), day);
                }
            }
        }
        Some(dates)
    }

    /// Adds to `changed` the files under `path` that the tree `new` has
    /// with another blob than the tree `old` (absent: `None`).
    fn changed_files(
        repo: &gix::Repository,
        new: Option<gix::ObjectId>,
        old: Option<gix::ObjectId>,
        path: &Path,
        changed: &mut Vec<PathBuf>,
    ) {
        let entries = |id: Option<gix::ObjectId>| -> Vec<(String, bool, gix::ObjectId)> {
            let Some(tree) = id.and_then(|id| repo.find_tree(id).ok()) else {
                return Vec::new();
            };
            let Ok(decoded) = tree.decode() else {
                return Vec::new();
            };
            (decoded.entries.iter())
                .filter(|e| e.mode.is_tree() || e.mode.is_blob())
                .filter_map(|e| {
                    let name = std::str::from_utf8(e.filename).ok()?;
                    Some((name.to_string(), e.mode.is_tree(), e.oid.to_owned()))
                })
                .collect()
        };
        let before: HashMap<String, (bool, gix::ObjectId)> = (entries(old).into_iter())
            .map(|(name, is_tree, id)| (name, (is_tree, id)))
            .collect();
        for (name, is_tree, id) in entries(new) {
            let was = before.get(&name).copied();
            if was == Some((is_tree, id)) {
                continue;
            }
            let path = path.join(&name);
            match is_tree {
                true => {
                    let old = was.filter(|(was_tree, _)| *was_tree).map(|(_, id)| id);
                    changed_files(repo, Some(id), old, &path, changed);
                }
                false => changed.push(path),
            }
        }
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
            date: day(commit)?,
            subject: String::from_utf8_lossy(message.summary().as_ref()).into_owned(),
            records,
        })
    }
}
