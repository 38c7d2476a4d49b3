//! `claimcheck extract` as a user runs it: the bundled corpus, small fixture
//! articles with traps, every output format, and the exit codes and messages
//! for bad input.
//!
//! Fixtures live in `tests/fixtures/extract/`; odd files (non-UTF-8, empty,
//! ignored by `.gitignore`) are made in temporary directories at test time.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{json, Value};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// The package root: `corpus/` and `tests/fixtures/` are relative to it.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(rel: &str) -> String {
    format!("tests/fixtures/extract/{rel}")
}

fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("claimcheck").expect("claimcheck binary");
    cmd.current_dir(root()).env("NO_COLOR", "1");
    cmd
}

/// Runs `claimcheck ARGS…` from the package root; returns (stdout, stderr, exit code).
fn claimcheck(args: &[&str]) -> (String, String, i32) {
    run(cmd().args(args))
}

/// Like [`claimcheck`], with `input` piped to standard input.
fn claimcheck_with_stdin(args: &[&str], input: &str) -> (String, String, i32) {
    run(cmd().args(args).write_stdin(input))
}

fn run(cmd: &mut Command) -> (String, String, i32) {
    let out = cmd.output().expect("run claimcheck");
    (
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        out.status
            .code()
            .expect("exit code (not killed by a signal)"),
    )
}

/// Parses JSONL output: one JSON value per line, every line non-empty.
fn parse_jsonl(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .enumerate()
        .map(|(i, line)| {
            serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("line {} is not JSON ({e}): {line:?}", i + 1))
        })
        .collect()
}

/// `extract ARGS… --format jsonl`, asserting the exit code; returns the records.
fn extract_jsonl(args: &[&str], expected_code: i32) -> (Vec<Value>, String) {
    let mut all = vec!["extract"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "jsonl"]);
    let (stdout, stderr, code) = claimcheck(&all);
    assert_eq!(
        code, expected_code,
        "exit code of {all:?}\nstderr:\n{stderr}\nstdout:\n{stdout}"
    );
    (parse_jsonl(&stdout), stderr)
}

fn text(r: &Value) -> &str {
    r["text"].as_str().unwrap_or_default()
}

fn doc(r: &Value) -> &str {
    r["doc"].as_str().unwrap_or_default()
}

/// One line per record, for failure messages.
fn summary(records: &[Value]) -> String {
    records
        .iter()
        .map(|r| {
            format!(
                "{}:{} {:?} {} {} {} {}",
                doc(r),
                r["line"],
                text(r),
                r["kind"],
                r["value"],
                r["qualifier"],
                r["unit"]
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The one mention in a document whose path contains `doc_part` and whose
/// text is exactly `exact`; fails listing what was found instead.
fn mention<'a>(records: &'a [Value], doc_part: &str, exact: &str) -> &'a Value {
    let found: Vec<&Value> = records
        .iter()
        .filter(|r| doc(r).contains(doc_part) && text(r) == exact)
        .collect();
    assert!(
        !found.is_empty(),
        "no mention with text {exact:?} in a doc matching {doc_part:?}; found:\n{}",
        summary(records)
    );
    found[0]
}

/// Like [`mention`], for a mention whose text contains `part` (the hedge or
/// a leading preposition may or may not be part of the span).
fn mention_containing<'a>(records: &'a [Value], doc_part: &str, part: &str) -> &'a Value {
    records
        .iter()
        .find(|r| doc(r).contains(doc_part) && text(r).contains(part))
        .unwrap_or_else(|| {
            panic!(
                "no mention containing {part:?} in a doc matching {doc_part:?}; found:\n{}",
                summary(records)
            )
        })
}

fn assert_fields(r: &Value, kind: &str, value: Value) {
    assert_eq!(r["kind"], json!(kind), "kind of {r}");
    assert_eq!(r["value"], value, "value of {r}");
}

fn corpus_jsonl() -> Vec<Value> {
    let (records, stderr) = extract_jsonl(&["corpus/"], 0);
    assert!(
        stderr.is_empty(),
        "bundled corpus loads cleanly, stderr:\n{stderr}"
    );
    assert!(!records.is_empty());
    records
}

fn write(path: &Path, bytes: &[u8]) {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).unwrap();
    }
    fs::write(path, bytes).unwrap();
}

fn path_str(p: &Path) -> String {
    p.to_str().expect("temp path is UTF-8").to_string()
}

