//! The render cache: a `build` starts from the pages of the last one, kept
//! in `.aqparat/cache/render/`, and renders only what changed since; what
//! it publishes is what a build without the cache (`--fresh`) makes. The
//! property test in `edits.rs` runs random edits through it.

use std::fs;
use std::path::PathBuf;

use crate::util::{TestSite, append_in_place, assert_same_files, inode, walk};

/// The `basic` fixture without a search index (its own test has one).
fn site() -> TestSite {
    let site = TestSite::fixture("basic");
    site.add_to_config("search: false");
    site
}

/// The render cache's records of `site`.
fn records(site: &TestSite) -> PathBuf {
    site.root().join(".aqparat/cache/render/records")
}

/// Asserts that the render cache's copy of `site`'s last build holds the
/// same folders and files as its output, each file the output's own (a
/// hard link) but the mark that says each folder is aqparat's.
#[track_caller]
fn assert_copy_is_the_output(site: &TestSite) {
    let copy = site.root().join(".aqparat/cache/render/build");
    assert_same_files(&copy, &site.public());
    for file in walk(&copy) {
        if file
            .file_name()
            .is_some_and(|name| name != ".aqparat-output")
        {
            let rel = file.strip_prefix(&copy).unwrap();
            assert_eq!(inode(&file), inode(&site.public().join(rel)), "{rel:?}");
        }
    }
}

/// How many pages the build that said `stderr` rendered, when it rendered
/// only some.
fn rendered(stderr: &str) -> Option<usize> {
    let (_, after) = stderr.split_once(" pages (")?;
    after.split_once(" rendered")?.0.parse().ok()
}

/// Adds the paragraph `text` to the page `rel` of `site`.
fn append(site: &TestSite, rel: &str, text: &str) {
    let before = fs::read_to_string(site.root().join(rel)).unwrap();
    site.save(rel, format!("{before}\n{text}\n"));
}

