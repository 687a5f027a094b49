use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

/// The repository's root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A site in a temporary folder.
pub struct TestSite {
    dir: TempDir,
}

/// What a run of the binary did.
pub struct Run {
    pub code: i32,
    pub stderr: String,
}

impl TestSite {
    /// A copy of `tests/fixtures/NAME`, on top of the test theme
    /// (`tests/fixtures/_theme`, with the default theme's font for chart
    /// cards): a fixture's files replace the theme's files of the same name.
    pub fn fixture(name: &str) -> TestSite {
        let site = TestSite::empty();
        lay_fixtures(site.root(), &[name]);
        site
    }

    /// `fixture(base)` with `tests/fixtures/NAME` laid over it.
    pub fn fixtures(base: &str, name: &str) -> TestSite {
        let site = TestSite::fixture(base);
        copy_dir(&repo().join("tests/fixtures").join(name), site.root());
        site
    }

    /// A copy of the example site of the repository.
    pub fn example() -> TestSite {
        let site = TestSite::empty();
        for dir in ["content", "themes", "data", "static"] {
            let from = repo().join(dir);
            if from.exists() {
                copy_dir(&from, &site.root().join(dir));
            }
        }
        fs::copy(repo().join("site.yaml"), site.root().join("site.yaml")).unwrap();
        site
    }

    /// Puts `reads` at the start of the content block of the test theme's
    /// `page.html`.
    pub fn page_template_reads(&self, reads: &str) {
        let template = "themes/default/templates/page.html";
        let page = fs::read_to_string(self.root().join(template)).unwrap();
        let with = format!("{{% block content %}}{reads}");
        self.write(template, page.replacen("{% block content %}", &with, 1));
    }

    /// [`TestSite::example`], with `search: false` when this aqparat is
    /// built without search: else its one warning says that the site gets
    /// no search index (features.rs).
    pub fn example_as_built() -> TestSite {
        let site = TestSite::example();
        if !cfg!(feature = "search") {
            site.add_to_config("search: false");
        }
        site
    }

    fn empty() -> TestSite {
        TestSite {
            dir: tempfile::Builder::new()
                .prefix("aqparat-test")
                .tempdir()
                .unwrap(),
        }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The default output folder.
    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Adds the line `line` (`search: false`) to the end of `site.yaml`.
    pub fn add_to_config(&self, line: &str) {
        let config = fs::read_to_string(self.root().join("site.yaml")).unwrap();
        self.write("site.yaml", format!("{config}{line}\n"));
    }

    /// Writes `text` to `rel` under the root.
    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// Writes `text` to `rel` as editors save: a temporary file renamed
    /// over it, so a watcher never sees it half-written.
    pub fn save(&self, rel: &str, text: impl AsRef<[u8]>) {
        let path = self.root().join(rel);
        let temporary = path.with_file_name(format!(
            ".{}.tmp",
            path.file_name().unwrap().to_string_lossy()
        ));
        fs::write(&temporary, text).unwrap();
        fs::rename(&temporary, &path).unwrap();
    }

    /// Runs `aqparat ARGS --root ROOT`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    /// Runs `aqparat ARGS --root ROOT` with the environment variables `env`.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let output: Output = aqparat()
            .args(args)
            .envs(env.iter().copied())
            .arg("--root")
            .arg(self.root())
            .output()
            .unwrap();
        Run {
            code: output.status.code().unwrap_or(-1),
            stderr: String::from_utf8_lossy(&output.stderr)
                .replace(&self.root().display().to_string(), "[ROOT]"),
        }
    }

