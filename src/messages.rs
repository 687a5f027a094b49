//! Messages to staff — diagnostics, hints, summaries — in English, Kazakh
//! or Russian, from Project Fluent catalogues.
//!
//! The catalogues are `src/messages/en.ftl`, `kk.ftl` and `ru.ftl`, built
//! into the binary; each has one entry per message, its values as Fluent
//! variables (`{ $path }`). A [`Message`] keeps the entry's id and its
//! arguments, not text, so it can be shown in any [`Lang`]: the terminal
//! shows it in the language chosen once per run ([`Lang::current`]), the
//! `serve` overlay in the page's language. [`msg!`](crate::msg) makes one.
//!
//! The language of a run is the first of `--lang`, `AQPARAT_LANG`, the
//! locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `kk_KZ.UTF-8` is Kazakh) that
//! names one of the three, else English.

use std::fmt;
use std::sync::{LazyLock, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::locale::LocaleFormat;

/// A language messages are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// English, the catalogue every other follows.
    En,
    /// Kazakh.
    Kk,
    /// Russian.
    Ru,
}

/// The catalogue of each language of [`Lang::ALL`], in that order.
const CATALOGUES: [&str; 3] = [
    include_str!("messages/en.ftl"),
    include_str!("messages/kk.ftl"),
    include_str!("messages/ru.ftl"),
];

/// The language of this run, once chosen.
static CURRENT: OnceLock<Lang> = OnceLock::new();

impl Lang {
    /// Every language there are messages in.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Kk, Lang::Ru];

    /// Its catalogue, the text of its `.ftl` file.
    fn catalogue(self) -> &'static str {
        CATALOGUES[self as usize]
    }

    /// Its code: `en`, `kk`, `ru`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Kk => "kk",
            Lang::Ru => "ru",
        }
    }

    /// The language of a code or locale name: `kk`, `ru_RU.UTF-8`,
    /// `en-GB`; `None` for another language.
    pub fn from_locale(name: &str) -> Option<Lang> {
        let code = name.split(['_', '-', '.', '@']).next()?;
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(code))
    }

    /// The language the environment asks for (`var` reads a variable):
    /// `AQPARAT_LANG`, else the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty, if it names one of [`Lang::ALL`]; else
    /// English.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        let chosen = var("AQPARAT_LANG").and_then(|v| Lang::from_locale(&v));
        let locale = || {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .into_iter()
                .filter_map(&var)
                .find(|v| !v.is_empty())
                .and_then(|v| Lang::from_locale(&v))
        };
        chosen.or_else(locale).unwrap_or(Lang::En)
    }

    /// Chooses the language of this run: `flag` (`--lang`), else the
    /// environment's (see [`Lang::from_env`]). Only the first call counts.
    pub fn choose(flag: Option<Lang>) -> Lang {
        *CURRENT.get_or_init(|| flag.unwrap_or_else(|| Lang::from_env(|v| std::env::var(v).ok())))
    }

    /// The language of this run ([`Lang::choose`] with no flag if it was
    /// not called).
    pub fn current() -> Lang {
        Lang::choose(None)
    }
}

/// A value a message shows, given to its Fluent variable.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    /// A number, which can choose a plural form.
    Number(i64),
    /// A number with a fixed count of decimal places, written with the
    /// language's decimal separator (`2.16` in English, `2,16` in Kazakh
    /// and Russian): `value` × 10^-`places`.
    Decimal {
        /// Its digits.
        value: i64,
        /// How many of them follow the separator.
        places: u8,
    },
    /// Text, or a message shown in the same language.
    Message(Message),
}

/// What a diagnostic, hint or summary says, shown in any [`Lang`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Message {
    /// Text that is the same in every language: a value (a path, a key),
    /// or what another program said.
    Text(String),
    /// An entry of the catalogues, with its variables' values (boxed: a
    /// [`crate::diag::Diagnostic`] holds two messages and stays small).
    Entry(Box<Entry>),
}

/// An entry of the catalogues, with its variables' values.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Entry {
    /// The entry's id in the `.ftl` files.
    pub id: &'static str,
    /// Each variable's name and value.
    pub args: Vec<(&'static str, Arg)>,
}

