//! Which context variables a template reads, as Tera's own parser tells
//! (the top-level names of a template, its parents and includes), so that
//! an output records as inputs only what its template can show.
//!
//! What that analysis misses counts as read by every template: the whole
//! context for the magic `__tera_context`; the name of a component's
//! `@implicit` argument, which reads a name of whoever calls it; a name the
//! theme assigns with `set`, which Tera then counts as the template's own
//! even where the `set` is not reached. What a template reads *of* `data`
//! is narrowed to the stems it names (`data.hotline`) only when every use
//! of the name in the theme is of that form (see
//! `load::fingerprint::template_uses`); otherwise it reads all data.

use foldhash::{HashMap, HashSet};

use tera::Tera;

use super::inputs::{Input, Inputs, Names};
use crate::load::fingerprint::TemplateUses;

/// What each template of a theme reads.
pub struct TemplateReads {
    by_template: HashMap<String, HashSet<String>>,
    /// Names any template may read without Tera telling: the arguments of
    /// components that are `@implicit`, the names the theme assigns.
    implicit: HashSet<String>,
    /// Whether a template reads its whole context.
    everything: bool,
    /// The data stems templates read, or `*` for all.
    data: Vec<Input>,
    /// The site's names, as inputs number them.
    names: Names,
}

impl TemplateReads {
    /// What the templates of `tera` read, `uses` telling what Tera does
    /// not.
    pub fn new(tera: &Tera, uses: &TemplateUses, names: Names) -> TemplateReads {
        let by_template = tera
            .get_template_names()
            .map(|name| {
                let read = tera
                    .get_template_variables(name)
                    .map(|vars| vars.into_iter().map(str::to_string).collect())
                    .unwrap_or_default();
                (name.to_string(), read)
            })
            .collect();
        let implicit = tera
            .get_component_names()
            .filter_map(|name| tera.get_component_definition(name))
            .flat_map(|component| {
                component
                    .args()
                    .iter()
                    .filter(|arg| arg.is_implicit())
                    .map(|arg| arg.name().to_string())
                    .collect::<Vec<_>>()
            })
            .chain(uses.assigned.iter().cloned())
            .collect();
        let everything = uses.whole_context;
        let data = if everything || uses.data.contains("*") {
            vec![Input::AllData]
        } else {
            uses.data
                .iter()
                .filter_map(|stem| names.id(stem).map(Input::Data))
                .collect()
        };
        TemplateReads {
            by_template,
            implicit,
            everything,
            data,
            names,
        }
    }

    /// The site's names, as inputs number them.
    pub fn names(&self) -> &Names {
        &self.names
    }

    /// The recorder of an output rendered with `template`.
    pub fn reading(&self, template: &str) -> Reading<'_> {
        Reading {
            reads: self,
            names: self.by_template.get(template),
            inputs: Inputs::default(),
        }
    }

    /// The recorder of an output that may read anything (the statistics,
    /// rendered with several templates).
    pub fn reading_everything(&self) -> Reading<'_> {
        Reading {
            reads: self,
            names: None,
            inputs: Inputs::default(),
        }
    }
}

/// The inputs of one output, recorded as its context is built: a context
/// variable's inputs count only when the template reads that variable.
pub struct Reading<'a> {
    reads: &'a TemplateReads,
    /// The names its template reads; `None`: all of them.
    names: Option<&'a HashSet<String>>,
    /// What it read so far.
    pub inputs: Inputs,
}

