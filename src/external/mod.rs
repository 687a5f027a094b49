//! After **render**, for `check --external` only: asks the servers of the
//! links to other sites (`http:` and `https:` addresses, see
//! [`crate::render::external_links`]) whether they still answer, and
//! reports those that do not as warnings at every place that writes them.
//! The one part of aqparat that uses the network (feature `external`).
//!
//! Terms: a *probe* asks one address, following redirects and trying again
//! after a timeout, a server error or 429 (`probe`); the *hosts* pool
//! runs the probes on a few threads, at most [`PER_HOST`] of one host at a
//! time (`hosts`); the *cache*, `.aqparat/external-links.json` in the
//! site's folder, keeps each address's last answer, so that a link found
//! working is not asked again for a while (`cache`).

mod cache;
mod check;
mod hosts;
mod probe;

pub use cache::CACHE_FILE;
pub use check::{Checked, check};
pub use hosts::PER_HOST;
