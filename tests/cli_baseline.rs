//! `claimcheck check` in CI: the baseline of accepted findings
//! (`--baseline`, `--write-baseline`, `--strict-baseline`), inline
//! `<!-- claimcheck: ignore KEY -- reason -->` comments, narrowing the report
//! to what a change touched (`--only-touching`, `--changed-since`), and
//! GitHub annotations by default in Actions.
//!
//! Each scenario is built in a fresh temporary directory: articles are copied
//! from `tests/fixtures/baseline/` into `<tmp>/corpus/` (then edited), the
//! catalogue directory is `<tmp>/claims/` (empty unless a test writes to it,
//! so the repository's catalogue never leaks in), and the command runs with
//! `<tmp>` as its current directory and `GITHUB_ACTIONS` removed from the
//! environment unless a test sets it.
//!
//! The fixture articles:
//!
//! - `harbour-gazette.md` / `coastal-herald.md`: the Kestrel Bay Maritime
//!   Museum was founded in 2013 / 2015 (a gross conflict, automatic key).
//! - `valley-times.md` / `county-observer.md`: the Hollin Valley Cider
//!   Cooperative was founded in 1998 / 2004 (a second, independent conflict).
//! - `city-ledger.md`: unrelated numbers (tram passengers), no conflict.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const MUSEUM_KEY: &str = "auto:kestrelbaymaritimemuseum/year/date founded";
const COOP_KEY: &str = "auto:hollinvalleycidercooperative/year/date founded";

const GAZETTE: &str = "harbour-gazette.md";
const HERALD: &str = "coastal-herald.md";
const VALLEY: &str = "valley-times.md";
const OBSERVER: &str = "county-observer.md";
const LEDGER: &str = "city-ledger.md";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/baseline")
        .join(name)
}

/// The outcome of one run.
struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

