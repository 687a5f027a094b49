//! Deterministic synthetic corpus generator for benchmarking aqparat.
//!
//! Usage:
//!
//! ```text
//! cargo run --release --example corpus -- [--shape nested|flat] [--search on|off] [--hugo HUGO_DIR] N OUT_DIR
//! ```
//!
//! Writes a bilingual (Kazakh `kk` / Russian `ru`) aqparat site into `OUT_DIR`,
//! which must not exist yet or be an empty directory:
//!
//! * `OUT_DIR/site.yaml` — site configuration (`theme: default`, `search:`
//!   `true` unless `--search off`). No theme is written: aqparat
//!   builds it with its built-in theme (`theme: default`).
//! * `OUT_DIR/content/_index.{kk,ru}.md` — home page.
//!
//! With `--shape nested` (the default):
//!
//! * `OUT_DIR/content/gNN/_index.{kk,ru}.md` — one top-level section per
//!   10 sections (a site's main menu stays short, as on a real site).
//! * `OUT_DIR/content/gNN/sNNN/_index.{kk,ru}.md` — one section per 100 pages.
//! * `OUT_DIR/content/gNN/sNNN/page-NNNNN.{kk,ru}.md` — `N` pages per language.
//!
//! With `--shape flat`, one section per language holds every page, like a
//! news archive (its listing lists all `N`):
//!
//! * `OUT_DIR/content/archive/_index.{kk,ru}.md` and
//!   `OUT_DIR/content/archive/page-NNNNN.{kk,ru}.md`.
//!
//! The pages are the same in both shapes (same words, dates, weights and
//! link targets); only their folders, and so the links' paths, differ.
//!
//! With `--hugo HUGO_DIR` the same run also writes the same corpus as a Hugo
//! site (also empty or new): `hugo.toml` (kk and ru, each under its prefix),
//! a minimal layout in `layouts/` (see [`HUGO_LAYOUTS`]) and `content/` with
//! the same files, byte for byte, except that the links by source path
//! (`@/…`) are Hugo's `relref` shortcodes.
//!
//! Every page has YAML front matter (title, description, date in 2020, weight)
//! and a body of roughly 600 words: 3–5 `##` headings, paragraphs, a bullet
//! list, a numbered list, a 3-column table, bold/emphasis, three links to other
//! pages (`[text](@/g00/s003/page-00321.md)`) and one link to a section
//! (`[text](@/g00/s001/_index.md)`). All link targets exist.
//!
//! The text is meaningless on purpose: words are drawn from a fixed word list
//! by a xorshift PRNG seeded from the page number, so the same `N` always
//! produces byte-identical output. Both language versions of a page share the
//! same structure, date, weight and link targets.

use std::env;
use std::fs;
use std::io;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

