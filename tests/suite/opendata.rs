//! Open data that a portal accepts: the data package and its CSV files
//! checked by the reference validator (Frictionless), each `aid.json`
//! against the JSON Schema published beside it, each XLSX against its CSV, builds
//! that are the same byte for byte, and `open_data` in `site.yaml`.
//! See: issue 14.

use std::path::PathBuf;
use std::process::Command;

use crate::util::{TestSite, repo, snapshot};

/// A fixed build date (2020-04-03T00:00:00Z), as `SOURCE_DATE_EPOCH`.
const EPOCH: (&str, &str) = ("SOURCE_DATE_EPOCH", "1585872000");

/// The example site, built with [`EPOCH`].
fn example() -> TestSite {
    let site = TestSite::example();
    let run = site.run_with(&["build"], &[EPOCH]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    site
}

/// The statistics fixture, built, with texts missing in Russian (a
/// warning): an organisation's name, a category's, a record's `what`.
fn lacking_russian() -> TestSite {
    let site = TestSite::fixtures("basic", "stats");
    let lacking = [
        (
            "data/aid/organisations.yaml",
            "{ kk: \"Сынақ ұйымы Б\", ru: \"Тестовая организация Б\" }",
        ),
        (
            "data/aid/categories.yaml",
            "{ kk: \"Бетперделер\", ru: \"Маски\" }",
        ),
        (
            "data/aid/records.yaml",
            "{ kk: \"Бірінші сынақ жазбасы\", ru: \"Первая тестовая запись\" }",
        ),
    ];
    for (file, texts) in lacking {
        let kk_only = texts.split(", ru:").next().unwrap().to_string() + " }";
        let text = site.read_source(file);
        assert!(text.contains(texts), "{file}");
        site.write(file, text.replacen(texts, &kk_only, 1));
    }
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("warning"), "{}", run.stderr);
    site
}

/// `/data/aid.csv` and the lookups hold the texts written, and only
/// those: a text a language lacks is an empty cell there (each language's
/// own table shows the default language's instead).
#[test]
fn the_tables_of_every_language_leave_a_missing_text_empty() {
    let site = lacking_russian();
    let rows = |rel: &str| -> Vec<std::collections::HashMap<String, String>> {
        let text = site.read(rel);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader.headers().unwrap().clone();
        (reader.records())
            .map(|r| {
                header
                    .iter()
                    .map(str::to_string)
                    .zip(r.unwrap().iter().map(str::to_string))
                    .collect()
            })
            .collect()
    };
    let records = rows("data/aid.csv");
    let r1 = records.iter().find(|r| r["id"] == "r1").unwrap();
    assert_eq!(r1["what_kk"], "Бірінші сынақ жазбасы");
    assert_eq!(r1["what_ru"], "");
    let r2 = records.iter().find(|r| r["id"] == "r2").unwrap();
    assert_eq!(r2["what_ru"], "Вторая тестовая запись");
    let in_russian = rows("ru/data/aid.csv");
    let r1 = in_russian.iter().find(|r| r["id"] == "r1").unwrap();
    assert_eq!(r1["what"], "Бірінші сынақ жазбасы");
    let organisations = rows("data/organisations.csv");
    let b = organisations.iter().find(|o| o["id"] == "org-b").unwrap();
    assert_eq!(
        (b["name_kk"].as_str(), b["name_ru"].as_str()),
        ("Сынақ ұйымы Б", "")
    );
    // The data package requires the default language's texts only.
    let package: serde_json::Value = serde_json::from_str(&site.read("datapackage.json")).unwrap();
    let required = |resource: &str, field: &str| {
        let resource = (package["resources"].as_array().unwrap().iter())
            .find(|r| r["name"] == resource)
            .unwrap_or_else(|| panic!("no resource {resource}"));
        let field = (resource["schema"]["fields"].as_array().unwrap().iter())
            .find(|f| f["name"] == field)
            .unwrap_or_else(|| panic!("no field {field}"));
        field["constraints"]["required"] == true
    };
    assert!(required("records", "what_kk"));
    assert!(!required("records", "what_ru"));
    assert!(required("organisations", "name_kk"));
    assert!(!required("organisations", "name_ru"));
}

/// The sites whose open data the checks below read, built: the example,
/// the statistics fixture, and that fixture lacking Russian texts.
fn built_sites() -> [TestSite; 3] {
    let stats = TestSite::fixtures("basic", "stats");
    stats.build();
    [example(), stats, lacking_russian()]
}

