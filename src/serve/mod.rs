//! The preview server of `aqparat serve`: the built site over HTTP, with a
//! small script injected into HTML pages that reloads them after each build
//! and shows build errors over the last good page.

mod connections;
mod server;

pub use server::{BuildState, Failure, Server};
