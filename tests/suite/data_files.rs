//! Records from a spreadsheet and data files of every kind (issue 14):
//! `data/aid/records.csv` instead of `records.yaml`, checked alike with
//! `path:row:column` messages; `data/*.csv` and `data/*.json` for templates
//! as `data.<stem>`; a file of another kind a warning.
//! See: https://github.com/aqparat/aqparat/issues/14

use crate::util::{TestSite, assert_reported, copy_dir, repo, snapshot};

/// Asserts that `run` failed and printed a line starting with each of
/// `expected`, each with a hint, without a panic.
fn assert_lines(run: &crate::util::Run, expected: &[&str]) {
    assert_eq!(run.code, 1, "{}", run.stderr);
    for prefix in expected {
        assert!(
            run.stderr.lines().any(|l| l.starts_with(prefix)),
            "no `{prefix}` in:\n{}",
            run.stderr
        );
    }
    assert!(run.stderr.contains("= help: "), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

/// The `stats` fixture with `records.csv` (`csv`) instead of its YAML.
fn stats_with_records_csv(csv: &str) -> TestSite {
    let site = TestSite::fixtures("basic", "stats");
    std::fs::remove_file(site.root().join("data/aid/records.yaml")).unwrap();
    site.write("data/aid/records.csv", csv);
    site
}

#[test]
fn r14_records_csv_builds_the_same_site_as_records_yaml() {
    let site = TestSite::example_as_built();
    site.build();
    let from_yaml = snapshot(&site.public());
    std::fs::remove_file(site.root().join("data/aid/records.yaml")).unwrap();
    // The example's records converted, with a byte-order mark and CRLF as
    // Excel saves "CSV UTF-8".
    copy_dir(&repo().join("tests/fixtures/records-csv"), site.root());
    let run = site.build();
    assert!(!run.stderr.contains("warning:"), "{}", run.stderr);
    let from_csv = snapshot(&site.public());
    assert!(
        from_yaml
            .keys()
            .any(|p| p.starts_with("kk/infographics") && p.extension().is_some_and(|e| e == "html")),
        "the example has infographics"
    );
    assert_eq!(
        from_yaml.keys().collect::<Vec<_>>(),
        from_csv.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &from_yaml {
        assert!(from_csv[path] == *bytes, "{} differs", path.display());
    }
}

#[test]
fn r14_problems_in_records_csv_are_reported_at_their_cells() {
    let site = stats_with_records_csv(
        "id,organisation,category,count,unit,what_kk,what_ru,source,colour\n\
         r1,org-a,food,3.5,families,Бір,Один,src-1,\n\
         r2,org-x,food,2,families,\"Екі,\nекі\",Два,src-1,\n\
         r3,org-a,food,1,families,Үш,Три,src-1,,extra\n",
    );
    let run = site.run(&["check"]);
    assert_lines(
        &run,
        &[
            "data/aid/records.csv:1:60: error: unknown column `colour`",
            "data/aid/records.csv:2:15: error: record `r1`: count `3.5` is not a whole number",
            "data/aid/records.csv:3:4: error: record `r2`: unknown organisation `org-x`",
            "data/aid/records.csv:5:40: error: this row has more cells",
        ],
    );
}

/// A count cell written otherwise than as its plain number (`+5`, `007`)
/// is an error at the cell with the plain number, as in records.yaml; a
/// quoted cell of digits, `0` and `10` are counts as written.
#[test]
fn a_count_cell_not_written_as_its_plain_number_is_an_error_at_the_cell() {
    let site = stats_with_records_csv(
        "id,organisation,category,count,unit,what_kk,what_ru,source\n\
         r1,org-a,food,+5,families,Бір,Один,src-1\n\
         r2,org-a,food,007,families,Екі,Два,src-1\n\
         r3,org-a,food,\"12\",families,Үш,Три,src-1\n\
         r4,org-a,food,0,families,Төрт,Четыре,src-1\n\
         r5,org-a,food,10,families,Бес,Пять,src-1\n",
    );
    let run = site.run(&["check"]);
    crate::util::assert_reported(
        &run,
        &[
            "data/aid/records.csv:2:15: error: record `r1`: count `+5` is not a whole number written in digits",
            "data/aid/records.csv:3:15: error: record `r2`: count `007` begins with a zero that is not the number's",
        ],
        "counts in records.csv",
    );
    for hint in [
        "write the number in digits: 5\n",
        "write the number in digits: 7\n",
    ] {
        assert!(run.stderr.contains(hint), "{hint}{}", run.stderr);
    }
}

/// A header in another language (or a first row of figures) names no
/// column: one problem, not one per column and per column missing.
#[test]
fn a_header_of_no_known_column_is_one_problem() {
    let site = stats_with_records_csv(
        "Номер,Организация,Категория,Количество,Единица,Что,Источник\n\
         r1,org-a,food,3,families,Бір,src-1\n",
    );
    let run = site.run(&["check"]);
    assert_lines(
        &run,
        &["data/aid/records.csv:1:1: error: the first row names none of the columns aqparat reads"],
    );
    assert!(
        run.stderr.contains("help: the columns are id, "),
        "{}",
        run.stderr
    );
    let errors = run.stderr.lines().filter(|l| l.contains(": error: "));
    assert_eq!(errors.count(), 1, "{}", run.stderr);
    // Names in capitals or another spelling are each told what was meant.
    site.write(
        "data/aid/records.csv",
        "ID,Organization,category,count,unit,What_kk,what_ru,source\nr1,org-a,food,3,families,Бір,Один,src-1\n",
    );
    let run = site.run(&["check"]);
    assert_lines(
        &run,
        &[
            "data/aid/records.csv:1:1: error: unknown column `ID` (did you mean `id`?)",
            "data/aid/records.csv:1:4: error: unknown column `Organization` (did you mean `organisation`?)",
            "data/aid/records.csv:1:37: error: unknown column `What_kk` (did you mean `what_kk`?)",
        ],
    );
    // Each once: not again as a column missing.
    let errors = run.stderr.lines().filter(|l| l.contains(": error: "));
    assert_eq!(errors.count(), 3, "{}", run.stderr);
}

/// No row is left out without a word: a row that ends before a cell every
/// record needs is reported where it ends (its hint naming the file's
/// delimiter), and a quote never closed (which would take every row after
/// it into its cell) where it opens, and the site is not published.
#[test]
fn rows_cut_short_or_swallowed_by_a_quote_are_errors() {
    let header = "id,organisation,category,count,unit,what_kk,what_ru,source\n";
    let site = stats_with_records_csv(&format!(
        "{header}r1,org-a,food,1,families,Бір,Один\nr2,org-a,food,2,families,Екі,Два,src-1\n"
    ));
    let run = site.run(&["build"]);
    assert_lines(
        &run,
        &["data/aid/records.csv:2:30: error: this row ends before its cells of `source`"],
    );
    assert!(
        run.stderr.contains("nothing between two commas"),
        "{}",
        run.stderr
    );
    assert!(!site.public().exists());
    // The hint speaks of the file's own delimiter.
    site.write(
        "data/aid/records.csv",
        format!("{header}r1;org-a;food;1;families;Бір;Один\n").replace(',', ";"),
    );
    let run = site.run(&["check"]);
    assert_lines(
        &run,
        &["data/aid/records.csv:2:30: error: this row ends before its cells of `source`"],
    );
    assert!(
        run.stderr.contains("nothing between two semicolons (`;`)"),
        "{}",
        run.stderr
    );
    site.write(
        "data/aid/records.csv",
        format!(
            "{header}r1,org-a,food,1,families,Бір,Один,src-1\n\
             r2,org-a,food,2,families,\"Екі,Два,src-1\n\
             r3,org-a,food,3,families,Үш,Три,src-1\n"
        ),
    );
    let run = site.run(&["build"]);
    assert_lines(
        &run,
        &[
            "data/aid/records.csv:3:26: error: this quote opens a cell that is not closed where the cell ends",
        ],
    );
    assert!(!site.public().exists());
    // The rows before the quote are read, and their problems told with it,
    // in the statistics and in a data file of the templates alike.
    site.write(
        "data/aid/records.csv",
        format!(
            "{header}r1,org-a,food,-1,families,Бір,Один,src-1\n\
             r2,org-a,food,2,families,\"Екі,Два,src-1\n\
             r3,org-a,food,3,families,Үш,Три,src-1\n"
        ),
    );
    site.write("data/hospitals.csv", "name,phone\nA,1\nB,2,3\nC,\"4\nD,5\n");
    let run = site.run(&["check"]);
    assert_lines(
        &run,
        &[
            "data/aid/records.csv:2:15: error: record `r1`: count -1 is negative",
            "data/aid/records.csv:3:26: error: this quote opens a cell that is not closed where the cell ends",
            "data/hospitals.csv:3:5: error: ",
            "data/hospitals.csv:4:3: error: this quote opens a cell that is not closed where the cell ends",
        ],
    );
}

/// A table copied out of a spreadsheet is tab-separated: its cells, a
/// count before another cell too, are read as the tabs set them apart.
#[test]
fn a_tab_separated_records_csv_is_read_cell_by_cell() {
    let site = stats_with_records_csv(
        "id\torganisation\tcategory\tunit\twhat_kk\twhat_ru\tcount\tsource\n\
         r1\torg-a\tfood\tfamilies\tБір\tОдин\t7\tsrc-1\n\
         r2\torg-a\tfood\tfamilies\tЕкі\tДва\t1.5\tsrc-1\n",
    );
    let run = site.run(&["check"]);
    assert_reported(
        &run,
        &["data/aid/records.csv:3:32: error: record `r2`: count `1.5` is not a whole number"],
        "a count of 1.5",
    );
    site.write(
        "data/aid/records.csv",
        "id\torganisation\tcategory\tunit\twhat_kk\twhat_ru\tcount\tsource\n\
         r1\torg-a\tfood\tfamilies\tБір\tОдин\t7\tsrc-1\n",
    );
    // The pages that show the fixture's other records.
    for lang in ["kk", "ru"] {
        std::fs::remove_file(site.root().join(format!("content/figures.{lang}.md"))).unwrap();
    }
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let data = site.read("kk/data/aid.csv");
    assert!(
        data.lines()
            .any(|l| l.starts_with("r1,") && l.contains(",7,")),
        "{data}"
    );
}

#[test]
fn r14_records_csv_beside_records_yaml_or_not_utf8_is_an_error() {
    let site = TestSite::fixtures("basic", "stats");
    site.write("data/aid/records.csv", "id,organisation\n");
    assert_lines(
        &site.run(&["check"]),
        &["data/aid/records.csv:1:1: error: there are both records.yaml and records.csv"],
    );
    // "Қ" in Windows-1251, as Excel's plain "CSV" saves it.
    let site = stats_with_records_csv("");
    site.write("data/aid/records.csv", b"id,what_kk\nr1,\xaa\n");
    let run = site.run(&["check"]);
    assert_lines(
        &run,
        &["data/aid/records.csv:2:4: error: this file is not UTF-8"],
    );
    assert!(run.stderr.contains("CSV UTF-8"), "{}", run.stderr);
}

#[test]
fn r14_csv_and_json_data_files_reach_templates() {
    let site = TestSite::fixture("basic");
    site.write(
        "data/hospitals.csv",
        "\u{feff}name,phone\n\"Қалалық аурухана, №1\",103\nОблыстық,\n",
    );
    site.write(
        "data/contacts.json",
        r#"{"phone": "1406", "hours": [9, 18]}"#,
    );
    site.page_template_reads(
        "<p class=\"h\">{{ data.hospitals[0].name }}|{{ data.hospitals[1].phone }}|{{ data.hospitals | length }}</p>\
         <p class=\"c\">{{ data.contacts.phone }} {{ data.contacts.hours | join(sep=\"–\") }}</p>",
    );
    site.build();
    let html = site.read("kk/about/index.html");
    assert!(
        html.contains("<p class=\"h\">Қалалық аурухана, №1||2</p>"),
        "{html}"
    );
    assert!(html.contains("<p class=\"c\">1406 9–18</p>"), "{html}");
}

#[test]
fn r14_bad_json_same_stems_and_unknown_kinds_are_reported() {
    let site = TestSite::fixture("basic");
    site.write("data/contacts.json", "{\"phone\": \"1\",\n \"хх\": }\n");
    site.write("data/hospitals.yaml", "- name: A\n");
    site.write("data/hospitals.csv", "name\nB\n");
    site.write("data/notes.txt", "жазбалар\n");
    site.write("data/phones.csv", "name,phone\nА,103\nӘ,104,105\n");
    // An editor's temporary file is no data file: nothing said.
    site.write("data/hospitals.csv~", "name\n");
    let run = site.run(&["check"]);
    assert_lines(
        &run,
        &[
            "data/contacts.json:2:8: error: a value belongs here: text in double quotes",
            "data/hospitals.yaml:1:1: error: `data.hospitals` is also data/hospitals.csv",
            "data/notes.txt:1:1: warning: aqparat reads only YAML",
            "data/phones.csv:3:7: error: this row has more cells",
        ],
    );
    assert!(!run.stderr.contains("csv~"), "{}", run.stderr);
}

/// A file of `data/aid/` that no build reads (a second file of records,
/// one in a folder, `records.yml`, notes) is a warning naming the files
/// that are read: its figures are not left out without a word. An
/// editor's temporary file is nothing to say.
#[test]
fn files_of_data_aid_that_no_build_reads_are_warnings() {
    let site = TestSite::fixtures("basic", "stats");
    let record = "- id: may\n  count: 500\n";
    site.write("data/aid/records-may.yaml", record);
    site.write("data/aid/2020/records.yaml", record);
    site.write("data/aid/notes.txt", "жазбалар\n");
    site.write("data/aid/records.yaml~", record);
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warnings: Vec<&str> = (run.stderr.lines())
        .filter(|l| l.contains(": warning: aqparat does not read this file"))
        .collect();
    let files: Vec<&str> = warnings
        .iter()
        .map(|w| w.split(':').next().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "data/aid/2020/records.yaml",
            "data/aid/notes.txt",
            "data/aid/records-may.yaml"
        ],
        "{}",
        run.stderr
    );
    // A name a letter off is told which one it is meant as.
    std::fs::rename(
        site.root().join("data/aid/units.yaml"),
        site.root().join("data/aid/units.yml"),
    )
    .unwrap();
    let run = site.run(&["check"]);
    assert!(
        (run.stderr.lines()).any(|l| l
            .starts_with("data/aid/units.yml:1:1: warning: aqparat does not read this file")
            && l.ends_with("(did you mean `units.yaml`?)")),
        "{}",
        run.stderr
    );
}

/// `data.aid` is the statistics: a data file of that name beside
/// `data/aid/` is an error, not left out without a word.
#[test]
fn a_data_file_named_as_the_statistics_is_an_error() {
    let site = TestSite::fixtures("basic", "stats");
    site.write("data/aid.yaml", "- name: A\n");
    let run = site.run(&["check"]);
    assert_lines(
        &run,
        &["data/aid.yaml:1:1: error: `data.aid` is the statistics of data/aid/"],
    );
}

#[test]
fn r14_hostile_data_files_are_errors_not_crashes() {
    let site = TestSite::fixture("basic");
    site.write("data/deep.json", "[".repeat(100_000));
    site.write("data/quotes.csv", "\"".repeat(100_001));
    site.write("data/wide.csv", format!("{}\n", "a,".repeat(50_000)));
    let run = site.run(&["check"]);
    assert_lines(
        &run,
        &[
            "data/deep.json:1:128: error: lists and objects are nested here more than 128 deep",
            "data/wide.csv:1:3: error: the column `a` is named twice",
        ],
    );
}

/// A JSON file's syntax errors are told in the staff's words, in their
/// language, not in the parser's.
#[test]
fn json_syntax_errors_are_told_in_the_staffs_words() {
    let site = TestSite::fixture("basic");
    site.write("data/commas.json", "{\"a\": [1, 2,]}");
    site.write("data/colon.json", "{\"a\" 1}");
    site.write("data/cut.json", "{\"a\": [1, 2");
    site.write("data/after.json", "{\"a\": 1} 2");
    let run = site.run(&["check"]);
    assert_lines(
        &run,
        &[
            "data/after.json:1:10: error: there is more after the end of the file's value",
            "data/colon.json:1:6: error: a colon belongs here, between the key and its value",
            "data/commas.json:1:13: error: a comma before a closing bracket",
            "data/cut.json:1:11: error: the file ends before this value does",
        ],
    );
    assert!(!run.stderr.contains("cannot be read"), "{}", run.stderr);
    let run = site.run(&["check", "--lang", "ru"]);
    assert!(
        run.stderr
            .contains("data/colon.json:1:6: ошибка: здесь должно быть двоеточие"),
        "{}",
        run.stderr
    );
}

/// A JSON file saved with a byte order mark (as Windows' editors save) is
/// read; a key given twice in one object is an error where it is given
/// again, not its second value taken without a word, each such key and a
/// syntax error after them.
#[test]
fn json_with_a_byte_order_mark_is_read_and_a_key_given_twice_is_an_error() {
    let site = TestSite::fixture("basic");
    site.write("data/contacts.json", "\u{feff}{\"phone\": \"1406\"}");
    site.page_template_reads("<p class=\"c\">{{ data.contacts.phone }}</p>");
    site.build();
    let html = site.read("kk/about/index.html");
    assert!(html.contains("<p class=\"c\">1406</p>"), "{html}");
    site.write(
        "data/contacts.json",
        "\u{feff}{\"phone\": \"1406\",\n \"hours\": [9, 18], \"phone\": \"103\",\n \"hours\": 1, \"x\": }\n",
    );
    site.write("data/hotline.json", "\u{feff}{\"phone\": }");
    let run = site.run(&["check"]);
    assert!(
        run.stderr.contains("this key appears twice"),
        "{}",
        run.stderr
    );
    assert_lines(
        &run,
        &[
            "data/contacts.json:2:26: error: the key `phone` is given twice",
            "data/contacts.json:3:8: error: the key `hours` is given twice",
            "data/contacts.json:3:19: error: a value belongs here",
            // The byte order mark is no column, as editors count.
            "data/hotline.json:1:11: error: a value belongs here",
        ],
    );
}

/// A language column misspelt (`what_kz` for `what_kk`) is one error at
/// its name, with the column meant and the columns there are, and its
/// cells are read as that column's: not an error on every row for a
/// language the site does not have, nor for the text it lacks.
#[test]
fn a_misspelt_language_column_is_one_error_at_the_header() {
    let site = stats_with_records_csv(
        "id,organisation,category,count,unit,what_kz,what_ru,source\n\
         r1,org-a,food,1,families,Бір,Один,src-1\n\
         r2,org-a,food,2,families,Екі,Два,src-1\n\
         r3,org-a,food,3,families,Үш,Три,src-1\n",
    );
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        crate::util::assert_reported(
            &run,
            &[
                "data/aid/records.csv:1:37: error: unknown column `what_kz` (did you mean `what_kk`?)",
            ],
            command,
        );
        assert!(
            run.stderr.contains(
                "help: the columns are id, organisation, partners, category, count, qualifier, reported, unit, date, period_from, period_to, frequency, source, and one per language of the site: what_kk, what_ru"
            ),
            "{}",
            run.stderr
        );
        let rows = (run.stderr.lines()).filter(|l| {
            l.starts_with("data/aid/records.csv:") && !l.starts_with("data/aid/records.csv:1:")
        });
        assert_eq!(rows.count(), 0, "{}", run.stderr);
    }
}

/// A record's text left empty in `records.csv` is reported at its empty
/// cell (before, at the row's first text cell, one column off), with a
/// hint that speaks of what to write there, not of YAML's `ru: …`; a cut
/// short row's at its last cell, where it ends, with the cell to fill; a language column left
/// out is one problem at the header, not one at every row, an error for
/// the default language. Meanwhile the pages in that language show the
/// default language's text.
#[test]
fn a_text_missing_in_records_csv_is_reported_where_it_is_to_be_written() {
    let site = stats_with_records_csv(
        "id,organisation,category,count,unit,source,what_kk,date,what_ru\n\
         r1,org-a,food,1,families,src-1,Бір,,\n\
         r2,org-a,food,2,families,src-1,Екі,2020-04-03\n\
         r3,org-a,food,3,families,src-1,Үш,,Три\n",
    );
    // The pages that show the fixture's other records.
    for lang in ["kk", "ru"] {
        std::fs::remove_file(site.root().join(format!("content/figures.{lang}.md"))).unwrap();
    }
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warnings: Vec<&str> = (run.stderr.lines())
        .filter(|l| l.starts_with("data/aid/records.csv:"))
        .collect();
    assert_eq!(
        warnings,
        [
            "data/aid/records.csv:2:37: warning: record `r1` has no `ru` text",
            "data/aid/records.csv:3:36: warning: record `r2` has no `ru` text",
        ],
        "{}",
        run.stderr
    );
    for hint in [
        "help: write the `ru` text here;",
        "help: fill in this row's `what_ru` cell;",
    ] {
        assert!(run.stderr.contains(hint), "{hint}:\n{}", run.stderr);
    }
    assert!(!run.stderr.contains("`ru: …`"), "{}", run.stderr);
    let data = site.read("ru/data/aid.csv");
    assert!(data.contains("Бір") && data.contains("Три"), "{data}");

    for (column, level) in [("what_ru", "warning"), ("what_kk", "error")] {
        let lang = &column[5..];
        let header = "id,organisation,category,count,unit,source,what_kk,what_ru";
        let kept = if lang == "ru" { "Бір" } else { "Один" };
        site.write(
            "data/aid/records.csv",
            format!(
                "{}\nr1,org-a,food,1,families,src-1,{kept}\nr2,org-a,food,2,families,src-1,{kept}\n",
                header.replace(&format!(",{column}"), "")
            ),
        );
        let run = site.run(&["check"]);
        let reported: Vec<&str> = (run.stderr.lines())
            .filter(|l| l.starts_with("data/aid/records.csv:"))
            .collect();
        assert_eq!(
            reported,
            [format!(
                "data/aid/records.csv:1:1: {level}: no record has a `{lang}` text: no row has a `{column}` cell"
            )],
            "{}",
            run.stderr
        );
        let hint = format!("help: add a `{column}` column and fill it in;");
        assert!(run.stderr.contains(&hint), "{}", run.stderr);
        assert_eq!(run.code, i32::from(level == "error"), "{}", run.stderr);
    }
}

/// The messages of `records.csv` name its columns, not the YAML's keys: a
/// record with a date and a period names the period's cell and says to
/// leave one empty; a period that ends before it starts says to swap
/// `period_from` and `period_to`, not `from` and `to`.
#[test]
fn problems_of_dates_in_records_csv_name_its_columns() {
    let site = stats_with_records_csv(
        "id,organisation,category,count,unit,source,what_kk,date,period_from,period_to\n\
         r1,org-a,food,1,families,src-1,Бір,2020-04-03,,2020-04-01\n\
         r2,org-a,food,2,families,src-1,Екі,,2020-04-10,2020-04-01\n",
    );
    let run = site.run(&["check"]);
    crate::util::assert_reported(
        &run,
        &[
            "data/aid/records.csv:2:48: error: record `r1`: has both `date` and `period_to`",
            "data/aid/records.csv:3:48: error: record `r2`: the period ends (2020-04-01) before it starts (2020-04-10)",
        ],
        "dates in records.csv",
    );
    for hint in [
        "help: `date` is the day the figure is as of; `period_from` and `period_to` the time it covers; leave one or the other empty",
        "help: swap `period_from` and `period_to`, or correct the date",
    ] {
        assert!(run.stderr.contains(hint), "{hint}:\n{}", run.stderr);
    }
}

/// A key of `records.yaml` written as staff say it (`organisation:` for
/// `org:`) is one error with the key meant, and the record is read with
/// it: the problems of later records come in the same run, not once the
/// first is mended (before, the search stopped at it, as leaving the key
/// out left `org` missing).
#[test]
fn a_key_written_for_another_does_not_hide_the_problems_after_it() {
    let site = TestSite::fixtures("basic", "stats");
    let path = site.root().join("data/aid/records.yaml");
    let records = std::fs::read_to_string(&path).unwrap();
    let records = records
        .replacen("  org: org-a\n", "  organisation: org-a\n", 1)
        .replacen("  count: 5\n", "  count: 5\n  colour: red\n", 1);
    site.write("data/aid/records.yaml", &records);
    let line_of = |text: &str| 1 + records[..records.find(text).unwrap()].matches('\n').count();
    let run = site.run(&["check"]);
    crate::util::assert_reported(
        &run,
        &[
            &format!(
                "data/aid/records.yaml:{}:3: error: unknown key `organisation`",
                line_of("organisation:")
            ),
            &format!(
                "data/aid/records.yaml:{}:3: error: unknown key `colour`",
                line_of("colour: red")
            ),
        ],
        "records.yaml with a key for another and an unknown key",
    );
    assert!(
        run.stderr.contains("(did you mean `org`?)"),
        "{}",
        run.stderr
    );
}