impl Run {
    /// The `finding` records of a `--format jsonl` run.
    fn findings(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l)
                    .unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}\n{}", self.stdout))
            })
            .filter(|v| v["type"] == "finding")
            .collect()
    }

    /// The findings of `kind`.
    fn of_kind(&self, kind: &str) -> Vec<Value> {
        self.findings()
            .into_iter()
            .filter(|f| f["kind"] == kind)
            .collect()
    }

    /// The findings of severity `error`.
    fn errors(&self) -> Vec<Value> {
        self.findings()
            .into_iter()
            .filter(|f| f["severity"] == "error")
            .collect()
    }

    /// The one conflict about `key`; panics when there is not exactly one.
    fn conflict(&self, key: &str) -> Value {
        let found: Vec<Value> = self
            .of_kind("conflict")
            .into_iter()
            .filter(|f| f["key"] == key)
            .collect();
        assert_eq!(found.len(), 1, "one conflict about {key}:\n{self}");
        found.into_iter().next().unwrap()
    }

    fn keys_of_kind(&self, kind: &str) -> Vec<String> {
        let mut keys: Vec<String> = self
            .of_kind(kind)
            .iter()
            .map(|f| f["key"].as_str().expect("key").to_string())
            .collect();
        keys.sort();
        keys
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

fn fingerprint(f: &Value) -> String {
    f["fingerprint"].as_str().expect("fingerprint").to_string()
}

/// The documents a finding's claims come from.
fn docs(f: &Value) -> Vec<String> {
    f["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| c["doc"].as_str().expect("doc").to_string())
        .collect()
}

/// A temporary working directory with `corpus/` and `claims/`.
struct Scene {
    dir: TempDir,
}

impl Scene {
    /// A scene whose corpus holds copies of the named fixture articles.
    fn new(articles: &[&str]) -> Scene {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir(dir.path().join("corpus")).unwrap();
        fs::create_dir(dir.path().join("claims")).unwrap();
        let s = Scene { dir };
        for a in articles {
            s.add(a);
        }
        s
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// Copies a fixture article into the corpus.
    fn add(&self, article: &str) {
        fs::copy(fixture(article), self.path(&format!("corpus/{article}")))
            .unwrap_or_else(|e| panic!("copying {article}: {e}"));
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("reading {rel}: {e}"))
    }

    fn write(&self, rel: &str, text: &str) {
        fs::write(self.path(rel), text).unwrap_or_else(|e| panic!("writing {rel}: {e}"));
    }

    /// Replaces the one occurrence of `from` in the article `name`.
    fn edit(&self, name: &str, from: &str, to: &str) {
        let rel = format!("corpus/{name}");
        let text = self.read(&rel);
        assert_eq!(text.matches(from).count(), 1, "`{from}` once in {name}");
        self.write(&rel, &text.replacen(from, to, 1));
    }

    /// Appends `tail` to the article `name`.
    fn append(&self, name: &str, tail: &str) {
        let rel = format!("corpus/{name}");
        let text = self.read(&rel);
        self.write(&rel, &format!("{text}{tail}"));
    }

    /// `claimcheck ARGS…` in the scene, `GITHUB_ACTIONS` removed unless set
    /// in `env`.
    fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        self.run_in(".", args, env)
    }

    /// `claimcheck ARGS…` with `<tmp>/SUBDIR` as the current directory.
    fn run_in(&self, subdir: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = Command::cargo_bin("claimcheck").expect("claimcheck binary");
        cmd.current_dir(self.path(subdir))
            .env_remove("GITHUB_ACTIONS")
            .env_remove("NO_COLOR")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("run claimcheck");
        Run {
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
            code: out.status.code().expect("exit code"),
        }
    }

    /// `claimcheck check corpus --claims <tmp>/claims ARGS…`.
    fn check_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let claims = self.path("claims");
        let mut all: Vec<&str> = vec!["check", "corpus", "--claims", claims.to_str().unwrap()];
        all.extend_from_slice(args);
        self.run_env(&all, env)
    }

    fn check(&self, args: &[&str]) -> Run {
        self.check_env(args, &[])
    }

    /// `check … --format jsonl ARGS…`.
    fn jsonl(&self, args: &[&str]) -> Run {
        let mut all = vec!["--format", "jsonl"];
        all.extend_from_slice(args);
        self.check(&all)
    }

    /// `check --write-baseline claims/accepted.json`; returns the file parsed.
    fn write_baseline(&self) -> Value {
        let run = self.check(&["--write-baseline", "claims/accepted.json"]);
        assert_eq!(run.code, 0, "--write-baseline exits 0\n{run}");
        serde_json::from_str(&self.read("claims/accepted.json")).expect("baseline is JSON")
    }

    /// Runs `git ARGS…` in the scene.
    fn git(&self, args: &[&str]) {
        let out = std::process::Command::new("git")
            .current_dir(self.root())
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .args(args)
            .output()
            .expect("run git");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn accepted(baseline: &Value) -> &Vec<Value> {
    baseline["accepted"].as_array().expect("`accepted` array")
}

/// Twenty lines of unrelated prose without a single number.
fn twenty_lines_of_prose() -> String {
    let lines = [
        "Fog rolled in from the headland early on Saturday morning.",
        "Gulls circled above the harbour wall as the ferries came in.",
        "A brass band tuned up beside the old customs house.",
        "Children pressed their faces to the glass of the model room.",
        "The smell of tar and fresh paint hung over the workshop.",
        "Several visitors asked about the old signal flags on the wall.",
        "A retired skipper told stories of storms and lost nets.",
        "Volunteers in blue jumpers handed out maps at the door.",
        "The café on the ground floor ran out of scones before noon.",
        "Rain threatened all morning but never quite arrived.",
        "Local schools have booked tours for the coming term.",
        "The gift shop now sells prints of the harbour at dusk.",
        "Some of the oldest charts are kept behind tinted glass.",
        "A photographer set up a tripod on the slipway.",
        "The lifeboat crew stopped by to see the restored hull.",
        "Organisers said the weekend went better than they had hoped.",
        "Parking near the quay was hard to find by midday.",
        "A reading corner has been added for younger visitors.",
        "Staff said the museum will stay open late on summer evenings.",
        "The harbour master praised the volunteers for their patience.",
    ];
    assert_eq!(lines.len(), 20);
    assert!(lines.iter().all(|l| !l.chars().any(|c| c.is_ascii_digit())));
    lines.iter().map(|l| format!("{l}\n")).collect()
}

// ---------------------------------------------------------------------------
// the fixtures themselves
// ---------------------------------------------------------------------------

#[test]
fn fixtures_produce_exactly_the_expected_conflicts() {
    let s = Scene::new(&[GAZETTE, HERALD, VALLEY, OBSERVER, LEDGER]);
    let run = s.jsonl(&[]);
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(
        run.keys_of_kind("conflict"),
        vec![COOP_KEY.to_string(), MUSEUM_KEY.to_string()],
        "{run}"
    );
    assert_eq!(run.errors().len(), 2, "{run}");
    let museum = run.conflict(MUSEUM_KEY);
    assert_eq!(
        docs(&museum),
        vec!["corpus/coastal-herald.md", "corpus/harbour-gazette.md"]
    );
    let coop = run.conflict(COOP_KEY);
    assert_eq!(
        docs(&coop),
        vec!["corpus/county-observer.md", "corpus/valley-times.md"]
    );
    // the tram article contributes no warning or error
    for f in run.findings() {
        if docs(&f).iter().any(|d| d.ends_with(LEDGER)) {
            assert_eq!(f["severity"], "info", "{f}");
        }
    }
}

// ---------------------------------------------------------------------------
// 1. accepting the current findings
// ---------------------------------------------------------------------------

#[test]
fn write_baseline_accepts_the_contradiction_and_check_then_passes() {
    let s = Scene::new(&[GAZETTE, HERALD]);
    let before = s.jsonl(&[]);
    assert_eq!(before.code, 1, "a contradiction fails the run\n{before}");
    let conflict = before.conflict(MUSEUM_KEY);
    let plain = s.check(&[]);
    assert_eq!(plain.code, 1, "{plain}");

    let b = s.write_baseline();
    let top: Vec<&String> = b.as_object().expect("object").keys().collect();
    assert_eq!(top.len(), 2, "only `schema` and `accepted`: {b}");
    assert_eq!(b["schema"], 1, "{b}");
    let entries = accepted(&b);
    assert_eq!(entries.len(), 1, "{b}");
    let e = &entries[0];
    let mut fields: Vec<&str> = e
        .as_object()
        .expect("entry")
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort();
    assert_eq!(fields, ["fingerprint", "key", "kind", "message", "reason"]);
    assert_eq!(e["fingerprint"], conflict["fingerprint"]);
    assert_eq!(e["kind"], "conflict");
    assert_eq!(e["key"], MUSEUM_KEY);
    assert_eq!(e["message"], conflict["message"]);
    assert_eq!(e["reason"], "");
    assert_no_line_numbers(&s.read("claims/accepted.json"));

    // the baseline in the catalogue directory is used by default
    let after = s.check(&[]);
    assert_eq!(
        after.code, 0,
        "the accepted conflict no longer fails\n{after}"
    );
    assert!(!after.stdout.contains("conflict ("), "{after}");
    assert!(after.stdout.contains(" 0 conflict,"), "{after}");
    let after = s.jsonl(&[]);
    assert_eq!(after.code, 0, "{after}");
    assert!(after.of_kind("conflict").is_empty(), "{after}");
    assert!(after.of_kind("unused-suppression").is_empty(), "{after}");

    // and --no-baseline brings it back
    let ignored = s.jsonl(&["--no-baseline"]);
    assert_eq!(ignored.code, 1, "{ignored}");
    assert_eq!(
        fingerprint(&ignored.conflict(MUSEUM_KEY)),
        fingerprint(&conflict)
    );
}

/// Neither `line`/`column` fields nor `file.md:12` locations.
fn assert_no_line_numbers(text: &str) {
    let v: Value = serde_json::from_str(text).expect("JSON");
    fn walk(v: &Value, text: &str) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    assert!(
                        !["line", "column", "start", "end", "lines"].contains(&k.as_str()),
                        "a position field `{k}` in the baseline:\n{text}"
                    );
                    walk(x, text);
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, text)),
            _ => {}
        }
    }
    walk(&v, text);
    let location = regex::Regex::new(r"\.(md|txt):\d").unwrap();
    assert!(
        !location.is_match(text),
        "a file:line location in the baseline:\n{text}"
    );
}

