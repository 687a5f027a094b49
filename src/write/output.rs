//! Where rendered files go: a staging directory, or nowhere (for `check`),
//! and how a finished build replaces the previous one.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// How a finished build replaces the previous output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Publish {
    /// The output is a directory; the new build takes its place in one step
    /// (`build`).
    #[default]
    Replace,
    /// The output is a symbolic link to the current build, which lives in
    /// `OUTPUT.builds/`; the link is switched in one step and a web server
    /// reading through it never sees a half-written site (`watch`).
    Link,
}

/// The destination of rendered files.
pub enum Output {
    /// Files are written under `staging`, then published to `destination`.
    Staging {
        /// The directory being filled.
        staging: PathBuf,
        /// The output it will replace.
        destination: PathBuf,
        /// How it replaces it.
        mode: Publish,
        /// Whether it started as a copy (hard links) of the current build:
        /// files are then replaced, never written through, so the current
        /// build stays as it is.
        seeded: bool,
        /// Set once published, so that dropping does not delete it.
        published: AtomicBool,
    },
    /// Files are rendered and dropped: `check` writes nothing.
    Discard,
}

/// `OUTPUT.builds`: where [`Publish::Link`] keeps the builds.
pub fn builds_dir(destination: &Path) -> PathBuf {
    sibling(destination, "builds")
}

/// `OUTPUT.SUFFIX`, beside the output.
pub fn sibling(destination: &Path, suffix: &str) -> PathBuf {
    let name = destination
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().to_string());
    parent_of(destination).join(format!("{name}.{suffix}"))
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

impl Output {
    /// A fresh staging directory on the same file system as `destination`,
    /// so that publishing is a rename: beside it for [`Publish::Replace`],
    /// in `OUTPUT.builds/` for [`Publish::Link`].
    ///
    /// With `seed` and [`Publish::Link`], it starts as a copy of the current
    /// build made of hard links (cheap), so that only what changed needs to
    /// be written; `is_seeded` says whether that happened.
    pub fn staging(destination: &Path, mode: Publish, seed: bool) -> io::Result<Output> {
        let staging = match mode {
            Publish::Replace => {
                let name = destination
                    .file_name()
                    .map_or_else(|| "public".into(), |n| n.to_string_lossy().to_string());
                parent_of(destination).join(format!(".{name}.staging-{}", std::process::id()))
            }
            Publish::Link => {
                let nanos = SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos());
                builds_dir(destination).join(format!("build-{nanos}-{}", std::process::id()))
            }
        };
        if staging.exists() {
            fs::remove_dir_all(&staging)?;
        }
        let current = fs::canonicalize(destination)
            .ok()
            .filter(|_| destination.is_symlink());
        let seeded = match current {
            Some(current) if seed && mode == Publish::Link => {
                link_tree(&current, &staging)?;
                true
            }
            _ => {
                fs::create_dir_all(&staging)?;
                false
            }
        };
        Ok(Output::Staging {
            staging,
            destination: destination.to_path_buf(),
            mode,
            seeded,
            published: AtomicBool::new(false),
        })
    }

    /// Whether the staging directory started as a copy of the current build.
    pub fn is_seeded(&self) -> bool {
        matches!(self, Output::Staging { seeded: true, .. })
    }

    /// Removes `rel` (and its folder, when that is left empty).
    pub fn remove(&self, rel: &str) -> io::Result<()> {
        let Output::Staging { staging, .. } = self else {
            return Ok(());
        };
        let path = staging.join(rel);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(with_path(e, &path)),
            _ => {}
        }
        if let Some(parent) = path.parent() {
            // Fails, harmlessly, when other pages live below.
            let _ = fs::remove_dir(parent);
        }
        Ok(())
    }

    /// Writes `bytes` at `rel` (a `/`-separated path under the output root).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let Output::Staging {
            staging, seeded, ..
        } = self
        else {
            return Ok(());
        };
        let path = staging.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        if *seeded {
            // A hard link to the current build: replace it, do not write into it.
            let _ = fs::remove_file(&path);
        }
        fs::write(&path, bytes).map_err(|e| with_path(e, &path))
    }

    /// Copies the file `source` to `rel` under the output root.
    pub fn copy(&self, source: &Path, rel: &Path) -> io::Result<()> {
        let Output::Staging {
            staging, seeded, ..
        } = self
        else {
            return Ok(());
        };
        let path = staging.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        if *seeded {
            let _ = fs::remove_file(&path);
        }
        fs::copy(source, &path)
            .map(|_| ())
            .map_err(|e| with_path(e, source))
    }

    /// Makes the staged build the output, in one step.
    pub fn publish(self) -> io::Result<()> {
        let Output::Staging {
            staging,
            destination,
            mode,
            published,
            ..
        } = &self
        else {
            return Ok(());
        };
        match mode {
            Publish::Replace => replace(staging, destination, published),
            Publish::Link => link(staging, destination, published),
        }
    }
}