const PAGES_PER_SECTION: usize = 100;
/// 2020-01-01 ..= 2020-12-28 (2020 is a leap year).
const DAYS: usize = 363;
const MONTH_DAYS_2020: [usize; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const SITE_YAML: &str = "base_url: https://bench.example/
default_language: kk
languages:
  kk: { name: Қазақша, title: Синтетикалық сайт }
  ru: { name: Русский, title: Синтетический сайт }
theme: default
";

/// The Hugo site of the same corpus (`--hugo DIR`): kk and ru, each under
/// its own prefix like aqparat's (`/kk/…`, `/ru/…`), content translated by
/// file name (`page-00001.kk.md`, as aqparat's), no taxonomies. Outputs as
/// close to aqparat's as Hugo's defaults allow: every page, section and
/// home page as HTML, a feed of the 50 latest pages per language (RSS;
/// aqparat writes Atom), the sitemaps, a 404 page per language and the
/// root's language redirect.
const HUGO_TOML: &str = r#"baseURL = "https://bench.example/"
defaultContentLanguage = "kk"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term"]
# A link to a missing page fails the build, as in aqparat.
refLinksErrorLevel = "ERROR"
enableRobotsTXT = true

[outputs]
home = ["html", "rss"]
section = ["html"]
page = ["html"]

# The 50 most recent pages in a feed, as in aqparat's Atom feeds.
[services.rss]
limit = 50

[markup.tableOfContents]
startLevel = 2
endLevel = 3

[languages.kk]
label = "Қазақша"
title = "Синтетикалық сайт"
weight = 1

[languages.ru]
label = "Русский"
title = "Синтетический сайт"
weight = 2
"#;

/// A minimal layout, the counterpart of aqparat's default theme: the same
/// parts on every page (title, description, canonical link, alternates,
/// language switcher, main menu, breadcrumbs, dates, footer) less the QR
/// code and the search box. Section pages list *all* their pages and
/// subsections on one page, unpaginated, as aqparat's do (aqparat's
/// paginated index of all pages has no counterpart here).
const HUGO_LAYOUTS: [(&str, &str); 6] = [
    (
        "baseof.html",
        r#"<!doctype html>
<html lang="{{ site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">
{{ end }}<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}{{ with site.Home.OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}" title="{{ site.Title }}">
{{ end }}<link rel="stylesheet" href="/style.css">
</head>
<body>
<header class="site-header">
<a class="brand" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav class="langs"><ul>
{{ range .AllTranslations }}<li>{{ if eq .Language.Lang $.Language.Lang }}<span aria-current="true" lang="{{ .Language.Lang }}">{{ .Language.Label }}</span>{{ else }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}">{{ .Language.Label }}</a>{{ end }}</li>
{{ end }}</ul></nav>
{{ partialCached "menu.html" . site.Language.Lang }}
</header>
{{ if not .IsHome }}<nav class="crumbs"><ol>
{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ol></nav>
{{ end }}<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
<p>{{ site.Title }}</p>
{{ if not .Lastmod.IsZero }}<p><time datetime="{{ .Lastmod.Format "2006-01-02" }}">{{ .Lastmod | time.Format ":date_long" }}</time></p>
{{ end }}</footer>
</body>
</html>
"#,
    ),
    (
        "home.html",
        r#"{{ define "main" }}<header class="page-head">
<h1>{{ .Title }}</h1>
{{ with .Description }}<p class="lead">{{ . }}</p>
{{ end }}</header>
<div class="content">
{{ .Content }}
</div>
<section class="listing"><ul class="cards">
{{ range .Sections }}<li><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>{{ with .Description }}<p>{{ . }}</p>{{ end }}</li>
{{ end }}</ul></section>
{{ end }}
"#,
    ),
    (
        "section.html",
        r#"{{ define "main" }}<header class="page-head">
<h1>{{ .Title }}</h1>
{{ with .Description }}<p class="lead">{{ . }}</p>
{{ end }}</header>
<div class="content">
{{ .Content }}
</div>
{{ with .Sections }}<section class="listing"><ul class="cards">
{{ range . }}<li><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>{{ with .Description }}<p>{{ . }}</p>{{ end }}</li>
{{ end }}</ul></section>
{{ end }}{{ with .RegularPages }}<section class="listing">
<p class="count">{{ len . }}</p>
<ul class="entries">
{{ range . }}<li><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
{{ with .Description }}<p>{{ . }}</p>
{{ end }}<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p></li>
{{ end }}</ul></section>
{{ end }}{{ end }}
"#,
    ),
    (
        "page.html",
        r#"{{ define "main" }}<article>
<header class="page-head">
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>
{{ with .Description }}<p class="lead">{{ . }}</p>
{{ end }}</header>
{{ .TableOfContents }}
<div class="content">
{{ .Content }}
</div>
</article>
<nav class="pager"><ul>
{{ with .PrevInSection }}<li class="prev"><a href="{{ .RelPermalink }}" rel="prev">{{ .Title }}</a></li>
{{ end }}{{ with .NextInSection }}<li class="next"><a href="{{ .RelPermalink }}" rel="next">{{ .Title }}</a></li>
{{ end }}</ul></nav>
{{ end }}
"#,
    ),
    (
        // Made once per language: `site.Home.Sections` on every page made
        // the build of 10,000 pages a language twice as long (hence no
        // `aria-current` in the menu, which aqparat's has).
        "_partials/menu.html",
        r#"<nav class="menu"><ul>
{{ range site.Home.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></nav>
"#,
    ),
    (
        "404.html",
        r#"{{ define "main" }}<h1>404</h1>
<p><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
{{ end }}
"#,
    ),
];

const KK_WORDS: &[&str] = &[
    "ақпарат",
    "әдіс",
    "әлем",
    "ауа",
    "бағыт",
    "бақ",
    "бөлім",
    "білім",
    "бұлақ",
    "жүйе",
    "жол",
    "жаңа",
    "жасыл",
    "жұмыс",
    "жарық",
    "жел",
    "дала",
    "деректер",
    "есеп",
    "көл",
    "көк",
    "күн",
    "күз",
    "кітап",
    "кесте",
    "қала",
    "қағаз",
    "қадам",
    "қазына",
    "қор",
    "құжат",
    "құрылым",
    "ғылым",
    "ғимарат",
    "мазмұн",
    "мәтін",
    "мәселе",
    "нұсқа",
    "нәтиже",
    "өзен",
    "өлшем",
    "өнім",
    "өрнек",
    "сөз",
    "сөздік",
    "сынақ",
    "сілтеме",
    "сурет",
    "тақырып",
    "тау",
    "тіл",
    "тізім",
    "түйін",
    "түр",
    "үй",
    "үлгі",
    "үдеріс",
    "ұғым",
    "ұзын",
    "ұшқыр",
    "шөп",
    "шеңбер",
    "іздеу",
    "ірі",
    "гауһар",
    "шаһар",
    "және",
    "немесе",
    "бірақ",
    "үшін",
    "арқылы",
    "туралы",
    "бойынша",
    "сияқты",
    "әрі",
    "өте",
    "кейін",
    "бүгін",
    "әрдайым",
    "жылдам",
    "баяу",
    "үлкен",
    "кіші",
    "әдемі",
    "маңызды",
    "қарапайым",
    "күрделі",
    "синтетикалық",
    "жалпы",
    "негізгі",
    "қосымша",
    "толық",
    "ашық",
    "биік",
    "терең",
    "мөлдір",
    "қызықты",
    "таза",
];

const RU_WORDS: &[&str] = &[
    "информация",
    "метод",
    "мир",
    "воздух",
    "направление",
    "сад",
    "раздел",
    "знание",
    "родник",
    "система",
    "дорога",
    "новый",
    "зелёный",
    "работа",
    "свет",
    "ветер",
    "степь",
    "данные",
    "отчёт",
    "озеро",
    "синий",
    "день",
    "осень",
    "книга",
    "таблица",
    "город",
    "бумага",
    "шаг",
    "сокровище",
    "запас",
    "документ",
    "структура",
    "наука",
    "здание",
    "содержание",
    "текст",
    "вопрос",
    "версия",
    "результат",
    "река",
    "размер",
    "продукт",
    "узор",
    "слово",
    "словарь",
    "проверка",
    "ссылка",
    "рисунок",
    "тема",
    "гора",
    "язык",
    "список",
    "узел",
    "вид",
    "дом",
    "образец",
    "процесс",
    "понятие",
    "длинный",
    "быстрый",
    "трава",
    "вершина",
    "круг",
    "поиск",
    "крупный",
    "алмаз",
    "и",
    "или",
    "но",
    "для",
    "через",
    "о",
    "по",
    "как",
    "также",
    "очень",
    "потом",
    "сегодня",
    "всегда",
    "быстро",
    "медленно",
    "большой",
    "малый",
    "красивый",
    "важный",
    "простой",
    "сложный",
    "синтетический",
    "общий",
    "основной",
    "дополнительный",
    "полный",
    "открытый",
    "высокий",
    "глубокий",
    "прозрачный",
    "интересный",
    "чистый",
];

struct Lang {
    code: &'static str,
    words: &'static [&'static str],
    page_title: &'static str,
    section_title: &'static str,
    home_title: &'static str,
    home_heading: &'static str,
    notice: &'static str,
    table_head: [&'static str; 3],
}

const LANGS: [Lang; 2] = [
    Lang {
        code: "kk",
        words: KK_WORDS,
        page_title: "Синтетикалық бет",
        section_title: "Синтетикалық бөлім",
        home_title: "Синтетикалық сайт",
        home_heading: "Бөлімдер",
        notice: "Бұл мәтін өнімділікті өлшеуге арналған синтетикалық үлгі.",
        table_head: ["Атауы", "Түрі", "Белгісі"],
    },
    Lang {
        code: "ru",
        words: RU_WORDS,
        page_title: "Синтетическая страница",
        section_title: "Синтетический раздел",
        home_title: "Синтетический сайт",
        home_heading: "Разделы",
        notice: "Этот текст является синтетическим образцом для измерения производительности.",
        table_head: ["Название", "Вид", "Признак"],
    },
];

/// xorshift64* seeded through splitmix64.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform-ish value in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// Value in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
}

/// Formats day `0..DAYS` of 2020 as `YYYY-MM-DD`.
fn date(mut day: usize) -> String {
    let mut month = 0;
    while day >= MONTH_DAYS_2020[month] {
        day -= MONTH_DAYS_2020[month];
        month += 1;
    }
    format!("2020-{:02}-{:02}", month + 1, day + 1)
}

fn push_capitalized(out: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
}

/// Appends `n` plain words separated by spaces, first one capitalized if asked.
fn push_words(out: &mut String, rng: &mut Rng, lang: &Lang, n: usize, capitalize: bool) {
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        let w = lang.words[rng.below(lang.words.len())];
        if i == 0 && capitalize {
            push_capitalized(out, w);
        } else {
            out.push_str(w);
        }
    }
}

fn words(rng: &mut Rng, lang: &Lang, n: usize, capitalize: bool) -> String {
    let mut s = String::new();
    push_words(&mut s, rng, lang, n, capitalize);
    s
}

/// Appends one sentence of `n` words with occasional bold, emphasis and commas.
fn push_sentence(out: &mut String, rng: &mut Rng, lang: &Lang, n: usize) {
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        let w = lang.words[rng.below(lang.words.len())];
        let (open, close) = match rng.below(40) {
            0 => ("**", "**"),
            1 => ("*", "*"),
            _ => ("", ""),
        };
        out.push_str(open);
        if i == 0 {
            push_capitalized(out, w);
        } else {
            out.push_str(w);
        }
        out.push_str(close);
        if i + 1 < n && i > 0 && rng.one_in(12) {
            out.push(',');
        }
    }
    out.push('.');
}

/// A paragraph of roughly `target` words; `link` (a full Markdown link) is
/// embedded in the second sentence. Returns the paragraph and its word count.
fn paragraph(rng: &mut Rng, lang: &Lang, target: usize, link: Option<&str>) -> (String, usize) {
    let mut out = String::with_capacity(target * 16);
    let mut count = 0;
    let mut sentence = 0;
    while count < target {
        if sentence > 0 {
            out.push(' ');
        }
        if sentence == 1
            && let Some(link) = link
        {
            push_words(&mut out, rng, lang, 2, true);
            out.push(' ');
            out.push_str(link);
            out.push(' ');
            push_words(&mut out, rng, lang, 2, false);
            out.push('.');
            out.push(' ');
            count += 7;
        }
        let n = rng.range(6, 14).min(target.saturating_sub(count).max(4));
        push_sentence(&mut out, rng, lang, n);
        count += n;
        sentence += 1;
    }
    (out, count)
}

fn front_matter(
    out: &mut String,
    title: &str,
    description: &str,
    day: usize,
    weight: Option<usize>,
) {
    out.push_str("---\ntitle: ");
    out.push_str(title);
    out.push_str("\ndescription: ");
    out.push_str(description);
    out.push_str("\ndate: ");
    out.push_str(&date(day));
    if let Some(weight) = weight {
        out.push_str("\nweight: ");
        out.push_str(&weight.to_string());
    }
    out.push_str("\n---\n\n");
}

fn description(rng: &mut Rng, lang: &Lang) -> String {
    let n = rng.range(8, 14);
    let mut s = words(rng, lang, n, true);
    s.push('.');
    s
}

/// Link targets and metadata shared by both language versions of a page.
struct PagePlan {
    seed: u64,
    day: usize,
    links: [usize; 3],
    section_link: usize,
}

fn plan_page(i: usize, n_pages: usize) -> PagePlan {
    let mut rng = Rng::new(0x5EED_0000_0000 ^ i as u64);
    let day = rng.below(DAYS);
    let mut links = [i; 3];
    if n_pages > 1 {
        for l in &mut links {
            *l = (i + 1 + rng.below(n_pages - 1)) % n_pages;
        }
    }
    let n_sections = n_pages.div_ceil(PAGES_PER_SECTION);
    let section_link = rng.below(n_sections);
    PagePlan {
        seed: rng.next_u64(),
        day,
        links,
        section_link,
    }
}

/// Sections per top-level section.
const SECTIONS_PER_GROUP: usize = 10;

/// The folder of the flat shape's one section under `content/`.
const FLAT_SECTION: &str = "archive";

/// How the pages are laid out in sections.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    /// Sections of 100 pages, 10 sections per top-level section.
    Nested,
    /// One section per language holding every page, like a news archive.
    Flat,
}

