//! What the build gives residents besides pages: the search index of each
//! language, the index of all pages that replaces search without
//! JavaScript, and the QR code of printed memos. The browser side of these
//! is in browser.rs.

use resvg::{tiny_skia, usvg};

use crate::util::{TestSite, attributes, parse_xml, walk};

/// Pagefind's index, which only an aqparat with the `search` feature makes.
#[cfg(feature = "search")]
mod search_index {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    use crate::util::{TestSite, snapshot, walk, watch};

    /// `pagefind/pagefind-entry.json`: Pagefind's list of language indexes.
    fn search_entry(site: &TestSite) -> serde_json::Value {
        serde_json::from_str(&site.read("pagefind/pagefind-entry.json")).unwrap()
    }

    /// The `.html` files under `dir` of the output.
    fn pages_under(site: &TestSite, dir: &str) -> usize {
        walk(&site.public().join(dir))
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .count()
    }

    #[test]
    fn each_language_gets_its_own_search_index_of_its_pages() {
        let site = TestSite::example();
        let run = site.build();
        assert_eq!(run.code, 0, "{}", run.stderr);
        let entry = search_entry(&site);
        let languages = entry["languages"].as_object().unwrap();
        assert_eq!(
            languages.keys().collect::<Vec<_>>(),
            ["kk", "ru"],
            "{entry}"
        );
        for lang in ["kk", "ru"] {
            let index = &languages[lang];
            // Every page of the language, the infographics included, but the
            // 404 page and the index of all pages.
            let pages = pages_under(&site, lang) - 1 - pages_under(&site, &format!("{lang}/pages"));
            assert!(pages_under(&site, &format!("{lang}/infographics")) > 1);
            assert_eq!(index["page_count"], pages, "{lang}: {entry}");
            let hash = index["hash"].as_str().unwrap();
            assert!(hash.starts_with(&format!("{lang}_")), "{hash}");
            let meta = format!("pagefind/pagefind.{hash}.pf_meta");
            assert!(site.public().join(&meta).is_file(), "{meta}");
        }
        // Pagefind's library is there; its ready-made interfaces, which the
        // theme does not use, are not.
        assert!(site.public().join("pagefind/pagefind.js").is_file());
        assert!(!site.public().join("pagefind/pagefind-ui.js").exists());
        // The theme's script loads that library, on every page.
        let page = site.read("kk/rules/protection/index.html");
        assert!(page.contains("<script src=\"/search.js\" defer></script>"));
        assert!(page.contains("data-search=\"/pagefind/pagefind.js\""));
    }

    /// Kept file `file`'s bytes before its packed contents (none for a
    /// chunk, `.packed`; a page's tokenised words for a page, `.page`)
    /// and those packed contents: a chunk's file ends with a CRC-32 of
    /// them, a page's with the length of its packed fragment and a CRC-32
    /// of all before (each four bytes, little-endian).
    fn kept_parts(file: &Path) -> (Vec<u8>, Vec<u8>) {
        let kept = std::fs::read(file).unwrap();
        let end = kept.len().saturating_sub(4);
        if file.extension().is_some_and(|e| e == "page") {
            let end = end.saturating_sub(4);
            let len = u32::from_le_bytes(kept[end..end + 4].try_into().unwrap()) as usize;
            let start = end.saturating_sub(len);
            (kept[..start].to_vec(), kept[start..end].to_vec())
        } else {
            (Vec::new(), kept[..end].to_vec())
        }
    }

    /// The packed contents of kept file `file` (see [`kept_parts`]), and
    /// the same contents packed by flate2 at its best, which only a file
    /// taken from the cache can bring into an index, now kept in `file`
    /// in their place.
    fn repack_kept(file: &Path) -> (Vec<u8>, Vec<u8>) {
        use std::io::Write as _;
        let (before, mine) = kept_parts(file);
        let unpacked = gunzip(&mine);
        let mut packer = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        packer.write_all(&unpacked).unwrap();
        let repacked = packer.finish().unwrap();
        assert_ne!(repacked, mine);
        let mut kept = [&before[..], &repacked].concat();
        if !before.is_empty() {
            kept.extend_from_slice(&(repacked.len() as u32).to_le_bytes());
        }
        let mut crc = flate2::Crc::new();
        crc.update(&kept);
        kept.extend_from_slice(&crc.sum().to_le_bytes());
        std::fs::write(file, kept).unwrap();
        (mine, repacked)
    }

