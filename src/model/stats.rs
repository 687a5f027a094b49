//! The aid statistics, checked and linked, with their aggregates.
//!
//! A *figure* is a count with its unit ("320 families"); a record without a
//! figure (`reported: false`) is shown as such and never added to a total.
//! Totals are per unit: families are never added to masks.
//!
//! Ids and figures are bounded here, in one place that `validate` checks
//! against and that the model relies on: an *id* is lowercase ASCII words
//! joined by `-` ([`limits::is_id`]), because ids become file names, URL
//! paths and HTML ids; a count is at most [`limits::MAX_COUNT`] and a total
//! at most [`limits::MAX_TOTAL`], so that no sum wraps and every figure
//! stays exact in the JSON downloads.

use std::collections::BTreeMap;

use foldhash::HashMap;

use crate::date::{Date, DayOrMonth};
use crate::load::{RawAid, RawCount, RawRecord, Spanned, Texts, limits};

/// Text per language code.
pub type Text = BTreeMap<String, String>;

/// How exact a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// "more than N".
    MoreThan,
    /// "about N".
    About,
}

impl Qualifier {
    fn parse(text: &str) -> Option<Qualifier> {
        match text {
            "more-than" => Some(Qualifier::MoreThan),
            "about" => Some(Qualifier::About),
            _ => None,
        }
    }

    /// The name used in the data files and downloads.
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::MoreThan => "more-than",
            Qualifier::About => "about",
        }
    }
}

/// An organisation.
#[derive(Debug, Clone)]
pub struct Organisation {
    /// Id.
    pub id: String,
    /// Full name per language.
    pub name: Text,
    /// Short name per language (the full name when none was given).
    pub short: Text,
    /// Parent organisation id.
    pub parent: Option<String>,
    /// Partner organisation ids.
    pub partners: Vec<String>,
    /// The language of the proper name in «…» in its names.
    pub quoted_lang: Option<String>,
}

/// A unit of count.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Id.
    pub id: String,
    /// Name per language.
    pub name: Text,
    /// Per language, the noun per plural category.
    pub forms: BTreeMap<String, BTreeMap<String, String>>,
    /// Whether it counts people or households reached.
    pub reach: bool,
    /// Whether its figures are added up: `false` where two of them may
    /// count the same people (30 families given social aid and 6 given
    /// money by one group are not 36 families).
    pub add: bool,
}

impl Unit {
    /// Whether `figures` figures of this unit make a total: one always
    /// does (it is no sum), more when the unit's figures are added up.
    pub fn has_total(&self, figures: usize) -> bool {
        figures == 1 || (figures > 1 && self.add)
    }
}

/// A category of aid.
#[derive(Debug, Clone)]
pub struct Category {
    /// Id.
    pub id: String,
    /// Name per language.
    pub name: Text,
}

/// A source of figures.
#[derive(Debug, Clone)]
pub struct Source {
    /// Id.
    pub id: String,
    /// Title per language.
    pub title: Text,
    /// Date of the source.
    pub date: Option<Date>,
    /// Address.
    pub url: Option<String>,
}

/// When a figure applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// The source does not say.
    Unknown,
    /// As of a day.
    AsOf(Date),
    /// Over a period; either end may be unknown.
    Period(Option<DayOrMonth>, Option<DayOrMonth>),
}

/// A count, possibly approximate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    /// The number.
    pub count: u64,
    /// How exact.
    pub qualifier: Option<Qualifier>,
}

/// One record of aid delivered.
#[derive(Debug, Clone)]
pub struct Record {
    /// Id.
    pub id: String,
    /// Organisation id.
    pub org: String,
    /// Partner organisation ids.
    pub partners: Vec<String>,
    /// Category id.
    pub category: String,
    /// The figure; `None` when the source gives none.
    pub figure: Option<Figure>,
    /// Unit id.
    pub unit: String,
    /// What was delivered, per language.
    pub what: Text,
    /// When.
    pub when: When,
    /// `once`, `daily`, `weekly`, `monthly`.
    pub frequency: Option<String>,
    /// Source id.
    pub source: String,
    /// Whether a later figure of its series holds this one, which is then
    /// never added (see [`mark_superseded`]).
    pub superseded: bool,
}

impl Record {
    /// The day its figure applies to: its `date`, or the last day of its
    /// period when that has an end.
    pub fn day(&self) -> Option<Date> {
        match self.when {
            When::AsOf(date) => Some(date),
            When::Period(_, Some(to)) => Some(to.last_day()),
            When::Period(_, None) | When::Unknown => None,
        }
    }
}

