//! The `aqparat` binary: parse the command line, run the library, print the
//! diagnostics, choose the exit code (0 ok, 1 the site has errors, 2 could
//! not run).

mod cli;

// mimalloc: glibc malloc was a tenth of a large build, mostly contention
// between rendering threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;
use std::time::Instant;

use aqparat::diag::{Severity, display_path};
use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let (options, publish) = cli.command.options();
    let started = Instant::now();
    let result = if publish {
        aqparat::build(&options)
    } else {
        aqparat::check(&options)
    };
    let report = match result {
        Ok(report) => report,
        Err(error) => {
            eprintln!("aqparat: {error}");
            return ExitCode::from(2);
        }
    };
    for diagnostic in &report.diagnostics {
        eprintln!("{diagnostic}\n");
    }
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let seconds = started.elapsed().as_secs_f64();
    let output = display_path(&options.output);
    if report.failed {
        let mut summary = format!("{errors} error(s), {warnings} warning(s)");
        if options.strict && errors == 0 {
            summary.push_str(" (warnings count as errors with --strict)");
        }
        if publish {
            eprintln!("build failed: {summary}; nothing was written, {output} is unchanged");
        } else {
            eprintln!("check failed: {summary}");
        }
        ExitCode::from(1)
    } else {
        if publish {
            eprintln!(
                "built {} pages into {output} in {seconds:.2} s ({warnings} warning(s))",
                report.pages
            );
        } else {
            eprintln!(
                "checked {} pages in {seconds:.2} s: no errors, {warnings} warning(s)",
                report.pages
            );
        }
        ExitCode::SUCCESS
    }
}
