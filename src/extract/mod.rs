//! Extraction: text → [`Mention`]s, every numeric and dated claim with its
//! exact value, hedge, unit phrase and byte span.
//!
//! A pure function of the text and the document's publication date (used to
//! resolve `On January 29` and `949-year-old`): no I/O, no global state, so
//! it can run on any thread and be fuzzed. Numbers that are not claims —
//! document ids (`No. 23-NQ/TU`, `115/KH-UBND`), URLs, phone numbers, times of
//! day, footnote markers, identifiers glued to letters (`COVID-19`) — are
//! recognised and skipped here, so nothing downstream has to.

pub mod lexicon;
mod lists;
mod tokens;

use std::ops::Range;

use serde::{Serialize, Serializer};

use crate::date::{month_from_name, weekday_from_name, PartialDate};
use lexicon::*;
pub use lists::ListItem;
use tokens::{Tok, TokKind, Tokens};

/// What a number measures.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A quantity of things (`425 member cities`).
    Count,
    /// A percentage (`67.4%`, `20 percent`).
    Percent,
    /// An amount of a currency (`VND30,000 billion`).
    Money,
    /// A calendar date at day or month grain (`August 22, 2025`).
    Date,
    /// A year or span of years (`in 2013`, `2021-2030`).
    Year,
    /// An age (`949-year-old`, `aged 15-60`).
    Age,
    /// A length of time (`3-5 years`).
    Duration,
}

impl Kind {
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Date => "date",
            Kind::Year => "year",
            Kind::Age => "age",
            Kind::Duration => "duration",
        }
    }
}

/// How the number is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Qualifier {
    Exact,
    /// `about`, `approximately`: a band around the value.
    Approximate,
    /// `nearly`, `almost`: a band just below the value.
    Nearly,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
}

impl Qualifier {
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approximate | Qualifier::Nearly => "approximate",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtMost => "at_most",
            Qualifier::LessThan => "less_than",
        }
    }
}

impl Serialize for Qualifier {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The value as written, normalised (scale applied, dates resolved).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Number(f64),
    Range {
        min: f64,
        max: f64,
    },
    Date(PartialDate),
    DateRange {
        min: PartialDate,
        max: PartialDate,
    },
    /// A month and day whose year could not be resolved (no publication date).
    MonthDay {
        month: u8,
        day: u8,
    },
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Value::Number(n) => serialize_number(*n, s),
            Value::Range { min, max } => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("min", &JsonNumber(*min))?;
                m.serialize_entry("max", &JsonNumber(*max))?;
                m.end()
            }
            Value::Date(d) => d.serialize(s),
            Value::DateRange { min, max } => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("min", min)?;
                m.serialize_entry("max", max)?;
                m.end()
            }
            Value::MonthDay { month, day } => s.collect_str(&format_args!("--{month:02}-{day:02}")),
        }
    }
}

/// A number that serialises as an integer when it is one (`1420907`, not
/// `1420907.0`), so `jq` and strict consumers see the value as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct JsonNumber(pub f64);

impl Serialize for JsonNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_number(self.0, s)
    }
}

pub fn serialize_number<S: Serializer>(n: f64, s: S) -> Result<S::Ok, S::Error> {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 9.0e15 {
        s.serialize_i64(n as i64)
    } else if n.is_finite() {
        s.serialize_f64(n)
    } else {
        s.serialize_none()
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Number(n) => write!(f, "{}", fmt_number(*n)),
            Value::Range { min, max } => write!(f, "{}–{}", fmt_number(*min), fmt_number(*max)),
            Value::Date(d) => write!(f, "{d}"),
            Value::DateRange { min, max } => write!(f, "{min}–{max}"),
            Value::MonthDay { month, day } => write!(f, "--{month:02}-{day:02}"),
        }
    }
}

/// Formats a number for people: thousands separators, no float noise.
pub fn fmt_number(n: f64) -> String {
    if !n.is_finite() {
        return n.to_string();
    }
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        let s = (n.abs() as i64).to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        if n < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        let s = format!("{n:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// One numeric or dated expression in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Byte offset of the first byte (hedge and currency included).
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Exactly `text[start..end]`.
    pub text: String,
    pub kind: Kind,
    pub value: Value,
    pub qualifier: Qualifier,
    /// The hedge words as written (`more than`, `nearly`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hedge: Option<String>,
    /// Currency code for money, `%` for percents, else the unit phrase that
    /// follows the number (`member cities`), if any.
    pub unit: Option<String>,
    /// For percents: what it is a share of (`82% of the laboratories`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// Per-period rate (`VND10 billion/year` → `year`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<&'static str>,
    /// Half the step of the last written digit, in the value's units:
    /// `67.4%` → 0.05, `1.2 billion` → 5e7, `425` → 0.5. Zero for dates.
    pub precision: f64,
    /// Byte span of the sentence the mention is in.
    pub sentence: [usize; 2],
    /// The word before a year or date that scopes it (`in`, `since`, `by`, `dated`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preposition: Option<String>,
    /// The weekday written with a date (`Thursday, December 4, 2025`).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_weekday"
    )]
    pub weekday: Option<(jiff::civil::Weekday, [usize; 2])>,
    /// The year of a date was not written and was resolved from the
    /// publication date.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub year_inferred: bool,
    /// For ages: publication year − age (`949-year-old` in 2025 → 1076).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_year: Option<i32>,
    /// Items enumerated after a count (`11 capital cities such as A, B, …`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<ListItem>>,
    /// Whether the wording says the list is complete (`namely`, `:`, `are`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub list_complete: bool,
}

fn ser_weekday<S: Serializer>(
    w: &Option<(jiff::civil::Weekday, [usize; 2])>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match w {
        Some((day, _)) => s.collect_str(&format_args!("{day:?}")),
        None => s.serialize_none(),
    }
}

/// What extraction needs to know besides the text.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Publication date: resolves dates without a year and ages.
    pub published: Option<PartialDate>,
    /// Byte offset where the article body starts (front matter is skipped).
    pub body_start: usize,
    /// Spans to skip (datelines, `Source:` lines).
    pub skip: Vec<Range<usize>>,
}

/// Extracts every numeric and dated mention from `text`, in text order.
pub fn extract(text: &str, ctx: &Context) -> Vec<Mention> {
    extract_in(text, ctx, 0..text.len())
}

/// The mentions of `text` that lie in `part`, as [`extract`] finds them,
/// when `part` starts and ends at paragraph breaks (see [`paragraph_parts`]):
/// no sentence, URL or escape sequence crosses a blank line, so the parts
/// of a long document can be extracted on different threads.
pub fn extract_in(text: &str, ctx: &Context, part: Range<usize>) -> Vec<Mention> {
    let end = crate::text::floor_char_boundary(text, part.end.min(text.len()));
    let text_to_end = &text[..end];
    let body_start = crate::text::floor_char_boundary(text, ctx.body_start.min(text.len()))
        .max(crate::text::floor_char_boundary(text, part.start.min(end)));
    // Spans from the caller are clamped to the text and widened to char
    // boundaries; empty and reversed ones skip nothing.
    let ceil = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    // Only the spans that reach into this part: a long document's spans
    // (a Source: line per article of an archive) were otherwise copied and
    // sorted for each of its parts, which grew with the square of its size.
    let mut skip: Vec<Range<usize>> = ctx
        .skip
        .iter()
        .filter(|r| r.start < end && r.end > body_start)
        .map(|r| crate::text::floor_char_boundary(text, r.start.min(text.len()))..ceil(r.end))
        .filter(|r| r.start < r.end)
        .collect();
    skip.extend(url_spans(text_to_end, body_start));
    skip.extend(escape_spans(text_to_end, body_start));
    skip.sort_by_key(|r| r.start);

    // The stretches of text between skipped spans; each is tokenized on its
    // own (a token after a skipped span counts as spaced from it).
    let mut segments = Vec::new();
    let mut at = body_start;
    for r in skip.iter().filter(|r| r.end > body_start && r.start < end) {
        if r.start > at {
            segments.push((at, r.start.min(end)));
        }
        at = at.max(r.end.min(end));
    }
    if at < end {
        segments.push((at, end));
    }
    let sentences = crate::text::sentences(&text[body_start..end])
        .into_iter()
        .map(|r| r.start + body_start..r.end + body_start)
        .collect::<Vec<_>>();
    // Each sentence is scanned on its own, so that no mention reaches across
    // a sentence or paragraph break (`2,000` at the end of a line and `VND`
    // starting the next are not one amount). Tokens are produced one
    // sentence at a time, so memory follows the longest sentence, not the
    // whole text; sentences that cannot hold a mention are not tokenized.
    let mut out = Vec::new();
    let mut group: Vec<Tok> = Vec::new();
    let mut first_segment = 0;
    for sentence in &sentences {
        if !may_hold_mention(&text[sentence.clone()]) {
            continue;
        }
        while first_segment < segments.len() && segments[first_segment].1 <= sentence.start {
            first_segment += 1;
        }
        group.clear();
        for &(a, b) in segments[first_segment..]
            .iter()
            .take_while(|(a, _)| *a < sentence.end)
        {
            group.extend(Tokens::new(
                text,
                a.max(sentence.start),
                b.min(sentence.end),
            ));
        }
        if group.is_empty() {
            continue;
        }
        let mut s = Scanner {
            text,
            toks: &group,
            ctx,
            sentences: &sentences,
            out,
            floor: 0,
            future: std::cell::OnceCell::new(),
            phone_end: None,
        };
        s.run();
        out = s.out;
    }
    lists::attach_lists(text, &[], &mut out);
    out
}

