//! Aid statistics: figures, charts, infographic pages, downloads.

use std::collections::BTreeMap;

use crate::util::{TestSite, attributes, inode, parse_xml};

/// The text after `marker` up to the end of its line or paragraph.
fn after<'a>(html: &'a str, marker: &str) -> &'a str {
    let start = html.find(marker).unwrap_or_else(|| panic!("no `{marker}`")) + marker.len();
    let rest = &html[start..];
    &rest[..rest.find(['\n', '<']).unwrap_or(rest.len())]
}

/// `data-unit` → `data-value` of the elements with `class` in `html`.
fn values_of(html: &str, class: &str) -> BTreeMap<String, u64> {
    html.split(&format!("class=\"{class}\""))
        .skip(1)
        .map(|tag| {
            let tag = format!(" {}", &tag[..tag.find('>').unwrap()]);
            (
                attributes(&tag, "data-unit")[0].clone(),
                attributes(&tag, "data-value")[0].parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn figures_take_the_plural_form_of_their_count() {
    let site = TestSite::fixtures("basic", "stats");
    site.build();
    let ru = site.read("ru/figures/index.html");
    assert_eq!(
        after(&ru, "Plurals: "),
        "1\u{a0}семья|2\u{a0}семьи|5\u{a0}семей|11\u{a0}семей|21\u{a0}семья|22\u{a0}семьи|25\u{a0}семей"
    );
    let kk = site.read("kk/figures/index.html");
    assert_eq!(
        after(&kk, "Plurals: "),
        "1\u{a0}отбасы|2\u{a0}отбасы|5\u{a0}отбасы|11\u{a0}отбасы|21\u{a0}отбасы|22\u{a0}отбасы|25\u{a0}отбасы"
    );
    assert!(
        ru.contains("<p class=\"in-html\">22\u{a0}семьи</p>"),
        "shortcodes work in inline HTML"
    );
}

/// A shortcode in code, a fenced or indented block or backticks, is shown
/// as written (a guide shows how to write one), even with an unknown id.
#[test]
fn shortcodes_in_code_are_shown_as_written() {
    let site = TestSite::fixtures("basic", "stats");
    let body = "Көрсету: {{ stat(id=\"r1\") }}.\n\n```\n{{ stat(id=\"r1\") }}\n{{ stat(id=\"no-such\") }}\n```\n\n    {{ chart(id=\"reached\") }}\n\n`{{ stat(id=\"r2\") }}`\n";
    for lang in ["kk", "ru"] {
        site.write(
            &format!("content/code.{lang}.md"),
            format!("---\ntitle: Код\n---\n{body}"),
        );
    }
    site.build();
    let html = site.read("kk/code/index.html");
    assert!(
        html.contains("Көрсету: 1\u{a0}отбасы."),
        "prose is expanded"
    );
    assert!(
        html.contains("{{ stat(id=\"r1\") }}\n{{ stat(id=\"no-such\") }}"),
        "{html}"
    );
    assert!(html.contains("{{ chart(id=\"reached\") }}"), "{html}");
    assert!(
        html.contains("<code>{{ stat(id=\"r2\") }}</code>"),
        "{html}"
    );
}

/// After "более" and "около" a Russian noun takes the genitive: singular
/// after a number ending in 1, plural after any other.
#[test]
fn approximate_figures_take_the_genitive_in_russian() {
    let site = TestSite::fixtures("basic", "stats");
    let records = std::fs::read_to_string(site.root().join("data/aid/records.yaml")).unwrap();
    let records = records
        .replacen("  count: 1\n", "  count: 1\n  qualifier: more-than\n", 1)
        .replacen("  count: 2\n", "  count: 2\n  qualifier: about\n", 1);
    site.write("data/aid/records.yaml", records);
    for lang in ["kk", "ru"] {
        site.write(
            &format!("content/grammar.{lang}.md"),
            "---\ntitle: Т\n---\n{{ stat(id=\"r1\") }}; {{ stat(id=\"r2\") }}.\n",
        );
    }
    site.build();
    let ru = site.read("ru/grammar/index.html");
    assert!(
        ru.contains("более 1\u{a0}семьи; около 2\u{a0}семей."),
        "{ru}"
    );
    let kk = site.read("kk/grammar/index.html");
    assert!(
        kk.contains("кемінде 1\u{a0}отбасы; шамамен 2\u{a0}отбасы."),
        "{kk}"
    );
}

#[test]
fn totals_are_per_unit_and_leave_out_records_without_a_figure() {
    let site = TestSite::fixtures("basic", "stats");
    site.build();
    let ru = site.read("ru/figures/index.html");
    // 1 + 2 + 5 + 11 + 21 + 22 + 25 families; masks are never added to them.
    assert!(ru.contains("Всего: 87\u{a0}семей; организация Б: 37\u{a0}семей; маски: около 1300\u{a0}масок; около 300\u{a0}масок; цифра не указана."), "{ru}");
    let kk = site.read("kk/figures/index.html");
    assert!(kk.contains("Барлығы: 87\u{a0}отбасы; Б ұйымы: 37\u{a0}отбасы; бетперде: шамамен 1\u{a0}300\u{a0}бетперде; шамамен 300\u{a0}бетперде; саны көрсетілмеген."), "{kk}");
    let overview = site.read("ru/infographics/index.html");
    let tiles = values_of(&overview, "tile");
    assert_eq!(
        tiles,
        BTreeMap::from([("families".into(), 87), ("masks".into(), 1300)])
    );
    assert!(overview.contains("Тестовая организация В: Запись без цифры — цифра не указана"));
    assert!(
        !overview.contains(">0\u{a0}семей"),
        "no figure is never shown as 0"
    );
}

#[test]
fn chart_bars_equal_the_data_in_the_page_and_the_standalone_svg() {
    let site = TestSite::fixtures("basic", "stats");
    site.build();
    // A bar per record, never a sum of an organisation's figures (issue
    // 14: two of them may count the same families), each named by its
    // organisation and what it counts.
    let expected = [
        ("25", "Тестовая организация В — Седьмая"),
        ("22", "Тестовая организация В — Шестая"),
        ("21", "Тестовая организация Б — Пятая"),
        ("11", "Тестовая организация Б — Четвёртая"),
        ("5", "Тестовая организация Б — Третья тестовая запись"),
        ("2", "Организация А — Вторая тестовая запись"),
        ("1", "Организация А — Первая тестовая запись"),
    ];
    let svg = site.read("ru/infographics/charts/reached.svg");
    let doc = parse_xml(&svg);
    let root = doc.root_element();
    assert_eq!(
        (root.attribute("width"), root.attribute("height")),
        (Some("1080"), Some("1080"))
    );
    let bars: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("bar"))
        .map(|g| {
            let label = g
                .children()
                .find(|c| c.has_tag_name("text"))
                .unwrap()
                .text()
                .unwrap()
                .to_string();
            (g.attribute("data-value").unwrap().to_string(), label)
        })
        .collect();
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .collect();
    assert_eq!(bars, expected);
    // Inline: an accessible SVG followed by a table of the same numbers.
    let page = site.read("ru/figures/index.html");
    let figure = &page[page
        .find("<figure class=\"chart\" id=\"reached\">")
        .unwrap()..];
    let figure = &figure[..figure.find("</figure>").unwrap() + 9];
    let part = |open: &str, close: &str| {
        let start = figure.find(open).unwrap();
        &figure[start..figure[start..].find(close).unwrap() + start + close.len()]
    };
    let svg_doc = parse_xml(part("<svg", "</svg>"));
    let svg = svg_doc.root_element();
    assert_eq!(svg.attribute("role"), Some("img"));
    assert!(
        svg.children().any(|c| c.has_tag_name("title"))
            && svg.children().any(|c| c.has_tag_name("desc"))
    );
    let bar_values: Vec<&str> = svg
        .descendants()
        .filter(|n| n.attribute("class") == Some("bar"))
        .map(|n| n.attribute("data-value").unwrap())
        .collect();
    let table_doc = parse_xml(part("<table", "</table>"));
    let table_values: Vec<&str> = table_doc
        .descendants()
        .filter(|n| n.has_tag_name("td") && n.attribute("data-value").is_some())
        .map(|n| n.attribute("data-value").unwrap())
        .collect();
    assert_eq!(bar_values, ["25", "22", "21", "11", "5", "2", "1"]);
    assert_eq!(table_values, bar_values);
    assert!(
        figure.contains("по состоянию на 3\u{a0}апреля\u{a0}2020\u{202f}г."),
        "every figure shows its date"
    );
    assert!(
        figure.contains("Источник: Тестовый источник"),
        "and its source"
    );
}

/// A page draws a panel's 12 largest bars, a card 12 bars in all (each
/// panel's largest first), and each says how many more the table lists;
/// the table lists every figure. A chart of 15,000 bars took seconds and
/// hundreds of megabytes to lay out, for a picture no one could read.
#[test]
fn a_panel_of_many_bars_draws_the_largest_and_says_how_many_more() {
    let site = TestSite::fixtures("basic", "stats");
    let records = std::fs::read_to_string(site.root().join("data/aid/records.yaml")).unwrap();
    let added: String = (1..=30)
        .map(|day| {
            format!(
                "- id: many-{day}\n  org: org-a\n  category: food\n  count: {}\n  unit: families\n  what: {{ kk: \"Көп {day}\", ru: \"Много {day}\" }}\n  date: 2020-04-{day:02}\n  source: src-1\n",
                100 + day
            )
        })
        .collect();
    site.write("data/aid/records.yaml", format!("{records}\n{added}"));
    site.build();
    let bars = |svg: &str| -> Vec<String> {
        let doc = parse_xml(svg);
        (doc.descendants())
            .filter(|n| n.attribute("class") == Some("bar"))
            .map(|n| n.attribute("data-value").unwrap().to_string())
            .collect()
    };
    let more_text = |svg: &str| -> Vec<String> {
        let doc = parse_xml(svg);
        (doc.descendants())
            .filter(|n| n.attribute("class") == Some("more"))
            .map(|n| n.text().unwrap().to_string())
            .collect()
    };
    let largest = |n: u64| -> Vec<String> { (0..n).map(|i| (130 - i).to_string()).collect() };
    for (lang, more) in [
        ("ru", "Ещё 25 цифр — в таблице на сайте"),
        ("kk", "Тағы 25 сан — сайттағы кестеде"),
    ] {
        let page = site.read(&format!("{lang}/infographics/index.html"));
        let figure = &page[page
            .find("<figure class=\"chart\" id=\"reached\">")
            .unwrap()..];
        let figure = &figure[..figure.find("</figure>").unwrap()];
        let svg = &figure[figure.find("<svg").unwrap()..figure.find("</svg>").unwrap() + 6];
        assert_eq!(
            bars(svg),
            largest(12),
            "{lang}: a page draws the 12 largest"
        );
        assert_eq!(more_text(svg), [more], "{lang}");
        let desc = &svg[svg.find("<desc").unwrap()..svg.find("</desc>").unwrap()];
        assert!(desc.contains(more), "{lang}: {desc}");
        let table = &figure[figure.find("<table").unwrap()..];
        let mut listed: Vec<u64> = attributes(table, "data-value")
            .iter()
            .map(|v| v.parse().unwrap())
            .collect();
        listed.sort_unstable();
        let mut every: Vec<u64> = (101..=130).chain([1, 2, 5, 11, 21, 22, 25]).collect();
        every.sort_unstable();
        assert_eq!(listed, every, "{lang}: the table lists every figure");
        let card = site.read(&format!("{lang}/infographics/charts/reached.svg"));
        assert_eq!(
            bars(&card),
            largest(12),
            "{lang}: a card draws the 12 largest"
        );
        assert_eq!(more_text(&card), [more], "{lang}");
        assert!(
            card.contains("¹²") && !card.contains("¹³"),
            "{lang}: a card's footnotes are the dates of its 12 bars"
        );
        let png = std::fs::read(
            site.public()
                .join(format!("{lang}/infographics/charts/reached.png")),
        )
        .unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    }
    // Organisation A: 32 figures of families and one of masks. The page
    // draws 12 of the families and says 20 more; the card keeps the masks'
    // panel, 11 of the families, and says 21 more.
    let page = site.read("ru/infographics/org-a/index.html");
    let figure = &page[page
        .find("<figure class=\"chart\" id=\"org-org-a\">")
        .unwrap()..];
    let svg = &figure[figure.find("<svg").unwrap()..figure.find("</svg>").unwrap() + 6];
    let mut in_page = largest(12);
    in_page.push("300".into());
    assert_eq!(bars(svg), in_page);
    assert_eq!(more_text(svg), ["Ещё 20 цифр — в таблице на сайте"]);
    let card = site.read("ru/infographics/charts/org-org-a.svg");
    let mut on_card = largest(11);
    on_card.push("300".into());
    assert_eq!(bars(&card), on_card);
    assert_eq!(more_text(&card), ["Ещё 21 цифра — в таблице на сайте"]);
}

/// Templates see the statistics: on the overview, each organisation's
/// figures by its id (`organisation_figures`); on an organisation's page,
/// `aid` as on the overview.
#[test]
fn templates_see_each_organisations_figures_and_the_statistics() {
    let site = TestSite::fixtures("basic", "stats");
    site.write(
        "templates/infographics.html",
        "{% for o in aid.organisations %}{{ o.id }}={% for r in organisation_figures[o.id] %}{{ r.id }}:{{ r.display }};{% endfor %}|{% endfor %}",
    );
    site.write(
        "templates/organisation.html",
        "{{ organisation.id }} of {{ aid.counts.organisations }}",
    );
    site.build();
    let json: serde_json::Value = serde_json::from_str(&site.read("ru/data/aid.json")).unwrap();
    let mut expected = String::new();
    for org in json["organisations"].as_array().unwrap() {
        let id = org["id"].as_str().unwrap();
        expected.push_str(&format!("{id}="));
        for record in json["records"].as_array().unwrap() {
            if record["organisation"] == id {
                let (record_id, display) = (&record["id"], &record["display"]);
                expected.push_str(&format!(
                    "{}:{};",
                    record_id.as_str().unwrap(),
                    display.as_str().unwrap()
                ));
            }
        }
        expected.push('|');
    }
    let overview = site.read("ru/infographics/index.html");
    assert_eq!(overview.trim(), expected);
    assert!(expected.contains("org-a=r1:1\u{a0}семья;"), "{expected}");
    let organisations = json["counts"]["organisations"].as_u64().unwrap();
    assert_eq!(
        site.read("ru/infographics/org-b/index.html").trim(),
        format!("org-b of {organisations}")
    );
}

#[test]
fn png_cards_are_1080_square_pictures() {
    let site = TestSite::fixtures("basic", "stats");
    site.build();
    for lang in ["kk", "ru"] {
        let png = std::fs::read(
            site.public()
                .join(format!("{lang}/infographics/charts/reached.png")),
        )
        .unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((width, height), (1080, 1080));
    }
}

/// The chart cards' PNGs of the output, by path.
fn chart_pngs(site: &TestSite) -> BTreeMap<String, std::path::PathBuf> {
    let mut pngs = BTreeMap::new();
    for lang in ["kk", "ru"] {
        let dir = site.public().join(format!("{lang}/infographics/charts"));
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "png") {
                pngs.insert(
                    format!("{lang}/{}", path.file_name().unwrap().display()),
                    path,
                );
            }
        }
    }
    pngs
}

/// The files of the site's cache of chart cards, by name.
fn cached_charts(site: &TestSite) -> BTreeMap<String, std::path::PathBuf> {
    let dir = site.root().join(".aqparat/cache/charts");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    (entries.map(|e| e.unwrap().path()))
        .filter(|path| path.extension().is_some_and(|e| e == "png"))
        .map(|path| (path.file_name().unwrap().display().to_string(), path))
        .collect()
}

#[test]
fn chart_cards_are_taken_from_the_cache_until_their_figures_change() {
    use std::collections::BTreeSet;
    let site = TestSite::fixtures("basic", "stats");
    let bytes = |paths: &BTreeMap<String, std::path::PathBuf>| -> BTreeSet<Vec<u8>> {
        paths.values().map(|p| std::fs::read(p).unwrap()).collect()
    };
    site.build();
    let pngs = chart_pngs(&site);
    assert!(pngs.len() >= 4, "{pngs:?}");
    // One cached file per picture drawn, holding it.
    assert_eq!(bytes(&cached_charts(&site)), bytes(&pngs));
    assert_eq!(cached_charts(&site).len(), bytes(&pngs).len());

    // A build into a new output that renders every card (`--fresh`: not
    // from the render cache, which a build without search has) draws none:
    // each card is the cache's file.
    std::fs::remove_dir_all(site.public()).unwrap();
    let run = site.run(&["build", "--fresh"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let cached: BTreeSet<u64> = cached_charts(&site).values().map(|p| inode(p)).collect();
    for (name, path) in chart_pngs(&site) {
        assert!(cached.contains(&inode(&path)), "{name} was drawn again");
    }

    // A changed figure changes its cards; the cache keeps only this
    // build's.
    let before = bytes(&cached_charts(&site));
    let reached = std::fs::read(site.public().join("ru/infographics/charts/reached.png")).unwrap();
    let records = std::fs::read_to_string(site.root().join("data/aid/records.yaml")).unwrap();
    site.write(
        "data/aid/records.yaml",
        records.replace("count: 25", "count: 26"),
    );
    site.build();
    let now = chart_pngs(&site);
    assert_eq!(bytes(&cached_charts(&site)), bytes(&now));
    assert!(!bytes(&cached_charts(&site)).contains(&reached));
    assert_ne!(bytes(&cached_charts(&site)), before);

    // `check` writes nothing, not even the cache.
    std::fs::remove_dir_all(site.root().join(".aqparat/cache/charts")).unwrap();
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(cached_charts(&site).is_empty());
}

#[test]
fn downloads_hold_the_same_totals_as_the_pages() {
    let site = TestSite::fixtures("basic", "stats");
    site.build();
    for lang in ["kk", "ru"] {
        let page = site.read(&format!("{lang}/infographics/index.html"));
        assert!(page.contains(&format!("href=\"/{lang}/data/aid.csv\"")));
        let json: serde_json::Value =
            serde_json::from_str(&site.read(&format!("{lang}/data/aid.json"))).unwrap();
        let totals: BTreeMap<String, u64> = json["totals"]["by_unit"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["unit"].as_str().unwrap().to_string(),
                    t["count"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(totals, values_of(&page, "tile"), "{lang}");
        let csv = site.read(&format!("{lang}/data/aid.csv"));
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let mut csv_totals: BTreeMap<String, u64> = BTreeMap::new();
        let mut unreported = 0;
        for row in reader.records() {
            let row = row.unwrap();
            match row[column("count")].parse::<u64>() {
                Ok(n) => {
                    *csv_totals
                        .entry(row[column("unit")].to_string())
                        .or_default() += n
                }
                Err(_) => {
                    assert_eq!(&row[column("reported")], "false");
                    unreported += 1;
                }
            }
        }
        assert_eq!(csv_totals, totals, "{lang}: CSV totals");
        assert_eq!(unreported, 1);
    }
    let all: serde_json::Value = serde_json::from_str(&site.read("data/aid.json")).unwrap();
    let record = &all["records"].as_array().unwrap()[0];
    assert_eq!(record["id"], "r1");
    assert_eq!(record["what"]["kk"], "Бірінші сынақ жазбасы");
    assert_eq!(record["what"]["ru"], "Первая тестовая запись");
    assert_eq!(record["source"], "src-1");
    assert_eq!(all["sources"][0]["url"], "https://source.example/1");
}

#[test]
fn editing_a_record_changes_the_page_the_chart_the_csv_and_the_png() {
    let site = TestSite::fixtures("basic", "stats");
    site.build();
    let files = [
        "ru/figures/index.html",
        "ru/infographics/charts/reached.svg",
        "ru/data/aid.csv",
        "ru/infographics/charts/reached.png",
    ];
    let read = |f: &str| std::fs::read(site.public().join(f)).unwrap();
    let before: Vec<Vec<u8>> = files.iter().map(|f| read(f)).collect();
    let records = std::fs::read_to_string(site.root().join("data/aid/records.yaml")).unwrap();
    site.write(
        "data/aid/records.yaml",
        records.replace("count: 25", "count: 26"),
    );
    site.build();
    for (file, old) in files.iter().zip(&before) {
        assert_ne!(&read(file), old, "{file} did not change");
    }
    assert!(
        site.read("ru/figures/index.html")
            .contains("Всего: 88\u{a0}семей")
    );
    assert!(
        site.read("ru/infographics/charts/reached.svg")
            .contains("data-value=\"26\"")
    );
}

#[test]
fn organisations_get_pages_in_both_languages_listed_in_the_sitemap() {
    let site = TestSite::fixtures("basic", "stats");
    site.build();
    let page = site.read("kk/infographics/org-b/index.html");
    assert!(page.contains("<h1>Сынақ ұйымы Б</h1>"));
    assert!(
        page.contains("басталуы: 2020\u{202f}ж.\u{a0}сәуір"),
        "a period given by month"
    );
    let ru = site.read("ru/infographics/org-a/index.html");
    assert!(
        ru.contains(
            "20\u{a0}марта\u{a0}2020\u{202f}г. – 3\u{a0}апреля\u{a0}2020\u{202f}г. — еженедельно"
        ),
        "{ru}"
    );
    let sitemap = site.read("sitemap.xml");
    for url in ["kk/infographics/", "ru/infographics/org-c/"] {
        assert!(
            sitemap.contains(&format!("<loc>https://test.example/{url}</loc>")),
            "{url}"
        );
    }
    assert!(
        sitemap.contains("hreflang=\"ru\" href=\"https://test.example/ru/infographics/org-c/\"")
    );
    crate::util::assert_internal_links_resolve(&site.public(), "/");
}

#[test]
fn other_data_files_reach_templates_by_their_name() {
    let site = TestSite::fixtures("basic", "stats");
    site.build();
    assert!(
        site.read("kk/rules/first/index.html")
            .contains("<p class=\"hotline\">Сынақ желісі 9–18</p>")
    );
    assert!(
        site.read("ru/index.html")
            .contains("<p class=\"hotline\">Тестовая линия 9–18</p>")
    );
    // A site without the file renders without it.
    let plain = TestSite::fixture("basic");
    plain.build();
    assert!(!plain.read("kk/index.html").contains("hotline"));
}

#[test]
fn a_name_in_the_other_language_is_marked_with_its_language() {
    let site = TestSite::example();
    assert_eq!(site.build().code, 0);
    // A Kazakh name on the Russian pages, a Russian one on the Kazakh pages.
    let kind_souls = site.read("ru/infographics/aktau-kind-souls/index.html");
    assert!(
        kind_souls.contains("<h1>Группа «<span lang=\"kk\">Ақтау қайырымды жандары</span>»</h1>")
    );
    let club = site.read("kk/infographics/kindness-club/index.html");
    assert!(club.contains("<h1>«<span lang=\"ru\">Клуб добряков</span>» тобы</h1>"));
    // In its own language the name needs no mark.
    let own = site.read("kk/infographics/aktau-kind-souls/index.html");
    assert!(own.contains("<h1>«Ақтау қайырымды жандары» тобы</h1>"));
    let overview = site.read("ru/infographics/index.html");
    assert!(overview.contains("«<span lang=\"kk\">Қоғамдық келісім</span>»"));

    // A language the site does not have is an error at its place.
    let path = site.root().join("data/aid/organisations.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        yaml.replacen("quoted_lang: ru", "quoted_lang: en", 1),
    )
    .unwrap();
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("data/aid/organisations.yaml:25:16: error: organisation `people-together-fund`: `quoted_lang` is `en`, not a language of the site"),
        "{}",
        run.stderr
    );
}

/// The panels of an SVG chart: unit → (scale, scale label, bar value →
/// bar width).
fn panels(svg: &str) -> BTreeMap<String, (u64, String, BTreeMap<u64, f64>)> {
    let doc = parse_xml(svg);
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("panel"))
        .map(|panel| {
            let label = panel
                .descendants()
                .filter(|n| n.attribute("class") == Some("scale-label"))
                .filter_map(|n| n.text())
                .collect::<Vec<_>>()
                .join(" … ");
            let bars = panel
                .descendants()
                .filter(|n| n.attribute("class") == Some("bar"))
                .map(|bar| {
                    let rect = bar.children().find(|c| c.has_tag_name("rect")).unwrap();
                    (
                        bar.attribute("data-value").unwrap().parse().unwrap(),
                        rect.attribute("width").unwrap().parse().unwrap(),
                    )
                })
                .collect();
            (
                panel.attribute("data-unit").unwrap().to_string(),
                (
                    panel.attribute("data-scale").unwrap().parse().unwrap(),
                    label,
                    bars,
                ),
            )
        })
        .collect()
}

// See: issue 14, "Charts that cannot mislead".
#[test]
fn i14_bars_of_two_units_are_panels_with_scales_of_their_own() {
    let site = TestSite::example();
    site.build();
    for path in [
        "ru/infographics/charts/reached.svg",
        "kk/infographics/charts/reached.svg",
    ] {
        let panels = panels(&site.read(path));
        let (families, doctors) = (&panels["families"], &panels["doctors"]);
        // Each panel's scale ends at a round figure, labelled with its noun.
        assert_eq!((families.0, doctors.0), (400, 40), "{path}");
        if path.starts_with("ru") {
            assert_eq!(families.1, "0 … 400\u{a0}семей");
            assert_eq!(doctors.1, "0 … 40\u{a0}врачей");
        } else {
            assert_eq!(families.1, "0 … 400\u{a0}отбасы");
        }
        // 35 doctors are not drawn as long as 320 families: each bar is to
        // its scale what its number is to the scale's end.
        let (doctors_35, families_320) = (doctors.2[&35], families.2[&320]);
        assert!(
            (doctors_35 - families_320).abs() > 1.0,
            "{doctors_35} {families_320}"
        );
        for (scale, _, bars) in panels.values() {
            let (&largest, &longest) = bars.iter().max_by_key(|(v, _)| **v).unwrap();
            for (value, width) in bars {
                let expected = longest * *value as f64 / largest as f64;
                assert!(
                    (width - expected).abs() < 1.0 || *width == 2.0,
                    "{path}: {value} of {scale} is {width}, not {expected}"
                );
            }
        }
    }
    // Inline too: the fixture's organisation A has families and masks.
    let site = TestSite::fixtures("basic", "stats");
    site.build();
    let page = site.read("ru/infographics/org-a/index.html");
    let svg = &page[page.find("<svg").unwrap()..page.find("</svg>").unwrap() + 6];
    let panels = panels(svg);
    assert_eq!(panels.keys().collect::<Vec<_>>(), ["families", "masks"]);
    assert_eq!(panels["families"].0, 2);
    assert_eq!(panels["masks"].1, "0 … 300\u{a0}масок");
    // The table beside it names each panel's scale.
    assert!(page.contains("Семьи <span class=\"scale-label\">(0 – 2\u{a0}семьи)</span>"));
}

// See: issue 14, "Show the frequency with the figure".
#[test]
fn i14_how_often_is_shown_with_the_figure() {
    let site = TestSite::example();
    site.build();
    let card = site.read("ru/infographics/charts/reached.svg");
    assert!(
        card.contains("35\u{a0}врачей¹<tspan font-weight=\"normal\">\u{a0}· ежедневно</tspan>"),
        "{card}"
    );
    assert!(
        site.read("kk/infographics/charts/reached.svg")
            .contains("\u{a0}· күн сайын</tspan>")
    );
    let page = site.read("ru/infographics/people-together-fund/index.html");
    assert!(page.contains("ежедневно") && page.contains("еженедельно"));
    // In the tables beside the charts.
    let site = TestSite::fixtures("basic", "stats");
    site.build();
    let page = site.read("ru/infographics/org-a/index.html");
    assert!(page.contains("2\u{a0}семьи <span class=\"frequency\">еженедельно</span></td>"));
    let page = site.read("kk/infographics/org-a/index.html");
    assert!(page.contains("<span class=\"frequency\">апта сайын</span>"));
}

// See: issue 14, "The PNG card's footnote must tie each date to its bar".
#[test]
fn i14_a_cards_footnotes_tie_each_date_to_its_bars() {
    let site = TestSite::fixtures("basic", "stats");
    site.build();
    let svg = site.read("ru/infographics/charts/reached.svg");
    let doc = parse_xml(&svg);
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            (n.descendants().filter(|t| t.is_text()))
                .filter_map(|t| t.text())
                .collect()
        })
        .collect();
    // Footnotes are wrapped at spaces, no-break ones too.
    let note = |mark: &str| {
        texts
            .iter()
            .find_map(|t| t.strip_prefix(&format!("{mark} ")))
            .unwrap_or_else(|| panic!("no footnote {mark}: {texts:?}"))
            .to_string()
    };
    let figure = |start: &str| texts.iter().find(|t| t.starts_with(start)).unwrap().clone();
    // Each figure carries the mark of its date, and the mark's footnote is
    // that date: Organisation A's two records, one as of 3 April, one over
    // a period.
    let marked = |start: &str| {
        let figure = figure(start);
        let marks = figure[start.len()..]
            .split("\u{a0}· ")
            .next()
            .unwrap()
            .to_string();
        note(&marks)
    };
    assert_eq!(marked("1\u{a0}семья"), "по состоянию на 3 апреля 2020 г.");
    assert_eq!(
        marked("2\u{a0}семьи"),
        "20 марта 2020 г. – 3 апреля 2020 г."
    );
    // Organisation C's records give no date.
    assert_eq!(marked("25\u{a0}семей"), "дата не указана");
    assert!(texts.contains(&"Источник: Тестовый источник".to_string()));
}

// See: issue 14, "Figures over time".
#[test]
fn i14_a_series_is_drawn_as_a_step_chart_with_its_table() {
    let site = TestSite::fixtures("basic", "stats");
    crate::util::copy_dir(
        &crate::util::repo().join("tests/fixtures/series"),
        site.root(),
    );
    site.build();
    for path in [
        "ru/infographics/org-a/index.html",
        "ru/infographics/index.html",
    ] {
        let page = site.read(path);
        let start = page
            .find("<figure class=\"chart series\" id=\"series-weekly-1\">")
            .unwrap_or_else(|| panic!("no series in {path}"));
        let figure = &page[start..start + page[start..].find("</figure>").unwrap() + 9];
        let doc = parse_xml(figure);
        let svg = doc.descendants().find(|n| n.has_tag_name("svg")).unwrap();
        assert_eq!(svg.attribute("role"), Some("img"));
        let title = svg.children().find(|c| c.has_tag_name("title")).unwrap();
        assert_eq!(title.text(), Some("Организация А — Тестовая серия"));
        let desc = svg.children().find(|c| c.has_tag_name("desc")).unwrap();
        assert!(
            desc.text()
                .unwrap()
                .contains("8\u{a0}апреля\u{a0}2020\u{202f}г. — 25\u{a0}семей")
        );
        let points: Vec<(&str, &str)> = svg
            .descendants()
            .filter(|n| n.attribute("class") == Some("point"))
            .map(|n| {
                (
                    n.attribute("data-date").unwrap(),
                    n.attribute("data-value").unwrap(),
                )
            })
            .collect();
        let expected = [
            ("2020-04-01", "10"),
            ("2020-04-08", "25"),
            ("2020-04-15", "40"),
            ("2020-04-30", "55"),
        ];
        assert_eq!(points, expected, "oldest first; a period's end is its day");
        assert!(
            svg.descendants()
                .any(|n| n.attribute("class") == Some("step"))
        );
        // The table: date → figure, the same numbers, how often beside them.
        let rows: Vec<(&str, &str)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("tr"))
            .filter_map(|tr| {
                let time = tr.descendants().find(|n| n.has_tag_name("time"))?;
                let td = tr.descendants().find(|n| n.has_tag_name("td"))?;
                Some((time.attribute("datetime")?, td.attribute("data-value")?))
            })
            .collect();
        assert_eq!(rows, expected);
        assert!(figure.contains("<span class=\"frequency\">еженедельно</span>"));
    }
    // One date per figure (organisation B), or another unit, is no series.
    let overview = site.read("ru/infographics/index.html");
    assert_eq!(overview.matches("class=\"chart series\"").count(), 1);
    assert!(
        !site
            .read("ru/infographics/org-b/index.html")
            .contains("chart series")
    );
}