#[test]
fn write_baseline_sorts_entries_by_fingerprint() {
    let s = Scene::new(&[GAZETTE, HERALD, VALLEY, OBSERVER, LEDGER]);
    let b = s.write_baseline();
    let entries = accepted(&b);
    assert_eq!(
        entries.len(),
        2,
        "two conflicts, info findings left out: {b}"
    );
    let fps: Vec<String> = entries.iter().map(fingerprint).collect();
    let mut sorted = fps.clone();
    sorted.sort();
    assert_eq!(fps, sorted);
    let mut keys: Vec<&str> = entries.iter().map(|e| e["key"].as_str().unwrap()).collect();
    keys.sort();
    assert_eq!(keys, [COOP_KEY, MUSEUM_KEY]);
    assert!(entries.iter().all(|e| e["reason"] == ""));
    assert_no_line_numbers(&s.read("claims/accepted.json"));
    let after = s.check(&[]);
    assert_eq!(after.code, 0, "{after}");
}

// ---------------------------------------------------------------------------
// 2. a new contradiction still fails
// ---------------------------------------------------------------------------

#[test]
fn a_new_contradiction_fails_despite_the_baseline() {
    // the cooperative is named by one article only: no conflict yet
    let s = Scene::new(&[GAZETTE, HERALD, VALLEY]);
    let b = s.write_baseline();
    assert_eq!(accepted(&b).len(), 1, "{b}");
    assert_eq!(accepted(&b)[0]["key"], MUSEUM_KEY);
    let ok = s.check(&[]);
    assert_eq!(ok.code, 0, "{ok}");

    // a second article about the cooperative gives another founding year
    s.add(OBSERVER);
    let plain = s.check(&[]);
    assert_eq!(plain.code, 1, "{plain}");
    let run = s.jsonl(&[]);
    assert_eq!(run.code, 1, "{run}");
    let errors = run.errors();
    assert_eq!(errors.len(), 1, "only the new conflict\n{run}");
    assert_eq!(errors[0]["kind"], "conflict");
    assert_eq!(errors[0]["key"], COOP_KEY);
    assert_ne!(errors[0]["key"], accepted(&b)[0]["key"]);
    assert_ne!(errors[0]["fingerprint"], accepted(&b)[0]["fingerprint"]);
    assert!(run.of_kind("unused-suppression").is_empty(), "{run}");
}

