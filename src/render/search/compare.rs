//! Tests: aqparat's index against Pagefind's own indexing of the same
//! records (the `pagefind` crate, a dev-dependency): the same files under
//! the same names, the same once unpacked (the gzip differs), so Pagefind's
//! browser library finds the same results in either; and the library files
//! are Pagefind's, byte for byte.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use super::{Indexer, Record, Stream};

/// The example site's pages (Markdown read as text: what matters is the
/// words), each in its language, and records made to trip tokenising up.
pub fn records() -> Vec<Record> {
    let mut records = markdown_records(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"));
    odd_records(&mut records);
    records
}

/// A record for each Markdown file under `content`, in its language.
fn markdown_records(content: &Path) -> Vec<Record> {
    let mut files: Vec<_> = walkdir::WalkDir::new(content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.path().to_path_buf())
        .collect();
    files.sort();
    let mut records = Vec::new();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let lang = if name.ends_with(".kk.md") { "kk" } else { "ru" };
        let text = std::fs::read_to_string(&file).unwrap();
        let title = text
            .lines()
            .find_map(|l| l.strip_prefix("title: "))
            .unwrap_or("")
            .to_string();
        let url = format!("/{lang}/{}", file.strip_prefix(content).unwrap().display());
        records.push(Record::keyed(
            url,
            lang,
            &title,
            "Сипаттама — описание".into(),
            text.into(),
        ));
    }
    records
}

/// Adds records made to trip tokenising up.
fn odd_records(records: &mut Vec<Record>) {
    let odd = [
        ("kk", "Бос бет", ""),
        ("kk", "", "мәтін тақырыпсыз"),
        ("kk", "   ", " \u{200B} \u{200B}сөз\u{200B} "),
        ("kk", "Эмодзи 🙂", "сәлем🙂 👍🏽 1️⃣ 🇰🇿 © ®"),
        (
            "kk",
            "Құрама",
            "кейс-стади camelCase HTMLTag covid19, 2020-жыл a.b_c т.е. «Еріктілер» _астын_ сызу",
        ),
        (
            "ru",
            "Ёлка и йод",
            "Ёжик ёлки, йогурт: «Чосон», чай-кофе ЕЩЁ ещё ВОЛОНТЁРЫ волонтёрский.",
        ),
        (
            "ru",
            "Русский заголовок",
            "слово… слово... (скобки) [кв] {фиг} «ёлочки» „лапки“ — тире – среднее",
        ),
        (
            "ru",
            "Цифры",
            "1 2 3 1,5 2.5 10% №5 $100 +7 (727) 123-45-67 https://example.kz/path?q=1",
        ),
        ("ru", "Греческое ΣΟΦΙΑ", "ΣΟΦΙΑ σοφία ǅ ǆ İstanbul ﬁ ß ẞ"),
        (
            "kk",
            "Жапонша",
            "ハンドバッグ バンド ハンド カタカナカタカナ",
        ),
        ("ru", "Пусто", "— – … · • ‹ ›"),
    ];
    for (i, (lang, title, text)) in odd.into_iter().enumerate() {
        records.push(Record::new(
            format!("/{lang}/odd/{i}/"),
            lang,
            title,
            text.into(),
        ));
    }
    // A long word, many repeats, a page given twice (the second wins).
    records.push(Record::new(
        "/ru/odd/long/".into(),
        "ru",
        "Длинное",
        format!("{} {}", "ж".repeat(5000), "да ".repeat(3000)),
    ));
    records.push(Record::keyed(
        "/kk/odd/0/".into(),
        "kk",
        "Бос бет емес",
        "енді".into(),
        "толық мәтін".into(),
    ));
}

