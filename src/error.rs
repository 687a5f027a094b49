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
        |source| Error::Output {
            output: output.to_path_buf(),
            source,
        }
    }

    /// A failure to make or write the search index of `output`.
    pub(crate) fn search(output: &Path) -> impl FnOnce(io::Error) -> Error + '_ {
        |source| Error::Search {
            output: output.to_path_buf(),
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Refused(refused) => refused.fmt(f),
            Error::Output { output, source } => write!(
                f,
                "cannot write the site to {}: {source}; check that the disk has room and that \
                 you may write there, or choose another --output",
                output.display()
            ),
            Error::Search { output, source } => write!(
                f,
                "cannot make the search index of {}: {source}; nothing was published. Build \
                 again, or set `search: false` in site.yaml to publish without a search index",
                output.display()
            ),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_output_and_what_to_do() {
        let denied = || io::Error::new(io::ErrorKind::PermissionDenied, "public/a: denied");
        let output = Error::output(Path::new("public"))(denied()).to_string();
        assert!(output.starts_with("cannot write the site to public: public/a: denied;"));
        assert!(output.contains("--output"), "{output}");
        let search = Error::search(Path::new("public"))(denied()).to_string();
        assert!(search.contains("search: false"), "{search}");
    }
}
