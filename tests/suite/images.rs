//! Images (issue 15): beside their pages (shared by both languages) and
//! under `static/`, published as responsive images, resized once and
//! cached; missing, unreadable and unlabelled images are errors at their
//! place.

use std::fs;
use std::io::Cursor;
use std::path::Path;

use image::{DynamicImage, ImageFormat, RgbImage, RgbaImage};

use crate::util::{TestSite, assert_reported, assert_same_as_a_full_build, wait_for_page, watch};

/// A photo-like image of `width` × `height` in `format`: gradients under
/// patches of 6×6 pixels of random shades, detail that survives resizing
/// to a phone's width as a photo's does (noise of single pixels would
/// average out to a few hundred bytes).
pub fn photo(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| {
        let mut h = (x / 6).wrapping_mul(0x9e37_79b9) ^ (y / 6).wrapping_mul(0x85eb_ca6b);
        h ^= h >> 15;
        h = h.wrapping_mul(0x2c1b_3c6d);
        h ^= h >> 12;
        let shade = |i: u32| ((h >> (i * 8)) % 56) as u8;
        let r = (x * 180 / width) as u8 + shade(0);
        let g = (y * 180 / height) as u8 + shade(1);
        let b = ((x + y) * 90 / (width + height)) as u8 + shade(2);
        image::Rgb([r, g, b])
    });
    encode(DynamicImage::ImageRgb8(image), format)
}

fn encode(image: DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut bytes = Cursor::new(Vec::new());
    image.write_to(&mut bytes, format).unwrap();
    bytes.into_inner()
}

/// A page of the `basic` fixture at `rel` whose body is `body` (it starts
/// at line 4).
fn page(site: &TestSite, rel: &str, body: &str) {
    site.write(rel, format!("---\ntitle: Суреттер\n---\n{body}"));
}

/// The `basic` fixture with a 2400×1600 PNG beside `rules/photos.kk.md`
/// and `rules/photos.ru.md`, and an 800×600 JPEG under `static/img/`.
fn site_with_photos() -> TestSite {
    let site = TestSite::fixture("basic");
    site.write(
        "content/rules/photo.png",
        photo(2400, 1600, ImageFormat::Png),
    );
    site.write("static/img/market.jpg", photo(800, 600, ImageFormat::Jpeg));
    page(
        &site,
        "content/rules/photos.kk.md",
        "![Маска киген дәрігер](photo.png)\n\nМәтін.\n\n![Базар](/img/market.jpg \"Базар\")\n",
    );
    page(
        &site,
        "content/rules/photos.ru.md",
        "![Врач в маске](./photo.png)\n",
    );
    site
}

/// The values of the attribute `name` of every `tag` element of `html`.
fn attributes_of(html: &str, tag: &str, name: &str) -> Vec<String> {
    let mut values = Vec::new();
    for element in html.split(&format!("<{tag} ")).skip(1) {
        let element = &element[..element.find('>').unwrap()];
        if let Some(start) = element.find(&format!(" {name}=\"")) {
            let rest = &element[start + name.len() + 3..];
            values.push(rest[..rest.find('"').unwrap()].to_string());
        } else if element.starts_with(&format!("{name}=\"")) {
            let rest = &element[name.len() + 2..];
            values.push(rest[..rest.find('"').unwrap()].to_string());
        }
    }
    values
}

/// Every `URL WIDTHw` of a `srcset`.
fn candidates(srcset: &str) -> Vec<(String, u32)> {
    srcset
        .split(", ")
        .map(|c| {
            let (url, width) = c.split_once(' ').unwrap();
            let width = width.strip_suffix('w').unwrap().parse().unwrap();
            (url.to_string(), width)
        })
        .collect()
}

/// The width and height of the image file at `url` of the build in `public`.
fn size_of(public: &Path, url: &str) -> (u32, u32) {
    let bytes = fs::read(public.join(url.trim_start_matches('/'))).unwrap();
    let image = image::load_from_memory(&bytes).unwrap();
    (image.width(), image.height())
}