// ---------------------------------------------------------------------------
// The bundled corpus
// ---------------------------------------------------------------------------

#[test]
fn corpus_jsonl_records_are_mentions_whose_text_is_the_file_span() {
    let records = corpus_jsonl();
    for r in &records {
        assert_eq!(r["type"], json!("mention"), "{r}");
        let path = doc(r);
        assert!(
            path.starts_with("corpus/"),
            "doc is the path as walked: {r}"
        );
        let bytes = fs::read(root().join(path)).unwrap();
        let start = r["start"].as_u64().expect("start") as usize;
        let end = r["end"].as_u64().expect("end") as usize;
        assert!(start < end && end <= bytes.len(), "span in bounds: {r}");
        assert_eq!(
            text(r).as_bytes(),
            &bytes[start..end],
            "text is exactly the file's bytes at start..end: {r}"
        );
        assert!(r["line"].as_u64().unwrap() >= 1 && r["column"].as_u64().unwrap() >= 1);
        let kinds = [
            "count", "percent", "money", "date", "year", "age", "duration",
        ];
        assert!(kinds.contains(&r["kind"].as_str().unwrap()), "kind: {r}");
        let qualifiers = [
            "exact",
            "approximate",
            "at_least",
            "more_than",
            "at_most",
            "less_than",
        ];
        assert!(
            qualifiers.contains(&r["qualifier"].as_str().unwrap()),
            "qualifier: {r}"
        );
    }
}

#[test]
fn corpus_jsonl_line_and_column_point_at_the_mention() {
    for r in corpus_jsonl() {
        let file = fs::read_to_string(root().join(doc(&r))).unwrap();
        let line = r["line"].as_u64().unwrap() as usize;
        let column = r["column"].as_u64().unwrap() as usize;
        let at: String = file
            .lines()
            .nth(line - 1)
            .expect("line exists")
            .chars()
            .skip(column - 1)
            .collect();
        assert!(at.starts_with(text(&r)), "{r} points at {at:?}");
    }
}

#[test]
fn corpus_counts_network_sizes_and_cohorts() {
    let records = corpus_jsonl();

    let total = mention(&records, "baoquocte", "425");
    assert_fields(total, "count", json!(425));
    assert!(total["unit"].as_str().unwrap().contains("member cities"));
    let countries = mention(&records, "baoquocte", "91");
    assert_fields(countries, "count", json!(91));
    assert!(countries["unit"].as_str().unwrap().contains("countries"));

    assert_fields(mention(&records, "hanoitimes", "356"), "count", json!(356));
    assert_fields(mention(&records, "vgp", "72"), "count", json!(72));
    assert_fields(mention(&records, "vgp", "46"), "count", json!(46));
    assert_fields(mention(&records, "hanoitimes", "five"), "count", json!(5));
    assert_fields(mention(&records, "vgp", "Thirteen"), "count", json!(13));
    assert_fields(mention(&records, "baoquocte", "6"), "count", json!(6));
    assert_fields(
        mention(&records, "vietnamplus", "1,420,907"),
        "count",
        json!(1420907),
    );
}

#[test]
fn corpus_hedged_counts_keep_their_qualifier() {
    let records = corpus_jsonl();
    let more = mention(&records, "vietnamplus", "more than 4,600");
    assert_fields(more, "count", json!(4600));
    assert_eq!(more["qualifier"], json!("more_than"));
    let nearly = mention(&records, "vietnamplus", "nearly 90,000");
    assert_fields(nearly, "count", json!(90000));
    assert_eq!(nearly["qualifier"], json!("approximate"));
}

#[test]
fn corpus_percents_and_ranges() {
    let records = corpus_jsonl();
    assert_fields(
        mention(&records, "vietnamplus", "67.4%"),
        "percent",
        json!(67.4),
    );
    assert_fields(
        mention(&records, "vietnamplus", "75-80%"),
        "percent",
        json!({"min": 75, "max": 80}),
    );
}

#[test]
fn corpus_money_is_scaled_and_carries_its_currency() {
    let records = corpus_jsonl();
    let vnd = mention_containing(&records, "vietnamplus", "VND30,000 billion");
    assert_fields(vnd, "money", json!(30_000_000_000_000_i64));
    assert_eq!(vnd["unit"], json!("VND"));
    let usd = mention_containing(&records, "vietnamplus", "USD1.2 billion");
    assert_fields(usd, "money", json!(1_200_000_000_i64));
    assert_eq!(usd["unit"], json!("USD"));
}

