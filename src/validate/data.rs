//! Checks on the aid statistics: every id has the form of an id and every
//! reference resolves, ids are unique, counts are whole, not negative and
//! bounded, no total passes the largest total, dates exist and periods run
//! forward, every name and noun form exists in the default language, and no
//! text holds a control character. A name or noun forms missing in another
//! language is a warning: pages in that language show the default
//! language's (see `render::stats::format`), so a language can be added to
//! a running site before everything is translated.

use std::collections::BTreeMap;
use std::path::Path;

use foldhash::{HashMap, HashSet};
use indexmap::IndexMap;

use crate::date::{Date, DayOrMonth};
use crate::diag::{Diagnostic, Diagnostics, Lines, Span};
use crate::load::limits;
use crate::load::{
    DataFile, RawAid, RawCount, RawOrganisation, RawRecord, Spanned, Texts, yaml_span,
};
use crate::locale::LocaleFormat;
use crate::messages::{Arg, Message};
use crate::msg;

/// Accepted values of a record's `qualifier`.
pub const QUALIFIERS: [&str; 2] = ["more-than", "about"];
/// Accepted values of a record's `frequency`.
pub const FREQUENCIES: [&str; 4] = ["once", "daily", "weekly", "monthly"];

/// Organisation ids that would take a folder aqparat writes itself:
/// `/LANG/infographics/charts/` holds the charts, `changes/` the history.
const RESERVED_ORGANISATION_IDS: [&str; 2] = ["charts", "changes"];

/// Whether a text may run over several lines (and hold tabs): prose such as
/// names and descriptions may; noun forms and addresses may not.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LineBreaks {
    /// Tabs and line breaks are allowed.
    Allowed,
    /// One line, no tab.
    Forbidden,
}

/// The most lines of a file listed in one message.
const MAX_LINES_LISTED: usize = 20;

/// Collects diagnostics for one file.
struct Checker<'a> {
    path: &'a Path,
    /// The file's lines, for the lines quoted and the scalars as written.
    lines: Lines<'a>,
    /// The site's default language, whose texts stand in for missing ones.
    default: &'a str,
    /// Languages whose texts the whole file lacks, reported once (see
    /// [`no_text_columns`]), not again at each text.
    reported_missing: Vec<String>,
    /// The texts in a language the site does not have, by language: told
    /// by [`Checker::finish`], once a language if there are several.
    foreign: BTreeMap<String, Vec<(Span, Message)>>,
    diagnostics: &'a mut Diagnostics,
}