#[test]
fn images_beside_pages_and_in_static_become_responsive_images_in_both_languages() {
    let site = site_with_photos();
    site.build();
    let public = site.public();
    let kk = site.read("kk/rules/photos/index.html");
    let ru = site.read("ru/rules/photos/index.html");

    // A WebP source and the source's format, each at 360, 720, 1080 and
    // 1440 px (the photo is wider), the files that wide, heights in
    // proportion.
    let webp = attributes_of(&kk, "source", "srcset");
    let own = attributes_of(&kk, "img", "srcset");
    assert_eq!(webp.len(), 2, "{kk}");
    assert_eq!(attributes_of(&kk, "source", "type"), ["image/webp"; 2]);
    for (srcset, ext, widths) in [
        (&webp[0], ".webp", vec![360, 720, 1080, 1440]),
        (&own[0], ".png", vec![360, 720, 1080, 1440]),
        // Never wider than the source (800 px).
        (&webp[1], ".webp", vec![360, 720, 800]),
        (&own[1], ".jpg", vec![360, 720, 800]),
    ] {
        let candidates = candidates(srcset);
        assert_eq!(
            candidates.iter().map(|c| c.1).collect::<Vec<_>>(),
            widths,
            "{srcset}"
        );
        for (url, width) in candidates {
            assert!(url.starts_with("/images/") && url.ends_with(ext), "{url}");
            let (w, h) = size_of(&public, &url);
            assert_eq!(w, width, "{url}");
            let expected = if ext == ".png" || ext == ".webp" && widths[2] == 1080 {
                width * 2 / 3
            } else {
                width * 3 / 4
            };
            assert_eq!(h, expected, "{url}");
        }
    }
    assert_eq!(attributes_of(&kk, "img", "width"), ["1440", "800"]);
    assert_eq!(attributes_of(&kk, "img", "height"), ["960", "600"]);
    assert_eq!(attributes_of(&kk, "img", "sizes").len(), 2);
    assert_eq!(attributes_of(&kk, "source", "sizes").len(), 2);
    assert_eq!(
        attributes_of(&kk, "img", "alt"),
        ["Маска киген дәрігер", "Базар"]
    );
    assert_eq!(attributes_of(&kk, "img", "title"), ["Базар"]);
    // The first image may be in the first screen; the next loads lazily.
    assert_eq!(attributes_of(&kk, "img", "loading"), ["lazy"]);
    assert_eq!(attributes_of(&kk, "img", "decoding"), ["async"]);
    assert!(kk.contains("alt=\"Базар\" title=\"Базар\" loading=\"lazy\""));
    // The fallback `src` is the source's format at 720 px.
    let src = attributes_of(&kk, "img", "src");
    assert!(
        src[0].ends_with("-720.png") && src[1].ends_with("-720.jpg"),
        "{src:?}"
    );

    // The Russian page shows the same file, at the same addresses.
    assert_eq!(attributes_of(&ru, "source", "srcset"), webp[..1]);
    assert_eq!(attributes_of(&ru, "img", "alt"), ["Врач в маске"]);
    // The static file is still published as it is.
    assert!(public.join("img/market.jpg").is_file());
}

#[test]
fn a_second_build_encodes_nothing_and_gives_the_same_files() {
    let site = site_with_photos();
    let first = site.build();
    // 4 PNG and 4 WebP of the photo, once for both languages (the second
    // finds the first's in the cache); 3 JPEG and 3 WebP of the static one.
    assert!(
        first
            .stderr
            .contains("images: 14 encoded, 8 taken from the cache"),
        "{}",
        first.stderr
    );
    let cache = site.root().join(".aqparat/cache/images");
    let files = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let cached = files(&cache);
    assert_eq!(cached.len(), 14);
    let published = files(&site.public().join("images"));
    assert_eq!(published, cached);
    // git leaves the cache out.
    assert!(
        fs::read_to_string(site.root().join(".aqparat/.gitignore"))
            .unwrap()
            .lines()
            .any(|l| l == "*")
    );

    // Every page rendered again (`--fresh`: not taken from the render
    // cache, which a site without search, as without the `search` feature,
    // would use), each image taken from the image cache.
    let second = site.run(&["build", "--fresh"]);
    assert!(
        second
            .stderr
            .contains("images: 0 encoded, 22 taken from the cache"),
        "{}",
        second.stderr
    );
    assert_eq!(files(&site.public().join("images")), published);
    assert_eq!(files(&cache), cached);

    // Without the cache the same files are made again.
    fs::remove_dir_all(&cache).unwrap();
    let third = site.run(&["build", "--fresh"]);
    assert!(
        third.stderr.contains("images: 14 encoded"),
        "{}",
        third.stderr
    );
    assert_eq!(files(&site.public().join("images")), published);
}

