//! `aqparat watch`: the production loop. Each good build is published by
//! switching the output link in one step; a failed build keeps the last good
//! site online. After each build a status file, `OUTPUT.status.json`, says
//! when the last attempt and the last success were and what went wrong; it
//! never claims a success that the last attempt did not have.
//!
//! One watcher per output: `watch` holds an advisory lock (`flock`) on
//! `OUTPUT.lock` for as long as it runs, with its process id written in
//! it, and a second watcher of the same output exits with code 2 naming
//! the first.

use std::io;
use std::path::Path;
use std::process::ExitCode;
use std::time::SystemTime;

use aqparat::diag::Severity;
use aqparat::messages::Message;
use aqparat::write::sibling;
use aqparat::{msg, watch};

use super::build::{Goal, print_report, summary};

/// Watches until SIGINT or SIGTERM, then exits 0.
pub fn run(options: &aqparat::Options, notice: watch::Notice) -> ExitCode {
    let stop = match super::stop_flag() {
        Ok(stop) => stop,
        Err(error) => {
            aqparat::tell!("aqparat: {error}");
            return ExitCode::from(2);
        }
    };
    // Before anything is written beside the output (its lock, its status
    // file): a refused output ends `watch` at once. Another watcher of this
    // output may be filling a build folder at this very moment, which can
    // look like a folder aqparat did not make: then its lock says why.
    if let Err(refused) =
        aqparat::write::check_output(&options.root, &options.output, options.publish)
    {
        match held_by_another(&options.output) {
            Some(held) => aqparat::tell!("aqparat: {held}"),
            None => aqparat::tell!("aqparat: {refused}"),
        }
        return ExitCode::from(2);
    }
    let _lock = match lock_output(&options.output) {
        Ok(lock) => lock,
        Err(message) => {
            aqparat::tell!("aqparat: {message}");
            return ExitCode::from(2);
        }
    };
    let status_path = sibling(&options.output, "status.json");
    let status = match earlier_status(&status_path) {
        Ok(status) => status,
        Err(message) => {
            aqparat::tell!("aqparat: {message}");
            return ExitCode::from(2);
        }
    };
    let mut last_success =
        status.and_then(|status| status["last_success"].as_str().map(str::to_string));
    let mut after_build = |build: &watch::Build| {
        let now = humantime::format_rfc3339_seconds(SystemTime::now()).to_string();
        let (ok, errors, warnings) = match &build.result {
            Ok(report) => {
                print_report(report);
                aqparat::tell!(
                    "{}",
                    summary(options, report, Goal::Build, build.duration.as_secs_f64())
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
                aqparat::tell!("aqparat: {error}");
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
            // An old status must not speak for this attempt.
            let fallback = serde_json::json!({
                "ok": false,
                "last_attempt": now,
                "last_success": last_success,
                "errors": [msg!("status-not-written", error = error.to_string()).to_string()],
            });
            let kept = match write_in_place(&status_path, &fallback.to_string()) {
                Ok(()) => msg!("status-kept-short"),
                Err(_) => match std::fs::remove_file(&status_path) {
                    Ok(()) => msg!("status-kept-removed"),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => msg!("status-kept-none"),
                    Err(e) => msg!("status-kept-stuck", error = e.to_string()),
                },
            };
            let message = msg!(
                "status-file-error",
                path = status_path.display().to_string(),
                error = error.to_string(),
                kept = kept
            );
            aqparat::tell!("aqparat: {message}");
        }
    };
    let watching = msg!(
        "watching",
        root = options.root.display().to_string(),
        output = options.output.display().to_string()
    );
    aqparat::tell!("{watching}");
    match watch::run(options, notice, &stop, &mut after_build) {
        Ok(()) => {
            aqparat::tell!("{}", msg!("watch-stopped"));
            ExitCode::SUCCESS
        }
        Err(error) => {
            aqparat::tell!("aqparat: {error}");
            ExitCode::from(2)
        }
    }
}

/// The status an earlier watcher left at `path`, if any; an error when a
/// file there is not one (a user's file of that name, which writing the
/// status would replace). An empty file is taken as none.
fn earlier_status(path: &Path) -> Result<Option<serde_json::Value>, Message> {
    let not_ours = || msg!("beside-output-not-ours", path = path.display().to_string());
    let text = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Ok(found) if found.is_file() => std::fs::read_to_string(path).map_err(|_| not_ours())?,
        _ => return Err(not_ours()),
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(status) if status.get("last_attempt").is_some() => Ok(Some(status)),
        // One cut short (written in place when the disk was full) is still
        // a watcher's, with nothing to take from it.
        _ if text.starts_with("{\"")
            && ["\"errors\"", "\"last_attempt\""]
                .iter()
                .any(|k| text.contains(k)) =>
        {
            Ok(None)
        }
        _ => Err(not_ours()),
    }
}

/// Writes `text` into the file `path`, never through a link put in its
/// place (an error then).
fn write_in_place(path: &Path, text: &str) -> io::Result<()> {
    use rustix::fs::OFlags;
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::File::options()
        .write(true)
        .create(true)
        .truncate(true)
        .custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32)
        .open(path)?
        .write_all(text.as_bytes())
}

