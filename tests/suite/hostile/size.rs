//! Input that is small on disk but large to process: a picture that
//! decodes to gigabytes (a decompression bomb), a page of tens of
//! thousands of headings. Refused at its place, or handled in time
//! proportional to its size.

use std::io::Write;

use crate::util::{TestSite, assert_reported, copy_dir, folders, repo, snapshot};

/// A PNG of `width` × `height` pixels of one shade at 1 bit a pixel:
/// 20000×20000 is 400 megapixels (1.2 GB as RGB) in under 100 KB. Written
/// row by row, never held whole.
fn plain_png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::One);
    let mut writer = encoder.write_header().unwrap();
    let mut stream = writer.stream_writer().unwrap();
    let row = vec![0u8; width.div_ceil(8) as usize];
    for _ in 0..height {
        stream.write_all(&row).unwrap();
    }
    stream.finish().unwrap();
    writer.finish().unwrap();
    bytes
}

/// A picture of 20000×20000 pixels beside a page is refused from its
/// header by `check` and `build` alike, at the image's place in the page,
/// with its size, the limits and what to do; it is never decoded (which
/// took gigabytes and aborted the build, leaving its staging folder), and
/// the previous output stays as it was.
#[test]
fn an_image_too_large_to_decode_is_refused_at_its_place() {
    let site = TestSite::fixture("basic");
    site.build();
    let before = snapshot(&site.public());
    let bomb = plain_png(20_000, 20_000);
    assert!(bomb.len() < 1_000_000, "{} bytes", bomb.len());
    site.write("content/rules/bomb.png", bomb);
    site.write(
        "content/rules/bomb.kk.md",
        "---\ntitle: Үлкен сурет\n---\nМәтін.\n\nМіне: ![Ақ парақ](bomb.png)\n",
    );
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_reported(
            &run,
            &[
                "content/rules/bomb.kk.md:6:7: error: the image `content/rules/bomb.png` \
               is 20000×20000 pixels, larger than aqparat decodes: at most 100 megapixels \
               in all (width × height) and 65535 pixels a side, and at most 16383 pixels \
               tall once 1440 pixels wide",
            ],
            command,
        );
        assert!(
            run.stderr
                .contains("resize the picture before adding it to the site"),
            "{}",
            run.stderr
        );
    }
    assert_eq!(snapshot(&site.public()), before, "the output changed");
    let beside: Vec<_> = folders(site.root())
        .into_iter()
        .filter(|f| f.to_string_lossy().contains("staging"))
        .collect();
    assert!(beside.is_empty(), "left behind: {beside:?}");
}

/// The `basic` fixture with the default theme, whose pages show a table of
/// contents of their `##` and `###` headings.
fn site_with_the_default_theme() -> TestSite {
    let site = TestSite::fixture("basic");
    copy_dir(
        &repo().join("themes/default"),
        &site.root().join("themes/default"),
    );
    site
}

/// A page of 3000 sections, each a `##` and a `###` heading of the same
/// words, gets 6000 ids (`a`, `b`, `a-1`, `b-1`, …) and a table of contents
/// of 6000 links, nested as the headings are, which the link check finds
/// all working (it once compared every link with every id: 80,000
/// headings took 30 s).
#[test]
fn a_page_of_thousands_of_headings_gets_its_whole_table_of_contents() {
    const SECTIONS: usize = 3000;
    let site = site_with_the_default_theme();
    let mut body = String::from("---\ntitle: Бөлімдер\n---\n# Кіріспе\n\n");
    for _ in 0..SECTIONS {
        body.push_str("## a\n\nМәтін.\n\n### b\n\n#### c\n\n");
    }
    site.write("content/many.kk.md", body);
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site.build();
    let html = site.read("kk/many/index.html");
    let suffix = |i: usize| match i {
        0 => String::new(),
        i => format!("-{i}"),
    };
    let entries: Vec<String> = (0..SECTIONS)
        .map(|i| {
            let s = suffix(i);
            format!("<li><a href=\"#a{s}\">a</a><ol><li><a href=\"#b{s}\">b</a></li></ol>")
        })
        .collect();
    let toc = format!("<ol>\n{}</li>\n</ol>\n</nav>", entries.join("</li>\n"));
    assert!(html.contains(&toc), "{}", &html[..html.len().min(2000)]);
    // The headings themselves carry those ids; `#` and `####` are not in
    // the table of contents.
    let last = suffix(SECTIONS - 1);
    assert!(html.contains(&format!("<h2 id=\"a{last}\">a</h2>")));
    assert!(html.contains(&format!("<h3 id=\"b{last}\">b</h3>")));
    assert!(!html.contains("href=\"#c\""));
    assert!(!html.contains("href=\"#кіріспе\""));
}

