//! Property tests: the extractor, the document loader, line:column and the
//! JSON output hold their invariants on any text, not only on the articles
//! someone thought of.
//!
//! Texts are built from pieces that exercise the extractor (digits and
//! digit groups, separators, number and scale words, month names,
//! currencies, hedges, punctuation, multi-byte letters, CR/LF, control and
//! format characters, front matter fences) mixed with arbitrary chars.
//! 256 cases per property keep `cargo test` fast; set `PROPTEST_CASES` for a
//! longer run.

use claimcheck::catalog::Catalog;
use claimcheck::corpus::{document_from_text, LoadOptions};
use claimcheck::date::PartialDate;
use claimcheck::extract::{extract, Context, Mention};
use claimcheck::pipeline;
use claimcheck::text::LineIndex;
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

const PIECES: &[&str] = &[
    // digits, groups, decimals, signs
    "0",
    "5",
    "13",
    "425",
    "2,913",
    "1,420,907",
    "67.4",
    "2.913",
    "-0",
    "−5",
    "2025",
    "1999",
    "2024-2025",
    "75-80",
    "9999999999999999",
    "000",
    "1,,000",
    "1.2.3",
    "12,3456",
    // separators and symbols
    ",",
    ".",
    "-",
    "–",
    "—",
    "/",
    "%",
    "+",
    "~",
    ">",
    "≥",
    "#",
    ":",
    "(",
    ")",
    "[",
    "]",
    "'",
    "\"",
    "“",
    "”",
    "’",
    "&",
    "*",
    "_",
    // number and scale words
    "five",
    "Thirteen",
    "seventy-two",
    "a thousand",
    "one hundred and twenty",
    "hundred",
    "million",
    "billion",
    "bn",
    "m",
    "dozen",
    "percent",
    "per cent",
    // months, weekdays, dates
    "January",
    "Dec.",
    "August 22, 2025",
    "On January 29",
    "Thursday,",
    "22 August",
    "2025-08-22",
    "December 2024",
    // currencies and money
    "$",
    "€",
    "VND",
    "USD",
    "US$",
    "dong",
    "/year",
    "per year",
    // hedges and range words
    "more than",
    "nearly",
    "about",
    "approximately",
    "up to",
    "at least",
    "between",
    "and",
    "or more",
    "aged",
    // words and units
    "the network has",
    "member cities",
    "countries",
    "year-old",
    "years",
    "including",
    "such as",
    "namely",
    "are",
    "will",
    "No.",
    "Resolution",
    "COVID-19",
    "Source:",
    "https://example.org/a1",
    "a@b.vn",
    "Tel:",
    "22:12",
    "10 a.m.",
    // multi-byte letters
    "Hà Nội",
    "Türkiye",
    "é",
    "ộ",
    "中文",
    "e\u{301}",
    "𝟓",
    "٥",
    // line endings and spaces
    " ",
    " ",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\t",
    "\u{a0}",
    // control and format characters
    "\u{1b}[31m",
    "\u{1b}]0;x\u{7}",
    "\u{0}",
    "\u{7}",
    "\u{c}",
    "\u{7f}",
    "\u{200b}",
    "\u{200d}",
    "\u{202e}",
    "\u{2066}",
    "\u{feff}",
    "\u{ad}",
    // front matter pieces
    "---",
    "title: x",
    "published: 2025-04",
];

/// A text of 0–80 pieces and arbitrary chars.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|parts| parts.concat())
}

/// Front matter (sometimes), a dateline (sometimes), then a text.
fn article() -> impl Strategy<Value = String> {
    (
        prop::sample::select(
            &[
                "",
                "",
                "---\npublished: 2025-12-05\n---\n",
                "\u{feff}---\r\ntitle: Hà Nội\r\npublished: 2025-04\r\n---\r\n",
                "January 30, 2026 | 22:12 (GMT+7)\n",
                "---\npublished: 2025-13-45\n---\n",
                "---\ntitle: never closed\n",
            ][..],
        ),
        text(),
        prop::sample::select(&["", "\nSource: https://example.org/x\n"][..]),
    )
        .prop_map(|(head, body, tail)| format!("{head}{body}{tail}"))
}

fn published() -> impl Strategy<Value = Option<PartialDate>> {
    prop_oneof![
        Just(None),
        Just(PartialDate::day(2025, 12, 5)),
        Just(PartialDate::month(2025, 4)),
        Just(Some(PartialDate::year(2013))),
    ]
}