impl Shape {
    /// The folder of section `s` under `content/` (the flat shape has one).
    fn section_path(self, s: usize) -> String {
        match self {
            Shape::Nested => format!("g{:02}/s{:03}", s / SECTIONS_PER_GROUP, s),
            Shape::Flat => FLAT_SECTION.to_string(),
        }
    }

    /// The number shown for section `s` (the flat shape's is 0).
    fn section_number(self, s: usize) -> usize {
        match self {
            Shape::Nested => s,
            Shape::Flat => 0,
        }
    }

    /// Page `i`'s path under `content/`, without the `.LANG.md`.
    fn page_path(self, i: usize) -> String {
        format!("{}/page-{:05}", self.section_path(i / PAGES_PER_SECTION), i)
    }
}

fn page(i: usize, plan: &PagePlan, lang: &Lang, shape: Shape) -> String {
    // Same seed for every language: identical structure, different words.
    let mut rng = Rng::new(plan.seed);
    let mut out = String::with_capacity(12 * 1024);
    let title = format!("{} {:05}", lang.page_title, i);
    let desc = description(&mut rng, lang);
    let weight = (i % PAGES_PER_SECTION + 1) * 10;
    front_matter(&mut out, &title, &desc, plan.day, Some(weight));

    let target = rng.range(570, 630);
    let n_headings = rng.range(3, 5);
    let mut fixed = 0;

    let headings: Vec<String> = (0..n_headings)
        .map(|_| {
            let n = rng.range(2, 4);
            fixed += n;
            words(&mut rng, lang, n, true)
        })
        .collect();

    let mut bullets = String::new();
    for _ in 0..rng.range(4, 6) {
        let n = rng.range(3, 7);
        fixed += n;
        bullets.push_str("- ");
        if rng.one_in(3) {
            bullets.push_str("**");
            push_words(&mut bullets, &mut rng, lang, n, true);
            bullets.push_str("**");
        } else {
            push_words(&mut bullets, &mut rng, lang, n, true);
        }
        bullets.push('\n');
    }

    let mut numbered = String::new();
    for k in 1..=rng.range(3, 5) {
        let n = rng.range(3, 8);
        fixed += n;
        numbered.push_str(&format!("{k}. "));
        push_words(&mut numbered, &mut rng, lang, n, true);
        numbered.push('\n');
    }

    let mut table = format!(
        "| {} | {} | {} |\n|---|---|---|\n",
        lang.table_head[0], lang.table_head[1], lang.table_head[2]
    );
    for _ in 0..4 {
        table.push('|');
        for _ in 0..3 {
            let n = rng.range(1, 2);
            fixed += n;
            table.push(' ');
            push_words(&mut table, &mut rng, lang, n, true);
            table.push_str(" |");
        }
        table.push('\n');
    }

    let link_texts: Vec<String> = plan
        .links
        .iter()
        .map(|&t| {
            format!(
                "[{} {:05}](@/{}.md)",
                lang.page_title,
                t,
                shape.page_path(t)
            )
        })
        .chain(std::iter::once(format!(
            "[{} {:03}](@/{}/_index.md)",
            lang.section_title,
            shape.section_number(plan.section_link),
            shape.section_path(plan.section_link)
        )))
        .collect();
    fixed += 4 * 7;

    // Paragraphs: intro + two per heading. Links go into four distinct ones.
    let n_paragraphs = 1 + 2 * n_headings;
    let per_paragraph = (target.saturating_sub(fixed) / n_paragraphs).max(20);
    let para = |idx: usize, rng: &mut Rng| -> String {
        let link = (0..4)
            .find(|&t| t * n_paragraphs / 4 == idx)
            .map(|t| link_texts[t].as_str());
        paragraph(rng, lang, per_paragraph, link).0
    };

    out.push('*');
    out.push_str(lang.notice);
    out.push_str("*\n\n");
    out.push_str(&para(0, &mut rng));
    out.push_str("\n\n");
    for (h, heading) in headings.iter().enumerate() {
        out.push_str("## ");
        out.push_str(heading);
        out.push_str("\n\n");
        out.push_str(&para(1 + 2 * h, &mut rng));
        out.push_str("\n\n");
        match h {
            0 => out.push_str(&bullets),
            1 => out.push_str(&numbered),
            2 => out.push_str(&table),
            _ => {}
        }
        if h < 3 {
            out.push('\n');
        }
        out.push_str(&para(2 + 2 * h, &mut rng));
        out.push_str("\n\n");
    }
    out.pop();
    out
}