    /// The kept files of `kept` whose names end with `.{ext}`.
    fn kept_of<'a>(kept: &'a [PathBuf], ext: &str) -> Vec<&'a PathBuf> {
        (kept.iter())
            .filter(|f| f.extension().is_some_and(|e| e == ext))
            .collect()
    }

    /// Requires the index files `after` to be those of `before`, but each
    /// file that held a `mine` of `repacked`, which holds its `repacked`.
    fn assert_same_index_but(
        before: &BTreeMap<PathBuf, Vec<u8>>,
        after: &BTreeMap<PathBuf, Vec<u8>>,
        repacked: &[(Vec<u8>, Vec<u8>)],
    ) {
        assert_eq!(after.len(), before.len());
        for (mine, _) in repacked {
            assert_eq!(before.values().filter(|b| b == &mine).count(), 1);
        }
        for (file, bytes) in before {
            match repacked.iter().find(|(mine, _)| mine == bytes) {
                Some((_, repacked)) => assert_eq!(&after[file], repacked, "{file:?}"),
                None => assert_eq!(&after[file], bytes, "{file:?}"),
            }
        }
    }

    #[test]
    fn packed_index_files_kept_in_the_cache_make_the_same_index() {
        let site = TestSite::example();
        let cache = site.root().join(".aqparat/cache/search");
        // `check` makes no index, and keeps nothing.
        assert_eq!(site.run(&["check"]).code, 0);
        assert!(!cache.exists());
        assert_eq!(site.build().code, 0);
        let index = snapshot(&site.public().join("pagefind"));
        // A kept file for each page (its words and packed fragment) and
        // each chunk of the word index.
        let packed = packed_index_files(&index).len();
        assert!(packed > 10, "{packed}");
        assert_cache_holds(&cache, &index);
        let kept = walk(&cache);
        assert_eq!(kept.len(), packed);
        // One kept page cut short; another's fragment and a kept chunk
        // packed otherwise.
        let pages = kept_of(&kept, "page");
        let (cut, other) = (pages[0], kept_of(&kept, "packed")[0]);
        let fragment = kept_parts(cut).1;
        let whole = std::fs::read(cut).unwrap();
        std::fs::write(cut, &whole[..whole.len() / 2]).unwrap();
        let repacked = [repack_kept(other), repack_kept(pages[1])];
        assert_eq!(site.build().code, 0);
        let again = snapshot(&site.public().join("pagefind"));
        assert_same_index_but(&index, &again, &repacked);
        // The page cut short was tokenised again, and is kept whole again
        // (its words numbered as this build numbered them).
        let again = std::fs::read(cut).unwrap();
        let (body, crc) = again.split_at(again.len() - 4);
        let mut sum = flate2::Crc::new();
        sum.update(body);
        assert_eq!(sum.sum().to_le_bytes(), crc);
        assert_eq!(kept_parts(cut).1, fragment);
        // `check` leaves the cache as it is.
        let cache_before = snapshot(&cache);
        std::fs::remove_file(other).unwrap();
        assert_eq!(site.run(&["check"]).code, 0);
        assert!(!other.exists());
        assert_eq!(snapshot(&cache).len(), cache_before.len() - 1);
    }

    #[test]
    fn a_build_removes_the_packed_files_its_index_no_longer_uses() {
        let site = TestSite::example();
        let cache = site.root().join(".aqparat/cache/search");
        assert_eq!(site.build().code, 0);
        let first: Vec<PathBuf> = walk(&cache);
        // What aqparat did not make, and a file named as it names them.
        let foreign = [
            cache.join("notes.txt"),
            cache.join("1-0abc.packed"),
            cache.join("0123456789abcdef0123456789abcdef.page"),
        ];
        for file in &foreign {
            std::fs::write(file, "kept by hand").unwrap();
        }
        // A page's text changed: its fragment and some chunks change.
        let page = "content/about.kk.md";
        let text = std::fs::read_to_string(site.root().join(page)).unwrap();
        site.write(page, format!("{text}\nЖаңа сөйлем: жылжымалы құмтөбе.\n"));
        assert_eq!(site.build().code, 0);
        let index = snapshot(&site.public().join("pagefind"));
        // The cache holds what this index packs, and nothing else of its
        // own: the old page and chunks are gone, as are the files named
        // as they are.
        assert_cache_holds(&cache, &index);
        let now = walk(&cache);
        assert!(first.iter().any(|f| !now.contains(f)), "nothing removed");
        assert!(now.iter().any(|f| !first.contains(f)), "nothing kept");
        assert!(now.contains(&foreign[0]) && !foreign[1].exists() && !foreign[2].exists());
        // `check` prunes nothing.
        let before = snapshot(&cache);
        site.write(page, text);
        assert_eq!(site.run(&["check"]).code, 0);
        assert_eq!(snapshot(&cache), before);
    }

    /// The name of file `path`.
    fn file_name(path: &Path) -> String {
        path.file_name().unwrap().to_string_lossy().into_owned()
    }

    /// Requires the packed files kept in folder `cache` (but `notes.txt`)
    /// to be those of the fragments and chunks of index files `index`.
    fn assert_cache_holds(cache: &Path, index: &BTreeMap<PathBuf, Vec<u8>>) {
        let (kept, packed) = (unpacked_kept(cache), packed_index_files(index));
        let (only_kept, only_packed) = (kept.difference(&packed), packed.difference(&kept));
        let (only_kept, only_packed) = (only_kept.count(), only_packed.count());
        assert_eq!(
            (only_kept, only_packed),
            (0, 0),
            "files kept but not in the index, and the other way"
        );
    }

    /// The unpacked contents of the fragments and word index chunks among
    /// index files `index`.
    fn packed_index_files(index: &BTreeMap<PathBuf, Vec<u8>>) -> BTreeSet<Vec<u8>> {
        let packed = index.iter().filter(|(path, _)| {
            let ext = path.extension().unwrap_or_default();
            ext == "pf_fragment" || ext == "pf_index"
        });
        packed.map(|(_, bytes)| gunzip(bytes)).collect()
    }

    /// The unpacked contents of the packed files kept in folder `cache`
    /// (as they are, if they do not unpack), but `notes.txt`.
    fn unpacked_kept(cache: &Path) -> BTreeSet<Vec<u8>> {
        let kept = walk(cache)
            .into_iter()
            .filter(|f| file_name(f) != "notes.txt");
        kept.map(|file| {
            let (_, packed) = kept_parts(&file);
            try_gunzip(&packed).unwrap_or_else(|| std::fs::read(&file).unwrap())
        })
        .collect()
    }

    /// `packed`, unpacked by flate2.
    fn gunzip(packed: &[u8]) -> Vec<u8> {
        try_gunzip(packed).unwrap()
    }

    /// `packed`, unpacked by flate2, if it unpacks.
    fn try_gunzip(packed: &[u8]) -> Option<Vec<u8>> {
        use std::io::Read as _;
        let mut unpacked = Vec::new();
        let mut gz = flate2::read::GzDecoder::new(packed);
        gz.read_to_end(&mut unpacked).ok().map(|_| unpacked)
    }

    #[test]
    fn a_watchers_search_indexer_takes_packed_files_a_build_kept() {
        let site = TestSite::example();
        assert_eq!(site.build().code, 0);
        let index = snapshot(&site.public().join("pagefind"));
        let kept = walk(&site.root().join(".aqparat/cache/search"));
        // A page's fragment of the kept files, packed otherwise.
        let repacked = repack_kept(kept_of(&kept, "page")[0]);
        let output = site.root().join("published");
        // The first build of `watch` publishes its index with its pages.
        let watch = watch(site.root(), &output, &[]);
        let published = snapshot(&output.join("pagefind"));
        assert_same_index_but(&index, &published, &[repacked]);
        drop(watch);
        // The session kept no chunk there, and pruned nothing.
        assert_eq!(walk(&site.root().join(".aqparat/cache/search")), kept);
    }
}

