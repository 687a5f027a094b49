//! What templates can call besides Tera's built-ins:
//!
//! - `t(key="…", count=n)`: the UI string `key` in the page's language; with
//!   `count`, the CLDR plural form for `n`, with `{count}` replaced by `n`
//!   formatted for the language.
//! - `value | num`: an integer with the language's digit grouping.
//! - `"2020-04-03" | date`: a date in the language's long form.
//! - `qr(text="…", label="…")`: the QR code of `text` as inline SVG (empty
//!   if `text` is too long for one), for printed memos.
//!
//! The language is the `lang` variable of the context being rendered. The
//! context's `i18n` holds the same strings as `t(key=…)` gives, but those
//! with plural forms (see [`Localizer::texts`]).

use std::collections::BTreeSet;
use std::sync::Arc;

use foldhash::HashMap;
use tera::{Error, Kwargs, State, Tera, TeraResult, Value};

use super::qr::Codes;
use crate::date::Date;
use crate::load::UiString;
use crate::locale::LocaleFormat;
use crate::model::Site;

/// UI strings and formatting rules of every language.
pub struct Localizer {
    langs: HashMap<String, (LocaleFormat, HashMap<String, UiString>)>,
    /// The default language's strings, which stand in for a string that
    /// another language lacks: that is reported (by `validate`) once, at
    /// the language's strings file, not again at every use.
    fallback: HashMap<String, UiString>,
}

impl Localizer {
    /// Collects the formatting rules and UI strings of the site's languages.
    pub fn new(site: &Site) -> Localizer {
        let langs = site
            .languages
            .iter()
            .map(|l| {
                let strings = site.theme.strings.get(&l.code).cloned().unwrap_or_default();
                (l.code.clone(), (LocaleFormat::new(&l.code), strings))
            })
            .collect();
        let default = site.code(site.default_lang);
        let fallback = site.theme.strings.get(default).cloned().unwrap_or_default();
        Localizer { langs, fallback }
    }

    /// The UI strings of `lang` that have no plural forms, the default
    /// language's standing in for those it lacks: the context's `i18n`,
    /// which a template reads (`i18n.last_updated`) for a lookup where
    /// `t(key=…)` is a call of a function with its arguments (Tera builds a
    /// map of them at each call, twenty-odd a page).
    pub fn texts(&self, lang: &str) -> tera::Map {
        let strings = self.langs.get(lang).map(|(_, strings)| strings);
        // In the order of their keys: the same strings, the same map.
        let keys: BTreeSet<&String> = (self.fallback.keys())
            .chain(strings.into_iter().flat_map(|strings| strings.keys()))
            .collect();
        let mut texts = tera::Map::new();
        for key in keys {
            if let Some(UiString::Text(text)) = self.string(strings, key) {
                texts.insert(key.clone().into(), text.as_str().into());
            }
        }
        texts
    }

    /// The string `key` of a language's `strings`, the default language's
    /// standing in where it has none.
    fn string<'s>(
        &'s self,
        strings: Option<&'s HashMap<String, UiString>>,
        key: &str,
    ) -> Option<&'s UiString> {
        (strings.and_then(|strings| strings.get(key))).or_else(|| self.fallback.get(key))
    }

    /// The formatting rules of `lang`.
    pub fn format(&self, lang: &str) -> Option<&LocaleFormat> {
        self.langs.get(lang).map(|(f, _)| f)
    }

    /// The UI string `key` in `lang`, for `count` when given.
    pub fn translate(&self, lang: &str, key: &str, count: Option<i64>) -> Result<String, String> {
        let (format, strings) = self
            .langs
            .get(lang)
            .ok_or_else(|| format!("no UI strings for language `{lang}`"))?;
        let string = (self.string(Some(strings), key))
            .ok_or_else(|| format!("UI string `{key}` is not defined in i18n/{lang}.yaml"))?;
        match (string, count) {
            (UiString::Text(text), None) => Ok(text.clone()),
            (UiString::Text(text), Some(n)) => Ok(text.replace("{count}", &format.number(n))),
            (UiString::Plural(_), None) => Err(format!(
                "UI string `{key}` has plural forms; call t(key=\"{key}\", count=…)"
            )),
            (UiString::Plural(forms), Some(n)) => {
                let form = forms
                    .get(format.plural_category(n))
                    .or_else(|| forms.get("other"))
                    .ok_or_else(|| format!("UI string `{key}` lacks the plural form for {n}"))?;
                Ok(form.replace("{count}", &format.number(n)))
            }
        }
    }
}