/// Swaps the staged directory with the output directory, then deletes the
/// old output.
fn replace(staging: &Path, destination: &Path, published: &AtomicBool) -> io::Result<()> {
    if destination.is_symlink() {
        return Err(io::Error::other(format!(
            "{} is a link to the builds of `aqparat watch`; publish there with `watch`, or choose another --output",
            destination.display()
        )));
    }
    if destination.is_dir() {
        exchange(staging, destination)?;
        published.store(true, Ordering::SeqCst);
        // `staging` now holds the previous output.
        fs::remove_dir_all(staging)?;
    } else {
        if destination.exists() {
            return Err(io::Error::other(format!(
                "{} exists and is not a directory; remove it or choose another --output",
                destination.display()
            )));
        }
        fs::rename(staging, destination)?;
        published.store(true, Ordering::SeqCst);
    }
    Ok(())
}

/// Points the output link at the staged build (a new link renamed over the
/// old one), then deletes builds older than the previous one: a reader that
/// followed the old link a moment ago can still finish reading it.
fn link(staging: &Path, destination: &Path, published: &AtomicBool) -> io::Result<()> {
    let builds = builds_dir(destination);
    let previous = fs::read_link(destination).ok();
    if destination.is_dir() && !destination.is_symlink() {
        // An output made by `build`: keep it as the previous build.
        let kept = builds.join("previous-output");
        if kept.exists() {
            fs::remove_dir_all(&kept)?;
        }
        fs::rename(destination, &kept)?;
    }
    let target = staging
        .strip_prefix(parent_of(destination))
        .unwrap_or(staging);
    let new_link = sibling(destination, &format!("link-{}", std::process::id()));
    let _ = fs::remove_file(&new_link);
    std::os::unix::fs::symlink(target, &new_link)?;
    fs::rename(&new_link, destination)?;
    published.store(true, Ordering::SeqCst);
    let keep = |path: &Path| {
        path == staging
            || previous
                .as_ref()
                .is_some_and(|p| parent_of(destination).join(p) == path)
    };
    for entry in fs::read_dir(&builds)?.flatten() {
        let path = entry.path();
        if !keep(&path) {
            let _ = fs::remove_dir_all(&path);
        }
    }
    Ok(())
}

impl Drop for Output {
    /// An unpublished staging directory is removed: a failed build leaves
    /// nothing behind.
    fn drop(&mut self) {
        if let Output::Staging {
            staging, published, ..
        } = self
            && !published.load(Ordering::SeqCst)
        {
            let _ = fs::remove_dir_all(staging);
        }
    }
}

/// Recreates the folders of `from` under `to`, with every file a hard link.
fn link_tree(from: &Path, to: &Path) -> io::Result<()> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.map_err(io::Error::other)?;
        let rel = entry.path().strip_prefix(from).unwrap_or(entry.path());
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)?;
        } else {
            fs::hard_link(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Swaps two directories atomically (Linux `renameat2(RENAME_EXCHANGE)`);
/// elsewhere, or on file systems without it, moves the old one aside first.
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok() {
            return Ok(());
        }
    }
    let aside = a.with_extension("old");
    fs::rename(b, &aside)?;
    fs::rename(a, b)?;
    fs::rename(&aside, a)
}

fn with_path(error: io::Error, path: &Path) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}
