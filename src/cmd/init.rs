//! `aqparat init` and `aqparat theme eject`: files written, then what to
//! do next.

use std::path::Path;
use std::process::ExitCode;

use aqparat::init::{self, NewSite};
use aqparat::messages::Arg;
use aqparat::msg;

/// Makes a new site in `dir`; 0 done, 2 refused or not written.
pub fn new_site(dir: &Path, site: &NewSite) -> ExitCode {
    match init::new_site(dir, site) {
        Ok(files) => {
            let message = msg!(
                "init-done",
                dir = dir.display().to_string(),
                files = Arg::count(files.len())
            );
            eprintln!("{message}");
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
            let message = msg!(
                "eject-done",
                dir = root.join("themes/default").display().to_string(),
                files = Arg::count(files.len())
            );
            eprintln!("{message}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("aqparat: {error}");
            ExitCode::from(2)
        }
    }
}