// ---------------------------------------------------------------------------
// 3. stale entries
// ---------------------------------------------------------------------------

#[test]
fn changing_the_disputed_value_reports_the_stale_entry_and_the_new_conflict() {
    let s = Scene::new(&[GAZETTE, HERALD]);
    let b = s.write_baseline();
    let old = fingerprint(&accepted(&b)[0]);

    s.edit(HERALD, "founded in 2015", "founded in 2017");
    let run = s.jsonl(&[]);
    assert_eq!(run.code, 1, "{run}");
    let unused = run.of_kind("unused-suppression");
    assert_eq!(unused.len(), 1, "{run}");
    assert!(
        unused[0]["message"].as_str().unwrap().contains(&old),
        "the message names the stale fingerprint {old}: {}",
        unused[0]
    );
    let conflict = run.conflict(MUSEUM_KEY);
    assert_ne!(fingerprint(&conflict), old, "new values, new fingerprint");
    let m = conflict["message"].as_str().unwrap();
    assert!(m.contains("2013") && m.contains("2017"), "{m}");
    assert!(!m.contains("2015"), "{m}");
    let plain = s.check(&[]);
    assert_eq!(plain.code, 1, "{plain}");
    assert!(plain.stdout.contains("unused-suppression"), "{plain}");
}

#[test]
fn strict_baseline_fails_on_an_entry_that_suppresses_nothing() {
    let s = Scene::new(&[GAZETTE, HERALD]);
    let b = s.write_baseline();
    let old = fingerprint(&accepted(&b)[0]);

    // the herald corrects itself: the two articles now agree
    s.edit(HERALD, "founded in 2015", "founded in 2013");
    let lenient = s.jsonl(&[]);
    assert_eq!(
        lenient.code, 0,
        "a stale entry alone does not fail\n{lenient}"
    );
    assert!(lenient.of_kind("conflict").is_empty(), "{lenient}");
    let unused = lenient.of_kind("unused-suppression");
    assert_eq!(unused.len(), 1, "{lenient}");
    assert_eq!(unused[0]["severity"], "warning");
    assert!(unused[0]["message"].as_str().unwrap().contains(&old));
    let plain = s.check(&[]);
    assert_eq!(plain.code, 0, "{plain}");

    let strict = s.jsonl(&["--strict-baseline"]);
    assert_eq!(strict.code, 1, "{strict}");
    let unused = strict.of_kind("unused-suppression");
    assert_eq!(unused.len(), 1, "{strict}");
    assert_eq!(unused[0]["severity"], "error");
    assert!(unused[0]["message"].as_str().unwrap().contains(&old));
    let plain = s.check(&["--strict-baseline"]);
    assert_eq!(plain.code, 1, "{plain}");
}

// ---------------------------------------------------------------------------
// 4. stable fingerprints
// ---------------------------------------------------------------------------