impl Checker<'_> {
    /// A warning when `day`, written as `value`, starts after `today`:
    /// figures are reported of days that have come, and sources given on
    /// them.
    fn not_after(&mut self, today: Date, value: &Spanned<String>, day: DayOrMonth, what: &Message) {
        if day.first_day() <= today {
            return;
        }
        self.warning(
            yaml_span(value, 0),
            msg!(
                "aid-date-after-today",
                what = what.clone(),
                date = day.to_string(),
                today = today.to_string()
            ),
            msg!("aid-date-after-today-hint"),
        );
    }

    fn warning(&mut self, span: Span, message: Message, hint: Message) {
        let warning = Diagnostic::warning(self.path, span, message);
        self.push(warning, hint);
    }

    /// Whether the file is a table (`records.csv`), not YAML.
    fn is_table(&self) -> bool {
        self.path.extension().is_some_and(|e| e == "csv")
    }

    fn error(&mut self, span: Span, message: Message, hint: Message) {
        let error = Diagnostic::error(self.path, span, message);
        self.push(error, hint);
    }

    /// Notes a text (or noun forms) at `span` in `lang`, which the site
    /// does not have: `message` says so of that one.
    fn foreign(&mut self, lang: &str, span: Span, message: Message) {
        let texts = self.foreign.entry(lang.to_string()).or_default();
        texts.push((span, message));
    }

    /// Tells the texts noted in languages the site does not have: a text
    /// alone, with the site's `languages`; several, once, at the first,
    /// with the lines of the others (a language taken out of `site.yaml`
    /// would otherwise make an error of every text in it).
    fn finish(mut self, languages: &[String]) {
        let languages = languages.join(", ");
        for (lang, mut texts) in std::mem::take(&mut self.foreign) {
            // In the file's order, whatever the order of the checks.
            texts.sort_by_key(|(span, _)| *span);
            let Some(((first, message), others)) = texts.split_first() else {
                continue;
            };
            if others.is_empty() {
                let hint = msg!("aid-text-foreign-hint", languages = languages.as_str());
                self.error(*first, message.clone(), hint);
                continue;
            }
            let mut lines: Vec<usize> = others.iter().map(|(span, _)| span.line).collect();
            lines.dedup();
            lines.retain(|&line| line != first.line);
            let others = lines.len();
            let mut lines: Vec<String> = lines.iter().map(usize::to_string).collect();
            if lines.len() > MAX_LINES_LISTED {
                lines.truncate(MAX_LINES_LISTED);
                lines.push("…".to_string());
            }
            let message = msg!(
                "aid-texts-foreign",
                count = crate::messages::Arg::count(texts.len()),
                lang = shown(&lang),
                others = crate::messages::Arg::count(others),
                lines = lines.join(", ")
            );
            let hint = msg!(
                "aid-texts-foreign-hint",
                lang = shown(&lang),
                languages = languages.as_str()
            );
            self.error(*first, message, hint);
        }
    }

    /// Reports `diagnostic` with `hint` and the line it points at.
    fn push(&mut self, diagnostic: Diagnostic, hint: Message) {
        let quote = self.lines.quote_line(diagnostic.span);
        self.diagnostics
            .push(diagnostic.with_hint(hint).with_quote(quote));
    }

    /// Something missing in `lang`: an error in the default language, else
    /// a warning, the default language's `stand_in` (its text) shown
    /// meanwhile.
    fn missing(
        &mut self,
        lang: &str,
        span: Span,
        message: Message,
        hint: Message,
        stand_in: Message,
    ) {
        if lang == self.default {
            self.error(span, message, hint);
        } else {
            let hint = msg!(
                "fallback-hint",
                hint = hint,
                lang = lang,
                default = self.default,
                stand_in = stand_in
            );
            self.diagnostics.push(
                Diagnostic::warning(self.path, span, message)
                    .with_hint(hint)
                    .with_quote(self.lines.quote_line(span)),
            );
        }
    }

    /// A text must exist, not empty, in the default language (in the others
    /// too, else a warning), and in no other, without control characters.
    /// `field` names it in messages (`name`).
    fn texts(&mut self, texts: &Texts, what: &Message, field: &str, languages: &[String]) {
        let in_table = self.is_table();
        for lang in languages {
            if self.reported_missing.contains(lang) {
                continue;
            }
            let written = texts.value.get(lang);
            if written.is_some_and(|t| !t.value.trim().is_empty()) {
                continue;
            }
            let languages = languages.join(", ");
            // Where it is to be written: the empty text (`ru: ""`, an empty
            // cell), else the texts (a row that ends before the cell).
            let (span, hint) = match written {
                Some(empty) => (
                    yaml_span(empty, 0),
                    msg!("aid-text-empty-hint", lang = lang, languages = languages),
                ),
                None if in_table => (
                    yaml_span(texts, 0),
                    msg!("aid-text-cell-hint", lang = lang, languages = languages),
                ),
                None => (
                    yaml_span(texts, 0),
                    msg!("aid-text-missing-hint", lang = lang, languages = languages),
                ),
            };
            let message = msg!("aid-text-missing", what = what.clone(), lang = lang);
            self.missing(lang, span, message, hint, msg!("stand-in-text"));
        }
        for (lang, text) in &texts.value {
            if languages.contains(lang) {
                let field = msg!("aid-field-in", lang = lang, field = field_name(field));
                self.plain_text(text, what, field, LineBreaks::Allowed);
            } else {
                let message = msg!("aid-text-foreign", what = what.clone(), lang = shown(lang));
                self.foreign(lang, yaml_span(text, 0), message);
            }
        }
    }

    /// A text may hold no control character (NUL, ESC, BEL, DEL, C1…); tabs
    /// and line breaks only where `lines` allows them; nor more characters
    /// than a spreadsheet's cell, [`limits::MAX_TEXT_LENGTH`]. Such characters are
    /// invisible to the author, break the chart cards' XML and can drive a
    /// terminal. Returns whether it told such a character (or one that
    /// reorders text) in it.
    fn plain_text(
        &mut self,
        text: &Spanned<String>,
        what: &Message,
        field: Message,
        lines: LineBreaks,
    ) -> bool {
        // In a table (`records.csv`) a `#` is text.
        if !self.is_table() {
            let span = yaml_span(text, 0);
            let cut = crate::load::cut_by_comment(self.path, &self.lines, span, &text.value);
            self.diagnostics.extend(cut);
        }
        let allowed = |c: char| lines == LineBreaks::Allowed && (c == '\t' || c == '\n');
        let length = text.value.encode_utf16().count();
        if length > limits::MAX_TEXT_LENGTH {
            self.error(
                yaml_span(text, 0),
                msg!(
                    "aid-text-too-long",
                    what = what.clone(),
                    field = field.clone(),
                    length = length.to_string(),
                    max = limits::MAX_TEXT_LENGTH.to_string()
                ),
                msg!("aid-text-too-long-hint"),
            );
        }
        let control = text.value.chars().find(|c| c.is_control() && !allowed(*c));
        if let Some(control) = control {
            self.error(
                yaml_span(text, 0),
                msg!(
                    "aid-control",
                    what = what.clone(),
                    field = field.clone(),
                    code = format!("{:04X}", u32::from(control))
                ),
                if lines == LineBreaks::Allowed {
                    msg!("aid-control-hint-lines")
                } else {
                    msg!("aid-control-hint-line")
                },
            );
        }
        // On pages and in the downloads' cells alike.
        let direction = text.value.chars().find(|c| super::config::reorders(*c));
        if let Some(direction) = direction {
            self.error(
                yaml_span(text, 0),
                msg!(
                    "aid-direction-control",
                    what = what.clone(),
                    field = field,
                    code = format!("{:04X}", u32::from(direction))
                ),
                msg!("aid-direction-control-hint"),
            );
        }
        control.is_some() || direction.is_some()
    }

    /// `id`, the id of a `kind` (`organisation`), must have the form of an
    /// id: it becomes a file name, an address and an HTML id.
    fn id(&mut self, id: &Spanned<String>, kind: &str) {
        if !limits::is_id(&id.value) {
            self.error(
                yaml_span(id, 0),
                msg!("aid-bad-id", kind = kind_name(kind), id = shown(&id.value)),
                msg!("aid-bad-id-hint", max = limits::MAX_ID_LENGTH.to_string()),
            );
        } else if kind == "organisation" && RESERVED_ORGANISATION_IDS.contains(&id.value.as_str()) {
            self.error(
                yaml_span(id, 0),
                msg!("aid-reserved-id", id = &id.value),
                msg!("aid-reserved-id-hint"),
            );
        }
    }

    /// An error at lookup file `entries` (`file`, of ids of `kind`) when
    /// the records name its ids and it has none, emptied by a slip or an
    /// editor's crash: told once, at that file, not at every record.
    fn emptied<T>(
        &mut self,
        entries: Option<&DataFile<IndexMap<Spanned<String>, T>>>,
        kind: &str,
        file: &str,
    ) {
        let Some(entries) = entries.filter(|entries| is_emptied(entries)) else {
            return;
        };
        let kind = kind_name(kind);
        self.diagnostics.push(
            Diagnostic::error(
                &entries.path,
                Span::START,
                msg!("aid-lookup-empty", file = file, kind = kind.clone()),
            )
            .with_hint(msg!("aid-lookup-empty-hint", file = file, kind = kind)),
        );
    }

    /// `id` must be a key of `table`.
    fn reference<T>(
        &mut self,
        id: &Spanned<String>,
        entries: &DataFile<IndexMap<Spanned<String>, T>>,
        kind: &str,
        file: &str,
        context: &Message,
    ) {
        let table = &entries.value;
        if is_emptied(entries) {
            return; // told once, at the file (see `emptied`)
        }
        // An entry left out for its problems is written, not unknown.
        if !table.keys().any(|k| k.value == id.value) && !entries.lost.contains(&id.value) {
            let known: Vec<&str> = table.keys().map(|k| k.value.as_str()).collect();
            let guess = crate::diag::did_you_mean(&id.value, known.iter().copied());
            self.error(
                yaml_span(id, 0),
                msg!(
                    "aid-unknown",
                    context = context.clone(),
                    kind = kind_name(kind),
                    id = shown(&id.value),
                    guess = guess
                ),
                match known.is_empty() {
                    true => msg!("aid-unknown-hint-none", file = file),
                    false => msg!("aid-unknown-hint", file = file, known = known.join(", ")),
                },
            );
        }
    }
}

