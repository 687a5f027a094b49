//! Which context variables a template reads, as Tera's own parser tells
//! (the top-level names of a template, its parents and includes), so that
//! an output records as inputs only what its template can show.
//!
//! Two ways around that analysis are taken as reading everything: the
//! magic `__tera_context`, and a component's `@implicit` argument, which
//! reads a name of whoever calls it. What a template reads *of* `data` is
//! narrowed to the stems it names (`data.hotline`) only when every use of
//! the name in the theme is of that form (see
//! `load::fingerprint::template_data`); otherwise it reads all data.

use std::collections::{BTreeSet, HashMap, HashSet};

use tera::Tera;

use super::inputs::{Input, Inputs, Names};

/// What each template of a theme reads.
pub struct TemplateReads {
    by_template: HashMap<String, HashSet<String>>,
    /// Names any template may read without naming them.
    implicit: HashSet<String>,
    /// Whether a template reads its whole context.
    everything: bool,
    /// The data stems templates read, or `*` for all.
    data: Vec<Input>,
    /// The site's names, as inputs number them.
    names: Names,
}

impl TemplateReads {
    /// What the templates of `tera` read; `data_stems`: the stems the theme
    /// names, `*` for a use that names none.
    pub fn new(tera: &Tera, data_stems: &BTreeSet<String>, names: Names) -> TemplateReads {
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
            .collect();
        let everything = data_stems.contains(crate::load::fingerprint::WHOLE_CONTEXT);
        let data = if everything || data_stems.contains("*") {
            vec![Input::AllData]
        } else {
            data_stems
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
