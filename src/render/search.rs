//! The search index: Pagefind's, one per language, written to `pagefind/`
//! with Pagefind's own browser library, which the theme's script loads on
//! the first search.
//!
//! Pages are given to Pagefind as records (URL, language, title, text)
//! taken from the Markdown, rather than as HTML it would parse again; each
//! language gets its own index, so results stay in the page's language.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use rayon::prelude::*;

use super::site::PageFacts;
use crate::model::Site;
use crate::write::Output;

/// The folder of the index and of Pagefind's library in the output.
pub const DIR: &str = "pagefind";

/// Pagefind's list of the language indexes, which its library reads first.
const ENTRY: &str = "pagefind-entry.json";

/// Pagefind's ready-made search interfaces: the theme has its own, smaller.
const UNUSED: [&str; 4] = [
    "pagefind-ui",
    "pagefind-modular-ui",
    "pagefind-component-ui",
    "pagefind-highlight",
];

/// What the index knows of one page.
#[derive(Debug, Clone)]
pub struct Record {
    /// Its URL path, with the site's base path.
    url: String,
    /// Its language code.
    lang: String,
    /// Its title, shown in the results.
    title: String,
    /// Its words: title, description, text.
    content: String,
}

/// The records of every page of `site`, its text taken from `facts` (by
/// URL path).
pub fn records(site: &Site, facts: &HashMap<String, PageFacts>) -> Vec<Record> {
    site.pages
        .iter()
        .map(|page| {
            let text = facts.get(&page.url).map_or("", |f| f.text.as_str());
            Record {
                url: site.link(&page.url),
                lang: page.lang.clone(),
                title: page.title.clone(),
                content: format!("{}. {}. {}", page.title, page.description, text),
            }
        })
        .collect()
}

/// Indexes `records` and writes the index under [`DIR`], removing what an
/// earlier build left there and this one does not write.
pub fn write(records: &[Record], output: &Output) -> io::Result<()> {
    if output.is_discarded() {
        return Ok(());
    }
    // Pagefind indexes one page after another: one index per language,
    // in parallel, merged afterwards.
    let mut langs: Vec<&str> = records.iter().map(|r| r.lang.as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    let per_lang = langs
        .par_iter()
        .map(|lang| {
            let runtime = tokio::runtime::Builder::new_current_thread().build()?;
            let records = records.iter().filter(|r| r.lang == *lang);
            runtime
                .block_on(index(records))
                .map_err(|e| io::Error::other(format!("cannot build the search index: {e}")))
        })
        .collect::<io::Result<Vec<_>>>()?;
    let mut entry: Option<serde_json::Value> = None;
    let mut written = HashSet::new();
    for file in per_lang.into_iter().flatten() {
        let name = file.filename.to_string_lossy().to_string();
        if name == ENTRY {
            merge_entry(&mut entry, &file.contents)?;
            continue;
        }
        let rel = format!("{DIR}/{name}");
        // Pagefind's library comes with every language's files.
        if UNUSED.iter().any(|prefix| name.starts_with(prefix)) || written.contains(&rel) {
            continue;
        }
        output.write(&rel, &file.contents)?;
        written.insert(rel);
    }
    if let Some(entry) = entry {
        let rel = format!("{DIR}/{ENTRY}");
        output.write(&rel, entry.to_string().as_bytes())?;
        written.insert(rel);
    }
    for stale in output.files_under(DIR)? {
        if !written.contains(&stale) {
            output.remove(&stale)?;
        }
    }
    Ok(())
}

/// Adds the languages of one of Pagefind's entry files to `entry`.
fn merge_entry(entry: &mut Option<serde_json::Value>, contents: &[u8]) -> io::Result<()> {
    let next: serde_json::Value = serde_json::from_slice(contents).map_err(io::Error::other)?;
    match entry {
        None => *entry = Some(next),
        Some(entry) => {
            if let (Some(languages), Some(more)) = (
                entry["languages"].as_object_mut(),
                next["languages"].as_object(),
            ) {
                languages.extend(more.clone());
            }
        }
    }
    Ok(())
}

/// Pagefind's files for `records`.
async fn index(
    records: impl Iterator<Item = &Record>,
) -> Result<Vec<pagefind::api::SyntheticFile>, String> {
    let options = PagefindServiceConfig::builder()
        .keep_index_url(true)
        .build();
    let mut index = PagefindIndex::new(Some(options)).map_err(|e| format!("{e:#}"))?;
    for record in records {
        let meta = BTreeMap::from([("title".to_string(), record.title.clone())]);
        index
            .add_custom_record(
                record.url.clone(),
                record.content.clone(),
                record.lang.clone(),
                Some(meta),
                None,
                None,
            )
            .await
            .map_err(|e| format!("{}: {e:#}", record.url))?;
    }
    index.get_files().await.map_err(|e| format!("{e:#}"))
}
