//! The changes of the published figures across the committed history of
//! the records: each record added, removed, or given another figure, unit
//! or date, with the commit that did it (see `load::history`).

use std::collections::HashMap;

use super::stats::{Record, Stats};
use crate::date::Date;
use crate::load::RawHistory;

/// The changes of the figures, newest first.
#[derive(Debug, Clone)]
pub struct History {
    /// The id of the commit the history was read at (`HEAD`).
    pub head: String,
    /// Every change, newest commit first, each commit's in file order.
    pub changes: Vec<Change>,
}

/// One record's change in one commit.
#[derive(Debug, Clone)]
pub struct Change {
    /// The commit's id, in hex.
    pub commit: String,
    /// The commit's date.
    pub date: Date,
    /// The commit's subject, as written (untrusted text).
    pub subject: String,
    /// The record before; `None` when the commit added it.
    pub old: Option<Record>,
    /// The record after; `None` when the commit removed it.
    pub new: Option<Record>,
}

impl Change {
    /// The record's id.
    pub fn record(&self) -> &str {
        self.new
            .as_ref()
            .or(self.old.as_ref())
            .map_or("", |r| &r.id)
    }
}

impl History {
    /// The changes between the versions of `raw`, each read as `stats`
    /// reads today's records (a record whose organisation, unit, category
    /// or source is gone is left out); `None` when there is none.
    pub fn from_raw(raw: RawHistory, stats: &Stats) -> Option<History> {
        let mut before: HashMap<String, Record> = HashMap::new();
        let mut changes = Vec::new();
        for version in raw.versions {
            let Ok(date) = Date::parse(&version.date) else {
                continue;
            };
            let mut after: HashMap<String, Record> = HashMap::new();
            let mut found = Vec::new();
            for record in stats.records(&version.records) {
                let old = before.remove(&record.id);
                if old.as_ref().is_none_or(|old| !same_figure(old, &record)) {
                    found.push((old, Some(record.clone())));
                }
                after.insert(record.id.clone(), record);
            }
            let mut removed: Vec<Record> = before.into_values().collect();
            removed.sort_by(|a, b| a.id.cmp(&b.id));
            found.extend(removed.into_iter().map(|r| (Some(r), None)));
            before = after;
            // Newest first: this commit's changes go before the older ones
            // once the list is reversed, in file order.
            changes.extend(found.into_iter().rev().map(|(old, new)| Change {
                commit: version.commit.clone(),
                date,
                subject: version.subject.clone(),
                old,
                new,
            }));
        }
        changes.reverse();
        (!changes.is_empty()).then_some(History {
            head: raw.head,
            changes,
        })
    }

    /// Whether record `id` has a change.
    pub fn has(&self, id: &str) -> bool {
        self.changes.iter().any(|c| c.record() == id)
    }
}

/// Whether two versions of a record show the same figure: count,
/// qualifier, unit and date.
fn same_figure(a: &Record, b: &Record) -> bool {
    a.figure == b.figure && a.unit == b.unit && a.when == b.when
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::load::{DataFile, RawAid, RawVersion};

    fn file<T: serde::de::DeserializeOwned>(text: &str) -> Option<DataFile<T>> {
        Some(DataFile {
            path: PathBuf::new(),
            text: text.to_string(),
            value: serde_saphyr::from_str(text).unwrap(),
            unread: Vec::new(),
            lost: Vec::new(),
        })
    }

    fn version(commit: &str, counts: &[(&str, u64)]) -> RawVersion {
        let records: String = (counts.iter())
            .map(|(id, n)| {
                format!("- {{ id: {id}, org: o, category: c, count: {n}, unit: u, what: {{ kk: a }}, source: s }}\n")
            })
            .collect();
        RawVersion {
            commit: commit.into(),
            date: "2020-04-03".into(),
            subject: commit.into(),
            records: serde_saphyr::from_str(&records).unwrap(),
        }
    }

    #[test]
    fn changes_are_added_removed_and_changed_figures_newest_first() {
        let raw = RawAid {
            organisations: file("o: { name: { kk: O } }"),
            units: file("u: { name: { kk: U }, forms: { kk: { other: u } } }"),
            categories: file("c: { name: { kk: C } }"),
            sources: file("s: { title: { kk: S } }"),
            records: None,
        };
        let stats = Stats::from_raw(&raw);
        let history = RawHistory {
            head: "h".into(),
            versions: vec![
                version("one", &[("a", 1), ("b", 2)]),
                version("same", &[("b", 2), ("a", 1)]),
                version("two", &[("a", 3), ("c", 4)]),
            ],
        };
        let history = History::from_raw(history, &stats).unwrap();
        let seen: Vec<(&str, &str, Option<u64>, Option<u64>)> = (history.changes.iter())
            .map(|c| {
                let count = |r: &Option<Record>| r.as_ref().and_then(|r| r.figure).map(|f| f.count);
                (c.subject.as_str(), c.record(), count(&c.old), count(&c.new))
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("two", "a", Some(1), Some(3)),
                ("two", "c", None, Some(4)),
                ("two", "b", Some(2), None),
                ("one", "a", None, Some(1)),
                ("one", "b", None, Some(2)),
            ]
        );
        assert!(history.has("b") && !history.has("d"));
    }
}
