//! `claimcheck check` as a user runs it: the bundled corpus, edited copies of
//! it that move articles in time, small fixture corpora with one trap each,
//! invariance under duplication, renaming and thread count, exit codes and
//! the human report.
//!
//! Fixture corpora live in `tests/fixtures/check/<case>/`. Every run on a
//! fixture uses the fixture as the current directory, so the repository's
//! own `claims/` catalogue never leaks in; a case that needs a catalogue
//! carries its own `claims/` directory.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// The package root: `corpus/`, `claims/` and `tests/fixtures/` live here.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture corpus: `tests/fixtures/check/<case>`.
fn fixture(case: &str) -> PathBuf {
    root().join("tests/fixtures/check").join(case)
}

/// Runs `claimcheck ARGS…` in `dir`; returns (stdout, stderr, exit code).
fn run(dir: &Path, args: &[&str]) -> (String, String, i32) {
    run_with_env(dir, args, &[])
}

/// Like [`run`], with extra environment variables.
fn run_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
    let mut cmd = Command::cargo_bin("claimcheck").expect("claimcheck binary");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("RAYON_NUM_THREADS")
        .args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run claimcheck");
    (
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        out.status
            .code()
            .expect("exit code (not killed by a signal)"),
    )
}

/// `claimcheck check PATH --format jsonl` in `dir`, plus `extra` arguments.
fn check_jsonl(dir: &Path, path: &str, extra: &[&str]) -> (String, String, i32) {
    let mut args = vec!["check", path, "--format", "jsonl"];
    args.extend_from_slice(extra);
    run(dir, &args)
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

fn of_type(stdout: &str, ty: &str) -> Vec<Value> {
    records(stdout)
        .into_iter()
        .filter(|r| r["type"] == ty)
        .collect()
}

/// The `finding` records of a JSONL run.
fn findings(stdout: &str) -> Vec<Value> {
    of_type(stdout, "finding")
}

/// The `claim` records of a JSONL run.
fn claims(stdout: &str) -> Vec<Value> {
    of_type(stdout, "claim")
}

/// The findings for one key.
fn for_key<'a>(findings: &'a [Value], key: &str) -> Vec<&'a Value> {
    findings.iter().filter(|f| f["key"] == key).collect()
}

/// The one finding of `kind` for `key`; panics listing the key's findings otherwise.
fn finding<'a>(findings: &'a [Value], key: &str, kind: &str) -> &'a Value {
    let all = for_key(findings, key);
    let hits: Vec<&&Value> = all.iter().filter(|f| f["kind"] == kind).collect();
    assert_eq!(
        hits.len(),
        1,
        "expected one `{kind}` finding for {key}, got: {}",
        summarize(&all)
    );
    hits[0]
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

/// The claim texts of a finding, sorted.
/// The as-of of each of a finding's claims, in order.
fn as_ofs(f: &Value) -> Vec<&Value> {
    f["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["as_of"])
        .collect()
}

fn sorted_texts(f: &Value) -> Vec<String> {
    let mut t = texts(f);
    t.sort();
    t
}

/// The documents a finding's claims come from.
fn docs(f: &Value) -> BTreeSet<String> {
    f["claims"]
        .as_array()
        .expect("claims array")
        .iter()
        .map(|c| c["doc"].as_str().expect("doc").to_string())
        .collect()
}

fn summarize(fs: &[&Value]) -> String {
    fs.iter()
        .map(|f| {
            format!(
                "\n  {} {} {:?}: {}",
                f["kind"],
                f["key"],
                texts(f),
                f["message"]
            )
        })
        .collect()
}

fn conflicts(findings: &[Value]) -> Vec<&Value> {
    findings
        .iter()
        .filter(|f| f["kind"] == "conflict")
        .collect()
}

/// The findings other than `single`, for failure messages.
fn notable(findings: &[Value]) -> String {
    summarize(
        &findings
            .iter()
            .filter(|f| f["kind"] != "single")
            .collect::<Vec<_>>(),
    )
}

/// The claim records whose text is exactly `text`.
fn claims_with_text<'a>(claims: &'a [Value], text: &str) -> Vec<&'a Value> {
    let hits: Vec<&Value> = claims.iter().filter(|c| c["text"] == text).collect();
    assert!(!hits.is_empty(), "no claim with text {text:?}");
    hits
}

/// A finding as compared across runs: kind, severity, key and the sorted
/// claim texts with duplicates collapsed.
type Signature = (String, String, String, Vec<String>);