    /// Builds, and fails the test if the build fails.
    pub fn build(&self) -> Run {
        let run = self.run(&["build"]);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    /// The text of an output file.
    pub fn read(&self, rel: &str) -> String {
        let path = self.public().join(rel);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The text of a file of the site itself.
    pub fn read_source(&self, rel: &str) -> String {
        let path = self.root().join(rel);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

/// The inode of the file at `path`: two paths with the same one are hard
/// links to one file.
pub fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).unwrap().ino()
}

/// Appends `bytes` to the file at `path`, in place (the same file, as a
/// tool writing into it does, not a new one renamed over it).
pub fn append_in_place(path: &Path, bytes: &[u8]) {
    let mut file = fs::OpenOptions::new().append(true).open(path).unwrap();
    std::io::Write::write_all(&mut file, bytes).unwrap();
}

/// The `aqparat` binary, its messages in English whatever the locale of
/// whoever runs the tests (the tests read them).
pub fn aqparat() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_aqparat"));
    command.env("AQPARAT_LANG", "en");
    command
}

/// Lays out at `root` the test theme (with the shipped theme's fonts) and
/// the fixtures `names` of `tests/fixtures/`, each over the one before.
pub fn lay_fixtures(root: &Path, names: &[&str]) {
    let fixtures = repo().join("tests/fixtures");
    let theme = root.join("themes/default");
    copy_dir(&fixtures.join("_theme"), &theme);
    copy_dir(&repo().join("themes/default/fonts"), &theme.join("fonts"));
    for name in names {
        copy_dir(&fixtures.join(name), root);
    }
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `dir`, relative, with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    if dir.exists() {
        read_tree(dir).unwrap().files
    } else {
        BTreeMap::new()
    }
}

/// Every folder under `dir`, relative.
pub fn folders(dir: &Path) -> Vec<PathBuf> {
    relative(dir, try_walk(dir).unwrap().folders)
}

/// `paths` (under `dir`) relative to `dir`, sorted.
fn relative(dir: &Path, paths: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = paths
        .into_iter()
        .map(|path| path.strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    paths.sort();
    paths
}

/// A folder read whole: its folders (sorted) and its files with their
/// bytes, relative to it.
pub struct Tree {
    /// Every folder, sorted.
    folders: Vec<PathBuf>,
    /// Every file, with its bytes.
    files: BTreeMap<PathBuf, Vec<u8>>,
}

/// The folder `dir` read whole; an error names what could not be read
/// (a file that vanished meanwhile, a broken link).
pub fn read_tree(dir: &Path) -> Result<Tree, String> {
    let listing = try_walk(dir)?;
    let mut files = BTreeMap::new();
    for path in listing.files {
        let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), bytes);
    }
    let folders = relative(dir, listing.folders);
    Ok(Tree { folders, files })
}

/// What differs between `published` and `full` (a full build of the same
/// site), in the paths `keep` takes: folders and files on one side only,
/// files whose bytes differ (with their first differing line). Not the
/// stamp, aqparat's note of what it found at the top of the folder it
/// published, not the site.
pub fn differences(published: &Tree, full: &Tree, keep: impl Fn(&Path) -> bool) -> Vec<String> {
    let keep = |path: &Path| path != Path::new(".aqparat-output") && keep(path);
    let mut found = Vec::new();
    let only = |a: &[PathBuf], b: &[PathBuf], side: &str, found: &mut Vec<String>| {
        for folder in a.iter().filter(|f| keep(f) && b.binary_search(f).is_err()) {
            found.push(format!("folder only in {side}: {}", folder.display()));
        }
    };
    only(
        &published.folders,
        &full.folders,
        "the published site",
        &mut found,
    );
    only(
        &full.folders,
        &published.folders,
        "the full build",
        &mut found,
    );
    for path in published
        .files
        .keys()
        .filter(|p| keep(p) && !full.files.contains_key(*p))
    {
        found.push(format!("only in the published site: {}", path.display()));
    }
    for (path, bytes) in full.files.iter().filter(|(p, _)| keep(p)) {
        match published.files.get(path) {
            None => found.push(format!("only in the full build: {}", path.display())),
            Some(ours) if ours != bytes => {
                let (a, b) = (
                    String::from_utf8_lossy(ours),
                    String::from_utf8_lossy(bytes),
                );
                found.push(match a.lines().zip(b.lines()).find(|(x, y)| x != y) {
                    Some((x, y)) => format!(
                        "{} differs:\n    published:  {x}\n    full build: {y}",
                        path.display()
                    ),
                    None => format!("{} differs (in length)", path.display()),
                });
            }
            Some(_) => {}
        }
    }
    found
}

