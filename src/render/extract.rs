//! Output of `claimcheck extract`: the mentions found, per format.

use std::io::{self, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};

use super::{escape_for_terminal, push_json_int, push_json_str};
use crate::extract::Mention;
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
        // the mention's own fields), written by hand with the document's
        // path escaped once: this is the hot loop of `extract --format
        // jsonl`, and serde's `flatten` and derived map writing were a
        // tenth of its time.
        let mut doc_prefix: Vec<u8> = Vec::new();
        let mut last_doc: Option<&str> = None;
        for m in mentions {
            if last_doc != Some(m.doc.as_str()) {
                doc_prefix.clear();
                doc_prefix.extend_from_slice(b"{\"type\":\"mention\",\"doc\":");
                push_json_str(&mut doc_prefix, &m.doc);
                doc_prefix.extend_from_slice(b",\"line\":");
                last_doc = Some(m.doc.as_str());
            }
            let out = &mut piece.bytes;
            if self == Format::Json {
                out.extend_from_slice(b",\n");
            }
            out.extend_from_slice(&doc_prefix);
            push_json_int(out, m.line);
            out.extend_from_slice(b",\"column\":");
            push_json_int(out, m.column);
            push_mention_fields(out, &m.mention);
            out.push(b'}');
            if self == Format::Jsonl {
                out.push(b'\n');
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

/// Appends a mention's fields, each after a comma, as serde writes the
/// [`Mention`] (field order, skipped empty fields, `null` for no unit);
/// `value` and `items` go through serde, which knows their shapes.
fn push_mention_fields(out: &mut Vec<u8>, m: &Mention) {
    // writing to a Vec cannot fail, nor can serialising these values
    out.extend_from_slice(b",\"start\":");
    push_json_int(out, m.start);
    out.extend_from_slice(b",\"end\":");
    push_json_int(out, m.end);
    out.extend_from_slice(b",\"text\":");
    push_json_str(out, &m.text);
    out.extend_from_slice(b",\"kind\":");
    push_json_str(out, m.kind.as_str());
    out.extend_from_slice(b",\"value\":");
    let _ = serde_json::to_writer(&mut *out, &m.value);
    out.extend_from_slice(b",\"qualifier\":");
    push_json_str(out, m.qualifier.as_str());
    if let Some(hedge) = &m.hedge {
        out.extend_from_slice(b",\"hedge\":");
        push_json_str(out, hedge);
    }
    out.extend_from_slice(b",\"unit\":");
    match &m.unit {
        Some(unit) => push_json_str(out, unit),
        None => out.extend_from_slice(b"null"),
    }
    if let Some(of) = &m.of {
        out.extend_from_slice(b",\"of\":");
        push_json_str(out, of);
    }
    if let Some(per) = m.per {
        out.extend_from_slice(b",\"per\":");
        push_json_str(out, per);
    }
    out.extend_from_slice(b",\"precision\":");
    let _ = serde_json::to_writer(&mut *out, &m.precision);
    out.extend_from_slice(b",\"sentence\":[");
    push_json_int(out, m.sentence[0]);
    out.push(b',');
    push_json_int(out, m.sentence[1]);
    out.push(b']');
    if let Some(preposition) = &m.preposition {
        out.extend_from_slice(b",\"preposition\":");
        push_json_str(out, preposition);
    }
    if let Some((day, _)) = m.weekday {
        out.extend_from_slice(b",\"weekday\":");
        push_json_str(out, &format!("{day:?}"));
    }
    if m.year_inferred {
        out.extend_from_slice(b",\"year_inferred\":true");
    }
    if let Some(year) = m.implied_year {
        out.extend_from_slice(b",\"implied_year\":");
        push_json_int(out, year);
    }
    if let Some(items) = &m.items {
        out.extend_from_slice(b",\"items\":");
        let _ = serde_json::to_writer(&mut *out, items);
    }
    if m.list_complete {
        out.extend_from_slice(b",\"list_complete\":true");
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
        // every optional field of a mention, and strings that need escapes
        let text = "---\npublished: 2025-08-22\n---\n\
            Hà Nội \"quoted\" has about 1,420,907 families, 67.4% of them, \
            VND30,000 billion and 13 countries, including A, B and C.\n\n\
            More than 82% of the laboratories \\ said so in 2013.\n\n\
            The budget is VND10 billion/year.\n\n\
            The fair opens on Thursday, December 4, and the 949-year-old \
            temple reopens on September 2.\n\n\
            It has three parks, namely East, West and North.\n\n\
            Nearly 4,000 people, from 2021 to 2023, aged 15-60.\n";
        let (doc, _) =
            document_from_text("dir/a \"b\".md", text.to_string(), &LoadOptions::default())
                .unwrap();
        let mentions = crate::pipeline::extract_document(&doc);
        assert!(mentions.len() >= 10);
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
        let jsonl = String::from_utf8(jsonl).unwrap();
        for field in [
            "hedge",
            "of",
            "per",
            "preposition",
            "weekday",
            "year_inferred",
            "implied_year",
            "items",
            "list_complete",
        ] {
            let key = format!("\"{field}\":");
            assert!(jsonl.contains(&key), "no {field} in the test's records");
        }
        assert!(jsonl.contains(r#""doc":"dir/a \"b\".md""#));
        assert!(jsonl.contains("\"unit\":null"));
        assert_eq!(
            String::from_utf8(Format::Jsonl.render(&mentions).bytes).unwrap(),
            jsonl
        );
        assert_eq!(
            String::from_utf8(Format::Json.render(&mentions).bytes).unwrap(),
            String::from_utf8(json).unwrap()
        );
    }
}
