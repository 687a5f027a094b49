//! The render stage's entry: every page in parallel, then the per-language
//! and site-wide files.
//!
//! Each page is rendered, handed to the output and dropped, so memory stays
//! flat however large the site; only small facts about each page (its
//! heading ids, its anchor links, its diagnostics) are kept until the end.

use std::collections::HashMap;
use std::io;
use std::sync::Arc;

use rayon::prelude::*;
use tera::{Context, Tera, Value};

use super::context::{GeneratedPage, Shared};
use super::functions::{self, Localizer};
use super::markdown::{self, AnchorLink};
use super::page_index;
use super::stats::{self, Infographics};
use crate::diag::{Diagnostic, Span, display_path};
use crate::load::tera_error_diagnostic;
use crate::model::{PageId, Site};
use crate::write::Output;

/// What to render: every page, or only those whose output may have changed
/// (`serve`, `watch`), with the rest already in the output.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Per page: render it.
    pub pages: Vec<bool>,
    /// Render the infographics and copy the static files.
    pub site_files: bool,
    /// The parts of the indexes of all pages to render, by URL path.
    pub page_index: Vec<String>,
    /// The languages whose feed to render.
    pub feeds: Vec<String>,
    /// Render `/`, `robots.txt`, the sitemap and the 404 pages.
    pub site_index: bool,
}

/// What rendering found and did.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Problems found while rendering (links, templates).
    pub diagnostics: Vec<Diagnostic>,
    /// How many pages were rendered.
    pub pages: usize,
    /// What the rendered pages left to know, by page.
    pub facts: Vec<(PageId, PageFacts)>,
    /// The search records of the pages aqparat makes (statistics), when
    /// they were rendered.
    pub search: Option<Vec<super::search::Record>>,
}

/// What is kept of a page once it is written: enough to check links to its
/// anchors, and links from it, without rendering it again.
#[derive(Debug, Clone, Default)]
pub struct PageFacts {
    /// Its headings' ids.
    pub heading_ids: Vec<String>,
    /// Its links to anchors.
    pub anchor_links: Vec<AnchorLink>,
    /// Whether it shows statistics.
    pub uses_data: bool,
    /// Its text, for the search index; shared, as facts are copied from
    /// build to build.
    pub text: Arc<str>,
}

/// What is known of each page, by URL path; shared, as a session carries
/// it from build to build.
pub type FactsByUrl = HashMap<String, Arc<PageFacts>>;

/// Renders the pages and files `plan` asks for into `output`.
pub fn site(site: &Site, output: &Output, plan: &Plan) -> io::Result<Rendered> {
    let localizer = Arc::new(Localizer::new(site));
    let mut tera = site.theme.tera.clone();
    functions::register(&mut tera, localizer.clone());
    let (infographics, stats_diagnostics) = stats::prepare_all(site, &localizer);
    let shared = Shared::new(site, &localizer, infographics.as_ref());
    let outcomes = (0..site.pages.len())
        .into_par_iter()
        .filter(|&id| plan.pages[id])
        .map(|id| render_page(site, &tera, &shared, infographics.as_ref(), output, id))
        .collect::<io::Result<Vec<_>>>()?;
    let mut rendered = Rendered {
        pages: outcomes.len(),
        diagnostics: stats_diagnostics,
        facts: Vec::with_capacity(outcomes.len()),
        search: (site.search && plan.site_files && !output.is_discarded()).then(|| {
            infographics
                .as_ref()
                .map(|i| i.search_records(site))
                .unwrap_or_default()
        }),
    };
    for (id, facts, diagnostics) in outcomes {
        rendered.diagnostics.extend(diagnostics);
        rendered.facts.push((id, facts));
    }
    if let (Some(infographics), true) = (&infographics, plan.site_files) {
        let written = stats::write(site, infographics, &shared, output, |template, context| {
            render_template(site, &tera, template, context)
        })?;
        rendered.diagnostics.extend(written);
    }
    for lang in &plan.feeds {
        output.write(
            &format!("{lang}/atom.xml"),
            super::xml::atom(site, lang).as_bytes(),
        )?;
    }
    if page_index::exists(site) {
        page_index::write(
            site,
            &tera,
            &shared,
            &localizer,
            &plan.page_index,
            output,
            &mut rendered.diagnostics,
        )?;
    }
    if plan.site_index {
        let mut generated = infographics
            .as_ref()
            .map(|i| i.url_groups())
            .unwrap_or_default();
        if page_index::exists(site) {
            generated.extend(page_index::url_groups(site));
        }
        write_error_pages(site, &tera, &shared, output, &mut rendered.diagnostics)?;
        match render_template(site, &tera, "root.html", &root_context(site)) {
            Ok(Some(html)) => output.write("index.html", &html)?,
            Ok(None) => {}
            Err(d) => rendered.diagnostics.push(d),
        }
        output.write(
            "sitemap.xml",
            super::xml::sitemap(site, &generated).as_bytes(),
        )?;
        output.write("robots.txt", super::xml::robots(site).as_bytes())?;
    }
    if plan.site_files {
        for file in site.theme.static_files.iter().chain(&site.static_files) {
            output.copy(&file.source, &file.output)?;
        }
    }
    Ok(rendered)
}

