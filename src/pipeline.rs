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

/// Extracts and locates every mention of one document (a long one in
/// parts, on several threads).
pub fn extract_document(doc: &Document) -> Vec<Located> {
    let ctx = context(doc);
    match long_parts(doc) {
        None => locate(doc, extract::extract(&doc.text, &ctx)),
        Some(parts) => {
            let spans = PartSpans::new(&doc.metadata_spans);
            let found: Vec<Vec<Located>> = parts
                .into_par_iter()
                .map(|part| {
                    let ctx = extract::Context {
                        skip: spans.reaching(&part).to_vec(),
                        ..ctx.clone()
                    };
                    locate(doc, extract::extract_in(&doc.text, &ctx, part))
                })
                .collect();
            found.into_iter().flatten().collect()
        }
    }
}

/// A long document's metadata spans (one `Source:` line per article of
/// an archive: 445,000 in a 1 GB file), found per part by binary search
/// rather than by a pass over all of them for each of its parts.
struct PartSpans<'a> {
    /// Sorted by start, as [`Document::metadata_spans`] are.
    spans: &'a [std::ops::Range<usize>],
    /// `reach[i]`: the furthest end among `spans[..=i]`.
    reach: Vec<usize>,
}

impl<'a> PartSpans<'a> {
    fn new(spans: &'a [std::ops::Range<usize>]) -> Self {
        let reach = spans
            .iter()
            .scan(0, |far, r| {
                *far = (*far).max(r.end);
                Some(*far)
            })
            .collect();
        PartSpans { spans, reach }
    }

    /// The spans that may reach into `part`: none before the first whose
    /// reach passes its start, none from the first that starts at its end.
    /// (`extract_in` drops any in between that end before it.)
    fn reaching(&self, part: &std::ops::Range<usize>) -> &'a [std::ops::Range<usize>] {
        let from = self.reach.partition_point(|&far| far <= part.start);
        let to = self.spans.partition_point(|r| r.start < part.end);
        &self.spans[from..to.max(from)]
    }
}

/// The parts a document over twice [`PART`] is extracted in; `None` for
/// a shorter one.
fn long_parts(doc: &Document) -> Option<Vec<std::ops::Range<usize>>> {
    (doc.text.len() > 2 * PART).then(|| extract::paragraph_parts(&doc.text, PART))
}

fn locate(doc: &Document, mentions: Vec<extract::Mention>) -> Vec<Located> {
    // mentions come in text order: count forward from one to the next
    let mut locator = doc.lines.locator(&doc.text);
    mentions
        .into_iter()
        .map(|mention| {
            let (line, column) = locator.line_col(mention.start);
            Located {
                doc: doc.path.clone(),
                line,
                column,
                mention,
            }
        })
        .collect()
}

/// A document read on a worker thread: rendered whole, or long and left
/// to be rendered in parts.
enum Read<T> {
    Whole(T, Vec<crate::corpus::Problem>),
    Long(
        Box<Document>,
        Vec<std::ops::Range<usize>>,
        Vec<crate::corpus::Problem>,
    ),
}