impl Reading<'_> {
    /// The site's names, as inputs number them.
    pub fn names(&self) -> &Names {
        &self.reads.names
    }

    /// Whether the template reads the variable `name`.
    pub fn wants(&self, name: &str) -> bool {
        self.reads.everything
            || self.reads.implicit.contains(name)
            || self.names.is_none_or(|names| names.contains(name))
    }

    /// Records `inputs` as read, if the template reads the variable `name`.
    pub fn variable(&mut self, name: &str, inputs: impl IntoIterator<Item = Input>) {
        if self.wants(name) {
            self.inputs.read_all(inputs);
        }
    }

    /// Records the data the template reads, if it reads `data`.
    pub fn data(&mut self) {
        if self.wants("data") {
            self.inputs.read_all(self.reads.data.iter().copied());
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde_json::json;
    use tera::Tera;

    use super::TemplateReads;
    use crate::load::fingerprint::template_uses;
    use crate::render::inputs::{Input, Names};
    use crate::testing::SiteBuilder;

    /// What the page template reads of `data`, and whether it reads `nav`,
    /// when the theme has `templates` (name, text) besides one-line
    /// templates for home, section and page, and the site has the data
    /// files `hotline` and `links`.
    ///
    /// The templates are parsed together, as `load` parses a theme in the
    /// end; not through [`SiteBuilder::template`], because `load` refuses a
    /// template that includes another, or calls a component of another
    /// (see `load::theme`'s tests).
    fn page_reads(templates: &[(&str, &str)]) -> (Vec<String>, bool) {
        let site = SiteBuilder::new()
            .data("hotline", json!({"phone": "1406"}))
            .data("links", json!(["a"]))
            .build();
        let mut texts: BTreeMap<String, String> = ["index.html", "section.html", "page.html"]
            .into_iter()
            .map(|name| (name.to_string(), "{{ page.title }}".to_string()))
            .collect();
        for (name, text) in templates {
            texts.insert(name.to_string(), text.to_string());
        }
        let mut tera = Tera::new();
        crate::load::declare_functions(&mut tera);
        tera.add_raw_templates(&texts).expect("templates");
        let uses = template_uses(&texts);
        let names = Names::of(&site, uses.data.iter().map(String::as_str));
        let reads = TemplateReads::new(&tera, &uses, names);
        let mut reading = reads.reading("page.html");
        reading.data();
        let wants_nav = reading.wants("nav");
        let data = reading
            .inputs
            .finish()
            .iter()
            .map(|input| match input {
                Input::Data(stem) => reads.names().name(*stem).to_string(),
                Input::AllData => "*".to_string(),
                other => panic!("{other:?}"),
            })
            .collect();
        (data, wants_nav)
    }

    #[test]
    fn a_template_that_does_not_name_data_reads_none() {
        assert_eq!(page_reads(&[]), (vec![], false));
        let text = "{{ page.title }} <b data-unit=\"x\">{{ metadata }}</b>";
        assert_eq!(page_reads(&[("page.html", text)]), (vec![], false));
    }

    #[test]
    fn named_stems_are_read_one_by_one() {
        let text = "{{ data.hotline.phone }} {{ nav | length }}";
        assert_eq!(
            page_reads(&[("page.html", text)]),
            (vec!["hotline".into()], true)
        );
    }

    #[test]
    fn data_in_a_list_reads_every_data_file() {
        let text = "{% set x = [data] %}{{ x | length }}";
        assert_eq!(
            page_reads(&[("page.html", text)]),
            (vec!["*".into()], false)
        );
    }

    #[test]
    fn what_a_parent_or_an_include_reads_is_read() {
        let parent = [
            ("base.html", "{{ data.links }}{% block b %}{% endblock b %}"),
            (
                "page.html",
                "{% extends \"base.html\" %}{% block b %}x{% endblock b %}",
            ),
        ];
        assert_eq!(page_reads(&parent), (vec!["links".into()], false));
        let include = [
            (
                "menu.html",
                "{% for item in nav %}{{ item.title }}{% endfor %}",
            ),
            ("page.html", "{% include \"menu.html\" %}{{ data.hotline }}"),
        ];
        assert_eq!(page_reads(&include), (vec!["hotline".into()], true));
        // Through a parent's include.
        let both = [
            ("menu.html", "{{ nav }}"),
            (
                "base.html",
                "{% include \"menu.html\" %}{% block b %}{% endblock b %}",
            ),
            (
                "page.html",
                "{% extends \"base.html\" %}{% block b %}x{% endblock b %}",
            ),
        ];
        assert_eq!(page_reads(&both), (vec![], true));
    }

    #[test]
    fn an_implicit_component_argument_is_read_by_every_template() {
        let components = [
            (
                "components.html",
                "{% component Phone(@data) %}{{ data.hotline.phone }}{% endcomponent Phone %}\
                 {% component Menu(@nav) %}{{ nav | length }}{% endcomponent Menu %}",
            ),
            ("page.html", "{{ <Phone /> }}"),
        ];
        assert_eq!(page_reads(&components), (vec!["*".into()], true));
    }

    #[test]
    fn the_whole_context_reads_everything() {
        let whole = [
            ("debug.html", "{{ __tera_context }}"),
            ("page.html", "{{ page.title }}"),
        ];
        assert_eq!(page_reads(&whole), (vec!["*".into()], true));
    }

    /// Tera's analysis counts a name set anywhere before its use as the
    /// template's own, even when the `set` is in a branch not taken: were it
    /// believed, the page would read the context's `nav` without recording
    /// it, and stay stale when the menu changes.
    #[test]
    fn a_name_set_only_sometimes_is_still_read() {
        let text = "{% if page.kind == \"home\" %}{% set nav = [] %}{% endif %}{{ nav }}";
        assert_eq!(page_reads(&[("page.html", text)]), (vec![], true));
    }
}
