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

/// Extracts and locates every mention of one document.
pub fn extract_document(doc: &Document) -> Vec<Located> {
    extract::extract(&doc.text, &context(doc))
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
}

/// How many documents are processed together when streaming: enough to
/// keep every thread busy, few enough that memory stays flat.
const CHUNK: usize = 256;

/// Extracts every document under `paths`, handing the located mentions to
/// `sink` chunk by chunk in sorted document order; a document's text is
/// dropped as soon as its mentions exist. Returns the problems met and how
/// many documents were read and failed.
pub fn extract_paths(
    paths: &[String],
    opts: &crate::corpus::LoadOptions,
    mut sink: impl FnMut(&[Vec<Located>]) -> std::io::Result<()>,
) -> std::io::Result<(Vec<crate::corpus::Problem>, crate::report::Inputs)> {
    let (sources, mut problems) = crate::corpus::discover(paths);
    let mut inputs = crate::report::Inputs::default();
    for chunk in sources.chunks(CHUNK) {
        let results: Vec<_> = chunk
            .par_iter()
            .map(|src| {
                crate::corpus::read_document(src, opts).map(|(doc, p)| (extract_document(&doc), p))
            })
            .collect();
        let mut mentions = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok((m, p)) => {
                    inputs.read += 1;
                    problems.extend(p);
                    mentions.push(m);
                }
                Err(p) => {
                    inputs.failed += 1;
                    problems.push(p);
                }
            }
        }
        sink(&mentions)?;
    }
    Ok((problems, inputs))
}