/// Writes a temporary file, flushes it to disk and renames it over `path`:
/// readers see the old or the new status, never half of one, and a crash
/// does not leave an empty one.
fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    use std::io::Write;
    let temporary = path.with_extension("json.tmp");
    let mut file = aqparat::write::create_anew(&temporary)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&temporary, path)?;
    // The rename itself reaches the disk with the folder.
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::File::open(folder)?.sync_all()?;
    }
    Ok(())
}

/// Takes the lock of `output` (`OUTPUT.lock`) for as long as the returned
/// file is open, and writes this process's id in it; says which process
/// holds it when another one does.
fn lock_output(output: &Path) -> Result<std::fs::File, Message> {
    use rustix::fs::{FlockOperation, OFlags, flock};
    use std::io::{Seek, Write};
    use std::os::unix::fs::OpenOptionsExt;
    let path = sibling(output, "lock");
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|e| {
            msg!(
                "lock-cannot-create",
                path = folder.display().to_string(),
                error = e.to_string()
            )
        })?;
    }
    // Not truncated on opening: the holder's pid stays readable. Never
    // through a link (its file would be written), nor waiting on a FIFO.
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32)
        .open(&path)
        .and_then(|file| match file.metadata()?.is_file() {
            true => Ok(file),
            false => Err(io::Error::other("not a regular file")),
        })
        .map_err(|e| {
            msg!(
                "lock-cannot-open",
                path = path.display().to_string(),
                error = e.to_string()
            )
        })?;
    if let Err(error) = flock(&file, FlockOperation::NonBlockingLockExclusive) {
        return Err(match error {
            rustix::io::Errno::WOULDBLOCK => lock_held_message(&file, output, &path),
            _ => msg!(
                "lock-cannot-lock",
                path = path.display().to_string(),
                error = error.to_string()
            ),
        });
    }
    // A file there that no watcher wrote (a pid) is not aqparat's to empty.
    let mut held = String::new();
    let ours = std::io::Read::read_to_string(&mut file, &mut held)
        .is_ok_and(|_| held.trim().bytes().all(|b| b.is_ascii_digit()));
    if !ours {
        return Err(msg!(
            "beside-output-not-ours",
            path = path.display().to_string()
        ));
    }
    let pid = std::process::id().to_string();
    let written = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| file.write_all(pid.as_bytes()))
        .and_then(|()| file.flush());
    if let Err(error) = written {
        let message = msg!(
            "pid-not-written",
            path = path.display().to_string(),
            error = error.to_string()
        );
        aqparat::tell!("aqparat: {message}");
    }
    Ok(file)
}

/// Says which process holds the lock of `output` when one does; creates
/// nothing, so it may be asked about an output that is refused. (For the
/// moment it holds a shared lock, a third watcher starting then would
/// take it for a holder: a watcher is not started twice in a millisecond.)
fn held_by_another(output: &Path) -> Option<Message> {
    use rustix::fs::{FlockOperation, OFlags, flock};
    use std::os::unix::fs::OpenOptionsExt;
    let path = sibling(output, "lock");
    // Not blocking: a FIFO put in the lock's place must not hang `watch`.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32)
        .open(&path)
        .ok()?;
    match flock(&file, FlockOperation::NonBlockingLockShared) {
        Err(rustix::io::Errno::WOULDBLOCK) => Some(lock_held_message(&file, output, &path)),
        _ => None,
    }
}

/// The message for the lock `lock` of `output`, held by another watcher
/// whose process id is read from the lock's open `file`.
fn lock_held_message(mut file: &std::fs::File, output: &Path, lock: &Path) -> Message {
    use std::io::Read;
    let mut holder = String::new();
    let _ = file.read_to_string(&mut holder);
    let holder = match holder.trim() {
        pid if !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()) => {
            msg!("lock-holder-pid", pid = pid)
        }
        _ => msg!("lock-holder"),
    };
    msg!(
        "lock-held",
        holder = holder,
        output = output.display().to_string(),
        lock = lock.display().to_string()
    )
}