fn section_index(s: usize, lang: &Lang) -> String {
    let mut rng = Rng::new(0x5EC7_0000_0000 ^ s as u64);
    let mut out = String::with_capacity(2048);
    let title = format!("{} {:03}", lang.section_title, s);
    let desc = description(&mut rng, lang);
    front_matter(&mut out, &title, &desc, (s * 37) % DAYS, None);
    out.push('*');
    out.push_str(lang.notice);
    out.push_str("*\n\n");
    out.push_str(&paragraph(&mut rng, lang, 60, None).0);
    out.push('\n');
    out
}

fn home_index(n_sections: usize, lang: &Lang, shape: Shape) -> String {
    let mut rng = Rng::new(0x4033_0000_0000);
    let mut out = String::with_capacity(4096);
    let desc = description(&mut rng, lang);
    front_matter(&mut out, lang.home_title, &desc, 0, None);
    out.push('*');
    out.push_str(lang.notice);
    out.push_str("*\n\n");
    out.push_str(&paragraph(&mut rng, lang, 80, None).0);
    out.push_str("\n\n## ");
    out.push_str(lang.home_heading);
    out.push_str("\n\n");
    match shape {
        Shape::Nested => {
            for s in (0..n_sections).step_by(SECTIONS_PER_GROUP) {
                out.push_str(&format!(
                    "- [{} {:03}](@/g{:02}/_index.md)\n",
                    lang.section_title,
                    s,
                    s / SECTIONS_PER_GROUP
                ));
            }
        }
        Shape::Flat => out.push_str(&format!(
            "- [{} {:03}](@/{FLAT_SECTION}/_index.md)\n",
            lang.section_title, 0
        )),
    }
    out
}

