//! The command line: arguments into [`aqparat::Options`] and a command.

use std::net::IpAddr;
use std::path::PathBuf;

use aqparat::messages::{Lang, Message};
use aqparat::msg;
use clap::{Args, Parser, Subcommand};

/// aqparat: a static-site generator for bilingual public-information sites.
#[derive(Debug, Parser)]
#[command(version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// The language of messages: en, kk or ru [default: AQPARAT_LANG, else
    /// the locale (LC_ALL, LC_MESSAGES, LANG), else en]
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replaced in one step on success).
    Build {
        #[command(flatten)]
        site: SiteArgs,
        #[command(flatten)]
        dates: DateArgs,
        /// Output folder [default: ROOT/public]
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Override `base_url` of site.yaml (an absolute address).
        #[arg(long, value_parser = parse_base_url)]
        base_url: Option<String>,
        /// Build pages marked `draft: true` too.
        #[arg(long)]
        drafts: bool,
        /// Render every page, taking nothing from the render cache (the
        /// last build's pages, kept in .aqparat/cache/render), which this
        /// build then replaces.
        #[arg(long)]
        fresh: bool,
    },
    /// Validate everything and report every problem; write nothing.
    Check {
        #[command(flatten)]
        site: SiteArgs,
        #[command(flatten)]
        dates: DateArgs,
        /// Treat warnings (such as a missing translation) as errors.
        #[arg(long)]
        strict: bool,
        /// Check pages marked `draft: true` too, as `build --drafts` builds them.
        #[arg(long)]
        drafts: bool,
        /// Check the links to other sites (http, https) too, by asking
        /// their servers; dead ones are warnings.
        #[arg(long)]
        external: bool,
        #[command(flatten)]
        external_args: ExternalArgs,
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
        #[command(flatten)]
        dates: DateArgs,
        /// Address to listen on: an IP address, or localhost (this
        /// computer only, the default); 0.0.0.0 for every network interface.
        #[arg(long, default_value = "127.0.0.1", value_parser = parse_bind)]
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
        #[command(flatten)]
        dates: DateArgs,
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
    /// Start a new site in DIR (a new or empty folder): site.yaml, pages in
    /// each language, a guide for staff; the built-in theme serves it.
    Init {
        /// The new site's folder.
        dir: PathBuf,
        /// The site's languages, in the order of the language switcher.
        #[arg(long, value_delimiter = ',', default_value = "kk,ru")]
        languages: Vec<String>,
        /// The default language [default: the first of --languages]
        #[arg(long = "default")]
        default_language: Option<String>,
        /// The site's title, in every language [default: a title per language]
        #[arg(long)]
        title: Option<String>,
        /// The site's address (change it before publishing).
        #[arg(long, default_value = "https://example.org/", value_parser = parse_base_url)]
        base_url: String,
        /// Add a skeleton of the aid statistics (data/aid/).
        #[arg(long)]
        statistics: bool,
    },
    /// The theme: `aqparat theme eject` copies the built-in theme into the site.
    Theme {
        /// What to do with the theme.
        #[command(subcommand)]
        action: ThemeAction,
    },
    /// Internal: make a search index of the records on standard input and
    /// write its files to standard output (`serve` and `watch` run it).
    #[command(hide = true)]
    #[cfg(feature = "search")]
    SearchIndex {
        /// The site whose cache keeps the index's pages tokenised.
        #[arg(long)]
        site: Option<PathBuf>,
    },
}

/// Flags of the commands that build: which pages are published by date.
#[derive(Debug, Args)]
pub struct DateArgs {
    /// Build pages dated after today too (else each is published from
    /// 00:00 UTC of its `date`; AQPARAT_NOW sets "now", for tests).
    #[arg(long)]
    pub future: bool,
}

/// `aqparat theme` subcommands.
#[derive(Debug, Subcommand)]
pub enum ThemeAction {
    /// Copy the built-in theme into ROOT/themes/default, to change any of it.
    Eject {
        #[command(flatten)]
        site: SiteArgs,
    },
}

/// How `check --external` asks other sites.
#[derive(Debug, Args)]
pub struct ExternalArgs {
    /// With --external: seconds to wait for a server (to connect and to
    /// answer), each try.
    #[arg(long, value_name = "SECONDS", default_value_t = 10, requires = "external",
          allow_negative_numbers = true, value_parser = whole_number::<u64>(1, 600))]
    pub timeout: u64,
    /// With --external: how many times to ask again after a timeout, a
    /// server error (5xx) or 429 Too Many Requests.
    #[arg(long, default_value_t = 2, requires = "external",
          allow_negative_numbers = true, value_parser = whole_number::<u32>(0, 10))]
    pub retries: u32,
    /// With --external: how many hours a link found working is not asked
    /// again (the cache, .aqparat/external-links.json; 0: ask every link).
    #[arg(long, value_name = "HOURS", default_value_t = 24, requires = "external",
          allow_negative_numbers = true, value_parser = whole_number::<u64>(0, 100_000))]
    pub cache_hours: u64,
}

