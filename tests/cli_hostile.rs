//! Hostile and broken input: claimcheck never panics, never hangs, never
//! silently drops a document, and says exactly what is wrong.
//!
//! Each case runs the real binary, usually twice: `claimcheck extract PATHS
//! --format jsonl` and `claimcheck check PATHS --claims <empty dir> --format
//! jsonl`, in a temporary directory that holds the odd files (made at test
//! time: FIFOs, symlink loops, unreadable files and non-UTF-8 bytes do not
//! belong in git). Every case asserts the exit code and the exact message
//! (or a precise substring of it), and that stdout stays machine-readable.
//!
//! Two cases generate large files (a 50 MB single-line article, a 200 MB
//! article) and are `#[ignore]`d, as they take minutes in a debug build:
//! `cargo test --release --test cli_hostile -- --ignored`.

use std::fs;
use std::path::PathBuf;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// Generous for a debug build, short enough that a blocking read fails the
/// test instead of hanging the suite.
const TIMEOUT: Duration = Duration::from_secs(60);

/// A temporary directory to run claimcheck in, with an empty catalogue
/// directory `no-claims/` for `check`.
struct Sandbox {
    dir: tempfile::TempDir,
}

/// What one run printed and how it exited.
#[derive(Debug)]
struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

impl Run {
    /// stdout as JSON lines; panics (failing the test) if a line is not JSON.
    fn records(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .enumerate()
            .map(|(i, line)| {
                serde_json::from_str(line)
                    .unwrap_or_else(|e| panic!("stdout line {} is not JSON ({e}): {line:?}", i + 1))
            })
            .collect()
    }

    /// The records of one `type`.
    fn of_type(&self, kind: &str) -> Vec<Value> {
        self.records()
            .into_iter()
            .filter(|r| r["type"] == kind)
            .collect()
    }

    /// `mention` (extract) or `document` (check) paths, in output order,
    /// de-duplicated.
    fn docs(&self) -> Vec<String> {
        let mut docs: Vec<String> = Vec::new();
        for r in self.records() {
            let path = match r["type"].as_str() {
                Some("mention") => r["doc"].as_str(),
                Some("document") => r["path"].as_str(),
                _ => None,
            };
            if let Some(p) = path {
                if docs.last().map(String::as_str) != Some(p) {
                    docs.push(p.to_string());
                }
            }
        }
        docs
    }

    fn summary(&self) -> Value {
        self.of_type("summary")
            .pop()
            .unwrap_or_else(|| panic!("no summary record in {}", self.stdout))
    }

    #[track_caller]
    fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "exit code\nstderr:\n{}\nstdout:\n{}",
            self.stderr, self.stdout
        );
        self
    }

    /// stderr is exactly these lines.
    #[track_caller]
    fn assert_stderr(&self, lines: &[&str]) -> &Self {
        let got: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(got, lines, "stderr");
        self
    }

    /// stderr has this exact line.
    #[track_caller]
    fn assert_stderr_line(&self, line: &str) -> &Self {
        assert!(
            self.stderr.lines().any(|l| l == line),
            "stderr has no line {line:?}:\n{}",
            self.stderr
        );
        self
    }

    /// stderr contains this text.
    #[track_caller]
    fn assert_stderr_contains(&self, text: &str) -> &Self {
        assert!(
            self.stderr.contains(text),
            "stderr does not contain {text:?}:\n{}",
            self.stderr
        );
        self
    }

    /// Nothing that could drive a terminal: no ESC and no bidi override.
    #[track_caller]
    fn assert_no_raw_controls(&self) -> &Self {
        for (name, out) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            assert!(!out.contains('\u{1b}'), "raw ESC in {name}:\n{out:?}");
            assert!(
                !out.contains('\u{202e}'),
                "raw bidi override in {name}:\n{out:?}"
            );
        }
        self
    }
}

impl Sandbox {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir(dir.path().join("no-claims")).expect("no-claims dir");
        Sandbox { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> &Self {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create dirs");
        }
        fs::write(path, content).expect("write file");
        self
    }

    fn mkdir(&self, rel: &str) -> &Self {
        fs::create_dir_all(self.path(rel)).expect("create dir");
        self
    }

    fn command(&self) -> Command {
        let mut cmd = Command::cargo_bin("claimcheck").expect("claimcheck binary");
        cmd.current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .env_remove("GITHUB_ACTIONS")
            .timeout(TIMEOUT);
        cmd
    }

    fn run(&self, args: &[&str]) -> Run {
        finish(self.command().args(args))
    }

    /// `claimcheck extract PATHS… --format jsonl`
    fn extract(&self, paths: &[&str]) -> Run {
        let mut args = vec!["extract"];
        args.extend_from_slice(paths);
        args.extend_from_slice(&["--format", "jsonl"]);
        self.run(&args)
    }

    /// `claimcheck check PATHS… --claims no-claims --format jsonl`
    fn check(&self, paths: &[&str]) -> Run {
        self.check_with(paths, &[])
    }

    fn check_with(&self, paths: &[&str], extra: &[&str]) -> Run {
        let mut args = vec!["check"];
        args.extend_from_slice(paths);
        args.extend_from_slice(&["--claims", "no-claims", "--format", "jsonl"]);
        args.extend_from_slice(extra);
        self.run(&args)
    }
}

fn finish(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("run claimcheck");
    let code = out.status.code().unwrap_or_else(|| {
        panic!(
            "claimcheck was killed (a timeout means it hung), status {:?}\nstderr:\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        )
    });
    Run {
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        code,
    }
}

const ARTICLE: &str = "The network has 425 member cities.\n";

/// Asserts that claimcheck did not crash: Rust panics print this.
#[track_caller]
fn assert_no_panic(run: &Run) {
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
        "claimcheck panicked:\n{}",
        run.stderr
    );
}

// ---------------------------------------------------------------------------
// Paths that are not articles
// ---------------------------------------------------------------------------

#[test]
fn missing_path_is_an_error_naming_it() {
    let s = Sandbox::new();
    s.write("a.txt", ARTICLE);
    let run = s.extract(&["missing.txt", "a.txt"]);
    run.assert_code(2)
        .assert_stderr(&["missing.txt: error: no such file or directory"]);
    // the readable article is still extracted
    assert_eq!(run.docs(), ["a.txt"]);

    let run = s.check(&["missing.txt", "a.txt"]);
    run.assert_code(2)
        .assert_stderr(&["missing.txt: error: no such file or directory"]);
    assert_eq!(run.docs(), ["a.txt"]);
    assert_eq!(run.summary()["documents"], 1);
}

