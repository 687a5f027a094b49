//! The command line: parses arguments into [`aqparat::Options`].

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
}

/// Flags every subcommand takes.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site's folder, which holds site.yaml.
    #[arg(long, short, default_value = ".")]
    pub root: PathBuf,
}

fn parse_base_url(value: &str) -> Result<String, String> {
    if value.starts_with("http://") || value.starts_with("https://") {
        Ok(value.to_string())
    } else {
        Err("the base URL must be absolute, e.g. https://example.kz/".to_string())
    }
}

impl Command {
    /// The options for the library, and whether to publish.
    pub fn options(self) -> (aqparat::Options, bool) {
        match self {
            Command::Build {
                site,
                output,
                base_url,
                drafts,
            } => {
                let mut options = aqparat::Options::new(site.root);
                if let Some(output) = output {
                    options.output = output;
                }
                options.base_url = base_url;
                options.drafts = drafts;
                (options, true)
            }
            Command::Check { site, strict } => {
                let mut options = aqparat::Options::new(site.root);
                options.strict = strict;
                (options, false)
            }
        }
    }
}