/// Whether lookup file `entries` holds no entry, not even one left out
/// for its problems.
fn is_emptied<T>(entries: &DataFile<IndexMap<Spanned<String>, T>>) -> bool {
    entries.value.is_empty() && entries.lost.is_empty()
}

/// Checks the statistics against the site's languages, `default` the
/// default one.
pub fn check(
    aid: &RawAid,
    languages: &[String],
    default: &str,
    today: Date,
    diagnostics: &mut Diagnostics,
) {
    let mut found = Diagnostics::new();
    check_files(aid, languages, default, today, &mut found);
    // In an item read without a part at fault, what is missing may be
    // that part: reported once it is mended.
    diagnostics.extend((found.into_iter()).filter(|d| !aid.is_unread(&d.path, d.span.line)));
}

/// Organisations whose `parent`s lead back to them (`a` in `b`, `b` in
/// `a`): each such ring told once, at the `parent` of its first
/// organisation in the file, with the ring.
fn check_parent_cycles(
    c: &mut Checker,
    organisations: &IndexMap<Spanned<String>, RawOrganisation>,
) {
    let parent_of: HashMap<&str, &Spanned<String>> = (organisations.iter())
        .filter_map(|(id, org)| Some((id.value.as_str(), org.parent.as_ref()?)))
        .collect();
    let mut in_a_ring: HashSet<&str> = HashSet::default();
    for (id, org) in organisations {
        let Some(parent) = &org.parent else { continue };
        if in_a_ring.contains(id.value.as_str()) || parent.value == id.value {
            continue;
        }
        let mut ring = vec![id.value.as_str(), parent.value.as_str()];
        // A chain longer than the list has gone round a ring that does not
        // hold `id`: that ring is told from its own first organisation.
        while ring.len() <= organisations.len() {
            let Some(next) = parent_of.get(ring[ring.len() - 1]) else {
                break;
            };
            ring.push(&next.value);
            if next.value == id.value {
                in_a_ring.extend(&ring);
                c.error(
                    yaml_span(parent, 0),
                    msg!("aid-organisation-ring", ring = ring.join(" → ")),
                    msg!("aid-organisation-ring-hint"),
                );
                break;
            }
        }
    }
}