/// The 404 page of each language, and the default language's at the root.
fn write_error_pages(
    site: &Site,
    tera: &Tera,
    shared: &Shared,
    output: &Output,
    diagnostics: &mut Vec<Diagnostic>,
) -> io::Result<()> {
    for lang in &site.languages {
        let context = shared.generated(
            site,
            &lang.code,
            |l| format!("{l}/404.html"),
            GeneratedPage {
                kind: "404",
                title: site.lang(&lang.code).map_or("", |l| l.title.as_str()),
                has_translations: false,
            },
        );
        match render_template(site, tera, "404.html", &context) {
            Ok(None) => {}
            Ok(Some(html)) => {
                output.write(&format!("{}/404.html", lang.code), &html)?;
                if lang.code == site.default_lang {
                    output.write("404.html", &html)?;
                }
            }
            Err(d) => diagnostics.push(d),
        }
    }
    Ok(())
}

fn render_page(
    site: &Site,
    tera: &Tera,
    shared: &Shared,
    infographics: Option<&Infographics>,
    output: &Output,
    id: PageId,
) -> io::Result<(PageId, PageFacts, Vec<Diagnostic>)> {
    let page = &site.pages[id];
    let stats = infographics.and_then(|i| i.lang(&page.lang));
    let markdown = markdown::render(site, id, stats);
    let context = shared.page(site, id, markdown.html, &markdown.toc);
    let mut diagnostics = markdown.diagnostics;
    match render_template(site, tera, &page.template, &context) {
        Ok(Some(html)) => output.write(&format!("{}index.html", page.url), &html)?,
        Ok(None) => {}
        Err(d) => diagnostics.push(d),
    }
    let facts = PageFacts {
        heading_ids: markdown.toc.into_iter().map(|h| h.id).collect(),
        anchor_links: markdown.anchor_links,
        uses_data: markdown.uses_data,
        text: markdown.text.into(),
    };
    Ok((id, facts, diagnostics))
}

/// Renders `template`, turning a Tera error into a diagnostic that points
/// into the template file. A template that exists but failed to parse was
/// reported by `load`; it gives `None` here instead of an error per page.
pub(super) fn render_template(
    site: &Site,
    tera: &Tera,
    template: &str,
    context: &Context,
) -> Result<Option<Vec<u8>>, Diagnostic> {
    // A template with errors was reported when it was loaded.
    let is_broken =
        !tera.contains_template(template) && site.theme.template_paths.contains_key(template);
    if is_broken {
        return Ok(None);
    }
    let mut html = Vec::with_capacity(32 * 1024);
    tera.render_to(template, context, &mut html).map(|()| Some(html)).map_err(|e| {
        let paths = &site.theme.template_paths;
        tera_error_diagnostic(&e, paths).unwrap_or_else(|| {
            let path = paths
                .get(template)
                .cloned()
                .unwrap_or_else(|| site.theme.dir.join("templates").join(template));
            Diagnostic::error(path, Span::START, format!("cannot render template `{template}`: {e}"))
                .with_hint("check that the template exists in the theme's templates/ folder and has no errors above")
        })
    })
}

/// Every `#anchor` of an internal link from the pages `from` must be a
/// heading id of its target; `facts` gives what is known of each page (by
/// URL path), rendered now or in an earlier build.
pub fn check_anchors(
    site: &Site,
    facts: &FactsByUrl,
    from: impl Iterator<Item = PageId>,
) -> Vec<Diagnostic> {
    let empty = Arc::new(PageFacts::default());
    let mut diagnostics = Vec::new();
    for page in from.map(|id| &site.pages[id]) {
        let Some(own) = facts.get(&page.url) else {
            continue;
        };
        for link in &own.anchor_links {
            let target = facts.get(&link.target).unwrap_or(&empty);
            if target.heading_ids.iter().any(|h| h == &link.anchor) {
                continue;
            }
            let target_path = site
                .page_at(&link.target)
                .map(|id| display_path(&site.pages[id].path));
            let known = if target.heading_ids.is_empty() {
                "it has no headings".to_string()
            } else {
                format!("its headings are #{}", target.heading_ids.join(", #"))
            };
            let mut diagnostic = Diagnostic::error(
                &page.path,
                link.span,
                format!(
                    "link to an anchor that does not exist: #{} in {}",
                    link.anchor,
                    target_path.unwrap_or_else(|| link.target.clone())
                ),
            )
            .with_hint(format!(
                "{known}; link to one of them or give a heading that id with `{{#{}}}`",
                link.anchor
            ));
            diagnostic.source_line = link.source_line.clone();
            diagnostics.push(diagnostic);
        }
    }
    diagnostics
}

/// The context of `/`, the page that offers every language.
fn root_context(site: &Site) -> Context {
    let mut context = Context::new();
    let languages: Vec<Value> = site
        .languages
        .iter()
        .map(|l| {
            let mut entry = tera::Map::new();
            entry.insert("code".into(), l.code.as_str().into());
            entry.insert("name".into(), l.name.as_str().into());
            entry.insert("title".into(), l.title.as_str().into());
            entry.insert("url".into(), site.link(&format!("{}/", l.code)).into());
            Value::from(entry)
        })
        .collect();
    let mut alternates: Vec<Value> = site
        .languages
        .iter()
        .map(|l| alternate(&l.code, site.permalink(&format!("{}/", l.code))))
        .collect();
    alternates.push(alternate(
        "x-default",
        site.permalink(&format!("{}/", site.default_lang)),
    ));
    context.insert("lang", &site.default_lang);
    context.insert("default_language", &site.default_lang);
    context.insert("base_url", &site.base_url);
    context.insert("base_path", &site.base_path);
    context.insert_value("languages", Value::from(languages));
    context.insert_value("alternates", Value::from(alternates));
    context
}

fn alternate(hreflang: &str, href: String) -> Value {
    let mut entry = tera::Map::new();
    entry.insert("hreflang".into(), hreflang.into());
    entry.insert("href".into(), href.into());
    Value::from(entry)
}
