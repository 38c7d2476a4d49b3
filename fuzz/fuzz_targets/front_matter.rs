//! `claimcheck::corpus::document_from_text` (front matter, dateline,
//! `Source:` line) and then extraction of the loaded document: no panic,
//! positions of problems and mentions inside the text.
#![no_main]

use claimcheck::corpus::{document_from_text, LoadOptions};
use claimcheck::date::PartialDate;
use claimcheck::pipeline;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let opts = LoadOptions {
        reference_date: PartialDate::day(2026, 1, 1),
        ..Default::default()
    };
    let lines = text.split('\n').count();
    match document_from_text("fuzz.txt", text.to_string(), &opts) {
        Err(problem) => {
            assert!(problem.is_error());
            if let Some(line) = problem.line {
                assert!(line >= 1 && line <= lines, "{problem}");
            }
        }
        Ok((doc, problems)) => {
            assert_eq!(doc.text, text);
            assert!(doc.body_start <= text.len() && text.is_char_boundary(doc.body_start));
            for span in &doc.metadata_spans {
                assert!(span.start <= span.end && span.end <= text.len());
                assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
            for p in &problems {
                if let (Some(line), Some(col)) = (p.line, p.column) {
                    assert!(line >= 1 && line <= lines, "{p}");
                    assert!(doc.lines.offset(text, line, col).is_some(), "{p}");
                }
            }
            for m in pipeline::extract_document(&doc) {
                assert_eq!(m.mention.text, &text[m.mention.start..m.mention.end]);
                assert!(m.mention.start >= doc.body_start);
                assert_eq!(
                    doc.lines.offset(text, m.line, m.column),
                    Some(m.mention.start)
                );
            }
        }
    }
});
