//! The consistency checks of `claimcheck check` as a user meets them:
//! `count-vs-list`, `arithmetic`, `percent-base`, `weekday`, `age-vs-year`
//! and `rate-outlier`, on the bundled corpus and on small fixture corpora.
//!
//! Fixture corpora live in `tests/fixtures/checks/<case>/`. Each holds a
//! mismatch the check must flag and a near miss it must not (the near miss
//! is in the same fixture when it cannot disturb the mismatch, otherwise in
//! a sibling fixture). Every run on a fixture uses the fixture as the
//! current directory, so the repository's own `claims/` catalogue never
//! leaks in; a case that needs a catalogue carries its own `claims/`.
//!
//! Every test asserts on the finding of its check's kind and severity, so
//! removing the check fails it; exit codes are checked on top of that.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// The kinds of findings the consistency checks produce.
const CHECK_KINDS: &[&str] = &[
    "count-vs-list",
    "arithmetic",
    "percent-base",
    "weekday",
    "age-vs-year",
    "rate-outlier",
];

/// The package root: `corpus/`, `claims/` and `tests/fixtures/` live here.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture corpus: `tests/fixtures/checks/<case>`.
fn fixture(case: &str) -> PathBuf {
    let dir = root().join("tests/fixtures/checks").join(case);
    assert!(dir.is_dir(), "missing fixture {}", dir.display());
    dir
}

/// Runs `claimcheck ARGS…` in `dir`; returns (stdout, stderr, exit code).
fn run(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = Command::cargo_bin("claimcheck")
        .expect("claimcheck binary")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("RAYON_NUM_THREADS")
        .args(args)
        .output()
        .expect("run claimcheck");
    (
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        out.status
            .code()
            .expect("exit code (not killed by a signal)"),
    )
}

/// Every JSONL record, each checked to be a JSON object with a `type`.
fn records(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| {
            let v: Value =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"));
            assert!(v["type"].is_string(), "record without a type: {l}");
            v
        })
        .collect()
}

/// The `finding` records of a JSONL run whose `kind` is `kind`.
fn findings(stdout: &str, kind: &str) -> Vec<Value> {
    records(stdout)
        .into_iter()
        .filter(|r| r["type"] == "finding" && r["kind"] == kind)
        .collect()
}

/// `claimcheck check . --format jsonl EXTRA…` in the fixture `case`;
/// returns stdout after checking the run did not fail with a usage or
/// input error.
fn check_fixture(case: &str, extra: &[&str]) -> String {
    let mut args = vec!["check", ".", "--format", "jsonl"];
    args.extend_from_slice(extra);
    let (stdout, stderr, code) = run(&fixture(case), &args);
    assert!(
        code == 0 || code == 1,
        "{case}: exit {code}, stderr:\n{stderr}"
    );
    stdout
}

/// `claimcheck check corpus/ --format jsonl` on the bundled corpus.
fn check_corpus() -> String {
    let (stdout, stderr, code) = run(&root(), &["check", "corpus/", "--format", "jsonl"]);
    assert_eq!(code, 0, "stderr:\n{stderr}");
    stdout
}

fn severity(f: &Value) -> &str {
    f["severity"].as_str().expect("severity")
}

fn message(f: &Value) -> &str {
    f["message"].as_str().expect("message")
}

/// The claim texts of a finding, in order.
fn texts(f: &Value) -> Vec<String> {
    f["claims"]
        .as_array()
        .expect("claims array")
        .iter()
        .map(|c| c["text"].as_str().expect("text").to_string())
        .collect()
}

/// The file names (no directory) of a finding's claims.
fn files(f: &Value) -> Vec<String> {
    f["claims"]
        .as_array()
        .expect("claims array")
        .iter()
        .map(|c| file_name(c["doc"].as_str().expect("doc")))
        .collect()
}

fn file_name(doc: &str) -> String {
    Path::new(doc)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| doc.to_string())
}

/// The findings whose first claim has text `text` and comes from `file`.
fn about<'a>(fs: &'a [Value], file: &str, text: &str) -> Vec<&'a Value> {
    fs.iter()
        .filter(|f| {
            let c = &f["claims"][0];
            c["text"] == text && file_name(c["doc"].as_str().unwrap_or("")) == file
        })
        .collect()
}

/// The one finding about `text` in `file`; panics listing all of them otherwise.
fn one<'a>(fs: &'a [Value], file: &str, text: &str) -> &'a Value {
    let hits = about(fs, file, text);
    assert_eq!(
        hits.len(),
        1,
        "expected one finding about `{text}` in {file}, got:{}",
        summarize(fs)
    );
    hits[0]
}