#[test]
fn without_javascript_search_is_a_link_to_an_index_of_all_pages() {
    let site = TestSite::example();
    assert_eq!(site.build().code, 0);
    for (lang, other) in [("kk", "ru"), ("ru", "kk")] {
        let page = site.read(&format!("{lang}/rules/protection/index.html"));
        let index_url = format!("/{lang}/pages/");
        assert!(
            page.contains(&format!("<a class=\"search-link\" href=\"{index_url}\"")),
            "{lang}: the search link"
        );
        let index = site.read(&format!("{lang}/pages/index.html"));
        let links = attributes(&index, "href");
        // Every page of the language, the infographics included, and none
        // of the other.
        for path in walk(&site.public().join(lang)) {
            let rel = path
                .strip_prefix(site.public())
                .unwrap()
                .to_string_lossy()
                .to_string();
            let Some(dir) = rel.strip_suffix("index.html") else {
                continue;
            };
            if dir != format!("{lang}/pages/") {
                let url = format!("/{dir}");
                assert!(links.contains(&url), "{lang}/pages/ lacks {url}");
            }
        }
        assert!(
            !links
                .iter()
                .any(|l| l.starts_with(&format!("/{other}/rules"))),
            "{lang}/pages/ lists only {lang} pages"
        );
        assert!(index.contains(&format!("hreflang=\"{other}\" href=\"http")));
    }
    // It is in the sitemap, with its translation.
    let sitemap = site.read("sitemap.xml");
    let doc = parse_xml(&sitemap);
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.contains(&"https://mangystau-volunteers.example/kk/pages/"));
    assert!(locs.contains(&"https://mangystau-volunteers.example/ru/pages/"));
}