/// Asserts that `site`'s output is what a build without the cache makes.
#[track_caller]
fn assert_as_fresh(site: &TestSite) {
    let fresh = site.root().join("fresh");
    let run = site.run(&["build", "--fresh", "--output", fresh.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(rendered(&run.stderr), None, "{}", run.stderr);
    assert_same_files(&site.public(), &fresh);
}

#[test]
fn a_second_build_renders_only_the_pages_that_changed() {
    let site = site();
    let first = site.build();
    assert_eq!(rendered(&first.stderr), None, "{}", first.stderr);
    assert!(records(&site).is_file());
    assert_copy_is_the_output(&site);
    let second = site.build();
    assert_eq!(rendered(&second.stderr), Some(0), "{}", second.stderr);
    assert_as_fresh(&site);
    // The output deleted, the cache still holds the last build.
    fs::remove_dir_all(site.public()).unwrap();
    append(&site, "content/rules/first.kk.md", "Жаңа абзац.");
    let third = site.build();
    assert_eq!(rendered(&third.stderr), Some(1), "{}", third.stderr);
    assert!(
        site.read("kk/rules/first/index.html")
            .contains("Жаңа абзац.")
    );
    assert_copy_is_the_output(&site);
    // (`--fresh` makes the cache anew: its copy is then the fresh build's.)
    assert_as_fresh(&site);
}

/// The search cache's kept pages of `site` (each page's record
/// tokenised).
#[cfg(feature = "search")]
fn kept_search_pages(site: &TestSite) -> Vec<PathBuf> {
    let cache = site.root().join(".aqparat/cache/search");
    let pages = walk(&cache).into_iter();
    pages
        .filter(|f| f.extension().is_some_and(|e| e == "page"))
        .collect()
}

/// A site with a search index: a unit carried over gives the index its
/// pages as the search cache keeps them tokenised, so the index is what a
/// build without the cache makes; a unit whose pages are not kept there
/// whole is rendered again.
#[cfg(feature = "search")]
#[test]
fn a_site_with_a_search_index_renders_only_what_changed() {
    let site = TestSite::fixture("basic");
    let first = site.build();
    assert_eq!(rendered(&first.stderr), None, "{}", first.stderr);
    assert!(site.public().join("pagefind/pagefind-entry.json").is_file());
    let written = |site: &TestSite| fs::metadata(records(site)).unwrap().modified().unwrap();
    let kept = written(&site);
    let second = site.build();
    assert_eq!(rendered(&second.stderr), Some(0), "{}", second.stderr);
    // Nothing written, the index neither: the records kept hold as they are.
    assert_eq!(written(&site), kept);
    assert_as_fresh(&site);
    // A new word on one page: that page rendered, and its words indexed.
    append(&site, "content/rules/first.kk.md", "Құмтөбеліктер жиналды.");
    let third = site.build();
    assert_eq!(rendered(&third.stderr), Some(1), "{}", third.stderr);
    let fragments = walk(&site.public().join("pagefind/fragment"));
    let unpacked = fragments.iter().map(|f| gunzip(&fs::read(f).unwrap()));
    let with_word = unpacked.filter(|f| f.contains("Құмтөбеліктер")).count();
    assert_eq!(with_word, 1, "the fragment of the page edited");
    assert_as_fresh(&site);
    // A kept page cut short, another gone: their units rendered again.
    let pages = kept_search_pages(&site);
    assert!(pages.len() > 4, "{pages:?}");
    let whole = fs::read(&pages[0]).unwrap();
    fs::write(&pages[0], &whole[..whole.len() / 2]).unwrap();
    fs::remove_file(&pages[1]).unwrap();
    let fourth = site.build();
    assert_eq!(rendered(&fourth.stderr), Some(2), "{}", fourth.stderr);
    assert_as_fresh(&site);
    assert_eq!(fs::read(&pages[0]).unwrap(), whole);
    assert!(pages[1].is_file());
}

/// `bytes`, a gzipped file of the search index, unpacked as text.
#[cfg(feature = "search")]
fn gunzip(bytes: &[u8]) -> String {
    use std::io::Read as _;
    let mut text = String::new();
    let mut gz = flate2::read::GzDecoder::new(bytes);
    gz.read_to_string(&mut text).unwrap();
    text
}

/// `--fresh` renders every page and makes the cache anew: a page damaged
/// in the output in a way its stamp does not show (written in place, same
/// size, its time put back), which the cache's copy shares, is put right
/// for good, not brought back by the next build.
#[test]
fn fresh_renders_every_page_and_makes_the_cache_anew() {
    let site = site();
    site.build();
    let page = site.public().join("kk/rules/first/index.html");
    let good = fs::read(&page).unwrap();
    let time = fs::metadata(&page).unwrap().modified().unwrap();
    let mut damaged = good.clone();
    damaged[..4].copy_from_slice(b"XXXX");
    let mut file = fs::OpenOptions::new().write(true).open(&page).unwrap();
    std::io::Write::write_all(&mut file, &damaged).unwrap();
    file.set_modified(time).unwrap();
    drop(file);
    // Its stamp is as it was: the cache takes it for its own.
    assert_eq!(rendered(&site.build().stderr), Some(0));
    assert_eq!(fs::read(&page).unwrap(), damaged);
    let fresh = site.run(&["build", "--fresh"]);
    assert_eq!(fresh.code, 0, "{}", fresh.stderr);
    assert_eq!(rendered(&fresh.stderr), None, "{}", fresh.stderr);
    assert_eq!(fs::read(&page).unwrap(), good);
    assert_copy_is_the_output(&site);
    let next = site.build();
    assert_eq!(rendered(&next.stderr), Some(0), "{}", next.stderr);
    assert_eq!(fs::read(&page).unwrap(), good);
    assert_as_fresh(&site);
}

#[test]
fn a_file_changed_in_place_in_the_output_is_made_again() {
    let site = site();
    site.build();
    // A tool writing into a published file changes the cache's copy too:
    // they are one file.
    append_in_place(
        &site.public().join("kk/rules/first/index.html"),
        b"<!-- added -->",
    );
    let again = site.build();
    assert_eq!(rendered(&again.stderr), Some(1), "{}", again.stderr);
    assert!(!site.read("kk/rules/first/index.html").contains("added"));
    assert_as_fresh(&site);
}

#[test]
fn records_that_do_not_read_back_whole_are_not_taken() {
    let site = site();
    site.build();
    let path = records(&site);
    let bytes = fs::read(&path).unwrap();
    fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let again = site.build();
    assert_eq!(rendered(&again.stderr), None, "{}", again.stderr);
    assert_as_fresh(&site);
    // Kept again whole.
    assert_eq!(rendered(&site.build().stderr), Some(0));
    // Whole in length, a byte changed: every byte of the middle is a
    // part of a record (a length, a number, a name).
    let mut bytes = fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    fs::write(&path, &bytes).unwrap();
    let damaged = site.build();
    assert_eq!(rendered(&damaged.stderr), None, "{}", damaged.stderr);
    assert_as_fresh(&site);
}

#[test]
fn another_aqparat_renders_every_page() {
    let site = site();
    site.build();
    // A copy of the program is another file: what it renders may differ.
    // Beside the program (the temporary folder may not allow running it).
    let original = PathBuf::from(env!("CARGO_BIN_EXE_aqparat"));
    let other = tempfile::tempdir_in(original.parent().unwrap()).unwrap();
    let program = other.path().join("aqparat");
    fs::copy(&original, &program).unwrap();
    let output = std::process::Command::new(&program)
        .args(["build", "--root"])
        .arg(site.root())
        .env("AQPARAT_LANG", "en")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(rendered(&stderr), None, "{stderr}");
    // It kept the cache for itself: this aqparat renders every page again.
    let back = site.build();
    assert_eq!(rendered(&back.stderr), None, "{}", back.stderr);
    assert_as_fresh(&site);
}

#[test]
fn a_build_while_another_holds_the_cache_builds_without_it() {
    use rustix::fs::{FlockOperation, flock};
    let site = site();
    site.build();
    let kept = fs::read(records(&site)).unwrap();
    let lock = site.root().join(".aqparat/cache/render/lock");
    let held = fs::File::open(&lock).unwrap();
    flock(&held, FlockOperation::NonBlockingLockExclusive).unwrap();
    append(&site, "content/rules/first.kk.md", "Жаңа абзац.");
    let meanwhile = site.build();
    assert_eq!(rendered(&meanwhile.stderr), None, "{}", meanwhile.stderr);
    assert_eq!(fs::read(records(&site)).unwrap(), kept);
    drop(held);
    let after = site.build();
    assert!(rendered(&after.stderr).is_some(), "{}", after.stderr);
    assert_as_fresh(&site);
}

#[test]
fn a_change_every_unit_reads_renders_every_page_afresh() {
    let site = site();
    site.build();
    // site.yaml is read by every unit: nothing can be carried over.
    site.add_to_config("# a comment");
    let again = site.build();
    assert_eq!(rendered(&again.stderr), None, "{}", again.stderr);
    assert_as_fresh(&site);
    assert_eq!(rendered(&site.build().stderr), Some(0));
}

#[test]
fn permissions_changed_in_the_output_are_not_carried_over() {
    use std::os::unix::fs::PermissionsExt;
    let site = site();
    site.build();
    let page = site.public().join("kk/rules/first/index.html");
    let mode = fs::metadata(&page).unwrap().permissions().mode();
    fs::set_permissions(&page, fs::Permissions::from_mode(0o600)).unwrap();
    let again = site.build();
    assert_eq!(rendered(&again.stderr), Some(1), "{}", again.stderr);
    assert_eq!(fs::metadata(&page).unwrap().permissions().mode(), mode);
}

#[test]
fn a_page_put_back_with_its_old_time_is_rendered_again() {
    let site = site();
    let rel = "content/rules/first.kk.md";
    let path = site.root().join(rel);
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    site.build();
    // The same size and modification time, another text: as `cp -p` or
    // `tar x` would put back an older version.
    let text = fs::read_to_string(&path).unwrap();
    let other = text.replacen("Мәтін", "Мәтүн", 1);
    assert!(other != text && other.len() == text.len());
    fs::write(&path, &other).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(before)
        .unwrap();
    let again = site.build();
    assert_eq!(rendered(&again.stderr), Some(1), "{}", again.stderr);
    assert_as_fresh(&site);
}

#[test]
fn a_copy_holding_a_link_is_not_taken() {
    let site = site();
    site.build();
    let copy = site.root().join(".aqparat/cache/render/build");
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), copy.join("kk/elsewhere")).unwrap();
    let again = site.build();
    assert_eq!(rendered(&again.stderr), None, "{}", again.stderr);
    assert!(!site.public().join("kk/elsewhere").exists());
    assert_as_fresh(&site);
    assert_eq!(fs::read_dir(elsewhere.path()).unwrap().count(), 0);
}