fn warnings(fs: &[Value]) -> Vec<&Value> {
    fs.iter().filter(|f| severity(f) == "warning").collect()
}

fn summarize(fs: &[Value]) -> String {
    if fs.is_empty() {
        return " (none)".into();
    }
    fs.iter()
        .map(|f| {
            format!(
                "\n  {} {} {:?} {:?}: {} data={}",
                f["kind"],
                f["severity"],
                files(f),
                texts(f),
                f["message"],
                f.get("data").unwrap_or(&Value::Null)
            )
        })
        .collect()
}

fn num(v: &Value) -> f64 {
    v.as_f64()
        .unwrap_or_else(|| panic!("expected a number, got {v}"))
}

/// `message` with thousands separators removed, for looking numbers up.
fn digits(message: &str) -> String {
    let chars: Vec<char> = message.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = c == ','
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit());
        if !between_digits {
            out.push(c);
        }
    }
    out
}

/// Asserts a warning's message is one sentence that names the files of
/// its claims and includes the numbers involved.
fn assert_warning_message(f: &Value) {
    let m = message(f);
    let context = summarize(std::slice::from_ref(f));
    assert!(!m.trim().is_empty(), "empty message:{context}");
    assert!(!m.contains('\n'), "message spans lines:{context}");
    // one sentence: outside `quoted` claim texts, no `. X` / `! X` / `? X`
    let unquoted: String = m
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, s)| s)
        .collect::<Vec<_>>()
        .join(" ");
    let chars: Vec<char> = unquoted.chars().collect();
    for w in chars.windows(3) {
        assert!(
            !(matches!(w[0], '.' | '!' | '?') && w[1] == ' ' && w[2].is_uppercase()),
            "message is more than one sentence:{context}"
        );
    }
    // names the file of every claim it is about
    for file in files(f) {
        assert!(m.contains(&file), "message does not name {file}:{context}");
    }
    // includes the numbers: every claim as written, and the computed ones
    for t in texts(f) {
        assert!(m.contains(&t), "message does not quote `{t}`:{context}");
    }
    let plain = digits(m);
    let data = &f["data"];
    let mut numbers: Vec<f64> = Vec::new();
    let kind = f["kind"].as_str().unwrap_or("");
    let fields: &[&str] = match kind {
        "count-vs-list" => &["count", "listed"],
        "arithmetic" if data.get("expected").is_some() => &["expected", "stated"],
        "arithmetic" => &["total", "sum"],
        "percent-base" => &["implied_base"],
        "age-vs-year" => &["implied_year", "stated_year"],
        "rate-outlier" => &["rate", "median_of_others"],
        _ => &[],
    };
    for field in fields {
        numbers.push(num(&data[*field]));
    }
    for n in numbers {
        let shown = format!("{}", n.round() as i64);
        assert!(
            plain.contains(&shown),
            "message does not include {shown} (data.{fields:?}):{context}"
        );
    }
    if kind == "weekday" {
        for field in ["date", "stated", "actual"] {
            let v = data[field].as_str().expect("weekday data");
            assert!(m.contains(v), "message does not include {v}:{context}");
        }
    }
}

/// The fixture cases, sorted.
fn all_cases() -> Vec<String> {
    let mut cases: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/checks"))
        .expect("tests/fixtures/checks")
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    cases
}

// ---------------------------------------------------------------------------
// The bundled corpus
// ---------------------------------------------------------------------------

#[test]
fn corpus_network_total_356_plus_72_is_not_425() {
    let out = check_corpus();
    let fs = findings(&out, "arithmetic");
    let hits: Vec<&Value> = fs
        .iter()
        .filter(|f| f["key"] == "gnlc.members.total")
        .collect();
    assert_eq!(hits.len(), 1, "arithmetic findings:{}", summarize(&fs));
    let f = hits[0];
    assert_eq!(severity(f), "warning", "{}", summarize(&fs));
    let m = message(f);
    assert!(m.contains("356 + 72 = 428"), "message: {m}");
    assert!(m.contains("425"), "message: {m}");
    let t = texts(f);
    for want in ["356", "72", "425"] {
        assert!(t.iter().any(|x| x == want), "claims {t:?} lack {want}");
    }
    assert_eq!(num(&f["data"]["expected"]), 428.0);
    assert_eq!(num(&f["data"]["stated"]), 425.0);
    assert_eq!(f["data"]["sum"], "356 + 72");
}

