//! The site's cache of files that take long to make and are named by what
//! they hold (resized images, preview cards): `.aqparat/cache/KIND/` under
//! the site's root. A hidden folder, so never read as input nor watched;
//! its `.gitignore` keeps it out of git. A later build, in the same process
//! or not, takes a file from there (a hard link, or a copy: see
//! [`super::Output::link`]) instead of making it again. A file in it is
//! never written through, only replaced, so the output may share it.
//!
//! The cache only saves time: one that cannot be written (a read-only
//! site folder) is left alone, and a file in it is taken only when it is a
//! regular file (never through a link).

use std::fs;
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};

/// The folder of every cache, under the site's root.
pub const DIR: &str = ".aqparat/cache";

/// One kind of cached file of a site.
#[derive(Clone, Debug)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache of files of `kind` (a folder name) of the site in `root`.
    pub fn new(root: &Path, kind: &str) -> Cache {
        Cache {
            dir: root.join(DIR).join(kind),
        }
    }

    /// The cached file `name`, if the cache has it.
    pub fn get(&self, name: &str) -> Option<PathBuf> {
        let path = self.dir.join(name);
        let is_file = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        is_file.then_some(path)
    }

    /// The bytes of the cached file `name`, if the cache has it and it
    /// can be read.
    pub fn read(&self, name: &str) -> Option<Vec<u8>> {
        fs::read(self.get(name)?).ok()
    }

    /// Keeps `bytes` as `name`, written whole or not at all (a temporary
    /// file renamed).
    pub fn keep(&self, name: &str, bytes: &[u8]) {
        let path = self.dir.join(name);
        let temporary = path.with_extension(format!("tmp{}", std::process::id()));
        let written = self.in_folder(|| fs::write(&temporary, bytes));
        if written.is_ok() && fs::rename(&temporary, &path).is_err() {
            let _ = fs::remove_file(&temporary);
        }
    }

    /// Keeps `bytes` as `name`, written in place: for files whose reader
    /// checks them whole, so a write cut short reads as a damaged file,
    /// not a wrong one. Cheaper than [`Cache::keep`] for many small files.
    /// A file already there is replaced, never written through.
    pub fn keep_checked(&self, name: &str, bytes: &[u8]) {
        let path = self.dir.join(name);
        let create = || {
            let mut file = fs::File::options()
                .write(true)
                .create_new(true)
                .open(&path)?;
            file.write_all(bytes)
        };
        let written = self.in_folder(|| match create() {
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                fs::remove_file(&path)?;
                create()
            }
            done => done,
        });
        if written.is_err() {
            let _ = fs::remove_file(&path);
        }
    }

    /// Runs `write`, and again once the folder is made if it was not
    /// there (the first file of its kind, or the cache deleted since):
    /// making the folder only then spares a look for it with every file.
    fn in_folder(&self, write: impl Fn() -> io::Result<()>) -> io::Result<()> {
        match write() {
            Err(e) if e.kind() == ErrorKind::NotFound => {
                fs::create_dir_all(&self.dir)?;
                if let Some(aqparat) = self.dir.parent().and_then(Path::parent) {
                    let ignore = aqparat.join(".gitignore");
                    if !ignore.exists() {
                        let _ = fs::write(ignore, "# aqparat's cache: not part of the site\n*\n");
                    }
                }
                write()
            }
            done => done,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_file_is_found_and_git_leaves_the_cache_out() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::new(root.path(), "cards");
        assert_eq!(cache.get("a.png"), None);
        cache.keep("a.png", b"png");
        let found = cache.get("a.png").unwrap();
        assert_eq!(fs::read(found).unwrap(), b"png");
        assert_eq!(cache.read("a.png").unwrap(), b"png");
        assert_eq!(cache.read("b.png"), None);
        let ignore = fs::read_to_string(root.path().join(".aqparat/.gitignore")).unwrap();
        assert!(ignore.lines().any(|line| line == "*"), "{ignore}");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_cache_is_not_taken() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::new(root.path(), "cards");
        cache.keep("a.png", b"png");
        let elsewhere = root.path().join("elsewhere.png");
        fs::write(&elsewhere, b"not ours").unwrap();
        let link = root.path().join(DIR).join("cards/b.png");
        std::os::unix::fs::symlink(&elsewhere, link).unwrap();
        assert_eq!(cache.get("b.png"), None);
    }
}
