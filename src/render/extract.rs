//! Output of `claimcheck extract`: the mentions found, per format.

use std::io::{self, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};

use super::escape_for_terminal;
use crate::pipeline::Located;

/// Version of the `extract` JSON records; bumped on incompatible change.
pub const SCHEMA: u32 = 1;

/// The record as serde would write it; `Format::render` writes the same
/// bytes by hand (a test holds the two together).
#[cfg(test)]
#[derive(serde::Serialize)]
struct Record<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    mention: &'a Located,
}

/// Writes mentions as they arrive, chunk by chunk, in one format.
///
/// Rendering is split in two so that it can run on the worker threads:
/// [`Format::render`] turns one document's mentions into a [`Piece`]
/// (pure, any thread), and [`Stream::write`] appends pieces in document
/// order (cheap, one thread).
pub struct Stream<W: Write> {
    out: W,
    format: Format,
    count: usize,
    docs: usize,
    rows: Vec<Vec<String>>,
}

/// The formats of `claimcheck extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Jsonl,
}

/// One document's mentions, rendered.
#[derive(Debug, Default)]
pub struct Piece {
    /// JSON records; in the JSON format each starts with `,\n` (the stream
    /// drops the comma of the very first one).
    bytes: Vec<u8>,
    /// Table rows.
    rows: Vec<Vec<String>>,
    count: usize,
}

impl Format {
    /// Renders one document's mentions.
    pub fn render(self, mentions: &[Located]) -> Piece {
        let mut piece = Piece {
            count: mentions.len(),
            ..Piece::default()
        };
        if self == Format::Table {
            piece.rows = mentions.iter().map(row).collect();
            return piece;
        }
        // The bytes of `Record` (`type`, then `doc`, `line`, `column`, then
        // the mention's own fields), written without serde's `flatten`
        // machinery and with the document's path escaped once: this is the
        // hot loop of `extract --format jsonl`.
        let mut doc_prefix: Vec<u8> = Vec::new();
        let mut scratch: Vec<u8> = Vec::new();
        let mut last_doc: Option<&str> = None;
        for m in mentions {
            if last_doc != Some(m.doc.as_str()) {
                doc_prefix.clear();
                doc_prefix.extend_from_slice(b"{\"type\":\"mention\",\"doc\":");
                // writing to a Vec cannot fail, nor can serialising a string
                let _ = serde_json::to_writer(&mut doc_prefix, &m.doc);
                doc_prefix.extend_from_slice(b",\"line\":");
                last_doc = Some(m.doc.as_str());
            }
            if self == Format::Json {
                piece.bytes.extend_from_slice(b",\n");
            }
            piece.bytes.extend_from_slice(&doc_prefix);
            piece.bytes.extend_from_slice(m.line.to_string().as_bytes());
            piece.bytes.extend_from_slice(b",\"column\":");
            piece
                .bytes
                .extend_from_slice(m.column.to_string().as_bytes());
            scratch.clear();
            let _ = serde_json::to_writer(&mut scratch, &m.mention);
            // the mention is a non-empty JSON object: splice in its fields
            match scratch.strip_prefix(b"{") {
                Some(b"}") | None => piece.bytes.push(b'}'),
                Some(fields) => {
                    piece.bytes.push(b',');
                    piece.bytes.extend_from_slice(fields);
                }
            }
            if self == Format::Jsonl {
                piece.bytes.push(b'\n');
            }
        }
        piece
    }
}

impl<W: Write> Stream<W> {
    pub fn new(mut out: W, format: Format) -> io::Result<Self> {
        if format == Format::Json {
            write!(out, "{{\"schema\":{SCHEMA},\"mentions\":[")?;
        }
        Ok(Stream {
            out,
            format,
            count: 0,
            docs: 0,
            rows: Vec::new(),
        })
    }

    /// Appends rendered mentions: a document's, or, for a long document
    /// rendered in parts, one part's (`first` for the first of them).
    pub fn write(&mut self, mut piece: Piece, first: bool) -> io::Result<()> {
        self.docs += usize::from(first);
        let bytes = if self.format == Format::Json && self.count == 0 && !piece.bytes.is_empty() {
            &piece.bytes[1..]
        } else {
            &piece.bytes[..]
        };
        self.out.write_all(bytes)?;
        self.rows.append(&mut piece.rows);
        self.count += piece.count;
        Ok(())
    }

    /// Closes the output (the JSON array, the table and its count line).
    pub fn finish(mut self) -> io::Result<W> {
        match self.format {
            Format::Json => self.out.write_all(b"\n]}\n")?,
            Format::Jsonl => {}
            Format::Table => {
                if !self.rows.is_empty() {
                    let mut t = Table::new();
                    t.load_preset(UTF8_FULL_CONDENSED)
                        .set_content_arrangement(ContentArrangement::Dynamic)
                        .set_header(vec!["doc", "line:col", "text", "kind", "value", "unit"]);
                    for r in self.rows.drain(..) {
                        t.add_row(r);
                    }
                    writeln!(self.out, "{t}")?;
                }
                writeln!(
                    self.out,
                    "{} mentions in {} documents",
                    self.count, self.docs
                )?;
            }
        }
        Ok(self.out)
    }
}

fn row(m: &Located) -> Vec<String> {
    let mut value = m.mention.value.to_string();
    if m.mention.qualifier != crate::extract::Qualifier::Exact {
        value = format!("{value} ({})", m.mention.qualifier.as_str());
    }
    if let Some(p) = m.mention.per {
        value = format!("{value}/{p}");
    }
    if let Some(items) = &m.mention.items {
        value = format!("{value} [{} listed]", items.len());
    }
    vec![
        escape_for_terminal(&m.doc),
        format!("{}:{}", m.line, m.column),
        escape_for_terminal(&m.mention.text),
        m.mention.kind.as_str().to_string(),
        value,
        escape_for_terminal(m.mention.unit.as_deref().unwrap_or("")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{document_from_text, LoadOptions};

    #[test]
    fn hand_written_records_are_the_serde_records() {
        let text =
            "---\npublished: 2025-08-22\n---\nHà Nội \"quoted\" has about 1,420,907 families, \
                    67.4% of them, VND30,000 billion and 13 countries, including A, B and C.\n";
        let (doc, _) =
            document_from_text("dir/a \"b\".md", text.to_string(), &LoadOptions::default())
                .unwrap();
        let mentions = crate::pipeline::extract_document(&doc);
        assert!(mentions.len() >= 4);
        let mut jsonl = Vec::new();
        let mut json = Vec::new();
        for m in &mentions {
            let record = Record {
                kind: "mention",
                mention: m,
            };
            crate::render::write_json_line(&mut jsonl, &record).unwrap();
            json.extend_from_slice(b",\n");
            serde_json::to_writer(&mut json, &record).unwrap();
        }
        assert_eq!(
            String::from_utf8(Format::Jsonl.render(&mentions).bytes).unwrap(),
            String::from_utf8(jsonl).unwrap()
        );
        assert_eq!(
            String::from_utf8(Format::Json.render(&mentions).bytes).unwrap(),
            String::from_utf8(json).unwrap()
        );
    }
}
