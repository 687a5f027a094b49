//! The search index: Pagefind's, one per language, written to `pagefind/`
//! with Pagefind's own browser library, which the theme's script loads on
//! the first search.
//!
//! Pages are given to Pagefind as records (URL, language, title, text)
//! taken from the Markdown, rather than as HTML it would parse again; the
//! statistics pages give theirs in words (see `stats::Infographics`). Each
//! language gets its own index, so results stay in the page's language.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use serde::{Deserialize, Serialize};

use crate::model::{Page, Site};
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
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    /// Its URL path, with the site's base path.
    url: String,
    /// Its language code.
    lang: String,
    /// Its title, shown in the results.
    title: String,
    /// Its description.
    description: String,
    /// Its text.
    text: Arc<str>,
}

impl Record {
    /// The record of a page that aqparat makes (statistics): `url` with the
    /// base path, its language, title and text.
    pub fn new(url: String, lang: &str, title: &str, text: String) -> Record {
        Record {
            url,
            lang: lang.to_string(),
            title: title.to_string(),
            description: String::new(),
            text: text.into(),
        }
    }

    /// The record of content page `page`, whose text is `text`.
    pub fn of_page(site: &Site, page: &Page, text: &str) -> Record {
        Record {
            url: site.link(&page.url),
            lang: page.lang.clone(),
            title: page.title.clone(),
            description: page.description.clone(),
            text: text.into(),
        }
    }
}

/// The files of a search index, by path relative to the output root.
pub struct Index {
    files: Vec<(String, Vec<u8>)>,
    pages: usize,
}

impl Index {
    /// How many pages it indexes.
    pub fn pages(&self) -> usize {
        self.pages
    }
}

/// Indexes `records`: one Pagefind index per language, made in parallel
/// (Pagefind indexes one page after another), then merged.
pub fn index(records: &[Record]) -> io::Result<Index> {
    let mut langs: Vec<&str> = records.iter().map(|r| r.lang.as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    // Threads of their own, not rayon's: a background index must not hold
    // the workers that the next build renders with.
    let per_lang = std::thread::scope(|scope| {
        let jobs: Vec<_> = langs
            .iter()
            .map(|lang| {
                scope.spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
                    let records = records.iter().filter(|r| r.lang == *lang);
                    runtime.block_on(pagefind_files(records)).map_err(|e| {
                        io::Error::other(format!("cannot build the search index: {e}"))
                    })
                })
            })
            .collect();
        jobs.into_iter()
            .map(|job| {
                job.join()
                    .unwrap_or_else(|_| Err(io::Error::other("the search indexing thread failed")))
            })
            .collect::<io::Result<Vec<_>>>()
    })?;
    let mut entry: Option<serde_json::Value> = None;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut seen = HashSet::new();
    for file in per_lang.into_iter().flatten() {
        let name = file.filename.to_string_lossy().to_string();
        if name == ENTRY {
            merge_entry(&mut entry, &file.contents)?;
            continue;
        }
        let rel = format!("{DIR}/{name}");
        // Pagefind's library comes with every language's files.
        if UNUSED.iter().any(|prefix| name.starts_with(prefix)) || !seen.insert(rel.clone()) {
            continue;
        }
        files.push((rel, file.contents));
    }
    if let Some(entry) = entry {
        files.push((format!("{DIR}/{ENTRY}"), entry.to_string().into_bytes()));
    }
    Ok(Index {
        files,
        pages: records.len(),
    })
}

/// Indexes `records` as [`index`] does, in a process of its own: `program`
/// with the argument `search-index` (see [`index_from_stream`]). Pagefind
/// takes gigabytes for a large site; in another process, its memory
/// traffic does not hold up the builds of this one.
pub fn index_in_process(program: &Path, records: &[Record]) -> io::Result<Index> {
    let mut child = Command::new(program)
        .arg("search-index")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let (Some(stdin), Some(mut stdout)) = (child.stdin.take(), child.stdout.take()) else {
        return Err(io::Error::other("no pipes to the search indexer"));
    };
    let files = std::thread::scope(|scope| {
        let writer = scope.spawn(move || {
            serde_json::to_writer(io::BufWriter::new(stdin), records).map_err(io::Error::other)
        });
        let files = read_files(&mut stdout);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the search records were not sent")));
        files.and_then(|files| written.map(|()| files))
    });
    let status = child.wait()?;
    if !status.success() {
        return Err(io::Error::other(format!(
            "the search indexer failed: {status}"
        )));
    }
    Ok(Index {
        files: files?,
        pages: records.len(),
    })
}

/// The `search-index` command: reads records (JSON) from `input`, indexes
/// them at the lowest CPU priority (ending with the process that started
/// it) and writes the index's files to
/// `output`, each as its name's length (4 bytes), its name, its length (8
/// bytes, little-endian) and its contents.
pub fn index_from_stream(input: impl Read, output: impl Write) -> io::Result<()> {
    let _ = rustix::process::setpriority_process(None, 19);
    // An index for a `watch` that has stopped is of no use.
    #[cfg(target_os = "linux")]
    let _ = rustix::process::set_parent_process_death_signal(Some(rustix::process::Signal::TERM));
    let records: Vec<Record> =
        serde_json::from_reader(io::BufReader::new(input)).map_err(io::Error::other)?;
    let index = index(&records)?;
    let mut output = io::BufWriter::new(output);
    for (name, contents) in &index.files {
        output.write_all(
            &u32::try_from(name.len())
                .map_err(io::Error::other)?
                .to_le_bytes(),
        )?;
        output.write_all(name.as_bytes())?;
        output.write_all(&(contents.len() as u64).to_le_bytes())?;
        output.write_all(contents)?;
    }
    output.flush()
}

/// Reads the files that [`index_from_stream`] writes.
fn read_files(input: &mut impl Read) -> io::Result<Vec<(String, Vec<u8>)>> {
    let mut input = io::BufReader::new(input);
    let mut files = Vec::new();
    loop {
        let mut name_len = [0; 4];
        match input.read_exact(&mut name_len) {
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(files),
            result => result?,
        }
        let mut name = vec![0; u32::from_le_bytes(name_len) as usize];
        input.read_exact(&mut name)?;
        let mut len = [0; 8];
        input.read_exact(&mut len)?;
        let len = usize::try_from(u64::from_le_bytes(len)).map_err(io::Error::other)?;
        let mut contents = vec![0; len];
        input.read_exact(&mut contents)?;
        files.push((String::from_utf8(name).map_err(io::Error::other)?, contents));
    }
}

/// Writes `index` under [`DIR`], removing what an earlier build left there
/// and this one does not write.
pub fn write(index: &Index, output: &Output) -> io::Result<()> {
    let mut written = HashSet::with_capacity(index.files.len());
    for (rel, contents) in &index.files {
        // Pagefind names its index files after their content: most are
        // unchanged from one build to the next.
        if rel.contains(".pf_") {
            output.write_content_named(rel, contents)?;
        } else {
            output.write(rel, contents)?;
        }
        written.insert(rel.as_str());
    }
    for stale in output.files_under(DIR)? {
        if !written.contains(stale.as_str()) {
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
async fn pagefind_files(
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
                [record.title.as_str(), &record.description, &record.text]
                    .iter()
                    .filter(|part| !part.is_empty())
                    .copied()
                    .collect::<Vec<&str>>()
                    .join(". "),
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
