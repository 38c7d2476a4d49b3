//! Which articles are unchanged since the last run, known without reading
//! them: each file's identity, size and times, as `stat` gave them when its
//! entry was made (git's index does the same for the same reason).
//!
//! A warm run over a 100 MB corpus of 44,000 articles spent about a third of
//! its time opening and reading files whose entries it then found in the
//! pack; a `stat` is a small part of that. Only the cache key is trusted to
//! this: an entry is still keyed on the document's bytes, and a file whose
//! stamp differs in any way is read and looked up as before.
//!
//! A stamp is remembered only for a file whose change time is [`SETTLE`]
//! older than the run: a file written again within the file system's
//! timestamp granularity would otherwise keep its stamp with new bytes.
//! Change time (`ctime`), not modification time, because no tool can set it:
//! `cp -p`, `rsync -t` and `touch -d` restore an old modification time on new
//! bytes, but the change time moves on.

use std::fs::Metadata;
use std::path::Path;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use super::EntryKey;

/// The index's file, inside the cache directory.
pub const FILES: &str = "files.index";

/// The first bytes of the index: what it is and its layout version.
const HEADER: &[u8; 24] = b"claimcheck file index 1\n";
/// What every layout's header starts with.
const MAGIC: &[u8] = b"claimcheck file index ";

/// How long a file must have been left alone before its stamp is
/// trusted to mean its bytes: longer than any file system's timestamp
/// granularity (FAT's is 2 s, ext4's a clock tick).
pub const SETTLE: Duration = Duration::from_secs(3);

/// What `stat` says of a file: which file it is, how long, and when it was
/// last written and last changed (seconds and nanoseconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    dev: u64,
    ino: u64,
    size: u64,
    modified: (i64, u32),
    changed: (i64, u32),
}

impl Stamp {
    /// The stamp of a regular file (`None` for anything else: a FIFO, or a
    /// platform that does not say when the file was written).
    pub fn of(meta: &Metadata) -> Option<Stamp> {
        if !meta.is_file() {
            return None;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(Stamp {
                dev: meta.dev(),
                ino: meta.ino(),
                size: meta.size(),
                modified: (meta.mtime(), meta.mtime_nsec() as u32),
                changed: (meta.ctime(), meta.ctime_nsec() as u32),
            })
        }
        #[cfg(not(unix))]
        {
            let since = meta
                .modified()
                .ok()?
                .duration_since(SystemTime::UNIX_EPOCH)
                .ok()?;
            let modified = (since.as_secs() as i64, since.subsec_nanos());
            Some(Stamp {
                dev: 0,
                ino: 0,
                size: meta.len(),
                modified,
                changed: modified,
            })
        }
    }

    /// Whether the file was last changed `settle` or more before `now`.
    fn settled(&self, now: SystemTime, settle: Duration) -> bool {
        let Ok(now) = now.duration_since(SystemTime::UNIX_EPOCH) else {
            return false;
        };
        let (secs, nanos) = self.changed;
        let Ok(secs) = u64::try_from(secs) else {
            return false;
        };
        Duration::new(secs, nanos.min(999_999_999)) + settle <= now
    }
}

/// One file: its path's hash, its stamp, and the entry its bytes had.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Record {
    path: u64,
    stamp: Stamp,
    key: (u64, u32),
}

/// The index as a run reads it and the records it makes for the next one.
#[derive(Debug)]
pub struct Files {
    /// Sorted by path hash, no hash twice.
    known: Vec<Record>,
    /// Records of this run (any order).
    seen: std::sync::Mutex<Vec<Record>>,
    /// Whether this run saw anything the index does not say.
    changed: std::sync::atomic::AtomicBool,
    /// When the run started: files changed since are not remembered.
    now: SystemTime,
    /// [`SETTLE`], but for tests.
    pub(super) settle: Duration,
}

/// The body of the index file (after its header and checksum).
#[derive(Serialize, Deserialize)]
struct Body {
    /// A hash of the cache's configuration: keys of another one are useless.
    salt: u64,
    records: Vec<Record>,
}

fn path_hash(doc_path: &str) -> u64 {
    xxh3_64(doc_path.as_bytes())
}

impl Files {
    /// An empty index, for a run starting now.
    pub fn new(settle: Duration) -> Files {
        Files {
            known: Vec::new(),
            seen: Default::default(),
            changed: Default::default(),
            now: SystemTime::now(),
            settle,
        }
    }

