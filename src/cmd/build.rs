//! `aqparat build` and `aqparat check`: one run of the pipeline, its
//! diagnostics printed, then a summary line.

use std::process::ExitCode;
use std::time::Instant;

use aqparat::diag::{Severity, display_path};
use aqparat::{Options, Report};

/// What a run does with the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    /// `aqparat build`: build and publish it.
    Build,
    /// `aqparat check`: find its problems, write nothing.
    Check,
}

/// Builds or checks the site; 0 ok, 1 errors, 2 could not run.
pub fn run(options: &Options, goal: Goal) -> ExitCode {
    let started = Instant::now();
    let result = match goal {
        Goal::Build => aqparat::build(options),
        Goal::Check => aqparat::check(options),
    };
    let report = match result {
        Ok(report) => report,
        // An output refused, a disk that cannot be written: nothing about
        // the site, which could not be built.
        Err(error) => {
            eprintln!("aqparat: {error}");
            return ExitCode::from(2);
        }
    };
    print_report(&report);
    eprintln!(
        "{}",
        summary(options, &report, goal, started.elapsed().as_secs_f64())
    );
    if report.failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints every diagnostic, separated by blank lines.
pub fn print_report(report: &Report) {
    for diagnostic in &report.diagnostics {
        anstream::eprintln!("{}\n", diagnostic.styled());
    }
}

/// One line: what happened, with the counts.
pub fn summary(options: &Options, report: &Report, goal: Goal, seconds: f64) -> String {
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let output = display_path(&options.output);
    match (report.failed, goal) {
        (true, Goal::Build) => format!(
            "build failed: {errors} error(s), {warnings} warning(s){}; nothing was written, {output} is unchanged",
            strict_note(options, errors)
        ),
        (true, Goal::Check) => format!(
            "check failed: {errors} error(s), {warnings} warning(s){}",
            strict_note(options, errors)
        ),
        (false, Goal::Build) if report.rendered < report.pages => format!(
            "built {} pages ({} rendered, the rest unchanged) into {output} in {seconds:.3} s ({warnings} warning(s))",
            report.pages, report.rendered
        ),
        (false, Goal::Build) => format!(
            "built {} pages into {output} in {seconds:.2} s ({warnings} warning(s))",
            report.pages
        ),
        (false, Goal::Check) => format!(
            "checked {} pages in {seconds:.2} s: no errors, {warnings} warning(s)",
            report.pages
        ),
    }
}

fn strict_note(options: &Options, errors: usize) -> &'static str {
    if options.strict && errors == 0 {
        " (warnings count as errors with --strict)"
    } else {
        ""
    }
}
