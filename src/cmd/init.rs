//! `aqparat init` and `aqparat theme eject`: files written, then what to
//! do next.

use std::path::Path;
use std::process::ExitCode;

use aqparat::init::{self, NewSite};
use aqparat::messages::{Arg, Message};
use aqparat::msg;

/// Makes a new site in `dir`; 0 done, 2 refused or not written.
pub fn new_site(dir: &Path, site: &NewSite) -> ExitCode {
    report(init::new_site(dir, site), |files| {
        let files = Arg::count(files.len());
        let shown = dir.display().to_string();
        // An aqparat built without `serve` builds the site into public/.
        let subcommand = if cfg!(feature = "serve") {
            "serve"
        } else {
            "build"
        };
        let command = format!("aqparat {subcommand} --root {}", shell_word(&shown));
        msg!("init-done", dir = shown, command = command, files = files)
    })
}

/// `word` as one word of a shell command: as it is when it holds only
/// letters, digits and `_-./+,:@%`, else in single quotes (a quote in it
/// written `'\''`), so that the command shown can be pasted.
fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_alphanumeric() || "_-./+,:@%".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        return word.to_string();
    }
    format!("'{}'", word.replace('\'', "'\\''"))
}

/// Copies the built-in theme into the site in `root`, into the folder of
/// the theme its `site.yaml` names; 0 done, 2 refused.
pub fn eject(root: &Path) -> ExitCode {
    report(init::eject(root), |ejected| {
        let dir = root.join(&ejected.dir).display().to_string();
        let files = Arg::count(ejected.files.len());
        match ejected.named {
            Some(name) => msg!("eject-done-named", dir = dir, files = files, name = name),
            None => msg!("eject-done", dir = dir, files = files),
        }
    })
}

/// Says what `written` did: `done` with it (exit 0), or why nothing was
/// (exit 2).
fn report<T, E: std::fmt::Display>(
    written: Result<T, E>,
    done: impl FnOnce(T) -> Message,
) -> ExitCode {
    match written {
        Ok(written) => {
            aqparat::tell!("{}", done(written));
            ExitCode::SUCCESS
        }
        Err(error) => {
            aqparat::tell!("aqparat: {error}");
            ExitCode::from(2)
        }
    }
}
