//! A tokenizer that keeps byte spans and knows how numbers are written.
//!
//! Numbers are lexed here, once, with English digit grouping: `1,420,907`
//! is one number, `1,2` is two, `2.913` is a decimal, `2,913.5` both. Whether
//! a token touches its neighbours without space matters downstream (`COVID-19`,
//! `VND30,000`, `post1081256`), so every token records it.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A run of letters (any script).
    Word,
    /// An ASCII-digit number with optional `,` thousands groups and `.` decimals.
    Num,
    /// Any other single non-space character.
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// A line break separates this token from the previous one.
    pub newline_before: bool,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_num(&self) -> bool {
        self.kind == TokKind::Num
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Splits `text[range]` into tokens with absolute byte offsets.
#[cfg(test)]
pub fn tokenize(text: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    out.extend(Tokens::new(text, from, to));
}

/// The tokens of `text[from..to]`, one at a time, so that a caller can hold
/// only the tokens it is working on (one sentence) rather than a whole
/// 200 MB article's worth.
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    i: usize,
    to: usize,
    space_before: bool,
    newline_before: bool,
}

impl<'a> Tokens<'a> {
    /// Bounds are clamped to the text and to char boundaries.
    pub fn new(text: &'a str, from: usize, to: usize) -> Self {
        let floor = |i: usize| crate::text::floor_char_boundary(text, i.min(text.len()));
        Tokens {
            text,
            i: floor(from),
            to: floor(to),
            space_before: true,
            newline_before: true,
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let (text, to) = (self.text, self.to);
        let bytes = text.as_bytes();
        while self.i < to {
            let mut i = self.i;
            let b = bytes[i];
            if b == b' ' || b == b'\t' || b == b'\r' || b == b'\n' {
                self.space_before = true;
                self.newline_before |= b == b'\n';
                self.i += 1;
                continue;
            }
            let start = i;
            let kind = if b.is_ascii_digit() {
                i = lex_number(bytes, i, to);
                TokKind::Num
            } else if b.is_ascii_alphabetic() {
                while i < to && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                // continue through non-ASCII letters (Hà, Türkiye)
                if i < to && bytes[i] >= 0x80 {
                    i = lex_word_unicode(text, i, to);
                }
                TokKind::Word
            } else if b < 0x80 {
                i += 1;
                TokKind::Punct(b as char)
            } else {
                let c = text[i..].chars().next().expect("char boundary");
                if c.is_alphabetic() {
                    i = lex_word_unicode(text, i, to);
                    TokKind::Word
                } else if c.is_whitespace() {
                    self.i = i + c.len_utf8();
                    self.space_before = true;
                    continue;
                } else {
                    i += c.len_utf8();
                    TokKind::Punct(c)
                }
            };
            self.i = i;
            let tok = Tok {
                start,
                end: i,
                kind,
                space_before: self.space_before,
                newline_before: self.newline_before,
            };
            self.space_before = false;
            self.newline_before = false;
            return Some(tok);
        }
        None
    }
}

fn lex_word_unicode(text: &str, mut i: usize, to: usize) -> usize {
    for c in text[i..to].chars() {
        if c.is_alphabetic() || c.is_mark() {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

trait IsMark {
    fn is_mark(&self) -> bool;
}
impl IsMark for char {
    /// Combining diacritics (decomposed `Hà`), which belong to the word.
    fn is_mark(&self) -> bool {
        matches!(*self as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF)
    }
}

/// Lexes digits with thousands groups and a decimal part; returns the end.
fn lex_number(bytes: &[u8], start: usize, to: usize) -> usize {
    let digits = |mut j: usize| {
        while j < to && bytes[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let mut i = digits(start);
    let lead_len = i - start;
    // thousands groups: `,ddd` not followed by another digit
    if lead_len <= 3 {
        while i + 4 <= to
            && bytes[i] == b','
            && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
            && !(i + 4 < to && bytes[i + 4].is_ascii_digit())
        {
            i += 4;
        }
    }
    // decimal part
    if i + 1 < to && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
        i = digits(i + 1);
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(&str, TokKind)> {
        let mut v = Vec::new();
        tokenize(s, 0, s.len(), &mut v);
        v.iter().map(|t| (t.text(s), t.kind)).collect()
    }

    #[test]
    fn digit_grouping_follows_english_conventions() {
        assert_eq!(toks("1,420,907")[0].0, "1,420,907");
        assert_eq!(toks("2.913")[0].0, "2.913");
        assert_eq!(toks("2,913.5")[0].0, "2,913.5");
        // `1,2` is not a grouped number: two numbers around a comma
        let t = toks("1,2");
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].0, "1");
        // a group must be exactly three digits
        assert_eq!(toks("12,3456")[0].0, "12");
        // four leading digits cannot be followed by a group
        assert_eq!(toks("1234,567")[0].0, "1234");
        // trailing period is punctuation
        assert_eq!(toks("in 2013.")[1].0, "2013");
    }

    #[test]
    fn words_keep_diacritics_and_spacing_is_recorded() {
        let s = "Hà Nội VND30";
        let mut v = Vec::new();
        tokenize(s, 0, s.len(), &mut v);
        assert_eq!(v[0].text(s), "Hà");
        assert_eq!(v[1].text(s), "Nội");
        assert_eq!(v[2].text(s), "VND");
        assert!(v[3].is_num() && !v[3].space_before);
    }
}
