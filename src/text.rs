//! Positions in text: byte offsets to line:column, and sentence spans.
//!
//! Every mention keeps a byte span into its document; people read
//! `file:line:column`. Columns count Unicode scalar values (as editors and
//! compilers do), so `Hà Nội` and `Türkiye` do not shift them, and a CRLF
//! line ending is not part of the next line.

use std::ops::Range;

/// Maps byte offsets to 1-based line and column numbers.
///
/// Lookups cost O(log n) plus a scan of at most [`CHAR_MARK_STRIDE`] bytes,
/// whatever the line length: a 50 MB article on a single line must not make
/// locating each of its mentions rescan the line from its start (which made
/// extraction quadratic). In non-ASCII text the first lookup also counts
/// the text's chars once (O(n)), which later lookups share. Offsets met in
/// increasing order (a document's mentions) are cheaper still through a
/// [`Locator`], which needs those counts only for an offset before the one
/// it last gave.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// Byte offset at which each line starts.
    starts: Vec<usize>,
    /// The text is ASCII: a column is a byte count, and no chars need
    /// counting.
    ascii: bool,
    /// Char counts for lookups in any order in non-ASCII text, made on the
    /// first such lookup: counting every char of every article up front
    /// was 3% of an extraction run that locates its mentions in order.
    chars: std::sync::OnceLock<CharCounts>,
}

/// Chars before line starts and checkpoints, for [`LineIndex::line_col`].
#[derive(Debug, Clone)]
struct CharCounts {
    /// Number of chars before each line start (parallel to `starts`).
    line_chars: Vec<usize>,
    /// Checkpoints (byte offset on a char boundary, chars before it), about
    /// every [`CHAR_MARK_STRIDE`] bytes, in increasing order.
    marks: Vec<(usize, usize)>,
}

/// Bytes between two char-count checkpoints of a [`LineIndex`].
const CHAR_MARK_STRIDE: usize = 4096;

/// Adds the chars of `text[span]` (a span between char boundaries) to
/// `chars`, in pieces of at most a stride, recording a checkpoint wherever
/// the last one is a stride or more behind.
fn count_chars(
    text: &str,
    span: Range<usize>,
    mut chars: usize,
    marks: &mut Vec<(usize, usize)>,
) -> usize {
    let (mut at, end) = (span.start, span.end);
    while at < end {
        // a stride is longer than any char: the boundary is past `at`
        let piece_end = if end - at > CHAR_MARK_STRIDE {
            floor_char_boundary(text, at + CHAR_MARK_STRIDE)
        } else {
            end
        };
        chars += text[at..piece_end].chars().count();
        at = piece_end;
        if at < text.len() && marks.last().is_none_or(|m| at - m.0 >= CHAR_MARK_STRIDE) {
            marks.push((at, chars));
        }
    }
    chars
}

impl CharCounts {
    /// Line by line, each line's chars counted at once (the counting is
    /// vectorised), a checkpoint about every stride.
    fn new(text: &str, starts: &[usize]) -> CharCounts {
        let mut line_chars = Vec::with_capacity(starts.len());
        let mut marks = vec![(0, 0)];
        let mut chars = 0usize;
        for (i, &start) in starts.iter().enumerate() {
            line_chars.push(chars);
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            chars = count_chars(text, start..end, chars, &mut marks);
        }
        CharCounts { line_chars, marks }
    }

