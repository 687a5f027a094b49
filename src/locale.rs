//! Language-specific formatting from CLDR data (through ICU4X): plural
//! categories, numbers and dates.
//!
//! Used by `validate` (which plural forms a UI string needs) and by `render`
//! (the `t` function, numbers and dates in templates).

use fixed_decimal::Decimal;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{YM, YMD};
use icu_decimal::DecimalFormatter;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};

use crate::date::Date;

/// Formatting rules of one language.
pub struct LocaleFormat {
    plurals: PluralRules,
    numbers: DecimalFormatter,
    dates: FixedCalendarDateTimeFormatter<icu_calendar::Gregorian, YMD>,
    months: FixedCalendarDateTimeFormatter<icu_calendar::Gregorian, YM>,
}

impl LocaleFormat {
    /// The rules of language `code` (`kk`, `ru`); languages CLDR does not
    /// know get its root rules.
    pub fn new(code: &str) -> LocaleFormat {
        let locale: Locale = code.parse().unwrap_or(Locale::UNKNOWN);
        let root = Locale::UNKNOWN;
        LocaleFormat {
            plurals: PluralRules::try_new_cardinal((&locale).into())
                .or_else(|_| PluralRules::try_new_cardinal((&root).into()))
                .expect("compiled CLDR data has root plural rules"),
            numbers: DecimalFormatter::try_new((&locale).into(), number_options(code))
                .or_else(|_| DecimalFormatter::try_new((&root).into(), Default::default()))
                .expect("compiled CLDR data has root number symbols"),
            dates: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::long())
                .or_else(|_| FixedCalendarDateTimeFormatter::try_new((&root).into(), YMD::long()))
                .expect("compiled CLDR data has root date patterns"),
            months: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YM::long())
                .or_else(|_| FixedCalendarDateTimeFormatter::try_new((&root).into(), YM::long()))
                .expect("compiled CLDR data has root month patterns"),
        }
    }

    /// The CLDR plural category name of `n` (`one`, `few`, `many`, `other`).
    pub fn plural_category(&self, n: i64) -> &'static str {
        category_name(self.plurals.category_for(n))
    }

    /// The plural categories this language distinguishes.
    pub fn plural_categories(&self) -> Vec<&'static str> {
        self.plurals.categories().map(category_name).collect()
    }

    /// The plural categories whole numbers fall into, each with its smallest
    /// example (Russian: one 1, few 2, many 0; `other` is for fractions).
    pub fn integer_plural_categories(&self) -> Vec<(&'static str, i64)> {
        let mut found: Vec<(&'static str, i64)> = Vec::new();
        // CLDR integer rules look at n % 100 and n % 10 at most (and a few
        // languages at n < 1000), so 0..1000 meets every category.
        for n in 0..1000 {
            let category = self.plural_category(n);
            if !found.iter().any(|(c, _)| *c == category) {
                found.push((category, n));
            }
        }
        found
    }

    /// `n` with the language's digit grouping (`12 345` with a no-break
    /// space; Russian `1000` has none).
    pub fn number(&self, n: i64) -> String {
        self.numbers.format_to_string(&Decimal::from(n))
    }

    /// `value` × 10^-`places` with the language's decimal separator and
    /// `places` digits after it (`2,50` in Russian, `2.50` in English).
    pub fn decimal(&self, value: i64, places: u8) -> String {
        let places = -i16::from(places);
        let mut decimal = Decimal::from(value);
        decimal.absolute.multiply_pow10(places);
        decimal.absolute.pad_end(places);
        self.numbers.format_to_string(&decimal)
    }

    /// A date in the language's long form: `3 апреля 2020 г.`,
    /// `2020 ж. 3 сәуір`, with no-break spaces: a date is not split
    /// across lines.
    pub fn date(&self, date: Date) -> String {
        let gregorian = date.to_iso().to_calendar(icu_calendar::Gregorian);
        unbreakable(&self.dates.format(&gregorian).to_string())
    }
}

impl LocaleFormat {
    /// A month and year in the language's long form: `апрель 2020 г.`.
    pub fn month(&self, year: i32, month: u8) -> String {
        let first = Date {
            year,
            month,
            day: 1,
        };
        let gregorian = first.to_iso().to_calendar(icu_calendar::Gregorian);
        unbreakable(&self.months.format(&gregorian).to_string())
    }
}

/// Languages whose typography leaves four-digit numbers whole (`1000`,
/// `10 000`), although CLDR groups them: Russian (Мильчин's «Справочник
/// издателя и автора»; GOST 8.417).
const FOUR_DIGITS_WHOLE: &[&str] = &["ru"];

fn number_options(code: &str) -> DecimalFormatterOptions {
    let mut options = DecimalFormatterOptions::default();
    if FOUR_DIGITS_WHOLE.contains(&code) {
        options.grouping_strategy = Some(GroupingStrategy::Min2);
    }
    options
}

