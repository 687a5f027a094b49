use crate::util::TestSite;

/// The text of `<p class="NAME">` in `html`.
fn paragraph<'a>(html: &'a str, class: &str) -> &'a str {
    let start = html.find(&format!("<p class=\"{class}\">")).unwrap() + class.len() + 12;
    &html[start..start + html[start..].find("</p>").unwrap()]
}

#[test]
fn russian_plural_forms_follow_cldr() {
    let site = TestSite::fixture("locale");
    site.build();
    let html = site.read("ru/index.html");
    assert_eq!(
        paragraph(&html, "plurals"),
        "1 страница|2 страницы|5 страниц|11 страниц|21 страница|22 страницы|25 страниц|0 страниц|1000 страниц|12\u{a0}345 страниц|"
    );
}

#[test]
fn kazakh_plural_forms_follow_cldr() {
    let site = TestSite::fixture("locale");
    site.build();
    let html = site.read("kk/index.html");
    assert_eq!(
        paragraph(&html, "plurals"),
        "1 бет|2 бет|5 бет|11 бет|21 бет|22 бет|25 бет|0 бет|1\u{a0}000 бет|12\u{a0}345 бет|"
    );
}

#[test]
fn numbers_and_dates_are_formatted_per_language() {
    let site = TestSite::fixture("locale");
    site.build();
    let ru = site.read("ru/index.html");
    let kk = site.read("kk/index.html");
    assert_eq!(paragraph(&ru, "number"), "1\u{a0}234\u{a0}567");
    assert_eq!(paragraph(&kk, "number"), "1\u{a0}234\u{a0}567");
    assert_eq!(paragraph(&ru, "date"), "3\u{a0}апреля\u{a0}2020\u{202f}г.");
    assert_eq!(paragraph(&kk, "date"), "2020\u{202f}ж.\u{a0}3\u{a0}сәуір");
}