/// A [`Message`] from an entry of the catalogues and its variables:
/// `msg!("no-site-yaml", root = root.display().to_string())`. A value is
/// anything a [`Arg`] is made from: text, a number, another message.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message::Entry(Box::new($crate::messages::Entry {
            id: $id,
            args: vec![$((stringify!($name), $crate::messages::Arg::from($value))),*],
        }))
    };
}

/// The catalogues, parsed once, in the order of [`Lang::ALL`]; isolation
/// marks around values are off, so that messages stay plain text in
/// terminals and files.
static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 3]> = LazyLock::new(|| {
    Lang::ALL.map(|lang| {
        let code = lang.code();
        let resource = FluentResource::try_new(lang.catalogue().to_string())
            .unwrap_or_else(|(_, errors)| panic!("{code}.ftl: {errors:?}"));
        let mut bundle = FluentBundle::new_concurrent(vec![code.parse().expect("a language code")]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(match lang {
            Lang::En => grouped::<0, _>,
            Lang::Kk => grouped::<1, _>,
            Lang::Ru => grouped::<2, _>,
        }));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("{code}.ftl: {errors:?}"));
        bundle
    })
});

/// A count shown in language `LANG` of [`Lang::ALL`] with its digit
/// grouping (`4 000` in Kazakh, `4,000` in English); Fluent's own shows
/// `4000`.
fn grouped<const LANG: usize, M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(FORMATS[LANG].number(n.value as i64)),
        _ => None,
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    &BUNDLES[lang as usize]
}

impl Message {
    /// The message in `lang`. An entry missing there is shown in English
    /// (the tests see that none is).
    pub fn in_lang(&self, lang: Lang) -> String {
        self.format(lang).0
    }

    /// The value given to variable `name`, if any.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        match self {
            Message::Text(_) => None,
            Message::Entry(entry) => entry.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a),
        }
    }

    /// The message in `lang`, and whether Fluent reported errors (a missing
    /// entry or variable).
    fn format(&self, lang: Lang) -> (String, bool) {
        let (id, args) = match self {
            Message::Text(text) => return (text.clone(), false),
            Message::Entry(entry) => (entry.id, &entry.args),
        };
        let (bundle, mut failed) = match bundle(lang).has_message(id) {
            true => (bundle(lang), false),
            false => (bundle(Lang::En), true),
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return (id.to_string(), true);
        };
        let mut values = FluentArgs::new();
        for (name, arg) in args {
            let value = match arg {
                Arg::Number(n) => FluentValue::from(*n),
                &Arg::Decimal { value, places } => {
                    FluentValue::from(FORMATS[lang as usize].decimal(value, places))
                }
                Arg::Message(message) => {
                    let (text, arg_failed) = message.format(lang);
                    failed |= arg_failed;
                    FluentValue::from(text)
                }
            };
            values.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&values), &mut errors);
        (text.into_owned(), failed || !errors.is_empty())
    }
}

impl fmt::Display for Message {
    /// The message in this run's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::current()))
    }
}

impl Default for Message {
    /// A message that says nothing: an optional part of another left out
    /// (no "did you mean").
    fn default() -> Message {
        Message::Text(String::new())
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::Text(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::Text(text.to_string())
    }
}

impl From<&String> for Message {
    fn from(text: &String) -> Message {
        Message::Text(text.clone())
    }
}

impl<T: Into<Message>> From<T> for Arg {
    fn from(value: T) -> Arg {
        Arg::Message(value.into())
    }
}

impl Arg {
    /// A count, which chooses plural forms.
    pub fn count(n: usize) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// `x` rounded to `places` decimal places (see [`Arg::Decimal`]).
    pub fn decimal(x: f64, places: u8) -> Arg {
        let scaled = (x * 10f64.powi(places.into())).round();
        // `as` saturates: an infinite or huge `x` is the largest number.
        Arg::Decimal {
            value: scaled as i64,
            places,
        }
    }
}

/// The number formats of each language of [`Lang::ALL`], in that order.
static FORMATS: LazyLock<[LocaleFormat; 3]> =
    LazyLock::new(|| Lang::ALL.map(|lang| LocaleFormat::new(lang.code())));

#[cfg(test)]
mod tests;
