//! Fatal errors: what stops a run before it could report on the site.
//!
//! A problem in the site's files is a [`crate::diag::Diagnostic`]: the run
//! goes on and reports them all. An [`Error`] is a problem with where the
//! run happens — an output folder it may not replace, a disk it cannot
//! write, a search indexer that failed — and ends the run; `main` makes it
//! exit code 2. Each message names the path concerned and says what to do.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::messages::Lang;
use crate::msg;
use crate::write::Refused;

/// A failure that ends a run of the pipeline.
#[derive(Debug)]
pub enum Error {
    /// The output folder may not be published to (see
    /// [`crate::write::check_output`]); nothing was written.
    Refused(Refused),
    /// The site could not be written to, or published as, `output`.
    Output {
        /// The output folder (`--output`).
        output: PathBuf,
        /// What the system said; it names the file when one is concerned.
        source: io::Error,
    },
    /// The search index of the site published to `output` could not be
    /// made or written.
    Search {
        /// The output folder (`--output`).
        output: PathBuf,
        /// What the indexer or the system said.
        source: io::Error,
    },
}

impl Error {
    /// A failure to write or publish the site into `output`.
    pub(crate) fn output(output: &Path) -> impl FnOnce(io::Error) -> Error + '_ {
        // A refusal says what to do itself.
        |source| match source.downcast::<Refused>() {
            Ok(refused) => Error::Refused(refused),
            Err(source) => Error::Output {
                output: output.to_path_buf(),
                source,
            },
        }
    }

    /// A failure to make or write the search index of `output`.
    pub(crate) fn search(output: &Path) -> impl FnOnce(io::Error) -> Error + '_ {
        |source| match source.downcast::<Refused>() {
            Ok(refused) => Error::Refused(refused),
            Err(source) => Error::Search {
                output: output.to_path_buf(),
                source,
            },
        }
    }
}

impl Error {
    /// What went wrong and what to do, in `lang` (the `serve` overlay shows
    /// it in the page's language).
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            Error::Refused(refused) => refused.in_lang(lang),
            Error::Output { output, source } => msg!(
                "cannot-write-output",
                output = output.display().to_string(),
                error = source.to_string(),
                advice = output_advice(output, source.kind())
            )
            .in_lang(lang),
            Error::Search { output, source } => msg!(
                "cannot-make-search-index",
                output = output.display().to_string(),
                error = source.to_string(),
                advice = match source.kind() {
                    io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                        msg!("search-advice-room")
                    }
                    _ => msg!("search-advice-any"),
                }
            )
            .in_lang(lang),
        }
    }
}

impl fmt::Display for Error {
    /// The error in this run's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::current()))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Refused(refused) => Some(refused),
            Error::Output { source, .. } | Error::Search { source, .. } => Some(source),
        }
    }
}

impl From<Refused> for Error {
    fn from(refused: Refused) -> Error {
        Error::Refused(refused)
    }
}

/// What to do when looking at or writing the output `output` failed with
/// an error of `kind`. A name too long is the `--output` path's own when
/// that path is too long whatever the site holds: then only it is to
/// change.
pub(crate) fn output_advice(output: &Path, kind: io::ErrorKind) -> crate::messages::Message {
    use io::ErrorKind::*;
    match kind {
        StorageFull | QuotaExceeded | FileTooLarge => msg!("output-advice-room"),
        PermissionDenied | ReadOnlyFilesystem => msg!("output-advice-permission"),
        InvalidFilename if crate::write::is_too_long(output) => msg!("output-advice-output-name"),
        InvalidFilename => msg!("output-advice-name"),
        AlreadyExists | NotFound | NotADirectory if let Some(link) = link_to_nowhere(output) => {
            msg!(
                "output-advice-link-to-nowhere",
                link = link.display().to_string()
            )
        }
        NotADirectory => match file_in_the_way(output) {
            Some(file) => msg!(
                "output-advice-not-folder",
                file = file.display().to_string()
            ),
            None => msg!("output-advice-any"),
        },
        _ => msg!("output-advice-any"),
    }
}

