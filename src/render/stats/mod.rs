//! The statistics' renderers: figures in words, charts (inline SVG, SVG and
//! PNG cards), infographic pages, shortcodes and open-data downloads.

mod cards;
mod changes;
mod charts;
mod format;
mod glyphs;
mod lookups;
mod opendata;
mod package;
mod pages;
mod prepare;
mod series;
mod shortcodes;
mod tables;
mod view;

pub use cards::{ChartCards, Painter};
pub use charts::{chars_in, wrap};
pub use pages::{
    CHANGES_TEMPLATE, Infographics, ORGANISATION_TEMPLATE, OVERVIEW_TEMPLATE, Output, prepare_all,
};
pub use prepare::LangStats;
pub use shortcodes::{Expansion, expand, find, hint};