#[test]
fn missing_unlabelled_and_broken_images_are_errors_at_their_place() {
    let site = site_with_photos();
    site.write("content/rules/broken.png", b"not an image at all");
    site.write("content/rules/notes.txt", b"text");
    page(
        &site,
        "content/rules/bad.kk.md",
        "![Маска](phot.png)\n\nМәтін ![Базар](/img/markett.jpg).\n\n![](photo.png)\n\n\
         ![Сынған](broken.png)\n\n![Мәтін](notes.txt)\n",
    );
    for command in ["build", "check"] {
        let run = site.run(&[command]);
        assert_reported(
            &run,
            &[
                "content/rules/bad.kk.md:4:1: error: image not found: `phot.png` (did you mean `photo.png`?)",
                "content/rules/bad.kk.md:6:7: error: image not found: `/img/markett.jpg` (did you mean `/img/market.jpg`?)",
                "content/rules/bad.kk.md:8:1: error: image without alt text: `photo.png`",
                "content/rules/bad.kk.md:10:1: error: cannot read the image `content/rules/broken.png`:",
                "content/rules/bad.kk.md:12:1: error: `content/rules/notes.txt` is not an image aqparat can publish",
            ],
            command,
        );
        // The hint says how to mark a decorative image.
        assert!(run.stderr.contains("`![-](border.png)`"), "{}", run.stderr);
        assert!(!site.public().exists(), "nothing published");
    }
}

/// A missing image written in other letter case, or in the other place
/// (a static file by a relative path or from `/` without its folder, a
/// file of the page's folder from `/`), gets the path meant.
#[test]
fn a_missing_image_gets_the_file_of_its_name_elsewhere() {
    let site = site_with_photos();
    page(
        &site,
        "content/rules/near.kk.md",
        "![Маска](Photo.PNG)\n\n![Базар](market.jpg)\n\n![Маска](/photo.png)\n\n![Базар](/market.jpg)\n",
    );
    let run = site.run(&["check"]);
    assert_reported(
        &run,
        &[
            "content/rules/near.kk.md:4:1: error: image not found: `Photo.PNG` (did you mean `photo.png`?)",
            "content/rules/near.kk.md:6:1: error: image not found: `market.jpg` (did you mean `/img/market.jpg`?)",
            "content/rules/near.kk.md:8:1: error: image not found: `/photo.png` (did you mean `photo.png`?)",
            "content/rules/near.kk.md:10:1: error: image not found: `/market.jpg` (did you mean `/img/market.jpg`?)",
        ],
        "images elsewhere",
    );
}

#[test]
fn a_decorative_image_gets_an_empty_alt() {
    let site = site_with_photos();
    page(&site, "content/rules/border.kk.md", "![-](photo.png)\n");
    site.build();
    let html = site.read("kk/rules/border/index.html");
    assert_eq!(attributes_of(&html, "img", "alt"), [""]);
}

#[test]
fn an_image_damaged_past_its_header_is_an_error_not_a_panic() {
    let site = TestSite::fixture("basic");
    let whole = photo(1000, 800, ImageFormat::Png);
    site.write("content/rules/cut.png", &whole[..whole.len() / 2]);
    page(&site, "content/rules/cut.kk.md", "![Кесілген](cut.png)\n");
    let run = site.run(&["build"]);
    assert_reported(
        &run,
        &["content/rules/cut.kk.md:4:1: error: cannot read the image `content/rules/cut.png`:"],
        "build",
    );
}