// ---------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------

/// Every span is on char boundaries inside the text and `text` is its slice.
fn check_mentions(text: &str, mentions: &[Mention]) -> Result<(), TestCaseError> {
    let mut last = 0;
    for m in mentions {
        prop_assert!(
            m.start <= m.end && m.end <= text.len(),
            "span out of text: {m:?}"
        );
        prop_assert!(
            text.is_char_boundary(m.start) && text.is_char_boundary(m.end),
            "span not on char boundaries: {m:?}"
        );
        prop_assert_eq!(&m.text, &text[m.start..m.end]);
        prop_assert!(m.start >= last, "mentions out of text order");
        last = m.start;
        let [s0, s1] = m.sentence;
        prop_assert!(
            s0 <= m.start && m.end <= s1 && s1 <= text.len(),
            "sentence {m:?}"
        );
        prop_assert!(text.is_char_boundary(s0) && text.is_char_boundary(s1));
        for item in m.items.iter().flatten() {
            prop_assert!(item.start <= item.end && item.end <= text.len());
            prop_assert!(text.is_char_boundary(item.start) && text.is_char_boundary(item.end));
        }
        prop_assert!(m.precision.is_finite(), "precision {m:?}");
    }
    Ok(())
}

/// The mentions' JSON parses back: one object per mention, and no value
/// became `null` (what serde_json writes for `inf` and `NaN`).
fn check_json(mentions: &[Mention]) -> Result<(), TestCaseError> {
    let json = serde_json::to_string(mentions).expect("serialise");
    let back: serde_json::Value = serde_json::from_str(&json).expect("JSON parses back");
    let items = back.as_array().expect("an array");
    prop_assert_eq!(items.len(), mentions.len());
    for (v, m) in items.iter().zip(mentions) {
        prop_assert_eq!(v["text"].as_str(), Some(m.text.as_str()));
        prop_assert_eq!(v["start"].as_u64(), Some(m.start as u64));
        let value = &v["value"];
        let finite = |x: &serde_json::Value| x.is_number() || x.is_string();
        let ok = match value {
            serde_json::Value::Object(range) => range.values().all(finite),
            x => finite(x),
        };
        prop_assert!(ok, "non-finite value in {}", v);
    }
    // JSON lines too: one line per record, whatever the text holds
    for m in mentions {
        let line = serde_json::to_string(m).expect("serialise");
        prop_assert!(!line.contains('\n'));
        let _: serde_json::Value = serde_json::from_str(&line).expect("line parses back");
    }
    Ok(())
}

/// line:column by counting, the way a person would.
fn naive_line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut col = text[line_start..offset].chars().count() + 1;
    if line_start == 0 && text.starts_with('\u{feff}') && offset >= 3 {
        col -= 1; // a byte-order mark is not a column
    }
    (line, col)
}