/// `text` with its spaces made no-break spaces.
fn unbreakable(text: &str) -> String {
    text.replace(' ', "\u{a0}")
}

fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// The Kazakh ablative ending ("from") of the number `n` as it is read
/// aloud (`1 000-нан`, `5-тен`, `20-дан`): it follows the last word said,
/// by vowel harmony (back а, о, ұ, ы; front ә, е, ө, ү, і) and that
/// word's last sound (-нан/-нен after м, н, ң; -тан/-тен after a
/// voiceless consonant or б, в, г, д, which are said voiceless at the end
/// of a word; -дан/-ден after a vowel or another consonant).
pub fn kazakh_ablative(n: u64) -> &'static str {
    const UNITS: [&str; 10] = [
        "",
        "бір",
        "екі",
        "үш",
        "төрт",
        "бес",
        "алты",
        "жеті",
        "сегіз",
        "тоғыз",
    ];
    const TENS: [&str; 10] = [
        "",
        "он",
        "жиырма",
        "отыз",
        "қырық",
        "елу",
        "алпыс",
        "жетпіс",
        "сексен",
        "тоқсан",
    ];
    let word = if n == 0 {
        "нөл"
    } else if !n.is_multiple_of(10) {
        UNITS[(n % 10) as usize]
    } else if !n.is_multiple_of(100) {
        TENS[(n / 10 % 10) as usize]
    } else if !n.is_multiple_of(1000) {
        "жүз"
    } else if !n.is_multiple_of(1_000_000) {
        "мың"
    } else if !n.is_multiple_of(1_000_000_000) {
        "миллион"
    } else if !n.is_multiple_of(1_000_000_000_000) {
        "миллиард"
    } else {
        "триллион"
    };
    let back = word
        .chars()
        .rev()
        .find(|c| "аоұыәеөүіиуэя".contains(*c))
        .is_none_or(|c| "аоұыя".contains(c));
    let last = word.chars().last().unwrap_or('а');
    let ending = if "мнң".contains(last) {
        ["нен", "нан"]
    } else if "бвгдкқпстшфхцчщ".contains(last) {
        ["тен", "тан"]
    } else {
        ["ден", "дан"]
    };
    ending[usize::from(back)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_numbers_take_the_ablative_of_their_last_word() {
        for (n, ending) in [
            (1, "ден"),
            (2, "ден"),
            (3, "тен"),
            (4, "тен"),
            (5, "тен"),
            (6, "дан"),
            (7, "ден"),
            (8, "ден"),
            (9, "дан"),
            (10, "нан"),
            (20, "дан"),
            (30, "дан"),
            (40, "тан"),
            (50, "ден"),
            (60, "тан"),
            (70, "тен"),
            (80, "нен"),
            (90, "нан"),
            (100, "ден"),
            (1000, "нан"),
            (300, "ден"),
            (1500, "ден"),
            (2_000_000, "нан"),
            (3_000_000_000, "тан"),
            (0, "ден"),
            (35, "тен"),
        ] {
            assert_eq!(kazakh_ablative(n), ending, "{n}");
        }
    }

    #[test]
    fn russian_and_kazakh_plurals_numbers_and_dates() {
        let ru = LocaleFormat::new("ru");
        let forms: Vec<_> = [1, 2, 5, 11, 21, 22, 25]
            .iter()
            .map(|&n| ru.plural_category(n))
            .collect();
        assert_eq!(forms, ["one", "few", "many", "many", "one", "few", "many"]);
        let kk = LocaleFormat::new("kk");
        assert_eq!(kk.plural_category(1), "one");
        assert_eq!(kk.plural_category(5), "other");
        assert_eq!(
            ru.integer_plural_categories(),
            [("many", 0), ("one", 1), ("few", 2)]
        );
        assert_eq!(kk.integer_plural_categories(), [("other", 0), ("one", 1)]);
        // Russian leaves four digits whole, Kazakh groups them (CLDR).
        assert_eq!(ru.number(1000), "1000");
        assert_eq!(ru.number(12345), "12\u{a0}345");
        assert_eq!(kk.number(1000), "1\u{a0}000");
        assert_eq!(kk.number(12345), "12\u{a0}345");
        let d = Date::parse("2020-04-03").unwrap();
        // CLDR joins the year and its abbreviation (г., ж.) with a narrow
        // no-break space; the other spaces are made no-break.
        assert_eq!(ru.date(d), "3\u{a0}апреля\u{a0}2020\u{202f}г.");
        assert_eq!(kk.date(d), "2020\u{202f}ж.\u{a0}3\u{a0}сәуір");
        assert_eq!(ru.month(2020, 4), "апрель\u{a0}2020\u{202f}г.");
        assert_eq!(kk.month(2020, 4), "2020\u{202f}ж.\u{a0}сәуір");
    }
}