#[test]
fn fingerprint_survives_moves_unrelated_articles_and_reflowing() {
    let s = Scene::new(&[GAZETTE, HERALD]);
    let first = s.jsonl(&[]);
    let c = first.conflict(MUSEUM_KEY);
    let fp = fingerprint(&c);
    let line_of = |f: &Value, doc: &str| -> u64 {
        f["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["doc"] == doc)
            .unwrap_or_else(|| panic!("a claim from {doc}: {f}"))["line"]
            .as_u64()
            .unwrap()
    };
    let gazette = "corpus/harbour-gazette.md";
    let line_before = line_of(&c, gazette);

    // the paragraph moves 20 lines down
    s.edit(
        GAZETTE,
        "The Kestrel Bay Maritime Museum was founded",
        &format!(
            "{}\nThe Kestrel Bay Maritime Museum was founded",
            twenty_lines_of_prose()
        ),
    );
    let moved = s.jsonl(&[]);
    assert_eq!(moved.code, 1, "{moved}");
    let c = moved.conflict(MUSEUM_KEY);
    assert_eq!(line_of(&c, gazette), line_before + 21, "the claim did move");
    assert_eq!(
        fingerprint(&c),
        fp,
        "moving a paragraph keeps the fingerprint"
    );

    // an unrelated article with numbers of its own
    s.add(LEDGER);
    let more = s.jsonl(&[]);
    assert!(more
        .findings()
        .iter()
        .any(|f| docs(f).iter().any(|d| d.ends_with(LEDGER))));
    assert_eq!(
        fingerprint(&more.conflict(MUSEUM_KEY)),
        fp,
        "an unrelated article keeps the fingerprint"
    );

    // the sentence reflowed over two lines
    s.edit(
        GAZETTE,
        "Maritime Museum was founded in 2013 by",
        "Maritime Museum was\nfounded in 2013 by",
    );
    let reflowed = s.jsonl(&[]);
    let c = reflowed.conflict(MUSEUM_KEY);
    assert_eq!(line_of(&c, gazette), line_before + 22, "the claim did move");
    assert_eq!(fingerprint(&c), fp, "reflowing keeps the fingerprint");

    // so the baseline written at the start still holds
    let s2 = Scene::new(&[GAZETTE, HERALD]);
    let b = s2.write_baseline();
    fs::copy(
        s2.path("claims/accepted.json"),
        s.path("claims/accepted.json"),
    )
    .unwrap();
    assert_eq!(fingerprint(&accepted(&b)[0]), fp);
    let after = s.jsonl(&[]);
    assert_eq!(after.code, 0, "{after}");
    assert!(after.of_kind("conflict").is_empty(), "{after}");
    assert!(after.of_kind("unused-suppression").is_empty(), "{after}");
}

// ---------------------------------------------------------------------------
// 5. reasons are kept
// ---------------------------------------------------------------------------

#[test]
fn write_baseline_keeps_reasons_already_written() {
    let s = Scene::new(&[GAZETTE, HERALD]);
    let b = s.write_baseline();
    let fp = fingerprint(&accepted(&b)[0]);
    let reason = "The Herald printed a correction; its archive still shows 2015.";
    let filled = s.read("claims/accepted.json").replacen(
        "\"reason\": \"\"",
        &format!("\"reason\": {}", Value::from(reason)),
        1,
    );
    assert!(filled.contains(reason), "{filled}");
    s.write("claims/accepted.json", &filled);

    // a new conflict appears; the accepted one still matches
    s.add(VALLEY);
    s.add(OBSERVER);
    let b = s.write_baseline();
    let entries = accepted(&b);
    assert_eq!(entries.len(), 2, "{b}");
    let kept = entries
        .iter()
        .find(|e| fingerprint(e) == fp)
        .expect("the accepted entry is still there");
    assert_eq!(kept["reason"], reason);
    let new = entries.iter().find(|e| fingerprint(e) != fp).unwrap();
    assert_eq!(new["key"], COOP_KEY);
    assert_eq!(new["reason"], "");
    let fps: Vec<String> = entries.iter().map(fingerprint).collect();
    let mut sorted = fps.clone();
    sorted.sort();
    assert_eq!(fps, sorted);
    let ok = s.check(&[]);
    assert_eq!(ok.code, 0, "{ok}");
}

// ---------------------------------------------------------------------------
// 6. inline suppression
// ---------------------------------------------------------------------------

#[test]
fn inline_ignore_with_the_findings_key_silences_the_conflict() {
    let s = Scene::new(&[GAZETTE, HERALD]);
    let before = s.jsonl(&[]);
    let key = before.conflict(MUSEUM_KEY)["key"]
        .as_str()
        .unwrap()
        .to_string();
    s.append(
        HERALD,
        &format!("\n<!-- claimcheck: ignore {key} -- reviewed -->\n"),
    );
    let run = s.jsonl(&[]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.of_kind("conflict").is_empty(), "{run}");
    assert!(run.of_kind("unused-suppression").is_empty(), "{run}");
    let plain = s.check(&[]);
    assert_eq!(plain.code, 0, "{plain}");
}

/// A catalogue entry for the museum's founding year: a key without spaces.
const MUSEUM_CATALOGUE: &str = r#"{
  "schema": 1,
  "claims": [
    {
      "id": "kestrel.founded",
      "description": "year the Kestrel Bay Maritime Museum was founded",
      "subject": { "name": "Kestrel Bay Maritime Museum", "aliases": [] },
      "property": { "units": [], "cues": ["founded"], "exclude": [], "patterns": [], "flow": false },
      "kind": "year",
      "varies": "never",
      "tolerance": 0
    }
  ]
}
"#;

