//! Errors told in the staff's words, where their cause is written: the
//! YAML reader's and the URL parser's words never reach them, and every
//! hint fits the problem it follows.

use crate::util::{Run, TestSite};

/// Replaces the first line of the site's file `rel` that starts with
/// `start` by `line`; returns that line's number.
fn set_line(site: &TestSite, rel: &str, start: &str, line: &str) -> usize {
    let text = site.read_source(rel);
    let mut lines: Vec<&str> = text.lines().collect();
    let index = (lines.iter().position(|l| l.starts_with(start)))
        .unwrap_or_else(|| panic!("{rel} has no line starting with {start:?}"));
    lines[index] = line;
    site.write(rel, lines.join("\n") + "\n");
    index + 1
}

/// The diagnostic of `run` that starts with `header`: its lines up to the
/// next blank line (its quote and hint with it).
fn reported<'a>(run: &'a Run, header: &str) -> &'a str {
    let stderr = run.stderr.as_str();
    let start = (stderr.lines())
        .find(|line| line.starts_with(header))
        .map(|line| line.as_ptr() as usize - stderr.as_ptr() as usize)
        .unwrap_or_else(|| panic!("no error `{header}` in:\n{stderr}"));
    let rest = &stderr[start..];
    &rest[..rest.find("\n\n").unwrap_or(rest.len())]
}

/// Asserts that `run` reported `header` with a hint that says `hint`.
fn assert_told(run: &Run, header: &str, hint: &str) {
    let told = reported(run, header);
    let help = (told.lines())
        .find(|line| line.trim_start().starts_with('='))
        .unwrap_or_else(|| panic!("no hint:\n{told}"));
    assert!(help.contains(hint), "the hint lacks {hint:?}:\n{told}");
}