fn signatures(stdout: &str) -> BTreeSet<Signature> {
    findings(stdout)
        .iter()
        .map(|f| {
            let texts: BTreeSet<String> = texts(f).into_iter().collect();
            (
                f["kind"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["key"].as_str().unwrap().to_string(),
                texts.into_iter().collect(),
            )
        })
        .collect()
}

/// A temporary directory holding `corpus/*.txt` and `claims/` copied from
/// the package, ready to be edited.
fn corpus_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    for dir in ["corpus", "claims"] {
        fs::create_dir(tmp.path().join(dir)).unwrap();
        for entry in fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                fs::copy(&path, tmp.path().join(dir).join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    tmp
}

/// The articles of a corpus copy, sorted by name.
fn articles(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

/// Replaces exactly one occurrence of `from` in `path`.
fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} should occur once in {}",
        path.display()
    );
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

const HANOI_TIMES: &str = "2025-04-hanoitimes-hanoi-sets-up-learning-city-steering-committee.txt";
const BAOQUOCTE: &str = "2025-12-05-baoquocte-hanoi-joins-global-network-of-learning-cities.txt";

// ---------------------------------------------------------------------------
// 1. The bundled corpus
// ---------------------------------------------------------------------------

#[test]
fn bundled_corpus_jsonl_is_one_typed_record_per_line_and_exits_0() {
    let (out, err, code) = check_jsonl(&root(), "corpus/", &[]);
    assert_eq!(code, 0, "stderr: {err}");
    let recs = records(&out);
    let types: BTreeSet<&str> = recs.iter().map(|r| r["type"].as_str().unwrap()).collect();
    for ty in ["header", "document", "claim", "finding", "summary"] {
        assert!(types.contains(ty), "no `{ty}` record; types: {types:?}");
    }
    assert_eq!(recs.first().unwrap()["type"], "header");
    assert_eq!(recs.last().unwrap()["type"], "summary");
    assert_eq!(recs.iter().filter(|r| r["type"] == "document").count(), 5);
}

#[test]
fn bundled_corpus_json_is_one_document_with_schema_documents_claims_findings_summary() {
    let (out, err, code) = run(&root(), &["check", "corpus/", "--format", "json"]);
    assert_eq!(code, 0, "stderr: {err}");
    let v: Value = serde_json::from_str(&out).expect("one JSON document");
    assert!(v["schema"].is_number(), "schema: {}", v["schema"]);
    for field in ["documents", "claims", "findings"] {
        assert!(
            v[field].as_array().is_some_and(|a| !a.is_empty()),
            "{field} should be a non-empty array"
        );
    }
    assert!(v["summary"].is_object());
    assert_eq!(v["summary"]["documents"], 5);
    assert_eq!(
        v["summary"]["claims"].as_u64().unwrap(),
        v["claims"].as_array().unwrap().len() as u64
    );
}

#[test]
fn network_total_356_then_425_is_a_change_not_a_conflict() {
    let (out, _, _) = check_jsonl(&root(), "corpus/", &[]);
    let fs = findings(&out);
    let f = finding(&fs, "gnlc.members.total", "changed");
    assert_eq!(texts(f), ["356", "425"], "older value first");
    let docs = docs(f);
    assert!(docs.iter().any(|d| d.ends_with(HANOI_TIMES)), "{docs:?}");
    assert!(docs.iter().any(|d| d.ends_with(BAOQUOCTE)), "{docs:?}");
    assert!(!for_key(&fs, "gnlc.members.total")
        .iter()
        .any(|f| f["kind"] == "conflict"));
    assert!(
        f["comparisons"].as_array().is_some_and(|c| !c.is_empty()),
        "a changed finding explains itself"
    );
}

#[test]
fn vietnamese_member_cities_five_then_6_is_a_change() {
    let (out, _, _) = check_jsonl(&root(), "corpus/", &[]);
    let fs = findings(&out);
    let f = finding(&fs, "vn.gnlc.members", "changed");
    assert_eq!(texts(f), ["five", "6"]);
}

#[test]
fn document_dates_repeated_by_two_outlets_agree() {
    let (out, _, _) = check_jsonl(&root(), "corpus/", &[]);
    let fs = findings(&out);
    for key in [
        "vn.resolution-71.date",
        "vn.education-integration-plan.approved",
    ] {
        let f = finding(&fs, key, "agree");
        assert_eq!(
            docs(f).len(),
            2,
            "{key}: claims from two different articles: {:?}",
            docs(f)
        );
        assert_eq!(
            f["consensus"]["support"], 2,
            "{key}: two independent sources"
        );
    }
}

#[test]
fn counts_repeated_within_an_article_agree() {
    let (out, _, _) = check_jsonl(&root(), "corpus/", &[]);
    let fs = findings(&out);
    for value in ["2,913", "526"] {
        let found = fs.iter().any(|f| {
            f["kind"] == "agree" && texts(f).len() >= 2 && texts(f).iter().all(|t| t == value)
        });
        assert!(
            found,
            "an `agree` finding whose claims all read {value}; findings: {}",
            notable(&fs)
        );
    }
}

#[test]
fn bundled_corpus_has_no_conflict() {
    let (out, _, code) = check_jsonl(&root(), "corpus/", &[]);
    let fs = findings(&out);
    assert!(
        conflicts(&fs).is_empty(),
        "conflicts: {}",
        summarize(&conflicts(&fs))
    );
    assert_eq!(code, 0);
}

#[test]
fn literacy_targets_99_5_and_99_6_percent_for_different_horizons_are_not_compared() {
    let (out, _, _) = check_jsonl(&root(), "corpus/", &[]);
    let cs = claims(&out);
    for c in claims_with_text(&cs, "99.5%")
        .into_iter()
        .chain(claims_with_text(&cs, "99.6%"))
    {
        assert_eq!(
            c["modality"], "target",
            "{} is a goal: {}",
            c["text"], c["sentence"]
        );
    }
    let h5 = &claims_with_text(&cs, "99.5%")[0]["horizon"];
    let h6 = &claims_with_text(&cs, "99.6%")[0]["horizon"];
    assert_ne!(h5, h6, "medium-term vs long-term goals");
    let fs = findings(&out);
    for f in fs.iter().filter(|f| f["kind"] != "single") {
        let t = texts(f);
        assert!(
            !(t.iter().any(|x| x == "99.5%") && t.iter().any(|x| x == "99.6%")),
            "99.5% and 99.6% compared in: {}",
            summarize(&[f])
        );
    }
}

#[test]
fn countries_of_different_meaning_get_different_keys() {
    // `425 member cities in 91 countries` (network total), `72 cities from
    // 46 countries` (this year's cohort), `Thirteen countries joined … for
    // the first time`: three different quantities.
    let (out, _, _) = check_jsonl(&root(), "corpus/", &[]);
    let cs = claims(&out);
    let keys: Vec<(&str, BTreeSet<String>)> = ["91", "46", "Thirteen"]
        .into_iter()
        .map(|t| {
            (
                t,
                claims_with_text(&cs, t)
                    .iter()
                    .map(|c| c["key"].as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    for (i, (ta, ka)) in keys.iter().enumerate() {
        for (tb, kb) in &keys[i + 1..] {
            assert!(
                ka.is_disjoint(kb),
                "{ta} ({ka:?}) and {tb} ({kb:?}) share a key"
            );
        }
    }
    let fs = findings(&out);
    for f in &fs {
        let t = texts(f);
        let n = ["91", "46", "Thirteen"]
            .iter()
            .filter(|x| t.iter().any(|y| y == *x))
            .count();
        assert!(
            n <= 1,
            "countries of different meaning compared: {}",
            summarize(&[f])
        );
    }
}

#[test]
fn claim_locations_point_at_the_number_in_the_file() {
    let (out, _, _) = check_jsonl(&root(), "corpus/", &[]);
    let cs = claims(&out);
    let c = claims_with_text(&cs, "356")[0];
    let text = fs::read_to_string(root().join(c["doc"].as_str().unwrap())).unwrap();
    let line = text
        .lines()
        .nth(c["line"].as_u64().unwrap() as usize - 1)
        .unwrap();
    let at: String = line
        .chars()
        .skip(c["column"].as_u64().unwrap() as usize - 1)
        .collect();
    assert!(
        at.starts_with("356 member cities"),
        "line {} column {} reads {at:?}",
        c["line"],
        c["column"]
    );
}

// ---------------------------------------------------------------------------
// 2. Time: the same claims, articles moved in time
// ---------------------------------------------------------------------------

#[test]
fn without_publication_dates_the_network_total_is_undetermined() {
    let tmp = corpus_copy();
    for a in articles(&tmp.path().join("corpus")) {
        let text = fs::read_to_string(&a).unwrap();
        let kept: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with("published:"))
            .collect();
        assert!(
            kept.len() < text.lines().count(),
            "{} had a published: line",
            a.display()
        );
        fs::write(&a, kept.join("\n") + "\n").unwrap();
    }
    let (out, err, code) = check_jsonl(tmp.path(), "corpus/", &[]);
    assert_eq!(code, 0, "stderr: {err}");
    let fs = findings(&out);
    let f = finding(&fs, "gnlc.members.total", "undetermined");
    assert_eq!(texts(f), ["356", "425"]);
    assert!(
        !for_key(&fs, "gnlc.members.total")
            .iter()
            .any(|f| f["kind"] == "conflict" || f["kind"] == "changed"),
        "{}",
        summarize(&for_key(&fs, "gnlc.members.total"))
    );
}

#[test]
fn the_old_total_dated_the_same_day_as_the_new_one_is_a_gross_conflict() {
    let tmp = corpus_copy();
    edit(
        &tmp.path().join("corpus").join(HANOI_TIMES),
        "published: 2025-04\n",
        "published: 2025-12-05\n",
    );
    let (out, _, code) = check_jsonl(tmp.path(), "corpus/", &[]);
    let fs = findings(&out);
    let f = finding(&fs, "gnlc.members.total", "conflict");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["grade"], "gross");
    assert_eq!(texts(f), ["356", "425"]);
    assert_eq!(code, 1);
}

#[test]
fn the_old_total_repeated_after_the_new_one_was_known_is_stale() {
    let tmp = corpus_copy();
    edit(
        &tmp.path().join("corpus").join(HANOI_TIMES),
        "published: 2025-04\n",
        "published: 2026-02-01\n",
    );
    let (out, err, code) = check_jsonl(tmp.path(), "corpus/", &[]);
    assert_eq!(
        code, 0,
        "a stale value is a warning, below the default --fail-on; stderr: {err}"
    );
    let fs = findings(&out);
    let f = finding(&fs, "gnlc.members.total", "stale");
    assert_eq!(f["severity"], "warning");
    assert!(texts(f).contains(&"356".to_string()), "{:?}", texts(f));
    assert!(!for_key(&fs, "gnlc.members.total")
        .iter()
        .any(|f| f["kind"] == "conflict"));

    let (_, _, code) = check_jsonl(tmp.path(), "corpus/", &["--fail-on", "warning"]);
    assert_eq!(code, 1, "--fail-on warning trips on a stale finding");
}

// ---------------------------------------------------------------------------
// 3. Fixture corpora, one trap each
// ---------------------------------------------------------------------------

#[test]
fn two_founding_years_for_one_garden_conflict_without_a_catalogue() {
    let dir = fixture("contradiction");
    assert!(
        !dir.join("claims").exists(),
        "this case runs on automatic keys"
    );
    let (out, _, code) = check_jsonl(&dir, ".", &[]);
    let fs = findings(&out);
    assert!(
        conflicts(&fs)
            .iter()
            .any(|f| sorted_texts(f) == ["2013", "2015"]),
        "a conflict between 2013 and 2015; findings: {}",
        notable(&fs)
    );
    assert_eq!(code, 1);
}

#[test]
fn nearly_90000_agrees_with_89650() {
    let (out, _, code) = check_jsonl(&fixture("approximate-agrees"), ".", &[]);
    let fs = findings(&out);
    assert!(conflicts(&fs).is_empty(), "{}", notable(&fs));
    let agree = fs
        .iter()
        .find(|f| f["kind"] == "agree")
        .unwrap_or_else(|| panic!("no agree finding: {}", notable(&fs)));
    assert_eq!(sorted_texts(agree), ["89,650", "nearly 90,000"]);
    assert_eq!(code, 0);
}

#[test]
fn more_than_500_is_contradicted_by_420_but_not_by_512_without_a_catalogue() {
    let dir = fixture("bound-violated");
    assert!(
        !dir.join("claims").exists(),
        "this case runs on automatic keys"
    );
    let (out, _, code) = check_jsonl(&dir, ".", &[]);
    let fs = findings(&out);
    let c = conflicts(&fs);
    assert!(
        c.iter().any(|f| {
            let t = texts(f);
            t.contains(&"420".to_string()) && t.contains(&"more than 500".to_string())
        }),
        "420 contradicts `more than 500`; findings: {}",
        notable(&fs)
    );
    // `more than 500` allows 512: the two are never compared as contradicting
    // (they may share the one dispute that 420 raises against both)
    for f in &fs {
        for cmp in f["comparisons"].as_array().into_iter().flatten() {
            let cmp = cmp.as_str().unwrap();
            assert!(
                !(cmp.contains("512") && cmp.contains("more than 500")),
                "{cmp}"
            );
        }
    }
    let support = c[0]["consensus"]["support"].as_u64();
    assert_eq!(
        support,
        Some(2),
        "`more than 500` and 512 support each other"
    );
    assert_eq!(code, 1);
}

#[test]
fn a_literacy_target_does_not_contradict_the_reported_rate() {
    let dir = fixture("target-vs-fact");
    let empty = tempfile::tempdir().unwrap();
    let empty_claims = empty.path().to_str().unwrap();
    // with the case's own catalogue (a tracked key) and with none (automatic keys)
    for extra in [vec![], vec!["--claims", empty_claims]] {
        let (out, err, code) = check_jsonl(&dir, ".", &extra);
        assert_eq!(code, 0, "{extra:?}: stderr: {err}");
        let cs = claims(&out);
        let target = claims_with_text(&cs, "99%")[0];
        assert_eq!(
            target["modality"], "target",
            "{extra:?}: {}",
            target["sentence"]
        );
        assert_eq!(claims_with_text(&cs, "97.2%")[0]["modality"], "fact");
        let fs = findings(&out);
        assert!(conflicts(&fs).is_empty(), "{extra:?}: {}", notable(&fs));
        for f in fs.iter().filter(|f| f["kind"] != "single") {
            let t = texts(f);
            assert!(
                !(t.contains(&"99%".to_string()) && t.contains(&"97.2%".to_string())),
                "{extra:?}: target compared with fact: {}",
                summarize(&[f])
            );
        }
    }
}

#[test]
fn network_totals_and_this_years_newcomers_get_different_keys() {
    let dir = fixture("same-number-different-things");
    let (out, _, code) = check_jsonl(&dir, ".", &[]);
    let fs = findings(&out);
    assert!(conflicts(&fs).is_empty(), "{}", notable(&fs));
    assert_eq!(code, 0);
    let cs = claims(&out);
    let key = |t: &str| {
        let hits = claims_with_text(&cs, t);
        assert_eq!(hits.len(), 1, "one claim reads {t}");
        hits[0]["key"].as_str().unwrap().to_string()
    };
    let cities: Vec<(&str, String)> = ["300", "45", "12"]
        .into_iter()
        .map(|t| (t, key(t)))
        .collect();
    for (i, (ta, ka)) in cities.iter().enumerate() {
        for (tb, kb) in &cities[i + 1..] {
            assert_ne!(ka, kb, "{ta} and {tb} cities are different quantities");
        }
    }
    assert_ne!(
        key("80"),
        key("20"),
        "countries in the network vs countries of this year's newcomers"
    );
}

#[test]
fn a_fleet_size_reported_a_year_apart_has_changed() {
    let (out, _, code) = check_jsonl(&fixture("changed-over-time"), ".", &[]);
    let fs = findings(&out);
    let f = fs
        .iter()
        .find(|f| f["kind"] == "changed")
        .unwrap_or_else(|| panic!("no changed finding: {}", notable(&fs)));
    assert_eq!(texts(f), ["1,800", "2,400"], "older value first");
    assert!(conflicts(&fs).is_empty(), "{}", notable(&fs));
    assert_eq!(code, 0);
}

/// `Six new towns joined … in 2014`: the year of the joining is when the
/// count holds, not the day the article came out; `Founded in 1998, … has
/// 12 staff` holds when it is reported; `built in 1962 and renovated in
/// 2011` dates two events; two school years that share a calendar year are
/// two times.
#[test]
fn newcomers_of_different_years_changed_rather_than_conflict() {
    let (out, _, code) = check_jsonl(&fixture("yearly-newcomers"), ".", &[]);
    let fs = findings(&out);
    assert!(conflicts(&fs).is_empty(), "{}", notable(&fs));
    assert_eq!(code, 0);
    let f = fs
        .iter()
        .find(|f| f["kind"] == "changed" && texts(f) == ["Six", "Seven"])
        .unwrap_or_else(|| panic!("newcomers not a change: {}", notable(&fs)));
    assert_eq!(as_ofs(f), ["2014", "2015"]);
    // the 2013-2014 school year is not the 2014-2015 one, though both hold 2014
    for key in [
        "auto:mekongheritagealliance/count/new guide [flow]",
        "auto:mekongheritagealliance/count/heritage class",
    ] {
        let f = finding(&fs, key, "changed");
        assert_eq!(as_ofs(f), ["2013..2014", "2014..2015"], "{key}");
    }
    // a building's renovation year is not the year it was built
    let built = finding(&fs, "auto:pakse/year/date office built", "agree");
    assert_eq!(texts(built), ["1962", "1962"]);
    // renovated twice is no contradiction: each renovation is its year's
    finding(&fs, "auto:pakse/year/date office renovated [2011]", "agree");
    let cs = claims(&out);
    for staff in ["12", "15"] {
        let c = claims_with_text(&cs, staff);
        assert_eq!(c[0]["as_of_source"], "published", "{staff} staff: {c:?}");
    }
}

/// A bridge's age, a pagoda's age and the ages a class is open to are three
/// quantities of one town, not one.
#[test]
fn ages_of_different_things_get_different_keys() {
    let (out, _, code) = check_jsonl(&fixture("ages-of-different-things"), ".", &["-v"]);
    let fs = findings(&out);
    assert_eq!(code, 0);
    let bridge = finding(&fs, "auto:donglam/age/age of bridge", "agree");
    assert_eq!(texts(bridge), ["300-year-old", "300-year-old"]);
    finding(&fs, "auto:donglam/age/age of pagoda", "single");
    let people = for_key(&fs, "auto:donglam/age/age of person");
    assert_eq!(people.len(), 1, "{}", notable(&fs));
    assert_eq!(sorted_texts(people[0]), ["15-35", "15-60"]);
    assert!(
        fs.iter()
            .all(|f| f["kind"] != "changed" && f["kind"] != "conflict"),
        "{}",
        notable(&fs)
    );
}

/// `in the first` / `quarter` across a line break is the first quarter, so
/// two consultancies' prices for it meet (and contradict); `The pass rate
/// of this year's … exam was 99.02%` is the pass rate, whatever the length
/// of the of-phrase.
#[test]
fn a_quarter_across_lines_and_a_long_rate_name_are_read() {
    let (out, _, code) = check_jsonl(&fixture("property-prices"), ".", &["-v"]);
    let fs = findings(&out);
    let conflicts = conflicts(&fs);
    assert_eq!(conflicts.len(), 1, "{}", notable(&fs));
    assert_eq!(conflicts[0]["key"], "auto:hanoi/money/VND price");
    assert_eq!(
        sorted_texts(conflicts[0]),
        ["VND75 million", "VND80 million"]
    );
    assert_eq!(code, 1);
    let rate = finding(
        &fs,
        "auto:ministryofeducationandtraining/percent/pass rate",
        "changed",
    );
    assert!(texts(rate).contains(&"99.02%".to_string()), "{rate}");
}

/// A one-word name the title opens with and the article never writes in
/// lower case (`Nepal tourism rebounds` over `Nepal welcomed …`) is the
/// article's subject, not the one other name written mid-sentence
/// (`India`); `said it would host` reports a plan, not a fact.
#[test]
fn a_title_name_and_a_reported_plan_are_read_as_such() {
    let (out, _, code) = check_jsonl(&fixture("tourism-and-plans"), ".", &["-v"]);
    let fs = findings(&out);
    assert!(conflicts(&fs).is_empty(), "{}", notable(&fs));
    assert_eq!(code, 0);
    let arrivals = finding(
        &fs,
        "auto:nepal/count/international visitor [flow]",
        "agree",
    );
    assert_eq!(docs(arrivals).len(), 2, "{arrivals}");
    let delegates = fs
        .iter()
        .find(|f| f["key"] == "auto:hanoi/count/delegate")
        .expect("delegates");
    let modalities: Vec<&Value> = delegates["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| &c["modality"])
        .collect();
    assert_eq!(modalities, ["target", "target"], "{delegates}");
}

/// Company results and league standings: `FPT Corporation` is `FPT`; `up
/// 19%` after a profit figure is the profit's growth, in the quarter the
/// article names (`first-quarter`, no year, is the last one begun); a plan
/// (`and expects full-year profit`) leaves the head count before it a fact;
/// `three points behind leaders` is a margin, not Hanoi's tally of points.
#[test]
fn growth_quarters_and_margins_are_keyed_as_what_they_are() {
    let (out, _, code) = check_jsonl(&fixture("results-and-standings"), ".", &["-v"]);
    let fs = findings(&out);
    let keys: BTreeSet<&str> = conflicts(&fs)
        .iter()
        .filter_map(|f| f["key"].as_str())
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from([
            "auto:fpt/percent/profit growth",
            "auto:hanoi/count/point behind"
        ]),
        "{}",
        notable(&fs)
    );
    assert_eq!(code, 1);
    let profit = finding(&fs, "auto:fpt/money/VND profit", "agree");
    assert_eq!(as_ofs(profit), ["2025-01..2025-03", "2025-01..2025-03"]);
    finding(&fs, "auto:fpt/count/employee", "agree");
    finding(&fs, "auto:hanoi/count/point", "agree");
}

/// What befell the things counted is part of what is counted: hectares a
/// fire burned are not the province's hectares of forest, nor injured
/// firefighters its firefighters.
#[test]
fn burned_damaged_and_injured_are_counted_apart() {
    let (out, _, code) = check_jsonl(&fixture("wildfire"), ".", &["-v"]);
    let fs = findings(&out);
    assert!(conflicts(&fs).is_empty(), "{}", notable(&fs));
    assert_eq!(code, 0);
    let burned = finding(&fs, "auto:khanhhoa/count/hectare burned", "agree");
    assert_eq!(sorted_texts(burned), ["about 1,250", "more than 1,200"]);
    finding(&fs, "auto:khanhhoa/count/hectare", "single");
    finding(&fs, "auto:khanhhoa/count/firefighter", "single");
    finding(&fs, "auto:khanhhoa/count/house damaged", "single");
    let injured = finding(
        &fs,
        "auto:khanhhoa/count/firefighter injured",
        "undetermined",
    );
    assert_eq!(sorted_texts(injured), ["Four", "Two"]);
}

/// A second predicate (`carried … last year and has 98 aircraft`) holds a
/// stock of its own; `the airline` refers back to `Vietnam Airlines`; a
/// name hard-wrapped across lines (`Ho Chi` / `Minh City`) is one name;
/// `X, with 9.4 million` is X's, and a bare count in a parallel clause
/// (`while Ho Chi Minh City had 9.5 million`) counts what its parallel does.
#[test]
fn parallel_clauses_back_references_and_wrapped_names_are_read_whole() {
    let (out, _, code) = check_jsonl(&fixture("airline-and-census"), ".", &["-v"]);
    let fs = findings(&out);
    let keys: BTreeSet<&str> = conflicts(&fs)
        .iter()
        .filter_map(|f| f["key"].as_str())
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from([
            "auto:vietnam/count/person",
            "auto:vietnamairlines/count/passenger [flow]",
        ]),
        "{}",
        notable(&fs)
    );
    assert_eq!(code, 1);
    let hcmc = finding(&fs, "auto:hochiminhcity/count/person", "agree");
    assert_eq!(sorted_texts(hcmc), ["9.4 million", "9.5 million"]);
    finding(&fs, "auto:vietnamairlines/count/aircraft", "single");
}

/// `The company` means the last company named, even when that name came in
/// a sentence without a number: the steel group's revenue, quoted in a port
/// article, agrees with the steel group's own figure and is no conflict
/// with the port authority's.
#[test]
fn a_back_reference_is_resolved_to_the_last_name_of_its_kind() {
    let (out, _, code) = check_jsonl(&fixture("back-references"), ".", &["-v"]);
    let fs = findings(&out);
    assert!(conflicts(&fs).is_empty(), "{}", notable(&fs));
    assert_eq!(code, 0);
    let agree = finding(&fs, "auto:mekongsteel/money/USD revenue", "agree");
    assert_eq!(
        docs(agree),
        BTreeSet::from([
            "./port-news.md".to_string(),
            "./steel-weekly.md".to_string()
        ])
    );
    finding(&fs, "auto:danangportauthority/money/USD revenue", "single");
}

/// A year and a day within it are not one time scope: `in 2022` it had 800
/// member cities and on 2022-02-07 732 may both be true, so the pair is
/// left to a person (undetermined), not failed as a conflict. `At the end
/// of 2021` is December 2021, before both. An age is held to the time
/// between: 124 years old in October and 126 that December contradict.
#[test]
fn nested_time_scopes_are_undetermined_unless_an_age_outruns_the_calendar() {
    let (out, _, code) = check_jsonl(&fixture("time-scopes"), ".", &["-v"]);
    let fs = findings(&out);
    let conflicts = conflicts(&fs);
    assert_eq!(conflicts.len(), 1, "{}", notable(&fs));
    assert_eq!(conflicts[0]["key"], "auto:amaralindqvisthighschool/age/age");
    assert_eq!(sorted_texts(conflicts[0]), ["124-year-old", "126-year-old"]);
    assert!(
        conflicts[0]["comparisons"][0]
            .as_str()
            .is_some_and(|c| c.contains("more years than can pass")),
        "{}",
        conflicts[0]
    );
    assert_eq!(code, 1);
    let members = "auto:alpinenetworkofcreativecities/count/member city";
    let nested = finding(&fs, members, "undetermined");
    assert_eq!(sorted_texts(nested), ["732", "800"]);
    assert!(
        nested["comparisons"][0]
            .as_str()
            .is_some_and(|c| c.contains("lies within the other")),
        "{nested}"
    );
    let changed = finding(&fs, members, "changed");
    assert_eq!(as_ofs(changed)[0], "2021-12", "{changed}");
}

/// A window (`within six months`) is part of the figure measured over it:
/// a share within 12 months is another figure than a share within 6, and
/// the windows are no claims of their own. Two shares within one window on
/// one day still contradict each other.
#[test]
fn a_figure_is_compared_only_with_figures_over_the_same_window() {
    let (out, _, code) = check_jsonl(&fixture("measurement-windows"), ".", &["-v"]);
    let fs = findings(&out);
    let conflicts = conflicts(&fs);
    assert_eq!(conflicts.len(), 1, "{}", notable(&fs));
    assert_eq!(
        conflicts[0]["key"],
        "auto:lakeviewuniversity/percent/share of graduate within 6 month"
    );
    assert_eq!(sorted_texts(conflicts[0]), ["55%", "61 percent", "61%"]);
    assert_eq!(code, 1);
    finding(
        &fs,
        "auto:lakeviewuniversity/percent/share of graduate within 12 month",
        "single",
    );
    assert!(
        !fs.iter()
            .any(|f| f["key"].as_str().is_some_and(|k| k.contains("/duration/"))),
        "{}",
        notable(&fs)
    );
}

/// Dated events are keyed by what happened: a summit and a festival held
/// in one city, a budget and a master plan approved by one council, and two
/// organisations' annual meetings in one city are each their own event.
/// Two dates for the one summit still contradict each other.
#[test]
fn events_in_one_place_are_told_apart_by_what_happened() {
    let (out, _, code) = check_jsonl(&fixture("event-dates"), ".", &["-v"]);
    let fs = findings(&out);
    let conflicts = conflicts(&fs);
    assert_eq!(conflicts.len(), 1, "{}", notable(&fs));
    assert_eq!(
        conflicts[0]["key"],
        "auto:hanoi/date/date regional trade summit held"
    );
    assert_eq!(
        sorted_texts(conflicts[0]),
        ["March 3, 2023", "March 5, 2023"]
    );
    assert_eq!(code, 1);
    for key in [
        "auto:hanoi/date/date lantern festival held",
        "auto:hanoi/date/date budget approved",
        "auto:hanoi/date/date master plan approved",
        "auto:esiatelecom/date/date annual meeting held [2023]",
        "auto:mekongtourismassociation/date/date annual meeting held [2023]",
    ] {
        finding(&fs, key, "single");
    }
}

/// Each year's annual meeting has its own date, and a new office opened in
/// 2014 is not the one opened in 2023; two dates for the 2020 meeting still
/// contradict each other. A temple the cooperative is home to is not as old
/// as the cooperative.
#[test]
fn repeated_events_are_compared_within_their_year() {
    let (out, _, code) = check_jsonl(&fixture("repeated-events"), ".", &["-v"]);
    let fs = findings(&out);
    let conflicts = conflicts(&fs);
    assert_eq!(conflicts.len(), 1, "{}", notable(&fs));
    assert_eq!(
        conflicts[0]["key"],
        "auto:tanmaicooperative/date/date annual meeting held [2020]"
    );
    assert_eq!(
        sorted_texts(conflicts[0]),
        ["July 14, 2020", "July 17, 2020"]
    );
    assert_eq!(code, 1);
    for key in [
        "auto:tanmaicooperative/date/date annual meeting held [2025]",
        "auto:tanmaicooperative/date/date opened [2014-10]",
        "auto:tanmaicooperative/date/date opened [2023-05]",
    ] {
        finding(&fs, key, "single");
    }
    // only the cooperative's own age is checked against its founding
    let ages: Vec<&Value> = fs.iter().filter(|f| f["kind"] == "age-vs-year").collect();
    assert_eq!(ages.len(), 1, "{}", notable(&fs));
    assert_eq!(ages[0]["severity"], "info");
    assert_eq!(texts(ages[0]), ["104-year-old", "1921"]);
}

#[test]
fn a_fact_beside_a_future_clause_is_still_a_fact() {
    let (out, _, code) = check_jsonl(&fixture("fact-beside-future-clause"), ".", &[]);
    let cs = claims(&out);
    assert_eq!(claims_with_text(&cs, "89,650")[0]["modality"], "fact");
    let fs = findings(&out);
    let agree = fs
        .iter()
        .find(|f| f["kind"] == "agree")
        .unwrap_or_else(|| panic!("no agree finding: {}", notable(&fs)));
    assert_eq!(sorted_texts(agree), ["89,650", "nearly 90,000"]);
    assert_eq!(code, 0);
}

/// Totals over a period, as news writes them: the same year's passengers
/// under two verbs, `last year` for the year before publication, a part of
/// a year that is not the year, and `the airport` for the airport named
/// before it.
#[test]
fn period_totals_meet_whatever_verb_or_time_words_a_source_uses() {
    let (out, _, code) = check_jsonl(&fixture("period-totals"), ".", &[]);
    let fs = findings(&out);
    let cs = claims(&out);
    let key = "auto:lakeshoreinternationalairport/count/passenger [flow]";
    // `welcomed 12.4 million … in 2024` vs `served 11.2 million … in 2024`,
    // and `Last year, … 11.2 million` in an article of 2025
    let conflict = finding(&fs, key, "conflict");
    assert_eq!(
        sorted_texts(conflict),
        ["11.2 million", "11.2 million", "12.4 million"]
    );
    assert_eq!(as_ofs(conflict), ["2024", "2024", "2024"]);
    assert_eq!(code, 1);
    // the first ten months of 2025 are not 2025, nor 2024
    let ten_months = claims_with_text(&cs, "10.1 million")[0];
    assert_eq!(ten_months["as_of"], "2025-01..2025-10");
    assert_eq!(ten_months["key"], key);
    // `The airport currently operates 26 …` is the airport's, as surely as
    // `Lakeshore International Airport now operates 31 …`
    let routes = finding(
        &fs,
        "auto:lakeshoreinternationalairport/count/international route",
        "changed",
    );
    assert_eq!(sorted_texts(routes), ["26", "26", "31"]);
    for c in claims_with_text(&cs, "26") {
        assert_eq!(c["key_confidence"], "high", "{c}");
    }
}

/// A company's results as three outlets write them: the amount's noun
/// before its verb (`net profit rose 23% year-on-year to …`), a founding
/// under two verbs, and a sentence that opens with its event.
#[test]
fn company_results_are_keyed_by_what_the_amount_is() {
    let (out, _, code) = check_jsonl(&fixture("company-results"), ".", &[]);
    let fs = findings(&out);
    let profit = finding(&fs, "auto:greenfieldbank/money/VND profit", "conflict");
    assert_eq!(
        sorted_texts(profit),
        ["VND4,200 billion", "VND4,850 billion"]
    );
    assert_eq!(as_ofs(profit), ["2025-01..2025-06", "2025-01..2025-06"]);
    // `founded in 1993`, `established in 1993`, `Founded in 1995, the bank`
    let founded = finding(&fs, "auto:greenfieldbank/year/date founded", "conflict");
    assert_eq!(sorted_texts(founded), ["1993", "1993", "1995"]);
    // `Total assets reached …` and `total assets stood at …`
    let assets = finding(&fs, "auto:greenfieldbank/money/USD asset", "agree");
    assert_eq!(texts(assets), ["USD12.5 billion", "USD12.5 billion"]);
    // the profit target for the full year is not the half-year's figure
    let cs = claims(&out);
    assert_eq!(
        claims_with_text(&cs, "VND9,000 billion")[0]["modality"],
        "target"
    );
    assert_eq!(code, 1);
}

/// A festival announced for two different days, and a city's literacy
/// rate written two ways.
#[test]
fn a_scheduled_day_and_a_rate_are_compared_however_they_are_written() {
    let (out, _, code) = check_jsonl(&fixture("festival-schedule"), ".", &[]);
    let fs = findings(&out);
    // `will take place on Saturday, June 14` vs `will be held on June 15`:
    // one event, a schedule (not a projection) in both
    let day = finding(
        &fs,
        "auto:riversidelanternfestival/date/date held",
        "conflict",
    );
    assert_eq!(
        sorted_texts(day),
        ["June 15, 2025", "Saturday, June 14, 2025"]
    );
    assert_eq!(code, 1);
    let cs = claims(&out);
    // `its literacy rate reached 97.2%` and `had a literacy rate of 97.5%`
    // name one property, whatever count stands nearby
    for rate in ["97.2%", "97.5%"] {
        let c = claims_with_text(&cs, rate)[0];
        assert!(
            c["key"]
                .as_str()
                .unwrap()
                .ends_with("/percent/literacy rate"),
            "{c}"
        );
    }
    // `The city's …` in an article about a festival is not the festival's
    let population = claims_with_text(&cs, "nearly 1.2 million")[0];
    assert_eq!(population["key_confidence"], "low", "{population}");
    // `Five countries will send performers:` and four named
    let list = fs
        .iter()
        .find(|f| f["kind"] == "count-vs-list")
        .unwrap_or_else(|| panic!("no count-vs-list: {}", notable(&fs)));
    assert_eq!(list["severity"], "warning");
}

/// A power plant's figures in running text, a `Key figures` list and an
/// adjective, with the company named in full and in short.
#[test]
fn a_plants_figures_meet_across_lists_abbreviations_and_short_names() {
    let (out, _, _) = check_jsonl(&fixture("plant-figures"), ".", &[]);
    let fs = findings(&out);
    let cs = claims(&out);
    // `450 MW`, `- Capacity: 450 MW` and `The 480-megawatt plant`: one
    // measure, and the 480 is no projection for the `will` of its
    // sentence's second predicate
    let mw = finding(&fs, "auto:northwindenergy/count/megawatt", "changed");
    assert_eq!(sorted_texts(mw), ["450", "450", "480-megawatt"]);
    // `- Panels: 1.1 million` is a count of panels, and agrees with `1.1
    // million panels`
    let panels = finding(&fs, "auto:northwindenergy/count/panel", "agree");
    assert_eq!(texts(panels).len(), 2);
    // `Northwind, the 75-year-old utility, was founded in 1950` is
    // Northwind Energy's founding
    finding(&fs, "auto:northwindenergy/year/date founded", "agree");
    // `up 6 percentage points from 2024`: 2024 is the base, not the time
    assert_eq!(claims_with_text(&cs, "42%")[0]["as_of"], "2025-10-03");
    // `In Q3 2025`
    assert_eq!(
        claims_with_text(&cs, "€1.4bn")[0]["as_of"],
        "2025-07..2025-09"
    );
    // October 1, 2025 was a Wednesday
    let weekday = fs
        .iter()
        .find(|f| f["kind"] == "weekday" && f["severity"] == "warning")
        .unwrap_or_else(|| panic!("no weekday warning: {}", notable(&fs)));
    assert_eq!(texts(weekday), ["Tuesday, October 1, 2025"]);
}

/// A count repeated months after a newer one was reported, in a sentence
/// whose other clause plans an event after publication.
#[test]
fn a_plan_after_publication_does_not_date_the_facts_beside_it() {
    let (out, _, code) = check_jsonl(&fixture("stale-beside-a-plan"), ".", &[]);
    let fs = findings(&out);
    let cs = claims(&out);
    // `which has 84 member libraries, will hold its reading week from
    // March 3`: the 84 holds when the article is published
    let repeated = claims_with_text(&cs, "84")
        .into_iter()
        .find(|c| c["doc"] == "./reading-week.md")
        .expect("the repeated 84");
    assert_eq!(repeated["as_of"], "2025-02-10");
    let stale = finding(
        &fs,
        "auto:coastallibrarynetwork/count/member library",
        "stale",
    );
    assert_eq!(sorted_texts(stale), ["84", "90"]);
    // the syndicated copy of the 90 is one source with its original
    let changed = finding(
        &fs,
        "auto:coastallibrarynetwork/count/member library",
        "changed",
    );
    assert_eq!(sorted_texts(changed), ["84", "90"]);
    assert_eq!(
        code, 0,
        "a stale value is a warning, below --fail-on conflict"
    );
}

/// A country's year in figures as three outlets write it: growth under
/// three verbs, visitors under three nouns, a target beside a fact.
#[test]
fn a_countrys_figures_meet_under_the_words_each_outlet_picks() {
    let (out, _, code) = check_jsonl(&fixture("economy-figures"), ".", &[]);
    let fs = findings(&out);
    let cs = claims(&out);
    // `GDP grows 7.09%`, `GDP grew by 7.09%`, `economy expanded 7.1%`
    let growth = finding(&fs, "auto:vietnam/percent/gdp growth", "agree");
    assert_eq!(texts(growth).len(), 4);
    // `exceeding the National Assembly's target of 6-6.5%`: the target is
    // the other clause's; the growth is a fact
    for c in claims_with_text(&cs, "7.09%") {
        assert_eq!(c["modality"], "fact", "{c}");
    }
    assert_eq!(claims_with_text(&cs, "6-6.5%")[0]["modality"], "target");
    // international visitors, foreign tourists, international arrivals;
    // `The country received …` under the headline `Economy expands …`
    let visitors = finding(
        &fs,
        "auto:vietnam/count/international visitor [flow]",
        "conflict",
    );
    assert_eq!(
        sorted_texts(visitors),
        ["12.6 million", "17.5 million", "17.6 million"]
    );
    // `up 39.5% year-on-year` is the visitors' growth, not a share of them
    assert_eq!(
        claims_with_text(&cs, "39.5%")[0]["key"],
        "auto:vietnam/percent/international visitor growth"
    );
    // `gross domestic product (GDP)` names no subject
    assert!(cs.iter().all(|c| c["subject"] != "GDP"));
    assert_eq!(code, 1);
}

/// Two cities compared in each of two articles: each city's figures stay
/// its own, whichever article is about which.
#[test]
fn two_cities_in_one_article_keep_their_own_figures() {
    let (out, _, code) = check_jsonl(&fixture("two-cities"), ".", &[]);
    let fs = findings(&out);
    // `Hanoi metro ridership climbs` is about Hanoi (`The city has 8.5
    // million residents`); `Hanoi, with 8.4 million people, …` opens a
    // sentence of an article about Ho Chi Minh City and is still Hanoi
    let hanoi = finding(&fs, "auto:hanoi/count/person", "agree");
    assert_eq!(sorted_texts(hanoi), ["8.4 million", "8.5 million"]);
    let hcmc = finding(&fs, "auto:hochiminhcity/count/person", "agree");
    assert_eq!(sorted_texts(hcmc), ["9.5 million", "9.5 million"]);
    // nor do the two lines' stations and lengths meet
    assert!(
        fs.iter()
            .all(|f| !matches!(f["kind"].as_str(), Some("conflict" | "changed" | "stale"))),
        "{}",
        notable(&fs)
    );
    assert_eq!(code, 0);
}

/// A port's figures: a pronoun that carries the subject on, and a
/// workforce that counts employees.
#[test]
fn it_and_a_workforce_carry_a_ports_figures() {
    let (out, _, code) = check_jsonl(&fixture("port-figures"), ".", &[]);
    let fs = findings(&out);
    // `It employs 3,100 people` after `Saigon Port handled …`, and `a
    // workforce of 3,100`
    let staff = finding(&fs, "auto:saigonport/count/employee", "agree");
    assert_eq!(texts(staff), ["3,100", "3,100"]);
    // `handled 45.2 million tonnes … in 2024` vs `said it handled 41.8
    // million tonnes … last year`, both published in 2025
    let cargo = finding(&fs, "auto:saigonport/count/tonne [flow]", "conflict");
    assert_eq!(as_ofs(cargo), ["2024", "2024"]);
    assert_eq!(code, 1);
}

/// A flood story told over a week: the toll rises, the missing are found,
/// one source dates the start two days early.
#[test]
fn a_disasters_toll_the_missing_and_the_evacuated_are_counted_apart() {
    let (out, _, code) = check_jsonl(&fixture("disaster-toll"), ".", &[]);
    let fs = findings(&out);
    // `at least 30` then 47 killed: consistent, and nothing else mixed in
    let dead = finding(&fs, "auto:quangbinh/count/person dead", "agree");
    assert!(
        texts(dead).iter().all(|t| t.contains("30") || t == "47"),
        "{}",
        notable(&fs)
    );
    assert!(dead["message"].as_str().unwrap().ends_with("agree on 47"));
    let missing = finding(&fs, "auto:quangbinh/count/person missing", "changed");
    assert_eq!(texts(missing), ["12", "5"]);
    finding(&fs, "auto:quangbinh/count/person evacuated", "changed");
    // `began on September 9` vs `began on September 7`
    let start = finding(&fs, "auto:quangbinh/date/date started", "conflict");
    assert_eq!(sorted_texts(start), ["September 7", "September 9"]);
    // a growing count given as bounds is not stale; the hotline is no claim
    assert!(fs.iter().all(|f| f["kind"] != "stale"), "{}", notable(&fs));
    let cs = claims(&out);
    assert!(cs
        .iter()
        .all(|c| !c["text"].as_str().unwrap().contains("1900")));
    assert_eq!(code, 1);
}

/// Two reports of one council election: each party's seats agree, the
/// whole council's seats are not a party's, and both turnouts are turnout.
#[test]
fn election_results_keep_each_partys_seats_apart() {
    let (out, _, _) = check_jsonl(&fixture("election-results"), ".", &[]);
    let fs = findings(&out);
    for (key, seats) in [
        ("auto:greenparty/count/seat", "18"),
        ("auto:liberalparty/count/seat", "15"),
        ("auto:conservatives/count/seat", "12"),
    ] {
        let f = finding(&fs, key, "agree");
        assert_eq!(texts(f), [seats, seats]);
    }
    // `64.2%` (up from 58.9% in 2020) and `62.4%`: one property
    let cs = claims(&out);
    for t in ["64.2%", "58.9%", "62.4%"] {
        assert_eq!(claims_with_text(&cs, t)[0]["property"], "turnout", "{t}");
    }
    assert_eq!(claims_with_text(&cs, "58.9%")[0]["as_of"], "2020");
}

/// A bridge reported three times: its name's number is no count, its cost
/// is a fact beside a planned opening, and km and kilometres are one unit.
#[test]
fn a_bridges_figures_keep_its_name_and_units_straight() {
    let (out, _, _) = check_jsonl(&fixture("bridge-project"), ".", &[]);
    let cs = claims(&out);
    assert!(
        cs.iter().all(|c| c["text"] != "4"),
        "`Thu Thiem 4 bridge` is a name"
    );
    assert!(cs
        .iter()
        .all(|c| !c["text"].as_str().unwrap().contains("3822")));
    let fs = findings(&out);
    let cost = finding(&fs, "auto:thuthiem/money/VND cost", "changed");
    assert_eq!(texts(cost), ["VND5,300 billion", "VND5,800 billion"]);
    // `2.16 kilometres long` and `2.16 km long` agree; `will be 2.6
    // kilometres long` is the plan of a bridge under way, not a fact
    let length = finding(&fs, "auto:thuthiem/count/kilometre", "agree");
    assert_eq!(texts(length), ["2.16", "2.16"]);
    assert_eq!(claims_with_text(&cs, "2.6")[0]["modality"], "target");
    for c in claims_with_text(&cs, "38") {
        assert_eq!(c["property"], "metre");
    }
    let done = finding(&fs, "auto:thuthiem/percent/completion", "changed");
    assert_eq!(texts(done), ["60%", "82%"]);
}

/// A club's stadium plan reported three times: the founding years
/// disagree, the manager ages a year, and the capacity now and the
/// capacity planned stay apart.
#[test]
fn a_clubs_plan_keeps_what_is_apart_from_what_will_be() {
    let (out, _, code) = check_jsonl(&fixture("sports-club"), ".", &[]);
    let fs = findings(&out);
    let founded = finding(&fs, "auto:riversidefc/year/date founded", "conflict");
    assert_eq!(sorted_texts(founded), ["1889", "1898"]);
    // `Manager Tom Hale, 47,` then `Tom Hale, 48,`: his age, growing
    let age = finding(&fs, "auto:tomhale/age/age", "changed");
    assert_eq!(texts(age), ["47", "48"]);
    // `expand its stadium from 32,000 to 45,000 seats`, `enlarge its
    // 32,000-seat stadium to 45,000 seats`
    let seats: Vec<&Value> = for_key(&fs, "auto:riversidefc/count/seat")
        .into_iter()
        .filter(|f| f["kind"] == "agree")
        .collect();
    let mut said: Vec<(String, Vec<String>)> = seats
        .iter()
        .map(|f| (f["claims"][0]["modality"].to_string(), texts(f)))
        .collect();
    said.sort();
    assert_eq!(
        said,
        [
            (
                "\"fact\"".to_string(),
                vec!["32,000".to_string(), "32,000-seat".to_string()]
            ),
            (
                "\"target\"".to_string(),
                vec!["45,000".to_string(), "45,000".to_string()]
            ),
        ]
    );
    assert_eq!(code, 1);
}

/// A vaccination drive: the campaign's start date disagrees, the count
/// to date grows, and the hotline is no claim.
#[test]
fn a_campaigns_running_total_and_its_target_are_kept_apart() {
    let (out, _, _) = check_jsonl(&fixture("vaccination-drive"), ".", &[]);
    let fs = findings(&out);
    let start = finding(
        &fs,
        "auto:ministryofhealth/date/date campaign started",
        "conflict",
    );
    assert_eq!(sorted_texts(start), ["March 1", "March 10"]);
    let cs = claims(&out);
    // `have now received`: a total to date, compared with `has vaccinated`
    for t in ["More than 1.5 million", "1.8 million"] {
        let c = claims_with_text(&cs, t)[0];
        assert_eq!(c["key"], "auto:ministryofhealth/count/child", "{t}");
        assert_eq!(c["modality"], "fact", "{t}");
    }
    // `had planned to reach 2.5 million children by June 30` (May 2025)
    // and `aims to vaccinate 2 million children by the end of June` (April
    // 2025) set one horizon
    assert_eq!(
        claims_with_text(&cs, "2.5 million")[0]["horizon"],
        "by 2025-06"
    );
    assert_eq!(
        claims_with_text(&cs, "2 million")[0]["horizon"],
        "by 2025-06"
    );
    assert_eq!(claims_with_text(&cs, "5")[0]["property"], "person dead");
    assert!(cs
        .iter()
        .all(|c| !c["text"].as_str().unwrap().contains("9095")));
}

/// A university named in full, by its acronym and in Vietnamese: one
/// subject; its figures beside a plan for 2027 stay facts.
#[test]
fn an_acronym_and_a_plan_beside_them_leave_a_universitys_figures_whole() {
    let (out, _, _) = check_jsonl(&fixture("university-figures"), ".", &[]);
    let fs = findings(&out);
    let students = finding(&fs, "auto:vietnamnationaluniversity/count/student", "agree");
    assert_eq!(texts(students), ["52,000", "about 52,000"]);
    let lecturers = finding(
        &fs,
        "auto:vietnamnationaluniversity/count/lecturer",
        "changed",
    );
    assert_eq!(texts(lecturers), ["2,600", "2,800"]);
    let cs = claims(&out);
    // `…, which has about 52,000 students and 2,800 lecturers, plans to
    // double research spending to 8 per cent of its budget by 2027`
    assert_eq!(claims_with_text(&cs, "about 52,000")[0]["modality"], "fact");
    assert_eq!(claims_with_text(&cs, "8 per cent")[0]["modality"], "target");
}

/// A city's buses: `buses` is `bus`, and a verb after a number is no unit.
#[test]
fn a_fleets_figures_keep_their_nouns() {
    let (out, _, _) = check_jsonl(&fixture("city-buses"), ".", &[]);
    let fs = findings(&out);
    let fleet = finding(&fs, "auto:hanoi/count/bus", "agree");
    assert_eq!(texts(fleet), ["2,100", "2,100"]);
    let routes = finding(&fs, "auto:hanoi/count/route", "changed");
    assert_eq!(texts(routes), ["154", "156"]);
    let cs = claims(&out);
    assert!(claims_with_text(&cs, "790")[0]["unit"].is_null());
}

/// A network's size and a member's joining year, written three ways.
#[test]
fn a_networks_total_and_a_members_joining_year_are_compared() {
    let (out, _, code) = check_jsonl(&fixture("creative-cities"), ".", &[]);
    let fs = findings(&out);
    // `Hanoi joined the network in 2019` vs `was admitted to the network in 2018`
    let joined = finding(&fs, "auto:hanoi/year/date joined", "conflict");
    assert_eq!(sorted_texts(joined), ["2018", "2019"]);
    let cs = claims(&out);
    // `bringing the total number of cities in the network to 350`
    assert_eq!(claims_with_text(&cs, "350")[0]["property"], "city");
    // `Da Lat in Vietnam` is two names, not one subject
    assert!(cs
        .iter()
        .all(|c| !c["key"].as_str().unwrap().contains("dalatinvietnam")));
    assert_eq!(code, 1);
}

/// Two reports of a learning-cities network: founding years that
/// disagree, its size beside the year's additions, a country's members.
#[test]
fn a_networks_size_stands_apart_from_the_years_additions() {
    let (out, _, code) = check_jsonl(&fixture("learning-network"), ".", &[]);
    let fs = findings(&out);
    let founded = finding(
        &fs,
        "auto:globalnetworkoflearningcities/year/date founded",
        "conflict",
    );
    assert_eq!(sorted_texts(founded), ["2013", "2015"]);
    // `With the addition of 64 cities from 35 countries this year, the
    // network now includes 356 cities in 79 countries` and `has 356 members
    // across 79 countries after UNESCO admitted 64 new cities`
    let countries = finding(
        &fs,
        "auto:globalnetworkoflearningcities/count/country",
        "agree",
    );
    assert_eq!(texts(countries), ["79", "79"]);
    let cs = claims(&out);
    assert_eq!(claims_with_text(&cs, "35")[0]["flow"], true);
    // `Vietnam now has five members`: Vietnam's, not the network's
    assert_eq!(
        claims_with_text(&cs, "five")[0]["key"],
        "auto:vietnam/count/member"
    );
    // `bringing the country's total to seven`; `from December 2 to 5,
    // 2024` is a span of days, not a count of 5
    claims_with_text(&cs, "seven");
    assert!(cs.iter().all(|c| c["text"] != "5"));
    assert_eq!(code, 1);
}

/// A year's trade in three reports, one hard-wrapped: every figure is
/// Vietnam's and named by what it is, whatever line it starts on.
#[test]
fn hard_wrapped_trade_figures_keep_their_sentence_and_their_names() {
    let (out, _, _) = check_jsonl(&fixture("trade-figures"), ".", &[]);
    let fs = findings(&out);
    // `imports climbed 16.7 per cent to` / `US$380.8 billion` (two lines)
    let imports = finding(&fs, "auto:vietnam/money/USD import [flow]", "agree");
    assert_eq!(texts(imports), ["US$380.8 billion", "$380.7 billion"]);
    // `Vietnam recorded a trade surplus of $24.8 billion`: Vietnam's, not
    // the United States' the article names later
    let surplus = finding(&fs, "auto:vietnam/money/USD surplus", "agree");
    assert_eq!(texts(surplus).len(), 2);
    // `rose 14.3 per cent to a record US$405.5 billion` is exports
    let exports: Vec<&Value> = for_key(&fs, "auto:vietnam/money/USD export [flow]");
    assert!(
        exports
            .iter()
            .any(|f| texts(f).iter().any(|t| t.starts_with("US$405.5"))),
        "{}",
        notable(&fs)
    );
}

#[test]
fn a_title_opening_with_a_common_word_does_not_become_the_subject() {
    let (out, _, _) = check_jsonl(&fixture("title-opens-with-common-word"), ".", &[]);
    let cs = claims(&out);
    let k300 = claims_with_text(&cs, "300")[0]["key"].clone();
    let k280 = claims_with_text(&cs, "280")[0]["key"].clone();
    assert_eq!(
        k300, k280,
        "both speak of the Green Harbour Alliance's member cities"
    );
    let fs = findings(&out);
    assert!(
        fs.iter().any(
            |f| matches!(f["kind"].as_str(), Some("conflict" | "undetermined"))
                && texts(f).len() == 2
        ),
        "300 vs 280 on the same day should be reported: {}",
        notable(&fs)
    );
}

// ---------------------------------------------------------------------------
// 4. Invariance
// ---------------------------------------------------------------------------

#[test]
fn duplicating_every_article_changes_no_finding() {
    let (orig, _, _) = check_jsonl(&root(), "corpus/", &[]);
    let tmp = corpus_copy();
    let corpus = tmp.path().join("corpus");
    for a in articles(&corpus) {
        let stem = a.file_stem().unwrap().to_str().unwrap();
        fs::copy(&a, corpus.join(format!("{stem}-copy.txt"))).unwrap();
    }
    let (dup, err, code) = check_jsonl(tmp.path(), "corpus/", &[]);
    assert_eq!(code, 0, "a duplicate is not a contradiction; stderr: {err}");
    assert_eq!(of_type(&dup, "document").len(), 10);
    assert!(
        conflicts(&findings(&dup)).is_empty(),
        "{}",
        notable(&findings(&dup))
    );
    assert_eq!(signatures(&dup), signatures(&orig));

    // a copy is not a second source
    let support = |out: &str| -> BTreeMap<(String, String), u64> {
        findings(out)
            .iter()
            .filter_map(|f| {
                let s = f["consensus"]["support"].as_u64()?;
                Some((
                    (
                        f["kind"].as_str()?.to_string(),
                        f["key"].as_str()?.to_string(),
                    ),
                    s,
                ))
            })
            .fold(BTreeMap::new(), |mut m, (k, s)| {
                let e = m.entry(k).or_insert(0);
                *e = (*e).max(s);
                m
            })
    };
    let (before, after) = (support(&orig), support(&dup));
    for (k, s) in &after {
        assert!(
            s <= before.get(k).unwrap_or(&0),
            "support of {k:?} grew from {:?} to {s}",
            before.get(k)
        );
    }
}

#[test]
fn renaming_articles_to_reverse_their_order_changes_no_finding() {
    let (orig, _, _) = check_jsonl(&root(), "corpus/", &[]);
    let tmp = corpus_copy();
    let corpus = tmp.path().join("corpus");
    let names = articles(&corpus);
    let n = names.len();
    // the oldest article sorts last, the newest first
    for (i, a) in names.iter().enumerate() {
        let prefix = (b'a' + (n - 1 - i) as u8) as char;
        let name = a.file_name().unwrap().to_str().unwrap();
        fs::rename(a, corpus.join(format!("{prefix}-{name}"))).unwrap();
    }
    let (renamed, _, _) = check_jsonl(tmp.path(), "corpus/", &[]);
    let first_doc = of_type(&renamed, "document")[0]["path"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        first_doc.contains("2026-01-30"),
        "the order changed: {first_doc}"
    );
    assert_eq!(signatures(&renamed), signatures(&orig));
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let args = ["check", "corpus/", "--format", "jsonl"];
    let (one, _, c1) = run_with_env(&root(), &args, &[("RAYON_NUM_THREADS", "1")]);
    let (four, _, c4) = run_with_env(&root(), &args, &[("RAYON_NUM_THREADS", "4")]);
    assert_eq!(c1, c4);
    assert!(!one.is_empty());
    assert!(one == four, "JSONL output differs between 1 and 4 threads");
}

// ---------------------------------------------------------------------------
// 5. Exit codes and errors
// ---------------------------------------------------------------------------

#[test]
fn a_catalogue_that_is_not_json_is_an_input_error_naming_file_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("bad.json"), "{\"claims\": [").unwrap();
    let (_, err, code) = run(
        &root(),
        &["check", "corpus/", "--claims", tmp.path().to_str().unwrap()],
    );
    assert_eq!(code, 2, "stderr: {err}");
    let line = err
        .lines()
        .find(|l| l.contains("bad.json"))
        .unwrap_or_else(|| panic!("stderr does not name bad.json: {err}"));
    let after = &line[line.find("bad.json").unwrap() + "bad.json".len()..];
    let mut parts = after.split(':');
    assert_eq!(parts.next(), Some(""), "bad.json:LINE:COLUMN in {line:?}");
    for what in ["line", "column"] {
        let p = parts.next().unwrap_or("");
        assert!(
            !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()),
            "no {what} number after bad.json in {line:?}"
        );
    }
}

