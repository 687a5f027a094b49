//! The catalogues agree with each other and with the code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::*;

/// Each entry of a catalogue, by id, with the variables it uses. An entry
/// starts at a line `id = …` and goes on over the indented lines below.
fn entries(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut entries: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current = None;
    for line in source.lines() {
        if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let id = line.split(" =").next().unwrap_or(line).to_string();
            assert!(!entries.contains_key(&id), "{id} is there twice");
            entries.insert(id.clone(), BTreeSet::new());
            current = Some(id);
        } else if line.starts_with('#') || line.is_empty() {
            current = None;
            continue;
        }
        let Some(id) = &current else {
            panic!("a line outside any entry: {line:?}")
        };
        for (i, _) in line.match_indices('$') {
            let name: String = line[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            entries.get_mut(id).expect("the current entry").insert(name);
        }
    }
    entries
}

fn catalogue(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    entries(lang.catalogue())
}

/// Whether `text` can be an id: lowercase words joined by `-`.
fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The ids of every `msg!("id"…)` in the source.
fn ids_in_source(dir: &Path, ids: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            ids_in_source(&path, ids);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            // Comments are left out: the macro's documentation shows a call.
            let code: String = text
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            for (i, _) in code.match_indices("msg!(") {
                let rest = code[i + 5..].trim_start();
                let id = rest.strip_prefix('"').and_then(|r| r.split_once('"'));
                if let Some((id, _)) = id.filter(|(id, _)| is_id(id)) {
                    ids.insert(id.to_string());
                }
            }
        }
    }
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let english = catalogue(Lang::En);
    for lang in [Lang::Kk, Lang::Ru] {
        let other = catalogue(lang);
        for (id, variables) in &english {
            let there = other.get(id);
            assert!(there.is_some(), "{id} is missing in {}.ftl", lang.code());
            assert_eq!(
                there,
                Some(variables),
                "the variables of {id} in {}.ftl",
                lang.code()
            );
        }
        for id in other.keys() {
            assert!(
                english.contains_key(id),
                "{id} of {}.ftl is not in en.ftl",
                lang.code()
            );
        }
    }
}

#[test]
fn the_code_uses_every_message_and_no_other() {
    let mut used = BTreeSet::new();
    ids_in_source(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut used,
    );
    let english: BTreeSet<String> = catalogue(Lang::En).into_keys().collect();
    let missing: Vec<_> = used.difference(&english).collect();
    assert!(missing.is_empty(), "used but not in en.ftl: {missing:?}");
    let unused: Vec<_> = english.difference(&used).collect();
    assert!(unused.is_empty(), "in en.ftl but not used: {unused:?}");
}

#[test]
fn every_message_formats_in_every_language() {
    for (id, variables) in catalogue(Lang::En) {
        let args = variables
            .iter()
            .map(|name| {
                let name: &'static str = name.clone().leak();
                (name, Arg::Number(2))
            })
            .collect();
        let id: &'static str = id.clone().leak();
        let message = Message::Entry(Box::new(Entry { id, args }));
        for lang in Lang::ALL {
            let (text, failed) = message.format(lang);
            assert!(!failed, "{id} in {}: {text}", lang.code());
            assert!(!text.contains('\u{2068}'), "{id}: isolation marks");
        }
    }
}

#[test]
fn plural_forms_follow_the_language() {
    let errors = |n| msg!("count-errors", count = Arg::count(n));
    assert_eq!(errors(1).in_lang(Lang::En), "1 error");
    assert_eq!(errors(3).in_lang(Lang::En), "3 errors");
    assert_eq!(errors(3).in_lang(Lang::Kk), "3 қате");
    let ru: Vec<String> = [1, 3, 5, 21].map(|n| errors(n).in_lang(Lang::Ru)).into();
    assert_eq!(ru, ["1 ошибка", "3 ошибки", "5 ошибок", "21 ошибка"]);
}

#[test]
fn decimals_take_the_language_separator() {
    let timeout = |seconds| msg!("external-timeout", seconds = Arg::decimal(seconds, 2));
    assert_eq!(timeout(2.158).in_lang(Lang::En), "no answer in 2.16 s");
    assert_eq!(timeout(2.158).in_lang(Lang::Ru), "нет ответа за 2,16 с");
    assert_eq!(
        timeout(0.5).in_lang(Lang::Kk),
        "0,50 секунд ішінде жауап болмады"
    );
    assert_eq!(timeout(f64::NAN).in_lang(Lang::En), "no answer in 0.00 s");
}

#[test]
fn messages_nest_in_the_same_language() {
    let guess = crate::diag::did_you_mean("titel", ["title"]);
    assert_eq!(guess.in_lang(Lang::En), " (did you mean `title`?)");
    assert!(guess.in_lang(Lang::Ru).contains("`title`"));
    assert_eq!(Message::from("as is").in_lang(Lang::Kk), "as is");
}

#[test]
fn the_language_comes_from_the_flag_then_aqparat_lang_then_the_locale() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(Lang::from_env(env(&[])), Lang::En);
    assert_eq!(Lang::from_env(env(&[("LANG", "ru_RU.UTF-8")])), Lang::Ru);
    assert_eq!(
        Lang::from_env(env(&[("LANG", "ru_RU.UTF-8"), ("LC_ALL", "kk_KZ.UTF-8")])),
        Lang::Kk
    );
    assert_eq!(
        Lang::from_env(env(&[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "kk_KZ"),
            ("LANG", "ru_RU")
        ])),
        Lang::Kk
    );
    assert_eq!(
        Lang::from_env(env(&[("AQPARAT_LANG", "ru"), ("LC_ALL", "kk_KZ.UTF-8")])),
        Lang::Ru
    );
    assert_eq!(Lang::from_env(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
    assert_eq!(Lang::from_env(env(&[("LANG", "C.UTF-8")])), Lang::En);
    assert_eq!(Lang::from_locale("en-GB"), Some(Lang::En));
}