/// The checks of [`check`], each problem reported.
fn check_files(
    aid: &RawAid,
    languages: &[String],
    default: &str,
    today: Date,
    diagnostics: &mut Diagnostics,
) {
    let formats: Vec<(String, LocaleFormat)> = languages
        .iter()
        .map(|l| (l.clone(), LocaleFormat::new(l)))
        .collect();
    if let Some(file) = &aid.organisations {
        let mut c = checker(file, default, diagnostics);
        for (id, org) in &file.value {
            c.id(id, "organisation");
            let what = msg!("aid-organisation", id = shown(&id.value));
            c.texts(&org.name, &what, "name", languages);
            if let Some(short) = &org.short {
                c.texts(short, &what, "short name", languages);
            }
            if let Some(lang) = &org.quoted_lang
                && !languages.contains(&lang.value)
            {
                c.error(
                    yaml_span(lang, 0),
                    msg!(
                        "aid-quoted-lang",
                        what = what.clone(),
                        lang = shown(&lang.value)
                    ),
                    msg!("aid-quoted-lang-hint", languages = languages.join(", ")),
                );
            }
            for other in org.parent.iter().chain(&org.partners) {
                c.reference(other, file, "organisation", "organisations.yaml", &what);
                if other.value == id.value {
                    c.error(
                        yaml_span(other, 0),
                        msg!("aid-organisation-itself", what = what.clone()),
                        msg!("aid-organisation-itself-hint"),
                    );
                }
            }
        }
        check_parent_cycles(&mut c, &file.value);
        c.finish(languages);
    }
    if let Some(file) = &aid.categories {
        let mut c = checker(file, default, diagnostics);
        for (id, category) in &file.value {
            c.id(id, "category");
            let what = msg!("aid-category", id = shown(&id.value));
            c.texts(&category.name, &what, "name", languages);
        }
        c.finish(languages);
    }
    if let Some(file) = &aid.sources {
        let mut c = checker(file, default, diagnostics);
        for (id, source) in &file.value {
            c.id(id, "source");
            let what = msg!("aid-source", id = shown(&id.value));
            c.texts(&source.title, &what, "title", languages);
            if let Some(date) = &source.date {
                match Date::parse(&date.value) {
                    Ok(day) => c.not_after(today, date, DayOrMonth::Day(day), &what),
                    Err(message) => c.error(
                        yaml_span(date, 0),
                        msg!("aid-invalid-date", what = what.clone(), error = message),
                        msg!("aid-date-hint"),
                    ),
                }
            }
            if let Some(url) = &source.url {
                // A control character, or one that reorders text, is told
                // once, as a text's.
                let told = c.plain_text(url, &what, "`url`".into(), LineBreaks::Forbidden);
                if !told && let Err(problem) = crate::address::check_link(&url.value) {
                    c.error(
                        yaml_span(url, 0),
                        msg!("aid-url", what = what.clone(), problem = problem),
                        msg!("aid-url-hint"),
                    );
                }
            }
        }
        c.finish(languages);
    }
    if let Some(file) = &aid.units {
        check_units(
            file,
            aid.records.as_ref(),
            languages,
            &formats,
            default,
            diagnostics,
        );
    }
    if let Some(file) = &aid.records {
        check_records(file, aid, languages, default, today, diagnostics);
    }
}

fn checker<'a, T>(
    file: &'a DataFile<T>,
    default: &'a str,
    diagnostics: &'a mut Diagnostics,
) -> Checker<'a> {
    Checker {
        path: &file.path,
        lines: Lines::new(&file.text, 0),
        default,
        reported_missing: Vec::new(),
        foreign: BTreeMap::new(),
        diagnostics,
    }
}

/// Units need a name per language and, in each language they have nouns
/// for, a noun for every plural category a whole number can take there.
/// A language without nouns (a warning but in the default language) shows
/// the default language's figure, whose forms are checked.
fn check_units(
    file: &DataFile<IndexMap<Spanned<String>, crate::load::RawUnit>>,
    records: Option<&DataFile<Vec<RawRecord>>>,
    languages: &[String],
    formats: &[(String, LocaleFormat)],
    default: &str,
    diagnostics: &mut Diagnostics,
) {
    let mut c = checker(file, default, diagnostics);
    for (id, unit) in &file.value {
        c.id(id, "unit");
        let what = msg!("aid-unit", id = shown(&id.value));
        c.texts(&unit.name, &what, "name", languages);
        for (lang, forms) in &unit.forms.value {
            if !languages.contains(lang) {
                let message = msg!("aid-forms-foreign", what = what.clone(), lang = shown(lang));
                c.foreign(lang, yaml_span(forms, 0), message);
                continue;
            }
            for (category, noun) in &forms.value {
                let field = msg!(
                    "aid-field-noun-form",
                    lang = shown(lang),
                    category = shown(category)
                );
                c.plain_text(noun, &what, field, LineBreaks::Forbidden);
            }
        }
        for (lang, format) in formats {
            let Some(forms) = unit.forms.value.get(lang) else {
                c.missing(
                    lang,
                    yaml_span(&unit.forms, 0),
                    msg!("aid-no-forms", what = what.clone(), lang = lang),
                    msg!(
                        "aid-no-forms-hint",
                        lang = lang,
                        forms = category_list(format)
                    ),
                    msg!("stand-in-figure"),
                );
                continue;
            };
            for (category, example) in format.integer_plural_categories() {
                if forms.value.contains_key(category) {
                    continue;
                }
                let needed_by = records.and_then(|r| {
                    r.value.iter().find_map(|record| match &record.count {
                        Some(Spanned {
                            value: RawCount::Integer(n),
                            ..
                        }) if record.unit.value == id.value
                            && i64::try_from(*n)
                                .is_ok_and(|n| format.plural_category(n) == category) =>
                        {
                            Some(msg!(
                                "aid-form-needed-by",
                                id = &record.id.value,
                                count = n.to_string()
                            ))
                        }
                        _ => None,
                    })
                });
                c.error(
                    yaml_span(forms, 0),
                    msg!(
                        "aid-missing-form",
                        what = what.clone(),
                        lang = lang,
                        category = category,
                        needed = needed_by.unwrap_or_else(|| {
                            msg!("aid-form-needed-for", example = example.to_string())
                        })
                    ),
                    msg!(
                        "aid-forms-needed-hint",
                        lang = lang,
                        forms = category_list(format)
                    ),
                );
            }
            let known: Vec<&str> = format
                .integer_plural_categories()
                .iter()
                .map(|(c, _)| *c)
                .collect();
            for category in forms
                .value
                .keys()
                .filter(|k| !known.contains(&k.as_str()) && k.as_str() != "other")
            {
                c.error(
                    yaml_span(forms, 0),
                    msg!(
                        "aid-unknown-form",
                        what = what.clone(),
                        lang = lang,
                        category = shown(category)
                    ),
                    msg!(
                        "aid-forms-used-hint",
                        lang = lang,
                        forms = category_list(format)
                    ),
                );
            }
        }
    }
    c.finish(languages);
}