/// Marks the records a later figure holds: figures on successive days
/// (see [`Record::day`]) of one organisation, unit and `what` are one
/// count as it grew (a series: 100 masks on 1 April, 150 on 10 April),
/// whose latest holds the earlier ones, and adding them would count the
/// same things again. Not so figures of something done over and over (a
/// `frequency`: 10 families fed that week, 25 the next), each a count of
/// its own. Across all the records, whatever their categories: a total of
/// some of them (a category's) adds none that another holds.
fn mark_superseded(records: &mut [Record]) {
    let day = |record: &Record| match (record.figure, &record.frequency) {
        (Some(_), None) => record.day(),
        _ => None,
    };
    let mut latest: HashMap<(&str, &str, &Text), Date> = HashMap::default();
    for record in records.iter() {
        if let Some(day) = day(record) {
            let key = (record.org.as_str(), record.unit.as_str(), &record.what);
            let last = latest.entry(key).or_insert(day);
            *last = (*last).max(day);
        }
    }
    let superseded: Vec<bool> = (records.iter())
        .map(|record| {
            let key = (record.org.as_str(), record.unit.as_str(), &record.what);
            day(record).is_some_and(|day| latest.get(&key).is_some_and(|&last| last > day))
        })
        .collect();
    for (record, superseded) in records.iter_mut().zip(superseded) {
        record.superseded = superseded;
    }
}

/// A total of several figures in one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Total {
    /// Unit id.
    pub unit: String,
    /// The sum, and how exact it is (approximate if any part is).
    pub figure: Figure,
    /// How many records it adds up.
    pub records: usize,
}

/// The statistics of a site.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Organisations, in file order.
    pub organisations: Vec<Organisation>,
    /// Units, in file order.
    pub units: Vec<Unit>,
    /// Categories, in file order.
    pub categories: Vec<Category>,
    /// Sources, in file order.
    pub sources: Vec<Source>,
    /// Records, in file order.
    pub records: Vec<Record>,
    /// Where each id is in the lists above, for the lookups by id: a
    /// chart looks up its records' organisations, units and sources, and
    /// a search through the lists for each took seconds at 32,000 records
    /// of 2,000 organisations. Made with the lists, which are not changed
    /// after.
    positions: Positions,
}

/// The position of each id in [`Stats`]'s lists: of the first of that id,
/// as a search from the start would find (a repeated id is reported).
#[derive(Debug, Clone, Default)]
struct Positions {
    organisations: HashMap<String, usize>,
    units: HashMap<String, usize>,
    categories: HashMap<String, usize>,
    sources: HashMap<String, usize>,
    records: HashMap<String, usize>,
}

/// Each id of `items` (by `id`) with its first position: for lookups by
/// id of a list searched from the start before.
pub fn positions_of<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    let mut positions = HashMap::with_capacity_and_hasher(items.len(), Default::default());
    for (i, item) in items.iter().enumerate() {
        positions.entry(id(item).to_owned()).or_insert(i);
    }
    positions
}

impl Stats {
    /// Builds the statistics from checked data. Records with unresolved
    /// references (already reported) are left out, and so is anything whose
    /// id is not an id (also reported), so that no id that could leave its
    /// folder or its attribute reaches a path or markup.
    pub fn from_raw(raw: &RawAid) -> Stats {
        let valid = |id: &Spanned<String>| limits::is_id(&id.value);
        let organisations: Vec<Organisation> = raw
            .organisations
            .iter()
            .flat_map(|f| &f.value)
            .filter(|(id, _)| valid(id))
            .map(|(id, o)| Organisation {
                id: id.value.clone(),
                short: o.short.as_ref().map_or_else(|| texts(&o.name), texts),
                name: texts(&o.name),
                parent: o.parent.as_ref().map(|p| p.value.clone()),
                partners: ids(&o.partners),
                quoted_lang: o.quoted_lang.as_ref().map(|l| l.value.clone()),
            })
            .collect();
        let units: Vec<Unit> = raw
            .units
            .iter()
            .flat_map(|f| &f.value)
            .filter(|(id, _)| valid(id))
            .map(|(id, u)| Unit {
                id: id.value.clone(),
                name: texts(&u.name),
                forms: u
                    .forms
                    .value
                    .iter()
                    .map(|(l, f)| {
                        let nouns = f.value.iter().map(|(c, n)| (c.clone(), n.value.clone()));
                        (l.clone(), nouns.collect())
                    })
                    .collect(),
                reach: u.reach,
                add: u.add,
            })
            .collect();
        let categories: Vec<Category> = raw
            .categories
            .iter()
            .flat_map(|f| &f.value)
            .filter(|(id, _)| valid(id))
            .map(|(id, c)| Category {
                id: id.value.clone(),
                name: texts(&c.name),
            })
            .collect();
        let sources: Vec<Source> = raw
            .sources
            .iter()
            .flat_map(|f| &f.value)
            .filter(|(id, _)| valid(id))
            .map(|(id, s)| Source {
                id: id.value.clone(),
                title: texts(&s.title),
                date: s.date.as_ref().and_then(|d| Date::parse(&d.value).ok()),
                url: s.url.as_ref().map(|u| u.value.clone()),
            })
            .collect();
        let positions = Positions {
            organisations: positions_of(&organisations, |o| &o.id),
            units: positions_of(&units, |u| &u.id),
            categories: positions_of(&categories, |c| &c.id),
            sources: positions_of(&sources, |s| &s.id),
            records: HashMap::default(),
        };
        let mut stats = Stats {
            organisations,
            units,
            categories,
            sources,
            records: Vec::new(),
            positions,
        };
        stats.records = stats.records(raw.records.iter().flat_map(|f| &f.value));
        stats.positions.records = positions_of(&stats.records, |r| &r.id);
        stats
    }