/// The `frictionless` command of the virtual environment `.ci/run` makes
/// (`tests/opendata/.venv`), else the one on the PATH; `None`, said, when
/// neither is there: the test is skipped, or fails under
/// `AQPARAT_FRICTIONLESS_TESTS=required` (set by `.ci/run`).
fn frictionless() -> Option<PathBuf> {
    let venv = repo().join("tests/opendata/.venv/bin/frictionless");
    let found = [venv, PathBuf::from("frictionless")]
        .into_iter()
        .find(|command| Command::new(command).arg("--version").output().is_ok());
    if found.is_none() {
        let install = "python3 -m venv tests/opendata/.venv && tests/opendata/.venv/bin/pip install -r tests/opendata/requirements.txt";
        let required = std::env::var("AQPARAT_FRICTIONLESS_TESTS").is_ok_and(|v| v == "required");
        assert!(
            !required,
            "the Frictionless validator is required but missing: {install}"
        );
        eprintln!("SKIPPED: this test needs the Frictionless validator; to run it: {install}");
    }
    found
}

#[test]
fn the_data_package_and_its_csv_files_are_valid_for_frictionless() {
    let Some(frictionless) = frictionless() else {
        return;
    };
    for site in built_sites() {
        let package = site.public().join("datapackage.json");
        let output = Command::new(&frictionless)
            .args(["validate", "--json"])
            .arg(&package)
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)));
        assert_eq!(report["valid"], true, "{report:#}");
        let tasks = report["tasks"].as_array().unwrap();
        // Each language's records, every language's, and four lookups.
        assert_eq!(tasks.len(), 7, "{report:#}");
    }
}

#[test]
fn the_package_says_licence_publisher_sources_and_build_date() {
    let site = example();
    let package: serde_json::Value = serde_json::from_str(&site.read("datapackage.json")).unwrap();
    assert_eq!(package["created"], "2020-04-03T00:00:00Z");
    assert_eq!(package["licenses"][0]["name"], "CC-BY-4.0");
    assert_eq!(package["contributors"][0]["role"], "publisher");
    assert_eq!(
        package["contributors"][0]["title"],
        "Маңғыстау облыстық еріктілер корпусы"
    );
    assert!(!package["sources"].as_array().unwrap().is_empty());
    let records = &package["resources"][2];
    assert_eq!(records["path"], "data/aid.csv");
    let keys = records["schema"]["foreignKeys"].as_array().unwrap();
    let lookups: Vec<&str> = keys
        .iter()
        .map(|k| k["reference"]["resource"].as_str().unwrap())
        .collect();
    assert_eq!(lookups, ["organisations", "categories", "units", "sources"]);
    let page = site.read("kk/infographics/index.html");
    for link in [
        "/kk/data/aid.xlsx",
        "/data/aid.csv",
        "/data/aid.schema.json",
        "/kk/data/aid.schema.json",
        "/datapackage.json",
    ] {
        assert!(page.contains(&format!("href=\"{link}\"")), "{link}");
    }
    assert!(page.contains("rel=\"license\""));
}

#[test]
fn each_aid_json_is_valid_against_the_schema_beside_it() {
    for site in built_sites() {
        let json =
            |rel: &str| -> serde_json::Value { serde_json::from_str(&site.read(rel)).unwrap() };
        for folder in ["data", "kk/data", "ru/data"] {
            let schema = json(&format!("{folder}/aid.schema.json"));
            let validator = jsonschema::validator_for(&schema).unwrap();
            let data = json(&format!("{folder}/aid.json"));
            let errors: Vec<String> = validator
                .iter_errors(&data)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{folder}: {errors:#?}");
            // The schema is not a formality: a count of text is refused.
            let mut broken = data.clone();
            broken["records"][0]["count"] = "320".into();
            assert!(!validator.is_valid(&broken), "{folder}");
        }
    }
}

#[test]
fn each_xlsx_opens_and_holds_the_cells_of_its_csv() {
    use calamine::{Data, Reader, Xlsx};
    let site = TestSite::fixtures("basic", "stats");
    // A name that would be a formula in a spreadsheet, neutralised alike.
    let path = site.root().join("data/aid/organisations.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        yaml.replacen("kk: \"", "kk: \"=1+1 ", 1)
            .replacen("ru: \"", "ru: \"=1+1 ", 1),
    )
    .unwrap();
    site.build();
    for lang in ["kk", "ru"] {
        let csv = site.read(&format!("{lang}/data/aid.csv"));
        assert!(!csv.starts_with('\u{feff}'), "no byte-order mark");
        assert!(csv.contains("\r\n"), "lines end in CRLF");
        let csv_rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        let file = site.public().join(format!("{lang}/data/aid.xlsx"));
        let mut workbook: Xlsx<_> = calamine::open_workbook(&file).unwrap();
        let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
        let xlsx_rows: Vec<Vec<String>> = sheet
            .rows()
            .map(|row| {
                let mut cells: Vec<String> = row
                    .iter()
                    .map(|cell| match cell {
                        Data::Empty => String::new(),
                        Data::String(s) => s.clone(),
                        Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
                        other => panic!("{lang}: unexpected cell {other:?}"),
                    })
                    .collect();
                // A row's empty cells at its end are not in the sheet.
                cells.resize(csv_rows[0].len(), String::new());
                cells
            })
            .collect();
        assert_eq!(xlsx_rows, csv_rows, "{lang}");
        assert!(csv.contains("'=1+1"), "{lang}: the formula is neutralised");
    }
}