fn category_list(format: &LocaleFormat) -> Message {
    format
        .integer_plural_categories()
        .iter()
        .map(|(c, n)| msg!("aid-form-example", category = *c, example = n.to_string()))
        .reduce(|list, item| msg!("list-more", list = list, item = item))
        .unwrap_or_default()
}

/// A kind of thing of the statistics (`organisation`), in words.
fn kind_name(kind: &str) -> Message {
    match kind {
        "organisation" => msg!("aid-kind-organisation"),
        "category" => msg!("aid-kind-category"),
        "source" => msg!("aid-kind-source"),
        "unit" => msg!("aid-kind-unit"),
        "record" => msg!("aid-kind-record"),
        other => Message::from(other),
    }
}

/// A text field of the statistics (`name`), in words.
fn field_name(field: &str) -> Message {
    match field {
        "name" => msg!("aid-field-name"),
        "short name" => msg!("aid-field-short"),
        "title" => msg!("aid-field-title"),
        "what" => msg!("aid-field-what"),
        other => Message::from(other),
    }
}

/// Every record: unique id, known references, a valid count or `reported:
/// false`, valid dates, a known qualifier and frequency.
fn check_records(
    file: &DataFile<Vec<RawRecord>>,
    aid: &RawAid,
    languages: &[String],
    default: &str,
    today: Date,
    diagnostics: &mut Diagnostics,
) {
    let mut c = checker(file, default, diagnostics);
    no_text_columns(&mut c, &file.value, languages);
    if !file.value.is_empty() {
        c.emptied(
            aid.organisations.as_ref(),
            "organisation",
            "organisations.yaml",
        );
        c.emptied(aid.categories.as_ref(), "category", "categories.yaml");
        c.emptied(aid.units.as_ref(), "unit", "units.yaml");
        c.emptied(aid.sources.as_ref(), "source", "sources.yaml");
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for record in &file.value {
        let id = &record.id;
        c.id(id, "record");
        let what = msg!("aid-record", id = shown(&id.value));
        if let Some(line) = seen.insert(&id.value, yaml_span(id, 0).line) {
            c.error(
                yaml_span(id, 0),
                msg!(
                    "aid-duplicate-record",
                    id = shown(&id.value),
                    line = line.to_string()
                ),
                msg!("aid-duplicate-record-hint"),
            );
        }
        if let Some(orgs) = &aid.organisations {
            for org in std::iter::once(&record.org).chain(&record.partners) {
                c.reference(org, orgs, "organisation", "organisations.yaml", &what);
            }
        }
        if let Some(partner) = record.partners.iter().find(|p| p.value == record.org.value) {
            c.error(
                yaml_span(partner, 0),
                msg!(
                    "aid-record-partner-itself",
                    what = what.clone(),
                    org = shown(&partner.value)
                ),
                msg!("aid-record-partner-itself-hint"),
            );
        }
        if let Some(categories) = &aid.categories {
            c.reference(
                &record.category,
                categories,
                "category",
                "categories.yaml",
                &what,
            );
        }
        if let Some(units) = &aid.units {
            c.reference(&record.unit, units, "unit", "units.yaml", &what);
        }
        if let Some(sources) = &aid.sources {
            c.reference(&record.source, sources, "source", "sources.yaml", &what);
        }
        c.texts(&record.what, &what, "what", languages);
        check_count(&mut c, record, &what);
        check_when(&mut c, record, &what, today);
        for (value, allowed, field) in [
            (&record.qualifier, &QUALIFIERS[..], "qualifier"),
            (&record.frequency, &FREQUENCIES[..], "frequency"),
        ] {
            if let Some(value) = value
                && !allowed.contains(&value.value.as_str())
            {
                let guess = crate::diag::did_you_mean(&value.value, allowed.iter().copied());
                c.error(
                    yaml_span(value, 0),
                    msg!(
                        "aid-unknown-value",
                        what = what.clone(),
                        field = field,
                        value = shown(&value.value),
                        guess = guess
                    ),
                    msg!("use-one-of", list = allowed.join(", ")),
                );
            }
        }
    }
    let not_added: Vec<&str> = (aid.units.iter())
        .flat_map(|f| &f.value)
        .filter(|(_, unit)| !unit.add)
        .map(|(id, _)| id.value.as_str())
        .collect();
    check_totals(&mut c, &file.value, &not_added);
    check_same_day(&mut c, &file.value);
    c.finish(languages);
}

/// Two figures of one organisation, unit and `what` on the same day (its
/// `date`, or its period's end), neither given with a `frequency`: both
/// are added up, which counts the same things twice when one figure was
/// entered twice. A warning at the later record, naming the first.
fn check_same_day(c: &mut Checker, records: &[RawRecord]) {
    type Key<'r> = (&'r str, &'r str, Vec<(&'r str, &'r str)>, &'r str);
    let mut first: HashMap<Key, &str> = HashMap::default();
    for record in records {
        let to = || record.period.as_ref()?.value.to.as_ref();
        let Some(day) = record.date.as_ref().or_else(to) else {
            continue;
        };
        if record.frequency.is_some() || valid_count(record).is_none() {
            continue;
        }
        let what = (record.what.value.iter())
            .map(|(lang, text)| (lang.as_str(), text.value.as_str()))
            .collect();
        let key = (
            record.org.value.as_str(),
            record.unit.value.as_str(),
            what,
            day.value.as_str(),
        );
        match first.entry(key) {
            std::collections::hash_map::Entry::Vacant(entry) => {
                entry.insert(&record.id.value);
            }
            std::collections::hash_map::Entry::Occupied(entry) => c.warning(
                yaml_span(&record.id, 0),
                msg!(
                    "aid-same-day",
                    what = msg!("aid-record", id = shown(&record.id.value)),
                    first = shown(entry.get()),
                    day = day.value.as_str()
                ),
                msg!("aid-same-day-hint"),
            ),
        }
    }
}