impl ExternalArgs {
    /// The library's settings.
    pub fn settings(&self) -> aqparat::ExternalCheck {
        aqparat::ExternalCheck {
            timeout: std::time::Duration::from_secs(self.timeout),
            retries: self.retries,
            cache_for: std::time::Duration::from_secs(self.cache_hours * 3600),
        }
    }
}

/// Flags every subcommand takes.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site's folder, which holds site.yaml.
    #[arg(long, short, default_value = ".")]
    pub root: PathBuf,
}

impl Cli {
    /// The command line of this process. A mistake in it (an unknown
    /// command or option, a value missing or wrong) is told in the language
    /// of messages, `--lang` included (see [`Lang::choose`]), and ends the
    /// process with exit code 2, as clap's own message would; help, the
    /// version and what this does not tell are clap's.
    pub fn read() -> Cli {
        let error = match Cli::try_parse() {
            Ok(cli) => return cli,
            Err(error) => error,
        };
        Lang::choose(lang_written());
        let Some(told) = told(&error) else {
            error.exit()
        };
        aqparat::tell!("aqparat: {told}");
        aqparat::tell!("  = {}: {}", msg!("help"), msg!("cli-help"));
        std::process::exit(2)
    }
}

/// The options whose values aqparat's own parsers read, with reasons in
/// the language of messages.
const OWN_PARSERS: [&str; 6] = [
    "--lang",
    "--base-url",
    "--bind",
    "--timeout",
    "--retries",
    "--cache-hours",
];

/// The language of messages that the command line asks for, read without
/// clap (which refused the line): `--lang xx` or `--lang=xx`.
fn lang_written() -> Option<Lang> {
    let args: Vec<String> = (std::env::args_os())
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let value = args
        .iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.strip_prefix("--lang") {
            Some("") => args.get(i + 1).map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        })?;
    parse_lang(value).ok()
}

/// What is wrong with the command line, as `error` found it, in the
/// language of messages; `None` for what clap tells best itself.
fn told(error: &clap::Error) -> Option<Message> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = |kind| match error.get(kind)? {
        ContextValue::String(text) => Some(text.clone()),
        ContextValue::Strings(texts) => texts.first().cloned(),
        _ => None,
    };
    let guess = |kind| aqparat::diag::guess(text(kind).as_deref());
    Some(match error.kind() {
        ErrorKind::InvalidSubcommand => msg!(
            "cli-unknown-command",
            name = text(ContextKind::InvalidSubcommand)?,
            guess = guess(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::UnknownArgument => {
            let name = text(ContextKind::InvalidArg)?;
            match name.starts_with('-') {
                true => msg!(
                    "cli-unknown-option",
                    name = name,
                    guess = guess(ContextKind::SuggestedArg)
                ),
                false => msg!("cli-unexpected-word", name = name),
            }
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            // `--output <OUTPUT>`: the option's name is what staff write.
            let name = text(ContextKind::InvalidArg)?;
            let name = name.split(' ').next().unwrap_or(&name).to_string();
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            // The reasons of aqparat's own parsers are in the language of
            // messages; those of numbers and addresses only in English.
            let own = OWN_PARSERS.contains(&name.as_str()) || Lang::current() == Lang::En;
            let why = std::error::Error::source(error).map(ToString::to_string);
            match (value.is_empty(), why.filter(|_| own)) {
                (true, _) => msg!("cli-missing-value", name = name),
                (false, Some(why)) => msg!("cli-bad-value", name = name, value = value, why = why),
                (false, None) => msg!("cli-bad-value-plain", name = name, value = value),
            }
        }
        _ => return None,
    })
}

/// The parser of a whole number from `least` to `most`, its reason in
/// the language of messages (clap's own are in English, and say "invalid
/// digit found in string" of `1e9`); a negative number is a value out of
/// range, not an option (see `allow_negative_numbers`).
fn whole_number<T: TryFrom<u64> + Clone + Send + Sync + 'static>(
    least: u64,
    most: u64,
) -> impl Fn(&str) -> Result<T, Reason> + Clone + Send + Sync + 'static {
    move |value| {
        (value.parse::<u64>().ok())
            .filter(|number| (least..=most).contains(number))
            .and_then(|number| T::try_from(number).ok())
            .ok_or_else(|| {
                let count = |n: u64| {
                    aqparat::messages::Arg::count(usize::try_from(n).unwrap_or(usize::MAX))
                };
                Reason(msg!(
                    "cli-whole-number",
                    least = count(least),
                    most = count(most)
                ))
            })
    }
}

/// Why aqparat's own parser refused a value: told once the language of
/// messages is chosen, which a `--lang` after the value chooses too.
#[derive(Debug)]
struct Reason(Message);

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Reason {}

fn parse_lang(value: &str) -> Result<Lang, Reason> {
    Lang::ALL
        .into_iter()
        .find(|lang| lang.code() == value)
        .ok_or_else(|| Reason(msg!("cli-lang")))
}

/// An IP address, or `localhost` for loopback's: the one name that needs
/// no lookup and means this computer.
fn parse_bind(value: &str) -> Result<IpAddr, Reason> {
    if value.eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    }
    value.parse().map_err(|_| Reason(msg!("cli-bind")))
}

fn parse_base_url(value: &str) -> Result<String, Reason> {
    aqparat::address::parse_base_url(value).map_err(Reason)
}