/// The first twenty of `differences`, one a line, and how many more.
pub fn summary(differences: &[String]) -> String {
    const SHOWN: usize = 20;
    let mut text = differences[..differences.len().min(SHOWN)].join("\n");
    if differences.len() > SHOWN {
        text.push_str(&format!("\n… and {} more", differences.len() - SHOWN));
    }
    text
}

/// Every file under `dir`.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    try_walk(dir).unwrap().files
}

/// The files and the folders under a folder, as paths under it.
#[derive(Default)]
struct Listing {
    /// Every file, sorted.
    files: Vec<PathBuf>,
    /// Every folder.
    folders: Vec<PathBuf>,
}

/// Every file and every folder under `dir`; an error names the folder it
/// could not list.
fn try_walk(dir: &Path) -> Result<Listing, String> {
    let mut listing = Listing::default();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let cannot = |e: std::io::Error| format!("{}: {e}", folder.display());
        for entry in fs::read_dir(&folder).map_err(cannot)? {
            let path = entry.map_err(cannot)?.path();
            if path.is_dir() {
                pending.push(path.clone());
                listing.folders.push(path);
            } else {
                listing.files.push(path);
            }
        }
    }
    listing.files.sort();
    Ok(listing)
}

/// The values of attribute `name` in `html` (our output quotes every
/// attribute with `"`).
pub fn attributes(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest[..rest.find('"').unwrap()].replace("&amp;", "&")
        })
        .collect()
}

/// The `(hreflang, href)` pairs of a page's `<link rel="alternate" hreflang>`.
pub fn hreflangs(html: &str) -> Vec<(String, String)> {
    html.split("<link ")
        .skip(1)
        .filter(|tag| tag.contains("rel=\"alternate\"") && tag.contains("hreflang="))
        .map(|tag| {
            let tag = format!(" {}", &tag[..tag.find('>').unwrap()]);
            (
                attributes(&tag, "hreflang")[0].clone(),
                attributes(&tag, "href")[0].clone(),
            )
        })
        .collect()
}

/// Decodes `%XX` escapes (UTF-8).
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