/// Whether a sentence can hold a mention at all: every mention has an
/// ASCII digit or a number word (`five`, `dozen`, `thousand`). Most prose
/// has neither, and is then not tokenized. A false "yes" only costs time.
fn may_hold_mention(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    // in blocks, each folded without an early exit, so the test vectorises
    bytes
        .chunks(64)
        .any(|block| block.iter().fold(false, |acc, b| acc | b.is_ascii_digit()))
        || has_number_word(bytes)
}

/// Splits `text` into parts of `size` bytes or more, each ending just
/// after a blank line (`\n\n` or `\n\r\n`): places no sentence crosses,
/// so [`extract_in`] over the parts finds what [`extract`] finds over the
/// whole. A text without blank lines is one part.
pub fn paragraph_parts(text: &str, size: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut parts = Vec::new();
    let mut start = 0;
    while bytes.len() - start > size {
        let Some(blank) = memchr::memchr_iter(b'\n', &bytes[start + size..])
            .map(|i| start + size + i)
            .find(|&nl| {
                let rest = &bytes[nl + 1..];
                rest.starts_with(b"\n") || rest.starts_with(b"\r\n")
            })
        else {
            break;
        };
        let cut = blank + if bytes[blank + 1] == b'\n' { 2 } else { 3 };
        if cut >= bytes.len() {
            break;
        }
        parts.push(start..cut);
        start = cut;
    }
    parts.push(start..bytes.len());
    parts
}

