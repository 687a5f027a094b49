//! `aqparat watch`: the production loop. Each good build is published by
//! switching the output link in one step; a failed build keeps the last good
//! site online. After each build a status file, `OUTPUT.status.json`, says
//! when the last attempt and the last success were and what went wrong.

use std::process::ExitCode;
use std::time::SystemTime;

use aqparat::diag::Severity;
use aqparat::watch;
use aqparat::write::sibling;

use super::build::{print_report, summary};

/// Watches until SIGINT or SIGTERM, then exits 0.
pub fn run(options: &aqparat::Options, poll: bool) -> ExitCode {
    let stop = match super::stop_flag() {
        Ok(stop) => stop,
        Err(error) => {
            eprintln!("aqparat: {error}");
            return ExitCode::from(2);
        }
    };
    let status_path = sibling(&options.output, "status.json");
    let mut last_success: Option<String> = std::fs::read_to_string(&status_path)
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|status| status["last_success"].as_str().map(str::to_string));
    let mut after_build = |build: &watch::Build| {
        let now = humantime::format_rfc3339_seconds(SystemTime::now()).to_string();
        let (ok, errors, warnings) = match &build.result {
            Ok(report) => {
                print_report(report);
                eprintln!(
                    "{}",
                    summary(options, report, true, build.duration.as_secs_f64())
                );
                let errors: Vec<String> = report
                    .diagnostics
                    .iter()
                    .filter(|d| d.is_error())
                    .map(ToString::to_string)
                    .collect();
                (!report.failed, errors, report.count(Severity::Warning))
            }
            Err(error) => {
                eprintln!("aqparat: {error}");
                (false, vec![error.to_string()], 0)
            }
        };
        if ok {
            last_success = Some(now.clone());
        }
        let status = serde_json::json!({
            "ok": ok,
            "last_attempt": now,
            "last_success": last_success,
            "duration_ms": build.duration.as_millis() as u64,
            "errors": errors,
            "warnings": warnings,
        });
        if let Err(error) = write_atomically(&status_path, &status.to_string()) {
            eprintln!("aqparat: cannot write {}: {error}", status_path.display());
        }
    };
    eprintln!(
        "watching {}, publishing to {}",
        options.root.display(),
        options.output.display()
    );
    match watch::run(options, poll, &stop, &mut after_build) {
        Ok(()) => {
            eprintln!("stopped");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("aqparat: {error}");
            ExitCode::from(2)
        }
    }
}

/// Writes a temporary file and renames it over `path`: readers see the old
/// or the new status, never half of one.
fn write_atomically(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    let temporary = path.with_extension("json.tmp");
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, path)
}
