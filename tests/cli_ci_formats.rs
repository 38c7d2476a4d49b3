//! `claimcheck check --format diagnostics|github|sarif`: the formats for
//! terminals and CI, run as a user runs them on a small fixture corpus.
//!
//! The fixture `tests/fixtures/ci/conflict/` holds two articles that
//! disagree on the year the Riverside Botanical Garden was founded. Every
//! run uses the fixture as the current directory and `--claims` pointing at
//! an empty directory, so the repository's catalogue never leaks in.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn fixture(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ci")
        .join(case)
}

/// Runs `claimcheck check . --claims <empty> ARGS…` in `dir` with `env`
/// (NO_COLOR removed unless given); returns (stdout, stderr, exit code).
fn check(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
    let empty = tempfile::tempdir().expect("temp dir");
    let mut cmd = Command::cargo_bin("claimcheck").expect("claimcheck binary");
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("RAYON_NUM_THREADS")
        .arg("check")
        .arg(".")
        .arg("--claims")
        .arg(empty.path())
        .args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run claimcheck");
    (
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        out.status.code().expect("exit code"),
    )
}

const KEY: &str = "auto:riversidebotanicalgarden/year/date founded";

fn message() -> String {
    format!("{KEY}: sources contradict each other: 2013 (harbour-times.md) vs 2015 (river-post.md) (gap 2 years)")
}

// ---------------------------------------------------------------------------
// github
// ---------------------------------------------------------------------------

#[test]
fn github_annotates_each_claim_of_the_conflict() {
    let (out, err, code) = check(&fixture("conflict"), &["--format", "github"], &[]);
    assert_eq!(code, 1, "a conflict fails the run\n{err}");
    let title = "conflict auto%3Ariversidebotanicalgarden/year/date founded";
    let expected = format!(
        "::error file=harbour-times.md,line=5,col=47,endColumn=51,title={title}::{m}\n\
         ::error file=river-post.md,line=7,col=47,endColumn=51,title={title}::{m}\n",
        m = message()
    );
    assert_eq!(out, expected);
}

#[test]
fn github_output_is_the_same_whatever_the_thread_count() {
    let (one, _, _) = check(
        &fixture("conflict"),
        &["--format", "github"],
        &[("RAYON_NUM_THREADS", "1")],
    );
    let (many, _, _) = check(
        &fixture("conflict"),
        &["--format", "github"],
        &[("RAYON_NUM_THREADS", "8")],
    );
    assert_eq!(one, many);
}

#[test]
fn github_escapes_percent_comma_colon_and_newlines() {
    assert_eq!(
        claimcheck::render::github::escape_data("50% of a, b: c\r\nd"),
        "50%25 of a, b: c%0D%0Ad"
    );
    assert_eq!(
        claimcheck::render::github::escape_property("dir,1/a:b%.md\n"),
        "dir%2C1/a%3Ab%25.md%0A"
    );
}

// ---------------------------------------------------------------------------
// sarif
// ---------------------------------------------------------------------------

#[test]
fn sarif_has_what_the_2_1_0_spec_requires() {
    let (out, err, code) = check(&fixture("conflict"), &["--format", "sarif"], &[]);
    assert_eq!(code, 1, "{err}");
    let v: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    assert_eq!(v["version"], "2.1.0");
    assert!(
        v["$schema"]
            .as_str()
            .is_some_and(|s| s.contains("sarif-2.1.0")),
        "{v}"
    );
    let runs = v["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "claimcheck");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().expect("rules");
    assert!(!rules.is_empty());
    let ids: Vec<&str> = rules
        .iter()
        .map(|r| r["id"].as_str().expect("rule id"))
        .collect();
    for r in rules {
        assert!(
            r["shortDescription"]["text"]
                .as_str()
                .is_some_and(|s| !s.is_empty()),
            "{r}"
        );
        assert!(
            ["error", "warning", "note", "none"]
                .contains(&r["defaultConfiguration"]["level"].as_str().unwrap_or("")),
            "{r}"
        );
    }
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 1, "one conflict: {out}");
    for r in results {
        let rule = r["ruleId"].as_str().expect("ruleId");
        assert!(ids.contains(&rule), "{rule} not among {ids:?}");
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(ids[index], rule);
        assert!(["error", "warning", "note", "none"].contains(&r["level"].as_str().expect("level")));
        assert!(r["message"]["text"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(
            r["partialFingerprints"]["claimcheck/v1"]
                .as_str()
                .is_some_and(|s| !s.is_empty()),
            "{r}"
        );
        let locations = r["locations"].as_array().expect("locations");
        assert!(!locations.is_empty());
        for l in locations {
            let p = &l["physicalLocation"];
            let uri = p["artifactLocation"]["uri"].as_str().expect("uri");
            assert!(
                !uri.is_empty() && !uri.starts_with("./") && !uri.contains('\\'),
                "{uri}"
            );
            assert!(p["region"]["startLine"].as_u64().expect("startLine") >= 1);
            assert!(p["region"]["startColumn"].as_u64().expect("startColumn") >= 1);
        }
    }
    let r = &results[0];
    assert_eq!(r["ruleId"], "conflict");
    assert_eq!(r["level"], "error");
    assert_eq!(r["message"]["text"], message());
    assert_eq!(r["properties"]["key"], KEY);
    let regions: Vec<(&str, &Value)> = r["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap(),
                &l["physicalLocation"]["region"],
            )
        })
        .collect();
    assert_eq!(regions[0].0, "harbour-times.md");
    assert_eq!(regions[0].1["startLine"], 5);
    assert_eq!(regions[0].1["startColumn"], 47);
    assert_eq!(regions[0].1["endColumn"], 51);
    assert_eq!(regions[0].1["snippet"]["text"], "2013");
    assert_eq!(regions[1].0, "river-post.md");
    assert_eq!(regions[1].1["startLine"], 7);
}

