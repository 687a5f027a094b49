//! The command line: arguments into [`aqparat::Options`] and a command.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// aqparat: a static-site generator for bilingual public-information sites.
#[derive(Debug, Parser)]
#[command(version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replaced in one step on success).
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Output folder [default: ROOT/public]
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Override `base_url` of site.yaml (an absolute address).
        #[arg(long, value_parser = parse_base_url)]
        base_url: Option<String>,
        /// Build pages marked `draft: true` too.
        #[arg(long)]
        drafts: bool,
    },
    /// Validate everything and report every problem; write nothing.
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// Treat warnings (such as a missing translation) as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Preview the site: build, serve it, rebuild and reload the browser on change.
    // Present without the `serve` feature too, to say that it is not built in.
    #[cfg_attr(
        not(feature = "serve"),
        command(about = "Not built into this aqparat (built without the `serve` feature)")
    )]
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Address to listen on (loopback by default).
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// Port to listen on.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Build pages marked `draft: true` too.
        #[arg(long)]
        drafts: bool,
    },
    /// Production: rebuild on change and publish each good build atomically.
    Watch {
        #[command(flatten)]
        site: SiteArgs,
        /// The published site: a link to the current build, switched in one step.
        #[arg(long, short)]
        output: PathBuf,
        /// Override `base_url` of site.yaml (an absolute address).
        #[arg(long, value_parser = parse_base_url)]
        base_url: Option<String>,
        /// Look for changes every half second (for file systems without change events).
        #[arg(long)]
        poll: bool,
    },
    /// Internal: make a search index of the records on standard input and
    /// write its files to standard output (`serve` and `watch` run it).
    #[command(hide = true)]
    #[cfg(feature = "search")]
    SearchIndex,
}

/// Flags every subcommand takes.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site's folder, which holds site.yaml.
    #[arg(long, short, default_value = ".")]
    pub root: PathBuf,
}

fn parse_base_url(value: &str) -> Result<String, String> {
    aqparat::address::parse_base_url(value)
}
