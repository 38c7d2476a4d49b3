//! Renderers: one per output format. Nothing else in the crate prints.

pub mod check;
pub mod diagnostics;
pub mod extract;
pub mod github;
pub mod sarif;

use std::io::{self, Write};

use serde::Serialize;

/// Writes one JSON value followed by a newline.
pub fn write_json_line<W: Write, T: Serialize>(out: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Makes text safe to show in a terminal: control characters, ANSI escapes
/// and bidirectional overrides from article text are shown escaped, never
/// sent raw.
pub fn escape_for_terminal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.extend(c.escape_unicode()),
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}' => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out
}
