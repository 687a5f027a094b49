//! `aqparat build` and `aqparat check`: one run of the pipeline, its
//! diagnostics printed, then a summary line.

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use aqparat::diag::{Severity, display_path};
use aqparat::messages::{Arg, Message};
use aqparat::{Options, Report, msg};

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
            aqparat::tell!("aqparat: {error}");
            return ExitCode::from(2);
        }
    };
    print_report(&report);
    if let Some(external) = report.external {
        let line = msg!(
            "external-summary",
            asked = Arg::count(external.asked),
            cached = Arg::count(external.cached),
            dead = Arg::count(external.dead)
        );
        aqparat::tell!("{line}");
    }
    aqparat::tell!(
        "{}",
        summary(options, &report, goal, started.elapsed().as_secs_f64())
    );
    if let Some(line) = waiting(&report) {
        aqparat::tell!("{line}");
    }
    if let (encoded, cached) = report.images
        && encoded + cached > 0
    {
        let images = msg!(
            "built-images",
            encoded = Arg::count(encoded),
            cached = Arg::count(cached)
        );
        aqparat::tell!("{images}");
    }
    if report.failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints every diagnostic, separated by blank lines.
pub fn print_report(report: &Report) {
    for diagnostic in &report.diagnostics {
        let _ = writeln!(anstream::stderr(), "{}\n", diagnostic.styled());
    }
}

/// How many pages wait for their date, and the files of the latest few
/// with their days: a date mistyped years ahead hides a page, and this
/// names it.
fn waiting(report: &Report) -> Option<Message> {
    const SHOWN: usize = 3;
    if report.waiting.is_empty() {
        return None;
    }
    let pages = (report.waiting.iter().take(SHOWN))
        .map(|w| format!("{} ({})", display_path(&w.path), w.day))
        .collect::<Vec<_>>()
        .join(", ");
    let more = match report.waiting.len().saturating_sub(SHOWN) {
        0 => Message::default(),
        n => msg!("built-waiting-more", count = Arg::count(n)),
    };
    Some(msg!(
        "built-waiting",
        count = Arg::count(report.waiting.len()),
        pages = pages,
        more = more
    ))
}

/// One line: what happened, with the counts.
pub fn summary(options: &Options, report: &Report, goal: Goal, seconds: f64) -> String {
    let errors = report.count(Severity::Error);
    let warnings = msg!(
        "count-warnings",
        count = Arg::count(report.count(Severity::Warning))
    );
    let output = display_path(&options.output);
    let strict = strict_note(options, errors);
    let errors = msg!("count-errors", count = Arg::count(errors));
    let pages = report.pages.to_string();
    match (report.failed, goal) {
        (true, Goal::Build) => msg!(
            "build-failed",
            errors = errors,
            warnings = warnings,
            strict = strict,
            output = output
        ),
        (true, Goal::Check) => msg!(
            "check-failed",
            errors = errors,
            warnings = warnings,
            strict = strict
        ),
        (false, Goal::Build) if report.rendered < report.pages => msg!(
            "built-some",
            pages = pages,
            rendered = report.rendered.to_string(),
            output = output,
            seconds = Arg::decimal(seconds, 3),
            warnings = warnings
        ),
        (false, Goal::Build) => msg!(
            "built",
            pages = pages,
            output = output,
            seconds = Arg::decimal(seconds, 2),
            warnings = warnings
        ),
        (false, Goal::Check) => msg!(
            "checked",
            pages = pages,
            seconds = Arg::decimal(seconds, 2),
            warnings = warnings
        ),
    }
    .to_string()
}

fn strict_note(options: &Options, errors: usize) -> Message {
    if options.strict && errors == 0 {
        msg!("strict-note")
    } else {
        Message::default()
    }
}
