//! `check --format diagnostics`: each finding as a compiler-style
//! diagnostic, rendered with `annotate-snippets`.
//!
//! ```text
//! error[conflict]: auto:riversidebotanicalgarden/year/date founded: sources contradict each other: …
//!  --> riverside-daily.md:5:47
//!   |
//! 5 | The Riverside Botanical Garden was founded in 2013 on the site of …
//!   |                                               ^^^^ `2013` as of 2024-05-14 (published)
//!   |
//!  ::: valley-courier.md:7:44
//!   |
//! 7 | The Riverside Botanical Garden, founded in 2015, has grown from …
//!   |                                            ^^^^ `2015` as of 2024-05-16 (published)
//!   |
//!   = consensus: 2013 (support 1, opposition 1, confidence 0.50)
//!   = note: 2013 as of 2024-05-14 (riverside-daily.md) vs 2015 as of …
//! ```
//!
//! The severity is the level (`info` shows as `note`), the finding kind is
//! the code in brackets, and the title is the message (prefixed with the key
//! when the message does not start with it). Each claim is underlined in its
//! article's source line, labelled with its text and as-of; claims of one
//! article share one excerpt. Comparisons and the consensus are footers.
//!
//! Article text is untrusted: control characters, ANSI escapes, bidi
//! overrides and invisible format characters are replaced, one visible
//! character each (`␛`, `�`), before the excerpt reaches the renderer, so
//! underlines stay aligned and nothing from an article reaches the terminal
//! raw. Messages, labels and paths go through [`escape_for_terminal`].

use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::check::summary_line;
use super::escape_for_terminal;
use crate::corpus::Document;
use crate::interpret::{AsOfSource, Claim, Modality};
use crate::reconcile::{Finding, FindingKind, Severity};
use crate::report::{FailOn, Report};

/// Width the excerpts are fitted to (long lines are elided around the
/// underline). Fixed, so the output does not depend on the terminal.
const WIDTH: usize = 140;

/// Writes every finding at severity warning or above (every finding when
/// `verbose`) as a diagnostic, then the summary line of the table report.
///
/// `docs` supplies the source lines; a claim whose document is not among
/// them is shown by location only. `color` turns on ANSI styling (the
/// caller decides from the terminal, `NO_COLOR` and `--color`).
pub fn write<W: Write>(
    out: &mut W,
    report: &Report,
    docs: &[Document],
    fail_on: FailOn,
    color: bool,
    verbose: bool,
) -> io::Result<()> {
    let by_path: HashMap<&str, &Document> = docs.iter().map(|d| (d.path.as_str(), d)).collect();
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(WIDTH);
    let mut shown = 0;
    let mut hidden = 0;
    for f in &report.findings {
        if !(verbose || f.severity >= Severity::Warning) {
            hidden += 1;
            continue;
        }
        shown += 1;
        let text = render_finding(&renderer, f, report, &by_path);
        writeln!(out, "{text}")?;
        writeln!(out)?;
    }
    writeln!(out, "{}", summary_line(report, fail_on, shown, hidden))
}

/// One finding as a diagnostic (no trailing newline).
fn render_finding(
    renderer: &Renderer,
    f: &Finding,
    report: &Report,
    by_path: &HashMap<&str, &Document>,
) -> String {
    let level = match f.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::NOTE,
    };
    let message = f.message_text(&report.claims).to_string();
    let title = if message.starts_with(f.key.id.as_str()) {
        escape_for_terminal(&message)
    } else {
        format!(
            "{}: {}",
            escape_for_terminal(&f.key.id),
            escape_for_terminal(&message)
        )
    };
    let mut group = Group::with_title(level.primary_title(title).id(f.kind.as_str()));

    // claims grouped by document, in order of first appearance
    let mut order: Vec<&str> = Vec::new();
    let mut per_doc: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in &f.claims {
        let Some(c) = report.claims.get(i) else {
            continue;
        };
        let ids = per_doc.entry(&*c.doc).or_insert_with(|| {
            order.push(&*c.doc);
            Vec::new()
        });
        ids.push(i);
    }
    let mut fallback = Vec::new();
    for doc in order {
        let ids = &per_doc[doc];
        let (mut ok, bad): (Vec<usize>, Vec<usize>) = match by_path.get(doc) {
            Some(d) => ids.iter().partition(|&&i| span_ok(d, &report.claims[i])),
            None => (Vec::new(), ids.clone()),
        };
        fallback.extend(bad);
        if ok.is_empty() {
            continue;
        }
        ok.sort_by_key(|&i| (report.claims[i].start, report.claims[i].end, i));
        let d = by_path[doc];
        let spans: Vec<Range<usize>> = ok
            .iter()
            .map(|&i| report.claims[i].start as usize..report.claims[i].end as usize)
            .collect();
        let ex = Excerpt::new(d, &spans);
        let mut snippet = Snippet::source(ex.source.clone())
            .line_start(ex.line_start)
            .path(escape_for_terminal(&d.path))
            .fold(true);
        for (&i, span) in ok.iter().zip(&ex.spans) {
            snippet = snippet.annotation(AnnotationKind::Primary.span(span.clone()).label(label(
                &report.claims[i],
                report.sources.copies.get(i).copied(),
            )));
        }
        group = group.element(snippet);
    }
    // claims without a document to quote: location and label only
    for i in fallback {
        let c = &report.claims[i];
        group = group
            .element(
                Origin::path(escape_for_terminal(&c.doc))
                    .line(c.line as usize)
                    .char_column(c.column as usize),
            )
            .element(Level::NOTE.message(label(c, report.sources.copies.get(i).copied())));
    }
    if let Some(k) = &f.consensus {
        if f.kind != FindingKind::Single {
            group = group.element(Level::NOTE.with_name("consensus").message(format!(
                "{} (support {}, opposition {}, confidence {:.2})",
                escape_for_terminal(&k.display),
                k.support,
                k.opposition,
                k.confidence
            )));
        }
    }
    for line in f.comparisons.lines(&report.claims) {
        group = group.element(Level::NOTE.message(escape_for_terminal(&line.to_string())));
    }
    renderer.render(&[group])
}