/// In `records.csv`, each of the `languages` that no row has a cell of
/// (no `what_LANG` column): reported once, at the header, and not again at
/// every row.
fn no_text_columns(c: &mut Checker, records: &[RawRecord], languages: &[String]) {
    if !c.is_table() || records.is_empty() {
        return;
    }
    let without =
        (languages.iter()).filter(|lang| !records.iter().any(|r| r.what.value.contains_key(*lang)));
    for lang in without {
        c.missing(
            lang,
            Span::START,
            msg!("aid-text-column", lang = lang),
            msg!(
                "aid-text-column-hint",
                lang = lang,
                languages = languages.join(", ")
            ),
            msg!("stand-in-text"),
        );
        c.reported_missing.push(lang.clone());
    }
}

/// No total in a unit may pass [`limits::MAX_TOTAL`]: a sum is never
/// wrapped or rounded into a wrong figure. Every total the site shows adds
/// up some of a unit's records, so checking the sum of all of them is
/// enough; the units `not_added` (`add: false`) have no total of several.
/// Reported once per unit, at the record that passes the bound, naming the
/// records.
fn check_totals(c: &mut Checker, records: &[RawRecord], not_added: &[&str]) {
    let mut units: Vec<&str> = Vec::new();
    for record in records {
        let unit = record.unit.value.as_str();
        if !units.contains(&unit) && !not_added.contains(&unit) {
            units.push(&record.unit.value);
        }
    }
    for unit in units {
        let mut total: u64 = 0;
        let mut added: Vec<&str> = Vec::new();
        for record in records.iter().filter(|r| r.unit.value == unit) {
            let Some(count) = valid_count(record) else {
                continue;
            };
            added.push(&record.id.value);
            match limits::add_count(total, count) {
                Some(sum) => total = sum,
                None => {
                    let span = record
                        .count
                        .as_ref()
                        .map_or(yaml_span(&record.id, 0), |n| yaml_span(n, 0));
                    c.error(
                        span,
                        msg!(
                            "aid-total-too-large",
                            id = shown(&record.id.value),
                            unit = shown(unit),
                            max = Arg::Number(limits::MAX_TOTAL as i64),
                            records = named_records(&added)
                        ),
                        msg!("aid-total-too-large-hint"),
                    );
                    break;
                }
            }
        }
    }
}

/// `record`'s count when it is one that is shown and added up.
fn valid_count(record: &RawRecord) -> Option<u64> {
    if record.reported.as_ref().is_some_and(|r| !r.value) {
        return None;
    }
    match record.count.as_ref()?.value {
        RawCount::Integer(n) => u64::try_from(n).ok().filter(|n| *n <= limits::MAX_COUNT),
        _ => None,
    }
}