/// The same Markdown with Hugo's links: `(@/a/b.md)` and `(@/a/_index.md)`
/// become `({{< relref "/a/b" >}})` and `({{< relref "/a" >}})`, which Hugo
/// resolves (and checks) in the page's own language, as aqparat does.
fn hugo_links(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + 256);
    let mut rest = markdown;
    while let Some(at) = rest.find("](@/") {
        let start = at + "](".len();
        out.push_str(&rest[..start]);
        let after = &rest[start + "@".len()..];
        let Some(end) = after.find(')') else {
            rest = &rest[start..];
            break;
        };
        let target = &after[..end];
        let target = target
            .strip_suffix("/_index.md")
            .or_else(|| target.strip_suffix(".md"))
            .unwrap_or(target);
        out.push_str("{{< relref \"");
        out.push_str(target);
        out.push_str("\" >}}");
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Where the generated files go: the aqparat site and, if asked, the same
/// content as a Hugo site.
struct Writer<'a> {
    aqparat: &'a Path,
    hugo: Option<&'a Path>,
    files: usize,
    bytes: usize,
}

impl Writer<'_> {
    /// Writes `text` at `rel` in both sites (Hugo's with its links).
    fn content(&mut self, rel: &str, text: &str) -> io::Result<()> {
        self.file(&self.aqparat.join("content").join(rel), text)?;
        if let Some(hugo) = self.hugo {
            self.file(&hugo.join("content").join(rel), &hugo_links(text))?;
        }
        Ok(())
    }

    fn file(&mut self, path: &Path, text: &str) -> io::Result<()> {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(path, text)?;
        self.files += 1;
        self.bytes += text.len();
        Ok(())
    }
}