    /// The records of `raw` whose ids are ids and whose references these
    /// statistics resolve (the others are reported by `validate`, or, for
    /// an earlier version of the records, not shown).
    pub fn records<'r>(&self, raw: impl IntoIterator<Item = &'r RawRecord>) -> Vec<Record> {
        let stats = self;
        let mut records: Vec<Record> = raw
            .into_iter()
            .filter(|r| {
                limits::is_id(&r.id.value)
                    && stats.organisation(&r.org.value).is_some()
                    && stats.unit(&r.unit.value).is_some()
                    && stats.category(&r.category.value).is_some()
                    && stats.source(&r.source.value).is_some()
            })
            .map(|r| Record {
                id: r.id.value.clone(),
                org: r.org.value.clone(),
                partners: ids(&r.partners),
                category: r.category.value.clone(),
                figure: match (&r.count, r.reported.as_ref().is_none_or(|r| r.value)) {
                    (
                        Some(Spanned {
                            value: RawCount::Integer(n),
                            ..
                        }),
                        true,
                    ) => u64::try_from(*n)
                        .ok()
                        .filter(|count| *count <= limits::MAX_COUNT)
                        .map(|count| Figure {
                            count,
                            qualifier: r
                                .qualifier
                                .as_ref()
                                .and_then(|q| Qualifier::parse(&q.value)),
                        }),
                    _ => None,
                },
                unit: r.unit.value.clone(),
                what: texts(&r.what),
                when: match (&r.date, &r.period) {
                    (Some(d), _) => Date::parse(&d.value).map_or(When::Unknown, When::AsOf),
                    (None, Some(p)) => {
                        let end = |e: &Option<Spanned<String>>| {
                            e.as_ref().and_then(|e| DayOrMonth::parse(&e.value).ok())
                        };
                        When::Period(end(&p.value.from), end(&p.value.to))
                    }
                    (None, None) => When::Unknown,
                },
                frequency: r.frequency.as_ref().map(|f| f.value.clone()),
                source: r.source.value.clone(),
                superseded: false,
            })
            .collect();
        mark_superseded(&mut records);
        records
    }

    /// The organisation `id`.
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations
            .get(*self.positions.organisations.get(id)?)
    }

    /// The unit `id`.
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.get(*self.positions.units.get(id)?)
    }

    /// The category `id`.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.get(*self.positions.categories.get(id)?)
    }

    /// The source `id`.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(*self.positions.sources.get(id)?)
    }

    /// The record `id`.
    pub fn record(&self, id: &str) -> Option<&Record> {
        self.records.get(*self.positions.records.get(id)?)
    }

    /// Totals per unit (in the units' file order) of the records that
    /// `include` accepts. Records without a figure are never added, nor
    /// are the figures of a unit that says so (see [`Unit::has_total`]),
    /// nor a figure that a later one of its series holds (see
    /// [`Record::superseded`]). A total
    /// beyond [`limits::MAX_TOTAL`] is an error naming its unit, never a
    /// wrong figure (`validate` reports it first, naming the records).
    pub fn totals(&self, include: impl Fn(&Record) -> bool) -> Result<Vec<Total>, String> {
        let records: Vec<&Record> = self.records.iter().filter(|r| include(r)).collect();
        self.totals_of(&records)
    }

    /// Totals per unit (in the units' file order) of `records`, records of
    /// this site, as [`Stats::totals`] makes them: for a set of records
    /// found once, such as an organisation's.
    pub fn totals_of(&self, records: &[&Record]) -> Result<Vec<Total>, String> {
        let mut totals = Vec::new();
        for unit in &self.units {
            let figures: Vec<Figure> = (records.iter())
                .filter(|r| r.unit == unit.id && !r.superseded)
                .filter_map(|r| r.figure)
                .collect();
            if !unit.has_total(figures.len()) {
                continue;
            }
            let figure = sum(&figures).ok_or_else(|| {
                format!(
                    "the total of unit `{}` is more than {}, the largest total aqparat adds up",
                    unit.id,
                    limits::MAX_TOTAL
                )
            })?;
            totals.push(Total {
                unit: unit.id.clone(),
                figure,
                records: figures.len(),
            });
        }
        Ok(totals)
    }

    /// The records of each organisation that has any, each list in file
    /// order, by the organisation's id (the map's own order is arbitrary):
    /// found in one pass, where a pass over every record for each
    /// organisation took time growing with the square of a site's size.
    pub fn records_by_organisation(&self) -> HashMap<&str, Vec<&Record>> {
        let mut by_organisation: HashMap<&str, Vec<&Record>> = HashMap::default();
        for record in &self.records {
            by_organisation.entry(&record.org).or_default().push(record);
        }
        by_organisation
    }

    /// Records whose source gives no figure.
    pub fn unreported(&self) -> impl Iterator<Item = &Record> {
        self.records.iter().filter(|r| r.figure.is_none())
    }
}