#[test]
fn inline_ignore_with_a_catalogue_key_silences_the_conflict() {
    let s = Scene::new(&[GAZETTE, HERALD]);
    s.write("claims/museum.json", MUSEUM_CATALOGUE);
    let before = s.jsonl(&[]);
    assert_eq!(before.code, 1, "{before}");
    let key = before.conflict("kestrel.founded")["key"]
        .as_str()
        .unwrap()
        .to_string();
    s.append(
        HERALD,
        &format!("\n<!-- claimcheck: ignore {key} -- reviewed -->\n"),
    );
    let run = s.jsonl(&[]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.of_kind("conflict").is_empty(), "{run}");
    assert!(run.of_kind("unused-suppression").is_empty(), "{run}");
    let plain = s.check(&[]);
    assert_eq!(plain.code, 0, "{plain}");
}

#[test]
fn inline_ignore_without_a_key_is_an_input_error() {
    for comment in [
        "<!-- claimcheck: ignore -->",
        "<!-- claimcheck: ignore -- checked with the curator -->",
    ] {
        let s = Scene::new(&[GAZETTE, HERALD]);
        // line 9: after the front matter, the blank line, two paragraphs and a blank line
        s.append(HERALD, &format!("\n{comment}\n"));
        assert_eq!(
            s.read("corpus/coastal-herald.md").lines().nth(8),
            Some(comment)
        );
        for run in [s.check(&[]), s.jsonl(&[])] {
            assert_eq!(run.code, 2, "{comment}: an input error\n{run}");
            assert!(
                run.stderr.contains("corpus/coastal-herald.md:9:"),
                "{comment}: stderr names the file and line\n{run}"
            );
            assert!(run.stderr.contains("must name the claim key"), "{run}");
        }
    }
}

#[test]
fn inline_ignore_that_silences_nothing_is_reported() {
    // a key nothing in the corpus has
    let s = Scene::new(&[GAZETTE, HERALD]);
    s.append(
        GAZETTE,
        "\n<!-- claimcheck: ignore kestrel.visitors -- reviewed -->\n",
    );
    let run = s.jsonl(&[]);
    assert_eq!(run.code, 1, "the conflict is still there\n{run}");
    assert_eq!(run.conflict(MUSEUM_KEY)["severity"], "error");
    let unused = run.of_kind("unused-suppression");
    assert_eq!(unused.len(), 1, "{run}");
    assert_eq!(unused[0]["key"], "kestrel.visitors");
    let m = unused[0]["message"].as_str().unwrap();
    assert!(m.contains("corpus/harbour-gazette.md"), "{m}");
    assert!(m.contains("kestrel.visitors"), "{m}");
    let strict = s.jsonl(&["--strict-baseline"]);
    assert_eq!(strict.of_kind("unused-suppression")[0]["severity"], "error");

    // a key with a finding, but none involving this article
    let s = Scene::new(&[GAZETTE, HERALD, LEDGER]);
    s.write("claims/museum.json", MUSEUM_CATALOGUE);
    s.append(
        LEDGER,
        "\n<!-- claimcheck: ignore kestrel.founded -- reviewed -->\n",
    );
    let run = s.jsonl(&[]);
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(run.conflict("kestrel.founded")["severity"], "error");
    let unused = run.of_kind("unused-suppression");
    assert_eq!(unused.len(), 1, "{run}");
    assert_eq!(unused[0]["key"], "kestrel.founded");
    let m = unused[0]["message"].as_str().unwrap();
    assert!(m.contains("corpus/city-ledger.md"), "{m}");
}

// ---------------------------------------------------------------------------
// 7. only what a change touched
// ---------------------------------------------------------------------------