#[test]
fn directory_without_articles_is_an_error() {
    let s = Sandbox::new();
    s.write("notes/readme.pdf", "%PDF-1.4")
        .write("notes/data.csv", "a,b\n1,2\n");
    let message = "notes: error: no .txt, .md or .markdown articles found in this directory \
                   (hidden and ignored files are skipped; name a file to read it anyway)";
    let run = s.extract(&["notes"]);
    run.assert_code(2).assert_stderr(&[
        message,
        "claimcheck: 2 files skipped: 2 not articles (1 .csv, 1 .pdf)",
    ]);
    assert!(run.stdout.is_empty());

    let run = s.check(&["notes"]);
    run.assert_code(2).assert_stderr(&[message]);
    assert_eq!(run.summary()["documents"], 0);
    // what was there instead is counted
    assert_eq!(
        run.summary()["inputs"]["skipped"]["by_reason"],
        serde_json::json!({"not an article (.csv)": 1, "not an article (.pdf)": 1})
    );

    // an empty directory too
    s.mkdir("empty");
    let run = s.extract(&["empty"]);
    run.assert_code(2)
        .assert_stderr_contains("empty: error: no .txt, .md or .markdown articles");
}

#[cfg(unix)]
#[test]
fn unreadable_file_among_many_is_listed_and_the_others_are_checked() {
    use std::os::unix::fs::PermissionsExt;
    let s = Sandbox::new();
    s.write("corpus/a.txt", "A has 5 cities.\n")
        .write("corpus/b.txt", "B has 6 cities.\n")
        .write("corpus/c.txt", "C has 7 cities.\n");
    let locked = s.path("corpus/b.txt");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    let message = "corpus/b.txt: error: cannot read: permission denied";

    let expect = |extract: Run, check: Run| {
        extract.assert_code(2).assert_stderr(&[message]);
        assert_eq!(extract.docs(), ["corpus/a.txt", "corpus/c.txt"]);
        check.assert_code(2).assert_stderr_line(message);
        assert_eq!(check.docs(), ["corpus/a.txt", "corpus/c.txt"]);
    };

    if fs::read(&locked).is_err() {
        expect(s.extract(&["corpus"]), s.check(&["corpus"]));
        return;
    }
    // Running as root: chmod 000 does not deny reads. Run claimcheck as
    // `nobody` instead, when setpriv can do that.
    let bin = assert_cmd::cargo::cargo_bin("claimcheck");
    let can_drop = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        .status()
        .is_ok_and(|st| st.success());
    if !can_drop {
        eprintln!(
            "note: skipping the permission-denied case: running as root (chmod 000 does not \
             deny reads) and setpriv cannot drop privileges here"
        );
        return;
    }
    // nobody must be able to reach the sandbox and read the other files
    for dir in [
        s.dir.path().to_path_buf(),
        s.path("corpus"),
        s.path("no-claims"),
    ] {
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o777)).expect("chmod dir");
    }
    for f in ["corpus/a.txt", "corpus/c.txt"] {
        fs::set_permissions(s.path(f), fs::Permissions::from_mode(0o644)).expect("chmod file");
    }
    let as_nobody = |args: &[&str]| {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin)
            .args(args)
            .current_dir(s.dir.path())
            .env("NO_COLOR", "1")
            .timeout(TIMEOUT);
        finish(&mut cmd)
    };
    expect(
        as_nobody(&["extract", "corpus", "--format", "jsonl"]),
        as_nobody(&[
            "check",
            "corpus",
            "--claims",
            "no-claims",
            "--format",
            "jsonl",
            "--no-cache",
        ]),
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_followed_forever() {
    let s = Sandbox::new();
    s.write("corpus/a.txt", ARTICLE);
    // a directory link back to its parent
    std::os::unix::fs::symlink(".", s.path("corpus/loop")).expect("symlink");
    let warning =
        "corpus/loop: warning: symbolic link loop: points back to corpus; not followed again";

    let run = s.extract(&["corpus"]);
    run.assert_code(0).assert_stderr(&[warning]);
    // a.txt is read once, not once per trip round the loop
    assert_eq!(run.docs(), ["corpus/a.txt"]);
    assert_eq!(run.records().len(), 1);

    let run = s.check(&["corpus"]);
    run.assert_code(0).assert_stderr(&[warning]);
    assert_eq!(run.docs(), ["corpus/a.txt"]);

    // two article links pointing at each other cannot be read: errors
    std::os::unix::fs::symlink("c.txt", s.path("corpus/b.txt")).expect("symlink");
    std::os::unix::fs::symlink("b.txt", s.path("corpus/c.txt")).expect("symlink");
    let run = s.extract(&["corpus"]);
    run.assert_code(2).assert_stderr(&[
        "corpus/b.txt: error: cannot read: too many levels of symbolic links",
        "corpus/c.txt: error: cannot read: too many levels of symbolic links",
        warning,
    ]);
    assert_eq!(run.docs(), ["corpus/a.txt"]);

    // a link to itself named on the command line
    std::os::unix::fs::symlink("self.txt", s.path("self.txt")).expect("symlink");
    let run = s.extract(&["self.txt"]);
    run.assert_code(2)
        .assert_stderr(&["self.txt: error: too many levels of symbolic links"]);
    let run = s.check(&["self.txt"]);
    run.assert_code(2)
        .assert_stderr(&["self.txt: error: too many levels of symbolic links"]);
}

#[cfg(unix)]
#[test]
fn devices_and_fifos_named_explicitly_are_refused_without_blocking() {
    let s = Sandbox::new();
    s.write("a.txt", ARTICLE);
    let device = "/dev/zero: error: is a device, not a regular file; to read a stream, \
                  pipe it to claimcheck and pass `-`";
    // /dev/zero never ends: reading it would exhaust memory
    let run = s.extract(&["/dev/zero", "a.txt"]);
    run.assert_code(2).assert_stderr(&[device]);
    assert_eq!(run.docs(), ["a.txt"]);
    let run = s.check(&["/dev/zero", "a.txt"]);
    run.assert_code(2).assert_stderr(&[device]);
    assert_eq!(run.docs(), ["a.txt"]);

    let made = std::process::Command::new("mkfifo")
        .arg(s.path("pipe.txt"))
        .status()
        .is_ok_and(|st| st.success());
    if !made {
        eprintln!("note: skipping the FIFO case: mkfifo is not available");
        return;
    }
    // opening a FIFO with no writer blocks forever; the timeout would fail this test
    let fifo = "pipe.txt: error: is a FIFO (named pipe), not a regular file; to read a stream, \
                pipe it to claimcheck and pass `-`";
    let run = s.extract(&["pipe.txt", "a.txt"]);
    run.assert_code(2).assert_stderr(&[fifo]);
    assert_eq!(run.docs(), ["a.txt"]);
    let run = s.check(&["pipe.txt", "a.txt"]);
    run.assert_code(2).assert_stderr(&[fifo]);

    // met while walking a directory: skipped with a warning, never opened
    fs::rename(s.path("pipe.txt"), s.path("corpus/pipe.txt"))
        .or_else(|_| {
            fs::create_dir(s.path("corpus"))?;
            fs::rename(s.path("pipe.txt"), s.path("corpus/pipe.txt"))
        })
        .expect("move fifo");
    s.write("corpus/a.txt", ARTICLE);
    let warning =
        "corpus/pipe.txt: warning: skipped: not a regular file (a FIFO, socket or device)";
    let run = s.extract(&["corpus"]);
    run.assert_code(0)
        .assert_stderr(&[warning, "claimcheck: 1 file skipped: 1 not a regular file"]);
    assert_eq!(run.docs(), ["corpus/a.txt"]);
    // and counted in the summary
    let run = s.check(&["corpus"]);
    run.assert_code(0).assert_stderr(&[warning]);
    assert_eq!(
        run.summary()["inputs"]["skipped"]["by_reason"],
        serde_json::json!({"not a regular file": 1})
    );
}

// ---------------------------------------------------------------------------
// Bytes and encodings
// ---------------------------------------------------------------------------

#[test]
fn latin1_article_is_an_error_at_the_bad_byte() {
    let s = Sandbox::new();
    s.write("a.txt", ARTICLE);
    // `Hà Nội Türkiye ` is UTF-8; then `café` saved as Latin-1
    let mut bytes = "Title\nHà Nội Türkiye caf".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xe9 has 5 tables.\n");
    s.write("latin.txt", bytes);
    // column 19 counts chars: `Hà Nội Türkiye caf` is 18 chars, 23 bytes
    let message = "latin.txt:2:19: error: not valid UTF-8 (byte 0xE9; is it Latin-1 or another \
                   encoding? convert it with iconv -f latin1 -t utf-8)";
    let run = s.extract(&["latin.txt", "a.txt"]);
    run.assert_code(2).assert_stderr(&[message]);
    assert_eq!(run.docs(), ["a.txt"]);
    let run = s.check(&["latin.txt", "a.txt"]);
    run.assert_code(2).assert_stderr(&[message]);
    assert_eq!(run.docs(), ["a.txt"]);

    // Windows-1252 curly quotes (0x93) get the right iconv hint
    s.write("cp1252.txt", b"He said \x93yes\x94.\n");
    let run = s.extract(&["cp1252.txt"]);
    run.assert_code(2).assert_stderr(&[
        "cp1252.txt:1:9: error: not valid UTF-8 (byte 0x93; is it Latin-1 or another encoding? \
         convert it with iconv -f windows-1252 -t utf-8)",
    ]);

    // UTF-16 with a byte-order mark
    s.write("utf16.txt", b"\xff\xfeH\x00i\x00");
    let run = s.extract(&["utf16.txt"]);
    run.assert_code(2).assert_stderr(&[
        "utf16.txt: error: UTF-16 text, not UTF-8; convert it with iconv -f utf-16 -t utf-8",
    ]);
}

#[test]
fn byte_order_mark_is_not_a_column_and_offsets_stay_file_offsets() {
    let s = Sandbox::new();
    s.write("bom.txt", format!("\u{feff}{ARTICLE}"));
    let run = s.extract(&["bom.txt"]);
    run.assert_code(0).assert_stderr(&[]);
    let m = &run.records()[0];
    assert_eq!(
        (m["line"].as_u64(), m["column"].as_u64()),
        (Some(1), Some(17))
    );
    // byte offsets count the 3 bytes of the mark
    assert_eq!(
        (m["start"].as_u64(), m["end"].as_u64()),
        (Some(19), Some(22))
    );
    assert_eq!(m["text"], "425");

    // front matter after a BOM is still front matter
    s.write(
        "bom-fm.txt",
        "\u{feff}---\npublished: 2025-12-05\n---\nThe network has 425 member cities.\n",
    );
    let run = s.check(&["bom-fm.txt"]);
    run.assert_code(0).assert_stderr(&[]);
    let doc = &run.of_type("document")[0];
    assert_eq!(doc["published"], "2025-12-05");
    assert_eq!(doc["published_from"], "front_matter");
}

#[test]
fn crlf_and_multibyte_text_give_correct_line_and_column() {
    let s = Sandbox::new();
    let text = "---\r\ntitle: Hà Nội\r\npublished: 2025-12-05\r\n---\r\n\
                Hà Nội and Türkiye: the network has 425 member cities.\r\n\
                \r\n\
                Türkiye added 7 cities.\r\n";
    s.write("crlf.txt", text);
    let run = s.extract(&["crlf.txt"]);
    run.assert_code(0).assert_stderr(&[]);
    let at: Vec<(u64, u64, String)> = run
        .records()
        .iter()
        .map(|m| {
            let (start, end) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            // the span is exactly the text, in bytes of the file
            assert_eq!(
                &text[start as usize..end as usize],
                m["text"].as_str().unwrap()
            );
            (
                m["line"].as_u64().unwrap(),
                m["column"].as_u64().unwrap(),
                m["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        at,
        [(5, 37, "425".to_string()), (7, 15, "7".to_string())],
        "columns count chars; CR is not a column"
    );

    let run = s.check(&["crlf.txt"]);
    run.assert_code(0).assert_stderr(&[]);
    let claims = run.of_type("claim");
    assert_eq!(claims[0]["line"], 5);
    assert_eq!(claims[0]["column"], 37);

    // an error in CRLF front matter is placed just as well
    s.write(
        "bad.txt",
        "---\r\ntitle: Hà Nội\r\npublished: 2025-13-45\r\n---\r\nBody.\r\n",
    );
    s.extract(&["bad.txt"])
        .assert_code(2)
        .assert_stderr(&["bad.txt:3:12: error: published: 2025-13-45 is not a calendar date"]);
}

#[test]
fn png_in_a_corpus_directory_is_skipped_and_counted_but_refused_by_name() {
    // Decision: a walked directory yields only .txt/.md/.markdown files, as
    // ripgrep's type filter would, so images beside articles are not
    // documents: they are skipped without a line each (a corpus may hold
    // thousands) and counted by reason in the summary (exit 0). A binary
    // file named on the command line was asked for: it is an error.
    let s = Sandbox::new();
    s.write("corpus/a.txt", ARTICLE)
        .write(
            "corpus/photo.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01",
        )
        // a PNG wrongly named .txt is caught by its NUL bytes
        .write("corpus/misnamed.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let misnamed = "corpus/misnamed.txt: error: binary file, not an article (NUL byte at offset 8)";
    // extract's output is the data: its count of skipped files goes to stderr
    let skipped = "claimcheck: 1 file skipped: 1 not an article (1 .png)";
    let run = s.extract(&["corpus"]);
    run.assert_code(2).assert_stderr(&[misnamed, skipped]);
    assert_eq!(run.docs(), ["corpus/a.txt"]);
    let run = s.check_with(&["corpus"], &["--no-cache"]);
    run.assert_code(2).assert_stderr(&[misnamed]);
    assert_eq!(run.summary()["documents"], 1);
    // read, failed and skipped: every file is accounted for
    assert_eq!(
        run.summary()["inputs"],
        serde_json::json!({
            "read": 1, "failed": 1, "from_cache": 0,
            "skipped": {"total": 1, "by_reason": {"not an article (.png)": 1}},
        })
    );

    fs::remove_file(s.path("corpus/misnamed.txt")).unwrap();
    let run = s.extract(&["corpus"]);
    run.assert_code(0).assert_stderr(&[skipped]);
    assert_eq!(run.docs(), ["corpus/a.txt"]);
    let run = s.check(&["corpus"]);
    run.assert_code(0).assert_stderr(&[]);
    assert_eq!(run.summary()["inputs"]["skipped"]["total"], 1);

    // named explicitly: read (and refused), never skipped
    let binary = "corpus/photo.png: error: binary file, not an article (NUL byte at offset 8)";
    let run = s.extract(&["corpus/photo.png"]);
    run.assert_code(2).assert_stderr(&[binary]);
    let run = s.check_with(&["corpus", "corpus/photo.png"], &["--no-cache"]);
    run.assert_code(2).assert_stderr(&[binary]);
    assert_eq!(
        run.summary()["inputs"],
        serde_json::json!({
            "read": 1, "failed": 1, "from_cache": 0,
            "skipped": {"total": 0, "by_reason": {}},
        })
    );
}

#[test]
fn files_skipped_in_a_directory_are_counted_by_reason_in_every_summary() {
    let s = Sandbox::new();
    s.write("corpus/a.txt", "Alpha has 5 member cities.\n")
        .write("corpus/b.md", "Beta has 6 member cities.\n")
        .write("corpus/c.txt", "Gamma has 7 member cities.\n")
        .write("corpus/logo.png", b"\x89PNG\r\n\x1a\n\0")
        .write("corpus/img/photo.PNG", b"\x89PNG\r\n\x1a\n\0")
        .write("corpus/data.json", "{}\n")
        .write("corpus/Makefile", "all:\n")
        // hidden and ignored files are filtered by the walker: not counted
        .write("corpus/.notes.png", b"\x89PNG")
        .write("corpus/.gitignore", "draft.txt\n")
        .write("corpus/draft.txt", ARTICLE);

    // JSON lines: the summary record carries the count and the reasons
    let run = s.check(&["corpus"]);
    run.assert_code(0).assert_stderr(&[]);
    assert_eq!(run.docs(), ["corpus/a.txt", "corpus/b.md", "corpus/c.txt"]);
    assert_eq!(
        run.summary()["inputs"]["skipped"],
        serde_json::json!({
            "total": 4,
            "by_reason": {
                "not an article (no extension)": 1,
                "not an article (.json)": 1,
                "not an article (.png)": 2,
            },
        })
    );
    // one JSON object: the same summary
    let run = s.run(&[
        "check",
        "corpus",
        "--claims",
        "no-claims",
        "--format",
        "json",
    ]);
    run.assert_code(0);
    let v: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(v["summary"]["inputs"]["skipped"]["total"], 4);

    // the table and the diagnostics end with the same line, naming the reasons
    let line = "3 documents, 3 claims: 0 conflict, 0 stale, 0 changed, 0 undetermined, 0 agree, \
                3 single (3 not shown; --verbose shows all); 0 at or above --fail-on; \
                4 files skipped: 4 not articles (2 .png, 1 .json, 1 no extension)";
    for format in ["table", "diagnostics"] {
        let run = s.run(&[
            "check",
            "corpus",
            "--claims",
            "no-claims",
            "--format",
            format,
        ]);
        run.assert_code(0).assert_stderr(&[]);
        assert_eq!(
            run.stdout.lines().last(),
            Some(line),
            "{format}:\n{}",
            run.stdout
        );
    }

    // extract and claims (whose stdout is data) say it on stderr
    let run = s.extract(&["corpus"]);
    run.assert_code(0).assert_stderr(&[
        "claimcheck: 4 files skipped: 4 not articles (2 .png, 1 .json, 1 no extension)",
    ]);
    let run = s.run(&["claims", "corpus", "--claims", "no-claims"]);
    run.assert_code(0).assert_stderr(&[
        "claimcheck: 4 files skipped: 4 not articles (2 .png, 1 .json, 1 no extension)",
    ]);

    // nothing skipped: the summary line says nothing about it
    let run = s.extract(&["corpus/a.txt"]);
    run.assert_code(0).assert_stderr(&[]);
    let run = s.run(&["check", "corpus/a.txt", "--claims", "no-claims"]);
    assert!(
        run.stdout.trim_end().ends_with("; 0 at or above --fail-on"),
        "{}",
        run.stdout
    );
}

#[test]
fn empty_and_whitespace_only_files_are_warnings() {
    let s = Sandbox::new();
    s.write("empty.txt", "")
        .write("blank.md", " \n\t\r\n\u{a0}\u{2003}\n  ");
    for file in ["empty.txt", "blank.md"] {
        let warning = format!("{file}: warning: no article text to check");
        let run = s.extract(&[file]);
        run.assert_code(0).assert_stderr(&[&warning]);
        assert!(run.stdout.is_empty());
        let run = s.check(&[file]);
        run.assert_code(0).assert_stderr(&[&warning]);
        // the document is listed, with no claims
        let docs = run.of_type("document");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0]["path"], file);
        assert_eq!(docs[0]["claims"], 0);
    }
    // front matter and nothing else
    s.write("only-fm.md", "---\ntitle: T\n---\n");
    s.extract(&["only-fm.md"])
        .assert_code(0)
        .assert_stderr(&["only-fm.md: warning: no article text to check"]);
}

// ---------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------

#[test]
fn unterminated_front_matter_is_an_error_at_the_opening_fence() {
    let s = Sandbox::new();
    s.write("fm.txt", "---\ntitle: x\nThe body has 5 cities.\n")
        .write("ok.txt", ARTICLE);
    let message = "fm.txt:1:1: error: front matter opened with `---` is never closed; end it with \
                   a `---` line (or remove the opening `---` if the file has no front matter)";
    let run = s.extract(&["fm.txt", "ok.txt"]);
    run.assert_code(2).assert_stderr(&[message]);
    assert_eq!(run.docs(), ["ok.txt"]);
    let run = s.check(&["fm.txt", "ok.txt"]);
    run.assert_code(2).assert_stderr(&[message]);
    assert_eq!(run.docs(), ["ok.txt"]);
}

#[test]
fn unknown_front_matter_key_is_a_warning_at_its_line() {
    let s = Sandbox::new();
    s.write(
        "fm.txt",
        "---\ntitle: x\nauthor: Nguyễn Văn A\n---\nThe body has 5 cities.\n",
    );
    let message = "fm.txt:3:1: warning: unknown front matter key `author` (known keys: title, \
                   source, published, language); ignored";
    let run = s.extract(&["fm.txt"]);
    run.assert_code(0).assert_stderr(&[message]);
    assert_eq!(run.records().len(), 1);
    let run = s.check(&["fm.txt"]);
    run.assert_code(0).assert_stderr(&[message]);
    assert_eq!(run.of_type("document")[0]["title"], "x");
}

#[test]
fn published_date_that_does_not_parse_is_an_error_at_the_value() {
    let s = Sandbox::new();
    s.write(
        "fm.txt",
        "---\npublished: 2025-13-45\n---\nThe body has 5 cities.\n",
    )
    .write(
        "fm2.txt",
        "---\npublished: last Tuesday\n---\nThe body has 5 cities.\n",
    );
    let message = "fm.txt:2:12: error: published: 2025-13-45 is not a calendar date";
    s.extract(&["fm.txt"])
        .assert_code(2)
        .assert_stderr(&[message]);
    s.check(&["fm.txt"])
        .assert_code(2)
        .assert_stderr(&[message]);
    s.extract(&["fm2.txt"]).assert_code(2).assert_stderr(&[
        "fm2.txt:2:12: error: published: expected YYYY, YYYY-MM or YYYY-MM-DD, found `last Tuesday`",
    ]);
}

#[test]
fn published_date_after_the_reference_date_is_a_warning() {
    let s = Sandbox::new();
    s.write(
        "fm.txt",
        "---\npublished: 2027-01-01\n---\nThe body has 5 cities.\n",
    );
    let message =
        "fm.txt:2:12: warning: published date 2027-01-01 is after the reference date 2026-01-01";
    let run = s.run(&[
        "extract",
        "fm.txt",
        "--format",
        "jsonl",
        "--reference-date",
        "2026-01-01",
    ]);
    run.assert_code(0).assert_stderr(&[message]);
    let run = s.check_with(&["fm.txt"], &["--reference-date", "2026-01-01"]);
    run.assert_code(0).assert_stderr(&[message]);
    // the stated date is still used
    assert_eq!(run.of_type("document")[0]["published"], "2027-01-01");
}

// ---------------------------------------------------------------------------
// The claim catalogue (`--claims DIR`)
// ---------------------------------------------------------------------------

/// `check a.txt --claims cat --format jsonl` with one catalogue file.
fn check_catalogue(file: &str, json: &str) -> Run {
    let s = Sandbox::new();
    s.write("a.txt", ARTICLE)
        .write(&format!("cat/{file}"), json);
    let run = s.run(&["check", "a.txt", "--claims", "cat", "--format", "jsonl"]);
    assert_no_panic(&run);
    run
}

/// A catalogue error as printed: one file diagnostic,
/// `cat/FILE:LINE:COL: error: message`, and nothing else; exit 2.
#[track_caller]
fn assert_catalogue_error(run: &Run, expected: &str) {
    run.assert_code(2).assert_stderr(&[expected]);
    assert!(run.stdout.is_empty(), "stdout:\n{}", run.stdout);
}

#[test]
fn catalogue_that_is_not_json() {
    let run = check_catalogue("bad.json", "this is not json\n");
    assert_catalogue_error(
        &run,
        "cat/bad.json:1:2: error: not valid JSON: expected ident",
    );
    let run = check_catalogue("cut.json", "[\n  {\"id\": \"x\",\n");
    assert_catalogue_error(
        &run,
        "cat/cut.json:3:1: error: not valid JSON: EOF while parsing a value",
    );
    // a catalogue file saved as Latin-1
    let s = Sandbox::new();
    s.write("a.txt", ARTICLE)
        .write("cat/latin.json", b"[{\"id\": \"caf\xe9\"}]");
    let run = s.run(&["check", "a.txt", "--claims", "cat", "--format", "jsonl"]);
    assert_catalogue_error(
        &run,
        "cat/latin.json:1:13: error: not valid UTF-8 (byte 0xE9); JSON catalogue files must be UTF-8",
    );
}

#[test]
fn every_broken_catalogue_file_gets_its_own_line() {
    let s = Sandbox::new();
    s.write("a.txt", ARTICLE)
        .write(
            "cat/a.json",
            "[\n  {\"id\": \"x\", \"kind\": \"count\"}\n]\n",
        )
        .write("cat/b.json", "nope")
        // `Hà Nội` in UTF-8, then a Latin-1 `é`
        .write(
            "cat/c.json",
            b"[{\"id\": \"H\xc3\xa0 N\xe1\xbb\x99i\xe9\"}]",
        );
    let run = s.run(&["check", "a.txt", "--claims", "cat", "--format", "jsonl"]);
    run.assert_code(2).assert_stderr(&[
        "cat/c.json:1:16: error: not valid UTF-8 (byte 0xE9); JSON catalogue files must be UTF-8",
    ]);
    fs::remove_file(s.path("cat/c.json")).unwrap();
    let run = s.run(&["check", "a.txt", "--claims", "cat", "--format", "jsonl"]);
    run.assert_code(2).assert_stderr(&[
        "cat/a.json:2:3: error: field `[0].subject` of `x`: missing field `subject` \
         (see README \"Claim catalogue\")",
        "cat/b.json:1:2: error: not valid JSON: expected ident",
    ]);
    assert!(run.stdout.is_empty());
}

#[test]
fn catalogue_of_the_wrong_shape_names_the_field() {
    let run = check_catalogue("shape.json", r#"{"claims": {"id": 5}}"#);
    assert_catalogue_error(
        &run,
        "cat/shape.json:1:12: error: field `claims`: invalid type: map, expected a sequence \
         (see README \"Claim catalogue\")",
    );
    // multi-byte characters before the problem on its line: columns count chars
    let run = check_catalogue(
        "kind.json",
        "[\n {\"id\": \"x\", \"subject\": {\"name\": \"Hà Nội Türkiye\"}, \"kind\": \"sideways\"}\n]\n",
    );
    assert_catalogue_error(
        &run,
        "cat/kind.json:2:61: error: field `[0].kind` of `x`: unknown variant `sideways`, expected one of \
         `count`, `percent`, `money`, `date`, `year`, `age`, `duration` (see README \"Claim catalogue\")",
    );
    // CRLF line endings and a misspelt field
    let run = check_catalogue(
        "field.json",
        "{\"claims\": [\r\n {\"id\": \"x\", \"subject\": {\"name\": \"Hà Nội\"},\r\n  \"kind\": \"count\", \"tolerence\": 1}\r\n]}\r\n",
    );
    assert_catalogue_error(
        &run,
        "cat/field.json:3:20: error: field `claims[0].tolerence` of `x`: unknown field `tolerence`, \
         expected one of `id`, `description`, `subject`, `property`, `kind`, `varies`, \
         `tolerance`, `relations` (see README \"Claim catalogue\")",
    );
    let run = check_catalogue("missing.json", r#"[{"id": "x", "kind": "count"}]"#);
    assert_catalogue_error(
        &run,
        "cat/missing.json:1:2: error: field `[0].subject` of `x`: missing field `subject` \
         (see README \"Claim catalogue\")",
    );
}

#[test]
fn catalogue_pattern_that_is_not_a_regex_names_file_line_column_and_field() {
    let run = check_catalogue(
        "re.json",
        "[\n {\"id\": \"x\", \"subject\": {\"name\": \"Türkiye\"}, \"kind\": \"count\",\n  \"property\": {\"patterns\": [\"Hà Nội (unclosed\"]}}\n]\n",
    );
    assert_catalogue_error(
        &run,
        "cat/re.json:3:29: error: field `[0].property.patterns[0]` of `x`: invalid regular expression: \
         unclosed group (at character 8 of the pattern)",
    );
}

#[test]
fn catalogue_pattern_with_a_huge_repetition_is_rejected_and_a_normal_one_works() {
    let entry = |pattern: &str| {
        format!(
            "[\n {{\"id\": \"gnlc.members\", \"subject\": {{\"name\": \"network\"}}, \"kind\": \"count\",\n  \
             \"property\": {{\"units\": [\"member cities\"], \"patterns\": [{}]}}}}\n]\n",
            serde_json::to_string(pattern).unwrap()
        )
    };
    let run = check_catalogue("big.json", &entry("(a{1000}){1000}"));
    assert_catalogue_error(
        &run,
        "cat/big.json:3:57: error: field `[0].property.patterns[0]` of `gnlc.members`: regular \
         expression too large: once compiled it exceeds the 1024 KiB limit (nested or large \
         counted repetitions such as `(a{1000}){1000}` multiply its size); simplify the pattern",
    );

    let run = check_catalogue("ok.json", &entry(r"\bmember (cities|towns)\b"));
    run.assert_code(0).assert_stderr(&[]);
    let claims = run.of_type("claim");
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0]["key_source"], "catalog");
    assert_eq!(claims[0]["key"], "gnlc.members");
}

#[test]
fn duplicate_claim_id_points_at_both_declarations() {
    let s = Sandbox::new();
    s.write("a.txt", ARTICLE)
        .write(
            "cat/a.json",
            "[{\"id\": \"x\", \"subject\": {\"name\": \"A\"}, \"kind\": \"count\"}]\n",
        )
        .write(
            "cat/b.json",
            "{\"claims\": [\n  {\"id\": \"y\", \"subject\": {\"name\": \"B\"}, \"kind\": \"count\"},\n  {\"id\": \"x\", \"subject\": {\"name\": \"B\"}, \"kind\": \"count\"}\n]}\n",
        );
    let run = s.run(&["check", "a.txt", "--claims", "cat", "--format", "jsonl"]);
    assert_catalogue_error(
        &run,
        "cat/b.json:3:10: error: field `claims[1].id`: duplicate claim id `x` (first declared at \
         cat/a.json:1:9); ids must be unique across catalogue files",
    );
}

#[test]
fn catalogue_with_a_byte_order_mark_loads() {
    let run = check_catalogue(
        "bom.json",
        "\u{feff}[{\"id\": \"x\", \"subject\": {\"name\": \"network\"}, \"kind\": \"count\"}]",
    );
    run.assert_code(0).assert_stderr(&[]);
}

#[cfg(unix)]
#[test]
fn catalogue_fifo_or_missing_directory_is_refused_without_blocking() {
    let s = Sandbox::new();
    s.write("a.txt", ARTICLE).mkdir("cat");
    let made = std::process::Command::new("mkfifo")
        .arg(s.path("cat/pipe.json"))
        .status()
        .is_ok_and(|st| st.success());
    if made {
        let run = s.run(&["check", "a.txt", "--claims", "cat", "--format", "jsonl"]);
        assert_catalogue_error(
            &run,
            "cat/pipe.json: error: not a regular file; a catalogue file must be a JSON file",
        );
    } else {
        eprintln!("note: skipping the catalogue FIFO case: mkfifo is not available");
    }
    let run = s.run(&["check", "a.txt", "--claims", "nowhere", "--format", "jsonl"]);
    run.assert_code(2)
        .assert_stderr(&["nowhere: error: claim catalogue directory not found"]);
    let run = s.run(&["check", "a.txt", "--claims", "a.txt", "--format", "jsonl"]);
    run.assert_code(2).assert_stderr(&[
        "a.txt: error: not a directory; --claims takes the directory of the claim catalogue",
    ]);
}

// ---------------------------------------------------------------------------
// The baseline (`--baseline FILE`)
// ---------------------------------------------------------------------------

#[test]
fn corrupt_baseline_is_an_error_naming_the_file() {
    let s = Sandbox::new();
    s.write("a.txt", ARTICLE)
        .write("cut.json", "{\"schema\": 1, \"accepted\": [")
        .write("shape.json", "{\"schema\": 1, \"accepted\": 5}")
        .write("empty.json", "")
        // a reason in Vietnamese before the problem: columns count chars
        .write(
            "viet.json",
            "{\"schema\": 1, \"accepted\": [{\"reason\": \"Hà Nội\", x}]}",
        );
    let run = s.check_with(&["a.txt"], &["--baseline", "cut.json"]);
    run.assert_code(2).assert_stderr(&[
        "cut.json:1:27: error: not a claimcheck baseline: EOF while parsing a list",
    ]);
    let run = s.check_with(&["a.txt"], &["--baseline", "shape.json"]);
    run.assert_code(2).assert_stderr(&[
        "shape.json:1:27: error: not a claimcheck baseline: invalid type: integer `5`, expected a sequence",
    ]);
    // an empty file: column 1, never column 0
    let run = s.check_with(&["a.txt"], &["--baseline", "empty.json"]);
    run.assert_code(2).assert_stderr(&[
        "empty.json:1:1: error: not a claimcheck baseline: EOF while parsing a value",
    ]);
    let run = s.check_with(&["a.txt"], &["--baseline", "viet.json"]);
    run.assert_code(2)
        .assert_stderr(&["viet.json:1:49: error: not a claimcheck baseline: key must be a string"]);
    // --write-baseline will not overwrite a baseline it cannot read
    let run = s.check_with(&["a.txt"], &["--write-baseline", "empty.json"]);
    run.assert_code(2).assert_stderr(&[
        "empty.json:1:1: error: not a claimcheck baseline: EOF while parsing a value; \
         fix it (or delete it) before rewriting",
    ]);
    assert_eq!(fs::read_to_string(s.path("empty.json")).unwrap(), "");
}

#[test]
fn missing_baseline_is_named_in_plain_words() {
    let s = Sandbox::new();
    s.write("a.txt", ARTICLE).mkdir("dir.json");
    let run = s.check_with(&["a.txt"], &["--baseline", "gone.json"]);
    run.assert_code(2)
        .assert_stderr(&["gone.json: error: baseline file not found"]);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    // no `(os error 21)`: the OS's words, in lower case
    let run = s.check_with(&["a.txt"], &["--baseline", "dir.json"]);
    run.assert_code(2)
        .assert_stderr(&["dir.json: error: cannot read baseline: is a directory"]);
}

#[test]
fn baseline_from_a_newer_schema_says_to_upgrade() {
    let s = Sandbox::new();
    s.write("a.txt", ARTICLE).write(
        "new.json",
        "{\"schema\": 99, \"accepted\": [], \"from_the_future\": true}",
    );
    let run = s.check_with(&["a.txt"], &["--baseline", "new.json"]);
    run.assert_code(2).assert_stderr(&[
        "new.json: error: baseline schema 99 is newer than this claimcheck \
         understands (1); upgrade claimcheck or rewrite it with --write-baseline",
    ]);
}

// ---------------------------------------------------------------------------
// Adversarial text
// ---------------------------------------------------------------------------

/// Runs `extract` and `check` (and `check` in the table and diagnostics
/// formats) on one article; asserts no panic, exit 0 and JSON without
/// non-finite numbers, and returns the extracted mention texts.
fn survives(text: &str) -> Vec<String> {
    survives_with(text, &[0])
}

/// A number that serde_json could not write (`inf`, `NaN`) comes out as
/// `null`: a mention's value, its range ends and its precision never may.
#[track_caller]
fn assert_finite_value(record: &Value) {
    let value = &record["value"];
    let finite = |v: &Value| v.is_number() || v.is_string();
    let ok = match value {
        Value::Object(range) => range.values().all(finite),
        v => finite(v),
    };
    assert!(ok, "non-finite or missing value: {record}");
    if let Some(p) = record.get("precision") {
        assert!(p.is_number(), "non-finite precision: {record}");
    }
}

fn survives_with(text: &str, codes: &[i32]) -> Vec<String> {
    let s = Sandbox::new();
    s.write("a.txt", text);
    let run = s.extract(&["a.txt"]);
    assert_no_panic(&run);
    assert!(
        codes.contains(&run.code),
        "exit code {}: {}",
        run.code,
        run.stderr
    );
    let mentions = run.records();
    for m in &mentions {
        let (start, end) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(text.get(start..end), m["text"].as_str(), "span of {m}");
        assert_finite_value(m);
    }
    assert!(!run.stdout.contains('\u{1b}'), "raw ESC in JSON");
    for format in ["jsonl", "table", "diagnostics"] {
        let run = s.run(&[
            "check",
            "a.txt",
            "--claims",
            "no-claims",
            "--format",
            format,
            "-v",
            "--fail-on",
            "never",
        ]);
        assert_no_panic(&run);
        assert!(
            codes.contains(&run.code),
            "exit code {}: {}",
            run.code,
            run.stderr
        );
        if format == "jsonl" {
            // JSON escapes control characters; bidi characters are data there
            assert!(!run.stdout.contains('\u{1b}'), "raw ESC in JSON");
            for claim in run.of_type("claim") {
                assert_finite_value(&claim);
            }
        } else {
            run.assert_no_raw_controls();
        }
    }
    mentions
        .iter()
        .map(|m| m["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn four_hundred_digits_are_not_a_quantity() {
    let digits = "7".repeat(400);
    let texts = survives(&format!(
        "The network has {digits} member cities and 5 towns.\n"
    ));
    assert_eq!(texts, ["5"]);
}

#[test]
fn a_million_nines_and_a_million_commas() {
    let nines = "9".repeat(1_000_000);
    assert_eq!(
        survives(&format!("It has {nines} cities and 5 towns.\n")),
        ["5"]
    );
    // commas are not digit groups unless each is followed by exactly three digits
    let commas = ",".repeat(1_000_000);
    let texts = survives(&format!("It has 1{commas}000 cities and 5 towns.\n"));
    assert!(texts.iter().all(|t| !t.contains(',')), "{:?}", &texts);
    assert_eq!(texts.last().map(String::as_str), Some("5"));
    // every `1,000` is a claim of one long sentence: check stays linear, but
    // each claim quotes the sentence, so keep this one small for debug builds
    let groups = "1,000,".repeat(5_000);
    let _ = survives(&format!("It has {groups} cities.\n"));
}

#[test]
fn deeply_repeated_qualifiers() {
    let hedges = "more than ".repeat(100_000);
    let texts = survives(&format!("The network has {hedges}5 member cities.\n"));
    assert_eq!(texts, ["more than 5"]);
    let nearly = "nearly, about ".repeat(50_000);
    let _ = survives(&format!("{nearly}9 cities.\n"));
    let hundreds = "hundred ".repeat(1_000);
    // 100^1000 is beyond any float: not a quantity, and never `inf` in JSON
    let texts = survives(&format!("Some {hundreds}cities joined.\n"));
    assert!(texts.is_empty(), "{texts:?}");
}

#[test]
fn floats_at_the_edge_and_signed_zero() {
    let texts = survives(
        "Values: 1e308 cities, 1e309 cities, -0 cities, NaN cities, inf cities, \
         1.7976931348623157e308 towns, 0.0000000000000000000000000001% of schools, \
         999,999,999,999,999 trillion dong.\n",
    );
    // exponents are identifiers glued to letters, not numbers; `-0` is zero
    assert!(texts.contains(&"-0".to_string()), "{texts:?}");
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("e308") || t.contains("e309")),
        "{texts:?}"
    );
    let s = Sandbox::new();
    s.write("a.txt", "Values: -0 cities.\n");
    let run = s.extract(&["a.txt"]);
    assert_eq!(run.records()[0]["value"], 0, "-0 is written as 0, not -0");
}

#[test]
fn ansi_escapes_and_control_characters_never_reach_the_terminal_raw() {
    let text = "The network has 425 member cities \u{1b}[31mred\u{1b}[0m now.\n\
                The network has 430 member cities \u{1b}]0;owned\u{7} and \u{1b}[2J\u{8}\u{8}.\n\
                The network has 900 member cities \u{1b}[31m.\n\
                Bell \u{7} and NUL-free form feed \u{c} and DEL \u{7f} with 12 towns.\n";
    let texts = survives(text);
    // the digits of escape sequences are not claims (`\x1b[31m.` is not 31 million)
    assert_eq!(texts, ["425", "430", "900", "12"]);
    let s = Sandbox::new();
    s.write("a.txt", text);
    for format in ["table", "diagnostics", "github", "json", "sarif"] {
        let run = s.run(&[
            "check",
            "a.txt",
            "--claims",
            "no-claims",
            "--format",
            format,
            "-v",
        ]);
        assert_no_panic(&run);
        run.assert_no_raw_controls();
        assert!(!run.stdout.contains('\u{7}'), "raw BEL in {format}");
    }
    let run = s.run(&["extract", "a.txt"]);
    run.assert_code(0).assert_no_raw_controls();
}

#[test]
fn bidi_overrides_and_zero_width_joiners_inside_numbers() {
    let text = "\u{202e}The network has 425 member cities.\u{202c}\n\
                The network has 4\u{200d}25 member cities.\n\
                The network has 4\u{200b}25 member cities and 4\u{2066}2\u{2069}6 towns.\n\
                The network has \u{2067}427\u{2069} member cities.\n";
    let texts = survives(text);
    // a number with a format character inside is not read as another number
    assert!(!texts.iter().any(|t| t == "4" || t == "25"), "{texts:?}");
    assert!(texts.contains(&"425".to_string()), "{texts:?}");
    // and the bidi controls never reach the table raw
    let s = Sandbox::new();
    s.write("a.txt", text);
    let run = s.run(&[
        "check",
        "a.txt",
        "--claims",
        "no-claims",
        "--format",
        "table",
        "-v",
    ]);
    run.assert_no_raw_controls();
}

#[test]
fn nothing_panics_on_a_grab_bag_of_odd_text() {
    for text in [
        "\u{feff}",
        "---",
        "---\n---\n",
        "\r\r\r\r5 cities\r",
        "5",
        "-",
        "%",
        "$",
        "VND",
        "between 5 and",
        "between and 5",
        "5-",
        "-5-",
        "5--6 cities",
        "1,",
        ",1",
        "1.",
        ".5 cities",
        "1..2",
        "On January",
        "January 32, 2025",
        "February 29, 2023 and February 29, 2024",
        "9999-99-99",
        "0000-00-00",
        "2025-02-30",
        "Thursday, Thursday, Thursday",
        "a a a a a a thousand",
        "twenty-",
        "-twenty",
        "11 capital cities such as",
        "11 capital cities such as ,,,,,,",
        "Source:",
        "Source: https://",
        "https://",
        "@@@@@@",
        "a@b",
        "\u{0}",
        "Hà\u{0301}\u{0301}\u{0301} 5 cities",
        "𝟓 cities and ５ towns",
        "٥ cities",
    ] {
        // `---` alone opens front matter that never closes: exit 2 is right
        let _ = survives_with(text, &[0, 2]);
    }
}

// ---------------------------------------------------------------------------
// Large files (run with --ignored; see the module docs)
// ---------------------------------------------------------------------------

/// Writes about `bytes` of article text made of `unit`, returning its path.
fn generate(
    s: &Sandbox,
    name: &str,
    unit: &str,
    bytes: usize,
    newline_every: Option<usize>,
) -> PathBuf {
    use std::io::Write;
    let path = s.path(name);
    let mut f = std::io::BufWriter::new(fs::File::create(&path).expect("create"));
    let mut written = 0;
    let mut n = 0;
    while written < bytes {
        f.write_all(unit.as_bytes()).expect("write");
        written += unit.len();
        n += 1;
        if newline_every.is_some_and(|k| n % k == 0) {
            f.write_all(b"\n\n").expect("write");
            written += 2;
        }
    }
    f.flush().expect("flush");
    path
}

/// Runs claimcheck with stdout streamed to a file in the sandbox (a JSONL
/// of millions of records is not held in the test's memory) and a generous
/// timeout; returns the exit code, stderr and the output file.
fn run_to_file(s: &Sandbox, args: &[&str], out: &str) -> (i32, String, PathBuf) {
    let out_path = s.path(out);
    let stdout = fs::File::create(&out_path).expect("create output file");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimcheck"))
        .args(args)
        .current_dir(s.dir.path())
        .env("NO_COLOR", "1")
        .stdout(stdout)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start claimcheck");
    // stderr is small; read it on a thread so a full pipe cannot block the child
    let mut err_pipe = child.stderr.take().expect("stderr pipe");
    let reader = std::thread::spawn(move || {
        let mut err = String::new();
        std::io::Read::read_to_string(&mut err_pipe, &mut err).expect("read stderr");
        err
    });
    let deadline = std::time::Instant::now() + Duration::from_secs(30 * 60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("claimcheck {args:?} did not finish in 30 minutes");
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let stderr = reader.join().expect("stderr thread");
    let code = status
        .code()
        .unwrap_or_else(|| panic!("claimcheck was killed: {status:?}\n{stderr}"));
    (code, stderr, out_path)
}

/// Counts the lines of a JSONL file, checking each is JSON; returns the
/// count and the last record.
fn count_jsonl(path: &std::path::Path) -> (usize, Option<Value>) {
    use std::io::BufRead;
    let f = std::io::BufReader::new(fs::File::open(path).expect("open output"));
    let mut n = 0;
    let mut last = None;
    for line in f.lines() {
        let line = line.expect("output is UTF-8");
        let v: Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("line {} is not JSON ({e})", n + 1));
        n += 1;
        last = Some(v);
    }
    (n, last)
}

#[test]
#[ignore = "generates a 50 MB file; slow in debug builds: cargo test --release --test cli_hostile -- --ignored"]
fn fifty_megabytes_on_a_single_line() {
    let s = Sandbox::new();
    // no sentence break at all: one 50 MB line and one 50 MB sentence
    let unit = "the network has 425 member cities and Hà Nội has 2,913 schools ";
    generate(&s, "line.txt", unit, 50 << 20, None);
    let (code, stderr, out) = run_to_file(
        &s,
        &["extract", "line.txt", "--format", "jsonl"],
        "out.jsonl",
    );
    assert_eq!((code, stderr.as_str()), (0, ""));
    let (n, last) = count_jsonl(&out);
    let expected = (50 << 20) / unit.len() * 2;
    assert!(n >= expected, "{n} mentions, expected at least {expected}");
    // the last mention's column is right, far along the line
    let last = last.expect("a mention");
    assert_eq!(last["line"], 1);
    let start = last["start"].as_u64().unwrap() as usize;
    let text = fs::read_to_string(s.path("line.txt")).unwrap();
    assert_eq!(
        last["column"].as_u64().unwrap() as usize,
        text[..start].chars().count() + 1
    );
}

#[test]
#[ignore = "generates a 200 MB file; slow in debug builds: cargo test --release --test cli_hostile -- --ignored"]
fn two_hundred_megabyte_article() {
    let s = Sandbox::new();
    let unit = "The network has 425 member cities in 91 countries. \
                Nearly 90,000 pupils joined on August 22, 2025. ";
    generate(&s, "big.txt", unit, 200 << 20, Some(6));
    let (code, stderr, out) = run_to_file(
        &s,
        &["extract", "big.txt", "--format", "jsonl"],
        "out.jsonl",
    );
    assert_eq!((code, stderr.as_str()), (0, ""));
    let (n, _) = count_jsonl(&out);
    assert!(n > (200 << 20) / unit.len() * 3, "{n} mentions");
    fs::remove_file(&out).expect("remove output");
    let args = [
        "check",
        "big.txt",
        "--claims",
        "no-claims",
        "--format",
        "jsonl",
        "--no-cache",
    ];
    let (code, stderr, out) = run_to_file(&s, &args, "check.jsonl");
    assert_eq!((code, stderr.as_str()), (0, ""));
    let (_, summary) = count_jsonl(&out);
    let summary = summary.expect("a summary record");
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["documents"], 1);
}