/// The sum of figures; approximate when any of them is: "more than" when all
/// approximate parts say so, else "about". `None` when the sum would pass
/// [`limits::MAX_TOTAL`].
fn sum(figures: &[Figure]) -> Option<Figure> {
    let count = figures
        .iter()
        .try_fold(0, |total, f| limits::add_count(total, f.count))?;
    let qualifiers: Vec<Qualifier> = figures.iter().filter_map(|f| f.qualifier).collect();
    let qualifier = match qualifiers.as_slice() {
        [] => None,
        all if all.iter().all(|q| *q == Qualifier::MoreThan) => Some(Qualifier::MoreThan),
        _ => Some(Qualifier::About),
    };
    Some(Figure { count, qualifier })
}

/// The texts of `t` written, by language, without their positions; an
/// empty one (a spreadsheet's empty cell) is none.
fn texts(t: &Texts) -> Text {
    (t.value.iter())
        .filter(|(_, text)| !text.value.trim().is_empty())
        .map(|(lang, text)| (lang.clone(), text.value.clone()))
        .collect()
}

fn ids(values: &[Spanned<String>]) -> Vec<String> {
    values.iter().map(|v| v.value.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_are_approximate_when_a_part_is() {
        let exact = Figure {
            count: 2,
            qualifier: None,
        };
        let more = Figure {
            count: 10,
            qualifier: Some(Qualifier::MoreThan),
        };
        let about = Figure {
            count: 5,
            qualifier: Some(Qualifier::About),
        };
        assert_eq!(
            sum(&[exact, exact]),
            Some(Figure {
                count: 4,
                qualifier: None
            })
        );
        assert_eq!(
            sum(&[exact, more]).and_then(|f| f.qualifier),
            Some(Qualifier::MoreThan)
        );
        assert_eq!(
            sum(&[more, about]),
            Some(Figure {
                count: 15,
                qualifier: Some(Qualifier::About)
            })
        );
    }

    #[test]
    fn sums_that_would_pass_the_largest_total_are_none_never_wrapped() {
        let huge = Figure {
            count: u64::MAX / 2 + 1,
            qualifier: None,
        };
        assert_eq!(sum(&[huge, huge]), None);
        let largest = Figure {
            count: limits::MAX_TOTAL,
            qualifier: None,
        };
        let one = Figure {
            count: 1,
            qualifier: None,
        };
        assert_eq!(sum(&[largest]).map(|f| f.count), Some(limits::MAX_TOTAL));
        assert_eq!(sum(&[largest, one]), None);
    }

    #[test]
    fn ids_are_lowercase_words_joined_by_hyphens() {
        for id in ["food", "org-a", "2020-food", "r1", "a-b-c-9"] {
            assert!(limits::is_id(id), "{id}");
        }
        let too_long = "a".repeat(limits::MAX_ID_LENGTH + 1);
        for id in [
            "",
            "-a",
            "a-",
            "a--b",
            "Food",
            "a_b",
            "a b",
            "../x",
            "x\"><script>",
            "қ",
            "a.b",
            "a/b",
            "\u{0}",
            &too_long,
        ] {
            assert!(!limits::is_id(id), "{id:?}");
        }
    }
}
