//! The words of a new site, in Kazakh, Russian and English; a language
//! aqparat has no words for gets the English ones, to translate.

use crate::locale::LocaleFormat;

/// A new site's texts in one language.
pub struct Words {
    /// The language's own name, for the switcher.
    name: &'static str,
    /// The site's title, when `--title` gives none.
    pub site_title: &'static str,
    /// The site's description.
    pub site_description: &'static str,
    /// The home page's title and text.
    pub home_title: &'static str,
    /// See `home_title`; `{file}` in it stands for the page's file.
    pub home_body: &'static str,
    /// The section's title and text.
    pub section_title: &'static str,
    /// See `section_title`.
    pub section_body: &'static str,
    /// The page's title and text.
    pub page_title: &'static str,
    /// See `page_title`.
    pub page_body: &'static str,
    /// The staff guide, a whole page file.
    pub guide: &'static str,
    /// The statistics skeleton's texts.
    statistics: Statistics,
}

/// The statistics skeleton's texts in one language.
struct Statistics {
    comment: &'static str,
    organisation: &'static str,
    organisation_short: &'static str,
    unit: &'static str,
    /// The unit's noun: the singular and the plural (English, Russian
    /// `many`), and for Russian the `few` form.
    forms: &'static [(&'static str, &'static str)],
    category: &'static str,
    source: &'static str,
    /// What each record of [`RECORDS`] says was done, in its order.
    what: [&'static str; 2],
}

/// The skeleton's records (id, count): two figures of one unit, which its
/// charts compare (a chart of one figure is not drawn), so that the staff
/// guide's `chart(id="reached")` shows one.
const RECORDS: [(&str, u32); 2] = [("food-parcels", 1), ("hot-meals", 2)];

const KK: Words = Words {
    name: "Қазақша",
    site_title: "Біздің сайт",
    site_description: "Тұрғындарға арналған ресми ақпарат",
    home_title: "Басты бет",
    home_body: "Бұл — жаңа сайттың басты беті. Мәтінін `{file}` файлында өзгертіңіз.\n\nҚызметкерлерге арналған нұсқаулық [осында](@/guide.md).",
    section_title: "Ережелер",
    section_body: "Бұл бөлімде ережелер мен кеңестер жиналады.",
    page_title: "Бірінші ереже",
    page_body: "Бұл — үлгі бет. Оны өзгертіңіз немесе өшіріңіз.\n\n## Не істеу керек\n\nҚысқа, түсінікті сөйлемдермен жазыңыз.",
    guide: include_str!("guide.kk.md"),
    statistics: Statistics {
        comment: "Сандар осы файлдарда: әр мәтін сайттың әр тілінде жазылады.",
        organisation: "Біздің ұйым",
        organisation_short: "Ұйым",
        unit: "Отбасылар",
        forms: &[("one", "отбасы"), ("other", "отбасы")],
        category: "Азық-түлік",
        source: "Ұйымның есебі",
        what: ["Азық-түлік себеттері берілді", "Ыстық тамақ жеткізілді"],
    },
};

const RU: Words = Words {
    name: "Русский",
    site_title: "Наш сайт",
    site_description: "Официальная информация для жителей",
    home_title: "Главная",
    home_body: "Это главная страница нового сайта. Её текст — в файле `{file}`.\n\nРуководство для сотрудников — [здесь](@/guide.md).",
    section_title: "Правила",
    section_body: "В этом разделе собраны правила и советы.",
    page_title: "Первое правило",
    page_body: "Это страница-образец. Измените её или удалите.\n\n## Что делать\n\nПишите короткими понятными предложениями.",
    guide: include_str!("guide.ru.md"),
    statistics: Statistics {
        comment: "Цифры — в этих файлах: каждый текст пишется на каждом языке сайта.",
        organisation: "Наша организация",
        organisation_short: "Организация",
        unit: "Семьи",
        forms: &[
            ("one", "семья"),
            ("few", "семьи"),
            ("many", "семей"),
            ("other", "семьи"),
        ],
        category: "Продукты питания",
        source: "Отчёт организации",
        what: ["Выданы продуктовые наборы", "Доставлено горячее питание"],
    },
};

const EN: Words = Words {
    name: "English",
    site_title: "Our site",
    site_description: "Official information for residents",
    home_title: "Home",
    home_body: "This is the new site's home page. Its text is in `{file}`.\n\nThe guide for staff is [here](@/guide.md).",
    section_title: "Rules",
    section_body: "This section gathers the rules and advice.",
    page_title: "The first rule",
    page_body: "This is an example page. Change it or delete it.\n\n## What to do\n\nWrite short, plain sentences.",
    guide: include_str!("guide.en.md"),
    statistics: Statistics {
        comment: "The figures live in these files: every text is written in each of the site's languages.",
        organisation: "Our organisation",
        organisation_short: "Organisation",
        unit: "Families",
        forms: &[("one", "family"), ("other", "families")],
        category: "Food",
        source: "The organisation's report",
        what: ["Food parcels handed out", "Hot meals delivered"],
    },
};

impl Words {
    /// The words of language `code`: its own, or the English ones.
    pub fn of(code: &str) -> &'static Words {
        match code {
            "kk" => &KK,
            "ru" => &RU,
            _ => &EN,
        }
    }

