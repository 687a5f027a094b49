//! The search index (the `search` feature): Pagefind's format, written by
//! aqparat (`writer.rs`), with Pagefind's browser library (`library.rs`);
//! and the hidden `search-index` command that makes it in a process of
//! its own.

use std::io::{self, Read, Write};

use super::writer::{self, LanguageIndex};
use super::{DIR, Index, Record, library};

/// Indexes `records`: one Pagefind index per language, in a pool of
/// threads of its own (not rayon's global one: a background index must
/// not hold the workers that the next build renders with).
pub fn index(records: &[Record]) -> io::Result<Index> {
    let mut langs: Vec<&str> = records.iter().map(|r| r.lang.as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("search-index-{i}"))
        .build()
        .map_err(io::Error::other)?;
    let indexes: Vec<LanguageIndex> = pool.install(|| {
        use rayon::prelude::*;
        langs
            .par_iter()
            .filter_map(|lang| {
                let records: Vec<&Record> = records.iter().filter(|r| r.lang == *lang).collect();
                writer::language_index(lang, &records)
            })
            .collect()
    });
    let mut files: Vec<(String, Vec<u8>)> = library::FILES
        .iter()
        .map(|(name, contents)| (format!("{DIR}/{name}"), contents.to_vec()))
        .collect();
    files.push((
        format!("{DIR}/pagefind-entry.json"),
        library::entry(&indexes),
    ));
    for index in indexes {
        if let Some(wasm) = library::wasm(&index.lang) {
            files.push((format!("{DIR}/wasm.{}.pagefind", index.lang), wasm.to_vec()));
        }
        files.extend(
            index
                .files
                .into_iter()
                .map(|(name, contents)| (format!("{DIR}/{name}"), contents)),
        );
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