/// The errors of `run` as (line, column, quoted line, caret column): each
/// header `path:line:col: error: …` with the source line quoted under it.
fn quoted_errors(run: &crate::util::Run) -> Vec<(usize, usize, String, usize)> {
    let lines: Vec<&str> = run.stderr.lines().collect();
    let mut found = Vec::new();
    for (i, header) in lines.iter().enumerate() {
        let Some((place, _)) = header.split_once(": error: ") else {
            continue;
        };
        let mut parts = place.rsplitn(3, ':');
        let col: usize = parts.next().unwrap().parse().unwrap();
        let line: usize = parts.next().unwrap().parse().unwrap();
        let (_, quoted) = lines[i + 2].split_once(" | ").expect("a quoted line");
        let caret = lines[i + 3].split_once('|').unwrap().1;
        // `|`, a space, then the caret under its character of the quote.
        let caret_col = caret.chars().position(|c| c == '^').expect("a caret") - 1;
        found.push((line, col, quoted.to_string(), caret_col));
    }
    found
}

/// A line of thousands of links, as pages pasted from elsewhere have: every
/// broken one is reported at its own column, Markdown's and raw HTML's
/// alike (a raw link written twice is found at each place, not at the
/// first), each quoting a window of the line around it with the caret
/// under the link, not the whole line (kept whole for each of 20,000 links
/// of a 700 KB line, that took 24 GB and the build was killed).
#[test]
fn a_line_of_thousands_of_links_reports_each_at_its_place() {
    const LINKS: usize = 1500;
    let site = TestSite::fixture("basic");
    let markdown: Vec<String> = (0..LINKS)
        .map(|i| format!("[x{i}](@/gone-{i}.md)"))
        .collect();
    let html = "<a href=\"/kk/gone/\">x</a> ".repeat(LINKS);
    site.write(
        "content/pasted.kk.md",
        format!(
            "---\ntitle: Сілтемелер\n---\n{}\n\n<p>{html}</p>\n",
            markdown.join(" ")
        ),
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let errors = quoted_errors(&run);
    let on = |line| errors.iter().filter(move |e| e.0 == line);
    assert_eq!(
        on(4).count(),
        LINKS,
        "{}",
        run.stderr.get(..2000).unwrap_or(&run.stderr)
    );
    assert_eq!(
        on(6).count(),
        LINKS,
        "{}",
        run.stderr.get(..2000).unwrap_or(&run.stderr)
    );
    let mut column = 1;
    for (i, (_, col, quoted, caret)) in on(4).enumerate() {
        assert_eq!(*col, column, "link {i}");
        column += markdown[i].chars().count() + 1;
        assert!(quoted.chars().count() <= 162, "{quoted}");
        let pointed: String = quoted.chars().skip(*caret).collect();
        assert!(pointed.starts_with(&markdown[i]), "link {i}: {quoted}");
    }
    let html_columns: Vec<usize> = on(6).map(|e| e.1).collect();
    let expected: Vec<usize> = (0..LINKS).map(|i| 13 + i * 26).collect();
    assert_eq!(html_columns, expected);
    for (_, _, quoted, caret) in on(6) {
        let pointed: String = quoted.chars().skip(*caret).collect();
        assert!(pointed.starts_with("/kk/gone/\">x</a>"), "{quoted}");
    }
}
