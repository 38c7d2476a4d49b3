//! `claimcheck::extract::extract` on arbitrary text: no panic, every span
//! on char boundaries with `text == &input[start..end]`, and the JSON of
//! the mentions parses back without `inf` or `NaN`.
#![no_main]

use claimcheck::date::PartialDate;
use claimcheck::extract::{extract, Context};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the publication date (none, a day, a month or
    // a year), so dates without a year and ages are resolved both ways.
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let published = match pick % 4 {
        0 => None,
        1 => PartialDate::day(2025, 12, 5),
        2 => PartialDate::month(2026, 2),
        _ => Some(PartialDate::year(1000 + i16::from(pick))),
    };
    let ctx = Context {
        published,
        body_start: usize::from(pick >> 4) * 3,
        skip: Vec::new(),
    };
    let mentions = extract(text, &ctx);
    let mut last_start = 0;
    for m in &mentions {
        assert!(m.start <= m.end && m.end <= text.len(), "{m:?}");
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert_eq!(m.text, &text[m.start..m.end]);
        assert!(m.start >= last_start, "mentions out of text order");
        last_start = m.start;
        let [s0, s1] = m.sentence;
        assert!(s0 <= m.start && m.end <= s1 && s1 <= text.len(), "{m:?}");
        if let Some(items) = &m.items {
            for it in items {
                assert!(it.start <= it.end && it.end <= text.len());
                assert!(text.is_char_boundary(it.start) && text.is_char_boundary(it.end));
            }
        }
    }
    let json = serde_json::to_string(&mentions).expect("mentions serialise");
    let back: serde_json::Value = serde_json::from_str(&json).expect("JSON parses back");
    assert_eq!(back.as_array().map(Vec::len), Some(mentions.len()));
    // Deterministic: the same text gives the same mentions.
    assert_eq!(extract(text, &ctx), mentions);
});