    /// The name of language `code` in itself (its code, when aqparat has
    /// no words for it: the staff write it in `site.yaml`).
    pub fn name_of(code: &str) -> String {
        match code {
            "kk" | "ru" | "en" => Words::of(code).name.to_string(),
            _ => code.to_string(),
        }
    }
}

/// A text of the statistics skeleton in each of `languages`, as a YAML
/// flow mapping (`{ kk: "…", ru: "…" }`).
fn per_language(languages: &[String], text: impl Fn(&Statistics) -> &'static str) -> String {
    let texts: Vec<String> = languages
        .iter()
        .map(|code| {
            format!(
                "{code}: {}",
                super::yaml_text(text(&Words::of(code).statistics))
            )
        })
        .collect();
    format!("{{ {} }}", texts.join(", "))
}

/// `site.yaml`'s `open_data` for a new site with statistics in
/// `languages`: a default licence, and the skeleton's organisation as the
/// publisher, both for the staff to change.
pub fn open_data(languages: &[String]) -> String {
    format!(
        "# The licence of the open data (an SPDX id, see the README) and who\n# publishes them: change both to yours.\nopen_data:\n  licence: CC-BY-4.0\n  publisher: {}\n",
        per_language(languages, |s| s.organisation)
    )
}

/// The guide's shortcodes that name the example site's figures, each with
/// the same shortcode for the skeleton's: on a site made with its
/// statistics, the guide's examples show its own figures.
pub fn guide_shortcodes() -> [(&'static str, String); 2] {
    [
        (
            "stat(id=\"city-volunteers-food\")",
            format!("stat(id=\"{}\")", RECORDS[0].0),
        ),
        ("stat(total=\"masks\")", format!("stat(total=\"{UNIT}\")")),
    ]
}

/// The skeleton's one unit.
const UNIT: &str = "families";

/// The files of `data/aid/` (name, text) of a new site in `languages`: one
/// organisation, unit, category and source, and [`RECORDS`].
pub fn statistics(languages: &[String]) -> Vec<(&'static str, String)> {
    let per_lang = |text: fn(&Statistics) -> &'static str| per_language(languages, text);
    let comments: String = languages
        .iter()
        .map(|code| format!("# {}\n", Words::of(code).statistics.comment))
        .collect();
    let forms: Vec<String> = languages
        .iter()
        .map(|code| {
            let words = &Words::of(code).statistics;
            let categories = LocaleFormat::new(code).plural_categories();
            let noun = |category: &str| {
                (words.forms.iter())
                    .find(|(c, _)| *c == category)
                    .or(words.forms.last())
                    .map_or("", |(_, noun)| noun)
            };
            let forms: Vec<String> = categories
                .iter()
                .map(|c| format!("{c}: {}", super::yaml_text(noun(c))))
                .collect();
            format!("    {code}: {{ {} }}\n", forms.join(", "))
        })
        .collect();
    let records: Vec<String> = (RECORDS.iter().enumerate())
        .map(|(i, (id, count))| {
            let what = per_language(languages, |s| s.what[i]);
            format!("- id: {id}\n  org: our-organisation\n  category: food\n  count: {count}\n  unit: {UNIT}\n  what: {what}\n  date: 2020-04-03\n  source: our-report\n")
        })
        .collect();
    vec![
        (
            "organisations.yaml",
            format!(
                "{comments}our-organisation:\n  name: {}\n  short: {}\n",
                per_lang(|s| s.organisation),
                per_lang(|s| s.organisation_short)
            ),
        ),
        (
            "units.yaml",
            format!(
                "{comments}{UNIT}:\n  name: {}\n  forms:\n{}  reach: true\n",
                per_lang(|s| s.unit),
                forms.concat()
            ),
        ),
        (
            "categories.yaml",
            format!("{comments}food: {{ name: {} }}\n", per_lang(|s| s.category)),
        ),
        (
            "sources.yaml",
            format!(
                "{comments}our-report:\n  title: {}\n  date: 2020-04-03\n",
                per_lang(|s| s.source)
            ),
        ),
        ("records.yaml", comments + &records.concat()),
    ]
}
