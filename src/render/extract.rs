//! Output of `claimcheck extract`: the mentions found, per format.

use std::io::{self, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use serde::Serialize;

use super::{escape_for_terminal, write_json_line};
use crate::pipeline::Located;

/// Version of the `extract` JSON records; bumped on incompatible change.
pub const SCHEMA: u32 = 1;

#[derive(Serialize)]
struct Record<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    mention: &'a Located,
}

/// Writes mentions as they arrive, chunk by chunk, in one format.
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

    /// Writes the mentions of some documents.
    pub fn docs(&mut self, docs: &[Vec<Located>]) -> io::Result<()> {
        self.docs += docs.len();
        for m in docs.iter().flatten() {
            match self.format {
                Format::Jsonl => write_json_line(
                    &mut self.out,
                    &Record {
                        kind: "mention",
                        mention: m,
                    },
                )?,
                Format::Json => {
                    self.out
                        .write_all(if self.count == 0 { b"\n" } else { b",\n" })?;
                    serde_json::to_writer(
                        &mut self.out,
                        &Record {
                            kind: "mention",
                            mention: m,
                        },
                    )?;
                }
                Format::Table => self.rows.push(row(m)),
            }
            self.count += 1;
        }
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
