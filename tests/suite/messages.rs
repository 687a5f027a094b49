//! Messages in the staff's language: `check` on a broken site says what is
//! wrong and what to do in the language `--lang`, `AQPARAT_LANG` or the
//! locale asks for, at the same `path:line:col`.
//! See: https://github.com/aqparat/aqparat/issues/13

use std::process::Command;

use crate::util::{TestSite, aqparat, copy_dir, repo};

/// The `basic` site with a page without a title and one with bad dates.
fn broken_site() -> TestSite {
    let site = TestSite::fixture("basic");
    for case in ["missing-title", "invalid-date"] {
        copy_dir(
            &repo().join("tests/fixtures/invalid").join(case),
            site.root(),
        );
    }
    site
}

/// `aqparat check` on `site`, with no language asked for but by `set`;
/// its exit code and standard error.
fn check(site: &TestSite, set: impl FnOnce(&mut Command)) -> (i32, String) {
    let mut command = aqparat();
    for var in ["AQPARAT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(var);
    }
    command.args(["check", "--root"]).arg(site.root());
    set(&mut command);
    let output = command.output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (output.status.code().unwrap_or(-1), stderr)
}

fn assert_says(stderr: &str, expected: &[&str]) {
    for line in expected {
        assert!(stderr.contains(line), "missing {line:?} in:\n{stderr}");
    }
}

const KAZAKH: &[&str] = &[
    "content/rules/untitled.kk.md:1:1: қате: беттің тақырыбы жоқ",
    "  = кеңес: front matter бөліміне `title: …` жолын қосыңыз",
    "content/rules/untitled.ru.md:2:8: қате: тақырып бос",
    "content/rules/dated.kk.md:3:7: қате: date мәні дұрыс емес: `2020-13-01` ішінде ай — 13",
    "content/rules/dated.ru.md:3:7: қате: date мәні дұрыс емес: `3 апреля 2020` — YYYY-MM-DD түріндегі күн емес",
    "  = кеңес: күнді YYYY-MM-DD түрінде жазыңыз, мысалы 2020-04-03",
    "тексеру сәтсіз аяқталды: 5 қате",
];

const RUSSIAN: &[&str] = &[
    "content/rules/untitled.kk.md:1:1: ошибка: у страницы нет заголовка",
    "  = подсказка: добавьте во front matter строку `title: …`",
    "content/rules/dated.kk.md:4:10: ошибка: неверное значение updated: даты `2020-02-30` не существует",
    "content/rules/dated.ru.md:3:7: ошибка: неверное значение date: `3 апреля 2020` — не дата вида YYYY-MM-DD",
    "проверка не пройдена: 5 ошибок",
];

const ENGLISH: &[&str] = &[
    "content/rules/untitled.kk.md:1:1: error: the page has no title",
    "  = help: add a line `title: …` to the front matter",
    "check failed: 5 errors",
];

#[test]
fn aqparat_lang_chooses_kazakh() {
    let site = broken_site();
    let (code, stderr) = check(&site, |c| {
        c.env("AQPARAT_LANG", "kk").env("LANG", "ru_RU.UTF-8");
    });
    assert_eq!(code, 1, "{stderr}");
    assert_says(&stderr, KAZAKH);
}

#[test]
fn the_lang_flag_chooses_russian_over_the_environment() {
    let site = broken_site();
    let (code, stderr) = check(&site, |c| {
        c.args(["--lang", "ru"]).env("AQPARAT_LANG", "kk");
    });
    assert_eq!(code, 1, "{stderr}");
    assert_says(&stderr, RUSSIAN);
}

#[test]
fn the_locale_chooses_russian_and_else_english() {
    let site = broken_site();
    let (_, stderr) = check(&site, |c| {
        c.env("LANG", "ru_RU.UTF-8");
    });
    assert_says(&stderr, RUSSIAN);
    let (_, stderr) = check(&site, |c| {
        c.env("LC_ALL", "kk_KZ.UTF-8").env("LANG", "ru_RU.UTF-8");
    });
    assert_says(&stderr, KAZAKH);
    let (_, stderr) = check(&site, |c| {
        c.env("LANG", "de_DE.UTF-8");
    });
    assert_says(&stderr, ENGLISH);
    let (_, stderr) = check(&site, |_| {});
    assert_says(&stderr, ENGLISH);
}

