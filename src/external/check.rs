//! The check of a build's external links: each address asked once (or
//! taken from the cache), and each dead one a warning at every place that
//! writes it, naming the address and what went wrong.

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use super::cache::{Cache, Entry};
use super::hosts;
use super::probe::{Answer, Prober};
use crate::diag::Diagnostic;
use crate::messages::Message;
use crate::render::external_links::ExternalLink;
use crate::{ExternalCheck, msg};

/// Checks `links`, the external links of the site at `root`, as
/// `settings` say; gives a warning for each place of each dead link, and
/// for a cache that cannot be read or written.
pub fn check(root: &Path, links: &[ExternalLink], settings: &ExternalCheck) -> Vec<Diagnostic> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (cached, problem) = Cache::load(root);
    let mut diagnostics: Vec<Diagnostic> = problem.into_iter().collect();
    let to_ask: Vec<&str> = links
        .iter()
        .map(|link| link.url.as_str())
        .filter(|url| cached.live(url, now, settings.cache_for).is_none())
        .collect();
    let prober = Prober::new(settings);
    let mut answers = to_ask
        .iter()
        .copied()
        .zip(hosts::run(&to_ask, |url| prober.probe(url)))
        .peekable();
    let mut cache = Cache::default();
    for link in links {
        let entry = match answers.next_if(|(url, _)| *url == link.url) {
            Some((_, answer)) => {
                if let Answer::Dead(problem) = &answer {
                    let problem = problem.message(settings.timeout);
                    diagnostics.extend(warnings(link, &problem));
                }
                entry(&answer, now)
            }
            None => match cached.live(&link.url, now, settings.cache_for) {
                Some(entry) => entry.clone(),
                None => continue,
            },
        };
        cache.insert(&link.url, entry);
    }
    diagnostics.extend(cache.save(root).err());
    diagnostics
}

/// A warning at each place of the dead `link`, saying what went wrong.
fn warnings<'a>(
    link: &'a ExternalLink,
    problem: &Message,
) -> impl Iterator<Item = Diagnostic> + 'a {
    let message = msg!(
        "external-broken",
        url = link.url.as_str(),
        problem = problem.clone()
    );
    link.places.iter().map(move |place| {
        let mut diagnostic = Diagnostic::warning(&place.path, place.span, place.shown(&message))
            .with_hint(msg!("external-broken-hint"));
        diagnostic.source_line = place.source_line.clone();
        diagnostic
    })
}

/// The cache's entry for `answer`, which came at `now`.
fn entry(answer: &Answer, now: u64) -> Entry {
    let (ok, (status, error)) = match answer {
        Answer::Live(status) => (true, (Some(*status), None)),
        Answer::Dead(problem) => (false, problem.code()),
    };
    Entry {
        ok,
        status,
        error,
        checked: now,
    }
}