/// Pagefind's files for `records`: one index per language, as aqparat
/// made them before it wrote the format itself.
pub fn pagefind_files(records: &[Record]) -> BTreeMap<String, Vec<u8>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let mut langs: Vec<&str> = records.iter().map(|r| r.lang.as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    let mut files = BTreeMap::new();
    for lang in langs {
        runtime.block_on(async {
            let options = pagefind::options::PagefindServiceConfig::builder()
                .keep_index_url(true)
                .build();
            let mut index = pagefind::api::PagefindIndex::new(Some(options)).unwrap();
            for record in records.iter().filter(|r| r.lang == lang) {
                let meta = BTreeMap::from([("title".to_string(), record.title.clone())]);
                index
                    .add_custom_record(
                        record.url.clone(),
                        [record.title.as_str(), &record.description, &record.text]
                            .iter()
                            .filter(|part| !part.is_empty())
                            .copied()
                            .collect::<Vec<&str>>()
                            .join(". "),
                        record.lang.clone(),
                        Some(meta),
                        None,
                        None,
                    )
                    .await
                    .unwrap();
            }
            for file in index.get_files().await.unwrap() {
                let name = file.filename.to_string_lossy().to_string();
                if name != "pagefind-entry.json" {
                    files.insert(name, file.contents);
                }
            }
        });
    }
    files
}

/// `contents` unpacked if gzip, else as they are.
fn unpacked(contents: &[u8]) -> Vec<u8> {
    if contents.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(contents)
            .read_to_end(&mut out)
            .unwrap();
        out
    } else {
        contents.to_vec()
    }
}

/// aqparat's files for `records`, by name under `pagefind/`.
fn our_files(records: &[Record]) -> BTreeMap<String, Vec<u8>> {
    // A site of its own: its cache starts empty.
    let site = tempfile::tempdir().unwrap();
    by_name(Indexer::once(site.path()).index(records).unwrap())
}

/// The files of `index`, by name under `pagefind/`.
fn by_name(index: super::Index) -> BTreeMap<String, Vec<u8>> {
    index
        .files
        .into_iter()
        .map(|(name, contents)| {
            (
                name.strip_prefix("pagefind/").unwrap().to_string(),
                contents.to_vec(),
            )
        })
        .collect()
}

#[test]
fn the_index_is_pagefinds_own_file_for_file() {
    same_files_as_pagefind(&records());
}

/// The same on the pages of the site at `AQPARAT_SEARCH_CORPUS` (one made
/// by `examples/corpus.rs`): `AQPARAT_SEARCH_CORPUS=DIR cargo test --lib
/// large_corpus -- --ignored`.
#[test]
#[ignore = "slow; needs AQPARAT_SEARCH_CORPUS"]
fn the_index_of_a_large_corpus_is_pagefinds_own() {
    let dir = std::env::var("AQPARAT_SEARCH_CORPUS").expect("AQPARAT_SEARCH_CORPUS");
    same_files_as_pagefind(&markdown_records(&Path::new(&dir).join("content")));
}

