//! "Every page passes the Nu Html Checker (vnu-jar from npm, on the
//! machine's Java) with no errors."

use std::process::Command;

use serde_json::Value as Json;

use super::harness::{JAVA, VNU, ready};
use crate::util::{TestSite, walk};

#[test]
fn every_page_passes_the_nu_html_checker() {
    if !ready(&[JAVA, VNU]) {
        return;
    }
    let site = TestSite::example();
    site.build();
    let public = site.public();
    let pages = walk(&public)
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html"))
        .count();
    assert!(pages > 0, "the build wrote no HTML");
    let output = Command::new(JAVA.path())
        .arg("-jar")
        .arg(VNU.path())
        .args(["--errors-only", "--skip-non-html", "--format", "json"])
        .arg(&public)
        .output()
        .unwrap();
    // vnu writes its report to standard error.
    let report = String::from_utf8_lossy(&output.stderr);
    let report: Json = serde_json::from_str(&report)
        .unwrap_or_else(|e| panic!("vnu's report is not JSON ({e}):\n{report}"));
    let prefix = format!("file:{}/", public.display());
    let errors: Vec<String> = report["messages"]
        .as_array()
        .expect("vnu's messages")
        .iter()
        .filter(|m| m["type"] != "info")
        .map(|m| {
            let url = m["url"].as_str().unwrap_or("?");
            format!(
                "{}:{}: {}",
                url.strip_prefix(&prefix).unwrap_or(url),
                m["lastLine"],
                m["message"].as_str().unwrap_or("?")
            )
        })
        .collect();
    assert!(
        errors.is_empty(),
        "the Nu Html Checker finds {} errors in {pages} pages:\n{}",
        errors.len(),
        errors.join("\n")
    );
    assert!(
        output.status.success(),
        "vnu failed without reporting errors: {}",
        output.status
    );
}