#[test]
fn transparent_pngs_keep_their_alpha_and_webp_sources_stay_webp() {
    let site = TestSite::fixture("basic");
    let logo = RgbaImage::from_fn(500, 100, |x, _| image::Rgba([0, 0, 0, (x % 256) as u8]));
    site.write(
        "content/logo.png",
        encode(DynamicImage::ImageRgba8(logo), ImageFormat::Png),
    );
    let webp = RgbaImage::from_fn(400, 300, |x, y| image::Rgba([x as u8, y as u8, 0, 255]));
    site.write(
        "content/map.webp",
        encode(DynamicImage::ImageRgba8(webp), ImageFormat::WebP),
    );
    page(
        &site,
        "content/logos.kk.md",
        "![Логотип](logo.png) ![Карта](map.webp)\n",
    );
    site.build();
    let html = site.read("kk/logos/index.html");
    let png = candidates(&attributes_of(&html, "img", "srcset")[0]);
    let bytes = fs::read(site.public().join(png[0].0.trim_start_matches('/'))).unwrap();
    assert!(image::load_from_memory(&bytes).unwrap().color().has_alpha());
    // A WebP source has no other format beside it: an <img>, no <picture>.
    assert_eq!(attributes_of(&html, "source", "srcset").len(), 1, "{html}");
    let map = candidates(&attributes_of(&html, "img", "srcset")[1]);
    assert_eq!(map.iter().map(|c| c.1).collect::<Vec<_>>(), [360, 400]);
    assert!(map.iter().all(|c| c.0.ends_with(".webp")));
}

#[test]
fn watch_publishes_an_image_added_to_a_page() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("out");
    let watching = watch(site.root(), &output, &[]);
    site.save("content/rules/new.png", photo(900, 600, ImageFormat::Png));
    // An edit of a page (its heading, which others link to, kept).
    page(
        &site,
        "content/rules/first.kk.md",
        "## Қолды жуу\n\n![Жаңа сурет](new.png)\n",
    );
    page(
        &site,
        "content/rules/first.ru.md",
        "## Мытьё рук\n\n![Новое фото](new.png)\n",
    );
    wait_for_page(&output, "kk/rules/first/index.html", "<picture>");
    wait_for_page(&output, "ru/rules/first/index.html", "<picture>");
    let html = fs::read_to_string(output.join("kk/rules/first/index.html")).unwrap();
    for (url, width) in candidates(&attributes_of(&html, "img", "srcset")[0]) {
        assert_eq!(size_of(&output, &url).0, width);
    }
    // The same image, changed: the page shows the new one.
    let before = attributes_of(&html, "img", "src");
    site.save("content/rules/new.png", photo(600, 400, ImageFormat::Png));
    crate::util::wait_until("the new image", || {
        let html = fs::read_to_string(output.join("kk/rules/first/index.html")).ok()?;
        (attributes_of(&html, "img", "src") != before).then_some(())
    });
    crate::util::wait_for_search_index(&watching);
    assert_same_as_a_full_build(&site, &output, &watching);
    // One language's page no longer shows it: the other's still does.
    page(
        &site,
        "content/rules/first.kk.md",
        "## Қолды жуу\n\nМәтін.\n",
    );
    wait_for_page(&output, "kk/rules/first/index.html", "Мәтін.");
    crate::util::wait_for_search_index(&watching);
    assert_same_as_a_full_build(&site, &output, &watching);
    watching.terminate();
}

#[test]
#[cfg(feature = "search")]
fn alt_texts_are_in_the_search_index() {
    use std::io::Read;
    let site = site_with_photos();
    site.build();
    let fragments = fs::read_dir(site.public().join("pagefind/fragment")).unwrap();
    let texts: Vec<String> = fragments
        .map(|entry| {
            let bytes = fs::read(entry.unwrap().path()).unwrap();
            let mut text = String::new();
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_string(&mut text)
                .unwrap();
            text
        })
        .collect();
    assert!(texts.iter().any(|t| t.contains("Маска киген дәрігер")));
    assert!(texts.iter().any(|t| t.contains("Врач в маске")));
}
