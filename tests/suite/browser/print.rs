//! "A rules page printed to PDF by Chromium gives one or two A4 pages whose
//! text contains the page title and whose QR code decodes to the page URL."
//! "Infographic pages print their charts legibly in black and white."

use std::process::Command;

use fantoccini::wd::{PrintConfiguration, PrintSize};

use super::harness::{
    BROWSER, Browser, Need, PDFINFO, PDFTOPPM, PDFTOTEXT, ZBARIMG, collapse_whitespace,
    open_example, screenshots, text_of,
};

/// Runs `tool` with `args`; its standard output, failing the test if it
/// fails.
fn run(tool: Need, args: &[&str]) -> String {
    let output = Command::new(tool.path()).args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{} {args:?}: {}\n{}",
        tool.path().display(),
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The value of `Name:` in `pdfinfo`'s output.
fn info<'a>(pdfinfo: &'a str, name: &str) -> &'a str {
    pdfinfo
        .lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
        .unwrap_or_else(|| panic!("pdfinfo says nothing of {name}:\n{pdfinfo}"))
        .trim()
}

/// The page printed to A4, once its fonts are loaded and it is laid out.
/// Chromium under load sometimes answers "Printing failed": that is tried
/// again, a few times.
async fn print_when_laid_out(browser: &Browser) -> Vec<u8> {
    browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             document.fonts.ready.then(() => requestAnimationFrame(() => done(true)));",
            Vec::new(),
        )
        .await
        .unwrap();
    let mut attempts = 0;
    loop {
        let print = PrintConfiguration::builder()
            .size(PrintSize::A4)
            .background(false)
            .build()
            .unwrap();
        match browser.client.print(print).await {
            Ok(pdf) => return pdf,
            Err(e) if attempts < 3 && e.to_string().contains("Printing failed") => {
                attempts += 1;
                tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            }
            Err(e) => panic!("printing: {e}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_printed_rules_page_is_a4_with_its_title_and_a_qr_code_of_its_url() {
    let Some((served, browser)) = open_example(
        &[BROWSER, &[PDFINFO, PDFTOTEXT, PDFTOPPM, ZBARIMG]].concat(),
        true,
    )
    .await
    else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let mut problems = Vec::new();
    for lang in ["kk", "ru"] {
        let path = format!("/{lang}/rules/protection/");
        let url = served.url(&path);
        let html = std::fs::read_to_string(served.file_of(&path).unwrap()).unwrap();
        let h1 = &html[html.find("<h1").expect("an <h1>")..];
        let title = text_of(&h1[..h1.find("</h1>").unwrap()]);
        assert!(!title.is_empty(), "{path}: an empty <h1>");

        browser.client.goto(&url).await.unwrap();
        let pdf_bytes = print_when_laid_out(&browser).await;
        let pdf_file = work.path().join(format!("{lang}.pdf"));
        std::fs::write(&pdf_file, &pdf_bytes).unwrap();
        // A copy for people to look at.
        std::fs::write(
            screenshots().join(format!("{lang}-rules-page-print.pdf")),
            &pdf_bytes,
        )
        .unwrap();
        let pdf = pdf_file.to_str().unwrap();

        let pdfinfo = run(PDFINFO, &[pdf]);
        let pages: u32 = info(&pdfinfo, "Pages").parse().unwrap();
        if !(1..=2).contains(&pages) {
            problems.push(format!("{path}: {pages} pages, not one or two"));
        }
        // "595.276 x 841.89 pts (A4)"
        let size: Vec<f64> = info(&pdfinfo, "Page size")
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        if !(size.len() == 2 && (size[0] - 595.3).abs() < 2.0 && (size[1] - 841.9).abs() < 2.0) {
            problems.push(format!(
                "{path}: page size {}, not A4",
                info(&pdfinfo, "Page size")
            ));
        }

        let text = run(PDFTOTEXT, &[pdf, "-"]);
        if !collapse_whitespace(&text).contains(&title) {
            problems.push(format!(
                "{path}: the PDF's text lacks the title «{title}»:\n{text}"
            ));
        }

        let images = work.path().join(lang);
        run(
            PDFTOPPM,
            &["-r", "200", "-png", pdf, images.to_str().unwrap()],
        );
        let pngs: Vec<_> = crate::util::walk(work.path())
            .into_iter()
            .filter(|f| {
                f.extension().is_some_and(|e| e == "png")
                    && f.file_name()
                        .unwrap()
                        .to_string_lossy()
                        .starts_with(&format!("{lang}-"))
            })
            .collect();
        assert_eq!(pngs.len() as u32, pages, "{path}: one image per page");
        // zbarimg exits with 4 when it finds no code: that is a finding,
        // not a failure to run.
        let zbar = Command::new(ZBARIMG.path())
            .args(["--raw", "-q"])
            .args(&pngs)
            .output()
            .unwrap();
        let codes: Vec<String> = String::from_utf8_lossy(&zbar.stdout)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
        if codes != [url.clone()] {
            problems.push(format!(
                "{path}: the printed QR codes decode to {codes:?}, not [{url:?}]"
            ));
        }
    }
    browser.close().await;
    assert!(
        problems.is_empty(),
        "printed rules pages:\n{}",
        problems.join("\n")
    );
}

/// The grey level (0–255) of a computed CSS colour `rgb(r, g, b)`, if it is
/// a grey.
fn grey(color: &str) -> Option<u8> {
    let inner = color.strip_prefix("rgb(")?.strip_suffix(')')?;
    let parts: Vec<u8> = inner
        .split(',')
        .filter_map(|p| p.trim().parse().ok())
        .collect();
    match parts[..] {
        [r, g, b] if r == g && g == b => Some(r),
        _ => None,
    }
}

/// "Infographic pages print their charts legibly in black and white": in
/// print, every bar and every label of every chart is grey or black, dark
/// enough on white paper (bars at least 3:1, text at least 7:1), and the
/// printed PDF carries the labels as text.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn infographics_print_their_charts_in_black_and_white() {
    let Some((served, browser)) = open_example(&[BROWSER, &[PDFTOTEXT]].concat(), true).await
    else {
        return;
    };
    browser.cdp(
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "media": "print" }),
    );
    browser
        .client
        .goto(&served.url("/kk/infographics/"))
        .await
        .unwrap();
    // Once the print styles apply (a loaded page under load may still show
    // its screen colours for a moment): every fill is a grey, or time is up
    // and the assertions below say what is wrong.
    let started = std::time::Instant::now();
    let colors = loop {
        let colors = browser
            .client
            .execute(
                "return [...document.querySelectorAll('.chart-svg g.bar')].map(g => [\
                   getComputedStyle(g.querySelector('rect')).fill,\
                   ...[...g.querySelectorAll('text')].map(t => getComputedStyle(t).fill)])",
                Vec::new(),
            )
            .await
            .unwrap();
        let all_grey = colors.as_array().is_some_and(|bars| {
            bars.iter()
                .flat_map(|bar| bar.as_array().into_iter().flatten())
                .all(|c| c.as_str().and_then(grey).is_some())
        });
        if all_grey || started.elapsed() > std::time::Duration::from_secs(10) {
            break colors;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    let bars = colors.as_array().unwrap();
    assert!(bars.len() >= 10, "the charts' bars: {colors}");
    // Relative luminance of a grey on white: (L1 + 0.05) / (L2 + 0.05).
    let contrast = |level: u8| {
        let c = f64::from(level) / 255.0;
        let l = if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        };
        1.05 / (l + 0.05)
    };
    for bar in bars {
        let bar: Vec<&str> = bar
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        let fill = grey(bar[0]).unwrap_or_else(|| panic!("a bar in colour: {}", bar[0]));
        assert!(
            contrast(fill) >= 3.0,
            "a bar too light on paper: {}",
            bar[0]
        );
        for text in &bar[1..] {
            let level = grey(text).unwrap_or_else(|| panic!("a label in colour: {text}"));
            assert!(contrast(level) >= 7.0, "a label too light on paper: {text}");
        }
    }
    let pdf = print_when_laid_out(&browser).await;
    browser.close().await;
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("infographics.pdf");
    std::fs::write(&file, &pdf).unwrap();
    std::fs::write(screenshots().join("kk-infographics-print.pdf"), &pdf).unwrap();
    let text = run(PDFTOTEXT, &[file.to_str().unwrap(), "-"]);
    assert!(
        text.contains("Еріктілер штабы"),
        "a chart label in the PDF:\n{text}"
    );
}