/// The options of one run.
struct Options {
    n_pages: usize,
    shape: Shape,
    search: bool,
}

fn generate(options: &Options, w: &mut Writer) -> io::Result<()> {
    let Options {
        n_pages,
        shape,
        search,
    } = *options;
    let site_yaml = format!("{SITE_YAML}search: {search}\n");
    w.file(&w.aqparat.join("site.yaml"), &site_yaml)?;
    if let Some(hugo) = w.hugo {
        w.file(&hugo.join("hugo.toml"), HUGO_TOML)?;
        for (name, text) in HUGO_LAYOUTS {
            w.file(&hugo.join("layouts").join(name), text)?;
        }
    }

    let n_sections = n_pages.div_ceil(PAGES_PER_SECTION);
    for lang in &LANGS {
        let name = format!("_index.{}.md", lang.code);
        w.content(&name, &home_index(n_sections, lang, shape))?;
    }
    if shape == Shape::Flat {
        for lang in &LANGS {
            let name = format!("{FLAT_SECTION}/_index.{}.md", lang.code);
            w.content(&name, &section_index(0, lang))?;
        }
    }
    for s in 0..n_sections {
        if shape == Shape::Nested {
            let dir = shape.section_path(s);
            if s % SECTIONS_PER_GROUP == 0 {
                let group = format!("g{:02}", s / SECTIONS_PER_GROUP);
                for lang in &LANGS {
                    let name = format!("{group}/_index.{}.md", lang.code);
                    w.content(&name, &section_index(s / SECTIONS_PER_GROUP + 1000, lang))?;
                }
            }
            for lang in &LANGS {
                let name = format!("{dir}/_index.{}.md", lang.code);
                w.content(&name, &section_index(s, lang))?;
            }
        }
        let end = ((s + 1) * PAGES_PER_SECTION).min(n_pages);
        for i in s * PAGES_PER_SECTION..end {
            let plan = plan_page(i, n_pages);
            for lang in &LANGS {
                let name = format!("{}.{}.md", shape.page_path(i), lang.code);
                w.content(&name, &page(i, &plan, lang, shape))?;
            }
        }
    }
    Ok(())
}

