//! The changes page, `/LANG/infographics/changes/`: the changes of the
//! figures across the committed history (see `model::history`), in one
//! language, newest first, and the same changes by record, each record's
//! under the anchor `record-ID` that its row elsewhere links to.

use foldhash::HashMap;
use serde::Serialize;

use super::format::{Shown, StatsFormat};
use crate::model::{Change, History, Record};
use crate::render::xml::escape;

/// The changes page's view in one language.
#[derive(Debug, Serialize)]
pub struct ChangesView {
    /// Every change, newest first.
    pub changes: Vec<ChangeView>,
    /// The records that changed, the most recently changed first, each
    /// with its changes.
    pub records: Vec<RecordChanges>,
}

/// One change of a record's figure; texts of the statistics as HTML,
/// fallbacks marked with their language.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeView {
    /// The record's id.
    pub record: String,
    /// What the record counts, as HTML.
    pub what_html: String,
    /// The organisation's short name, as HTML.
    pub organisation_html: String,
    /// The commit's date, in words.
    pub date: String,
    /// The figure before and after, each with its date, as HTML: `old →
    /// new`, or with the words `changes_added` or `changes_removed`.
    pub value_html: String,
    /// The commit's subject (untrusted: templates escape it).
    pub subject: String,
    /// The commit's id, abbreviated.
    pub commit: String,
}

/// A record's changes.
#[derive(Debug, Serialize)]
pub struct RecordChanges {
    /// The record's id.
    pub id: String,
    /// What the record counts, as HTML.
    pub what_html: String,
    /// The organisation's short name, as HTML.
    pub organisation_html: String,
    /// Its changes, newest first.
    pub changes: Vec<ChangeView>,
}

/// The changes of `history` in the language of `f`; an error is a missing
/// UI string or noun form.
pub fn view(f: &StatsFormat, history: &History) -> Result<ChangesView, String> {
    let changes = (history.changes.iter())
        .map(|c| change(f, c))
        .collect::<Result<Vec<_>, String>>()?;
    let mut records: Vec<RecordChanges> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::default();
    for change in &changes {
        let at = *position.entry(&change.record).or_insert_with(|| {
            records.push(RecordChanges {
                id: change.record.clone(),
                what_html: change.what_html.clone(),
                organisation_html: change.organisation_html.clone(),
                changes: Vec::new(),
            });
            records.len() - 1
        });
        records[at].changes.push(change.clone());
    }
    Ok(ChangesView { changes, records })
}

fn change(f: &StatsFormat, change: &Change) -> Result<ChangeView, String> {
    // A version's figure and when it applies: `320 семей (на 3 апреля)`.
    let figure = |record: &Record| -> Result<String, String> {
        Ok(format!(
            "{} ({})",
            f.record_figure(record)?.html(),
            escape(&f.when(record.when)?)
        ))
    };
    let value_html = match (&change.old, &change.new) {
        (Some(old), Some(new)) => format!("{} → {}", figure(old)?, figure(new)?),
        (None, Some(new)) => format!("{}: {}", escape(&f.ui("changes_added")?), figure(new)?),
        (Some(old), None) => format!("{}: {}", escape(&f.ui("changes_removed")?), figure(old)?),
        (None, None) => String::new(),
    };
    // The newest version names the record.
    let record = change.new.as_ref().or(change.old.as_ref());
    let shown = |text: Option<Shown>| text.map_or_else(String::new, |t| t.html());
    Ok(ChangeView {
        record: change.record().to_string(),
        what_html: shown(record.map(|r| f.shown(&r.what))),
        organisation_html: shown(record.map(|r| f.org_short(&r.org))),
        date: f.date(change.date)?,
        value_html,
        subject: change.subject.clone(),
        commit: change.commit.chars().take(10).collect(),
    })
}