/// A symbolic link on the way to `output` (or it) that leads nowhere,
/// whose folder cannot be made through it.
fn link_to_nowhere(output: &Path) -> Option<&Path> {
    on_the_way(output, |path| {
        path.is_symlink() && std::fs::metadata(path).is_err()
    })
}

/// The file on the way to `output` where a folder should be
/// (`notes.txt` of `--output notes.txt/site`), if there is one.
fn file_in_the_way(output: &Path) -> Option<&Path> {
    on_the_way(output, |path| {
        std::fs::metadata(path).is_ok_and(|meta| !meta.is_dir())
    })
}

/// The first of `output` and the folders holding it that `is`.
fn on_the_way(output: &Path, is: impl Fn(&Path) -> bool) -> Option<&Path> {
    (output.ancestors())
        .filter(|path| !path.as_os_str().is_empty())
        .find(|path| is(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_output_and_what_to_do() {
        let denied = || io::Error::new(io::ErrorKind::PermissionDenied, "public/a: denied");
        let output = Error::output(Path::new("public"))(denied()).in_lang(Lang::En);
        assert!(output.starts_with("cannot write the site to public: public/a: denied;"));
        assert!(output.contains("--output"), "{output}");
        let search = Error::search(Path::new("public"))(denied()).in_lang(Lang::En);
        assert!(search.contains("search: false"), "{search}");
    }

    /// A full disk is told to be freed, a name too long to be shortened,
    /// a refusal to be checked: not one advice for every failure.
    #[test]
    fn the_advice_follows_what_failed() {
        let failed = |kind| io::Error::new(kind, "public/a");
        let output = |kind| Error::output(Path::new("public"))(failed(kind)).in_lang(Lang::En);
        let search = |kind| Error::search(Path::new("public"))(failed(kind)).in_lang(Lang::En);
        let full = io::ErrorKind::StorageFull;
        assert!(output(full).ends_with("free space on the disk, or choose another --output"));
        assert!(search(full).ends_with("Free space on the disk, then build again"));
        assert!(!search(full).contains("search: false"));
        let dir = tempfile::tempdir().expect("temp");
        let notes = dir.path().join("notes.txt");
        std::fs::write(&notes, "mine").expect("write");
        let under = Error::output(&notes.join("site"))(failed(io::ErrorKind::NotADirectory));
        assert!(
            under.in_lang(Lang::En).ends_with(&format!(
                "{} is a file, not a folder, so nothing can be made inside it: choose another --output",
                notes.display()
            )),
            "{}",
            under.in_lang(Lang::En)
        );
        std::os::unix::fs::symlink("nowhere", dir.path().join("gone")).expect("link");
        let through =
            Error::output(&dir.path().join("gone/out"))(failed(io::ErrorKind::AlreadyExists));
        assert!(
            (through.in_lang(Lang::En)).contains("is a symbolic link that leads nowhere"),
            "{}",
            through.in_lang(Lang::En)
        );
        let long = output(io::ErrorKind::InvalidFilename);
        assert!(
            long.contains("longer than the file system allows"),
            "{long}"
        );
        assert!(long.contains("content's files"), "{long}");
        // The output's own path too long: only it is to change.
        for path in [
            "x".repeat(300),
            format!("{}/public", "y".repeat(256)),
            "z".repeat(250),
        ] {
            let error = io::Error::new(io::ErrorKind::InvalidFilename, "too long");
            let long = Error::output(Path::new(&path))(error).in_lang(Lang::En);
            assert!(long.ends_with("choose a shorter --output"), "{long}");
            assert!(!long.contains("content"), "{long}");
        }
        let denied = output(io::ErrorKind::PermissionDenied);
        assert!(
            denied.contains("check that you may write there"),
            "{denied}"
        );
    }
}
