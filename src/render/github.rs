//! `check --format github`: GitHub Actions workflow commands, so findings
//! show as annotations on the changed files of a pull request.
//!
//! One line per claim of every finding at severity warning or error, in the
//! findings' order and then the finding's claim order (info findings are
//! not annotated; a finding without claims, such as an unused baseline
//! entry, gets one annotation without a file):
//!
//! ```text
//! ::error file=a.md,line=4,col=47,endColumn=51,title=conflict auto%3A…::auto:…: sources contradict each other: …
//! ```
//!
//! `col` is the claim's first character and `endColumn` the column just
//! after its last (1-based, in characters). A claim that spans lines gets
//! `endLine` instead, as GitHub ignores columns across lines.
//!
//! Escaping follows the runner's rules: in the message `%` → `%25`, CR →
//! `%0D`, LF → `%0A`; in property values also `:` → `%3A` and `,` → `%2C`.
//! Other control characters and bidi overrides (the log is shown in a
//! terminal emulator) are written as visible `\u{…}` text.

use std::io::{self, Write};

use super::diagnostics::is_unsafe_char;
use super::sarif::relative_path;
use crate::interpret::Claim;
use crate::reconcile::Severity;
use crate::report::Report;

/// Writes one workflow command per claim location of every finding at
/// severity warning or above.
pub fn write<W: Write>(out: &mut W, report: &Report) -> io::Result<()> {
    for f in &report.findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => continue,
        };
        let title = format!("{} {}", f.kind.as_str(), f.key.id);
        let message = f.message_text(&report.claims).to_string();
        if f.claims.is_empty() {
            // nothing to point at (an unused baseline entry): a run-level annotation
            writeln!(
                out,
                "::{command} title={}::{}",
                escape_property(&title),
                escape_data(&message)
            )?;
            continue;
        }
        for &i in &f.claims {
            let Some(c) = report.claims.get(i) else {
                continue;
            };
            writeln!(
                out,
                "::{command} file={},{},title={}::{}",
                escape_property(&relative_path(&c.doc)),
                position(c),
                escape_property(&title),
                escape_data(&message)
            )?;
        }
    }
    Ok(())
}

/// `line=…,col=…,endColumn=…` (or `line=…,endLine=…` across lines).
fn position(c: &Claim) -> String {
    match c.text.rfind('\n') {
        None => format!(
            "line={},col={},endColumn={}",
            c.line,
            c.column,
            c.column as usize + c.text.chars().count()
        ),
        Some(_) => format!(
            "line={},endLine={}",
            c.line,
            c.line as usize + c.text.matches('\n').count()
        ),
    }
}

fn escape(s: &str, property: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c if is_unsafe_char(c) => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a workflow command's message: `%`, CR and LF.
pub fn escape_data(s: &str) -> String {
    escape(s, false)
}

/// Escapes a workflow command property value: `%`, CR, LF, `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape(s, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::corpus::{document_from_text, Document, LoadOptions};

    fn doc(path: &str, text: &str) -> Document {
        document_from_text(path, text.to_string(), &LoadOptions::default())
            .expect("document")
            .0
    }

    fn render(docs: &[Document]) -> String {
        let report = crate::report::check(
            docs,
            &Catalog::default(),
            &crate::checks::Options::default(),
        );
        let mut out = Vec::new();
        write(&mut out, &report).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escaping_follows_the_runner_rules() {
        assert_eq!(
            escape_data("100% sure, a: b\r\nnext"),
            "100%25 sure, a: b%0D%0Anext"
        );
        assert_eq!(escape_property("a,b:100%\n"), "a%2Cb%3A100%25%0A");
        assert_eq!(
            escape_data("\x1b[31mred\u{202E}"),
            "\\u{1b}[31mred\\u{202e}"
        );
    }

    #[test]
    fn one_line_per_claim_of_a_conflict() {
        let docs = vec![
            doc("./news/a,b:100%.md", "---\npublished: 2025-06-02\n---\nThe Riverside Botanical Garden was founded in 2013.\n"),
            doc("news\\b.md", "---\npublished: 2025-06-04\n---\nVisitors came.\n\nThe Riverside Botanical Garden was founded in 2015.\n"),
        ];
        let out = render(&docs);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        let message = "auto:riversidebotanicalgarden/year/date founded: sources contradict each other: 2013 (a,b:100%.md) vs 2015 (news\\b.md) (gap 2 years)";
        let title = "conflict auto%3Ariversidebotanicalgarden/year/date founded";
        assert_eq!(
            lines[0],
            format!(
                "::error file=news/a%2Cb%3A100%25.md,line=4,col=47,endColumn=51,title={title}::{}",
                message.replace('%', "%25")
            )
        );
        assert!(
            lines[1].starts_with("::error file=news/b.md,line=6,col=47,endColumn=51,title="),
            "{out}"
        );
    }

    #[test]
    fn info_findings_are_not_annotated() {
        let docs = vec![
            doc("a.md", "---\npublished: 2025-06-02\n---\nThe Riverside Botanical Garden was founded in 2013.\n"),
            doc("b.md", "---\npublished: 2025-06-04\n---\nThe Riverside Botanical Garden, founded in 2013, grew.\n"),
        ];
        assert_eq!(render(&docs), "");
    }
}
