//! Renderers: one per output format. Nothing else in the crate prints.

pub mod check;
pub mod diagnostics;
pub mod extract;
pub mod github;
pub mod ordered;
pub mod sarif;

use std::io::{self, Write};

use serde::Serialize;

/// Appends `s` as a JSON string, byte for byte as serde_json writes it
/// (only `"`, `\\` and control characters below U+0020 are escaped).
/// Most strings need no escape and are copied whole, without serde_json's
/// per-byte escape loop: this is on the hot path of every JSON record.
pub(crate) fn push_json_str(out: &mut Vec<u8>, s: &str) {
    // `fold`, not `any`: no early exit, so the loop vectorises
    let escape = s.bytes().fold(false, |acc, b| {
        acc | (b < 0x20) | (b == b'"') | (b == b'\\')
    });
    if escape {
        // writing to a Vec cannot fail, nor can serialising a string
        let _ = serde_json::to_writer(&mut *out, s);
    } else {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

/// Appends an integer as JSON (as serde_json writes it, through itoa).
pub(crate) fn push_json_int(out: &mut Vec<u8>, n: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

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
/// instead of char by char, skipping 8 bytes at a time over printable
/// ASCII: the report escapes every quote and path it shows, hundreds of MB
/// on a large corpus.
pub fn push_escaped(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut plain = 0; // start of the run not yet copied
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(word.try_into().expect("8 bytes"));
            if all_printable_ascii(w) {
                i += 8;
                continue;
            }
        }
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

/// Whether the 8 bytes of `w` are all printable ASCII (`0x20..=0x7E`): no
/// high bit in a byte, in the byte minus `0x20` (below `0x20`), or in the
/// byte plus 1 (`0x7F`). Borrows and carries between bytes can only flag a
/// byte above one that is flagged anyway, so the answer is exact.
const fn all_printable_ascii(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    (w | w.wrapping_sub(ONES * 0x20) | w.wrapping_add(ONES)) & HIGH == 0
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
            for s in [
                c.to_string(),
                format!("ab{c}cd{c}"),
                format!("{c}{c}é"),
                // long enough to be read 8 bytes at a time
                format!("plain words{c}and more plain words {c}"),
            ] {
                assert_eq!(escape_for_terminal(&s), escape_reference(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn printable_ascii_words_are_recognised_exactly() {
        let bytes = [0x00, 0x1F, 0x20, 0x21, 0x41, 0x7E, 0x7F, 0x80, 0xC2, 0xFF];
        let printable = |b: u8| (0x20..=0x7E).contains(&b);
        // every byte value at every position, among every filler
        for fill in bytes {
            for pos in 0..8 {
                for b in 0..=255u8 {
                    let mut word = [fill; 8];
                    word[pos] = b;
                    assert_eq!(
                        all_printable_ascii(u64::from_le_bytes(word)),
                        word.iter().all(|&x| printable(x)),
                        "{word:x?}"
                    );
                }
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

    #[test]
    fn json_strings_are_written_as_serde_json_writes_them() {
        for s in [
            "",
            "plain text",
            "Hà Nội – 67.4%",
            "a \"quoted\" word",
            "back\\slash",
            "tab\tand\nnewline\r",
            "\u{0}\u{1f}\u{7f}\u{80}",
            "\u{2028}\u{202e}emoji 🎉",
        ] {
            let mut ours = Vec::new();
            push_json_str(&mut ours, s);
            assert_eq!(ours, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
        for n in [0usize, 7, 1_420_907, usize::MAX] {
            let mut ours = Vec::new();
            push_json_int(&mut ours, n);
            assert_eq!(ours, serde_json::to_vec(&n).unwrap());
        }
        let mut ours = Vec::new();
        push_json_int(&mut ours, -2025i32);
        assert_eq!(ours, b"-2025");
    }
}