/// Whether a claim's span can be quoted from its document.
fn span_ok(d: &Document, c: &Claim) -> bool {
    let (start, end) = (c.start as usize, c.end as usize);
    start <= end
        && end <= d.text.len()
        && d.text.is_char_boundary(start)
        && d.text.is_char_boundary(end)
}

/// The label under a claim: its text and as-of, plus modality and copies.
fn label(c: &Claim, copies: Option<usize>) -> String {
    let as_of = match c.as_of {
        Some(a) => {
            let how = match c.as_of_source {
                AsOfSource::Sentence => "stated",
                AsOfSource::Published => "published",
                AsOfSource::Unknown => "unknown",
            };
            format!("as of {a} ({how})")
        }
        None => "as of unknown".to_string(),
    };
    let mut s = format!("`{}` {as_of}", escape_for_terminal(&c.text));
    if c.modality == Modality::Target {
        match &c.horizon {
            Some(h) => s.push_str(&format!(", target ({})", escape_for_terminal(h))),
            None => s.push_str(", target"),
        }
    }
    if let Some(n) = copies.filter(|&n| n > 1) {
        s.push_str(&format!(", ×{n} copies"));
    }
    s
}

/// Whether a character from an article must not reach a terminal as is:
/// control characters (ESC starts ANSI sequences), bidirectional overrides
/// and isolates, and invisible format characters.
pub(crate) fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
        )
}

