//! The one pipeline, **load → validate → model → render → write**, that
//! `build` and `check` run. The only module that knows all five stages.

use std::io;
use std::path::Path;

use crate::diag::{self, Diagnostic, Severity};
use crate::write::Output;
use crate::{Options, load, model, render, validate};

/// What a run of the pipeline found and did.
#[derive(Debug)]
pub struct Report {
    /// Every problem found, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// How many pages were rendered.
    pub pages: usize,
    /// Whether a new output was published.
    pub published: bool,
    /// Whether the run failed (errors, or warnings under `strict`).
    pub failed: bool,
}

impl Report {
    /// The number of diagnostics of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Builds the site and publishes it to `options.output`, unless there are
/// errors: then nothing is written and the previous output stays.
///
/// ```no_run
/// let report = aqparat::build(&aqparat::Options::new("my-site")).unwrap();
/// assert!(!report.failed);
/// ```
pub fn build(options: &Options) -> io::Result<Report> {
    run(options, true)
}

/// Runs every stage but `write`: reports every problem, writes nothing.
pub fn check(options: &Options) -> io::Result<Report> {
    run(options, false)
}

fn run(options: &Options, publish: bool) -> io::Result<Report> {
    if publish {
        check_output_location(options)?;
    }
    let (mut sources, mut diagnostics) = load::sources(&options.root);
    diagnostics.extend(validate::sources(&sources, options.drafts));
    let fails = |d: &[Diagnostic]| d.iter().any(|d| d.is_error() || options.strict);
    let Some(config) = sources.config.take() else {
        diag::sort(&mut diagnostics);
        return Ok(Report {
            diagnostics,
            pages: 0,
            published: false,
            failed: true,
        });
    };
    // Statistics with errors are left out of the model; their shortcodes
    // then render as nothing instead of repeating those errors.
    let stats_broken = diagnostics
        .iter()
        .any(|d| d.is_error() && d.path.starts_with(load::AID_DIR));
    let site = model::site(
        sources,
        &config,
        options.base_url.as_deref(),
        options.drafts,
        stats_broken,
    );
    // With errors already found, render anyway to find the rest (broken
    // links, template errors), but into nothing.
    let output = if publish && !fails(&diagnostics) {
        Output::staging(&options.output, options.publish)?
    } else {
        Output::Discard
    };
    let rendered = render::site(&site, &output)?;
    diagnostics.extend(rendered.diagnostics);
    diag::sort(&mut diagnostics);
    let failed = fails(&diagnostics);
    let published = publish && !failed;
    if published {
        output.publish()?;
    }
    Ok(Report {
        diagnostics,
        pages: rendered.pages,
        published,
        failed,
    })
}

/// The output must not be the site itself or one of its input folders:
/// publishing replaces it whole.
fn check_output_location(options: &Options) -> io::Result<()> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let root = absolute(&options.root);
    let output = absolute(&options.output);
    let inputs = ["content", "data", "themes", "static"].map(|d| root.join(d));
    if root.starts_with(&output) || inputs.iter().any(|input| output.starts_with(input)) {
        return Err(io::Error::other(format!(
            "refusing to write to {}: it would replace the site's own files; choose another --output",
            output.display()
        )));
    }
    Ok(())
}
