//! `aqparat serve`: build into a temporary folder, serve it, rebuild on
//! change and reload the browsers; a broken edit shows its errors over the
//! last good page and in the terminal.

use std::net::SocketAddr;
use std::process::ExitCode;

use aqparat::serve::{BuildState, Failure, Server};
use aqparat::{msg, watch};

use super::build::{Goal, print_report, summary};

/// Serves the site on `address` until interrupted.
pub fn run(mut options: aqparat::Options, address: SocketAddr) -> ExitCode {
    let output = match aqparat::serve::private_folder() {
        Ok(output) => output,
        Err(error) => {
            let folder = std::env::temp_dir().display().to_string();
            let message = msg!(
                "serve-no-folder",
                folder = folder,
                error = error.to_string()
            );
            aqparat::tell!("aqparat: {message}");
            return ExitCode::from(2);
        }
    };
    options.output = output.join("site");
    // Published through a link, like `watch`: unchanged pages are carried
    // over from build to build.
    options.publish = aqparat::write::Publish::Link;
    let server = match Server::start(address, &options.output) {
        Ok(server) => server,
        Err(error) => {
            let message = msg!(
                "serve-cannot-listen",
                address = address.to_string(),
                error = error.to_string()
            );
            aqparat::tell!("aqparat: {message}");
            let _ = std::fs::remove_dir(&output);
            return ExitCode::from(2);
        }
    };
    // Links must lead to this server, whatever site.yaml says, under the
    // path the site is published at.
    let origin = server.origin();
    options.serve_origin = Some(origin.clone());
    let stop = match super::stop_flag() {
        Ok(stop) => stop,
        Err(error) => {
            aqparat::tell!("aqparat: {error}");
            let _ = std::fs::remove_dir(&output);
            return ExitCode::from(2);
        }
    };
    let serving = msg!(
        "serving",
        root = options.root.display().to_string(),
        url = format!("{origin}/")
    );
    aqparat::tell!("{serving}");
    if !server.address.ip().to_canonical().is_loopback() {
        let address = server.address.to_string();
        aqparat::tell!("{}", msg!("serve-open-to-network", address = address));
    }
    let mut after_build = |build: &watch::Build| match &build.result {
        Ok(report) => {
            if let Some(base_path) = &report.base_path {
                server.serve_under(base_path);
            }
            print_report(report);
            aqparat::tell!(
                "{}",
                summary(&options, report, Goal::Build, build.duration.as_secs_f64())
            );
            if report.failed {
                let errors = |lang| {
                    let errors = report.diagnostics.iter().filter(|d| d.is_error());
                    errors.map(|d| d.in_lang(lang).to_string()).collect()
                };
                server.announce(BuildState::Failed(Failure::new(errors)));
            } else {
                server.announce(BuildState::Ok);
            }
        }
        Err(error) => {
            aqparat::tell!("aqparat: {error}");
            server.announce(BuildState::Failed(Failure::new(|lang| {
                vec![error.in_lang(lang)]
            })));
        }
    };
    let result = watch::run(
        &options.clone(),
        watch::Notice::Events,
        &stop,
        &mut after_build,
    );
    server.stop();
    let _ = std::fs::remove_dir_all(&output);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            aqparat::tell!("aqparat: {error}");
            ExitCode::from(2)
        }
    }
}
