//! Corpus-scale features: the map/reduce split (`claims` then
//! `check --from-claims`) and the incremental cache.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs claimcheck in `dir`; returns (stdout, stderr, exit code).
fn run(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(dir)
        .env_remove("GITHUB_ACTIONS")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// A copy of the bundled corpus and catalogue in a temporary directory.
fn corpus_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for sub in ["corpus", "claims"] {
        std::fs::create_dir_all(tmp.path().join(sub)).unwrap();
        for e in std::fs::read_dir(root().join(sub)).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, tmp.path().join(sub).join(p.file_name().unwrap())).unwrap();
        }
    }
    tmp
}

/// The `summary` record of `check --format jsonl` output.
fn summary(out: &str) -> serde_json::Value {
    out.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|r| r["type"] == "summary")
        .unwrap()
}

fn articles(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir.join("corpus"))
        .unwrap()
        .map(|e| format!("corpus/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    v.sort();
    v
}

#[test]
fn four_shards_reconcile_to_the_same_bytes_as_a_direct_run() {
    let tmp = corpus_copy();
    let dir = tmp.path();
    let docs = articles(dir);
    assert_eq!(docs.len(), 5);
    // four shards of uneven size, written in an order unlike the corpus order
    let shards: [&[String]; 4] = [&docs[3..5], &docs[0..1], &docs[2..3], &docs[1..2]];
    let mut files = Vec::new();
    for (i, shard) in shards.iter().enumerate() {
        let mut args = vec!["claims"];
        args.extend(shard.iter().map(String::as_str));
        let (out, err, code) = run(dir, &args);
        assert_eq!(code, 0, "{err}");
        let name = format!("shard-{i}.jsonl");
        std::fs::write(dir.join(&name), out).unwrap();
        files.push(name);
    }
    let mut args = vec!["check", "--format", "jsonl", "--no-cache", "--from-claims"];
    args.extend(files.iter().map(String::as_str));
    let (merged, err, code) = run(dir, &args);
    assert_eq!(code, 0, "{err}");
    let (direct, _, direct_code) = run(
        dir,
        &["check", "corpus/", "--format", "jsonl", "--no-cache"],
    );
    assert_eq!(code, direct_code);
    assert_eq!(
        merged, direct,
        "findings from shards must equal a direct run byte for byte"
    );
    assert!(
        merged.contains("\"kind\":\"changed\""),
        "the report is not empty"
    );
}

#[test]
fn shards_report_failed_and_skipped_files_as_a_direct_run_does() {
    let tmp = corpus_copy();
    let dir = tmp.path();
    // a second directory with a file that is not an article, one that is
    // not UTF-8 (an input error), and an article
    let extra = dir.join("extra");
    std::fs::create_dir(&extra).unwrap();
    std::fs::write(extra.join("chart.png"), b"\x89PNG").unwrap();
    std::fs::write(extra.join("notes"), "no extension").unwrap();
    std::fs::write(
        extra.join("broken.md"),
        b"The network has \xff 425 cities.\n",
    )
    .unwrap();
    std::fs::write(
        extra.join("more.md"),
        "---\npublished: 2025-12-05\n---\nThe network has 425 member cities.\n",
    )
    .unwrap();
    let mut files = Vec::new();
    for (i, path) in ["corpus/", "extra/"].iter().enumerate() {
        let (out, err, code) = run(dir, &["claims", path]);
        // the shard with the unreadable article fails, as a direct run would
        assert_eq!(code, if i == 1 { 2 } else { 0 }, "{err}");
        let name = format!("shard-{i}.jsonl");
        std::fs::write(dir.join(&name), out).unwrap();
        files.push(name);
    }
    for format in ["jsonl", "table"] {
        let mut args = vec!["check", "--format", format, "--no-cache", "--from-claims"];
        args.extend(files.iter().map(String::as_str));
        let merged = run(dir, &args);
        let direct = run(
            dir,
            &[
                "check",
                "corpus/",
                "extra/",
                "--format",
                format,
                "--no-cache",
            ],
        );
        assert_eq!(merged.2, 2, "an input error: {}", merged.1);
        assert_eq!(merged, direct, "{format}: stdout, stderr and exit code");
    }
    let (out, ..) = run(
        dir,
        &[
            "check",
            "--format",
            "jsonl",
            "--no-cache",
            "--from-claims",
            "shard-0.jsonl",
            "shard-1.jsonl",
        ],
    );
    let summary: serde_json::Value = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|r| r["type"] == "summary")
        .unwrap();
    assert_eq!(summary["inputs"]["failed"], 1, "{summary}");
    assert_eq!(summary["inputs"]["skipped"]["total"], 2, "{summary}");
}

