//! Every file of the site comes from one *unit*: a page, a part of the
//! index of all pages, a feed, a 404 page, the root page, the sitemap, an
//! output of the statistics (an overview or organisation page, a chart's
//! card, a language's downloads, see [`stats::Output`]) or the static
//! files. A unit names itself from build to build (a page by its URL), and
//! its render function writes its files and says what it read (see
//! [`super::inputs`]). A new kind of output is a new variant here.

use std::io;

use foldhash::{HashSet, HashSetExt};
use tera::{Context, Tera};

use super::context::{GeneratedPage, Shared};
use super::functions::Localizer;
use super::images;
use super::inputs::Input;
use super::links::{self, HtmlFile};
use super::markdown;
use super::page_index::{self, Parts};
use super::previews;
use super::reads::{Reading, TemplateReads};
use super::redirects;
use super::search;
use super::site::{PageFacts, render_template};
use super::stats::{self, Infographics};
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::load::FileSource;
use crate::messages::Message;
use crate::model::{Lang, PageId, Site};
use crate::msg;
use crate::write::{Cache, Content, UnitOutput};

/// One output unit of a build. Other than a page (numbered anew by each
/// model), a unit is its own name from one build to the next.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Unit {
    /// A content page.
    Page(PageId),
    /// A part of a language's index of all pages.
    IndexPart {
        /// The language.
        lang: String,
        /// The part's number, from 1.
        number: usize,
    },
    /// A language's Atom feed.
    Feed(String),
    /// A language's 404 page (the default language's also at the root).
    ErrorPage(String),
    /// `/`, the page that offers every language.
    Root,
    /// `sitemap.xml` (and its parts `sitemap-N.xml` on a site of more
    /// than 50,000 addresses) and `robots.txt`.
    Sitemap,
    /// The pages at the old addresses of moved pages, and their map.
    Redirects,
    /// A page, chart card or download made from the statistics.
    Statistics(stats::Output),
    /// The theme's and the site's static files.
    StaticFiles,
}

/// Every unit of `site`, pages first (in the model's order, which is the
/// order of the search records).
pub fn all(site: &Site, index: &Parts, statistics: Option<&Infographics>) -> Vec<Unit> {
    let mut units: Vec<Unit> = site.pages.ids().map(Unit::Page).collect();
    if let Some(statistics) = statistics {
        units.extend(statistics.outputs().into_iter().map(Unit::Statistics));
    }
    units.extend(index.all().map(|(lang, part)| Unit::IndexPart {
        lang: lang.to_string(),
        number: part.number,
    }));
    for lang in &site.languages {
        units.push(Unit::Feed(lang.code.clone()));
        units.push(Unit::ErrorPage(lang.code.clone()));
    }
    units.extend([Unit::Root, Unit::Sitemap, Unit::StaticFiles]);
    if redirects::any(site) {
        units.push(Unit::Redirects);
    }
    units
}

/// What rendering one unit gave, besides its files.
#[derive(Default)]
pub struct Outcome {
    /// What it read.
    pub inputs: Box<[Input]>,
    /// Problems found (links, templates).
    pub diagnostics: Diagnostics,
    /// For a page: what is kept of it.
    pub facts: Option<PageFacts>,
    /// Its search records, when the site has a search index.
    pub search: Vec<search::Record>,
    /// Its HTML files' ids and links.
    pub html: Vec<HtmlFile>,
}

/// What every unit renders with, made once per build.
pub struct Renderer<'a> {
    /// The site.
    pub site: &'a Site,
    /// The theme's templates, with aqparat's functions.
    pub tera: &'a Tera,
    /// The values many contexts share.
    pub shared: &'a Shared<'a>,
    /// UI strings and formats.
    pub localizer: &'a Localizer,
    /// The statistics, ready to show, when the site has them.
    pub infographics: Option<&'a Infographics<'a>>,
    /// Every language's index of all pages.
    pub index: &'a Parts,
    /// What each template reads.
    pub reads: &'a TemplateReads,
    /// The painter of the cards (charts' and pages').
    pub painter: &'a stats::Painter,
    /// The site's cache of chart cards.
    pub chart_cards: &'a stats::ChartCards,
}