/// The single visible character shown in place of an unsafe one: the
/// Unicode control picture for C0 controls and DEL (`␛` for ESC), `�` for
/// the rest.
fn visible(c: char) -> char {
    match c as u32 {
        n @ 0x00..=0x1F => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// The whole lines of a document around some spans, made safe to print,
/// with the spans moved to match.
#[derive(Debug)]
struct Excerpt {
    source: String,
    /// 1-based line number of the excerpt's first line.
    line_start: usize,
    /// The given spans, as byte ranges into `source`.
    spans: Vec<Range<usize>>,
}

impl Excerpt {
    /// `spans` must lie within `d.text` on char boundaries.
    fn new(d: &Document, spans: &[Range<usize>]) -> Excerpt {
        let text = d.text.as_str();
        let first = spans.iter().map(|s| s.start).min().unwrap_or(0);
        let last = spans
            .iter()
            .map(|s| s.end.max(s.start))
            .max()
            .unwrap_or(first);
        let mut lo = text[..first].rfind('\n').map_or(0, |i| i + 1);
        if lo == 0 && text.starts_with('\u{feff}') && first >= 3 {
            lo = 3; // a byte-order mark is not part of the first line
        }
        let hi = text[last..].find('\n').map_or(text.len(), |i| last + i);
        let hi = if hi > lo && text.as_bytes()[hi - 1] == b'\r' && hi < text.len() {
            hi - 1
        } else {
            hi
        };
        let hi = hi.max(last);
        let raw = &text[lo..hi];
        // map[k] = offset in `source` of byte `lo + k` (on char boundaries)
        let mut map = vec![0usize; raw.len() + 1];
        let mut source = String::with_capacity(raw.len());
        let mut chars = raw.char_indices().peekable();
        while let Some((k, c)) = chars.next() {
            map[k] = source.len();
            match c {
                '\n' | '\t' => source.push(c),
                // CRLF line ends: the CR is not shown
                '\r' if matches!(chars.peek(), Some((_, '\n'))) => {}
                c if is_unsafe_char(c) => source.push(visible(c)),
                c => source.push(c),
            }
        }
        map[raw.len()] = source.len();
        let spans = spans
            .iter()
            .map(|s| map[s.start - lo]..map[s.end.max(s.start) - lo])
            .collect();
        Excerpt {
            source,
            line_start: d.line_col(lo).0,
            spans,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::corpus::{document_from_text, LoadOptions};

    fn doc(path: &str, text: &str) -> Document {
        document_from_text(path, text.to_string(), &LoadOptions::default())
            .expect("document")
            .0
    }

    fn garden() -> Vec<Document> {
        vec![
            doc("a.md", "---\npublished: 2025-06-02\n---\nThe Riverside Botanical Garden was founded in 2013.\n"),
            doc("b.md", "---\npublished: 2025-06-04\n---\nVisitors came.\n\nThe Riverside Botanical Garden was founded in 2015.\n"),
        ]
    }

    fn render(docs: &[Document], color: bool, verbose: bool) -> String {
        let report = crate::report::check(
            docs,
            &Catalog::default(),
            &crate::checks::Options::default(),
        );
        let mut out = Vec::new();
        write(&mut out, &report, docs, FailOn::Conflict, color, verbose).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn conflict_is_shown_like_a_compiler_error() {
        let text = render(&garden(), false, false);
        assert!(text.starts_with("error[conflict]: auto:"), "{text}");
        assert!(text.contains(" --> a.md:4:47\n"), "{text}");
        assert!(text.contains(" ::: b.md:6:47\n"), "{text}");
        assert!(
            text.contains("4 | The Riverside Botanical Garden was founded in 2013.\n"),
            "{text}"
        );
        assert!(
            text.contains("6 | The Riverside Botanical Garden was founded in 2015.\n"),
            "{text}"
        );
        assert!(
            text.contains("^^^^ `2013` as of 2025-06-02 (published)"),
            "{text}"
        );
        assert!(
            text.contains("^^^^ `2015` as of 2025-06-04 (published)"),
            "{text}"
        );
        assert!(text.contains("= note: 2013 as of 2025-06-02"), "{text}");
        assert!(
            text.trim_end().ends_with("1 at or above --fail-on"),
            "{text}"
        );
        assert!(!text.contains('\x1b'), "{text}");
    }

    #[test]
    fn colour_only_when_asked() {
        assert!(render(&garden(), true, false).contains("\x1b["));
        assert!(!render(&garden(), false, false).contains('\x1b'));
    }

    #[test]
    fn info_findings_need_verbose() {
        let docs = vec![
            doc("a.md", "---\npublished: 2025-06-02\n---\nThe Riverside Botanical Garden was founded in 2013.\n"),
            doc("b.md", "---\npublished: 2025-06-04\n---\nThe Riverside Botanical Garden, founded in 2013, grew.\n"),
        ];
        let quiet = render(&docs, false, false);
        assert!(!quiet.contains("note["), "{quiet}");
        assert!(quiet.contains("not shown; --verbose shows all"), "{quiet}");
        let loud = render(&docs, false, true);
        assert!(loud.contains("note[agree]"), "{loud}");
    }

    #[test]
    fn unsafe_characters_are_replaced_and_spans_stay_aligned() {
        let text = "---\npublished: 2025-06-02\n---\n\x1b[31mThe \u{202E}Riverside Botanical Garden was founded in 2013.\r\n";
        let d = doc("x.md", text);
        let at = text.find("2013").unwrap();
        let span = at..at + 4;
        let ex = Excerpt::new(&d, std::slice::from_ref(&span));
        assert_eq!(ex.line_start, 4);
        assert_eq!(
            ex.source,
            "␛[31mThe �Riverside Botanical Garden was founded in 2013."
        );
        assert_eq!(&ex.source[ex.spans[0].clone()], "2013");
        // one visible char per unsafe char: columns are unchanged
        assert_eq!(
            ex.source[..ex.spans[0].start].chars().count() + 1,
            d.line_col(at).1
        );

        let docs = vec![d, doc("y.md", "---\npublished: 2025-06-04\n---\nThe Riverside Botanical Garden was founded in 2015.\n")];
        let out = render(&docs, false, true);
        assert!(
            !out.contains('\x1b') && !out.contains('\u{202E}') && !out.contains('\r'),
            "{out:?}"
        );
        assert!(out.contains("␛[31mThe �Riverside"), "{out}");
    }

    #[test]
    fn claims_without_their_document_are_shown_by_location() {
        let docs = garden();
        let report = crate::report::check(
            &docs,
            &Catalog::default(),
            &crate::checks::Options::default(),
        );
        let mut out = Vec::new();
        write(
            &mut out,
            &report,
            &docs[..1],
            FailOn::Conflict,
            false,
            false,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(" --> a.md:4:47"), "{text}");
        assert!(text.contains("b.md:6:47"), "{text}");
        assert!(text.contains("`2015` as of 2025-06-04"), "{text}");
    }
}
