//! `aqparat serve`: HTTP, live reload, errors shown over the last good page.

use std::io::{BufRead, BufReader};
use std::sync::mpsc;

use crate::util::{Running, TestSite, wait_until};

/// Starts `serve` on a free port; returns the process and its address.
pub fn serve(site: &TestSite) -> (Running, String) {
    let root = site.root().display().to_string();
    let server = Running::start(&["serve", "--root", &root, "--port", "0"]);
    let output = server.wait_for_output("the server to build", |t| {
        t.lines().any(|l| l.starts_with("built ")) && t.contains("serving ")
    });
    let start = output.find("http://127.0.0.1:").unwrap();
    let address = output[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    (server, address)
}

/// The overlay's errors come in each language of messages, for the page's
/// `<html lang>` to choose (issue 13); this run's language is the fallback.
fn overlay_is_in_every_language(status: &str) {
    let status: serde_json::Value = serde_json::from_str(status).unwrap();
    assert_eq!(status["lang"], "en", "{status}");
    for (lang, title, severity) in [
        ("en", "the site has errors", "2:8: error:"),
        ("kk", "сайтта қателер бар", "2:8: қате:"),
        ("ru", "на сайте есть ошибки", "2:8: ошибка:"),
    ] {
        let shown = &status["messages"][lang];
        assert!(shown["title"].as_str().unwrap().contains(title), "{shown}");
        let errors = shown["errors"].as_array().unwrap();
        let here = format!("content/rules/first.kk.md:{severity}");
        assert!(
            errors
                .iter()
                .any(|e| e.as_str().unwrap().starts_with(&here)),
            "{here}: {shown}"
        );
    }
}

fn get(url: &str) -> (u16, String) {
    match ureq::get(url).call() {
        Ok(mut response) => (
            response.status().as_u16(),
            response.body_mut().read_to_string().unwrap(),
        ),
        Err(ureq::Error::StatusCode(code)) => (code, String::new()),
        Err(error) => panic!("{url}: {error}"),
    }
}

/// The server-sent events of `address`, one `(event, data)` at a time.
fn events(address: &str) -> mpsc::Receiver<(String, String)> {
    let (sender, receiver) = mpsc::channel();
    let url = format!("{address}/__aqparat/events");
    let response = ureq::get(&url).call().unwrap();
    std::thread::spawn(move || {
        let reader = BufReader::new(response.into_body().into_reader());
        let mut event = String::new();
        for line in reader.lines().map_while(Result::ok) {
            if let Some(name) = line.strip_prefix("event: ") {
                event = name.to_string();
            } else if let Some(data) = line.strip_prefix("data: ")
                && sender.send((event.clone(), data.to_string())).is_err()
            {
                break;
            }
        }
    });
    receiver
}

fn next_event(events: &mpsc::Receiver<(String, String)>) -> (String, String) {
    events
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("an event within a minute")
}

#[test]
fn serve_answers_http_with_the_reload_script_and_404_pages() {
    let site = TestSite::fixture("basic");
    let (_server, address) = serve(&site);
    let (status, html) = get(&format!("{address}/kk/rules/first/"));
    assert_eq!(status, 200);
    assert!(html.contains("<h1>Бірінші ереже</h1>"));
    assert!(html.contains("<script src=\"/__aqparat/livereload.js\" defer></script></body>"));
    assert!(
        html.contains(&format!(
            "<link rel=\"canonical\" href=\"{address}/kk/rules/first/\">"
        )),
        "links lead to the server"
    );
    let (status, _) = get(&format!("{address}/__aqparat/livereload.js"));
    assert_eq!(status, 200);
    let (status, _) = get(&format!("{address}/ru/nothing-here/"));
    assert_eq!(status, 404);
    // The script is the server's: the site's own files never contain it.
    site.build();
    assert!(
        !site
            .read("kk/rules/first/index.html")
            .contains("livereload")
    );
}

#[test]
fn an_edit_reloads_a_broken_edit_shows_its_errors_and_the_fix_clears_them() {
    let site = TestSite::fixture("basic");
    let (server, address) = serve(&site);
    let events = events(&address);
    site.save(
        "content/rules/first.kk.md",
        "---\ntitle: Жаңа тақырып\n---\n## Қолды жуу\n\nЖаңа мәтін.\n",
    );
    assert_eq!(next_event(&events).0, "reload");
    let (_, html) = get(&format!("{address}/kk/rules/first/"));
    assert!(html.contains("<h1>Жаңа тақырып</h1>"));

    site.save(
        "content/rules/first.kk.md",
        "---\ntitle: [сынған\n---\nМәтін.\n",
    );
    let (event, data) = next_event(&events);
    assert_eq!(event, "failed");
    assert!(
        data.contains("content/rules/first.kk.md:2:8: error:"),
        "{data}"
    );
    let (_, status) = get(&format!("{address}/__aqparat/status"));
    assert!(
        status.contains("\"ok\":false") && status.contains("content/rules/first.kk.md:2:8"),
        "{status}"
    );
    overlay_is_in_every_language(&status);
    let (_, html) = get(&format!("{address}/kk/rules/first/"));
    assert!(
        html.contains("<h1>Жаңа тақырып</h1>"),
        "the last good page is still served"
    );
    server.wait_for_output("the error in the terminal", |t| {
        t.contains("content/rules/first.kk.md:2:8: error:")
    });

    site.write(
        "content/rules/first.kk.md",
        "---\ntitle: Түзетілді\n---\n## Қолды жуу\n\nМәтін.\n",
    );
    assert_eq!(next_event(&events).0, "reload");
    let (_, status) = get(&format!("{address}/__aqparat/status"));
    assert_eq!(status, "{\"ok\":true}");
    wait_until("the fixed page", || {
        get(&format!("{address}/kk/rules/first/"))
            .1
            .contains("<h1>Түзетілді</h1>")
            .then_some(())
    });
}

/// Before a build has succeeded there is no 404 page: the server answers
/// with a page of its own, its path escaped, which carries the reload
/// script (it shows the failed build's errors, and reloads once a build
/// succeeds); then the site's 404 page.
#[test]
fn a_failed_first_build_is_served_a_page_that_shows_its_errors() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/rules/first.kk.md",
        "---\ntitle: [сынған\n---\nМәтін.\n",
    );
    let root = site.root().display().to_string();
    let server = Running::start(&["serve", "--root", &root, "--port", "0", "--lang", "en"]);
    let output = server.wait_for_output("the server to start", |t| t.contains("serving "));
    assert!(
        output.contains("content/rules/first.kk.md:2:8: error:"),
        "{output}"
    );
    let start = output.find("http://127.0.0.1:").unwrap();
    let address = output[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .trim_end_matches('/');
    let get_any = |path: &str| {
        let mut response = ureq::get(&format!("{address}{path}"))
            .config()
            .http_status_as_error(false)
            .build()
            .call()
            .unwrap();
        let body = response.body_mut().read_to_string().unwrap();
        (response.status().as_u16(), body)
    };
    let (status, html) = get_any("/kk/a&b/");
    assert_eq!(status, 404);
    assert!(html.contains("/kk/a&amp;b/: nothing here yet"), "{html}");
    assert!(
        html.contains("<script src=\"/__aqparat/livereload.js\" defer></script>"),
        "{html}"
    );

    site.write(
        "content/rules/first.kk.md",
        "---\ntitle: Түзетілді\n---\n## Қолды жуу\n\nМәтін.\n",
    );
    wait_until("the site's 404 page", || {
        let (status, html) = get_any("/kk/a&b/");
        (status == 404 && !html.contains("nothing here yet") && html.contains("<html lang=\"kk\""))
            .then_some(())
    });
}