/// `qr(text="…", label="…")`, with the codes of `codes`.
fn register_qr(tera: &mut Tera, codes: Arc<Codes>) {
    tera.register_function(
        "qr",
        move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let text: &str = kwargs.must_get("text")?;
            let label: Option<&str> = kwargs.get("label")?;
            Ok(codes.svg(text, label.unwrap_or(text)).unwrap_or_default())
        },
    );
}

/// Registers `t`, `num`, `date` and `qr` on `tera`, in place of the
/// placeholders the theme was parsed with (see `load::theme`).
pub fn register(tera: &mut Tera, localizer: Arc<Localizer>, codes: Arc<Codes>) {
    register_qr(tera, codes);
    let l = localizer.clone();
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let key: &str = kwargs.must_get("key")?;
            let count: Option<i64> = kwargs.get("count")?;
            with_lang(state, |lang| {
                l.translate(lang, key, count).map_err(Error::message)
            })
        },
    );
    let l = localizer.clone();
    tera.register_filter(
        "num",
        move |n: i64, _: Kwargs, state: &State| -> TeraResult<String> {
            with_lang(state, |lang| {
                let format = l
                    .format(lang)
                    .ok_or_else(|| Error::message(format!("unknown language `{lang}`")))?;
                Ok(format.number(n))
            })
        },
    );
    tera.register_filter(
        "date",
        move |d: &str, _: Kwargs, state: &State| -> TeraResult<String> {
            let date = Date::parse(d).map_err(Error::message)?;
            with_lang(state, |lang| {
                let format = localizer
                    .format(lang)
                    .ok_or_else(|| Error::message(format!("unknown language `{lang}`")))?;
                Ok(format.date(date))
            })
        },
    );
}

/// `f` of the `lang` of the context being rendered, read in place: taken
/// as a `String`, Tera would format it anew at each call (a theme that
/// calls `t` for every string calls it twenty-odd times a page).
fn with_lang<T>(state: &State, f: impl FnOnce(&str) -> TeraResult<T>) -> TeraResult<T> {
    let lang = state.get::<Value>("lang")?;
    match lang.as_ref().and_then(Value::as_str) {
        Some(lang) => f(lang),
        None => Err(Error::message("the context has no `lang`")),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::testing::SiteBuilder;

    /// The texts of `lang`, as plain strings.
    fn texts(localizer: &Localizer, lang: &str) -> BTreeMap<String, String> {
        (localizer.texts(lang).into_iter())
            .map(|(key, text)| (key.to_string(), text.as_str().unwrap().to_string()))
            .collect()
    }

    /// `i18n` holds what `t` without a count gives, key for key: a
    /// language's own string, the default language's where it lacks one,
    /// and nothing for a string with plural forms in the language, even
    /// where the default language's is plain text.
    #[test]
    fn texts_are_what_t_gives_without_a_count() {
        let text = |text: &str| UiString::Text(text.to_string());
        let plural = || {
            let forms = [("one", "{count} бет"), ("other", "{count} бет")];
            UiString::Plural(forms.map(|(k, v)| (k.to_string(), v.to_string())).into())
        };
        let mut site = SiteBuilder::rules().build();
        site.theme.strings = HashMap::from_iter([
            (
                "kk".to_string(),
                HashMap::from_iter([
                    ("home".to_string(), text("Басты бет")),
                    ("last_updated".to_string(), text("Соңғы жаңарту")),
                    ("pages_count".to_string(), plural()),
                ]),
            ),
            (
                "ru".to_string(),
                HashMap::from_iter([
                    ("last_updated".to_string(), plural()),
                    ("pages_count".to_string(), plural()),
                ]),
            ),
        ]);
        let localizer = Localizer::new(&site);
        let ru = texts(&localizer, "ru");
        assert_eq!(ru["home"], "Басты бет", "the default language's");
        assert!(!ru.contains_key("last_updated"), "plural in ru");
        assert!(!ru.contains_key("pages_count"), "plural in both");
        assert_eq!(texts(&localizer, "kk")["last_updated"], "Соңғы жаңарту");
        for lang in ["kk", "ru"] {
            let texts = texts(&localizer, lang);
            let keys = site
                .theme
                .strings
                .values()
                .flat_map(|strings| strings.keys());
            for key in keys {
                let t = localizer.translate(lang, key, None).ok();
                assert_eq!(texts.get(key), t.as_ref(), "{lang} {key}");
            }
        }
    }
}