/// What the extracting thread hands the writing thread, in document order.
enum Item<T> {
    /// A document read: its first rendered parts and its problems.
    Doc(Vec<T>, Vec<crate::corpus::Problem>),
    /// More rendered parts of the document before.
    More(Vec<T>),
    /// A document that could not be read.
    Failed(crate::corpus::Problem),
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
        // two batches in flight at most: memory stays flat
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Item<T>>>(1);
        scope.spawn(move || {
            // a long document is rendered a few parts per thread at a time,
            // and sent on: its output is not held whole
            let window = 2 * rayon::current_num_threads();
            for chunk in sources.chunks(CHUNK) {
                let results: Vec<_> = chunk
                    .par_iter()
                    .map(|src| {
                        crate::corpus::read_document(src, opts).map(|(doc, p)| {
                            match long_parts(&doc) {
                                None => Read::Whole(render(&extract_document(&doc)), p),
                                Some(parts) => Read::Long(Box::new(doc), parts, p),
                            }
                        })
                    })
                    .collect();
                let mut batch = Vec::with_capacity(results.len());
                for r in results {
                    match r {
                        Ok(Read::Whole(rendered, p)) => batch.push(Item::Doc(vec![rendered], p)),
                        Ok(Read::Long(doc, parts, p)) => {
                            let ctx = context(&doc);
                            let mut p = Some(p);
                            for window in parts.chunks(window) {
                                let rendered: Vec<T> = window
                                    .par_iter()
                                    .map(|part| {
                                        let found =
                                            extract::extract_in(&doc.text, &ctx, part.clone());
                                        render(&locate(&doc, found))
                                    })
                                    .collect();
                                batch.push(match p.take() {
                                    Some(p) => Item::Doc(rendered, p),
                                    None => Item::More(rendered),
                                });
                                if tx.send(std::mem::take(&mut batch)).is_err() {
                                    return; // the writer stopped (an output error)
                                }
                            }
                        }
                        Err(p) => batch.push(Item::Failed(p)),
                    }
                }
                if tx.send(batch).is_err() {
                    return;
                }
            }
        });
        for batch in rx {
            for item in batch {
                match item {
                    Item::Doc(rendered, p) => {
                        inputs.read += 1;
                        problems.extend(p);
                        for (i, part) in rendered.into_iter().enumerate() {
                            sink(part, i == 0)?;
                        }
                    }
                    Item::More(rendered) => {
                        for part in rendered {
                            sink(part, false)?;
                        }
                    }
                    Item::Failed(p) => {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The spans the pass over all of them kept for a part.
    fn every_reaching(
        spans: &[std::ops::Range<usize>],
        part: &std::ops::Range<usize>,
    ) -> Vec<std::ops::Range<usize>> {
        spans
            .iter()
            .filter(|r| r.start < part.end && r.end > part.start)
            .cloned()
            .collect()
    }

    #[test]
    fn part_spans_keep_every_span_that_reaches_into_a_part() {
        // sorted by start; overlapping, nested, empty and touching spans
        let spans = vec![
            0..0,
            0..5,
            2..40,
            3..4,
            10..12,
            12..12,
            12..20,
            30..31,
            50..90,
            60..61,
            95..100,
        ];
        let index = PartSpans::new(&spans);
        for a in 0..105 {
            for b in a..106 {
                let part = a..b;
                let found: Vec<_> = index
                    .reaching(&part)
                    .iter()
                    .filter(|r| r.start < part.end && r.end > part.start)
                    .cloned()
                    .collect();
                assert_eq!(found, every_reaching(&spans, &part), "part {part:?}");
            }
        }
        assert!(PartSpans::new(&[]).reaching(&(0..10)).is_empty());
    }

    #[test]
    fn a_long_document_with_source_lines_extracts_as_a_whole() {
        // an archive: more than two parts' worth of articles, each closed by
        // its own `Source:` line (metadata: never a claim)
        let article =
            "Founded in 1956, the network had 425 member cities in 91 countries by 2025.\n\n\
                       Source: https://example.org/2024/report-123\n\n";
        let text = article.repeat(2 * PART / article.len() + 2000);
        let (doc, _) = crate::corpus::document_from_text("archive.txt", text, &Default::default())
            .expect("loads");
        assert!(
            doc.metadata_spans.len() > 1000,
            "{}",
            doc.metadata_spans.len()
        );
        assert!(long_parts(&doc).is_some_and(|p| p.len() > 2));
        let whole = extract::extract(&doc.text, &context(&doc));
        let parts: Vec<Mention> = extract_document(&doc)
            .into_iter()
            .map(|l| l.mention)
            .collect();
        assert!(whole.len() > 1000, "{}", whole.len());
        assert_eq!(format!("{parts:?}"), format!("{whole:?}"));
    }
}