/// A link in place of the copy (a committed one, say) that leads to
/// another site's build is neither published nor written through, and a
/// copy of this site's own takes its place.
#[test]
fn a_copy_that_is_a_link_to_another_build_is_neither_taken_nor_written() {
    let (site, other) = (site(), site());
    site.build();
    other.build();
    fs::write(other.public().join("kk/notes.txt"), "the other site's").unwrap();
    let before: Vec<(PathBuf, Vec<u8>)> = (walk(&other.public()).into_iter())
        .map(|file| (file.clone(), fs::read(&file).unwrap()))
        .collect();
    let copy = site.root().join(".aqparat/cache/render/build");
    fs::remove_dir_all(&copy).unwrap();
    std::os::unix::fs::symlink(other.public(), &copy).unwrap();
    // Built afresh, then from the copy made in the link's place.
    for (text, from_the_cache) in [("An edit.", false), ("Another edit.", true)] {
        append(&site, "content/about.kk.md", text);
        let run = site.build();
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(
            rendered(&run.stderr).is_some(),
            from_the_cache,
            "{}",
            run.stderr
        );
        assert!(!site.public().join("kk/notes.txt").exists());
    }
    let after: Vec<(PathBuf, Vec<u8>)> = (walk(&other.public()).into_iter())
        .map(|file| (file.clone(), fs::read(&file).unwrap()))
        .collect();
    assert!(before == after, "the other site's build was written into");
    assert!(!fs::symlink_metadata(&copy).unwrap().is_symlink());
    assert_copy_is_the_output(&site);
    assert_as_fresh(&site);
}

