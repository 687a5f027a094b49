//! The output's files opened without following symbolic links: a link
//! placed in the preview's folder (to `/etc/passwd`, to a folder outside)
//! is a file the server does not have (404), whether it is the file asked
//! for or a folder on its way.
//!
//! Each path is opened one name at a time from the output's folder, every
//! name with `O_NOFOLLOW` (and the folders on the way with `O_DIRECTORY`):
//! the kernel refuses a link at each step, so nothing can swap a folder for
//! a link between a check and the open. This works on every Unix, unlike
//! `openat2`'s `RESOLVE_NO_SYMLINKS` (Linux 5.6 and later, and refused by
//! some containers' filters), and a path of the site is a few names long.
//! The output's folder itself is opened as a path, links and all: `serve`
//! makes it a link to the current build.

use std::future::Future;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use rustix::fs::{Mode, OFlags};
use tokio::io::{AsyncRead, AsyncSeek, ReadBuf};
use tower_http::services::fs::{Backend, File};

/// `root/relative`, opened for reading without following a link below
/// `root`. Only a regular file or a folder is opened: anything else (a
/// named pipe, a device) is not found, as is a link.
pub fn open(root: &Path, path: &Path) -> io::Result<std::fs::File> {
    let relative = path.strip_prefix(root).map_err(|_| not_found())?;
    let flags = OFlags::RDONLY | OFlags::CLOEXEC;
    let mut opened = rustix::fs::open(root, flags | OFlags::DIRECTORY, Mode::empty())?;
    let mut names = relative.components().peekable();
    while let Some(component) = names.next() {
        let Component::Normal(name) = component else {
            return Err(not_found());
        };
        let kind = match names.peek() {
            Some(_) => OFlags::DIRECTORY,
            // NONBLOCK: opening a named pipe would otherwise wait for a
            // writer; it is refused below.
            None => OFlags::NONBLOCK,
        };
        opened = rustix::fs::openat(
            &opened,
            name,
            flags | OFlags::NOFOLLOW | kind,
            Mode::empty(),
        )
        .map_err(|error| match error {
            // A link where O_NOFOLLOW forbids one (ELOOP; ENOTDIR where
            // a folder is wanted), a file where a folder is, or a name
            // longer than the file system takes (ENAMETOOLONG).
            rustix::io::Errno::LOOP
            | rustix::io::Errno::NOTDIR
            | rustix::io::Errno::NAMETOOLONG => not_found(),
            error => io::Error::from(error),
        })?;
    }
    let file = std::fs::File::from(opened);
    let kind = file.metadata()?.file_type();
    if kind.is_file() || kind.is_dir() {
        Ok(file)
    } else {
        Err(not_found())
    }
}

fn not_found() -> io::Error {
    io::Error::new(io::ErrorKind::NotFound, "no such file in the output")
}

/// tower-http's file service's access to the output, through [`open`].
#[derive(Clone, Debug)]
pub struct Beneath {
    root: Arc<PathBuf>,
}

impl Beneath {
    /// The files below `root`, the folder the file service serves.
    pub fn new(root: &Path) -> Beneath {
        Beneath {
            root: Arc::new(root.to_path_buf()),
        }
    }

    /// [`open`] on a thread that may block.
    async fn open(&self, path: PathBuf) -> io::Result<std::fs::File> {
        let root = Arc::clone(&self.root);
        tokio::task::spawn_blocking(move || open(&root, &path))
            .await
            .map_err(io::Error::other)?
    }
}

type Opening<T> = Pin<Box<dyn Future<Output = io::Result<T>> + Send>>;

impl Backend for Beneath {
    type File = OpenFile;
    type Metadata = std::fs::Metadata;
    type OpenFuture = Opening<OpenFile>;
    type MetadataFuture = Opening<std::fs::Metadata>;

    fn open(&self, path: PathBuf) -> Self::OpenFuture {
        let this = self.clone();
        Box::pin(async move {
            let file = this.open(path).await?;
            Ok(OpenFile(tokio::fs::File::from_std(file)))
        })
    }

    fn metadata(&self, path: PathBuf) -> Self::MetadataFuture {
        let this = self.clone();
        Box::pin(async move { this.open(path).await?.metadata() })
    }
}

/// A file opened by [`Beneath`].
#[derive(Debug)]
pub struct OpenFile(tokio::fs::File);

impl AsyncRead for OpenFile {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl AsyncSeek for OpenFile {
    fn start_seek(mut self: Pin<&mut Self>, position: io::SeekFrom) -> io::Result<()> {
        Pin::new(&mut self.0).start_seek(position)
    }

    fn poll_complete(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<u64>> {
        Pin::new(&mut self.0).poll_complete(cx)
    }
}

impl File for OpenFile {
    type Metadata = std::fs::Metadata;
    type MetadataFuture<'a> =
        Pin<Box<dyn Future<Output = io::Result<std::fs::Metadata>> + Send + 'a>>;

    fn metadata(&self) -> Self::MetadataFuture<'_> {
        Box::pin(self.0.metadata())
    }
}

#[cfg(test)]
mod tests {
    use super::open;
    use std::io::Read;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_below_the_root_are_not_followed_and_the_root_may_be_one() {
        let folder = tempfile::tempdir().unwrap();
        let build = folder.path().join("build");
        std::fs::create_dir_all(build.join("kk")).unwrap();
        std::fs::write(build.join("kk/index.html"), "сәлем").unwrap();
        std::fs::write(folder.path().join("secret"), "secret").unwrap();
        symlink(folder.path().join("secret"), build.join("passwd")).unwrap();
        symlink(build.join("kk"), build.join("linked")).unwrap();
        // serve's output is a link to the current build.
        let root = folder.path().join("site");
        symlink(&build, &root).unwrap();

        let mut text = String::new();
        open(&root, &root.join("kk/index.html"))
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "сәлем");
        assert!(
            open(&root, &root.join("kk"))
                .unwrap()
                .metadata()
                .unwrap()
                .is_dir()
        );
        assert!(open(&root, &root).unwrap().metadata().unwrap().is_dir());
        for refused in [
            "passwd",
            "linked",
            "linked/index.html",
            "kk/../passwd",
            "nothing",
            "kk/index.html/x",
            "a".repeat(300).as_str(),
        ] {
            let error = open(&root, &root.join(refused)).unwrap_err();
            assert_eq!(error.kind(), std::io::ErrorKind::NotFound, "{refused}");
        }
        let outside = open(&root, folder.path()).unwrap_err();
        assert_eq!(outside.kind(), std::io::ErrorKind::NotFound);
    }
}