#[test]
fn corpus_dates_and_years() {
    let records = corpus_jsonl();
    assert_fields(
        mention(&records, "baoquocte", "2013"),
        "year",
        json!("2013"),
    );
    assert_fields(
        mention(&records, "baoquocte", "August 22, 2025"),
        "date",
        json!("2025-08-22"),
    );
    assert_fields(
        mention(&records, "baoquocte", "December 2024"),
        "date",
        json!("2024-12"),
    );
}

#[test]
fn corpus_dates_without_a_year_take_it_from_the_publication_date() {
    let records = corpus_jsonl();
    // PANO, published 2026-01-30: "On January 29, the … People's Committee held …"
    assert_fields(
        mention_containing(&records, "pano", "January 29"),
        "date",
        json!("2026-01-29"),
    );
    // VGP, published 2025-12-05: "… recognized on December 4 …"
    assert_fields(
        mention_containing(&records, "vgp", "December 4"),
        "date",
        json!("2025-12-04"),
    );
}

#[test]
fn corpus_ages() {
    let records = corpus_jsonl();
    assert_fields(
        mention(&records, "vietnamplus", "949-year-old"),
        "age",
        json!(949),
    );
}

#[test]
fn corpus_document_ids_and_dateline_times_are_not_mentions() {
    let records = corpus_jsonl();
    // Resolution No. 23-NQ/TU, Plan No. 115/KH-UBND, Resolution No. 71-NQ/TW;
    // the PANO dateline "January 30, 2026 | 22:12 (GMT+7)".
    for not_a_claim in ["23", "115", "71", "22", "12"] {
        let hits: Vec<&Value> = records.iter().filter(|r| text(r) == not_a_claim).collect();
        assert!(
            hits.is_empty(),
            "{not_a_claim:?} is not a claim, but was extracted: {hits:?}"
        );
    }
}

#[test]
fn json_format_is_one_document_with_the_same_mentions_as_jsonl() {
    let (stdout, stderr, code) = claimcheck(&["extract", "corpus/", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let all: Value = serde_json::from_str(&stdout).expect("one JSON document");
    assert_eq!(all["schema"], json!(1));
    let mentions = all["mentions"].as_array().expect("mentions array");

    let (jsonl, _, _) = claimcheck(&["extract", "corpus/", "--format", "jsonl"]);
    let lines = parse_jsonl(&jsonl);
    assert_eq!(mentions.len(), jsonl.lines().count());
    assert_eq!(mentions, &lines, "same records, same order");
}

#[test]
fn table_is_the_default_format_and_ends_with_a_summary() {
    let (stdout, stderr, code) = claimcheck(&["extract", "corpus/"]);
    assert_eq!(code, 0, "{stderr}");
    let (jsonl, _, _) = claimcheck(&["extract", "corpus/", "--format", "jsonl"]);
    let n = jsonl.lines().count();
    let docs = fs::read_dir(root().join("corpus"))
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            let name = name.to_string_lossy();
            name.ends_with(".txt") || name.ends_with(".md")
        })
        .count();
    assert!(
        stdout
            .trim_end()
            .ends_with(&format!("{n} mentions in {docs} documents")),
        "{stdout}"
    );
    assert!(stdout.contains("949-year-old"));
}

#[test]
fn output_is_deterministic() {
    let (first, _, _) = claimcheck(&["extract", "corpus/", "--format", "jsonl"]);
    let (second, _, _) = claimcheck(&["extract", "corpus/", "--format", "jsonl"]);
    assert_eq!(first, second);
}

// ---------------------------------------------------------------------------
// Fixture articles
// ---------------------------------------------------------------------------