/// The inline SVG of the `print-qr` figure of `html`.
fn qr_svg(html: &str) -> &str {
    let figure = html
        .split("<figure class=\"print-qr\">")
        .nth(1)
        .expect("a print-qr figure");
    let start = figure.find("<svg").unwrap();
    let end = figure.find("</svg>").unwrap() + "</svg>".len();
    &figure[start..end]
}

/// Rasterises `svg` at 8 pixels per module and decodes its QR code.
fn decode_qr(svg: &str) -> String {
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).unwrap();
    let scale = 8.0;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale) as u32,
        (size.height() * scale) as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w, h).unwrap();
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w as usize, h as usize, |x, y| {
        pixmap.pixel(x as u32, y as u32).unwrap().demultiply().red()
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().unwrap().1
}

#[test]
fn a_printed_page_carries_a_qr_code_of_its_address_in_its_language() {
    let site = TestSite::example();
    assert_eq!(site.build().code, 0);
    for page in [
        "kk/rules/protection/",
        "ru/rules/protection/",
        "ru/",
        "kk/infographics/",
    ] {
        let html = site.read(&format!("{page}index.html"));
        let url = format!("https://mangystau-volunteers.example/{page}");
        assert_eq!(decode_qr(qr_svg(&html)), url, "{page}");
        // Readable under the code, for those without a camera.
        assert!(html.contains(&format!("<br>{url}</figcaption>")), "{page}");
    }
    // A 404 page has no address worth printing.
    assert!(!site.read("kk/404.html").contains("print-qr"));
}