/// 256 cases, or `PROPTEST_CASES`.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig::with_cases(cases)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn extract_spans_are_exact_slices_and_json_round_trips(
        text in text(),
        published in published(),
        body_start in 0usize..40,
    ) {
        let ctx = Context { published, body_start, skip: Vec::new() };
        let mentions = extract(&text, &ctx);
        check_mentions(&text, &mentions)?;
        check_json(&mentions)?;
        // nothing before the body is extracted
        let body = claimcheck::text::floor_char_boundary(&text, body_start.min(text.len()));
        prop_assert!(mentions.iter().all(|m| m.start >= body));
    }

    #[test]
    fn extract_is_deterministic(text in text(), published in published()) {
        let ctx = Context { published, ..Context::default() };
        let first = extract(&text, &ctx);
        let again = extract(&text, &ctx);
        prop_assert_eq!(&first, &again);
        // and does not depend on what else the process extracted before
        let _ = extract("The network has 425 member cities.", &ctx);
        prop_assert_eq!(first, extract(&text, &ctx));
    }

    #[test]
    fn skip_spans_anywhere_never_break_extraction(
        text in text(),
        spans in prop::collection::vec((0usize..400, 0usize..400), 0..4),
    ) {
        // the library's callers pass metadata spans; odd ones must not panic
        let skip = spans.into_iter().map(|(a, b)| a..b).collect();
        let ctx = Context { skip, ..Context::default() };
        let mentions = extract(&text, &ctx);
        check_mentions(&text, &mentions)?;
    }

    #[test]
    fn loaded_documents_locate_every_mention(text in article(), reference in published()) {
        let opts = LoadOptions { reference_date: reference };
        match document_from_text("a.txt", text.clone(), &opts) {
            Err(problem) => {
                prop_assert!(problem.is_error());
                if let (Some(line), Some(col)) = (problem.line, problem.column) {
                    let lines = LineIndex::new(&text);
                    prop_assert!(lines.offset(&text, line, col).is_some(), "{}", problem);
                }
            }
            Ok((doc, problems)) => {
                prop_assert_eq!(&doc.text, &text);
                prop_assert!(doc.body_start <= text.len() && text.is_char_boundary(doc.body_start));
                for span in &doc.metadata_spans {
                    prop_assert!(span.start <= span.end && span.end <= text.len());
                    prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                }
                for p in &problems {
                    if let (Some(line), Some(col)) = (p.line, p.column) {
                        prop_assert!(doc.lines.offset(&text, line, col).is_some(), "{}", p);
                    }
                }
                let located = pipeline::extract_document(&doc);
                let mentions: Vec<Mention> = located.iter().map(|l| l.mention.clone()).collect();
                check_mentions(&text, &mentions)?;
                check_json(&mentions)?;
                for l in &located {
                    prop_assert!(l.mention.start >= doc.body_start);
                    prop_assert_eq!((l.line, l.column), naive_line_col(&text, l.mention.start));
                    prop_assert_eq!(doc.lines.offset(&text, l.line, l.column), Some(l.mention.start));
                    // metadata (dateline, `Source:` line) never yields claims
                    prop_assert!(!doc
                        .metadata_spans
                        .iter()
                        .any(|s| s.start < l.mention.end && l.mention.start < s.end));
                }
                let json = serde_json::to_string(&located).expect("serialise");
                let _: serde_json::Value = serde_json::from_str(&json).expect("parses back");
            }
        }
    }

    #[test]
    fn line_index_round_trips_every_char_boundary(text in article()) {
        let idx = LineIndex::new(&text);
        let mut previous = (0, 0);
        let offsets = text.char_indices().map(|(i, _)| i).chain([text.len()]);
        for offset in offsets {
            let (line, col) = idx.line_col(&text, offset);
            prop_assert_eq!((line, col), naive_line_col(&text, offset), "offset {}", offset);
            // the mark itself shares column 1 with the first visible char
            if !(offset == 0 && text.starts_with('\u{feff}')) {
                prop_assert_eq!(idx.offset(&text, line, col), Some(offset), "offset {}", offset);
                prop_assert!((line, col) > previous, "positions increase with offsets");
                previous = (line, col);
            }
        }
        // past the end, and inside a char, clamp to what precedes
        prop_assert_eq!(idx.line_col(&text, text.len() + 7), idx.line_col(&text, text.len()));
        prop_assert_eq!(idx.offset(&text, 0, 1), None);
        prop_assert_eq!(idx.offset(&text, 1, 0), None);
        prop_assert_eq!(idx.offset(&text, idx.line_count() + 1, 1), None);
    }

    #[test]
    fn catalogue_errors_always_name_a_place_in_the_file(
        parts in prop::collection::vec(
            prop::sample::select(&[
                "[", "]", "{", "}", ",", ":", "\"id\"", "\"x\"", "\"subject\"", "{\"name\": \"Hà Nội\"}",
                "\"kind\"", "\"count\"", "\"sideways\"", "\"property\"", "{\"patterns\": [\"(a\"]}",
                "\"tolerance\"", "{\"relative\": 0.1}", "5", "-1e999", "null", "true", " ", "\n", "\r\n",
                "\u{feff}", "\"claims\"", "\"schema\"", "2", "\"\\u00e9\"", "\"\\\"",
            ][..]),
            0..40,
        ),
    ) {
        let json = parts.concat();
        let sources = [(std::path::PathBuf::from("claims/c.json"), json.clone())];
        if let Err(errors) = Catalog::from_sources(&sources) {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert_eq!(&e.path, "claims/c.json");
                prop_assert!(e.line >= 1 && e.column >= 1, "{}", e);
                let idx = LineIndex::new(&json);
                prop_assert!(idx.offset(&json, e.line, e.column).is_some(), "{} in {:?}", e, json);
            }
        }
    }
}