/// Every mention in `harbour-ferry.md`, written down by reading the article.
#[test]
fn harbour_ferry_article_yields_exactly_its_claims() {
    let path = fixture("articles/harbour-ferry.md");
    let (records, stderr) = extract_jsonl(&[&path], 0);
    assert!(stderr.is_empty(), "{stderr}");

    let got: BTreeSet<(String, String, String)> = records
        .iter()
        .map(|r| {
            (
                text(r).to_string(),
                r["kind"].as_str().unwrap().to_string(),
                r["value"].to_string(),
            )
        })
        .collect();
    let expected: BTreeSet<(String, String, String)> = [
        // "voted on June 10" — published 2025-06-12
        ("June 10", "date", json!("2025-06-10")),
        ("seven", "count", json!(7)),
        ("42", "count", json!(42)),
        ("3", "count", json!(3)),
        // "leave at 07:30 on July 1, 2025": the time is not a claim
        ("July 1, 2025", "date", json!("2025-07-01")),
        ("12.5%", "percent", json!(12.5)),
        ("2024", "year", json!("2024")),
        ("more than 18,000", "count", json!(18000)),
        ("about 25,000", "count", json!(25000)),
        ("2030", "year", json!("2030")),
        ("Nearly a thousand", "count", json!(1000)),
        ("VND1,500 billion", "money", json!(1_500_000_000_000_i64)),
        ("about USD59 million", "money", json!(59_000_000)),
        // Decree No. 15/2020/ND-CP, COVID-19, phone numbers, "9 a.m.",
        // "5 p.m." and the URL are not claims
        ("120-year-old", "age", json!(120)),
    ]
    .into_iter()
    .map(|(t, k, v)| (t.to_string(), k.to_string(), v.to_string()))
    .collect();

    let missing: Vec<_> = expected.difference(&got).collect();
    let unexpected: Vec<_> = got.difference(&expected).collect();
    assert!(
        missing.is_empty() && unexpected.is_empty(),
        "missing: {missing:#?}\nunexpected: {unexpected:#?}\nall:\n{}",
        summary(&records)
    );
    assert_eq!(records.len(), expected.len(), "no duplicates");
}

#[test]
fn harbour_ferry_hedges_currencies_and_implied_year() {
    let path = fixture("articles/harbour-ferry.md");
    let (records, _) = extract_jsonl(&[&path], 0);
    let q = |t: &str| mention(&records, "harbour", t)["qualifier"].clone();
    assert_eq!(q("more than 18,000"), json!("more_than"));
    assert_eq!(q("about 25,000"), json!("approximate"));
    assert_eq!(q("Nearly a thousand"), json!("approximate"));
    assert_eq!(q("about USD59 million"), json!("approximate"));
    assert_eq!(q("42"), json!("exact"));
    assert_eq!(
        mention(&records, "harbour", "VND1,500 billion")["unit"],
        json!("VND")
    );
    assert_eq!(
        mention(&records, "harbour", "about USD59 million")["unit"],
        json!("USD")
    );
    // published 2025, 120 years old → 1905
    assert_eq!(
        mention(&records, "harbour", "120-year-old")["implied_year"],
        json!(1905)
    );
    assert_eq!(
        mention(&records, "harbour", "June 10")["year_inferred"],
        json!(true)
    );
}

#[test]
fn dateline_and_source_line_are_metadata_not_claims() {
    let path = fixture("articles/river-park.txt");
    let (records, stderr) = extract_jsonl(&[&path], 0);
    assert!(stderr.is_empty(), "{stderr}");

    // "On June 9" is resolved against the dateline "June 10, 2025 | 09:30".
    assert_fields(
        mention_containing(&records, "river-park", "June 9"),
        "date",
        json!("2025-06-09"),
    );
    let around = mention(&records, "river-park", "Around 3,500");
    assert_fields(around, "count", json!(3500));
    assert_eq!(around["qualifier"], json!("approximate"));
    assert_fields(
        mention(&records, "river-park", "VND85 billion"),
        "money",
        json!(85_000_000_000_i64),
    );
    assert_fields(
        mention(&records, "river-park", "2019"),
        "year",
        json!("2019"),
    );
    assert_fields(mention(&records, "river-park", "4"), "count", json!(4));
    assert_fields(mention(&records, "river-park", "260"), "count", json!(260));

    // Nothing from the dateline (line 1), "Decision No. 2047/QD-UBND",
    // COVID-19 or the last line "Source: https://example.org/news/2025/06/10/…-2047".
    assert!(
        records.iter().all(|r| r["line"] != json!(1)),
        "{}",
        summary(&records)
    );
    let texts: Vec<&str> = records.iter().map(text).collect();
    for trap in ["2047", "2025"] {
        assert!(
            texts.iter().all(|t| !t.contains(trap)),
            "{trap:?} should not be extracted:\n{}",
            summary(&records)
        );
    }
    for trap in ["19", "10", "06", "09", "30"] {
        assert!(
            !texts.contains(&trap),
            "{trap:?} should not be extracted:\n{}",
            summary(&records)
        );
    }
}

