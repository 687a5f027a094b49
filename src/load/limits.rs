//! The bounds of the statistics' format: what an id may be, how large a
//! count and a total may be. Checked by `validate`, relied on by `model`
//! and `render` (ids become file names, URL paths and HTML ids).

/// The largest count a record may give: a trillion, far above any aid
/// figure and far below where sums could leave `u64` or `f64` exactness.
pub const MAX_COUNT: u64 = 1_000_000_000_000;

/// The largest total aqparat adds up: 2^53 − 1, the largest whole number
/// that every JSON reader (JavaScript's numbers) reads exactly.
pub const MAX_TOTAL: u64 = (1 << 53) - 1;

/// The longest id, in characters: ids become file names (`org-ID.png`),
/// which file systems limit to 255 bytes.
pub const MAX_ID_LENGTH: usize = 100;

/// The longest text of the statistics, in UTF-16 code units (characters,
/// but for emoji and the like, which count two), as Excel counts: a cell
/// of the spreadsheet download (`aid.xlsx`) holds 32,767, one of which a
/// text that starts like a formula needs for the `'` put before it.
pub const MAX_TEXT_LENGTH: usize = 32_766;

/// Whether `id` has the form of an id: lowercase ASCII letters and digits in
/// words joined by single `-` (`[a-z0-9]+(-[a-z0-9]+)*`), at most
/// [`MAX_ID_LENGTH`] characters. A digit may come first (`2020-food`): every
/// HTML id aqparat makes from an id has a prefix.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LENGTH
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// `total + count`, or `None` when it would pass [`MAX_TOTAL`].
pub fn add_count(total: u64, count: u64) -> Option<u64> {
    total.checked_add(count).filter(|sum| *sum <= MAX_TOTAL)
}