/// Refuses a folder that exists and is not empty.
fn check_empty(dir: &Path) -> Result<(), String> {
    if let Ok(mut entries) = fs::read_dir(dir)
        && entries.next().is_some()
    {
        return Err(format!(
            "corpus: {} is not empty; refusing to write into it",
            dir.display()
        ));
    }
    Ok(())
}

const USAGE: &str =
    "usage: corpus [--shape nested|flat] [--search on|off] [--hugo HUGO_DIR] N OUT_DIR
  N = pages per language (N >= 1)";

fn main() -> ExitCode {
    let mut shape = Shape::Nested;
    let mut search = true;
    let mut hugo: Option<String> = None;
    let mut positional = Vec::new();
    let mut args = env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = match arg.as_str() {
            "--shape" | "--search" | "--hugo" => args.next(),
            _ => {
                positional.push(arg);
                continue;
            }
        };
        match (arg.as_str(), value.as_deref()) {
            ("--shape", Some("nested")) => shape = Shape::Nested,
            ("--shape", Some("flat")) => shape = Shape::Flat,
            ("--search", Some("on")) => search = true,
            ("--search", Some("off")) => search = false,
            ("--hugo", Some(dir)) => hugo = Some(dir.to_string()),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let (n_pages, out_dir) = match positional.as_slice() {
        [n, dir] => match n.parse::<usize>() {
            Ok(n) if n >= 1 => (n, Path::new(dir)),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let hugo_dir = hugo.as_deref().map(Path::new);
    for dir in std::iter::once(out_dir).chain(hugo_dir) {
        if let Err(e) = check_empty(dir) {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    }

    let start = Instant::now();
    let options = Options {
        n_pages,
        shape,
        search,
    };
    let mut writer = Writer {
        aqparat: out_dir,
        hugo: hugo_dir,
        files: 0,
        bytes: 0,
    };
    match generate(&options, &mut writer) {
        Ok(()) => {
            eprintln!(
                "corpus: {} pages/language, {} shape, search {}, {} files, {:.1} MiB in {:.2} s -> {}{}",
                n_pages,
                if shape == Shape::Flat {
                    "flat"
                } else {
                    "nested"
                },
                if search { "on" } else { "off" },
                writer.files,
                writer.bytes as f64 / (1024.0 * 1024.0),
                start.elapsed().as_secs_f64(),
                out_dir.display(),
                hugo_dir
                    .map(|d| format!(" and {} (Hugo)", d.display()))
                    .unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("corpus: {}: {e}", out_dir.display());
            ExitCode::FAILURE
        }
    }
}