/// "Visitors can call 1900 1234 or +84 24 3825 5678." — a Vietnamese
/// `1900` hotline and an international number: neither is a claim.
#[test]
fn hotline_and_international_phone_numbers_are_not_claims() {
    let path = fixture("articles/river-park.txt");
    let (records, _) = extract_jsonl(&[&path], 0);
    let on_phone_line: Vec<&Value> = records.iter().filter(|r| r["line"] == json!(8)).collect();
    assert!(
        on_phone_line.is_empty(),
        "line 8 has only a decision number, COVID-19 and phone numbers, but got:\n{}",
        summary(&records)
    );
    assert_eq!(records.len(), 6, "{}", summary(&records));
}

#[test]
fn fixture_directory_is_walked_in_path_order() {
    let dir = fixture("articles");
    let (records, stderr) = extract_jsonl(&[&dir], 0);
    assert!(stderr.is_empty(), "{stderr}");
    let docs: Vec<&str> = records.iter().map(doc).collect();
    let mut sorted = docs.clone();
    sorted.sort();
    assert_eq!(docs, sorted);
    assert!(docs.contains(&"tests/fixtures/extract/articles/harbour-ferry.md"));
    assert!(docs.contains(&"tests/fixtures/extract/articles/river-park.txt"));
}

// ---------------------------------------------------------------------------
// Reference date
// ---------------------------------------------------------------------------

#[test]
fn reference_date_resolves_dates_written_without_a_year() {
    let path = fixture("undated/council-meeting.txt");
    let (records, _) = extract_jsonl(&[&path, "--reference-date", "2025-12-05"], 0);
    let date = mention_containing(&records, "council-meeting", "December 4");
    assert_fields(date, "date", json!("2025-12-04"));
}

#[test]
fn without_a_reference_date_a_day_and_month_stay_unresolved() {
    let path = fixture("undated/council-meeting.txt");
    let (records, _) = extract_jsonl(&[&path], 0);
    let date = mention_containing(&records, "council-meeting", "December 4");
    assert_fields(date, "date", json!("--12-04"));
    assert_fields(mention(&records, "council-meeting", "3"), "count", json!(3));
}

