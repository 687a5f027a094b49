//! Where rendered files go: a staging directory, or nowhere (for `check`).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// The destination of rendered files.
pub enum Output {
    /// Files are written under `staging`, then published to `destination`.
    Staging {
        /// The directory being filled.
        staging: PathBuf,
        /// The output directory it will replace.
        destination: PathBuf,
        /// Set once published, so that dropping does not delete it.
        published: AtomicBool,
    },
    /// Files are rendered and dropped: `check` writes nothing.
    Discard,
}

impl Output {
    /// A fresh staging directory beside `destination`, on the same file
    /// system so that publishing is a rename.
    pub fn staging(destination: &Path) -> io::Result<Output> {
        let name = destination
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().to_string());
        let parent = match destination.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging)?;
        }
        fs::create_dir(&staging)?;
        Ok(Output::Staging {
            staging,
            destination: destination.to_path_buf(),
            published: AtomicBool::new(false),
        })
    }

    /// Writes `bytes` at `rel` (a `/`-separated path under the output root).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let Output::Staging { staging, .. } = self else {
            return Ok(());
        };
        let path = staging.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, bytes).map_err(|e| with_path(e, &path))
    }

    /// Copies the file `source` to `rel` under the output root.
    pub fn copy(&self, source: &Path, rel: &Path) -> io::Result<()> {
        let Output::Staging { staging, .. } = self else {
            return Ok(());
        };
        let path = staging.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(source, &path)
            .map(|_| ())
            .map_err(|e| with_path(e, source))
    }

    /// Replaces the destination with the staging directory in one step
    /// (an atomic exchange of the two directories where the system has it),
    /// then removes the old output.
    pub fn publish(self) -> io::Result<()> {
        let Output::Staging {
            staging,
            destination,
            published,
        } = &self
        else {
            return Ok(());
        };
        if destination.is_dir() && !destination.is_symlink() {
            exchange(staging, destination)?;
            published.store(true, Ordering::SeqCst);
            // `staging` now holds the previous output.
            fs::remove_dir_all(staging)?;
        } else {
            if destination.exists() || destination.is_symlink() {
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