/// Asserts that aqparat writes the files Pagefind writes for `records`.
fn same_files_as_pagefind(records: &[Record]) {
    let theirs = pagefind_files(records);
    let ours = our_files(records);
    let mut problems = Vec::new();
    for (name, contents) in &theirs {
        let Some(mine) = ours.get(name) else {
            // Pagefind's ready-made interfaces: the theme has its own.
            let unused = [
                "pagefind-ui",
                "pagefind-modular-ui",
                "pagefind-component-ui",
                "pagefind-highlight",
            ];
            if !unused.iter().any(|u| name.starts_with(u)) {
                problems.push(format!("{name}: not written"));
            }
            continue;
        };
        let (contents, mine) = (unpacked(contents), unpacked(mine));
        if contents != mine {
            let at = contents
                .iter()
                .zip(&mine)
                .take_while(|(a, b)| a == b)
                .count();
            let around = |b: &[u8]| {
                String::from_utf8_lossy(&b[at.saturating_sub(40)..(at + 40).min(b.len())])
                    .to_string()
            };
            problems.push(format!(
                "{name}: differs at byte {at} of {}/{}: Pagefind {:?}, aqparat {:?}",
                contents.len(),
                mine.len(),
                around(&contents),
                around(&mine),
            ));
        }
    }
    for name in ours.keys() {
        if !theirs.contains_key(name) && name != "pagefind-entry.json" {
            problems.push(format!("{name}: not Pagefind's"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(theirs.keys().any(|n| n.starts_with("fragment/kk_")));
    assert!(theirs.contains_key("wasm.ru.pagefind"));
}

#[test]
fn an_index_made_again_after_edits_is_the_one_made_afresh() {
    let mut records = records();
    let mut indexer = Indexer::new(None, None);
    indexer.index(&records).unwrap();
    // A page edited, one gone, one new, a language gone and back.
    let edited = records[3].url.clone();
    records[3] = Record::new(edited, "kk", "Жаңа тақырып", "жаңа сөздер ғана".into());
    records.remove(5);
    records.push(Record::new(
        "/ru/new/".into(),
        "ru",
        "Новая ёлка",
        "новые слова: йод, ЁЖ".into(),
    ));
    let again = by_name(indexer.index(&records).unwrap());
    assert_eq!(again, our_files(&records));
    let kazakh: Vec<Record> = records.iter().filter(|r| r.lang == "kk").cloned().collect();
    indexer.index(&kazakh).unwrap();
    assert_eq!(by_name(indexer.index(&records).unwrap()), again);
}

#[test]
fn a_stream_given_units_out_of_order_indexes_them_in_order() {
    let records = records();
    let kept = by_name(Indexer::new(None, None).index(&records).unwrap());
    // Units of three records each, the last first, as rendering threads
    // may finish them.
    let stream = Stream::default();
    let units: Vec<&[Record]> = records.chunks(3).collect();
    for (unit, records) in units.iter().enumerate().rev() {
        stream.add(unit, records);
    }
    assert_eq!(by_name(stream.finish().unwrap()), kept);
}

#[test]
fn a_stream_writing_fragments_as_they_come_leaves_the_same_files() {
    use crate::write::{Output, Publish};
    let records = records();
    let kept = by_name(Indexer::new(None, None).index(&records).unwrap());
    let temp = tempfile::tempdir().unwrap();
    let destination = temp.path().join("public");
    let output = Output::staging(&destination, Publish::Replace, None).unwrap();
    let stream = Stream::new(&output, temp.path());
    for (unit, records) in records.chunks(3).enumerate().rev() {
        stream.add(unit, records);
    }
    let index = stream.finish().unwrap();
    // The fragments are in the output already, not in the index's files.
    assert!(
        !index
            .files
            .iter()
            .any(|(name, _)| name.contains("/fragment/"))
    );
    super::write(&index, &output).unwrap();
    output.publish().unwrap();
    let written: BTreeMap<String, Vec<u8>> = walkdir::WalkDir::new(destination.join("pagefind"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(destination.join("pagefind")).unwrap();
            (
                rel.to_string_lossy().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    assert_eq!(written, kept);
}

#[test]
fn the_entry_lists_each_language_with_its_wasm() {
    let ours = our_files(&records());
    let entry: serde_json::Value = serde_json::from_slice(&ours["pagefind-entry.json"]).unwrap();
    assert_eq!(entry["version"], "1.6.0");
    assert_eq!(entry["languages"]["kk"]["wasm"], serde_json::Value::Null);
    assert_eq!(entry["languages"]["ru"]["wasm"], "ru");
    for lang in ["kk", "ru"] {
        let hash = entry["languages"][lang]["hash"].as_str().unwrap();
        assert!(
            ours.contains_key(&format!("pagefind.{hash}.pf_meta")),
            "{lang}"
        );
    }
}

#[test]
fn no_records_give_the_library_alone() {
    let ours = our_files(&[]);
    assert!(ours.contains_key("pagefind.js"));
    assert!(!ours.keys().any(|n| n.ends_with(".pf_meta")));
}
