//! The preview server of `aqparat serve`: the built site over HTTP, with a
//! small script injected into HTML pages that reloads them after each build
//! and shows build errors over the last good page.

mod beneath;
mod connections;
mod ranges;
mod server;

pub use server::{BuildState, Failure, Server};

use std::path::PathBuf;

/// A new folder for this process's builds in the system's temporary folder,
/// made by this call and readable by its user alone: never one that was
/// there, which `serve` would delete when it stops.
pub fn private_folder() -> std::io::Result<PathBuf> {
    use std::os::unix::fs::DirBuilderExt;
    let temporary = std::env::temp_dir();
    let mut attempt = 0;
    loop {
        let name = format!("aqparat-serve-{}-{attempt}", std::process::id());
        let folder = temporary.join(name);
        match std::fs::DirBuilder::new().mode(0o700).create(&folder) {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 1000 => {
                attempt += 1;
            }
            made => return made.map(|()| folder),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_preview_folder_is_never_one_that_was_there() {
        let taken = std::env::temp_dir().join(format!("aqparat-serve-{}-0", std::process::id()));
        std::fs::create_dir_all(&taken).unwrap();
        std::fs::write(taken.join("thesis.txt"), "precious").unwrap();
        let made = super::private_folder().unwrap();
        assert_ne!(made, taken);
        let mode = std::fs::metadata(&made).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "readable by its user alone");
        assert_eq!(
            std::fs::read_to_string(taken.join("thesis.txt")).unwrap(),
            "precious"
        );
        std::fs::remove_dir_all(made).unwrap();
        std::fs::remove_dir_all(taken).unwrap();
    }
}