#[test]
fn yaml_syntax_errors_are_told_in_words_at_their_cause() {
    let site = TestSite::example();
    // A quote inside a text in the same quotes ends it: told at that
    // quote, with the text in single quotes.
    let title = r#"title: "Закон "О ЧП" и мы""#;
    set_line(&site, "content/help/education.ru.md", "title:", title);
    let sources = "data/aid/sources.yaml";
    let source = set_line(&site, sources, "    ru:", r#"    ru: "Закон "О ЧП" и мы""#);
    let single = "content/rules/if-ill.ru.md";
    set_line(&site, single, "title:", "title: 'It's'");
    // An alias of no anchor.
    set_line(&site, "data/aid/records.yaml", "  org:", "  org: *org");
    // A value of the wrong form gets how to write the kind it needs.
    set_line(
        &site,
        "content/help/education.kk.md",
        "weight:",
        "weight: 10.5",
    );
    set_line(
        &site,
        "content/help/information.kk.md",
        "weight:",
        "weight: жиырма",
    );
    // The reader's other words for programmers.
    set_line(
        &site,
        "content/rules/emergency.ru.md",
        "title:",
        "title: @akimat",
    );
    let escape = "content/rules/protection.ru.md";
    set_line(&site, escape, "title:", r#"title: "C:\dir\new""#);
    set_line(&site, "content/about.ru.md", "title:", "title: a: b");
    set_line(
        &site,
        "content/guide.ru.md",
        "title:",
        "title: a\naliases: [/a/]]",
    );
    let run = site.run(&["check", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for words in ["cannot be read", "scalar", "wrong type"] {
        assert!(!run.stderr.contains(words), "{words}:\n{}", run.stderr);
    }
    let quote_inside = ":15: error: this \" ends the text in quotes, and more text follows it";
    assert_told(
        &run,
        &format!("content/help/education.ru.md:2{quote_inside}"),
        r#"«…», or put the whole text in single quotes, each `'` in it written twice: `title: 'Закон "О ЧП" и мы'`"#,
    );
    assert_told(
        &run,
        &format!("{sources}:{source}:16{}", &quote_inside[3..]),
        r#"`ru: 'Закон "О ЧП" и мы'`"#,
    );
    assert_told(
        &run,
        &format!("{single}:2:11: error: this ' ends the text in quotes"),
        "`title: 'It''s'`",
    );
    assert_told(
        &run,
        "data/aid/records.yaml:7:8: error: `*org` repeats the value marked `&org`, but no value above it is marked so",
        "mark the value to repeat with `&org` above this line (`org: &org …`), or write the value here instead of `*org`",
    );
    let whole = "write a whole number in digits, without a point or words, e.g. `10`";
    for page in ["education", "information"] {
        let header =
            format!("content/help/{page}.kk.md:4:9: error: this value should be a whole number");
        assert_told(&run, &header, whole);
    }
    assert_told(
        &run,
        "content/rules/emergency.ru.md:2:8: error: in YAML a value cannot start with `@`",
        "put the whole text in quotes: `title: '@akimat'`",
    );
    assert_told(
        &run,
        &format!(
            "{escape}:2:11: error: in text in double quotes `\\` starts a special character, and `\\d` is none"
        ),
        r"`title: 'C:\dir\new'`",
    );
    assert_told(
        &run,
        "content/about.ru.md:2:9: error: a colon and a space mark a key, and no key can be here",
        "must be put in quotes",
    );
    assert_told(
        &run,
        "content/guide.ru.md:3:15: error: this ] closes a bracket that was never opened",
        "remove it",
    );
    // In the run's language.
    let run = site.run(&["check", "--lang", "kk"]);
    assert_told(
        &run,
        "data/aid/records.yaml:7:8: қате: `*org` `&org` белгісі қойылған мәнді қайталайды",
        "`*org` орнына мәннің өзін жазыңыз",
    );
}

#[test]
fn a_site_address_is_one_error_in_the_run_language_at_what_is_wrong() {
    let site = TestSite::example();
    set_line(
        &site,
        "site.yaml",
        "base_url:",
        "base_url: mangystau-volunteers.example",
    );
    let run = site.run(&["check", "--lang", "ru"]);
    assert_told(
        &run,
        "site.yaml:4:11: ошибка: base_url: в начале `mangystau-volunteers.example` нет `https://`; напишите полный адрес: `https://mangystau-volunteers.example/`",
        "напишите полный адрес",
    );
    assert!(!run.stderr.contains("relative URL"), "{}", run.stderr);
    // A space: one error, at the space, quoted or not.
    for (line, col) in [
        ("base_url: https://mangystau volunteers.example/", 28),
        ("base_url: \"https://mangystau volunteers.example/\"", 29),
    ] {
        set_line(&site, "site.yaml", "base_url:", line);
        let run = site.run(&["check", "--lang", "en"]);
        crate::util::assert_reported(
            &run,
            &[&format!(
                "site.yaml:4:{col}: error: base_url: the address has a space, which an address cannot hold"
            )],
            line,
        );
    }
}

#[test]
fn texts_in_a_language_the_site_lacks_are_told_at_its_key() {
    let site = TestSite::example();
    let config = site.read_source("site.yaml");
    let entry = "  ru:\n    name: Русский\n";
    let start = config.find(entry).unwrap();
    let end = start + config[start..].find("theme:").unwrap();
    let config = format!("{}{}", &config[..start], &config[end..]);
    site.write("site.yaml", &config);
    // The `ru:` keys of the notice and the publisher, their lines and
    // columns.
    let keys: Vec<(usize, usize)> = (config.lines().enumerate())
        .filter(|(_, line)| line.trim_start().starts_with("ru:"))
        .map(|(index, line)| (index + 1, line.find("ru:").unwrap() + 1))
        .collect();
    assert_eq!(keys.len(), 2, "{config}");
    let run = site.run(&["check", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for ((line, col), what) in keys.into_iter().zip(["notice", "publisher"]) {
        assert_told(
            &run,
            &format!("site.yaml:{line}:{col}: error: the {what} has text in `ru`"),
            &format!("add `ru` to `languages`, or remove the {what}'s `ru:`"),
        );
    }
    assert_told(
        &run,
        "content/about.ru.md:1:1: error: language `ru` is not one of the site's languages",
        "add `ru` to `languages` in site.yaml; or, if the site has no pages in `ru`, remove the file or rename it with one of the suffixes .kk.md",
    );
}

#[test]
fn an_empty_title_and_a_shortcode_quote_are_told_where_they_are_written() {
    let site = TestSite::example();
    set_line(&site, "content/rules/if-ill.ru.md", "title:", "title:");
    let page = "content/about.ru.md";
    let text = site.read_source(page);
    let call = r#"Маски: {{ stat(id="choson-masks) }}."#;
    site.write(page, format!("{text}\n{call}\n"));
    let line = text.lines().count() + 2;
    let quote = call.chars().take_while(|c| *c != '"').count() + 1;
    let run = site.run(&["check", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_told(
        &run,
        "content/rules/if-ill.ru.md:2:1: error: the title is empty",
        "write the page's title after `title:`",
    );
    assert!(!run.stderr.contains("has no title"), "{}", run.stderr);
    assert_told(
        &run,
        &format!(
            "{page}:{line}:{quote}: error: the quote \" that opens the value of `id` is not closed: add \" where the value ends"
        ),
        "stat",
    );
}

#[test]
fn a_key_given_twice_in_json_does_not_hide_a_syntax_error_after_it() {
    let site = TestSite::example();
    site.write(
        "data/contacts.json",
        "{\n  \"phone\": \"112\",\n  \"phone\": \"103\",\n  \"hours\": [1,2,]\n}\n",
    );
    let run = site.run(&["check", "--lang", "en"]);
    crate::util::assert_reported(
        &run,
        &[
            "data/contacts.json:3:9: error: the key `phone` is given twice",
            "data/contacts.json:4:17: error: a comma before a closing bracket",
        ],
        "a key given twice, then a comma too many",
    );
}

#[test]
fn a_page_that_cannot_be_read_is_no_missing_translation() {
    let site = TestSite::example();
    // "Если" in Windows-1251.
    let mut text = b"---\ntitle: ".to_vec();
    text.extend([0xC5, 0xF1, 0xEB, 0xE8]);
    text.extend(b"\n---\n\nText.\n");
    site.write("content/rules/if-ill.ru.md", text);
    let run = site.run(&["check", "--lang", "en"]);
    crate::util::assert_reported(
        &run,
        &["content/rules/if-ill.ru.md:2:8: error: this file is not UTF-8 text"],
        "a page in Windows-1251",
    );
    assert!(!run.stderr.contains("no translation"), "{}", run.stderr);
}

#[test]
fn the_command_line_is_told_in_the_run_language_and_a_missing_root_cannot_run() {
    let run = |args: &[&str]| {
        let output = crate::util::aqparat().args(args).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        (output.status.code(), stderr)
    };
    for (lang, help) in [("ru", "подсказка"), ("kk", "кеңес")] {
        let (code, stderr) = run(&["chek", "--lang", lang]);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.contains(&format!("\n  = {help}: ")), "{stderr}");
        assert!(!stderr.contains("help:"), "{stderr}");
    }
    let site = TestSite::example();
    let missing = site.root().join("no-such-site");
    let missing = missing.to_str().unwrap();
    let file = site.root().join("site.yaml");
    let file = file.to_str().unwrap();
    for (root, said) in [
        (
            missing,
            format!("aqparat: the folder {missing} does not exist"),
        ),
        (
            file,
            format!("aqparat: {file} is a file, not the folder of a site"),
        ),
    ] {
        for command in [&["check"][..], &["build"], &["theme", "eject"]] {
            let args = [command, &["--lang", "en", "--root", root]].concat();
            let (code, stderr) = run(&args);
            assert_eq!(code, Some(2), "{args:?}: {stderr}");
            assert!(stderr.starts_with(&said), "{args:?}: {stderr}");
            assert!(
                stderr.contains("  = help: run aqparat in the site's folder, or pass --root DIR")
            );
            assert!(!stderr.contains("site.yaml:1:1"), "{stderr}");
        }
    }
    assert!(!site.root().join("no-such-site").exists());
}