#[test]
fn corpus_counted_lists_match_their_counts() {
    let out = check_corpus();
    let fs = findings(&out, "count-vs-list");
    for (text, count, item) in [
        ("11", 11, "Caracas"),
        ("Thirteen", 13, "the US"),
        ("five", 5, "Ho Chi Minh City"),
    ] {
        let hits: Vec<&Value> = fs
            .iter()
            .filter(|f| f["claims"][0]["text"] == text)
            .collect();
        assert_eq!(hits.len(), 1, "`{text}`:{}", summarize(&fs));
        let f = hits[0];
        assert_eq!(severity(f), "info", "`{text}`:{}", summarize(&fs));
        let d = &f["data"];
        assert_eq!(num(&d["count"]), count as f64, "`{text}` data {d}");
        assert_eq!(num(&d["listed"]), count as f64, "`{text}` data {d}");
        let items: Vec<&str> = d["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| i.as_str().unwrap())
            .collect();
        assert_eq!(items.len(), count, "`{text}` items {items:?}");
        assert!(
            items.contains(&item),
            "`{text}` items {items:?} lack {item}"
        );
    }
}

#[test]
fn corpus_vnd_usd_rates_agree() {
    let out = check_corpus();
    let fs = findings(&out, "rate-outlier");
    assert!(warnings(&fs).is_empty(), "{}", summarize(&fs));
    let vnd: Vec<&Value> = fs
        .iter()
        .filter(|f| f["data"]["pair"] == "VND/USD")
        .collect();
    assert_eq!(vnd.len(), 4, "{}", summarize(&fs));
    for f in vnd {
        assert_eq!(severity(f), "info");
        let rate = num(&f["data"]["rate"]);
        assert!(
            (24_000.0..=27_000.0).contains(&rate),
            "rate {rate}:{}",
            summarize(&fs)
        );
    }
}

#[test]
fn corpus_warnings_do_not_fail_by_default_but_do_with_fail_on_warning() {
    let (_, stderr, code) = run(&root(), &["check", "corpus/"]);
    assert_eq!(code, 0, "stderr:\n{stderr}");
    let (_, stderr, code) = run(&root(), &["check", "corpus/", "--fail-on", "warning"]);
    assert_eq!(code, 1, "stderr:\n{stderr}");
    let (_, stderr, code) = run(
        &root(),
        &[
            "check",
            "corpus/",
            "--format",
            "jsonl",
            "--fail-on",
            "warning",
        ],
    );
    assert_eq!(code, 1, "stderr:\n{stderr}");
}

#[test]
fn corpus_check_warnings_are_one_sentence_naming_file_and_numbers() {
    let out = check_corpus();
    let mut seen = 0;
    for kind in CHECK_KINDS {
        for f in warnings(&findings(&out, kind)) {
            assert_warning_message(f);
            seen += 1;
        }
    }
    assert!(seen >= 1, "no check warning on the corpus");
}

// ---------------------------------------------------------------------------
// count-vs-list
// ---------------------------------------------------------------------------

#[test]
fn count_vs_list_colon_list_after_a_clause_shorter_than_its_count_is_a_warning() {
    let out = check_fixture("list-too-short-complete", &[]);
    let fs = findings(&out, "count-vs-list");
    let f = one(&fs, "trade-ledger.md", "Thirteen");
    assert_eq!(severity(f), "warning", "{}", summarize(&fs));
    assert_eq!(num(&f["data"]["count"]), 13.0);
    assert_eq!(num(&f["data"]["listed"]), 12.0);
    assert_eq!(f["data"]["complete"], true);
}

#[test]
fn count_vs_list_complete_list_shorter_than_its_count_is_a_warning() {
    let out = check_fixture("list-too-short-complete", &[]);
    let fs = findings(&out, "count-vs-list");
    let f = one(&fs, "andes-bulletin.md", "six");
    assert_eq!(severity(f), "warning", "{}", summarize(&fs));
    assert_eq!(num(&f["data"]["count"]), 6.0);
    assert_eq!(num(&f["data"]["listed"]), 5.0);
    assert_eq!(f["data"]["complete"], true);
    assert!(
        message(f).contains('6') && message(f).contains('5'),
        "{}",
        message(f)
    );
}

#[test]
fn count_vs_list_partial_list_after_including_is_info() {
    let out = check_fixture("list-too-short-complete", &[]);
    let fs = findings(&out, "count-vs-list");
    let f = one(&fs, "harbour-review.md", "Nine");
    assert_eq!(severity(f), "info", "{}", summarize(&fs));
    assert_eq!(num(&f["data"]["count"]), 9.0);
    assert_eq!(num(&f["data"]["listed"]), 3.0);
    assert_eq!(f["data"]["complete"], false);
    assert_eq!(
        f["data"]["items"],
        serde_json::json!(["Portugal", "Morocco", "Senegal"])
    );
}

#[test]
fn count_vs_list_longer_list_after_including_is_a_warning() {
    let out = check_fixture("list-too-long-including", &[]);
    let fs = findings(&out, "count-vs-list");
    let f = one(&fs, "river-courier.md", "Four");
    assert_eq!(severity(f), "warning", "{}", summarize(&fs));
    assert_eq!(num(&f["data"]["count"]), 4.0);
    assert_eq!(num(&f["data"]["listed"]), 5.0);
    // near miss: `Three provinces …, namely A, B and C`
    let g = one(&fs, "delta-weekly.md", "Three");
    assert_eq!(severity(g), "info", "{}", summarize(&fs));
    assert_eq!(num(&g["data"]["listed"]), 3.0);
    assert_eq!(warnings(&fs).len(), 1, "{}", summarize(&fs));
}

#[test]
fn count_vs_list_warning_fails_only_with_fail_on_warning() {
    let dir = fixture("list-too-long-including");
    let (_, stderr, code) = run(&dir, &["check", ".", "--fail-on", "warning"]);
    assert_eq!(code, 1, "stderr:\n{stderr}");
    let (_, stderr, code) = run(&dir, &["check", ".", "--fail-on", "never"]);
    assert_eq!(code, 0, "stderr:\n{stderr}");
}

// ---------------------------------------------------------------------------
// weekday
// ---------------------------------------------------------------------------

#[test]
fn weekday_friday_december_4_2025_is_a_warning_and_thursday_is_info() {
    let out = check_fixture("weekday", &[]);
    let fs = findings(&out, "weekday");
    let f = one(&fs, "summit-daily.md", "Friday, December 4, 2025");
    assert_eq!(severity(f), "warning", "{}", summarize(&fs));
    assert_eq!(f["data"]["date"], "2025-12-04");
    assert_eq!(f["data"]["stated"], "Friday");
    assert_eq!(f["data"]["actual"], "Thursday");
    let g = one(&fs, "coastal-wire.md", "Thursday, December 4, 2025");
    assert_eq!(severity(g), "info", "{}", summarize(&fs));
    assert_eq!(g["data"]["actual"], "Thursday");
    assert_eq!(warnings(&fs).len(), 1, "{}", summarize(&fs));
    let (_, _, code) = run(&fixture("weekday"), &["check", ".", "--fail-on", "warning"]);
    assert_eq!(code, 1);
}

// ---------------------------------------------------------------------------
// age-vs-year
// ---------------------------------------------------------------------------

#[test]
fn age_vs_year_120_year_old_market_founded_1890_is_a_warning() {
    let out = check_fixture("age-vs-year", &[]);
    let fs = findings(&out, "age-vs-year");
    let f = one(&fs, "market-times.md", "120-year-old");
    assert_eq!(severity(f), "warning", "{}", summarize(&fs));
    assert_eq!(num(&f["data"]["implied_year"]), 1905.0);
    assert_eq!(num(&f["data"]["stated_year"]), 1890.0);
    assert!(texts(f).contains(&"1890".to_string()), "{}", summarize(&fs));
    let message = f["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("`120-year-old` at ")
            && message.contains(
                "implies founding in 1905 (publication year − age), but the founding year is given as 1890 at "
            )
            && message.ends_with(": 15 years apart"),
        "{message}"
    );
    // near miss: the 50-year-old bridge opened in 1975 (2025 − 50)
    for g in about(&fs, "market-times.md", "50-year-old") {
        assert_eq!(severity(g), "info", "{}", summarize(&fs));
        assert_eq!(num(&g["data"]["implied_year"]), 1975.0);
        let message = g["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("implies founding in 1975, consistent with 1975 at "),
            "{message}"
        );
    }
    assert_eq!(warnings(&fs).len(), 1, "{}", summarize(&fs));
}

#[test]
fn age_vs_year_age_in_object_position_is_checked() {
    let out = check_fixture("age-vs-year-object-position", &[]);
    let fs = findings(&out, "age-vs-year");
    let f = one(&fs, "market-times.md", "120-year-old");
    assert_eq!(severity(f), "warning", "{}", summarize(&fs));
    assert_eq!(num(&f["data"]["implied_year"]), 1905.0);
    assert_eq!(num(&f["data"]["stated_year"]), 1890.0);
    let g = one(&fs, "market-times.md", "50-year-old");
    assert_eq!(severity(g), "info", "{}", summarize(&fs));
}

#[test]
fn age_vs_year_matches_a_name_within_a_longer_name_both_ways() {
    // `Central Market` (age) within `Ben Thanh Central Market` (founded), and
    // `Harbour Bridge` (opened) within `Saigon Harbour Bridge` (age)
    let out = check_fixture("age-vs-year-name-within-name", &[]);
    let fs = findings(&out, "age-vs-year");
    let f = one(&fs, "market-times.md", "120-year-old");
    assert_eq!(severity(f), "warning", "{}", summarize(&fs));
    assert_eq!(num(&f["data"]["stated_year"]), 1890.0);
    let g = one(&fs, "market-times.md", "40-year-old");
    assert_eq!(severity(g), "warning", "{}", summarize(&fs));
    assert_eq!(num(&g["data"]["implied_year"]), 1985.0);
    assert_eq!(num(&g["data"]["stated_year"]), 1975.0);
}

// ---------------------------------------------------------------------------
// rate-outlier
// ---------------------------------------------------------------------------

#[test]
fn rate_outlier_one_conversion_20_percent_off_is_a_warning() {
    let out = check_fixture("rate-outlier", &[]);
    let fs = findings(&out, "rate-outlier");
    assert_eq!(fs.len(), 4, "{}", summarize(&fs));
    let w = warnings(&fs);
    assert_eq!(w.len(), 1, "{}", summarize(&fs));
    let f = w[0];
    assert_eq!(texts(f), vec!["VND12 billion", "about USD400,000"]);
    assert_eq!(f["data"]["pair"], "VND/USD");
    assert_eq!(f["data"]["month"], "2025-09");
    assert!(
        (num(&f["data"]["rate"]) - 30_000.0).abs() < 1.0,
        "{}",
        summarize(&fs)
    );
    assert!((num(&f["data"]["median_of_others"]) - 25_000.0).abs() < 1.0);
    for g in fs.iter().filter(|g| severity(g) == "info") {
        let rate = num(&g["data"]["rate"]);
        assert!((24_000.0..=26_000.0).contains(&rate), "{}", summarize(&fs));
    }
}

#[test]
fn rate_outlier_within_a_wider_tolerance_is_info() {
    let out = check_fixture("rate-outlier", &["--rate-tolerance", "0.25"]);
    let fs = findings(&out, "rate-outlier");
    assert_eq!(fs.len(), 4, "{}", summarize(&fs));
    assert!(warnings(&fs).is_empty(), "{}", summarize(&fs));
}

#[test]
fn rate_two_percent_off_is_not_an_outlier() {
    let out = check_fixture("rate-within-tolerance", &[]);
    let fs = findings(&out, "rate-outlier");
    assert_eq!(fs.len(), 4, "{}", summarize(&fs));
    assert!(warnings(&fs).is_empty(), "{}", summarize(&fs));
    let off: Vec<&Value> = fs
        .iter()
        .filter(|f| (num(&f["data"]["rate"]) - 25_500.0).abs() < 1.0)
        .collect();
    assert_eq!(off.len(), 1, "{}", summarize(&fs));
    assert_eq!(texts(off[0]), vec!["VND51 billion", "about USD2 million"]);
    // a tighter tolerance than the 2% gap does flag it
    let out = check_fixture("rate-within-tolerance", &["--rate-tolerance", "0.01"]);
    let fs = findings(&out, "rate-outlier");
    let w = warnings(&fs);
    assert_eq!(w.len(), 1, "{}", summarize(&fs));
    assert_eq!(texts(w[0]), vec!["VND51 billion", "about USD2 million"]);
}

// ---------------------------------------------------------------------------
// percent-base
// ---------------------------------------------------------------------------

#[test]
fn percent_base_500000_vs_600000_households_is_a_warning() {
    let out = check_fixture("percent-base", &[]);
    let fs = findings(&out, "percent-base");
    let w = warnings(&fs);
    assert_eq!(w.len(), 1, "{}", summarize(&fs));
    let f = w[0];
    let t = texts(f);
    for want in ["300,000", "60%", "420,000", "70%"] {
        assert!(t.iter().any(|x| x == want), "claims {t:?} lack {want}");
    }
    let mut f_files = files(f);
    f_files.sort();
    f_files.dedup();
    assert_eq!(f_files, vec!["farm-gazette.md", "highland-post.md"]);
    let base = num(&f["data"]["implied_base"]);
    assert!(base == 500_000.0 || base == 600_000.0, "{}", summarize(&fs));
    let plain = digits(message(f));
    assert!(
        plain.contains("500000") && plain.contains("600000"),
        "{}",
        message(f)
    );
}

#[test]
fn percent_base_agreeing_within_rounding_is_info() {
    let out = check_fixture("percent-base-agrees", &[]);
    let fs = findings(&out, "percent-base");
    assert_eq!(fs.len(), 2, "{}", summarize(&fs));
    assert!(warnings(&fs).is_empty(), "{}", summarize(&fs));
    for f in &fs {
        assert_eq!(
            num(&f["data"]["implied_base"]),
            500_000.0,
            "{}",
            summarize(&fs)
        );
    }
}

// ---------------------------------------------------------------------------
// arithmetic
// ---------------------------------------------------------------------------

#[test]
fn arithmetic_declared_relation_140_plus_18_is_not_160() {
    let out = check_fixture("arithmetic-relation", &["--claims", "claims"]);
    let fs = findings(&out, "arithmetic");
    let hits: Vec<&Value> = fs
        .iter()
        .filter(|f| f["key"] == "cca.members.total")
        .collect();
    assert_eq!(hits.len(), 1, "{}", summarize(&fs));
    let f = hits[0];
    assert_eq!(severity(f), "warning", "{}", summarize(&fs));
    assert_eq!(texts(f), vec!["140", "18", "160"]);
    assert_eq!(num(&f["data"]["expected"]), 158.0);
    assert_eq!(num(&f["data"]["stated"]), 160.0);
    assert!(message(f).contains("140 + 18 = 158"), "{}", message(f));
    // the fixture-local catalogue is found without --claims too
    let out = check_fixture("arithmetic-relation", &[]);
    let fs = findings(&out, "arithmetic");
    assert_eq!(warnings(&fs).len(), 1, "{}", summarize(&fs));
}

#[test]
fn arithmetic_declared_relation_that_adds_up_is_info() {
    let out = check_fixture("arithmetic-relation-adds-up", &["--claims", "claims"]);
    let fs = findings(&out, "arithmetic");
    let hits: Vec<&Value> = fs
        .iter()
        .filter(|f| f["key"] == "cca.members.total")
        .collect();
    assert_eq!(hits.len(), 1, "{}", summarize(&fs));
    let f = hits[0];
    assert_eq!(severity(f), "info", "{}", summarize(&fs));
    assert_eq!(texts(f), vec!["142", "18", "160"]);
    assert_eq!(num(&f["data"]["expected"]), 160.0);
    assert!(warnings(&fs).is_empty(), "{}", summarize(&fs));
}

#[test]
fn arithmetic_parts_72_plus_38_exceed_108_clinics() {
    let out = check_fixture("arithmetic-parts", &[]);
    let fs = findings(&out, "arithmetic");
    let f = one(&fs, "health-monitor.md", "108");
    assert_eq!(severity(f), "warning", "{}", summarize(&fs));
    assert_eq!(texts(f), vec!["108", "72", "38"]);
    assert_eq!(num(&f["data"]["sum"]), 110.0);
    assert_eq!(num(&f["data"]["total"]), 108.0);
    // near miss: 60 + 30 public and private schools within 95
    let g = one(&fs, "school-digest.md", "95");
    assert_eq!(severity(g), "info", "{}", summarize(&fs));
    assert_eq!(num(&g["data"]["sum"]), 90.0);
    assert_eq!(warnings(&fs).len(), 1, "{}", summarize(&fs));
}

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

#[test]
fn every_check_warning_is_one_sentence_naming_file_and_numbers() {
    let mut seen = Vec::new();
    for case in all_cases() {
        let extra: &[&str] = if fixture(&case).join("claims").is_dir() {
            &["--claims", "claims"]
        } else {
            &[]
        };
        let out = check_fixture(&case, extra);
        for kind in CHECK_KINDS {
            for f in warnings(&findings(&out, kind)) {
                assert_warning_message(f);
                seen.push(kind.to_string());
            }
        }
    }
    seen.sort();
    seen.dedup();
    assert_eq!(
        seen.len(),
        CHECK_KINDS.len(),
        "fixtures produce warnings of only {seen:?}"
    );
}