impl Renderer<'_> {
    /// Renders `unit` into `out`.
    pub fn render(&self, unit: &Unit, out: &UnitOutput) -> io::Result<Outcome> {
        let site = self.site;
        let mut diagnostics = Diagnostics::new();
        let mut html_files = Vec::new();
        let mut write_html = |rel: &str, template: &str, rendered| {
            self.write_html(
                out,
                rel,
                template,
                rendered,
                &mut html_files,
                &mut diagnostics,
            )
        };
        let mut reading = match unit {
            Unit::Page(id) => self.reads.reading(&site.pages[*id].template),
            Unit::IndexPart { .. } => self.reads.reading(page_index::TEMPLATE),
            Unit::ErrorPage(_) => self.reads.reading(ERROR_TEMPLATE),
            Unit::Root => self.reads.reading(ROOT_TEMPLATE),
            Unit::Statistics(output) => match output.template() {
                Some(template) => self.reads.reading(template),
                None => self.reads.reading_everything(),
            },
            Unit::Feed(_) | Unit::Sitemap | Unit::StaticFiles | Unit::Redirects => {
                self.reads.reading_everything()
            }
        };
        reading.inputs.read(Input::Site);
        let mut outcome = Outcome::default();
        match unit {
            Unit::Page(id) => {
                outcome = self.page(*id, &mut reading, out)?;
            }
            Unit::IndexPart { lang, number } => {
                self.template(&mut reading, page_index::TEMPLATE);
                reading
                    .inputs
                    .read_all(self.lang(lang).map(Input::IndexParts));
                // A part the index no longer has writes nothing.
                if let Some(part) = self.index.parts(lang).get(number - 1) {
                    let context =
                        page_index::context(site, self.shared, self.localizer, part, &mut reading);
                    let html = self.render_template(page_index::TEMPLATE, &context);
                    write_html(
                        &format!("{}index.html", part.url(site)),
                        page_index::TEMPLATE,
                        html,
                    )?;
                }
            }
            Unit::Feed(code) => {
                reading.inputs.read_all(self.lang(code).map(Input::Pages));
                reading.inputs.read(Input::BuildDate);
                if let Some(lang) = site.lang(code) {
                    let atom = super::xml::atom(site, lang);
                    out.write(&format!("{code}/atom.xml"), atom.as_bytes())?;
                }
            }
            Unit::ErrorPage(code) => {
                self.template(&mut reading, ERROR_TEMPLATE);
                if let Some(lang) = site.lang(code) {
                    let context = self.error_context(lang, &mut reading);
                    let html = self.render_template(ERROR_TEMPLATE, &context);
                    if let (Ok(Some(bytes)), true) = (&html, lang.id == site.default_lang) {
                        out.write("404.html", bytes)?;
                    }
                    write_html(&format!("{code}/404.html"), ERROR_TEMPLATE, html)?;
                }
            }
            Unit::Redirects => {
                reading.inputs.read(Input::Aliases);
                for page in site.pages.iter().filter(|p| !p.aliases.is_empty()) {
                    let code = site.code(page.lang);
                    let moved = self.localizer.translate(code, "page_moved", None);
                    let html = redirects::page(site, page, &moved.unwrap_or_default());
                    for alias in &page.aliases {
                        let bytes = Ok(Some(html.clone().into_bytes()));
                        write_html(&alias.file(), redirects::TEMPLATE, bytes)?;
                    }
                }
                out.write(redirects::MAP_FILE, redirects::nginx_map(site).as_bytes())?;
            }
            Unit::Root => {
                self.template(&mut reading, ROOT_TEMPLATE);
                let html = self.render_template(ROOT_TEMPLATE, &super::context::root(site));
                write_html("index.html", ROOT_TEMPLATE, html)?;
            }
            Unit::Sitemap => {
                let mut generated = self
                    .infographics
                    .map(|i| i.url_groups())
                    .unwrap_or_default();
                generated.extend(self.index.url_groups());
                reading
                    .inputs
                    .read_all(self.reads.names().id("aid").map(Input::Data));
                // Whether there is a changes page.
                reading.inputs.read(Input::History);
                for lang in &site.languages {
                    let lang = self.lang(&lang.code);
                    reading.inputs.read_all(lang.map(Input::Addresses));
                    reading.inputs.read_all(lang.map(Input::IndexParts));
                }
                super::xml::sitemap(site, &generated, |path, bytes| out.write(path, bytes))?;
                out.write("robots.txt", super::xml::robots(site).as_bytes())?;
            }
            Unit::Statistics(output) => {
                if let Some(infographics) = self.infographics {
                    reading.inputs.read(Input::AllData);
                    if let Some(template) = output.template() {
                        self.template(&mut reading, template);
                    }
                    infographics.render(output, self, out, &mut reading, &mut outcome)?;
                }
            }
            Unit::StaticFiles => {
                for file in site.theme.static_files.iter().chain(&site.static_files) {
                    match &file.source {
                        FileSource::Disk(path) => out.copy(path, &file.output)?,
                        FileSource::BuiltIn(bytes) => {
                            out.write(&file.output.to_string_lossy(), bytes)?
                        }
                    }
                }
            }
        }
        outcome.diagnostics.extend(diagnostics);
        outcome.html.extend(html_files);
        outcome.inputs = reading.inputs.finish();
        Ok(outcome)
    }

    /// A content page: its Markdown, then its template.
    fn page(&self, id: PageId, reading: &mut Reading, out: &UnitOutput) -> io::Result<Outcome> {
        let site = self.site;
        let page = &site.pages[id];
        let stats = self.infographics.and_then(|i| i.lang(page.lang));
        let markdown = markdown::render(site, id, stats);
        // A link shows its target's URL, and which version it leads to.
        for &target in &markdown.links {
            reading.inputs.read(Input::Versions(target));
        }
        if markdown.uses_data {
            reading
                .inputs
                .read_all(self.reads.names().id("aid").map(Input::Data));
        }
        self.template(reading, &page.template);
        let mut diagnostics = markdown.diagnostics;
        let mut url_links = markdown.url_links;
        for image in &markdown.images {
            if let Err(refusal) = images::write(&site.root, &image.source, &image.probe, out)? {
                let mut d = images::refused(&page.path, image.span, &image.path, &refusal);
                d.quote = Some(Box::new(image.quote.clone()));
                diagnostics.push(d);
                // Its files, not made, are not also broken links.
                url_links.retain(|link| link.span != image.span);
            }
        }
        let card = self.card(id, out, &mut diagnostics)?;
        let context = self.shared.page(
            site,
            id,
            markdown.html,
            &markdown.toc,
            card.as_deref(),
            reading,
        );
        let mut html = Vec::with_capacity(1);
        let written: HashSet<&str> = markdown.written.iter().map(String::as_str).collect();
        self.write_html_with(
            out,
            &page.url.file(),
            &page.template,
            self.render_template(&page.template, &context),
            &written,
            &mut html,
            &mut diagnostics,
        )?;
        let search = match site.search {
            true => vec![search::Record::of_page(site, page, &markdown.text)],
            false => Vec::new(),
        };
        Ok(Outcome {
            inputs: Box::default(),
            diagnostics,
            facts: Some(PageFacts {
                heading_ids: markdown.toc.into_iter().map(|h| h.id).collect(),
                anchor_links: markdown.anchor_links,
                url_links,
            }),
            search,
            html,
        })
    }

    /// The URL path of the preview card of page `id`, drawn unless the
    /// output already holds it (see [`previews::Card`]); none when the
    /// site asks for no cards or the theme has no font.
    fn card(
        &self,
        id: PageId,
        out: &UnitOutput,
        diagnostics: &mut Diagnostics,
    ) -> io::Result<Option<String>> {
        let site = self.site;
        if !site.previews {
            return Ok(None);
        }
        let Ok(painter) = self.painter.get(&site.theme.fonts) else {
            return Ok(None);
        };
        let page = &site.pages[id];
        let card = previews::Card {
            url: &page.url,
            title: &page.title,
            site_title: &site.languages[page.lang].title,
            family: &painter.family,
        };
        let path = card.path();
        // Drawn once per site: a build into a new folder (a CI job, a
        // benchmark) takes it from the site's cache.
        let drawn = out.write_content_named(&path, || {
            let cache = Cache::new(&site.root, "cards");
            let name = path.rsplit('/').next().unwrap_or(&path);
            if let Some(cached) = cache.get(name) {
                return Ok::<_, String>(Content::Cached(cached));
            }
            let png = painter.png(&card.svg())?;
            cache.keep(name, &png);
            Ok(Content::Made(png))
        })?;
        if let Err(message) = drawn {
            let fonts = site.theme_dir().join("fonts");
            diagnostics.push(Diagnostic::error(fonts, Span::START, message));
            return Ok(None);
        }
        Ok(Some(path))
    }

    /// Writes the HTML `rendered` from `template` at `rel` (see
    /// [`UnitOutput::write_page`]), keeping its ids and links in `html`.
    pub fn write_html(
        &self,
        out: &UnitOutput,
        rel: &str,
        template: &str,
        rendered: Result<Option<Vec<u8>>, Diagnostic>,
        html: &mut Vec<HtmlFile>,
        diagnostics: &mut Diagnostics,
    ) -> io::Result<()> {
        self.write_html_with(
            out,
            rel,
            template,
            rendered,
            &HashSet::new(),
            html,
            diagnostics,
        )
    }

    /// [`Self::write_html`] for a page whose Markdown wrote the links
    /// `from_markdown` (kept with the page's facts instead).
    #[allow(clippy::too_many_arguments)]
    fn write_html_with(
        &self,
        out: &UnitOutput,
        rel: &str,
        template: &str,
        rendered: Result<Option<Vec<u8>>, Diagnostic>,
        from_markdown: &HashSet<&str>,
        html: &mut Vec<HtmlFile>,
        diagnostics: &mut Diagnostics,
    ) -> io::Result<()> {
        if let Ok(Some(bytes)) = &rendered {
            let base = links::Base::of(self.site);
            html.push(links::html_file(&base, rel, template, bytes, from_markdown));
        }
        out.write_page(rel, rendered, diagnostics)
    }

    /// Renders `template` with `context` (see [`render_template`]).
    pub fn render_template(
        &self,
        template: &str,
        context: &Context,
    ) -> Result<Option<Vec<u8>>, Diagnostic> {
        render_template(self.site, self.tera, template, context)
    }

    /// Records that the unit renders `template`.
    fn template(&self, reading: &mut Reading, template: &str) {
        reading
            .inputs
            .read_all(self.reads.names().id(template).map(Input::Template));
    }

    /// The number of language `code`.
    fn lang(&self, code: &str) -> Option<super::inputs::NameId> {
        self.reads.names().id(code)
    }

    /// The context of the 404 page of `lang`.
    fn error_context(&self, lang: &Lang, reading: &mut Reading) -> Context {
        self.shared.generated(
            self.site,
            lang.id,
            |l| format!("{l}/404.html"),
            GeneratedPage {
                kind: "404",
                title: &lang.title,
                has_translations: false,
                image: None,
                dataset: None,
            },
            reading,
        )
    }
}