/// A site published in a folder is served under that folder, as it will
/// be published: a link written with the folder (`/sub/favicon.svg`, as a
/// build wants it) works in the preview too, and `/` leads to the site.
#[test]
fn a_site_in_a_folder_is_served_under_its_path() {
    let site = TestSite::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        config.replace("https://test.example/", "https://test.example/sub/"),
    );
    site.write(
        "content/rules/icon.kk.md",
        "---\ntitle: Белгі\ndate: 2020-04-03\n---\n[Белгі](/sub/favicon.svg)\n",
    );
    let (_server, address) = serve(&site);
    let (code, home) = get(&format!("{address}/sub/kk/"));
    assert_eq!(code, 200);
    assert!(home.contains("href=\"/sub/kk/rules/"), "{home}");
    assert!(home.contains(&format!("{address}/sub/kk/")), "{home}");
    assert_eq!(get(&format!("{address}/sub/favicon.svg")).0, 200);
    assert_eq!(get(&format!("{address}/sub/kk/rules/icon/")).0, 200);
    assert_eq!(get(&format!("{address}/kk/")).0, 404);
    // A folder without its slash is redirected within the site.
    let (code, home) = get(&format!("{address}/sub/kk"));
    assert_eq!(code, 200);
    assert!(home.contains("href=\"/sub/kk/rules/"), "{home}");
    let (code, start) = get(&format!("{address}/"));
    assert_eq!(code, 200, "/ leads to the site");
    assert!(start.contains("/sub/kk/"), "{start}");
}