#[test]
fn a_missing_path_is_an_input_error() {
    let (_, err, code) = run(&root(), &["check", "no-such-corpus/"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no-such-corpus"),
        "stderr names the path: {err}"
    );
}

// ---------------------------------------------------------------------------
// 6. The human report
// ---------------------------------------------------------------------------

#[test]
fn table_report_shows_verdict_key_quote_location_and_summary() {
    let (out, err, code) = run(&root(), &["check", "corpus/"]);
    assert_eq!(code, 0, "stderr: {err}");
    assert!(out.contains("changed"));
    assert!(out.contains("gnlc.members.total"));
    assert!(out.contains("356 member cities"), "the quote is shown");
    let location = regex::Regex::new(r"\.txt:\d+:\d+").unwrap();
    // evidence rows carry a location (not only the messages above them)
    assert!(
        out.lines()
            .filter(|l| l.trim_start().starts_with('│'))
            .any(|l| location.is_match(l)),
        "an evidence row with a file:line:column location:\n{out}"
    );
    let last = out.trim_end().lines().last().unwrap();
    assert!(
        last.contains("documents") && last.contains("claims"),
        "summary line: {last}"
    );
    assert!(last.starts_with("5 documents"), "summary line: {last}");
}

#[test]
fn table_report_keeps_each_location_on_one_line() {
    let (json, _, _) = check_jsonl(&root(), "corpus/", &[]);
    let cs = claims(&json);
    let c = claims_with_text(&cs, "356")[0];
    let location = format!(
        "{}:{}:{}",
        c["doc"].as_str().unwrap(),
        c["line"],
        c["column"]
    );
    let (out, _, _) = run(&root(), &["check", "corpus/"]);
    // a row of the evidence table (messages may quote locations too)
    let rows = || out.lines().filter(|l| l.trim_start().starts_with('│'));
    assert!(
        rows().any(|l| l.contains("356")),
        "the 356 claim has a table row:\n{out}"
    );
    assert!(
        rows().any(|l| l.contains(&location)),
        "{location} not on one line:\n{out}"
    );
}
