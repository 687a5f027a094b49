//! The `aqparat` binary: parse the command line, run a subcommand, choose
//! the exit code (0 ok, 1 the site has errors, 2 could not run).

mod cli;
mod cmd;

// mimalloc: glibc malloc was a tenth of a large build, mostly contention
// between rendering threads. Its version 2 (the crate's `v2` feature), as
// fast as version 3 here, held a fifth less memory in a build with search.
// Its `no_thp` feature: it does not advise the kernel to back its memory
// with huge pages, which on a kernel that honours only advised ones (THP
// "madvise", as here) made a build with search zero and compact 2 MiB pages
// it gave back and took again: from nothing to a sixth of its wall time,
// by the state of the machine's memory (README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

use cli::{Cli, Command, ThemeAction};

fn main() -> ExitCode {
    let cli = Cli::read();
    aqparat::messages::Lang::choose(cli.lang);
    match cli.command {
        Command::Build {
            site,
            dates,
            output,
            base_url,
            drafts,
            fresh,
        } => {
            let Some(mut options) = options(site.root, dates) else {
                return ExitCode::from(2);
            };
            if let Some(output) = output {
                options.set_output(output);
            }
            options.base_url = base_url;
            options.drafts = drafts_option(drafts);
            options.fresh = fresh;
            cmd::build::run(&options, cmd::build::Goal::Build)
        }
        Command::Check {
            site,
            dates,
            strict,
            drafts,
            external,
            external_args,
        } => {
            let Some(mut options) = options(site.root, dates) else {
                return ExitCode::from(2);
            };
            options.strict = strict;
            options.drafts = drafts_option(drafts);
            if external && !cfg!(feature = "external") {
                aqparat::tell!("aqparat: {}", aqparat::msg!("external-not-built"));
                return ExitCode::from(2);
            }
            options.external = external.then(|| external_args.settings());
            cmd::build::run(&options, cmd::build::Goal::Check)
        }
        #[cfg(feature = "serve")]
        Command::Serve {
            site,
            dates,
            bind,
            port,
            drafts,
        } => {
            let Some(mut options) = options(site.root, dates) else {
                return ExitCode::from(2);
            };
            options.drafts = drafts_option(drafts);
            options.search_indexer = std::env::current_exe().ok();
            cmd::serve::run(options, std::net::SocketAddr::new(bind, port))
        }
        #[cfg(not(feature = "serve"))]
        Command::Serve { .. } => {
            aqparat::tell!("aqparat: {}", aqparat::msg!("serve-not-built"));
            ExitCode::from(2)
        }
        Command::Watch {
            site,
            dates,
            output,
            base_url,
            poll,
        } => {
            let Some(mut options) = options(site.root, dates) else {
                return ExitCode::from(2);
            };
            options.set_output(output);
            options.base_url = base_url;
            options.publish = aqparat::write::Publish::Link;
            options.search_indexer = std::env::current_exe().ok();
            let notice = match poll {
                true => aqparat::watch::Notice::Polling,
                false => aqparat::watch::Notice::Events,
            };
            cmd::watch::run(&options, notice)
        }
        Command::Init {
            dir,
            languages,
            default_language,
            title,
            base_url,
            statistics,
        } => {
            let site = aqparat::init::NewSite {
                languages,
                default_language,
                title,
                base_url,
                statistics,
            };
            cmd::init::new_site(&dir, &site)
        }
        Command::Theme {
            action: ThemeAction::Eject { site },
        } => match is_a_folder(&site.root) {
            true => cmd::init::eject(&site.root),
            false => ExitCode::from(2),
        },
        #[cfg(feature = "search")]
        Command::SearchIndex { site } => {
            match aqparat::search_index(std::io::stdin(), std::io::stdout(), site.as_deref()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    aqparat::tell!("aqparat: search index: {error}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

/// The options for the site in `root`, with `--future` of `dates`, the
/// build date of `SOURCE_DATE_EPOCH` and the clock of `AQPARAT_NOW`;
/// `None`, said, when one of those is not what it must be.
fn options(root: std::path::PathBuf, dates: cli::DateArgs) -> Option<aqparat::Options> {
    if !is_a_folder(&root) {
        return None;
    }
    let mut options = aqparat::Options::new(root);
    options.future = dates.future;
    let from_environment = aqparat::BuildDate::from_environment().and_then(|date| {
        options.build_date = date;
        options.clock = aqparat::clock::Clock::from_environment()?;
        Ok(())
    });
    if let Err(message) = from_environment {
        aqparat::tell!("aqparat: {message}");
        return None;
    }
    Some(options)
}

/// Whether `root` (`--root`) is a folder; else says that it is none, or
/// not there, naming it: aqparat cannot run (exit code 2). A folder
/// without `site.yaml` is a site's problem, reported as such.
fn is_a_folder(root: &std::path::Path) -> bool {
    use aqparat::msg;
    let shown = root.display().to_string();
    let problem = match std::fs::metadata(root) {
        Ok(meta) if meta.is_dir() => return true,
        Ok(_) => msg!("root-not-folder", root = shown),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            msg!("root-missing", root = shown)
        }
        // Told by what reads it.
        Err(_) => return true,
    };
    aqparat::tell!("aqparat: {problem}");
    aqparat::tell!("  = {}: {}", msg!("help"), msg!("no-site-yaml-hint"));
    false
}

/// `--drafts` as the library's option.
fn drafts_option(drafts: bool) -> aqparat::Drafts {
    match drafts {
        true => aqparat::Drafts::Include,
        false => aqparat::Drafts::LeaveOut,
    }
}