/// Spans of URLs and e-mail addresses, whose digits are never claims.
///
/// One pass over the whitespace-delimited words (linear even for text made
/// of nothing but `@` or `://`).
fn url_spans(text: &str, from: usize) -> Vec<Range<usize>> {
    let hay = &text[from..];
    let bytes = hay.as_bytes();
    let is_delim = |c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '"');
    // Candidate positions come from SIMD substring searches (most words hold
    // none of these), then each is widened to its whitespace-delimited word.
    let mut hits: Vec<usize> = memchr::memmem::find_iter(bytes, "://")
        .chain(memchr::memmem::find_iter(bytes, "www."))
        .chain(memchr::memchr_iter(b'@', bytes).filter(|&at| {
            hay[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && hay[at + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        }))
        .collect();
    hits.sort_unstable();
    let mut spans: Vec<Range<usize>> = Vec::new();
    for at in hits {
        if spans.last().is_some_and(|r| at < r.end) {
            continue; // already inside the previous word
        }
        let s = hay[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_delim(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let e = hay[at..]
            .char_indices()
            .find(|&(_, c)| is_delim(c))
            .map_or(hay.len(), |(i, _)| at + i);
        spans.push(from + s..from + e);
    }
    spans
}

/// Spans of terminal escape sequences (`ESC [ 31 m`, `ESC ] 0 ; title BEL`),
/// whose parameters are digits but never claims: `\x1b[31m.` is not
/// "31 million".
///
/// CSI sequences end at their final byte (`@` to `~`), OSC and other
/// string sequences at BEL, `ESC \` or the end of the line; anything else
/// after ESC is a two-byte sequence. One pass, linear.
fn escape_spans(text: &str, from: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = from;
    while let Some(p) = bytes[i..].iter().position(|&b| b == 0x1b) {
        let start = i + p;
        let mut j = start + 1;
        match bytes.get(j) {
            Some(b'[') => {
                j += 1;
                // parameter and intermediate bytes, then one final byte
                while j < bytes.len() && (0x20..=0x3f).contains(&bytes[j]) {
                    j += 1;
                }
                if j < bytes.len() && (0x40..=0x7e).contains(&bytes[j]) {
                    j += 1;
                }
            }
            Some(b']' | b'P' | b'X' | b'^' | b'_') => {
                j += 1;
                while j < bytes.len() && !matches!(bytes[j], 0x07 | 0x1b | b'\n') {
                    j += 1;
                }
                if bytes.get(j) == Some(&0x07) {
                    j += 1;
                } else if bytes.get(j) == Some(&0x1b) && bytes.get(j + 1) == Some(&b'\\') {
                    j += 2;
                }
            }
            Some(b) if b.is_ascii() && !b.is_ascii_whitespace() => j += 1,
            _ => {}
        }
        // never end inside a char (a stray ESC before `é`)
        while j < bytes.len() && !text.is_char_boundary(j) {
            j += 1;
        }
        spans.push(start..j);
        i = j;
    }
    spans
}

/// A parsed number before its unit is known.
#[derive(Debug, Clone, Copy)]
struct Core {
    /// first and last token index of the number itself
    first: usize,
    last: usize,
    value: f64,
    precision: f64,
    /// written without thousands separators or decimals, 4 digits
    yearlike: bool,
    /// a written-out number (`five`)
    written: bool,
}

struct Scanner<'a> {
    text: &'a str,
    toks: &'a [Tok],
    ctx: &'a Context,
    sentences: &'a [Range<usize>],
    out: Vec<Mention>,
    /// The token after the last mention pushed: what precedes a number
    /// (a currency, a hedge, `between`, a weekday) is only looked for from
    /// here on, so that two mentions never share a token.
    floor: usize,
    /// Which way the sentence being scanned looks from its publication
    /// date, computed once per scanner (a scanner sees one sentence).
    future: std::cell::OnceCell<Looks>,
    /// The token after the last phone number skipped: a number joined to
    /// it by `or`, `and`, `,` or `/` is the next number to call
    /// (`the hotline (+84) 24 3843 5492 or 1900 9612`).
    phone_end: Option<usize>,
}

impl<'a> Scanner<'a> {
    fn run(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            let t = self.toks[i];
            let next = match t.kind {
                TokKind::Num => self.at_number(i),
                TokKind::Word => self.at_word(i),
                _ => None,
            };
            i = match next {
                Some(n) => n.max(i + 1),
                None => i + 1,
            };
        }
    }

    // ---------------------------------------------------------------- tokens

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        t.is_word().then(|| t.text(self.text))
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    fn punct_is(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Token `i` touches token `i - 1` (no space between).
    fn glued(&self, i: usize) -> bool {
        i > 0 && self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn is_dash(&self, i: usize) -> bool {
        self.punct_is(i, '-') || self.punct_is(i, '–')
    }

    fn num_text(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    /// Integer value of a plain digit token (no separators or decimals).
    fn plain_int(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if !t.is_num() {
            return None;
        }
        let s = t.text(self.text);
        if s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    }

    fn sentence_of(&self, offset: usize) -> Range<usize> {
        let idx = self.sentences.partition_point(|r| r.end <= offset);
        match self.sentences.get(idx) {
            Some(r) if r.start <= offset => r.clone(),
            _ => offset..offset,
        }
    }

    // ----------------------------------------------------------------- words

    fn at_word(&mut self, i: usize) -> Option<usize> {
        let w = self.word(i)?;
        let first = w.chars().next()?;
        if first.is_uppercase() {
            if let Some(month) = month_from_name(w) {
                if let Some(n) = self.date_month_first(i, month) {
                    return Some(n);
                }
            }
        }
        self.written_number(i)
    }

    /// `five`, `Thirteen`, `seventy-two`, `one hundred and twenty`, `a thousand`.
    fn written_number(&mut self, i: usize) -> Option<usize> {
        let w = self.word(i)?;
        let mut j = i;
        let mut total = 0f64;
        let mut current = 0f64;
        let mut any_scale = false;
        let mut started_with_article = false;
        if (w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
            && self
                .word(i + 1)
                .is_some_and(|n| scale_word(n, false).is_some() || n.eq_ignore_ascii_case("dozen"))
        {
            current = 1.0;
            j = i + 1;
            started_with_article = true;
        } else if small_number(w).is_none() && scale_word(w, false).is_none() {
            return None;
        }
        let mut last = i;
        let mut saw_number_word = started_with_article;
        while let Some(word) = self.word(j) {
            if let Some(v) = small_number(word) {
                // `seventy-two`
                let mut v = v as f64;
                let mut end = j;
                if v >= 20.0
                    && v % 10.0 == 0.0
                    && self.is_dash(j + 1)
                    && self.glued(j + 1)
                    && self.glued(j + 2)
                {
                    if let Some(u) = self.word(j + 2).and_then(small_number).filter(|u| *u < 10) {
                        v += u as f64;
                        end = j + 2;
                    }
                }
                if word.eq_ignore_ascii_case("dozen") {
                    current = current.max(1.0) * 12.0;
                } else {
                    current += v;
                }
                saw_number_word = true;
                last = end;
                j = end + 1;
            } else if let Some(scale) = scale_word(word, false) {
                if word.to_ascii_lowercase().ends_with('s') {
                    break;
                }
                // a bare scale word not preceded by a number: `thousand-year`
                if !saw_number_word {
                    current = 1.0;
                }
                if scale == 100.0 {
                    current = current.max(1.0) * 100.0;
                } else {
                    total += current.max(1.0) * scale;
                    current = 0.0;
                    any_scale = true;
                }
                saw_number_word = true;
                last = j;
                j += 1;
                // `one hundred and twenty`
                if self.word_is(j, "and")
                    && self.word(j + 1).and_then(small_number).is_some()
                    && scale == 100.0
                {
                    j += 1;
                }
            } else {
                break;
            }
        }
        let value = total + current;
        if !saw_number_word || last < i {
            return None;
        }
        let single_word = last == i;
        let lone = self.word(i)?;
        // `one of`, `no one`, `the one`: pronouns, not quantities
        if single_word && (lone.eq_ignore_ascii_case("one") || lone.eq_ignore_ascii_case("zero")) {
            return None;
        }
        // `thousands of`, `hundreds of`
        if single_word && scale_word(lone, false).is_some() && !self.is_dash(i + 1) {
            return None;
        }
        let _ = any_scale;
        // `a thousand-year tradition`: the article belongs to the noun after
        // the compound adjective, not to the number
        let first = if started_with_article
            && self.is_dash(last + 1)
            && self.glued(last + 1)
            && self.glued(last + 2)
            && self.word(last + 2).is_some()
        {
            i + 1
        } else {
            i
        };
        let core = Core {
            first,
            last,
            value,
            precision: 0.5,
            yearlike: false,
            written: true,
        };
        // a written number must be followed by what it counts (`five cities`),
        // a percent sign or an age, or it is prose (`the two of them`)
        let next = last + 1;
        let qualifies = match self.toks.get(next) {
            Some(t) if t.is_word() => {
                let nw = t.text(self.text);
                !is_function_word(nw)
                    || nw.eq_ignore_ascii_case("percent")
                    || nw.eq_ignore_ascii_case("per")
            }
            Some(t) if t.is_punct('-') || t.is_punct('%') => true,
            _ => false,
        };
        // `bringing the country's total to seven`: a total needs no noun
        let total = (first.saturating_sub(4)..first).any(|k| {
            self.word(k).is_some_and(|w| {
                matches!(
                    lower(w).as_str(),
                    "total" | "totals" | "totalled" | "totaled"
                )
            })
        });
        if !qualifies && !total {
            return None;
        }
        self.finish(core)
    }

    // --------------------------------------------------------------- numbers

    fn at_number(&mut self, i: usize) -> Option<usize> {
        // `22 August 2025`, `4th December`, `26-27 April`: before the ordinal
        // and range rules below, unless the day is glued to what precedes it
        let free = !self.glued(i) || self.punct_is(i - 1, '(');
        if free {
            if let Some(n) = self.date_day_first(i) {
                return Some(n);
            }
        }
        if let Some(skip) = self.not_a_claim(i) {
            return Some(skip);
        }
        // ISO `2025-08-22`
        if let Some(n) = self.iso_date(i) {
            return Some(n);
        }
        let core = self.digit_core(i)?;
        self.finish(core)
    }

    /// Parses the digits at `i` into a [`Core`]; `None` if not a plausible quantity.
    fn digit_core(&self, i: usize) -> Option<Core> {
        let s = self.num_text(i);
        let digits: String = s.chars().filter(|c| *c != ',').collect();
        let int_digits = digits.split('.').next().unwrap_or("").len();
        // more digits than any real quantity: an id, or garbage
        if int_digits > 15 {
            return None;
        }
        let mut value: f64 = digits.parse().ok()?;
        let decimals = digits.split('.').nth(1).map_or(0, str::len);
        let precision = 0.5 * 10f64.powi(-(decimals as i32));
        let mut first = i;
        // a leading minus sign: `-0`, `−5` (not a range dash, not a hyphen)
        if i > self.floor
            && (self.punct_is(i - 1, '-') || self.punct_is(i - 1, '−'))
            && self.glued(i)
            && (i == 1 || self.toks[i - 1].space_before)
        {
            // `+ 0.0` turns `-0` into plain zero
            value = -value + 0.0;
            first = i - 1;
        }
        Some(Core {
            first,
            last: i,
            value,
            precision,
            yearlike: s.len() == 4
                && !s.contains([',', '.'])
                && (1000..=2199).contains(&(value as i64))
                && value > 0.0,
            written: false,
        })
    }

    /// Recognises digits that are not claims. Returns the token index to
    /// resume at when they should be skipped.
    fn not_a_claim(&mut self, i: usize) -> Option<usize> {
        let t = self.toks[i];
        let text = self.text;
        // glued to a letter before: COVID-19, A380, post1081256 (currency codes excepted)
        if self.glued(i) {
            let prev = self.toks[i - 1];
            if prev.is_word() && currency(prev.text(text)).is_none() {
                return Some(self.skip_compound(i));
            }
            if (prev.is_punct('-')
                || prev.is_punct('/')
                || prev.is_punct('.')
                || prev.is_punct('_'))
                && i >= 2
                && self.glued(i - 1)
                && self.toks[i - 2].is_word()
            {
                return Some(self.skip_compound(i));
            }
            // phone numbers and time zones: +84, GMT+7
            if prev.is_punct('+') || prev.is_punct('#') || prev.is_punct('^') {
                return Some(self.skip_compound(i));
            }
            // footnote markers: [1]
            if prev.is_punct('[') && self.punct_is(i + 1, ']') && self.glued(i + 1) {
                return Some(i + 2);
            }
            // zero-width and other format characters inside a number
            if let TokKind::Punct(c) = prev.kind {
                if is_format_char(c) {
                    return Some(self.skip_compound(i));
                }
            }
        }
        // glued to letters after, other than known suffixes
        if let Some(next) = self.tok(i + 1) {
            if !next.space_before {
                if next.is_word() {
                    let w = next.text(text);
                    let lw = lower(w);
                    let known = matches!(lw.as_str(), "st" | "nd" | "rd" | "th")
                        || scale_word(w, true).is_some()
                        || matches!(lw.as_str(), "am" | "pm");
                    if !known {
                        return Some(self.skip_compound(i));
                    }
                    if matches!(lw.as_str(), "am" | "pm") {
                        return Some(i + 2);
                    }
                    // ordinals are not quantities (`the 5th edition`)
                    if matches!(lw.as_str(), "st" | "nd" | "rd" | "th") {
                        return Some(i + 2);
                    }
                }
                if let TokKind::Punct(c) = next.kind {
                    if is_format_char(c) {
                        return Some(self.skip_compound(i));
                    }
                    // times of day: 22:12
                    if c == ':'
                        && self
                            .tok(i + 2)
                            .is_some_and(|n| n.is_num() && !n.space_before)
                    {
                        let mut j = i + 3;
                        if self.word(j).is_some_and(is_time_suffix) {
                            j += 1;
                        }
                        return Some(j);
                    }
                    // ids and numeric dates: 115/KH-UBND, 100/2019/ND-CP, 22/08/2025
                    if c == '/' {
                        let after = self.tok(i + 2);
                        let per = self.word(i + 2).and_then(period).is_some();
                        if after.is_some_and(|a| !a.space_before && (a.is_num() || a.is_word()))
                            && !per
                        {
                            return Some(self.skip_compound(i));
                        }
                    }
                    // document ids: 23-NQ/TU
                    if (c == '-' || c == '–')
                        && self
                            .word(i + 2)
                            .is_some_and(|w| w.len() >= 2 && w.chars().all(|c| c.is_uppercase()))
                        && self.glued(i + 2)
                    {
                        return Some(self.skip_compound(i));
                    }
                    // footnote marker glued after the number
                    if c == '[' && self.tok(i + 2).is_some_and(|n| n.is_num()) {
                        return Some(i + 1);
                    }
                }
            }
        }
        // a standard or code an acronym names: ISO 9001, SDG 4, TCVN 5574
        // (a year stays a year: `UNESCO 2025`; a currency is money: `USD 5`)
        if i > 0 && !self.glued(i) {
            if let (Some(w), Some(v)) = (self.word(i - 1), self.plain_int(i)) {
                let acronym =
                    (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
                if acronym && currency(w).is_none() && !(1800..=2100).contains(&v) {
                    return Some(self.skip_compound(i));
                }
            }
        }
        // a number inside a name: `the Thu Thiem 4 bridge`, `Ring Road 3
        // project`. A count of more than one takes a plural noun; a number
        // between a name's word and a singular noun is the name's.
        if i >= 2 && !self.glued(i) && !self.glued(i + 1) && self.word(i - 2).is_some() {
            if let (Some(name), Some(v), Some(noun)) =
                (self.word(i - 1), self.plain_int(i), self.word(i + 1))
            {
                let name_word = name.starts_with(|c: char| c.is_uppercase())
                    && month_from_name(name).is_none()
                    && weekday_from_name(name).is_none()
                    && currency(name).is_none();
                let ln = lower(noun);
                let singular_noun = noun.starts_with(|c: char| c.is_lowercase())
                    && ln.len() > 2
                    && !is_plural(&ln)
                    && !is_function_word(&ln)
                    && !is_unit_abbreviation(&ln)
                    && scale_word(&ln, true).is_none()
                    && !matches!(ln.as_str(), "percent" | "per" | "cent" | "times");
                if name_word && singular_noun && v > 1 && !(1800..=2100).contains(&v) {
                    return Some(i + 1);
                }
            }
        }
        // a tally or a score: `voted 9-2`, `won 3-1` (a range runs upwards;
        // `22-08-2025` goes on to be a date)
        if let (Some(a), Some(b)) = (self.plain_int(i), self.plain_int(i + 2)) {
            let pair = self.is_dash(i + 1) && self.glued(i + 1) && self.glued(i + 2);
            let third = self.is_dash(i + 3) && self.glued(i + 3);
            if pair && !third && a > b && a < 1000 {
                return Some(i + 3);
            }
        }
        // references: No. 23, Article 5, page 12, #5
        let mut p = i;
        if p > 0 && self.punct_is(p - 1, '.') {
            p -= 1;
        }
        // a phone label names all the digit groups after it: `Hotline 1900 1234`, `Tel: 024 …`
        let label_at = if p > 0 && self.punct_is(p - 1, ':') {
            p - 1
        } else {
            p
        };
        if label_at > 0 && self.word(label_at - 1).is_some_and(is_phone_label)
            || self.continues_phone_list(i)
        {
            let end = self.skip_phone_run(i);
            self.phone_end = Some(end);
            return Some(end);
        }
        if p > 0 {
            if let Some(w) = self.word(p - 1) {
                if is_reference_word(w)
                    && (p == i
                        || w.eq_ignore_ascii_case("no")
                        || w.eq_ignore_ascii_case("nos")
                        || w.len() <= 3)
                {
                    return Some(self.skip_compound(i));
                }
            }
        }
        // times: 10 AM, 10 a.m.
        if let Some(w) = self.word(i + 1) {
            let lw = lower(w);
            if (lw == "am" || lw == "pm") && self.plain_int(i).is_some_and(|h| h <= 24) {
                return Some(i + 2);
            }
            if (lw == "a" || lw == "p") && self.punct_is(i + 2, '.') && self.word_is(i + 3, "m") {
                return Some(i + 4);
            }
        }
        // phone numbers: 024 3825 3536, 0912-345-678, (024) 3825 3536
        if let Some(end) = self.phone_number(i) {
            self.phone_end = Some(end);
            return Some(end);
        }
        let _ = t;
        None
    }

    /// Skips a run of glued tokens (an identifier) starting around `i`.
    fn skip_compound(&self, i: usize) -> usize {
        let mut j = i + 1;
        while j < self.toks.len() && self.glued(j) {
            let t = self.toks[j];
            // stop at sentence punctuation that ends the compound
            if matches!(
                t.kind,
                TokKind::Punct(',' | ';' | ')' | '(' | '"' | '“' | '”')
            ) {
                break;
            }
            if t.is_punct('.') && self.tok(j + 1).is_none_or(|n| n.space_before) {
                break;
            }
            j += 1;
        }
        j
    }

    /// Skips the digit groups of a phone number that starts at `i`:
    /// `1900 1234`, `(024) 3825 3536`, `+84-24-3825`, `024.3825.3536`.
    fn skip_phone_run(&self, i: usize) -> usize {
        let mut j = i + 1;
        while let Some(t) = self.tok(j) {
            if t.newline_before {
                break;
            }
            let next_is_digits =
                |k: usize| self.tok(k).is_some_and(|n| n.is_num() || n.is_punct('('));
            let ok = match t.kind {
                TokKind::Num => true,
                // a period inside the number, not one that ends the sentence
                TokKind::Punct('.') => self.glued(j + 1) && next_is_digits(j + 1),
                TokKind::Punct('-' | '–' | '+' | '(' | '/') => next_is_digits(j + 1),
                TokKind::Punct(')') => self.toks[j - 1].is_num() && next_is_digits(j + 1),
                _ => false,
            };
            if !ok {
                break;
            }
            j += 1;
        }
        j
    }

    /// Whether the number at `i` is one more phone number in a list of them:
    /// joined to the last one skipped by `or`, `and`, `,` or `/` (at most two
    /// of them: `, or`), and either written in groups (`1900 9612`) or bare,
    /// with no word after it to count (`call 113 or 115.`), so that `call
    /// 1900 1234 and 300 people answered` keeps its count.
    fn continues_phone_list(&self, i: usize) -> bool {
        let Some(end) = self.phone_end else {
            return false;
        };
        let connector = |k: usize| {
            self.tok(k).is_some_and(|t| {
                t.is_punct(',')
                    || t.is_punct('/')
                    || t.is_word() && {
                        let w = t.text(self.text);
                        w.eq_ignore_ascii_case("or") || w.eq_ignore_ascii_case("and")
                    }
            })
        };
        let joined = match i.checked_sub(end) {
            Some(1) => connector(end),
            Some(2) => connector(end) && connector(end + 1),
            _ => false,
        };
        if !joined {
            return false;
        }
        let bytes = self.text.as_bytes();
        let after = self.toks[i].end;
        let grouped = after + 1 < bytes.len()
            && matches!(bytes[after], b' ' | b'.' | b'-')
            && bytes[after + 1].is_ascii_digit();
        grouped
            || !self
                .tok(i + 1)
                .is_some_and(|t| t.is_word() || t.is_punct('%'))
    }

    fn phone_number(&self, i: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut k = self.toks[i].start;
        let paren = k > 0 && bytes[k - 1] == b'(';
        let mut groups = 0;
        let mut digits = 0;
        let mut seps = 0;
        let mut lens = [0usize; 3];
        let mut end;
        loop {
            let g0 = k;
            while k < bytes.len() && bytes[k].is_ascii_digit() {
                k += 1;
            }
            let glen = k - g0;
            if glen == 0 || glen > 4 && groups > 0 {
                return None;
            }
            if groups < 3 {
                lens[groups] = glen;
            }
            groups += 1;
            digits += glen;
            end = k;
            // longer than any phone number: stop here (and stay linear)
            if digits > 15 {
                return None;
            }
            if paren && groups == 1 && k < bytes.len() && bytes[k] == b')' {
                k += 1;
            }
            if k + 1 < bytes.len()
                && matches!(bytes[k], b' ' | b'.' | b'-')
                && bytes[k + 1].is_ascii_digit()
            {
                seps += 1;
                k += 1;
            } else {
                break;
            }
        }
        // `2025-08-22` has the shape of a phone number too; it is a date
        let iso_date = groups == 3 && lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2 && !paren;
        let phone = (groups >= 3 || paren && groups >= 2)
            && (8..=15).contains(&digits)
            && seps >= 1
            && !iso_date;
        if !phone {
            return None;
        }
        let mut j = i;
        while j < self.toks.len() && self.toks[j].start < end {
            j += 1;
        }
        Some(j)
    }

    // ----------------------------------------------------------------- dates

    /// `August 22, 2025`, `Thursday, December 4, 2025`, `December 2024`,
    /// `September, 2025`, `On January 29`, `April 26-27, 2025`.
    fn date_month_first(&mut self, i: usize, month: u8) -> Option<usize> {
        let mut j = i + 1;
        // `Dec.`: only an abbreviation takes a period (`in August. 22 people …`)
        if self.punct_is(j, '.') && self.glued(j) && self.word(i).is_some_and(month_abbreviated) {
            j += 1;
        }
        // `September, 2025`
        if self.punct_is(j, ',') {
            let (year, yk) = self.year_at(j + 1)?;
            let value = Value::Date(PartialDate::month(year, month)?);
            self.push_date(i, yk, value, false);
            return Some(yk + 1);
        }
        if !self.tok(j).is_some_and(|t| t.is_num()) {
            return self.part_of_month(i, month);
        }
        if let Some((year, yk)) = self.year_at(j) {
            let value = Value::Date(PartialDate::month(year, month)?);
            self.push_date(i, yk, value, false);
            return Some(yk + 1);
        }
        let (day, day2, k) = self.day_and_range(j)?;
        self.finish_day_date(i, month, day, day2, k)
    }

    /// `22 August 2025`, `4th December`, `26-27 April 2025`: the day at `i`
    /// when a month name follows it.
    fn date_day_first(&mut self, i: usize) -> Option<usize> {
        let (day, day2, k) = self.day_and_range(i)?;
        // `the 5th of May`
        let mut m = k + 1;
        if self.word_is(m, "of") && self.word(m + 1).and_then(month_from_name).is_some() {
            m += 1;
        }
        let w = self.word(m)?;
        if !w.chars().next().is_some_and(char::is_uppercase) || !self.toks[m].space_before {
            return None;
        }
        let month = month_from_name(w)?;
        // `4 Dec. 2025`: an abbreviation's period, when a year follows
        if self.punct_is(m + 1, '.')
            && self.glued(m + 1)
            && month_abbreviated(w)
            && self.year_at(m + 2).is_some()
        {
            m += 1;
        }
        self.finish_day_date(i, month, day, day2, m)
    }

    /// A 4-digit year at `k` (after an optional comma): (year, its token).
    fn year_at(&self, mut k: usize) -> Option<(i16, usize)> {
        if self.punct_is(k, ',') {
            k += 1;
        }
        let y = self.plain_int(k)?;
        (self.num_text(k).len() == 4 && (1000..=2199).contains(&y)).then_some((y as i16, k))
    }

    /// A day of the month at `j`, with an ordinal suffix (`22nd`) and a
    /// second day (`26-27`) if written: (day, second day, last token).
    /// A second day after a spaced dash (`26 - 27`) is only taken when a
    /// year follows, since `April 26 - 27 cities …` is not a range.
    fn day_and_range(&self, j: usize) -> Option<(u8, Option<u8>, usize)> {
        if self.num_text(j).len() > 2 {
            return None;
        }
        let day = self.plain_int(j).filter(|d| (1..=31).contains(d))? as u8;
        let ordinal = |s: &Self, k: usize| {
            s.glued(k + 1)
                && s.word(k + 1)
                    .is_some_and(|w| matches!(lower(w).as_str(), "st" | "nd" | "rd" | "th"))
        };
        let mut k = j;
        if ordinal(self, k) {
            k += 1;
        }
        // a later day at `at` (`27`, `27th`): the day and its last token
        let second_day = |s: &Self, at: usize| {
            let d2 = s
                .plain_int(at)
                .filter(|d| s.num_text(at).len() <= 2 && (1..=31).contains(d) && *d as u8 > day)?;
            Some((d2 as u8, if ordinal(s, at) { at + 1 } else { at }))
        };
        let mut day2 = None;
        if self.is_dash(k + 1) {
            let glued = self.glued(k + 1) && self.glued(k + 2);
            let spaced = !self.glued(k + 1) && !self.glued(k + 2);
            if let Some((d2, k2)) = second_day(self, k + 2).filter(|_| glued || spaced) {
                if glued || self.year_at(k2 + 1).is_some() {
                    day2 = Some(d2);
                    k = k2;
                }
            }
        } else if self.word_is(k + 1, "to")
            || self.word_is(k + 1, "and") && j > 0 && self.word_is(j - 1, "between")
        {
            // `from 3 to 7 March`, `between 3 and 7 March`: a month must
            // follow; or, after it, a year or a `from`/`between` before it
            // (`from December 2 to 5, 2024`, `between May 3 and 7`)
            let month_before = j >= 1 && self.word(j - 1).and_then(month_from_name).is_some();
            if let Some((d2, k2)) = second_day(self, k + 2) {
                let month_after = self.word(k2 + 1).and_then(month_from_name).is_some();
                let framed = month_before
                    && (self.year_at(k2 + 1).is_some()
                        || j >= 2
                            && (self.word_is(j - 2, "from") || self.word_is(j - 2, "between")));
                if month_after || framed {
                    day2 = Some(d2);
                    k = k2;
                }
            }
        }
        Some((day, day2, k))
    }

    /// Pushes the date of `month`, `day` (and `day2`) from token `first` to
    /// `k`, with the year that follows `k` or one resolved from the
    /// publication date. A day that is not on the calendar (`February 30,
    /// 2025`) is a typo for a date, never a count and a year: it is skipped.
    fn finish_day_date(
        &mut self,
        first: usize,
        month: u8,
        day: u8,
        day2: Option<u8>,
        mut k: usize,
    ) -> Option<usize> {
        let written_year = self.year_at(k + 1);
        let date = match written_year {
            Some((year, yk)) => {
                k = yk;
                PartialDate::day(year, month, day)
            }
            None => match self.resolve_month_day(first, month, day) {
                Some(Ok(d)) => Some(d),
                Some(Err(v)) => {
                    self.push_date(first, k, v, false);
                    return Some(k + 1);
                }
                None => None,
            },
        };
        let Some(d) = date else {
            return Some(k + 1);
        };
        let value = match day2.and_then(|d2| PartialDate::day(d.year, month, d2)) {
            Some(d2) => Value::DateRange { min: d, max: d2 },
            None => Value::Date(d),
        };
        self.push_date(first, k, value, written_year.is_none());
        Some(k + 1)
    }

    /// `2025-08-22`.
    fn iso_date(&mut self, i: usize) -> Option<usize> {
        if self.num_text(i).len() != 4 {
            return None;
        }
        let y = self.plain_int(i)?;
        // `2025-08-22`, and the common `2025-8-22`
        let ok = |k: usize, s: &Self| {
            s.is_dash(k)
                && s.glued(k)
                && s.glued(k + 1)
                && s.tok(k + 1)
                    .is_some_and(|t| t.is_num() && (1..=2).contains(&(t.end - t.start)))
        };
        if !(ok(i + 1, self) && ok(i + 3, self)) {
            return None;
        }
        let m = self.plain_int(i + 2)? as u8;
        let d = self.plain_int(i + 4)? as u8;
        // `2025-02-30` has the shape of a date but is none: not a claim either
        let Some(date) = PartialDate::day(y as i16, m, d) else {
            return Some(i + 5);
        };
        self.push_date(i, i + 4, Value::Date(date), false);
        Some(i + 5)
    }

    /// Resolves a month and day without a year against the publication date:
    /// the nearest such date on or before it, the nearest after it when
    /// the sentence speaks of the future (`will be held on March 3`), or the
    /// nearest either way when it speaks of a plan, which may have been
    /// due before publication (`had planned to reach 2.5 million by June 30`).
    /// `None` when no year has that day (February 30); `Err` with a
    /// [`Value::MonthDay`] when there is no publication date.
    fn resolve_month_day(
        &self,
        i: usize,
        month: u8,
        day: u8,
    ) -> Option<Result<PartialDate, Value>> {
        // reject impossible days even without a year (Feb 30); Feb 29 is possible
        PartialDate::day(2024, month, day)?;
        let Some(published) = self.ctx.published else {
            return Some(Err(Value::MonthDay { month, day }));
        };
        self.pick_year(i, published, |y| PartialDate::day(y, month, day))
            .map(Ok)
    }

    /// The date `of_year` makes of the year that the sentence of token `i`
    /// means, from its publication date: the latest not after it, the
    /// earliest not wholly before it when the sentence speaks of the
    /// future, the nearest either way for a plan ([`Looks`]).
    fn pick_year(
        &self,
        i: usize,
        published: PartialDate,
        of_year: impl Fn(i16) -> Option<PartialDate>,
    ) -> Option<PartialDate> {
        let (pub_first, pub_last) = published.day_range();
        let looks = *self.future.get_or_init(|| {
            let sentence = self.sentence_of(self.toks[i].start);
            looks_from(&self.text[sentence])
        });
        // four years either side, so that February 29 finds a leap year
        let candidates = (published.year.saturating_sub(4)..=published.year.saturating_add(4))
            .filter_map(of_year);
        match looks {
            Looks::Ahead => candidates.filter(|d| d.day_range().1 >= pub_first).min(),
            Looks::Back => candidates.filter(|d| d.day_range().0 <= pub_last).max(),
            Looks::Either => candidates.min_by_key(|d| {
                let (a, b) = d.day_range();
                if a <= pub_last && b >= pub_first {
                    0
                } else {
                    (a - pub_last).abs().min((b - pub_first).abs())
                }
            }),
        }
    }

    /// `by the end of June`, `at the start of March`: a month named as a
    /// part of it, without a year, is that month of the year the sentence
    /// means. (A month alone is too often a name or a verb: `May`, `March`.)
    fn part_of_month(&mut self, i: usize, month: u8) -> Option<usize> {
        let part = i >= 2
            && self.word_is(i - 1, "of")
            && self.word(i - 2).is_some_and(|w| {
                matches!(
                    lower(w).as_str(),
                    "end" | "start" | "beginning" | "middle" | "close"
                )
            });
        if !part {
            return None;
        }
        let published = self.ctx.published?;
        let date = self.pick_year(i, published, |y| PartialDate::month(y, month))?;
        self.push_date(i, i, Value::Date(date), true);
        // the preposition is the part's: `by the end of June` is a deadline
        let before = if i >= 3 && self.word_is(i - 3, "the") {
            4
        } else {
            3
        };
        let preposition = i
            .checked_sub(before)
            .and_then(|p| self.word(p))
            .map(lower)
            .filter(|w| matches!(w.as_str(), "by" | "at" | "until" | "before" | "after"));
        if let Some(m) = self.out.last_mut() {
            m.preposition = preposition.map(|p| if p == "at" { "in".to_string() } else { p });
        }
        Some(i + 1)
    }

    /// Pushes a date mention; `year_inferred` when the year was resolved
    /// from the publication date rather than written.
    fn push_date(&mut self, first: usize, last: usize, value: Value, year_inferred: bool) {
        let mut start_tok = first;
        // `Thursday, December 4, 2025`
        let mut weekday = None;
        let wd_at = if self.punct_is(first.wrapping_sub(1), ',') {
            first.checked_sub(2)
        } else {
            first.checked_sub(1)
        };
        if let Some(w) = wd_at.filter(|w| *w >= self.floor) {
            if let Some(day) = self.word(w).and_then(weekday_from_name) {
                let t = self.toks[w];
                weekday = Some((day, [t.start, t.end]));
                start_tok = w;
            }
        }
        let preposition = start_tok
            .checked_sub(1)
            .and_then(|p| self.word(p))
            .map(lower)
            .filter(|w| {
                matches!(
                    w.as_str(),
                    "on" | "in"
                        | "since"
                        | "by"
                        | "until"
                        | "dated"
                        | "from"
                        | "before"
                        | "after"
                        | "of"
                        | "to"
                        | "through"
                        | "during"
                )
            });
        let kind = Kind::Date;
        let start = self.toks[start_tok].start;
        let end = self.toks[last].end;
        let mut m = self.mention(start, end, kind, value);
        m.weekday = weekday;
        m.preposition = preposition;
        m.year_inferred = year_inferred;
        self.out.push(m);
        self.floor = last + 1;
    }

    fn mention(&self, start: usize, end: usize, kind: Kind, value: Value) -> Mention {
        let s = self.sentence_of(start);
        Mention {
            start,
            end,
            text: self.text[start..end].to_string(),
            kind,
            value,
            qualifier: Qualifier::Exact,
            hedge: None,
            unit: None,
            of: None,
            per: None,
            precision: 0.0,
            sentence: [s.start, s.end],
            preposition: None,
            weekday: None,
            year_inferred: false,
            implied_year: None,
            items: None,
            list_complete: false,
        }
    }

    // ------------------------------------------------ the rest of a quantity

    /// Completes a number with what follows and precedes it: scale, percent,
    /// range, currency, age, unit phrase, hedges. Pushes the mention and
    /// returns the token index after it.
    fn finish(&mut self, core: Core) -> Option<usize> {
        let mut last = core.last;
        let mut value = core.value;
        let mut precision = core.precision;
        let mut kind = Kind::Count;
        let mut range: Option<(f64, f64)> = None;
        let mut currency_code: Option<&'static str> = None;
        let mut per: Option<&'static str> = None;
        let mut age = false;

        // currency before: VND30,000 / $5 / US$ 5 / USD 1.2
        let mut first = core.first;
        if !core.written {
            if let Some((code, at)) = self.currency_before(core.first) {
                currency_code = Some(code);
                first = at;
            }
        }

        // scale: 2 million, 1.2 billion, $5m, 30,000 billion, $5-million
        let scale_at = last + 1;
        if let Some(w) = self.word(scale_at) {
            let glued = self.glued(scale_at);
            let abbreviations = glued && (currency_code.is_some() || !core.written);
            let ok_glued = !glued || currency_code.is_some() || scale_word(w, false).is_none();
            if let Some(s) = scale_word(w, abbreviations)
                .filter(|_| ok_glued && !w.ends_with('s') || abbreviations)
            {
                // `5 hundred` is prose; `five hundred` a number
                if s != 100.0 || core.written || w.eq_ignore_ascii_case("hundred") {
                    value *= s;
                    precision *= s;
                    last = scale_at;
                }
            }
        } else if self.is_dash(scale_at) && self.glued(scale_at) && self.glued(scale_at + 1) {
            // `a $5-million grant`: the compound adjective of `$5 million`
            if let Some(s) = self
                .word(scale_at + 1)
                .filter(|w| !w.ends_with('s'))
                .and_then(|w| scale_word(w, false))
                .filter(|s| *s >= 1e3)
            {
                value *= s;
                precision *= s;
                last = scale_at + 1;
            }
        }

        // a range: 75-80%, 2021-2030, 15-60, $1,000-$2,000, between 10 and 20
        let mut between = false;
        if self.is_dash(last + 1) && self.glued(last + 1) && self.glued(last + 2) && !core.written {
            if let Some((mut v2, s2, n2, l2)) = self.range_end(last + 2, currency_code) {
                // `2024-25` → 2025
                if core.yearlike && s2 == 1.0 && self.num_text(n2).len() == 2 {
                    v2 += (core.value as i64 / 100 * 100) as f64;
                }
                // `5-10 million`: the scale of the second number is the first's too
                if s2 != 1.0 && value == core.value && core.value < v2 {
                    value *= s2;
                    precision *= s2;
                }
                v2 *= s2;
                if v2 > value {
                    range = Some((value, v2));
                    last = l2;
                }
            }
        } else if first > self.floor && i_before_is(self, first, "between") {
            // between A and B, between 10% and 20%
            let pct = self.punct_is(last + 1, '%');
            let and_at = if pct { last + 2 } else { last + 1 };
            if self.word_is(and_at, "and") {
                if let Some((v2, s2, _, mut l2)) = self.range_end(and_at + 1, currency_code) {
                    let pct_ok = !pct || s2 == 1.0 && self.punct_is(l2 + 1, '%');
                    if pct {
                        l2 += 1;
                    }
                    // `between 5 and 10 million`
                    if s2 != 1.0 && value == core.value && core.value < v2 {
                        value *= s2;
                        precision *= s2;
                    }
                    let v2 = v2 * s2;
                    if v2 > value && pct_ok {
                        range = Some((value, v2));
                        last = l2;
                        between = true;
                        if pct {
                            kind = Kind::Percent;
                        }
                    }
                }
            }
        } else if self.word_is(last + 1, "to")
            && currency_code.is_none()
            && !self.punct_is(last + 1, '%')
            && !(first > self.floor
                && self.word(first - 1).is_some_and(|w| {
                    let w = lower(w);
                    matches!(
                        w.as_str(),
                        "from"
                            | "to"
                            | "by"
                            | "rose"
                            | "grew"
                            | "fell"
                            | "increased"
                            | "decreased"
                            | "raised"
                            | "cut"
                            | "up"
                            | "down"
                            | "expanded"
                            | "reduced"
                            | "dropped"
                            | "climbed"
                            | "jumped"
                    )
                }))
        {
            // `highs of 38 to 40 degrees`, `aged 18 to 25 years`: a range,
            // when a unit follows and the second is larger (`a ratio of 3
            // to 1` is not one; `from 3 to 7` is a change)
            if let Some((v2, s2, _, l2)) = self.range_end(last + 2, None) {
                let v2 = v2 * s2;
                let unit_follows = self.word(l2 + 1).is_some_and(|w| {
                    !is_function_word(&lower(w)) && !w.starts_with(char::is_uppercase)
                });
                if s2 == 1.0 && v2 > value && unit_follows && core.value == value {
                    range = Some((value, v2));
                    last = l2;
                }
            }
        }

        // percent
        if kind != Kind::Percent {
            if self.punct_is(last + 1, '%')
                || self.word_is(last + 1, "percent")
                || self.word_is(last + 1, "pct")
            {
                kind = Kind::Percent;
                last += 1;
            } else if self.word_is(last + 1, "per") && self.word_is(last + 2, "cent") {
                kind = Kind::Percent;
                last += 2;
            }
        }
        // `5%-10%`: a range with the sign on both ends
        if kind == Kind::Percent
            && range.is_none()
            && self.punct_is(last, '%')
            && self.is_dash(last + 1)
            && self.glued(last + 1)
            && self.glued(last + 2)
        {
            if let Some(c2) = self
                .tok(last + 2)
                .filter(|t| t.is_num())
                .and_then(|_| self.digit_core(last + 2))
            {
                if c2.value > value && self.punct_is(c2.last + 1, '%') && self.glued(c2.last + 1) {
                    range = Some((value, c2.value));
                    last = c2.last + 1;
                }
            }
        }

        // money: currency after (`10 billion dong`, `5 million USD`)
        if currency_code.is_none() && kind == Kind::Count {
            // a code glued to a number belongs to that number: `5 VND31`
            let owned_by_next = self
                .tok(last + 2)
                .is_some_and(|t| t.is_num() && !t.space_before);
            if let Some(w) = self.word(last + 1).filter(|_| !owned_by_next) {
                let is_code = w.len() == 3 && w.chars().all(|c| c.is_ascii_uppercase());
                let named = currency_after(w)
                    .filter(|_| is_code || !w.chars().all(|c| c.is_ascii_uppercase()));
                if let Some(code) = named {
                    currency_code = Some(code);
                    last += 1;
                    if self.word_is(last, "us") {
                        last += 0;
                    }
                }
            }
        }
        if currency_code.is_some() {
            kind = Kind::Money;
            // per period: /year, per year, a year
            if self.punct_is(last + 1, '/') && self.glued(last + 1) {
                if let Some(p) = self.word(last + 2).and_then(period) {
                    per = Some(p);
                    last += 2;
                }
            } else if (self.word_is(last + 1, "per")
                || self.word_is(last + 1, "a")
                || self.word_is(last + 1, "each"))
                && self.word(last + 2).and_then(period).is_some()
            {
                per = self.word(last + 2).and_then(period);
                last += 2;
            } else if let Some(p) = self
                .word(last + 1)
                .filter(|w| w.eq_ignore_ascii_case("annually"))
                .and_then(period)
            {
                per = Some(p);
                last += 1;
            }
        }

        // ages and durations: 949-year-old, thousand-year tradition, 3-5 years
        let mut time_unit: Option<&'static str> = None;
        let mut measure: Option<&'static str> = None;
        if kind == Kind::Count
            && self.is_dash(last + 1)
            && self.glued(last + 1)
            && self.glued(last + 2)
        {
            if let Some(w) = self.word(last + 2) {
                let lw = lower(w);
                if matches!(lw.as_str(), "year" | "years") {
                    if self.is_dash(last + 3)
                        && self.word_is(last + 4, "old")
                        && self.glued(last + 3)
                    {
                        age = true;
                        last += 4;
                    } else if value >= 100.0 {
                        // `thousand-year tradition`: the age of something old
                        age = true;
                        last += 2;
                        if self.is_dash(last + 1)
                            && self.word_is(last + 2, "old")
                            && self.glued(last + 1)
                        {
                            last += 2;
                        }
                    } else {
                        kind = Kind::Duration;
                        time_unit = Some("years");
                        last += 2;
                    }
                } else if let Some(plural) = time_unit_plural(&lw) {
                    // `6-month course`: the unit is the time unit, not `course`
                    kind = Kind::Duration;
                    time_unit = Some(plural);
                    last += 2;
                } else if let Some(unit) = measure_unit(&lw) {
                    // `480-megawatt plant`, `300-bed hospital`: a measure
                    // written as an adjective is the measure
                    measure = Some(unit);
                    last += 2;
                } else {
                    // `12-member committee`: an adjective, not a claim we can key
                    return Some(last + 3);
                }
            }
        }
        if kind == Kind::Count && !age {
            if let Some(w) = self.word(last + 1) {
                let lw = lower(w);
                if matches!(lw.as_str(), "years" | "year") && self.word_is(last + 2, "old") {
                    age = true;
                    last += 2;
                }
            }
        }
        // `aged 15-60`, `aged 15 and over`
        let aged = first > 0 && self.word_is(first - 1, "aged");
        if aged {
            age = true;
        }
        // `Tom Hale, 47, has led …`: a bare number set off by commas after
        // a name is the person's age
        if kind == Kind::Count && !age && range.is_none() && first >= 2 && last == core.last {
            let after_name = self.punct_is(first - 1, ',')
                && self.word(first - 2).is_some_and(|w| {
                    w.starts_with(|c: char| c.is_uppercase())
                        && month_from_name(w).is_none()
                        && weekday_from_name(w).is_none()
                });
            let set_off = self.punct_is(last + 1, ',');
            if after_name
                && set_off
                && self
                    .plain_int(first)
                    .is_some_and(|a| (1..=110).contains(&a))
            {
                age = true;
            }
        }
        if age {
            kind = Kind::Age;
        }
        // `thousand-year`: a round written age is approximate
        let round_written_age = age
            && core.written
            && core.first == core.last
            && scale_word(self.word(core.first).unwrap_or(""), false).is_some();

        // years: a 4-digit integer in 1000..=2199 that is not counting things
        // `500+ users`: the plus belongs to the number, before its unit
        // (and `2000+` is a count, never a year)
        let plus = range.is_none()
            && self.punct_is(last + 1, '+')
            && self.glued(last + 1)
            && !self
                .tok(last + 2)
                .is_some_and(|t| t.is_num() && !t.space_before);
        if plus {
            last += 1;
        }
        let yearlike = core.yearlike
            && !core.written
            && kind == Kind::Count
            && currency_code.is_none()
            && last == core.last
            || core.yearlike && range.is_some() && kind == Kind::Count;
        let mut unit: Option<String> = None;
        let mut unit_last = last;
        if let Some(t) = time_unit.or(measure) {
            unit = Some(t.to_string());
        } else if matches!(kind, Kind::Count | Kind::Duration | Kind::Money)
            || kind == Kind::Age && aged
        {
            if let Some((u, ul)) = self.unit_phrase(last + 1) {
                unit = Some(u);
                unit_last = ul;
            }
        }
        let prev_word = first.checked_sub(1).and_then(|p| self.word(p)).map(lower);
        let prev2_word = first.checked_sub(2).and_then(|p| self.word(p)).map(lower);
        let year_prep = prev_word.as_deref().is_some_and(is_year_preposition)
            || prev_word.as_deref() == Some("the")
                && prev2_word.as_deref().is_some_and(is_year_preposition);
        let plural_unit = unit.as_deref().is_some_and(|u| {
            let head = u.rsplit(' ').next().unwrap_or(u);
            head.ends_with('s') && !head.ends_with("ss") || matches!(head, "people" | "children")
        });
        let is_year = yearlike && (year_prep || !plural_unit || range.is_some());
        if is_year {
            kind = Kind::Year;
        }

        // time units after a count make it a duration: `3-5 years`, `10 months`
        if kind == Kind::Count {
            if let Some(u) = &unit {
                let head = singular(&lower(u.rsplit(' ').next().unwrap_or(u)));
                if !u.contains(' ')
                    && matches!(
                        head.as_str(),
                        "year"
                            | "month"
                            | "week"
                            | "day"
                            | "hour"
                            | "minute"
                            | "decade"
                            | "century"
                    )
                {
                    kind = Kind::Duration;
                }
            }
        }

        // hedges before: more than, nearly, about, up to, ~, >
        let (qualifier, hedge, hedge_first) = if between {
            (Qualifier::Exact, None, None)
        } else {
            self.hedge_before(first)
        };
        let mut qualifier = qualifier;
        let mut hedge = hedge;
        if round_written_age && qualifier == Qualifier::Exact {
            qualifier = Qualifier::Approximate;
        }
        let mut start_tok = hedge_first.unwrap_or(first);
        if between {
            start_tok = first - 1;
        }
        // hedges after: `500 or more`, `50 employees or more`, `500+`
        if qualifier == Qualifier::Exact && range.is_none() && kind != Kind::Year {
            let after = if unit.is_some() { unit_last } else { last };
            let or_what = self
                .word_is(after + 1, "or")
                .then(|| self.word(after + 2).map(lower))
                .flatten();
            let q = match or_what.as_deref() {
                Some("more" | "above" | "higher" | "older" | "over" | "greater") => {
                    Some(Qualifier::AtLeast)
                }
                Some("less" | "fewer" | "below" | "lower" | "under" | "younger") => {
                    Some(Qualifier::AtMost)
                }
                _ => None,
            };
            if let Some(q) = q.filter(|_| !plus) {
                qualifier = q;
                hedge =
                    Some(self.text[self.toks[after + 1].start..self.toks[after + 2].end].into());
                last = after + 2;
                // `500 or more participants`
                if unit.is_none() && matches!(kind, Kind::Count) {
                    unit = self.unit_phrase(last + 1).map(|(u, _)| u);
                }
            } else if plus {
                qualifier = Qualifier::AtLeast;
                hedge = Some("+".into());
            }
        }
        if aged
            && self.word_is(last + 1, "and")
            && (self.word_is(last + 2, "over")
                || self.word_is(last + 2, "above")
                || self.word_is(last + 2, "older"))
        {
            qualifier = Qualifier::AtLeast;
            hedge = Some("and over".into());
            last += 2;
        }
        if kind == Kind::Year
            && hedge.is_some()
            && !matches!(prev_word.as_deref(), Some("around" | "about"))
        {
            // `over 2020` is not a hedge on a year; keep the year bare
            qualifier = Qualifier::Exact;
            hedge = None;
            start_tok = first;
        }

        let value = match (kind, range) {
            (Kind::Year, Some((a, b))) => Value::DateRange {
                min: PartialDate::year(a as i16),
                max: PartialDate::year(b as i16),
            },
            (Kind::Year, None) => Value::Date(PartialDate::year(value as i16)),
            (_, Some((a, b))) => Value::Range { min: a, max: b },
            (_, None) => Value::Number(value),
        };
        // a bare number in brackets with nothing it counts: `Comment (0)`, `[3]`
        if kind == Kind::Count
            && unit.is_none()
            && qualifier == Qualifier::Exact
            && start_tok > 0
            && (self.punct_is(start_tok - 1, '(') || self.punct_is(start_tok - 1, '['))
            && (self.punct_is(last + 1, ')') || self.punct_is(last + 1, ']'))
        {
            return Some(last + 2);
        }
        // A value beyond what a float holds (`hundred hundred … hundred`)
        // is nothing anyone wrote down as a quantity; it would reach JSON as
        // `null` and reconciliation as infinity, so it is not a mention.
        let finite = match value {
            Value::Number(n) => n.is_finite(),
            Value::Range { min, max } => min.is_finite() && max.is_finite(),
            _ => true,
        };
        if !finite || !precision.is_finite() {
            return Some(last + 1);
        }
        let start = self.toks[start_tok].start;
        let end = self.toks[last].end;
        let mut m = self.mention(start, end, kind, value);
        m.qualifier = qualifier;
        m.hedge = hedge;
        m.precision = if kind == Kind::Year { 0.0 } else { precision };
        m.per = per;
        m.unit = match kind {
            Kind::Money => currency_code.map(str::to_string),
            Kind::Percent => Some("%".into()),
            _ => unit.clone(),
        };
        if kind == Kind::Percent {
            m.of = self.percent_of(last + 1);
        }
        if kind == Kind::Year {
            m.preposition = if year_prep {
                prev_word.filter(|w| w != "the").or(prev2_word)
            } else {
                None
            };
            m.unit = unit;
        }
        if kind == Kind::Age {
            if let (Some(p), Value::Number(a)) = (self.ctx.published, m.value) {
                if !aged {
                    m.implied_year = Some(p.year as i32 - a as i32);
                }
            }
            if !aged {
                m.unit = Some("years".into());
            }
        }
        self.out.push(m);
        self.floor = last + 1;
        Some(last + 1)
    }

    /// The second number of a range from token `at`: the digits, after the
    /// first number's currency repeated (`$1,000-$2,000`), and a scale word.
    /// Returns (unscaled value, scale, number token, last token).
    fn range_end(&self, at: usize, currency: Option<&str>) -> Option<(f64, f64, usize, usize)> {
        let n = (at..at + 3).find(|&k| self.tok(k).is_some_and(Tok::is_num))?;
        if n > at {
            // only the same currency may stand between: `$5 and $10`
            let (code, from) = self.currency_before(n)?;
            if from != at || Some(code) != currency {
                return None;
            }
        }
        let c2 = self.digit_core(n)?;
        if c2.first != n {
            return None;
        }
        let scale = self
            .word(c2.last + 1)
            .filter(|w| !w.ends_with('s'))
            .and_then(|w| scale_word(w, false))
            .filter(|s| *s >= 1e3);
        Some(match scale {
            Some(s) => (c2.value, s, n, c2.last + 1),
            None => (c2.value, 1.0, n, c2.last),
        })
    }

    /// A currency written just before the number at `i`: `VND30,000`, `$5`,
    /// `US$5`, `USD 1.2`.
    fn currency_before(&self, i: usize) -> Option<(&'static str, usize)> {
        let p = i.checked_sub(1).filter(|p| *p >= self.floor)?;
        let t = self.toks[p];
        let s = t.text(self.text);
        if t.is_word() {
            let code = currency(s)?;
            // a code with a space must be written as a code: `USD 5`, not `$`
            let written_as_code = s.len() == 3 && s.chars().all(|c| c.is_ascii_uppercase());
            if !(self.glued(i) || written_as_code) {
                return None;
            }
            return Some((code, p));
        }
        if let TokKind::Punct(c) = t.kind {
            let code = currency(c.encode_utf8(&mut [0; 4]))?;
            // US$, A$, S$
            if p > self.floor && self.glued(p) {
                if let Some(w) = self.word(p - 1) {
                    let both = format!("{w}{c}");
                    if let Some(code) = currency(&both) {
                        return Some((code, p - 1));
                    }
                }
            }
            return Some((code, p));
        }
        None
    }

    /// Hedge words right before token `first`: (qualifier, words, first token).
    fn hedge_before(&self, first: usize) -> (Qualifier, Option<String>, Option<usize>) {
        if first > self.floor {
            if let TokKind::Punct(c) = self.toks[first - 1].kind {
                let q = match c {
                    '~' | '≈' => Some(Qualifier::Approximate),
                    '>' => Some(Qualifier::MoreThan),
                    '<' => Some(Qualifier::LessThan),
                    '≥' => Some(Qualifier::AtLeast),
                    '≤' => Some(Qualifier::AtMost),
                    _ => None,
                };
                if let Some(q) = q {
                    return (q, Some(c.to_string()), Some(first - 1));
                }
            }
        }
        for (words, q) in HEDGES_BEFORE {
            let n = words.len();
            if first < n + self.floor {
                continue;
            }
            let mut p = first - n;
            // `approx.`
            let mut ok = true;
            for (k, w) in words.iter().enumerate() {
                if !self.word_is(p + k, w) {
                    ok = false;
                    break;
                }
            }
            if !ok
                && n == 1
                && first >= 2 + self.floor
                && self.punct_is(first - 1, '.')
                && self.word_is(first - 2, words[0])
            {
                p = first - 2;
                ok = true;
            }
            if ok {
                let text = self.text[self.toks[p].start..self.toks[first - 1].end].to_string();
                return (*q, Some(text), Some(p));
            }
        }
        (Qualifier::Exact, None, None)
    }

    /// The noun phrase after a number: `member cities`, `community learning
    /// centers`, `kindergartens and general schools`.
    fn unit_phrase(&self, from: usize) -> Option<(String, usize)> {
        self.unit_phrase_at(from, 0)
    }

    /// [`unit_phrase`](Self::unit_phrase) inside `depth` coordinations; the
    /// depth is bounded so that `cats and dogs and cats and …` cannot recurse
    /// once per word.
    fn unit_phrase_at(&self, from: usize, depth: u8) -> Option<(String, usize)> {
        let mut words: Vec<(usize, usize)> = Vec::new(); // token ranges of words (hyphenated words span several)
        let mut j = from;
        while words.len() < 6 {
            // the text may end right after the unit (`… 5 kg`)
            let Some(t) = self.tok(j) else { break };
            if !t.is_word() {
                break;
            }
            if j > from && t.newline_before {
                break;
            }
            let w = t.text(self.text);
            let lw = lower(w);
            // `averaged 31,200 last season`: a time after a number is no unit
            let time_word = matches!(lw.as_str(), "last" | "next" | "this" | "every" | "each");
            if is_function_word(&lw)
                || time_word
                || is_verbish(&lw, self.word(j + 1))
                || lw.len() == 1 && lw != "m"
            {
                // coordination: `kindergartens and general schools`, but not
                // a verb taking an amount or an object: `stalls and welcomes
                // approximately 16,000 visitors`, `and serves the region`
                if (lw == "and" || lw == "or")
                    && !words.is_empty()
                    && depth < 3
                    && !self.takes_an_object(j + 1)
                {
                    if let Some((rest, rl)) = self.unit_phrase_at(j + 1, depth + 1) {
                        let head = rest.rsplit(' ').next().unwrap_or(&rest).to_string();
                        if is_plural(&head) && !rest.contains(" and ") {
                            words.push((j, rl));
                        }
                    }
                }
                break;
            }
            // hyphenated words: non-public, inner-city
            let mut k = j;
            while self.is_dash(k + 1)
                && self.glued(k + 1)
                && self.glued(k + 2)
                && self.word(k + 2).is_some()
            {
                k += 2;
            }
            words.push((j, k));
            j = k + 1;
            // a unit's abbreviation is the whole unit: `2.16 km long`, `38 m
            // wide` measure as `2.16 kilometres long` does
            if words.len() == 1 && is_unit_abbreviation(&lw) {
                break;
            }
            // a plural noun ends the phrase (`teachers receive …`)
            if is_plural(&lw) && !(self.word_is(j, "and") || self.word_is(j, "or")) {
                break;
            }
            // possessive `'s` ends it too
            if self.punct_is(j, '\'') || self.punct_is(j, '’') {
                break;
            }
        }
        let (a, _) = *words.first()?;
        let (_, b) = *words.last()?;
        let s = &self.text[self.toks[a].start..self.toks[b].end];
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        Some((s, b))
    }

    /// Whether the word at `i` is followed by what a verb takes and a noun
    /// does not: a number, a hedge on one (`welcomes approximately 16,000`)
    /// or a determiner (`serves the region`).
    fn takes_an_object(&self, i: usize) -> bool {
        self.word(i).is_some()
            && self.tok(i + 1).is_some_and(|t| {
                t.is_num() || t.is_word() && opens_an_object(&lower(t.text(self.text)))
            })
    }

    /// `% of the laboratories` → `laboratories`.
    fn percent_of(&self, from: usize) -> Option<String> {
        if !self.word_is(from, "of") {
            return None;
        }
        let mut j = from + 1;
        while self.word(j).is_some_and(|w| {
            matches!(
                lower(w).as_str(),
                "the" | "a" | "an" | "its" | "their" | "all"
            )
        }) {
            j += 1;
        }
        // `of the country's universities`, `of Northwind Energy's output`
        let owner_ends = (j..j + 4)
            .take_while(|&k| {
                self.word(k)
                    .is_some_and(|w| k == j || w.starts_with(|c: char| c.is_uppercase()))
            })
            .find(|&k| {
                (self.punct_is(k + 1, '\'') || self.punct_is(k + 1, '’'))
                    && self.word_is(k + 2, "s")
            });
        if let Some(k) = owner_ends {
            j = k + 3;
        }
        self.unit_phrase(j).map(|(u, _)| u)
    }
}

fn i_before_is(s: &Scanner<'_>, first: usize, w: &str) -> bool {
    first > 0 && s.word_is(first - 1, w)
}

fn is_plural(lw: &str) -> bool {
    let lw = lw.to_lowercase();
    (lw.len() > 3
        && lw.ends_with('s')
        && !lw.ends_with("ss")
        && !lw.ends_with("us")
        && !lw.ends_with("is"))
        || matches!(
            lw.as_str(),
            "people" | "children" | "men" | "women" | "staff" | "personnel"
        )
}

/// A word that is probably a verb, which ends a unit phrase:
/// past participles (`recognized`) and `-ing` forms not followed by a noun.
fn is_verbish(lw: &str, next: Option<&str>) -> bool {
    if lw.len() > 4
        && lw.ends_with("ed")
        && !matches!(lw, "hundred" | "bed" | "need" | "seed" | "feed")
    {
        // `disabled students`: an adjective before a plural noun
        return !next.is_some_and(|n| is_plural(n) && !is_function_word(n));
    }
    if lw.len() > 5 && lw.ends_with("ing") {
        return match next {
            Some(n) => is_function_word(n),
            None => true,
        };
    }
    matches!(
        lw,
        "receive"
            | "receives"
            | "get"
            | "gets"
            | "take"
            | "takes"
            | "make"
            | "makes"
            | "meet"
            | "meets"
            | "apply"
            | "applies"
            | "participate"
            | "attend"
            | "join"
            | "joins"
            | "become"
            | "becomes"
            | "remain"
            | "remains"
            | "reach"
            | "reaches"
            | "say"
            | "says"
            | "said"
            | "live"
            | "work"
            | "study"
            | "use"
            | "uses"
            | "need"
            | "needs"
            | "face"
            | "faces"
            | "joined"
            // `of which 790 run on clean energy`
            | "run"
            | "ran"
            | "operate"
            | "operates"
            | "runs"
            | "serve"
            | "serves"
            | "employ"
            | "employs"
            | "own"
            | "owns"
            // `48,000 people and expects full-year profit of …`
            | "expect"
            | "expects"
            | "plan"
            | "plans"
            | "aim"
            | "aims"
            | "hope"
            | "hopes"
            | "intend"
            | "intends"
            | "want"
            | "wants"
            | "come"
            | "came"
            | "went"
            | "worldwide"
            | "nationwide"
            | "respectively"
            | "annually"
            | "ago"
    )
}

/// Zero-width and directional format characters that can hide inside numbers.
fn is_format_char(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// The plural of a time unit other than `year` (`6-month` → `months`).
fn time_unit_plural(lw: &str) -> Option<&'static str> {
    Some(match lw {
        "month" => "months",
        "week" => "weeks",
        "day" => "days",
        "hour" => "hours",
        "minute" => "minutes",
        "decade" => "decades",
        "century" => "centuries",
        _ => return None,
    })
}

/// A unit of measure an adjective compound may name (`480-megawatt`,
/// `5-kilometre`, `300-bed`), in the form a unit phrase would give it.
fn measure_unit(lw: &str) -> Option<&'static str> {
    Some(match lw {
        "megawatt" | "mw" => "megawatts",
        "gigawatt" | "gw" => "gigawatts",
        "kilowatt" | "kw" => "kilowatts",
        "kilometre" | "kilometer" | "km" => "kilometres",
        "metre" | "meter" => "metres",
        "mile" => "miles",
        "hectare" | "ha" => "hectares",
        "acre" => "acres",
        "tonne" | "ton" => "tonnes",
        "storey" | "story" => "storeys",
        "bed" => "beds",
        "seat" => "seats",
        "lane" => "lanes",
        "room" => "rooms",
        _ => return None,
    })
}

/// The abbreviations of units of measure, lower-cased (`km`, `MW`, `kWh`).
fn is_unit_abbreviation(lw: &str) -> bool {
    matches!(
        lw,
        "km" | "m" | "cm" | "mm" | "kg" | "mw" | "gw" | "kw" | "kwh" | "mwh" | "gwh" | "ha"
    )
}

/// A month name written as an abbreviation (`Aug`, `Sept`), which may take a period.
fn month_abbreviated(word: &str) -> bool {
    month_from_name(word).is_some()
        && !matches!(
            word.to_ascii_lowercase().as_str(),
            "january"
                | "february"
                | "march"
                | "april"
                | "may"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
        )
}

/// Which way from its publication date a sentence speaks, for resolving
/// dates without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Looks {
    /// Of what has happened (the default).
    Back,
    /// Of what will happen: `will be held on March 3`.
    Ahead,
    /// Of a plan, whose day may have passed: `planned to … by June 30`.
    Either,
}

fn looks_from(sentence: &str) -> Looks {
    let s = sentence.to_lowercase();
    let has = |cues: &[&str]| cues.iter().any(|w| s.contains(w));
    if has(&[
        " will ",
        " to be held",
        " scheduled",
        " next ",
        " upcoming",
        " is expected to",
        " are expected to",
        " shall ",
    ]) {
        Looks::Ahead
    } else if has(&[
        " plan to ",
        " plans to ",
        " planned to ",
        " aims to ",
        " aim to ",
        " aimed to ",
        " target ",
        " targets ",
        " deadline ",
    ]) {
        Looks::Either
    } else {
        Looks::Back
    }
}

#[cfg(test)]
mod tests;
