//! Renderers: one per output format. Nothing else in the crate prints.

pub mod check;
pub mod diagnostics;
pub mod extract;
pub mod github;
pub mod ordered;
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
    push_escaped(&mut out, s);
    out
}

/// Appends `s` to `out` as [`escape_for_terminal`] shows it.
///
/// Every character that can need escaping starts with one of a few bytes
/// (see [`MAY_NEED_ESCAPE`]), so runs of other bytes are copied whole
/// instead of char by char: the report escapes every quote and path it
/// shows, hundreds of MB on a large corpus.
pub fn push_escaped(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut plain = 0; // start of the run not yet copied
    let mut i = 0;
    while i < bytes.len() {
        if !MAY_NEED_ESCAPE[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().expect("a char starts at a lead byte");
        let next = i + c.len_utf8();
        match c {
            '\n' | '\r' | '\t' => {
                out.push_str(&s[plain..i]);
                out.push(' ');
                plain = next;
            }
            c if c.is_control() => {
                out.push_str(&s[plain..i]);
                out.extend(c.escape_unicode());
                plain = next;
            }
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}' => {
                out.push_str(&s[plain..i]);
                out.extend(c.escape_unicode());
                plain = next;
            }
            _ => {}
        }
        i = next;
    }
    out.push_str(&s[plain..]);
}

/// The bytes that start a character [`push_escaped`] may change: C0
/// controls and DEL (ASCII), `0xC2` (U+0080–U+00BF, holding the C1
/// controls), `0xE2` (U+2000–U+2FFF: zero-width marks, bidi controls and
/// invisible operators) and `0xEF` (U+F000–U+FFFF: the byte order mark).
/// Everything else is copied unchanged.
const MAY_NEED_ESCAPE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[0x7F] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t[0xEF] = true;
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    /// The escaping as first written: char by char.
    fn escape_reference(s: &str) -> String {
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

    #[test]
    fn escaping_runs_matches_escaping_each_char_for_every_char() {
        // every scalar value, alone and between plain text
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [c.to_string(), format!("ab{c}cd{c}"), format!("{c}{c}é")] {
                assert_eq!(escape_for_terminal(&s), escape_reference(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn escapes_controls_and_bidi_and_folds_line_breaks() {
        assert_eq!(
            escape_for_terminal("a\tb\nc\u{1b}[31m\u{202e}x\u{85}\u{feff}"),
            "a b c\\u{1b}[31m\\u{202e}x\\u{85}\\u{feff}"
        );
        assert_eq!(escape_for_terminal("Hà Nội – 425…"), "Hà Nội – 425…");
    }
}
