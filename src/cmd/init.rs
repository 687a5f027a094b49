//! `aqparat init` and `aqparat theme eject`: files written, then what to
//! do next.

use std::path::Path;
use std::process::ExitCode;

use aqparat::init::{self, NewSite};

/// Makes a new site in `dir`; 0 done, 2 refused or not written.
pub fn new_site(dir: &Path, site: &NewSite) -> ExitCode {
    match init::new_site(dir, site) {
        Ok(files) => {
            eprintln!(
                "made a new site in {} ({} files). Next:\n  aqparat serve --root {}\nto see it, then edit content/ (the guide for staff is content/guide.*.md)",
                dir.display(),
                files.len(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("aqparat: {error}");
            ExitCode::from(2)
        }
    }
}

/// Copies the built-in theme into the site in `root`; 0 done, 2 refused.
pub fn eject(root: &Path) -> ExitCode {
    match init::eject(root) {
        Ok(files) => {
            eprintln!(
                "copied the built-in theme into {} ({} files): the site now uses that copy, over the built-in theme; change what you like",
                root.join("themes/default").display(),
                files.len()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("aqparat: {error}");
            ExitCode::from(2)
        }
    }
}