/// A unit whose figures may count the same people (`add: false`) gets no
/// total of several of them: not on the overview's tiles, not in the
/// downloads, not by `stat(total=…)`, which is an error saying why; a
/// total of one figure, no sum, is still given, and the open data say
/// which units are added up.
#[test]
fn figures_of_a_unit_that_may_count_the_same_people_are_not_added() {
    let site = TestSite::fixtures("basic", "stats");
    let units = site.read_source("data/aid/units.yaml");
    site.write(
        "data/aid/units.yaml",
        units.replace("  reach: true\n", "  reach: true\n  add: false\n"),
    );
    let run = site.run(&["build"]);
    crate::util::assert_reported(
        &run,
        &[
            "content/figures.kk.md:7:",
            "content/figures.kk.md:7:",
            "content/figures.ru.md:7:",
            "content/figures.ru.md:7:",
        ],
        "totals of families",
    );
    assert!(
        run.stderr.contains(
            "error: the figures in unit `families` are not added up: its `add: false` in `data/aid/units.yaml` says they may count the same people"
        ),
        "{}",
        run.stderr
    );
    // Without those totals the site builds.
    for lang in ["kk", "ru"] {
        let page = format!("content/figures.{lang}.md");
        let text = site.read_source(&page);
        let text = text.replace("{{ stat(total=\"families\") }}", "—");
        site.write(
            &page,
            text.replace("{{ stat(total=\"families\", org=\"org-b\") }}", "—"),
        );
    }
    site.build();
    let overview = site.read("ru/infographics/index.html");
    assert_eq!(
        values_of(&overview, "tile"),
        BTreeMap::from([("masks".into(), 1300)])
    );
    let json: serde_json::Value = serde_json::from_str(&site.read("ru/data/aid.json")).unwrap();
    let units_of = |totals: &serde_json::Value| -> Vec<String> {
        (totals.as_array().unwrap().iter())
            .map(|t| t["unit"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(units_of(&json["totals"]["by_unit"]), ["masks"]);
    let organisations = json["organisations"].as_array().unwrap();
    let org = |id: &str| organisations.iter().find(|o| o["id"] == id).unwrap();
    // org-a has two figures of families, org-b three: no total; org-a's
    // one figure of masks is its total.
    assert_eq!(units_of(&org("org-a")["totals"]), ["masks"]);
    assert_eq!(units_of(&org("org-b")["totals"]), ["masks"]);
    let units = site.read("data/units.csv").replace("\r\n", "\n");
    assert!(
        units.starts_with("id,name_kk,name_ru,reach,add\n"),
        "{units}"
    );
    assert!(
        units.contains("\nfamilies,Отбасылар,Семьи,true,false\n"),
        "{units}"
    );
    assert!(
        units.contains("\nmasks,Бетперделер,Маски,false,true\n"),
        "{units}"
    );
}

/// A figure shown in the default language's words, its unit lacking the
/// page language's noun forms (a warning), is a phrase within the line:
/// no chart, which must stand alone.
#[test]
fn a_figure_in_the_default_language_stays_within_its_sentence() {
    let site = TestSite::fixtures("basic", "stats");
    let units = site.read_source("data/aid/units.yaml");
    site.write(
        "data/aid/units.yaml",
        units.replace(
            "    ru: { one: \"семья\", few: \"семьи\", many: \"семей\", other: \"семьи\" }\n",
            "",
        ),
    );
    site.write(
        "content/inline.ru.md",
        "---\ntitle: В строке\n---\nПомощь получили {{ stat(id=\"r1\") }}.\n\n{{ stat(id=\"r2\") }}\n\n![Получили {{ stat(id=\"r5\") }}.](photo.png)\n",
    );
    site.write(
        "content/photo.png",
        crate::images::photo(40, 30, image::ImageFormat::Png),
    );
    let run = site.build();
    assert!(
        run.stderr
            .contains("warning: unit `families` has no `ru` noun forms"),
        "{}",
        run.stderr
    );
    let page = site.read("ru/inline/index.html");
    assert!(
        page.contains("<p>Помощь получили <span lang=\"kk\">1\u{a0}отбасы</span>.</p>"),
        "{page}"
    );
    assert!(
        page.contains("<p><span lang=\"kk\">2\u{a0}отбасы</span></p>"),
        "{page}"
    );
    // An image's description holds the figure's words: no markup goes there.
    assert!(page.contains("alt=\"Получили 5\u{a0}отбасы.\""), "{page}");
}

/// Organisations that belong to one another round a ring, or name
/// themselves as their parent or partner, and a record whose organisation
/// is its own partner: each an error where it is written, a ring told
/// once, from its first organisation, with the whole ring.
#[test]
fn organisations_that_belong_to_themselves_are_errors() {
    let site = TestSite::fixtures("basic", "stats");
    let organisations = site.read_source("data/aid/organisations.yaml");
    site.write(
        "data/aid/organisations.yaml",
        organisations
            .replace(
                "  short: { kk: \"Ұйым А\", ru: \"Организация А\" }\n",
                "  short: { kk: \"Ұйым А\", ru: \"Организация А\" }\n  parent: org-c\n",
            )
            .replace(
                "  partners: [org-a]\n",
                "  parent: org-b\n  partners: [org-a, org-c]\n",
            ),
    );
    let records = site.read_source("data/aid/records.yaml");
    site.write(
        "data/aid/records.yaml",
        records.replacen(
            "  org: org-b\n  partners: [org-c]\n",
            "  org: org-b\n  partners: [org-b]\n",
            1,
        ),
    );
    let run = site.run(&["check"]);
    crate::util::assert_reported(
        &run,
        &[
            "data/aid/organisations.yaml:5:11: error: each of these organisations belongs to the next, round to the first: org-a → org-c → org-b → org-a",
            "data/aid/organisations.yaml:12:21: error: organisation `org-c` names itself as its parent or partner",
            "data/aid/records.yaml:20:14: error: record `r5`: its organisation `org-b` is among its `partners` too",
        ],
        "rings of organisations",
    );
}

/// A figure as of a day to come, or a period starting or ending after
/// today, is a year mistyped: a warning at it (the site builds; `check
/// --strict` fails).
#[test]
fn a_figure_dated_after_today_is_a_warning() {
    let site = TestSite::fixtures("basic", "stats");
    let records = site.read_source("data/aid/records.yaml");
    site.write(
        "data/aid/records.yaml",
        records
            .replacen("  date: 2020-04-03\n", "  date: 2202-04-03\n", 1)
            .replacen("to: 2020-04-03 }", "to: 2202-04-03 }", 1)
            .replacen(
                "  period: { from: 2020-04 }\n",
                "  period: { from: 2220-04 }\n",
                1,
            ),
    );
    let run = site.run(&["check", "--strict"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let warnings: Vec<&str> = (run.stderr.lines())
        .filter(|l| l.starts_with("data/") && l.contains(": warning: "))
        .collect();
    let expected = [
        "data/aid/records.yaml:7:9: warning: record `r1`: 2202-04-03 is after today (",
        "data/aid/records.yaml:15:35: warning: record `r2`: 2202-04-03 is after today (",
        "data/aid/records.yaml:25:19: warning: record `r5`: 2220-04 is after today (",
    ];
    assert_eq!(warnings.len(), expected.len(), "{}", run.stderr);
    for (warning, expected) in warnings.iter().zip(expected) {
        assert!(warning.starts_with(expected), "{}", run.stderr);
    }
    assert!(run.stderr.contains("check the year"), "{}", run.stderr);
    site.build();
}

/// Noun forms in a language the site does not have are an error, as a
/// name in one is: they would be read by no page.
#[test]
fn noun_forms_in_a_language_the_site_lacks_are_an_error() {
    let site = TestSite::fixtures("basic", "stats");
    let units = site.read_source("data/aid/units.yaml");
    site.write(
        "data/aid/units.yaml",
        units.replacen(
            "    kk: { one: \"отбасы\", other: \"отбасы\" }\n",
            "    kk: { one: \"отбасы\", other: \"отбасы\" }\n    en: { one: family, other: families }\n",
            1,
        ),
    );
    crate::util::assert_reported(
        &site.run(&["check"]),
        &[
            "data/aid/units.yaml:5:9: error: unit `families` has noun forms in `en`, which is not a language of the site",
        ],
        "forms in English",
    );
}

/// A records file emptied by mistake (a 0-byte save) is named by each
/// figure that needs a record: not as a record missing among others.
#[test]
fn an_emptied_records_file_is_named_by_the_figures_that_need_it() {
    let site = TestSite::fixtures("basic", "stats");
    site.write("data/aid/records.yaml", "");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "error: no record `r1`: data/aid/records.yaml (or records.csv) holds no records at all; is it empty by mistake?"
        ),
        "{}",
        run.stderr
    );
}

/// Figures on successive days of one organisation, unit and `what` are
/// one count as it grew: the totals add the latest, not each day's again,
/// whether a figure's day is its date or its period's end, and whatever
/// its category. Figures of something done over and over (a `frequency`)
/// are each a count of their own, and are added.
#[test]
fn a_count_as_of_successive_days_is_added_once() {
    let site = TestSite::fixtures("basic", "stats");
    let records = site.read_source("data/aid/records.yaml");
    let record = |id: &str, count: u32, category: &str, when: &str| {
        format!(
            "- id: {id}\n  org: org-c\n  category: {category}\n  count: {count}\n  unit: masks\n  what: {{ kk: \"Өсіп келе жатқан сан\", ru: \"Растущее число\" }}\n{when}  source: src-1\n"
        )
    };
    let masks_total = |site: &TestSite| {
        let json: serde_json::Value = serde_json::from_str(&site.read("ru/data/aid.json")).unwrap();
        let masks = |totals: &serde_json::Value| {
            (totals.as_array().unwrap().iter())
                .filter(|t| t["unit"] == "masks")
                .map(|t| t["count"].as_u64().unwrap())
                .sum::<u64>()
        };
        let by_category: u64 = (json["totals"]["by_category"].as_array().unwrap().iter())
            .map(|c| masks(&c["totals"]))
            .sum();
        let by_unit = masks(&json["totals"]["by_unit"]);
        assert_eq!(
            by_category, by_unit,
            "the categories' totals add up to the unit's"
        );
        let tiles = values_of(&site.read("ru/infographics/index.html"), "tile");
        assert_eq!(tiles["masks"], by_unit, "{tiles:?}");
        by_unit
    };
    let total_with = |added: [String; 2]| {
        site.write(
            "data/aid/records.yaml",
            format!("{records}{}", added.concat()),
        );
        site.build();
        masks_total(&site)
    };
    let grown = total_with([
        record("grown-1", 100, "masks", "  date: 2020-04-01\n"),
        record("grown-2", 150, "masks", "  date: 2020-04-10\n"),
    ]);
    assert_eq!(grown, 1300 + 150);
    // "Up to 3 April" in another category, then "as of 10 April".
    let up_to = total_with([
        record("by-april", 100, "food", "  period: { to: 2020-04-03 }\n"),
        record("grown-2", 150, "masks", "  date: 2020-04-10\n"),
    ]);
    assert_eq!(up_to, 1300 + 150);
    // Given each week, the same two figures are two counts.
    let weekly = total_with([
        record(
            "weekly-1",
            100,
            "masks",
            "  date: 2020-04-01\n  frequency: weekly\n",
        ),
        record(
            "weekly-2",
            150,
            "masks",
            "  date: 2020-04-10\n  frequency: weekly\n",
        ),
    ]);
    assert_eq!(weekly, 1300 + 100 + 150);
}

/// Two figures of one organisation, unit and `what` on the same day, with
/// no `frequency`, are both added up: a warning asks whether one figure
/// was entered twice. Not so with a `frequency`, nor on different days.
#[test]
fn two_figures_of_the_same_thing_on_the_same_day_are_warned_of() {
    let site = TestSite::fixtures("basic", "stats");
    let records = site.read_source("data/aid/records.yaml");
    let record = |id: &str, when: &str| {
        format!(
            "- id: {id}\n  org: org-c\n  category: masks\n  count: 7\n  unit: masks\n  what: {{ kk: \"Қайталанған\", ru: \"Повтор\" }}\n{when}  source: src-1\n"
        )
    };
    let first = records.lines().count() + 1;
    site.write(
        "data/aid/records.yaml",
        format!(
            "{records}{}{}{}",
            record("dup-1", "  date: 2020-04-07\n"),
            record("dup-2", "  date: 2020-04-07\n"),
            record(
                "dup-3",
                "  period: { to: 2020-04-07 }\n  frequency: weekly\n"
            ),
        ),
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = first + 8;
    let warning = format!(
        "data/aid/records.yaml:{line}:7: warning: record `dup-2` gives a figure of the same thing as record `dup-1` (its organisation, unit and `what`) on the same day, 2020-04-07: both are added up"
    );
    assert!(run.stderr.contains(&warning), "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("on the same day").count(),
        1,
        "{}",
        run.stderr
    );
}