#[test]
fn an_unknown_language_of_messages_is_refused() {
    let site = broken_site();
    let (code, stderr) = check(&site, |c| {
        c.args(["--lang", "de"]);
    });
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("en, kk and ru"), "{stderr}");
}

/// A mistake in the command line is told in the language of messages,
/// `--lang` included even on the line refused, with the command or option
/// meant and exit code 2; help stays clap's.
#[test]
fn command_line_mistakes_are_told_in_the_language_of_messages() {
    let run = |args: &[&str], lang: &str| {
        let output = aqparat()
            .args(args)
            .env("AQPARAT_LANG", lang)
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        (output.status.code(), stderr)
    };
    let (code, stderr) = run(&["biuld"], "ru");
    assert_eq!(code, Some(2), "{stderr}");
    assert_says(
        &stderr,
        &[
            "aqparat: команды `biuld` нет (может быть, `build`?)",
            "  = подсказка: ",
        ],
    );
    let (code, stderr) = run(&["build", "--ouptut", "x", "--lang", "kk"], "en");
    assert_eq!(code, Some(2), "{stderr}");
    assert_says(
        &stderr,
        &["мұнда `--ouptut` деген параметр жоқ (`--output` деп жазғыңыз келді ме?)"],
    );
    let (_, stderr) = run(&["build", "--lang=ru", "--output"], "en");
    assert_says(&stderr, &["после `--output` нужно значение"]);
    let (code, stderr) = run(&["check", "--lang", "de"], "en");
    assert_eq!(code, Some(2), "{stderr}");
    assert_says(
        &stderr,
        &["`de` cannot be the value of `--lang`: the languages of messages are en, kk and ru"],
    );
    // A stray word is no option; a number's reason is in the run's
    // language, and a negative number is a value, not an option.
    let (_, stderr) = run(&["check", "extra"], "ru");
    assert_says(&stderr, &["aqparat: `extra` здесь лишнее"]);
    let (code, stderr) = run(&["check", "--external", "--timeout", "abc"], "kk");
    assert_eq!(code, Some(2), "{stderr}");
    assert_says(
        &stderr,
        &[
            "aqparat: `abc` мәні `--timeout` параметріне жарамайды: 1 мен 600 аралығындағы бүтін санды жазыңыз\n",
        ],
    );
    let (code, stderr) = run(&["check", "--external", "--timeout", "-1"], "en");
    assert_eq!(code, Some(2), "{stderr}");
    assert_says(
        &stderr,
        &["aqparat: `-1` cannot be the value of `--timeout`: give a whole number from 1 to 600\n"],
    );
    let (code, stderr) = run(&["check", "--external", "--cache-hours", "1e9"], "ru");
    assert_eq!(code, Some(2), "{stderr}");
    assert_says(
        &stderr,
        &["`1e9` не может быть значением `--cache-hours`: укажите целое число от 0 до 100"],
    );
    // An address: the reason in the run's language, `--lang` after the
    // value too.
    let (code, stderr) = run(&["serve", "--bind", "my-pc"], "ru");
    assert_eq!(code, Some(2), "{stderr}");
    assert_says(
        &stderr,
        &["`my-pc` не может быть значением `--bind`: укажите IP-адрес"],
    );
    let (code, stderr) = run(&["serve", "--bind", "my-pc", "--lang", "ru"], "en");
    assert_eq!(code, Some(2), "{stderr}");
    assert_says(
        &stderr,
        &["`my-pc` не может быть значением `--bind`: укажите IP-адрес"],
    );
    let help = aqparat().args(["build", "--help"]).output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: aqparat build"));
}

/// A reader of the messages that goes away before they come (`aqparat
/// check 2>&1 | head -1`) makes no panic: the run goes on to its end, and
/// its exit code; a build publishes.
#[test]
fn messages_nobody_reads_are_dropped_not_a_panic() {
    let broken = broken_site();
    let valid = TestSite::fixture("basic");
    let output = valid.root().join("public");
    for (site, args, code) in [
        (&broken, vec!["check"], 1),
        (
            &valid,
            vec!["build", "--output", output.to_str().unwrap()],
            0,
        ),
    ] {
        let mut child = aqparat()
            .args(&args)
            .arg("--root")
            .arg(site.root())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(code), "{args:?}: {status:?}");
    }
    assert!(output.join("kk/index.html").is_file());
}
