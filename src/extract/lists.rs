//! Counts followed by the items they count: `11 capital cities such as A,
//! B, …, and K`, `Thirteen countries joined …, including X, Y and Z`.
//!
//! The list is attached to the nearest count before its introducer in the
//! same sentence. Items are split on commas, `and`, `or` and `&` outside
//! quotes and brackets, so `"Promoting learning in families, clans and
//! communities"` stays one item and `Ha Noi (Viet Nam)` is named `Ha Noi`.

use serde::Serialize;

use super::tokens::Tok;
use super::{Kind, Mention, Value};

/// One enumerated item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ListItem {
    /// The item as written, without parenthetical remarks.
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Words that introduce a list, and whether they claim it is complete.
const INTRODUCERS: &[(&str, bool)] = &[
    // a colon after a non-exhaustive word keeps it non-exhaustive
    (" such as: ", false),
    (" including: ", false),
    (" include: ", false),
    (" includes: ", false),
    (" such as ", false),
    (" including ", false),
    (" include ", false),
    (" includes ", false),
    (" namely ", true),
    (" are: ", true),
    (": ", true),
    (" are ", true),
];

/// How many mentions back from an introducer its count may be.
const MAX_OWNER_DISTANCE: usize = 32;

/// Longest list item, in bytes, and most items, so that a text without
/// list punctuation cannot make splitting quadratic.
const MAX_ITEM_BYTES: usize = 600;

/// Longest stretch of text between a count and the word introducing its
/// list (`Thirteen countries joined … for the first time, including …`).
const MAX_GAP_BYTES: usize = 2_000;
const MAX_ITEMS: usize = 600;

/// Words that start a clause after a list, ending it.
const CLAUSE_STARTS: &[&str] = &[
    "which", "who", "whom", "whose", "that", "where", "when", "while", "to", "for", "with", "as",
    "in", "on", "at", "by", "from", "but", "because", "although", "though", "so", "if", "all",
    "each", "both", "thereby", "bringing", "making", "etc",
];

pub(super) fn attach_lists(text: &str, _toks: &[Tok], mentions: &mut [Mention]) {
    let mut i = 0;
    while i < mentions.len() {
        let sentence = mentions[i].sentence;
        let mut j = i;
        while j < mentions.len() && mentions[j].sentence == sentence {
            j += 1;
        }
        attach_in_sentence(text, sentence, &mut mentions[i..j]);
        i = j;
    }
}

fn attach_in_sentence(text: &str, sentence: [usize; 2], mentions: &mut [Mention]) {
    let [s0, s1] = sentence;
    if s1 <= s0 || s1 > text.len() {
        return;
    }
    // only a whole count of 2..=500 things can own a list: most sentences have none
    let eligible = mentions.iter().any(|m| {
        m.kind == Kind::Count
            && matches!(m.value, Value::Number(n) if (2.0..=500.0).contains(&n) && n.fract() == 0.0)
    });
    if !eligible {
        return;
    }
    let s = &text[s0..s1];
    // Introducers are matched regardless of case, unless lower-casing would
    // change byte lengths (rare scripts): then case-sensitively, as written.
    let ignore_case = s.is_ascii() || s.to_lowercase().len() == s.len();
    attach_with(text, s0, s, ignore_case, mentions)
}

/// One automaton for all introducers (one pass over the sentence instead of
/// one search per introducer), with and without ASCII case folding.
fn introducers(ignore_case: bool) -> &'static aho_corasick::AhoCorasick {
    static FOLDED: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    static EXACT: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let cell = if ignore_case { &FOLDED } else { &EXACT };
    cell.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(ignore_case)
            .build(INTRODUCERS.iter().map(|(needle, _)| needle))
            .expect("the introducers are a small fixed set")
    })
}