    /// Chars in `text[..offset]`; `offset` must be a char boundary.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let k = self.marks.partition_point(|m| m.0 <= offset);
        let (at, count) = match k.checked_sub(1).and_then(|k| self.marks.get(k)) {
            Some(&(at, count)) if at <= text.len() => (at, count),
            _ => (0, 0),
        };
        count + text.get(at..offset).map_or(0, |s| s.chars().count())
    }
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineIndex {
            starts,
            ascii: text.is_ascii(),
            chars: std::sync::OnceLock::new(),
        }
    }

    /// 0-based line of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// 1-based (line, column) of a byte offset; the column counts chars.
    /// Offsets past the end or inside a char are clamped to what precedes them.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        if self.starts.is_empty() {
            // a default index knows no lines: count from the start
            return (1, text[..offset].chars().count() + 1);
        }
        let line = self.line_of(offset);
        if self.ascii {
            return (line + 1, offset - self.starts[line] + 1);
        }
        let counts = self
            .chars
            .get_or_init(|| CharCounts::new(text, &self.starts));
        let line_start_chars = counts.line_chars.get(line).copied().unwrap_or(0);
        let col = counts
            .chars_before(text, offset)
            .saturating_sub(line_start_chars)
            + 1;
        (line + 1, without_bom(text, line, offset, col))
    }

    /// Locates offsets given in increasing order by counting forward from
    /// the one before: each byte of the text is counted once, whatever
    /// the number of offsets, and no char counts are made for the whole
    /// text. An offset before the previous one is looked up as
    /// [`line_col`](Self::line_col) does.
    pub fn locator<'a>(&'a self, text: &'a str) -> Locator<'a> {
        Locator {
            index: self,
            text,
            at: 0,
            line: 0,
            col: 0,
        }
    }

    /// Byte offset of a 1-based (line, column); inverse of [`line_col`](Self::line_col).
    ///
    /// `None` when the line does not exist or the column lies beyond the
    /// end of the line (its line ending, or the end of the text, is the last
    /// column there is).
    pub fn offset(&self, text: &str, line: usize, col: usize) -> Option<usize> {
        let mut start = *self.starts.get(line.checked_sub(1)?)?;
        if line == 1 && text.starts_with('\u{feff}') {
            start = 3;
        }
        // the line with its ending: a column may point at the `\n` itself,
        // or at the end of the text on the last line
        let next_line = self.starts.get(line).copied();
        let rest = text.get(start..next_line.unwrap_or(text.len()))?;
        let skip = col.checked_sub(1)?;
        match rest.char_indices().nth(skip) {
            Some((i, _)) => Some(start + i),
            None if next_line.is_none() && rest.chars().count() == skip => Some(text.len()),
            None => None,
        }
    }

    /// Byte range of a 1-based line, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> Range<usize> {
        let Some(&start) = line.checked_sub(1).and_then(|l| self.starts.get(l)) else {
            return text.len()..text.len();
        };
        let mut end = self.starts.get(line).map_or(text.len(), |&s| s - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end.max(start)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// A byte-order mark is invisible: it is not counted as a column.
fn without_bom(text: &str, line: usize, offset: usize, col: usize) -> usize {
    if line == 0 && text.starts_with('\u{feff}') && offset >= 3 && col > 1 {
        col - 1
    } else {
        col
    }
}

/// Line and column of offsets in increasing order; see [`LineIndex::locator`].
pub struct Locator<'a> {
    index: &'a LineIndex,
    text: &'a str,
    /// The last offset located (a char boundary),
    at: usize,
    /// its 0-based line,
    line: usize,
    /// and the chars from that line's start to it.
    col: usize,
}

impl Locator<'_> {
    /// 1-based (line, column) of a byte offset, as [`LineIndex::line_col`].
    pub fn line_col(&mut self, offset: usize) -> (usize, usize) {
        let text = self.text;
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let starts = &self.index.starts;
        if offset < self.at || starts.is_empty() {
            return self.index.line_col(text, offset);
        }
        // The offset's line is the cursor's or one after it, usually a few
        // lines on: gallop forward, then search the last stride (a binary
        // search over all remaining lines missed the cache for each of a
        // long document's million mentions).
        let rest = &starts[self.line + 1..];
        let mut hi = 1;
        while hi <= rest.len() && rest[hi - 1] <= offset {
            hi *= 2;
        }
        let lo = hi / 2; // rest[..lo] all start at or before the offset
        let line = self.line + lo + rest[lo..hi.min(rest.len())].partition_point(|&s| s <= offset);
        if line != self.line {
            self.line = line;
            self.at = starts[line];
            self.col = 0;
        }
        self.col += if self.index.ascii {
            offset - self.at
        } else {
            text[self.at..offset].chars().count()
        };
        self.at = offset;
        (line + 1, without_bom(text, line, offset, self.col + 1))
    }
}

