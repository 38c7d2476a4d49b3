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

/// Extracts every document in parallel; the result keeps document order.
pub fn extract_all(docs: &[Document]) -> Vec<Vec<Located>> {
    docs.par_iter().map(extract_document).collect()
}