    /// The index in `dir` for a cache of this configuration; a missing one,
    /// one of another configuration or layout is empty, and a damaged one
    /// is empty with the reason for a warning.
    pub fn load(dir: &Path, salt: &str, settle: Duration) -> (Files, Option<String>) {
        let mut files = Files::new(settle);
        let bytes = match std::fs::read(dir.join(FILES)) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (files, None),
            Err(e) => {
                return (
                    files,
                    Some(format!(
                        "cannot read: {}",
                        crate::corpus::plain_io_error(&e)
                    )),
                )
            }
        };
        let Some(rest) = bytes.strip_prefix(HEADER) else {
            // another layout's index is rewritten without a word
            if bytes.starts_with(MAGIC) {
                return (files, None);
            }
            let foreign = "not a claimcheck file index; ignored and replaced";
            return (files, Some(foreign.to_string()));
        };
        let damaged = |files| (files, Some("damaged; ignored and rebuilt".to_string()));
        let Some((sum, body)) = rest.split_first_chunk::<8>() else {
            return damaged(files);
        };
        if u64::from_le_bytes(*sum) != xxh3_64(body) {
            return damaged(files);
        }
        let Ok(body) = postcard::from_bytes::<Body>(body) else {
            return damaged(files);
        };
        if body.salt == xxh3_64(salt.as_bytes()) {
            files.known = body.records;
            if !files.known.is_sorted_by(|a, b| a.path < b.path) {
                files.known = Vec::new();
                return damaged(files);
            }
        }
        (files, None)
    }

    /// Whether the index has anything a run could use.
    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// The entry of the file at `doc_path`, if its stamp is the one the
    /// index has for it.
    pub fn unchanged(&self, doc_path: &str, meta: &Metadata) -> Option<EntryKey> {
        let stamp = Stamp::of(meta)?;
        let path = path_hash(doc_path);
        let at = self.known.binary_search_by_key(&path, |r| r.path).ok()?;
        let r = self.known[at];
        (r.stamp == stamp).then_some(EntryKey {
            hash: r.key.0,
            len: r.key.1,
        })
    }

    /// Records that the file at `doc_path`, as `meta` describes it before
    /// it was read, held the bytes of entry `key` (if it has settled).
    pub fn remember(&self, doc_path: &str, meta: &Metadata, key: EntryKey) {
        let Some(stamp) = Stamp::of(meta) else {
            return;
        };
        if !stamp.settled(self.now, self.settle) {
            return;
        }
        let record = Record {
            path: path_hash(doc_path),
            stamp,
            key: (key.hash, key.len),
        };
        let known = self
            .known
            .binary_search_by_key(&record.path, |r| r.path)
            .is_ok_and(|at| {
                let k = self.known[at];
                k.stamp == record.stamp && k.key == record.key
            });
        if !known {
            self.changed
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        if let Ok(mut seen) = self.seen.lock() {
            seen.push(record);
        }
    }

    /// Writes the records of this run as the index for the next, when they
    /// say something the old one did not (replaced whole, by rename).
    pub fn save(&self, dir: &Path, salt: &str, temporary: &Path) -> std::io::Result<()> {
        let Ok(mut records) = self.seen.lock().map(|mut s| std::mem::take(&mut *s)) else {
            return Ok(());
        };
        records.sort_by_key(|r| r.path);
        // one path read twice says one thing; two paths of one hash, or one
        // path with two stamps, cannot be told apart: none of them is kept
        let kept: Vec<Record> = records
            .chunk_by(|a, b| a.path == b.path)
            .filter(|same| {
                same.iter()
                    .all(|r| r.stamp == same[0].stamp && r.key == same[0].key)
            })
            .map(|same| same[0])
            .collect();
        let changed = self.changed.load(std::sync::atomic::Ordering::Relaxed);
        if !changed && kept.len() == self.known.len() {
            return Ok(());
        }
        let body = postcard::to_allocvec(&Body {
            salt: xxh3_64(salt.as_bytes()),
            records: kept,
        })
        .map_err(std::io::Error::other)?;
        let mut bytes = Vec::with_capacity(HEADER.len() + 8 + body.len());
        bytes.extend_from_slice(HEADER);
        bytes.extend_from_slice(&xxh3_64(&body).to_le_bytes());
        bytes.extend_from_slice(&body);
        std::fs::write(temporary, &bytes)?;
        std::fs::rename(temporary, dir.join(FILES))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp_changed_at(secs: i64) -> Stamp {
        Stamp {
            dev: 1,
            ino: 2,
            size: 3,
            modified: (secs, 0),
            changed: (secs, 5),
        }
    }

    #[test]
    fn a_stamp_is_trusted_only_once_the_file_has_settled() {
        let at = |secs| SystemTime::UNIX_EPOCH + Duration::from_secs(secs);
        let s = stamp_changed_at(1_000);
        assert!(!s.settled(at(1_001), SETTLE), "changed a second ago");
        assert!(!s.settled(at(1_003), SETTLE), "3 s and 5 ns is not 3 s");
        assert!(s.settled(at(1_004), SETTLE));
        assert!(
            !stamp_changed_at(-5).settled(at(1_000), SETTLE),
            "a change time before 1970 is not believed"
        );
        assert!(!s.settled(at(900), SETTLE), "changed in the future");
    }
}