#[test]
fn only_touching_reports_findings_that_involve_the_touched_articles() {
    let s = Scene::new(&[GAZETTE, HERALD, VALLEY, OBSERVER, LEDGER]);
    let all = s.jsonl(&[]);
    assert_eq!(all.of_kind("conflict").len(), 2, "{all}");

    for touched in ["corpus/harbour-gazette.md", "corpus/coastal-herald.md"] {
        let run = s.jsonl(&["--only-touching", touched]);
        assert_eq!(run.code, 1, "{run}");
        assert_eq!(
            run.keys_of_kind("conflict"),
            [MUSEUM_KEY],
            "{touched}\n{run}"
        );
        // the conflict still shows both sides, the untouched article included
        let c = run.conflict(MUSEUM_KEY);
        assert_eq!(
            docs(&c),
            ["corpus/coastal-herald.md", "corpus/harbour-gazette.md"]
        );
        for f in run.findings() {
            assert!(docs(&f).iter().any(|d| d == touched), "{touched}: {f}");
        }
        let plain = s.check(&["--only-touching", touched]);
        assert_eq!(plain.code, 1, "{plain}");
        assert!(plain.stdout.contains(MUSEUM_KEY), "{plain}");
        assert!(!plain.stdout.contains(COOP_KEY), "{plain}");
    }

    // an absolute path and ./ name the same article
    let abs = s.path("corpus/county-observer.md");
    let run = s.jsonl(&[
        "--only-touching",
        abs.to_str().unwrap(),
        "./corpus/city-ledger.md",
    ]);
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(run.keys_of_kind("conflict"), [COOP_KEY], "{run}");

    // an article in no warning or error
    let run = s.jsonl(&["--only-touching", "corpus/city-ledger.md"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.errors().is_empty(), "{run}");
}

#[test]
fn changed_since_reports_findings_that_involve_changed_articles() {
    let s = committed(&[GAZETTE, HERALD, VALLEY, OBSERVER, LEDGER]);

    let clean = s.jsonl(&["--changed-since", "HEAD"]);
    assert_eq!(clean.code, 0, "nothing changed, nothing reported\n{clean}");
    assert!(clean.errors().is_empty(), "{clean}");

    // the valley paper adds a paragraph (its founding year unchanged)
    s.append(
        VALLEY,
        "\nOrganisers hope to add a second pressing day in the autumn.\n",
    );
    let run = s.jsonl(&["--changed-since", "HEAD"]);
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(run.keys_of_kind("conflict"), [COOP_KEY], "{run}");
    assert!(!run.findings().is_empty());
    for f in run.findings() {
        assert!(
            docs(&f).iter().any(|d| d == "corpus/valley-times.md"),
            "only findings involving the changed article: {f}"
        );
    }
    let plain = s.check(&["--changed-since", "HEAD"]);
    assert_eq!(plain.code, 1, "{plain}");
    assert!(!plain.stdout.contains(MUSEUM_KEY), "{plain}");
}

/// A temp git repository holding the committed corpus.
fn committed(articles: &[&str]) -> Scene {
    let s = Scene::new(articles);
    s.git(&["init", "-q"]);
    s.git(&["config", "user.name", "Claimcheck Tests"]);
    s.git(&["config", "user.email", "tests@example.invalid"]);
    s.git(&["config", "commit.gpgsign", "false"]);
    s.git(&["add", "corpus"]);
    s.git(&["commit", "-q", "-m", "corpus"]);
    s
}

/// A new, untracked article about the cooperative, contradicting both others.
fn add_untracked_coop_article(s: &Scene) {
    let text = s
        .read("corpus/valley-times.md")
        .replace("founded in 1998", "founded in 2001");
    s.write("corpus/market-weekly.md", &text);
}

#[test]
fn changed_since_counts_new_untracked_articles() {
    let s = committed(&[GAZETTE, HERALD, VALLEY, OBSERVER]);
    add_untracked_coop_article(&s);
    let run = s.jsonl(&["--changed-since", "HEAD"]);
    assert_eq!(run.code, 1, "{run}");
    let conflicts = run.of_kind("conflict");
    // one dispute about the cooperative: 2001 against both 1998 and 2004
    assert_eq!(conflicts.len(), 1, "one dispute\n{run}");
    let texts: Vec<&str> = conflicts[0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    for year in ["1998", "2001", "2004"] {
        assert!(texts.contains(&year), "{year} is in the dispute: {texts:?}");
    }
    for f in run.findings() {
        assert!(
            docs(&f).iter().any(|d| d == "corpus/market-weekly.md"),
            "only findings involving the new article: {f}"
        );
    }
}

#[test]
fn changed_since_counts_new_untracked_articles_from_a_subdirectory() {
    let s = committed(&[GAZETTE, HERALD, VALLEY, OBSERVER]);
    add_untracked_coop_article(&s);
    let claims = s.path("claims");
    let run = s.run_in(
        "corpus",
        &[
            "check",
            ".",
            "--claims",
            claims.to_str().unwrap(),
            "--format",
            "jsonl",
            "--changed-since",
            "HEAD",
        ],
        &[],
    );
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(
        run.of_kind("conflict").len(),
        1,
        "one dispute with 1998, 2001 and 2004\n{run}"
    );
    for f in run.findings() {
        assert!(
            docs(&f).iter().any(|d| d.ends_with("market-weekly.md")),
            "only findings involving the new article: {f}"
        );
    }
}

// ---------------------------------------------------------------------------
// 8. GitHub Actions
// ---------------------------------------------------------------------------

#[test]
fn github_actions_gets_the_table_and_annotations_unless_a_format_is_given() {
    let s = Scene::new(&[GAZETTE, HERALD]);
    let gha = [("GITHUB_ACTIONS", "true")];
    let run = s.check_env(&[], &gha);
    assert_eq!(run.code, 1, "{run}");
    let annotations: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("::error "))
        .collect();
    assert_eq!(annotations.len(), 2, "one per claim of the conflict\n{run}");
    for (a, file, line) in [
        (annotations[0], "corpus/coastal-herald.md", 7),
        (annotations[1], "corpus/harbour-gazette.md", 5),
    ] {
        assert!(
            a.starts_with(&format!("::error file={file},line={line},")),
            "{a}\n{run}"
        );
    }
    // the table report is there as well
    assert!(run.stdout.contains("error   conflict (gross)"), "{run}");
    assert!(run.stdout.contains("corpus/harbour-gazette.md:5:"), "{run}");
    assert!(run.stdout.contains("2 documents, 2 claims"), "{run}");

    let jsonl = s.check_env(&["--format", "jsonl"], &gha);
    assert_eq!(jsonl.code, 1, "{jsonl}");
    assert!(!jsonl.stdout.contains("::error"), "{jsonl}");
    assert_eq!(jsonl.of_kind("conflict").len(), 1);

    let table = s.check_env(&["--format", "table"], &gha);
    assert!(!table.stdout.contains("::error"), "{table}");

    // outside Actions, no annotations
    let local = s.check(&[]);
    assert_eq!(local.code, 1);
    assert!(!local.stdout.contains("::error"), "{local}");
    let other = s.check_env(&[], &[("GITHUB_ACTIONS", "false")]);
    assert!(!other.stdout.contains("::error"), "{other}");
}

// ---------------------------------------------------------------------------
// 9. broken baselines
// ---------------------------------------------------------------------------

#[test]
fn a_corrupt_baseline_is_an_input_error_naming_file_line_and_column() {
    let corrupt = r#"{"schema": 1, "accepted": [ {"fingerprint": 3} ]}"#;
    let location = regex::Regex::new(r"accepted\.json:\d+:\d+: ").unwrap();

    // the default baseline in the catalogue directory
    let s = Scene::new(&[GAZETTE, HERALD]);
    s.write("claims/accepted.json", corrupt);
    let run = s.check(&[]);
    assert_eq!(run.code, 2, "{run}");
    assert!(location.is_match(&run.stderr), "{run}");
    let shown = s.path("claims/accepted.json");
    assert!(
        run.stderr.contains(&format!("{}:1:", shown.display())),
        "{run}"
    );

    // one named with --baseline
    s.write(
        "other.json",
        "{\n  \"schema\": 1,\n  \"accepted\": [ {\"fingerprint\": 3} ]\n}\n",
    );
    let run = s.jsonl(&["--baseline", "other.json"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("other.json:3:"), "{run}");

    // --no-baseline does not read it
    let run = s.check(&["--no-baseline"]);
    assert_eq!(run.code, 1, "{run}");
}

#[test]
fn a_newer_baseline_schema_is_an_input_error() {
    let s = Scene::new(&[GAZETTE, HERALD]);
    s.write(
        "claims/accepted.json",
        "{\"schema\": 99, \"accepted\": []}\n",
    );
    let run = s.check(&[]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("accepted.json"), "{run}");
    assert!(run.stderr.contains("newer"), "{run}");
    assert!(run.stderr.contains("99"), "{run}");
}

#[test]
fn write_baseline_refuses_to_overwrite_a_baseline_it_cannot_read() {
    let s = Scene::new(&[GAZETTE, HERALD]);
    s.write_baseline();
    // a person fills in a reason and leaves a trailing comma behind
    let typo = s.read("claims/accepted.json").replacen(
        "\"reason\": \"\"",
        "\"reason\": \"erratum printed on 14 March\",",
        1,
    );
    s.write("claims/accepted.json", &typo);
    let run = s.check(&["--write-baseline", "claims/accepted.json"]);
    assert_eq!(run.code, 2, "{run}");
    let location = regex::Regex::new(r"accepted\.json:\d+:\d+: ").unwrap();
    assert!(location.is_match(&run.stderr), "{run}");
    assert_eq!(
        s.read("claims/accepted.json"),
        typo,
        "the file, and its reason, are left alone"
    );
}
