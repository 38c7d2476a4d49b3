//! The stages wired together: documents in, located mentions out.
//!
//! Positions (line:column) are computed here, while the document text is
//! still at hand, so later stages need only the mentions.

use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::Document;
use crate::extract::{self, Mention};

/// A mention with its document path and human position.
#[derive(Debug, Clone, Serialize)]
pub struct Located {
    pub doc: String,
    pub line: usize,
    pub column: usize,
    #[serde(flatten)]
    pub mention: Mention,
}

/// Extraction context for a document: its publication date and metadata spans.
pub fn context(doc: &Document) -> extract::Context {
    extract::Context {
        published: doc.meta.published,
        body_start: doc.body_start,
        skip: doc.metadata_spans.clone(),
    }
}

/// Documents longer than this are extracted in parts of about this size,
/// split at blank lines, on several threads: one long document (an
/// archive exported as a single file) is otherwise one thread's work.
const PART: usize = 1 << 20;

/// Extracts and locates every mention of one document.
pub fn extract_document(doc: &Document) -> Vec<Located> {
    let mut parts = in_parts(doc, |located| located);
    match parts.len() {
        1 => parts.pop().unwrap_or_default(),
        _ => parts.into_iter().flatten().collect(),
    }
}

/// Extracts a document and hands its located mentions to `then`: all at
/// once, or, for a document over twice [`PART`], part by part on several
/// threads (results in text order).
fn in_parts<T: Send>(doc: &Document, then: impl Fn(Vec<Located>) -> T + Sync) -> Vec<T> {
    let ctx = context(doc);
    let locate = |mentions: Vec<extract::Mention>| -> Vec<Located> {
        mentions
            .into_iter()
            .map(|mention| {
                let (line, column) = doc.line_col(mention.start);
                Located {
                    doc: doc.path.clone(),
                    line,
                    column,
                    mention,
                }
            })
            .collect()
    };
    if doc.text.len() <= 2 * PART {
        return vec![then(locate(extract::extract(&doc.text, &ctx)))];
    }
    extract::paragraph_parts(&doc.text, PART)
        .into_par_iter()
        .map(|part| then(locate(extract::extract_in(&doc.text, &ctx, part))))
        .collect()
}

/// How many documents are processed together when streaming: enough to
/// keep every thread busy, few enough that memory stays flat.
const CHUNK: usize = 256;

/// Extracts every document under `paths`, turns each document's located
/// mentions into `T` with `render` (on the worker threads), and hands them
/// to `sink` in sorted document order, with `true` for the first `T` of a
/// document (a long document comes in several, one per part). A
/// document's text is dropped as soon as its mentions exist.
///
/// Chunks of documents are extracted in parallel while the calling thread
/// writes the previous chunk, so writing output overlaps extraction. Returns
/// the problems met and how many documents were read and failed.
pub fn extract_paths<T: Send>(
    paths: &[String],
    opts: &crate::corpus::LoadOptions,
    render: impl Fn(&[Located]) -> T + Sync,
    mut sink: impl FnMut(T, bool) -> std::io::Result<()>,
) -> std::io::Result<(Vec<crate::corpus::Problem>, crate::report::Inputs)> {
    let crate::corpus::Discovery {
        sources,
        mut problems,
        skipped,
    } = crate::corpus::discover_with_skipped(paths);
    let mut inputs = crate::report::Inputs {
        skipped,
        ..Default::default()
    };
    let render = &render;
    std::thread::scope(|scope| {
        // two chunks in flight at most: memory stays flat
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        scope.spawn(move || {
            for chunk in sources.chunks(CHUNK) {
                let results: Vec<_> = chunk
                    .par_iter()
                    .map(|src| {
                        crate::corpus::read_document(src, opts)
                            .map(|(doc, p)| (in_parts(&doc, |located| render(&located)), p))
                    })
                    .collect();
                if tx.send(results).is_err() {
                    break; // the writer stopped (an output error)
                }
            }
        });
        for results in rx {
            for r in results {
                match r {
                    Ok((rendered, p)) => {
                        inputs.read += 1;
                        problems.extend(p);
                        for (i, part) in rendered.into_iter().enumerate() {
                            sink(part, i == 0)?;
                        }
                    }
                    Err(p) => {
                        inputs.failed += 1;
                        problems.push(p);
                    }
                }
            }
        }
        Ok::<(), std::io::Error>(())
    })?;
    Ok((problems, inputs))
}
