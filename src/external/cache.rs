//! The cache of `check --external`: [`CACHE_FILE`] in the site's folder
//! (a hidden folder, so never an input of the site) keeps each address's
//! last answer and when it came. A live answer younger than
//! `--cache-hours` is taken as it is; a dead one is always asked again.
//! A cache that cannot be read is a warning and is ignored (this run
//! writes it anew); it is written to a temporary file renamed over it, and
//! never through a link: `.aqparat` must be a folder of the site.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::diag::{Diagnostic, Span};
use crate::msg;

/// Where the cache is, relative to the site's root.
pub const CACHE_FILE: &str = ".aqparat/external-links.json";

/// Every address checked by the last run, with its answer.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cache {
    /// The answers, by address.
    links: BTreeMap<String, Entry>,
}

/// One address's last answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Whether it was live.
    pub ok: bool,
    /// The status of its last answer, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Why there was no answer, in a few words (for people reading it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// When it came, in seconds since 1970-01-01 UTC.
    pub checked: u64,
}

impl Cache {
    /// The cache of the site at `root`: empty when there is none, and,
    /// with a warning, when it cannot be read.
    pub fn load(root: &Path) -> (Cache, Option<Diagnostic>) {
        let text = match std::fs::read_to_string(root.join(CACHE_FILE)) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Cache::default(), None),
            Err(e) => {
                let message = msg!("external-cache-unreadable", error = e.to_string());
                return (Cache::default(), Some(warning(Span::START, message)));
            }
        };
        match serde_json::from_str(&text) {
            Ok(cache) => (cache, None),
            Err(e) => {
                let span = Span::new(e.line(), e.column());
                // The position is the diagnostic's, not the message's.
                let error = e.to_string();
                let error = error.split(" at line ").next().unwrap_or(&error);
                let message = msg!("external-cache-unreadable", error = error);
                (
                    Cache::default(),
                    Some(warning(span, message).with_source(&text)),
                )
            }
        }
    }

    /// The answer kept for `url` if it was live and came less than
    /// `fresh_for` before `now` (seconds since 1970).
    pub fn live(&self, url: &str, now: u64, fresh_for: Duration) -> Option<&Entry> {
        let entry = self.links.get(url)?;
        let age = now.checked_sub(entry.checked)?;
        (entry.ok && age < fresh_for.as_secs()).then_some(entry)
    }

    /// Keeps `entry` as the answer for `url`.
    pub fn insert(&mut self, url: &str, entry: Entry) {
        self.links.insert(url.to_string(), entry);
    }

    /// Writes the cache into the site at `root`; a warning when it cannot.
    pub fn save(&self, root: &Path) -> Result<(), Diagnostic> {
        let path = root.join(CACHE_FILE);
        let dir = path.parent().unwrap_or(root);
        let unwritable = |e: std::io::Error| {
            warning(
                Span::START,
                msg!("external-cache-unwritable", error = e.to_string()),
            )
        };
        match std::fs::symlink_metadata(dir) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => return Err(warning(Span::START, msg!("external-cache-not-a-folder"))),
            Err(_) => std::fs::create_dir(dir).map_err(unwritable)?,
        }
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        let temporary = dir.join(format!(".external-links.json.{}.tmp", std::process::id()));
        crate::write::create_anew(&temporary)
            .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()))
            .and_then(|()| std::fs::rename(&temporary, &path))
            .map_err(|e| {
                let _ = std::fs::remove_file(&temporary);
                unwritable(e)
            })
    }
}

/// A warning about the cache file.
fn warning(span: Span, message: crate::messages::Message) -> Diagnostic {
    Diagnostic::warning(CACHE_FILE, span, message).with_hint(msg!("external-cache-hint"))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{CACHE_FILE, Cache, Entry};

    fn entry(ok: bool, checked: u64) -> Entry {
        Entry {
            ok,
            status: Some(if ok { 200 } else { 404 }),
            error: None,
            checked,
        }
    }

    #[test]
    fn live_answers_are_kept_for_a_while_dead_ones_never_and_the_file_round_trips() {
        let root = tempfile::tempdir().unwrap();
        let mut cache = Cache::default();
        cache.insert("https://a.example/", entry(true, 1000));
        cache.insert("https://b.example/", entry(false, 1000));
        cache.save(root.path()).unwrap();
        let (cache, problem) = Cache::load(root.path());
        assert_eq!(problem, None);
        let hour = Duration::from_secs(3600);
        assert!(
            cache
                .live("https://a.example/", 1000 + 3599, hour)
                .is_some()
        );
        assert!(
            cache
                .live("https://a.example/", 1000 + 3600, hour)
                .is_none()
        );
        assert!(cache.live("https://a.example/", 999, hour).is_none());
        assert!(cache.live("https://b.example/", 1000, hour).is_none());
        assert!(cache.live("https://c.example/", 1000, hour).is_none());
    }

    #[test]
    fn a_corrupt_cache_is_a_warning_at_its_place_and_a_link_is_not_followed() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join(".aqparat")).unwrap();
        std::fs::write(
            root.path().join(CACHE_FILE),
            "{\"links\": {\n  \"x\": 3\n}}",
        )
        .unwrap();
        let (cache, problem) = Cache::load(root.path());
        assert!(cache.links.is_empty());
        let problem = problem.unwrap();
        assert_eq!(
            (problem.span.line, problem.path.to_str()),
            (2, Some(CACHE_FILE))
        );
        let elsewhere = tempfile::tempdir().unwrap();
        let other = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), other.path().join(".aqparat")).unwrap();
        assert!(Cache::default().save(other.path()).is_err());
        assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    }
}