/// The codes are kept in the site's cache by their text: a later build
/// takes them from there, a damaged cache only costs the time to make them
/// again, and a new address gets its own code, not a kept one.
#[test]
fn qr_codes_kept_in_the_cache_are_taken_only_for_their_own_address() {
    let site = TestSite::example();
    let cache = site.root().join(".aqparat/cache/qr/codes");
    // `check` writes nothing, the cache neither.
    assert_eq!(site.run(&["check"]).code, 0);
    assert!(!cache.exists());
    assert_eq!(site.build().code, 0);
    let page = "kk/rules/protection/index.html";
    let first = site.read(page);
    let kept = std::fs::read(&cache).expect("the codes are kept");
    assert!(kept.starts_with(b"aqparat QR codes"));
    // Taken from the cache: the same page. (`--fresh`: every page rendered
    // again, not taken from the render cache, which a site without search,
    // as without the `search` feature, would use.)
    assert_eq!(site.run(&["build", "--fresh"]).code, 0);
    assert_eq!(site.read(page), first);
    // A damaged cache: the same page, and the cache made whole again.
    std::fs::write(&cache, &kept[..kept.len() / 2]).unwrap();
    assert_eq!(site.run(&["build", "--fresh"]).code, 0);
    assert_eq!(site.read(page), first);
    assert_eq!(std::fs::read(&cache).unwrap(), kept);
    // Another address: the codes of the new addresses.
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    let moved = "https://volunteers.example.kz/";
    site.write(
        "site.yaml",
        config.replace("https://mangystau-volunteers.example/", moved),
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = site.read(page);
    assert_eq!(
        decode_qr(qr_svg(&html)),
        format!("{moved}kk/rules/protection/")
    );
}

#[test]
fn a_site_may_go_without_the_search_index() {
    let site = TestSite::example();
    site.add_to_config("search: false");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!site.public().join("pagefind").exists());
    let page = site.read("kk/rules/protection/index.html");
    // The index of all pages stays, without the search box or its script.
    assert!(page.contains("<a class=\"search-link\" href=\"/kk/pages/\""));
    assert!(!page.contains("data-search"));
    assert!(!page.contains("search.js"));
}

/// Adds `count` pages in each language to a new section `archive` of `site`.
fn add_archive(site: &TestSite, count: usize) {
    for lang in ["kk", "ru"] {
        site.write(
            &format!("content/archive/_index.{lang}.md"),
            "---\ntitle: Мұрағат\n---\n",
        );
        for n in 1..=count {
            site.write(
                &format!("content/archive/note-{n:04}.{lang}.md"),
                format!("---\ntitle: Хабар {n:04}\ndate: 2020-04-01\n---\nМәтін.\n"),
            );
        }
    }
}

#[test]
fn a_large_index_of_all_pages_comes_in_parts() {
    let site = TestSite::example();
    add_archive(&site, 620);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let first = site.read("kk/pages/index.html");
    let second = site.read("kk/pages/2/index.html");
    assert!(!site.public().join("kk/pages/3").exists(), "two parts");
    // The parts lead to each other.
    assert!(first.contains("<a href=\"/kk/pages/2/\" rel=\"next\">"));
    assert!(second.contains("<a href=\"/kk/pages/\" rel=\"prev\">"));
    assert!(second.contains("<title>Барлық беттер · 2/2"));
    // Every page of the language is in exactly one part; the archive's
    // heading is repeated where it continues.
    let page_links = |html: &str| -> Vec<String> {
        attributes(html.split("<main").nth(1).unwrap(), "href")
            .into_iter()
            .filter(|l| l.starts_with("/kk/") && !l.starts_with("/kk/pages/"))
            .collect()
    };
    let (a, b) = (page_links(&first), page_links(&second));
    let entries = |html: &str| {
        let list = html
            .split("<main")
            .nth(1)
            .unwrap()
            .split("class=\"pager parts\"")
            .next()
            .unwrap();
        list.matches("<h2 id=\"group-").count() + list.matches("<li><a href=").count()
    };
    assert_eq!(entries(&first), 500);
    for n in [1, 300, 620] {
        let url = format!("/kk/archive/note-{n:04}/");
        let found = a.iter().chain(&b).filter(|l| **l == url).count();
        assert_eq!(found, 1, "{url}");
    }
    assert!(a.contains(&"/kk/archive/".to_string()) && b.contains(&"/kk/archive/".to_string()));
    // The statistics pages are listed once, at the end.
    assert!(!first.contains("id=\"group-infographics\""));
    assert!(second.contains("id=\"group-infographics\""));
    // Each part is in the sitemap.
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://mangystau-volunteers.example/kk/pages/2/</loc>"));
}