/// The largest char boundary at or before `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Byte offset in `json` of a `serde_json` error position.
///
/// serde_json counts lines from 1 and columns in bytes, pointing at the
/// last byte it read, with column 0 when it read nothing on that line yet
/// (an empty file, an end of file after a newline). The offset points at
/// that byte (the line start for column 0), so [`LineIndex::line_col`] of
/// it gives the 1-based column in chars people expect; `None` when the
/// line does not exist. Offsets past the end are clamped to it.
pub fn json_error_offset(json: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        json.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)?
    };
    let at = line_start + column.saturating_sub(1);
    Some(at.min(json.len()))
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "no", "nos", "tel", "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen",
    "rep", "col", "lt", "sgt", "capt", "inc", "ltd", "co", "corp", "vs", "etc", "approx", "est",
    "fig", "vol", "art", "para", "p", "pp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "mt", "ft",
];

/// Splits text into sentence spans (byte ranges, trimmed of surrounding space).
///
/// A hand-written splitter rather than UAX #29 sentence boundaries: UAX #29
/// breaks after `No.` in `Resolution No. 71-NQ/TW dated …` and after `Dr.`,
/// which cuts exactly the sentences claimcheck needs whole. Here a sentence
/// ends at `.`, `!` or `?` (plus closing quotes/brackets) followed by space and
/// an upper-case letter, digit or opening quote, unless the word before the
/// period is a known abbreviation or a single initial; and at a line break
/// unless the next line continues in lower case (hard-wrapped paragraphs).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Only `\n`, `.`, `!` and `?` can end a sentence: jump from one to the
    // next with SIMD searches (each position found once, so still linear).
    let mut next_newline = 0usize;
    let mut next_stop = 0usize;
    while i < bytes.len() {
        if next_newline < i {
            next_newline = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |p| i + p);
        }
        if next_stop < i {
            next_stop =
                memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map_or(bytes.len(), |p| i + p);
        }
        i = next_newline.min(next_stop);
        if i >= bytes.len() {
            break;
        }
        let b = bytes[i];
        let boundary_end = match b {
            b'\n' => {
                let next = next_non_space(text, i + 1);
                let continues = next
                    .map(|c| {
                        c.is_lowercase()
                            || c.is_ascii_digit()
                            || (c.is_uppercase() || c == '$') && line_runs_on(text, i)
                    })
                    .unwrap_or(false)
                    && !starts_paragraph(text, i);
                if continues {
                    None
                } else {
                    Some(i)
                }
            }
            b'.' | b'!' | b'?' => {
                let mut j = i + 1;
                // closing quotes and brackets belong to the sentence
                while j < bytes.len() {
                    let c = text[j..].chars().next().unwrap_or(' ');
                    if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»') {
                        j += c.len_utf8();
                    } else {
                        break;
                    }
                }
                let followed_by_space = j >= bytes.len() || matches!(bytes[j], b' ' | b'\t');
                if followed_by_space && (b != b'.' || !is_abbreviation(text, i)) {
                    match next_non_space(text, j) {
                        None => Some(j),
                        Some(c)
                            if c.is_uppercase()
                                || c.is_ascii_digit()
                                || matches!(c, '"' | '“' | '‘' | '(' | '[' | '\'') =>
                        {
                            Some(j)
                        }
                        Some('\n') | Some('\r') => Some(j),
                        _ => None,
                    }
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(end) = boundary_end {
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Whether the line that ends at `newline` runs on into the next: it ends
/// in a comma or a word no sentence ends with (`… climbed 16.7 per cent
/// to` / `US$380.8 billion`), so a capital opening the next line is
/// hard-wrapped prose, not a new sentence.
fn line_runs_on(text: &str, newline: usize) -> bool {
    let line = text[..newline].trim_end();
    if line.ends_with(',') {
        return true;
    }
    let last = line
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    RUNS_ON.iter().any(|w| last.eq_ignore_ascii_case(w)) || wrapped_mid_sentence(line)
}

/// Whether `line` (up to its line break) is wrapped prose broken off in a
/// sentence, maybe in a name (`… and Ho Chi` / `Minh City, with 9.4
/// million`): it ends in a letter, not a stop, and is long, as the lines of
/// a wrapped paragraph are, after a line as long (a headline over its
/// text, `Numbers at a glance`, or the line after a dateline is neither).
/// A line longer still is prose wherever it stands.
fn wrapped_mid_sentence(line: &str) -> bool {
    /// Shorter lines end lists, headings and datelines.
    const WRAPPED: usize = 40;
    /// A line this long is prose wherever it stands.
    const PROSE: usize = 65;
    if !line.ends_with(char::is_alphabetic) {
        return false;
    }
    let (before, this) = match line.rfind('\n') {
        Some(p) => (&line[..p], &line[p + 1..]),
        None => ("", line),
    };
    let len = this.chars().count();
    // the line before is of the same wrapped paragraph: as long, not a
    // blank line or a dateline (`January 30, 2026 | 22:12 (GMT+7)`)
    let follows_prose = before
        .rsplit('\n')
        .next()
        .is_some_and(|l| l.trim().chars().count() >= WRAPPED);
    len >= PROSE || len >= WRAPPED && follows_prose
}

/// Words no sentence ends with, that a hard-wrapped line may
/// ([`line_runs_on`]): articles, prepositions, conjunctions, possessives
/// and hedges.
const RUNS_ON: &[&str] = &[
    "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "than", "as", "into", "its", "their", "his", "her", "our", "about", "over", "under", "nearly",
    "some", "around",
];

fn starts_paragraph(text: &str, newline: usize) -> bool {
    // a blank line follows: judged up to its first non-space char, not by
    // finding the end of what is usually a whole paragraph
    text[newline + 1..]
        .chars()
        .take_while(|&c| c != '\n')
        .all(char::is_whitespace)
}

fn next_non_space(text: &str, from: usize) -> Option<char> {
    text[from..].chars().find(|c| *c != ' ' && *c != '\t')
}

fn is_abbreviation(text: &str, period: usize) -> bool {
    let before = &text[..period];
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap();
    // a single initial: "J. Smith"
    if first.is_uppercase() && chars.next().is_none() {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if start + lead < end - trail {
        out.push(start + lead..end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_chars_not_bytes() {
        let text = "Hà Nội has 5\nTürkiye 7";
        let idx = LineIndex::new(text);
        let five = text.find('5').unwrap();
        assert_eq!(idx.line_col(text, five), (1, 12));
        let seven = text.find('7').unwrap();
        assert_eq!(idx.line_col(text, seven), (2, 9));
        assert_eq!(idx.offset(text, 2, 9), Some(seven));
    }

    #[test]
    fn crlf_does_not_shift_columns() {
        let text = "a\r\nb 42\r\n";
        let idx = LineIndex::new(text);
        let at = text.find("42").unwrap();
        assert_eq!(idx.line_col(text, at), (2, 3));
        assert_eq!(&text[idx.line_span(text, 1)], "a");
    }

    #[test]
    fn json_error_positions_become_char_columns() {
        let place = |json: &str| {
            let e = serde_json::from_str::<serde_json::Value>(json).unwrap_err();
            let at = json_error_offset(json, e.line(), e.column()).unwrap();
            LineIndex::new(json).line_col(json, at)
        };
        // nothing read: the first column, never column 0
        assert_eq!(place(""), (1, 1));
        assert_eq!(place("[1,\n"), (2, 1));
        // multi-byte characters before the problem count once each
        assert_eq!(place("[\"Hà Nội\", x]"), (1, 12));
        assert_eq!(place("{\"a\": [1,"), (1, 9));
        assert_eq!(json_error_offset("a\nb", 5, 1), None);
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}x 1";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, text.find('1').unwrap()), (1, 3));
    }

    #[test]
    fn long_lines_match_a_naive_count_across_checkpoints() {
        // multi-byte chars straddle the checkpoint stride; a BOM and CRLF too
        let line = "Hà Nội 1,234 Türkiye \u{1F600} x ".repeat(700);
        let text = format!("\u{feff}{line}\r\n{line}\n\nend");
        let idx = LineIndex::new(&text);
        let naive = |offset: usize| {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let mut col = text[start..offset].chars().count() + 1;
            if start == 0 && offset >= 3 {
                col -= 1; // the BOM
            }
            (line, col)
        };
        for (offset, _) in text.char_indices().step_by(37).chain([(text.len(), ' ')]) {
            let lc = idx.line_col(&text, offset);
            assert_eq!(lc, naive(offset), "offset {offset}");
            if offset >= 3 {
                assert_eq!(
                    idx.offset(&text, lc.0, lc.1),
                    Some(offset),
                    "offset {offset}"
                );
            }
        }
        // a column past the end of a line is not on that line
        assert_eq!(idx.offset(&text, 3, 2), None);
        assert_eq!(idx.offset(&text, 3, 1), Some(text.rfind("\nend").unwrap()));
        assert_eq!(idx.offset(&text, 9, 1), None);
        assert_eq!(LineIndex::new("").offset("", 1, 1), Some(0));
        assert_eq!(LineIndex::default().line_col("ab", 1), (1, 2));

        // many short lines: checkpoints fall at line ends
        let text = "Hà Nội có 12 quận.\r\n".repeat(2000);
        let idx = LineIndex::new(&text);
        for (offset, _) in text.char_indices().step_by(13) {
            let line = text[..offset].matches('\n').count() + 1;
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let col = text[start..offset].chars().count() + 1;
            assert_eq!(idx.line_col(&text, offset), (line, col), "offset {offset}");
        }
    }

    #[test]
    fn a_locator_agrees_with_lookups_in_any_order() {
        let line = "Hà Nội 1,234 Türkiye \u{1F600} x ".repeat(300);
        let texts = [
            format!("\u{feff}{line}\r\n{line}\n\nend"),
            "plain 1\nascii 22\n\n333 text\n".repeat(50),
            String::new(),
        ];
        for text in &texts {
            let idx = LineIndex::new(text);
            let offsets: Vec<usize> = (0..=text.len() + 2).step_by(7).collect();
            // in order, with repeats, and with jumps back
            let mut locator = idx.locator(text);
            for &o in offsets.iter().chain(&[0, 5, 5]).chain(offsets.iter().rev()) {
                assert_eq!(locator.line_col(o), idx.line_col(text, o), "offset {o}");
            }
            // starting anywhere: a part of a long document
            for &from in offsets.iter().step_by(11) {
                let mut locator = idx.locator(text);
                for &o in offsets.iter().filter(|&&o| o >= from) {
                    assert_eq!(locator.line_col(o), idx.line_col(text, o), "offset {o}");
                }
            }
        }
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let text =
            "Resolution No. 71-NQ/TW dated August 22, 2025 applies. Dr. Lan agreed. Next one.";
        let s: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            s,
            vec![
                "Resolution No. 71-NQ/TW dated August 22, 2025 applies.",
                "Dr. Lan agreed.",
                "Next one."
            ]
        );
    }

    #[test]
    fn a_line_ending_in_a_word_no_sentence_ends_with_runs_on() {
        let text = "Imports climbed 16.7 per cent to\nUS$380.8 billion, the GSO\nsaid, as\nHanoi \
                    grew.\nExports hit record\nJanuary 6, 2025\nThe end.";
        let s: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            s,
            vec![
                "Imports climbed 16.7 per cent to\nUS$380.8 billion, the GSO\nsaid, as\nHanoi grew.",
                // a headline and a dateline still end where their lines do
                "Exports hit record",
                "January 6, 2025",
                "The end."
            ]
        );
    }

    #[test]
    fn a_long_wrapped_line_broken_in_a_name_runs_on() {
        let text = "According to the statistics office, the population grew by 0.98%\n\
                    a year over the past decade. Hanoi, with 8.6 million residents, and Ho Chi\n\
                    Minh City, with 9.4 million, lead.\n\
                    January 30, 2026 | 22:12 (GMT+7)\n\
                    Hanoi recognized as UNESCO Learning City\n\
                    PANO - On January 29, the city received the certificate.";
        let s: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            s,
            vec![
                "According to the statistics office, the population grew by 0.98%\na year over \
                 the past decade.",
                "Hanoi, with 8.6 million residents, and Ho Chi\nMinh City, with 9.4 million, lead.",
                // a headline after a dateline is as long, but not wrapped prose
                "January 30, 2026 | 22:12 (GMT+7)",
                "Hanoi recognized as UNESCO Learning City",
                "PANO - On January 29, the city received the certificate.",
            ]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations_stay_inside() {
        let text = "It rose to 67.4% in 2024. the end\nHeadline without stop\nBody here.";
        let s: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            s,
            vec![
                "It rose to 67.4% in 2024. the end",
                "Headline without stop",
                "Body here."
            ]
        );
    }

    #[test]
    fn wrapped_lines_continue_but_blank_lines_split() {
        let text = "The network has\nmany members.\n\nnext paragraph.";
        let s: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(s, vec!["The network has\nmany members.", "next paragraph."]);
    }
}