#[test]
fn two_builds_of_the_same_site_are_the_same_byte_for_byte() {
    let (one, two) = (example(), example());
    let (one, two) = (snapshot(&one.public()), snapshot(&two.public()));
    assert!(one.keys().any(|p| p.ends_with("kk/data/aid.xlsx")));
    assert_eq!(one.len(), two.len());
    for (path, bytes) in &one {
        assert!(two.get(path) == Some(bytes), "{} differs", path.display());
    }
    let site = TestSite::example();
    let run = site.run_with(&["build"], &[("SOURCE_DATE_EPOCH", "yesterday")]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("SOURCE_DATE_EPOCH is `yesterday`"));
    let site = TestSite::fixtures("basic", "stats");
    let run = site.run_with(&["build"], &[("SOURCE_DATE_EPOCH", "253402300800")]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    // The last second aqparat takes gives a package and workbooks too.
    let run = site.run_with(&["build"], &[("SOURCE_DATE_EPOCH", "253402300799")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        site.read("datapackage.json")
            .contains("\"9999-12-31T23:59:59Z\"")
    );
}

#[test]
fn open_data_is_required_with_statistics_and_checked() {
    let site = TestSite::fixtures("basic", "stats");
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    let without = &config[..config.find("open_data:").unwrap()];
    site.write("site.yaml", without);
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("site.yaml:1:1: error: the site has statistics (data/aid/), but site.yaml does not say under which licence"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("open_data: { licence: CC-BY-4.0, publisher: { kk: …, ru: … } }")
    );
    // Written empty, it is told at its line.
    site.write("site.yaml", format!("{without}open_data: ~\n"));
    let run = site.run(&["check"]);
    let empty = format!(
        "site.yaml:{}:1: error: the site has statistics (data/aid/), but site.yaml does not say",
        without.lines().count() + 1
    );
    assert!(run.stderr.contains(&empty), "{empty}\n{}", run.stderr);
    let line = without.lines().count() + 2;
    site.write(
        "site.yaml",
        format!("{without}open_data:\n  licence: CC-BY-40\n  publisher: {{ kk: Ұйым, xx: Y }}\n"),
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    for expected in [
        format!(
            "site.yaml:{line}:12: error: open_data: `CC-BY-40` is not a licence aqparat knows (did you mean `CC-BY-4.0`?)"
        ),
        format!(
            "site.yaml:{}:26: error: the publisher has text in `xx`",
            line + 1
        ),
        // The default language's name stands in for another's.
        format!(
            "site.yaml:{}:14: warning: open_data: the publisher has no name in `ru`",
            line + 1
        ),
    ] {
        assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
    }
    // Nothing stands in for the default language's.
    site.write(
        "site.yaml",
        format!("{without}open_data:\n  licence: CC-BY-4.0\n  publisher: {{ ru: Организация }}\n"),
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    let expected = format!(
        "site.yaml:{}:14: error: open_data: the publisher has no name in `kk`",
        line + 1
    );
    assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
    // Written, and left out for a value of the wrong type (required: the
    // whole of `open_data` goes): that one problem, not "open_data missing".
    for written in ["open_data", "opendata"] {
        site.write(
            "site.yaml",
            format!("{without}{written}:\n  licence: CC-BY-4.0\n  publisher: [Ұйым]\n"),
        );
        let run = site.run(&["check"]);
        // A slip of the key is a problem too; its value is read under the
        // key meant, shorter or not, and its problem told in the same run.
        let value = format!("site.yaml:{}:14: error: ", line + 1);
        let slip = format!("site.yaml:{}:1: error: unknown key `opendata`", line - 1);
        let expected = match written {
            "open_data" => vec![value.as_str()],
            _ => vec![slip.as_str(), value.as_str()],
        };
        crate::util::assert_reported(&run, &expected, written);
    }
}