#[test]
fn a_broken_claims_file_is_an_input_error_naming_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("shard.jsonl"),
        "{\"type\":\"header\",\"schema\":1,\"tool\":\"claimcheck\",\"version\":\"0.1.0\"}\n{\"type\":\"claim\",\"doc\":\"x\"}\n",
    )
    .unwrap();
    std::fs::create_dir(tmp.path().join("claims")).unwrap();
    let (_, err, code) = run(tmp.path(), &["check", "--from-claims", "shard.jsonl"]);
    assert_eq!(code, 2);
    assert!(err.contains("shard.jsonl:2:"), "{err}");
}

#[test]
fn the_cache_serves_unchanged_articles_and_ignores_corrupt_entries() {
    let tmp = corpus_copy();
    let dir = tmp.path();
    let (cold, _, code) = run(dir, &["check", "corpus/", "--format", "jsonl"]);
    assert_eq!(code, 0);
    assert_eq!(summary(&cold)["inputs"]["from_cache"], 0);
    assert!(
        dir.join(".claimcheck-cache/.gitignore").exists(),
        "the cache ignores itself"
    );

    let (warm, _, _) = run(dir, &["check", "corpus/", "--format", "jsonl"]);
    assert_eq!(summary(&warm)["inputs"]["from_cache"], 5);
    assert_eq!(
        warm,
        cold.replace("\"from_cache\":0", "\"from_cache\":5"),
        "cached claims give the same report"
    );

    // one article edited: only it is extracted again
    let edited = dir.join(&articles(dir)[0]);
    let mut text = std::fs::read_to_string(&edited).unwrap();
    text.push_str("\nThe committee has 12 members.\n");
    std::fs::write(&edited, text).unwrap();
    let (after_edit, _, _) = run(dir, &["check", "corpus/", "--format", "jsonl"]);
    assert_eq!(summary(&after_edit)["inputs"]["from_cache"], 4);

    // every cache entry corrupted: warned about, never trusted, report unchanged
    let pack = dir.join(".claimcheck-cache/claims.pack");
    let mut bytes = std::fs::read(&pack).unwrap();
    let mut hits = 0;
    // an entry: `CCE1`, key, lengths and checksum (28 bytes), then its payload
    for i in 0..bytes.len() - 29 {
        if &bytes[i..i + 4] == b"CCE1" {
            bytes[i + 28] ^= 0x55; // same length: each entry's checksum fails
            hits += 1;
        }
    }
    assert_eq!(hits, 6, "the five articles and the edited one");
    std::fs::write(&pack, bytes).unwrap();
    let (recovered, err, code) = run(dir, &["check", "corpus/", "--format", "jsonl"]);
    assert_eq!(code, 0);
    assert!(
        err.contains("warning") && err.contains("cache entry ignored"),
        "{err}"
    );
    assert_eq!(summary(&recovered)["inputs"]["from_cache"], 0);
    assert_eq!(
        recovered.replace("\"from_cache\":0", ""),
        after_edit.replace("\"from_cache\":4", "")
    );

    // --no-cache neither reads nor writes
    let (no_cache, _, _) = run(
        dir,
        &["check", "corpus/", "--format", "jsonl", "--no-cache"],
    );
    assert_eq!(summary(&no_cache)["inputs"]["from_cache"], 0);
}

#[test]
fn an_article_rewritten_in_place_with_its_old_times_is_read_again() {
    // a warm run knows settled articles unchanged by their `stat` stamps,
    // without reading them; a rewrite that keeps the size, the file and its
    // modification time still moves the change time, and is read
    let tmp = corpus_copy();
    let dir = tmp.path();
    let from_cache = |out: &str| summary(out)["inputs"]["from_cache"].clone();
    // the cache trusts a stamp only three seconds after the file's last change
    std::thread::sleep(std::time::Duration::from_millis(3_100));
    let (cold, _, _) = run(dir, &["check", "corpus/", "--format", "jsonl"]);
    assert!(dir.join(".claimcheck-cache/files.index").exists());
    let (warm, _, _) = run(dir, &["check", "corpus/", "--format", "jsonl"]);
    assert_eq!(from_cache(&warm), 5);
    assert_eq!(warm, cold.replace("\"from_cache\":0", "\"from_cache\":5"));

    let edited = dir.join(&articles(dir)[0]);
    let modified = std::fs::metadata(&edited).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&edited).unwrap();
    let year = text.find("20").expect("a year in the article");
    let mut rewritten = text.clone();
    rewritten.replace_range(year..year + 2, "19");
    std::fs::write(&edited, &rewritten).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&edited)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let (after, _, code) = run(dir, &["check", "corpus/", "--format", "jsonl"]);
    assert_eq!(code, 1.min(code), "{after}");
    assert_eq!(from_cache(&after), 4, "the rewritten article is read");
    let (direct, _, _) = run(
        dir,
        &["check", "corpus/", "--format", "jsonl", "--no-cache"],
    );
    assert_eq!(
        after.replace("\"from_cache\":4", ""),
        direct.replace("\"from_cache\":0", ""),
        "and the report is the one its new text gives"
    );
    assert_ne!(
        after.replace("\"from_cache\":4", ""),
        warm.replace("\"from_cache\":5", "")
    );
}
