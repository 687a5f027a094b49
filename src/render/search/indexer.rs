//! Pagefind, which makes the search index (the `search` feature): the
//! indexing itself, and the hidden `search-index` command that does it in a
//! process of its own.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, Read, Write};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use super::{DIR, Index, Record};

/// Pagefind's list of the language indexes, which its library reads first.
const ENTRY: &str = "pagefind-entry.json";

/// Pagefind's ready-made search interfaces: the theme has its own, smaller.
const UNUSED: [&str; 4] = [
    "pagefind-ui",
    "pagefind-modular-ui",
    "pagefind-component-ui",
    "pagefind-highlight",
];

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
