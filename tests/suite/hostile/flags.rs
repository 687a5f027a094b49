//! `--base-url`, `base_url` in `site.yaml` and other flags are not trusted:
//! an address is parsed as a URL, and nothing that would end an attribute,
//! a line of `robots.txt` or an XML element gets through.

use crate::util::{TestSite, walk};

const HOSTILE: [&str; 7] = [
    "https://x.example/\"><script>alert(1)</script>",
    "https://x.example/\nDisallow: /",
    "https://x.example/'onmouseover='alert(1)",
    "javascript:alert(1)//",
    "https://user:secret@x.example/",
    // No host name: an empty label, a label starting with `-`.
    "https://a..example/",
    "https://-x.example/",
];

#[test]
fn a_hostile_base_url_flag_is_refused_before_anything_is_written() {
    let site = TestSite::fixtures("basic", "stats");
    for url in HOSTILE {
        let run = site.run(&["build", "--base-url", url]);
        assert_eq!(run.code, 2, "{url:?} was accepted:\n{}", run.stderr);
        assert!(run.stderr.contains("--base-url"), "{}", run.stderr);
        assert!(!site.public().exists(), "{url:?}: something was written");
    }
}

#[test]
fn a_hostile_base_url_in_site_yaml_is_an_error_at_its_line() {
    let site = TestSite::fixtures("basic", "stats");
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    let line = config
        .lines()
        .position(|l| l.starts_with("base_url:"))
        .expect("the fixture has a base_url")
        + 1;
    for url in HOSTILE {
        let yaml_value = serde_json::to_string(url).unwrap();
        let edited: String = config
            .lines()
            .map(|l| match l.starts_with("base_url:") {
                true => format!("base_url: {yaml_value}\n"),
                false => format!("{l}\n"),
            })
            .collect();
        site.write("site.yaml", edited);
        let run = site.run(&["check"]);
        assert_eq!(run.code, 1, "{url:?} passed check:\n{}", run.stderr);
        assert!(
            run.stderr.contains(&format!("site.yaml:{line}:")),
            "{url:?}: no position:\n{}",
            run.stderr
        );
        assert_eq!(site.run(&["build"]).code, 1);
        assert!(!site.public().exists());
    }
}

/// A good address is normalised; every file of the build then holds only
/// that form, and no `<script` the theme did not write.
#[test]
fn the_address_is_normalised_everywhere() {
    let site = TestSite::fixtures("basic", "stats");
    let run = site.run(&["build", "--base-url", "HTTPS://Example.KZ/Sub"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let robots = site.read("robots.txt");
    assert!(
        robots.contains("Sitemap: https://example.kz/Sub/sitemap.xml"),
        "{robots}"
    );
    for file in walk(&site.public()) {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        assert!(!text.contains("Example.KZ"), "{}", file.display());
    }
}
