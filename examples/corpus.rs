//! Deterministic synthetic corpus generator for benchmarking aqparat.
//!
//! Usage:
//!
//! ```text
//! cargo run --release --example corpus -- N OUT_DIR
//! ```
//!
//! Writes a bilingual (Kazakh `kk` / Russian `ru`) aqparat site into `OUT_DIR`,
//! which must not exist yet or be an empty directory:
//!
//! * `OUT_DIR/site.yaml` — site configuration (`theme: default`). No theme is
//!   written; copy the repository's `themes/` directory next to it
//!   (`bench/run.sh` does this).
//! * `OUT_DIR/content/_index.{kk,ru}.md` — home page.
//! * `OUT_DIR/content/gNN/_index.{kk,ru}.md` — one top-level section per
//!   10 sections (a site's main menu stays short, as on a real site).
//! * `OUT_DIR/content/gNN/sNNN/_index.{kk,ru}.md` — one section per 100 pages.
//! * `OUT_DIR/content/gNN/sNNN/page-NNNNN.{kk,ru}.md` — `N` pages per language.
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

/// The folder of section `s` under `content/`.
fn section_path(s: usize) -> String {
    format!("g{:02}/s{:03}", s / SECTIONS_PER_GROUP, s)
}

fn page_path(i: usize) -> String {
    format!("{}/page-{:05}", section_path(i / PAGES_PER_SECTION), i)
}

fn page(i: usize, plan: &PagePlan, lang: &Lang) -> String {
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
        .map(|&t| format!("[{} {:05}](@/{}.md)", lang.page_title, t, page_path(t)))
        .chain(std::iter::once(format!(
            "[{} {:03}](@/{}/_index.md)",
            lang.section_title,
            plan.section_link,
            section_path(plan.section_link)
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

fn home_index(n_sections: usize, lang: &Lang) -> String {
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
    for s in (0..n_sections).step_by(SECTIONS_PER_GROUP) {
        out.push_str(&format!(
            "- [{} {:03}](@/g{:02}/_index.md)\n",
            lang.section_title,
            s,
            s / SECTIONS_PER_GROUP
        ));
    }
    out
}

fn generate(n_pages: usize, out_dir: &Path) -> io::Result<(usize, usize)> {
    let mut files = 0;
    let mut bytes = 0;
    let mut write = |path: &Path, text: &str| -> io::Result<()> {
        fs::write(path, text)?;
        files += 1;
        bytes += text.len();
        Ok(())
    };

    fs::create_dir_all(out_dir)?;
    write(&out_dir.join("site.yaml"), SITE_YAML)?;
    let content = out_dir.join("content");
    fs::create_dir_all(&content)?;

    let n_sections = n_pages.div_ceil(PAGES_PER_SECTION);
    for lang in &LANGS {
        let name = format!("_index.{}.md", lang.code);
        write(&content.join(name), &home_index(n_sections, lang))?;
    }
    for s in 0..n_sections {
        let dir = content.join(section_path(s));
        fs::create_dir_all(&dir)?;
        if s % SECTIONS_PER_GROUP == 0 {
            for lang in &LANGS {
                let name = format!("_index.{}.md", lang.code);
                let group = dir.parent().expect("a section is inside its group");
                write(
                    &group.join(name),
                    &section_index(s / SECTIONS_PER_GROUP + 1000, lang),
                )?;
            }
        }
        for lang in &LANGS {
            let name = format!("_index.{}.md", lang.code);
            write(&dir.join(name), &section_index(s, lang))?;
        }
        let end = ((s + 1) * PAGES_PER_SECTION).min(n_pages);
        for i in s * PAGES_PER_SECTION..end {
            let plan = plan_page(i, n_pages);
            for lang in &LANGS {
                let name = format!("page-{:05}.{}.md", i, lang.code);
                write(&dir.join(name), &page(i, &plan, lang))?;
            }
        }
    }
    Ok((files, bytes))
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().collect();
    let usage = "usage: corpus N OUT_DIR  (N = pages per language, N >= 1)";
    let (n_pages, out_dir) = match args.as_slice() {
        [_, n, dir] => match n.parse::<usize>() {
            Ok(n) if n >= 1 => (n, Path::new(dir)),
            _ => {
                eprintln!("{usage}");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    if let Ok(mut entries) = fs::read_dir(out_dir)
        && entries.next().is_some()
    {
        eprintln!(
            "corpus: {} is not empty; refusing to write into it",
            out_dir.display()
        );
        return ExitCode::FAILURE;
    }

    let start = Instant::now();
    match generate(n_pages, out_dir) {
        Ok((files, bytes)) => {
            eprintln!(
                "corpus: {} pages/language, {} files, {:.1} MiB in {:.2} s -> {}",
                n_pages,
                files,
                bytes as f64 / (1024.0 * 1024.0),
                start.elapsed().as_secs_f64(),
                out_dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("corpus: {}: {e}", out_dir.display());
            ExitCode::FAILURE
        }
    }
}