/// Checks that every internal `href` and `src` of every HTML file under
/// `public` leads to a file, and every `#fragment` to an id in it. Returns
/// the number of links checked.
pub fn assert_internal_links_resolve(public: &Path, base_path: &str) -> usize {
    let mut checked = 0;
    let mut problems = Vec::new();
    for file in walk(public)
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html"))
    {
        let html = fs::read_to_string(&file).unwrap();
        let page = file.strip_prefix(public).unwrap().display().to_string();
        let links = attributes(&html, "href")
            .into_iter()
            .chain(attributes(&html, "src"));
        for link in links {
            if link.starts_with("http://")
                || link.starts_with("https://")
                || link.starts_with("mailto:")
            {
                continue;
            }
            let (path, fragment) = link
                .split_once('#')
                .map_or((link.as_str(), None), |(p, f)| (p, Some(f)));
            let target_file = if path.is_empty() {
                file.clone()
            } else if !path.starts_with('/') {
                // A path from the page: from its folder, `..` going up.
                let mut target = file.parent().unwrap().to_path_buf();
                for part in percent_decode(path).split('/') {
                    match part {
                        ".." => {
                            target.pop();
                        }
                        "" | "." => {}
                        part => target.push(part),
                    }
                }
                if !target.starts_with(public) {
                    problems.push(format!("{page}: link `{link}` leads out of the site"));
                    continue;
                }
                match target.is_dir() {
                    true => target.join("index.html"),
                    false => target,
                }
            } else {
                let Some(rel) = path.strip_prefix(base_path) else {
                    problems.push(format!("{page}: link `{link}` is not under {base_path}"));
                    continue;
                };
                let target = public.join(percent_decode(rel));
                if target.is_dir() {
                    target.join("index.html")
                } else {
                    target
                }
            };
            checked += 1;
            if !target_file.is_file() {
                problems.push(format!("{page}: `{link}` leads to no file"));
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                let target_html = fs::read_to_string(&target_file).unwrap();
                let id = format!("id=\"{}\"", percent_decode(fragment));
                if !target_html.contains(&id) {
                    problems.push(format!("{page}: `{link}`: no element with {id}"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "broken internal links:\n{}",
        problems.join("\n")
    );
    checked
}

/// Parses XML, failing the test with the parser's message.
pub fn parse_xml(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("invalid XML: {e}\n{text}"))
}

/// A running `aqparat` process (serve, watch), killed when dropped; its
/// standard error is collected by a thread.
pub struct Running {
    child: std::process::Child,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
    /// Set when its standard error closes: it has exited.
    exited: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Running {
    /// Starts `aqparat ARGS`.
    pub fn start(args: &[&str]) -> Running {
        Running::start_with(args, &[])
    }

    /// Starts `aqparat ARGS` with the environment variables `env`.
    pub fn start_with(args: &[&str], env: &[(&str, &str)]) -> Running {
        use std::io::BufRead;
        let mut child = aqparat()
            .args(args)
            .envs(env.iter().copied())
            .stderr(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let pipe = child.stderr.take().unwrap();
        let (sink, exited) = (
            stderr.clone(),
            std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
        );
        let closed = std::sync::Arc::clone(&exited);
        std::thread::spawn(move || {
            // Read to the end, whatever it prints: the end is its exit.
            let mut reader = std::io::BufReader::new(pipe);
            let mut line = Vec::new();
            while reader
                .read_until(b'\n', &mut line)
                .is_ok_and(|read| read > 0)
            {
                let mut text = sink.lock().unwrap();
                text.push_str(&String::from_utf8_lossy(&line));
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                line.clear();
            }
            closed.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        Running {
            child,
            stderr,
            exited,
        }
    }

    /// What it printed so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits (up to a generous minute) until `condition` holds on what it
    /// printed; returns that text.
    pub fn wait_for_output(&self, what: &str, condition: impl Fn(&str) -> bool) -> String {
        wait_until(what, || {
            let text = self.stderr();
            condition(&text).then_some(text)
        })
    }

    /// Whether the process is still running (its standard error open).
    pub fn is_running(&self) -> bool {
        !self.exited.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Sends SIGTERM and waits for the exit code.
    pub fn terminate(mut self) -> Option<i32> {
        ask_to_stop(&self.child);
        self.exit_code()
    }

    /// Waits (up to a minute) for it to exit by itself: its exit code and
    /// all it printed.
    pub fn exit_code_and_output(mut self) -> (Option<i32>, String) {
        let code = self.exit_code();
        wait_until("its standard error to close", || {
            (!self.is_running()).then_some(())
        });
        (code, self.stderr())
    }

    /// Waits (up to a minute) for it to exit; its exit code.
    fn exit_code(&mut self) -> Option<i32> {
        let status = wait_until("the process to exit", || {
            self.child.try_wait().ok().flatten()
        });
        status.code()
    }
}

impl Drop for Running {
    /// Stops the process (see [`stop`]); when a test fails, shows what it
    /// printed.
    fn drop(&mut self) {
        if std::thread::panicking() {
            let said = self.stderr.lock().unwrap_or_else(|e| e.into_inner());
            eprintln!("what aqparat printed:\n{said}");
        }
        stop(&mut self.child);
    }
}

/// Sends `child` SIGTERM, as a service manager or Ctrl-C would.
fn ask_to_stop(child: &std::process::Child) {
    let _ = Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status();
}

/// Stops `child` as a user would, with SIGTERM, so that it cleans up after
/// itself (`serve` removes its temporary folder, a server stops its own
/// children); SIGKILL if it has not exited within ten seconds.
pub fn stop(child: &mut std::process::Child) {
    if let Ok(None) = child.try_wait() {
        ask_to_stop(child);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while std::time::Instant::now() < deadline && matches!(child.try_wait(), Ok(None)) {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Runs git in `dir`, failing the test if it fails; returns its stdout.
pub fn git(dir: &Path, args: &[&str]) -> String {
    git_with(dir, args, &[])
}

/// [`git`] with the environment variables `env` (`GIT_COMMITTER_DATE`…).
pub fn git_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let out = std::process::Command::new("git")
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// Makes `clone` a git repository on `main` whose first commit is the site
/// in it, as a staff member's clone.
pub fn commit_site(clone: &Path) {
    git(clone, &["init", "-b", "main"]);
    git(clone, &["config", "user.email", "staff@test.example"]);
    git(clone, &["config", "user.name", "Staff"]);
    git(clone, &["add", "-A"]);
    git(clone, &["commit", "-m", "the site"]);
}

/// The text of `output/rel`, if it is there.
pub fn read(output: &Path, rel: &str) -> Option<String> {
    fs::read_to_string(output.join(rel)).ok()
}

/// Waits until `output/rel` contains `text`.
pub fn wait_for_page(output: &Path, rel: &str, text: &str) {
    wait_until(&format!("{rel} to contain {text}"), || {
        read(output, rel).filter(|h| h.contains(text))
    });
}

/// Polls `probe` every 50 ms until it gives a value; fails the test after
/// 60 s, naming `what` it waited for. Tests wait on events, never on fixed
/// sleeps alone.
pub fn wait_until<T>(what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    wait_until_ok(what, || probe().ok_or_else(String::new))
}

/// [`wait_until`] for a `probe` that says why it is not there yet: the
/// failure shows its last answer.
pub fn wait_until_ok<T>(what: &str, probe: impl FnMut() -> Result<T, String>) -> T {
    wait_within(what, std::time::Duration::from_secs(60), probe)
}

/// [`wait_until_ok`] with the limit `limit`.
fn wait_within<T>(
    what: &str,
    limit: std::time::Duration,
    mut probe: impl FnMut() -> Result<T, String>,
) -> T {
    let deadline = std::time::Instant::now() + limit;
    loop {
        let why = match probe() {
            Ok(value) => return value,
            Err(why) => why,
        };
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting for {what}{}{why}",
            if why.is_empty() { "" } else { ":\n" }
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Asserts that `run` failed with exit code 1 and reported exactly the
/// errors `expected` (prefixes of its `path:line:col: error: …` lines, in
/// order), each with a hint, without a panic; `what` names the run.
pub fn assert_reported(run: &Run, expected: &[&str], what: &str) {
    assert_eq!(run.code, 1, "{what} should fail:\n{}", run.stderr);
    let headers: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains(": error: "))
        .collect();
    assert_eq!(headers.len(), expected.len(), "{what}:\n{}", run.stderr);
    for (header, expected) in headers.iter().zip(expected) {
        assert!(
            header.starts_with(expected),
            "{what}: expected `{expected}`, got `{header}`"
        );
    }
    let hints = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("  = help: "))
        .count();
    assert!(
        hints >= expected.len(),
        "{what}: every error has a hint:\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

/// Asserts that the folder `published` holds the same folders and files
/// as `fresh`, byte for byte (a full build of the same site).
pub fn assert_same_files(published: &Path, fresh: &Path) {
    let found = differences(
        &read_tree(published).unwrap(),
        &read_tree(fresh).unwrap(),
        |_| true,
    );
    assert!(found.is_empty(), "{}", summary(&found));
}

/// `aqparat watch --root ROOT --output OUTPUT EXTRA…`; returns once the
/// first build is published.
pub fn watch(root: &Path, output: &Path, extra: &[&str]) -> Running {
    watch_with(root, output, extra, &[])
}

/// [`watch`] with the environment variables `env`.
pub fn watch_with(root: &Path, output: &Path, extra: &[&str], env: &[(&str, &str)]) -> Running {
    let running = start_watch(root, output, extra, env);
    wait_until("the first build", || {
        watch_status(output).filter(|s| s["ok"] == true)
    });
    running
}

/// `aqparat watch --root ROOT --output OUTPUT EXTRA…` with the environment
/// variables `env`, started and not waited on: it may be refused.
pub fn start_watch(root: &Path, output: &Path, extra: &[&str], env: &[(&str, &str)]) -> Running {
    let mut args = vec![
        "watch",
        "--root",
        root.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    Running::start_with(&args, env)
}

/// Waits until the search index of `watch` has caught up with its last
/// build (an aqparat without the `search` feature makes none).
pub fn wait_for_search_index(watch: &Running) {
    if !cfg!(feature = "search") {
        return;
    }
    // Five minutes: the indexer runs at the lowest priority, and on a
    // machine busy with other work it may have to make an index for an
    // older build first.
    let five_minutes = std::time::Duration::from_secs(300);
    wait_within("the search index", five_minutes, || {
        let text = watch.stderr();
        let after_last_build = text.rsplit("\nbuilt ").next();
        let indexed = after_last_build.is_some_and(|after| after.contains("\nsearch index of "));
        indexed.then_some(()).ok_or_else(String::new)
    });
}

/// The status file of `watch` beside `output`, once it exists.
pub fn watch_status(output: &Path) -> Option<serde_json::Value> {
    let path = PathBuf::from(format!("{}.status.json", output.display()));
    serde_json::from_str(&fs::read_to_string(path).ok()?).ok()
}

/// The published site of `watch` behind `output` is the same, folder for
/// folder, file for file and byte for byte, as a full build of the same
/// files. `watch` may still be building the last changes (a burst of them
/// can arrive as two batches), so the comparison is made again until it
/// holds or a minute has passed; a site that never converges fails with
/// its differences. Converging by a repair (`watch` finding its output
/// damaged and building the whole site again) or with `watch` gone does
/// not count.
pub fn assert_same_as_a_full_build(site: &TestSite, output: &Path, watch: &Running) {
    // A repair begun while the full build runs counts too.
    let said_before = watch.stderr().len();
    let folder = TempDir::new().unwrap();
    let fresh = folder.path().join("fresh");
    let run = site.run(&["build", "--output", fresh.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let full = read_tree(&fresh).unwrap();
    wait_until_ok("the published site to be a full build's", || {
        let published = fs::canonicalize(output).map_err(|e| format!("{}: {e}", output.display()));
        let found = match published.and_then(|published| read_tree(&published)) {
            Ok(published) => differences(&published, &full, |_| true),
            Err(error) => vec![format!("cannot read the published site: {error}")],
        };
        found
            .is_empty()
            .then_some(())
            .ok_or_else(|| summary(&found))
    });
    let said = watch.stderr();
    assert!(
        !said[said_before..].contains("building the whole site again"),
        "the published site became a full build's only by a repair:\n{said}"
    );
    assert!(watch.is_running(), "watch exited:\n{said}");
}

/// Proptest's settings for a property test: `cases` cases unless
/// `PROPTEST_CASES` says otherwise, and no failure files in the tree.
pub fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    proptest::test_runner::Config {
        cases,
        failure_persistence: None,
        ..proptest::test_runner::Config::default()
    }
}