#[test]
fn invalid_reference_date_is_a_usage_error() {
    let path = fixture("undated/council-meeting.txt");
    let (stdout, stderr, code) = claimcheck(&["extract", &path, "--reference-date", "2025-13-45"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("--reference-date"), "{stderr}");
    assert!(stderr.contains("2025-13-45"), "{stderr}");
}

// ---------------------------------------------------------------------------
// Standard input
// ---------------------------------------------------------------------------

#[test]
fn dash_reads_an_article_from_stdin() {
    let (stdout, stderr, code) = claimcheck_with_stdin(
        &[
            "extract",
            "-",
            "--format",
            "jsonl",
            "--reference-date",
            "2025-01-01",
        ],
        "The council has 12 members.\n",
    );
    assert_eq!(code, 0, "{stderr}");
    let records = parse_jsonl(&stdout);
    assert_eq!(records.len(), 1, "{stdout}");
    let r = &records[0];
    assert_eq!(r["doc"], json!("-"));
    assert_eq!(r["text"], json!("12"));
    assert_fields(r, "count", json!(12));
    assert_eq!(r["unit"], json!("members"));
    assert_eq!(
        (r["line"].clone(), r["column"].clone()),
        (json!(1), json!(17))
    );
}

// ---------------------------------------------------------------------------
// Input errors and exit codes
// ---------------------------------------------------------------------------

#[test]
fn missing_path_exits_2_naming_it_and_still_reports_the_rest() {
    let good = fixture("undated/council-meeting.txt");
    let missing = fixture("no-such-article.txt");
    let (stdout, stderr, code) = claimcheck(&["extract", &missing, &good, "--format", "jsonl"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(&format!("{missing}: error: ")),
        "stderr names the path: {stderr}"
    );
    assert!(stderr.contains("no such file"), "{stderr}");
    let records = parse_jsonl(&stdout);
    assert!(records.iter().any(|r| doc(r) == good), "{stdout}");
}

#[test]
fn non_utf8_file_exits_2_and_the_good_files_are_still_extracted() {
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("a-good.txt");
    let latin1 = tmp.path().join("b-latin1.txt");
    let also_good = tmp.path().join("c-good.txt");
    write(&good, b"The museum has 40 rooms.\n");
    write(&latin1, b"Caf\xe9 has 5 tables.\n");
    write(&also_good, b"The library lends 300 books a week.\n");

    let dir = path_str(tmp.path());
    let (stdout, stderr, code) = claimcheck(&["extract", &dir, "--format", "jsonl"]);
    assert_eq!(code, 2, "stderr: {stderr}");

    let latin1 = path_str(&latin1);
    let problem = stderr
        .lines()
        .find(|l| l.starts_with(&latin1))
        .unwrap_or_else(|| panic!("stderr names {latin1}: {stderr}"));
    // path:line:col: error: message — the bad byte is on line 1, column 4.
    assert!(
        problem.starts_with(&format!("{latin1}:1:4: error: ")),
        "{problem}"
    );
    assert!(problem.contains("UTF-8"), "{problem}");

    let records = parse_jsonl(&stdout);
    let texts: Vec<(&str, &str)> = records.iter().map(|r| (doc(r), text(r))).collect();
    assert_eq!(
        texts,
        vec![
            (path_str(&good).as_str(), "40"),
            (path_str(&also_good).as_str(), "300")
        ]
    );
}

#[test]
fn empty_file_has_no_mentions_and_exits_0() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty.txt");
    write(&empty, b"");
    let (stdout, stderr, code) = claimcheck(&["extract", &path_str(&empty), "--format", "jsonl"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "");
}

#[test]
fn whitespace_only_file_exits_0() {
    let tmp = tempfile::tempdir().unwrap();
    let blank = tmp.path().join("blank.md");
    write(&blank, b"  \n\n\t\r\n   ");
    let (stdout, stderr, code) = claimcheck(&["extract", &path_str(&blank), "--format", "jsonl"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "");
    // If anything is said, it is a warning, not an error.
    assert!(!stderr.contains("error"), "{stderr}");
}

#[test]
fn gitignored_article_is_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    write(&tmp.path().join(".gitignore"), b"draft.txt\n");
    write(
        &tmp.path().join("draft.txt"),
        b"The draft says 999 bridges.\n",
    );
    write(&tmp.path().join("final.txt"), b"The city has 17 bridges.\n");
    let dir = path_str(tmp.path());
    let (records, stderr) = extract_jsonl(&[&dir], 0);
    assert!(stderr.is_empty(), "{stderr}");
    assert!(records.iter().all(|r| !doc(r).ends_with("draft.txt")));
    assert!(records.iter().all(|r| text(r) != "999"));
    let texts: Vec<&str> = records.iter().map(text).collect();
    assert_eq!(texts, vec!["17"]);
}

#[test]
fn unknown_front_matter_key_is_a_warning_not_an_error() {
    let path = fixture("unknown-key/bridge.md");
    let (stdout, stderr, code) = claimcheck(&["extract", &path, "--format", "jsonl"]);
    assert_eq!(code, 0, "{stderr}");
    let warning = stderr
        .lines()
        .find(|l| l.starts_with(&path))
        .unwrap_or_else(|| panic!("a warning naming {path}: {stderr:?}"));
    assert!(warning.contains(": warning: "), "{warning}");
    assert!(warning.contains("author"), "{warning}");
    // The key is on line 3 of the file.
    assert!(warning.starts_with(&format!("{path}:3:")), "{warning}");
    let records = parse_jsonl(&stdout);
    assert_fields(mention(&records, "bridge", "2"), "count", json!(2));
}

// ---------------------------------------------------------------------------
// Help
// ---------------------------------------------------------------------------

#[test]
fn help_exits_0_and_mentions_extract() {
    cmd()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("extract"))
        .stdout(predicate::str::contains("Exit codes"));
}

#[test]
fn extract_help_lists_the_formats() {
    cmd()
        .args(["extract", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--format"))
        .stdout(predicate::str::contains("table"))
        .stdout(predicate::str::contains("json"))
        .stdout(predicate::str::contains("jsonl"))
        .stdout(predicate::str::contains("--reference-date"));
}

#[test]
fn extract_without_paths_is_a_usage_error() {
    cmd()
        .arg("extract")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("PATHS"));
}