/// The template of the 404 pages.
const ERROR_TEMPLATE: &str = "404.html";

/// The template of `/`.
const ROOT_TEMPLATE: &str = "root.html";

/// What a page aqparat makes is, in words.
type What = fn() -> Message;

/// The templates of the pages aqparat makes itself, each with what that
/// page is, in words: they are rendered with contexts of their own, not a
/// content page's, so no page may name one in `template:`.
const OWN_TEMPLATES: [(&str, What); 6] = [
    (ROOT_TEMPLATE, || msg!("generated-languages")),
    (ERROR_TEMPLATE, || msg!("generated-404")),
    (page_index::TEMPLATE, || msg!("generated-pages")),
    (stats::OVERVIEW_TEMPLATE, || msg!("generated-infographics")),
    (stats::ORGANISATION_TEMPLATE, || {
        msg!("generated-organisation")
    }),
    (stats::CHANGES_TEMPLATE, || msg!("generated-changes")),
];

/// The template of sections, whose context has the section's listing.
const SECTION_TEMPLATE: &str = "section.html";

/// Why a page of content/ (`is_section`: a section's `_index` file)
/// cannot be rendered with the template `name`, if it cannot: `name` is
/// the template of a page aqparat makes itself (`pages.html`, the index
/// of all pages), or, for a page that is not a section, the sections'
/// template, which shows the listing (`section`) only a section has.
pub fn unusable_template(name: &str, is_section: bool) -> Option<Message> {
    let own = (OWN_TEMPLATES.iter()).find_map(|(own, what)| (*own == name).then_some(*what));
    match own {
        Some(what) => Some(msg!("page-own-template", template = name, what = what())),
        None if !is_section && name == SECTION_TEMPLATE => {
            Some(msg!("page-section-template", template = name))
        }
        None => None,
    }
}