#[test]
fn a_cache_folder_reached_through_a_link_is_neither_read_nor_written() {
    let site = site();
    let elsewhere = tempfile::tempdir().unwrap();
    let render = elsewhere.path().join("cache/render");
    fs::create_dir_all(render.join("build")).unwrap();
    fs::write(render.join("records"), "the user's own").unwrap();
    fs::write(render.join("build/notes.txt"), "the user's notes").unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), site.root().join(".aqparat")).unwrap();
    for _ in 0..2 {
        let run = site.build();
        assert_eq!(rendered(&run.stderr), None, "{}", run.stderr);
    }
    assert_eq!(
        fs::read_to_string(render.join("records")).unwrap(),
        "the user's own"
    );
    let files = walk(&render);
    assert_eq!(
        files,
        [render.join("build/notes.txt"), render.join("records")]
    );
    assert_as_fresh(&site);
}

/// A component is called by name, not by the template that defines it: an
/// edit of the file defining it renders again the pages whose templates
/// call it.
#[test]
fn an_edit_of_a_component_renders_the_pages_that_call_it() {
    let site = site();
    let component = |text: &str| {
        format!(
            "{{% component Badge(label) %}}<p class=\"badge\">{text} {{{{ label }}}}</p>{{% endcomponent Badge %}}"
        )
    };
    site.write("templates/components.html", component("BADGE-ONE"));
    site.write(
        "templates/badge.html",
        "<!DOCTYPE html><html lang=\"{{ page.lang }}\"><title>{{ page.title }}</title>{{ <Badge label={page.lang} /> }}{{ page.content | safe }}</html>",
    );
    let first = site.read_source("content/rules/first.kk.md");
    site.write(
        "content/rules/first.kk.md",
        first.replacen("weight: 10\n", "weight: 10\ntemplate: badge.html\n", 1),
    );
    site.build();
    assert!(
        site.read("kk/rules/first/index.html")
            .contains("BADGE-ONE kk")
    );
    site.save("templates/components.html", component("BADGE-TWO"));
    let again = site.build();
    assert!(
        rendered(&again.stderr).is_none_or(|n| n >= 1),
        "{}",
        again.stderr
    );
    assert!(
        site.read("kk/rules/first/index.html")
            .contains("BADGE-TWO kk"),
        "{}",
        site.read("kk/rules/first/index.html")
    );
    assert_as_fresh(&site);
}