// ---------------------------------------------------------------------------
// diagnostics
// ---------------------------------------------------------------------------

#[test]
fn diagnostics_underline_both_claims() {
    let (out, err, code) = check(
        &fixture("conflict"),
        &["--format", "diagnostics", "--color", "never"],
        &[],
    );
    assert_eq!(code, 1, "{err}");
    let expected = format!(
        "error[conflict]: {m}
 --> ./harbour-times.md:5:47
  |
5 | The Riverside Botanical Garden was founded in 2013.
  |                                               ^^^^ `2013` as of 2025-06-02 (published)
  |
 ::: ./river-post.md:7:47
  |
7 | The Riverside Botanical Garden was founded in 2015.
  |                                               ^^^^ `2015` as of 2025-06-04 (published)
  |
  = consensus: 2013 (support 1, opposition 1, confidence 0.50)
  = note: 2013 as of 2025-06-02 (harbour-times.md) vs 2015 as of 2025-06-04 (river-post.md): values differ for a value that does not change over time → conflict
",
        m = message()
    );
    assert!(
        out.starts_with(&expected),
        "expected:\n{expected}\ngot:\n{out}"
    );
    // the `single` finding is info: not shown without --verbose, and counted
    assert!(
        out.ends_with(
            "\n2 documents, 3 claims: 1 conflict, 0 stale, 0 changed, 0 undetermined, 0 agree, 1 single \
             (1 not shown; --verbose shows all); 1 at or above --fail-on\n"
        ),
        "{out}"
    );
    let (verbose, _, _) = check(
        &fixture("conflict"),
        &["--format", "diagnostics", "--color", "never", "-v"],
        &[],
    );
    assert!(verbose.contains("note[single]: auto:"), "{verbose}");
    assert!(
        verbose.contains("^^^^^ `three` as of 2025-06-02 (published)"),
        "{verbose}"
    );
}

#[test]
fn diagnostics_colour_follows_color_and_no_color() {
    let fx = fixture("conflict");
    let (always, _, _) = check(&fx, &["--format", "diagnostics", "--color", "always"], &[]);
    assert!(always.contains("\x1b["), "{always}");
    let (never, _, _) = check(&fx, &["--format", "diagnostics", "--color", "never"], &[]);
    assert!(!never.contains('\x1b'), "{never}");
    let (no_color, _, _) = check(&fx, &["--format", "diagnostics"], &[("NO_COLOR", "1")]);
    assert!(!no_color.contains('\x1b'), "{no_color}");
    // not a terminal: auto means no colour either
    let (auto, _, _) = check(&fx, &["--format", "diagnostics", "--color", "auto"], &[]);
    assert!(!auto.contains('\x1b'), "{auto}");
    assert_eq!(never, no_color);
}

// ---------------------------------------------------------------------------
// hostile article text
// ---------------------------------------------------------------------------

#[test]
fn escapes_and_bidi_overrides_from_articles_never_reach_the_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("a.md"),
        "---\npublished: 2025-06-02\n---\nThe Riverside Botanical Garden was founded in 2013. \x1b[31mRead \u{202E}more\x1b[0m here.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("b.md"),
        "---\npublished: 2025-06-04\n---\n\x1b[2J\u{202E}Note. The Riverside Botanical Garden was founded in 2015.\n",
    )
    .unwrap();
    for args in [
        &["--format", "diagnostics", "--color", "never"][..],
        &["--format", "diagnostics", "--color", "always"][..],
        &["--format", "diagnostics", "--color", "never", "-v"][..],
        &["--format", "github"][..],
    ] {
        let (out, err, code) = check(dir.path(), args, &[]);
        assert_eq!(code, 1, "{args:?}: the conflict is found\n{out}\n{err}");
        assert!(!out.contains('\u{202E}'), "{args:?}: raw U+202E\n{out}");
        if args.contains(&"always") {
            // colour codes are ours; the article's `ESC[31m` / `ESC[2J` are not
            assert!(
                !out.contains("\x1b[31mRead") && !out.contains("\x1b[2J"),
                "{args:?}\n{out}"
            );
        } else {
            assert!(!out.contains('\x1b'), "{args:?}: raw ESC\n{out:?}");
        }
        if args.contains(&"diagnostics") {
            // shown visibly, one character each, so the underline stays aligned
            assert!(
                out.contains("2013. ␛[31mRead �more␛[0m here."),
                "{args:?}\n{out}"
            );
        }
    }
    // the underline sits under `2015`: column 58, counting each replaced character once
    let (out, _, _) = check(
        dir.path(),
        &["--format", "diagnostics", "--color", "never"],
        &[],
    );
    let expected = format!(
        " ::: ./b.md:4:58\n  |\n4 | ␛[2J�Note. The Riverside Botanical Garden was founded in 2015.\n  | {}^^^^ `2015`",
        " ".repeat(57)
    );
    assert!(out.contains(&expected), "{out}");
}