fn attach_with(text: &str, s0: usize, s: &str, ignore_case: bool, mentions: &mut [Mention]) {
    // (intro start, items start, complete) of every occurrence of every
    // introducer, each introducer's occurrences taken left to right without
    // overlapping one another
    let mut found: Vec<(usize, usize, bool)> = Vec::new();
    let mut next_free = [0usize; INTRODUCERS.len()];
    for m in introducers(ignore_case).find_overlapping_iter(s) {
        let p = m.pattern().as_usize();
        if m.start() >= next_free[p] {
            next_free[p] = m.end();
            found.push((s0 + m.start(), s0 + m.end(), INTRODUCERS[p].1));
        }
    }
    found.sort();
    found.dedup_by_key(|f| f.0);
    for (n, &(intro, items_start, complete)) in found.iter().enumerate() {
        // a list ends where the next one is introduced
        let region_end = found
            .get(n + 1..)
            .and_then(|rest| rest.iter().find(|f| f.0 >= items_start))
            .map_or(s0 + s.len(), |f| f.0);
        // the nearest count that ends before the introducer (mentions are in
        // text order; a few back is as far as an owner can be)
        let before = mentions.partition_point(|m| m.end <= intro);
        let Some(owner) = mentions[..before]
            .iter_mut()
            .rev()
            .take(MAX_OWNER_DISTANCE)
            .find(|m| {
                m.kind == Kind::Count
                    && m.items.is_none()
                    && matches!(m.value, Value::Number(n) if (2.0..=500.0).contains(&n) && n.fract() == 0.0)
            })
        else {
            continue;
        };
        // A count thousands of bytes before the list is not what the list
        // enumerates; stopping here also keeps a sentence of many `:`s
        // (each a would-be introducer for the same count) linear.
        if intro.saturating_sub(owner.end) > MAX_GAP_BYTES {
            continue;
        }
        let gap = &text[owner.end..intro];
        let gap_words = gap.split_whitespace().count();
        let unit_words = owner
            .unit
            .as_deref()
            .map_or(0, |u| u.split_whitespace().count());
        let is_colon = text[intro..].starts_with(':') || text[intro..].starts_with(" are:");
        let is_are = text[intro..items_start].trim() == "are";
        // `are` must follow the count's own phrase; `:` may close the count's
        // clause (`Thirteen countries joined the alliance this year: …`) but
        // not a later one (no comma, semicolon or number in between)
        if is_are && gap_words > unit_words + 2 {
            continue;
        }
        if is_colon
            && (gap_words > unit_words + 8
                || gap.contains([',', ';'])
                || gap.contains(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        // a list of something else entirely: another count between them
        if gap.contains(|c: char| c.is_ascii_digit()) && gap_words > unit_words + 8 {
            continue;
        }
        // `are` and `:` introduce names or quoted titles, not a clause
        // (`72 projects are under construction`)
        if is_colon || is_are {
            let next = text[items_start..].trim_start().chars().next();
            if !next.is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '\'')) {
                continue;
            }
        }
        let items = split_items(text, items_start, region_end.max(items_start));
        if items.len() >= 2 {
            owner.items = Some(items);
            owner.list_complete = complete;
        }
    }
}

/// Splits `text[from..to]` into list items.
fn split_items(text: &str, from: usize, to: usize) -> Vec<ListItem> {
    let region = &text[from..to];
    let mut chunks: Vec<(usize, usize)> = Vec::new();
    let mut depth_paren = 0i32;
    let mut in_straight_quote = false;
    let mut depth_curly = 0i32;
    let mut chunk_start = 0;
    let mut i = 0;
    while i < region.len() {
        if i - chunk_start.min(i) > MAX_ITEM_BYTES || chunks.len() >= MAX_ITEMS {
            // an item this long is prose, not a name: the list ended before it
            chunks.push((chunk_start, i));
            chunk_start = region.len();
            break;
        }
        let c = region[i..].chars().next().unwrap_or(' ');
        let top = depth_paren == 0 && !in_straight_quote && depth_curly == 0;
        match c {
            '(' | '[' => depth_paren += 1,
            ')' | ']' => {
                if depth_paren == 0 {
                    // closes a bracket opened before the list: the list ends
                    chunks.push((chunk_start, i));
                    chunk_start = region.len();
                    break;
                }
                depth_paren -= 1;
            }
            '"' => in_straight_quote = !in_straight_quote,
            '“' => depth_curly += 1,
            '”' => depth_curly = (depth_curly - 1).max(0),
            ',' | ';' if top => {
                chunks.push((chunk_start, i));
                chunk_start = i + 1;
            }
            ' ' if top => {
                for sep in [" and ", " or ", " & "] {
                    if region[i..].starts_with(sep) {
                        chunks.push((chunk_start, i));
                        chunk_start = i + sep.len();
                        i += sep.len() - 1;
                        break;
                    }
                }
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    if chunk_start < region.len() {
        chunks.push((chunk_start, region.len()));
    }
    let mut items = Vec::new();
    for (a, b) in chunks {
        let raw = &region[a..b];
        let mut t = raw.trim();
        for prefix in ["and ", "or ", "& "] {
            if let Some(rest) = t.strip_prefix(prefix) {
                t = rest;
            }
        }
        let t = t.trim_end_matches(['.', '!', '?', '…', ' ']);
        if t.is_empty() {
            continue;
        }
        let first_word = t.split_whitespace().next().unwrap_or("");
        // a quoted title may be long; only the words around it count
        if CLAUSE_STARTS.contains(&first_word) || t == "..." || words_outside_quotes(t) > 12 {
            break;
        }
        // `t` is a subslice of `region`: its offset is its position
        let start = from + (t.as_ptr() as usize - region.as_ptr() as usize);
        let end = start + t.len();
        let mut name = strip_parentheticals(t);
        // the sentence's period inside a closing quote: `… 2021-2030."`
        for q in ['"', '”'] {
            if let Some(rest) = name.strip_suffix(q) {
                let rest = rest.trim_end_matches(['.', '!', '?', '…']);
                name = format!("{rest}{q}");
            }
        }
        items.push(ListItem {
            text: name,
            start,
            end,
        });
    }
    items
}

fn strip_parentheticals(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words of an item outside quotation marks (`the "…" program` → 2).
fn words_outside_quotes(item: &str) -> usize {
    let mut in_straight = false;
    let mut curly = 0i32;
    let mut outside = String::with_capacity(item.len());
    for c in item.chars() {
        match c {
            '"' => {
                in_straight = !in_straight;
                outside.push(' ');
            }
            '“' => curly += 1,
            '”' => curly = (curly - 1).max(0),
            _ if !in_straight && curly == 0 => outside.push(c),
            _ => {}
        }
        if matches!(c, '“' | '”') {
            outside.push(' ');
        }
    }
    outside.split_whitespace().count()
}
