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

/// One `{"type":"mention",…}` record per line.
pub fn jsonl<W: Write>(out: &mut W, docs: &[Vec<Located>]) -> io::Result<()> {
    for m in docs.iter().flatten() {
        write_json_line(
            out,
            &Record {
                kind: "mention",
                mention: m,
            },
        )?;
    }
    Ok(())
}

/// One JSON object: `{"schema":1,"mentions":[…]}`.
pub fn json<W: Write>(out: &mut W, docs: &[Vec<Located>]) -> io::Result<()> {
    #[derive(Serialize)]
    struct All<'a> {
        schema: u32,
        mentions: Vec<Record<'a>>,
    }
    let all = All {
        schema: SCHEMA,
        mentions: docs
            .iter()
            .flatten()
            .map(|m| Record {
                kind: "mention",
                mention: m,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &all)?;
    out.write_all(b"\n")
}

/// A table for people: doc, line:col, text, kind, value, unit.
pub fn table<W: Write>(out: &mut W, docs: &[Vec<Located>]) -> io::Result<()> {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(vec!["doc", "line:col", "text", "kind", "value", "unit"]);
    let mut n = 0;
    for m in docs.iter().flatten() {
        n += 1;
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
        t.add_row(vec![
            escape_for_terminal(&m.doc),
            format!("{}:{}", m.line, m.column),
            escape_for_terminal(&m.mention.text),
            m.mention.kind.as_str().to_string(),
            value,
            escape_for_terminal(m.mention.unit.as_deref().unwrap_or("")),
        ]);
    }
    if n > 0 {
        writeln!(out, "{t}")?;
    }
    writeln!(out, "{n} mentions in {} documents", docs.len())
}