/// `` `a`, `b`, `c` `` for a few ids, the first and the last few for many.
fn named_records(ids: &[&str]) -> Message {
    const SHOWN: usize = 3;
    let quote = |ids: &[&str]| {
        ids.iter()
            .map(|id| format!("`{}`", shown(id)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if ids.len() <= 2 * SHOWN {
        quote(ids).into()
    } else {
        msg!(
            "aid-records-elided",
            first = quote(&ids[..SHOWN]),
            last = quote(&ids[ids.len() - SHOWN..]),
            count = ids.len().to_string()
        )
    }
}

/// `text` for a message: control characters written as escapes
/// (`\u{1b}`), so that a diagnostic never sends them to a terminal.
fn shown(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The scalar that `rest` (its line from the scalar's column on) begins
/// with (`1e3`, `"many"`), to quote what the author wrote rather than how
/// YAML read it. In a CSV file (`is_csv`), a `;` or a tab ends it too, as
/// either may end a cell. Only the scalar is read, not the rest of its
/// line.
fn written_at(rest: &str, is_csv: bool) -> Option<String> {
    let written = match rest.chars().next()? {
        quote @ ('"' | '\'') => {
            let end = rest[1..].find(quote).map_or(rest.len(), |i| i + 2);
            &rest[..end]
        }
        _ => {
            let ends: &[char] = if is_csv {
                &[',', ';', '\t']
            } else {
                &[',', '}', ']']
            };
            let value = &rest[..rest.find(ends).unwrap_or(rest.len())];
            // A comment starts at a `#` after a space or a tab.
            let comment = (value.char_indices())
                .find(|&(i, c)| c == '#' && value[..i].ends_with([' ', '\t']))
                .map_or(value.len(), |(i, _)| i);
            value[..comment].trim_end()
        }
    };
    (!written.is_empty()).then(|| written.to_string())
}

/// Whether `text` is a whole number as a count is written: digits, the
/// first of them not `0` unless it is the only one.
fn is_plain_number(text: &str) -> bool {
    !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text.len() == 1 || !text.starts_with('0'))
}

fn check_count(c: &mut Checker, record: &RawRecord, what: &Message) {
    let reported = record.reported.as_ref().is_none_or(|r| r.value);
    match (&record.count, reported) {
        (Some(count), true) => check_count_value(c, count, what),
        (Some(count), false) => c.error(
            yaml_span(count, 0),
            msg!("aid-count-not-reported", what = what.clone()),
            msg!("aid-count-not-reported-hint"),
        ),
        (None, true) => c.error(
            yaml_span(&record.id, 0),
            msg!("aid-no-count", what = what.clone()),
            msg!("aid-no-count-hint"),
        ),
        (None, false) => {
            if let Some(qualifier) = &record.qualifier {
                c.error(
                    yaml_span(qualifier, 0),
                    msg!("aid-qualifier-without-count", what = what.clone()),
                    msg!("aid-qualifier-without-count-hint"),
                );
            }
        }
    }
}

/// A count is a whole number from 0 to [`limits::MAX_COUNT`], written in
/// digits. Messages quote the count as it is written (`1e3`), not as YAML
/// read it (`1000`).
fn check_count_value(c: &mut Checker, count: &Spanned<RawCount>, what: &Message) {
    let span = yaml_span(count, 0);
    let is_csv = c.path.extension().is_some_and(|e| e == "csv");
    let rest = (c.lines.at(span)).map_or("", |(line, at)| &line[at..]);
    let written = |fallback: String| shown(&written_at(rest, is_csv).unwrap_or(fallback));
    let too_large = |written: String| {
        (
            msg!(
                "aid-count-too-large",
                what = what.clone(),
                count = written,
                max = Arg::Number(limits::MAX_COUNT as i64)
            ),
            msg!("aid-count-too-large-hint"),
        )
    };
    // A whole number written otherwise than in plain digits: `0x10`,
    // `1_000`, `+12`, `1e3`; `007`, all digits but with zeros before them.
    let not_digits = |written: &str, digits: String| {
        let count = shown(written);
        let message = match written
            .trim()
            .trim_matches('"')
            .bytes()
            .all(|b| b.is_ascii_digit())
        {
            true => msg!(
                "aid-count-leading-zeros",
                what = what.clone(),
                count = count
            ),
            false => msg!("aid-count-not-digits", what = what.clone(), count = count),
        };
        (message, msg!("aid-count-not-digits-hint", digits = digits))
    };
    // A whole number in quotes, or with its thousands set apart
    // (`1 250`, `1,250`): the digits meant are told.
    if let RawCount::Other(text) = &count.value
        && let Some(digits) = digits_meant(text)
    {
        let quoted = rest.starts_with(['"', '\'']);
        let count = if quoted {
            written(text.clone())
        } else {
            shown(text)
        };
        let (message, hint) = match quoted && text.trim().bytes().all(|b| b.is_ascii_digit()) {
            true => (
                msg!("aid-count-quoted", what = what.clone(), count = count),
                msg!("aid-count-quoted-hint", digits = digits),
            ),
            false => (
                msg!("aid-count-grouped", what = what.clone(), count = count),
                msg!("aid-count-grouped-hint", digits = digits),
            ),
        };
        c.error(span, message, hint);
        return;
    }
    let problem = match &count.value {
        RawCount::Integer(n) if *n < 0 => Some((
            msg!(
                "aid-count-negative-number",
                what = what.clone(),
                count = written(n.to_string())
            ),
            msg!("aid-count-negative-hint"),
        )),
        RawCount::Integer(n) if *n > i128::from(limits::MAX_COUNT) => {
            Some(too_large(written(n.to_string())))
        }
        // YAML reads `0x10`, `0o17`, `+12` and `1_000` as whole numbers
        // too (after an anchor, `&a 12`, is what counts), and a CSV cell
        // `+12` or `012` is read as 12: the plain number is asked for.
        RawCount::Integer(n) => written_at(rest, is_csv)
            .filter(|written| {
                let value = match (written.strip_prefix('&'), is_csv) {
                    (Some(anchored), false) => {
                        anchored.split_once([' ', '\t']).map_or("", |(_, v)| v)
                    }
                    // A cell may be quoted: `"12"` is 12 as written.
                    (_, true) => (written.strip_prefix('"'))
                        .and_then(|w| w.strip_suffix('"'))
                        .unwrap_or(written),
                    (None, false) => written,
                };
                !is_plain_number(value.trim())
            })
            .map(|written| not_digits(&written, n.to_string())),
        RawCount::Real(v) if v.is_finite() && v.fract() == 0.0 => {
            let shown_value = written(v.to_string());
            if *v < 0.0 {
                Some((
                    msg!(
                        "aid-count-negative",
                        what = what.clone(),
                        count = shown_value
                    ),
                    msg!("aid-count-negative-hint"),
                ))
            } else if *v > limits::MAX_COUNT as f64 {
                Some(too_large(shown_value))
            } else {
                let raw = written_at(rest, is_csv).unwrap_or_else(|| v.to_string());
                Some(not_digits(&raw, format!("{v:.0}")))
            }
        }
        RawCount::Real(v) => Some((
            msg!(
                "aid-count-not-whole",
                what = what.clone(),
                count = written(v.to_string())
            ),
            msg!("aid-count-not-whole-hint"),
        )),
        // Text read as it is written (`1,5`, whose comma would end the
        // value in a flow mapping or a CSV row) is quoted whole.
        RawCount::Other(text) => Some((
            msg!(
                "aid-count-not-whole",
                what = what.clone(),
                count = match !text.is_empty() && rest.starts_with(text.as_str()) {
                    true => shown(text),
                    false => written(text.clone()),
                }
            ),
            msg!("aid-count-not-whole-hint"),
        )),
    };
    if let Some((message, hint)) = problem {
        c.error(span, message, hint);
    }
}

/// The digits of a count written as text that is a whole number all the
/// same: digits alone (in quotes), or groups of three set apart by one
/// separator, a space (plain, no-break or narrow), a comma, a point or an
/// apostrophe (`1 250`, `1,250`, `1.250.000`). `1,5` is no such number: in
/// Kazakh and Russian it is one and a half.
fn digits_meant(text: &str) -> Option<String> {
    let text = text.trim();
    let mut groups = text.split([' ', '\u{a0}', '\u{202f}', ',', '.', '\'']);
    let first = groups.next()?;
    let is_digits = |group: &str| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit());
    if !is_digits(first) || first.len() > 20 {
        return None;
    }
    let rest: Vec<&str> = groups.collect();
    let separators: std::collections::BTreeSet<char> =
        text.chars().filter(|c| !c.is_ascii_digit()).collect();
    let grouped = (1..=3).contains(&first.len())
        && separators.len() == 1
        && rest
            .iter()
            .all(|group| group.len() == 3 && is_digits(group));
    let digits: String = std::iter::once(first).chain(rest.iter().copied()).collect();
    // Written plain: without leading zeros (`"007"` means 7).
    let plain = match digits.trim_start_matches('0') {
        "" => "0",
        plain => plain,
    };
    (rest.is_empty() || grouped).then(|| plain.to_string())
}

/// A record's day or period: days that exist, a period that ends after it
/// starts, and neither the day a figure is as of nor either end of its
/// period after `today` (a year mistyped: `2202`).
fn check_when(c: &mut Checker, record: &RawRecord, what: &Message, today: Date) {
    if let Some(date) = &record.date {
        match Date::parse(&date.value) {
            Ok(day) => c.not_after(today, date, DayOrMonth::Day(day), what),
            Err(message) => c.error(
                yaml_span(date, 0),
                msg!("aid-invalid-date", what = what.clone(), error = message),
                msg!("aid-date-hint"),
            ),
        }
        if let Some(period) = &record.period {
            // In a table, the period is its first cell written.
            let (name, hint) = match (c.is_table(), &period.value.from) {
                (false, _) => ("period", msg!("aid-both-date-and-period-hint")),
                (true, Some(_)) => ("period_from", msg!("aid-both-date-and-period-cells-hint")),
                (true, None) => ("period_to", msg!("aid-both-date-and-period-cells-hint")),
            };
            let message = msg!(
                "aid-both-date-and-period",
                what = what.clone(),
                period = name
            );
            c.error(yaml_span(period, 0), message, hint);
        }
    }
    let Some(period) = &record.period else { return };
    let parse = |value: &Option<Spanned<String>>, c: &mut Checker| {
        let value = value.as_ref()?;
        DayOrMonth::parse(&value.value)
            .map_err(|message| {
                c.error(
                    yaml_span(value, 0),
                    msg!("aid-invalid-period", what = what.clone(), error = message),
                    msg!("aid-invalid-period-hint"),
                )
            })
            .ok()
    };
    let from = parse(&period.value.from, c);
    let to = parse(&period.value.to, c);
    for (day, value) in [(from, &period.value.from), (to, &period.value.to)] {
        if let (Some(day), Some(value)) = (day, value) {
            c.not_after(today, value, day, what);
        }
    }
    if period.value.from.is_none() && period.value.to.is_none() {
        c.error(
            yaml_span(period, 0),
            msg!("aid-empty-period", what = what.clone()),
            msg!("aid-empty-period-hint"),
        );
    }
    if let (Some(from), Some(to), Some(to_value)) = (from, to, &period.value.to)
        && to.last_day() < from.first_day()
    {
        c.error(
            yaml_span(to_value, 0),
            msg!(
                "aid-period-backwards",
                what = what.clone(),
                to = to.to_string(),
                from = from.to_string()
            ),
            match c.is_table() {
                true => msg!(
                    "aid-period-backwards-hint",
                    from = "period_from",
                    to = "period_to"
                ),
                false => msg!("aid-period-backwards-hint", from = "from", to = "to"),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_written_as_text_may_still_mean_its_digits() {
        assert_eq!(digits_meant("300").as_deref(), Some("300"));
        assert_eq!(digits_meant("1 250").as_deref(), Some("1250"));
        assert_eq!(
            digits_meant("12\u{a0}500\u{a0}000").as_deref(),
            Some("12500000")
        );
        assert_eq!(digits_meant("1.250.000").as_deref(), Some("1250000"));
        assert_eq!(digits_meant("007").as_deref(), Some("7"));
        assert_eq!(digits_meant("000").as_deref(), Some("0"));
        // One and a half, a point and a comma mixed, groups not of three.
        for text in [
            "1,5",
            "1,250.5",
            "1.250,000",
            "12 50",
            "1234 567",
            "",
            "a,bcd",
            " , ",
        ] {
            assert_eq!(digits_meant(text), None, "{text}");
        }
    }

    #[test]
    fn a_count_is_quoted_as_written_in_its_line_of_yaml_and_of_csv() {
        let yaml = "  count: 1e3 # about";
        assert_eq!(written_at(&yaml[9..], false).as_deref(), Some("1e3"));
        let tab = "  count: 12\t# twelve";
        assert_eq!(written_at(&tab[9..], false).as_deref(), Some("12"));
        let csv = "r1;org;3.5;families";
        assert_eq!(written_at(&csv[7..], true).as_deref(), Some("3.5"));
        let quoted = "r1,\"1,5\",x";
        assert_eq!(written_at(&quoted[3..], true).as_deref(), Some("\"1,5\""));
        let tabs = "r1\torg\t5\tbriefing";
        assert_eq!(written_at(&tabs[7..], true).as_deref(), Some("5"));
    }
}
