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

/// What a check of external links found.
#[derive(Debug, Default)]
pub struct Checked {
    /// A warning for each place of each dead link, and for a cache that
    /// cannot be read or written.
    pub diagnostics: Vec<Diagnostic>,
    /// How many addresses were asked.
    pub asked: usize,
    /// How many were taken as working from the cache, unasked.
    pub cached: usize,
    /// How many do not work.
    pub dead: usize,
}

/// Checks `links`, the external links of the site at `root`, as
/// `settings` say.
pub fn check(root: &Path, links: &[ExternalLink], settings: &ExternalCheck) -> Checked {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (cached, problem) = Cache::load(root);
    let mut checked = Checked {
        diagnostics: problem.into_iter().collect(),
        ..Checked::default()
    };
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
                checked.asked += 1;
                if let Answer::Dead(problem) = &answer {
                    let problem = problem.message(settings.timeout);
                    checked.diagnostics.extend(warnings(link, &problem));
                    checked.dead += 1;
                }
                entry(&answer, now)
            }
            None => match cached.live(&link.url, now, settings.cache_for) {
                Some(entry) => {
                    checked.cached += 1;
                    entry.clone()
                }
                None => continue,
            },
        };
        cache.insert(&link.url, entry);
    }
    checked.diagnostics.extend(cache.save(root).err());
    checked
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
        diagnostic.quote = place.quote.clone().map(Box::new);
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
