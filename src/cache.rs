//! The incremental cache: per-document claims, content-addressed, in one file.
//!
//! A CI gate re-checks the whole corpus on every push, but a push changes a
//! few articles. Each document's interpreted claims are stored under a key
//! made of its path, its bytes, the catalogue's digest, the reference date
//! and the tool version, so re-checking after one article changed
//! re-extracts one article.
//!
//! The entries live in one append-only file, `claims.pack`, not one file per
//! article: on a 100,000-article corpus a file each cost a file creation per
//! article on a cold run and an open per article on a warm one, and left
//! 100,000 files to every `git status` and `rm -r`. Each entry carries a
//! checksum; an entry that does not match it, or that cannot be read back,
//! is ignored with a warning and rebuilt, never trusted. Entries no run uses
//! any more are dropped when they outweigh the live ones (the file is then
//! rewritten and renamed into place).
//!
//! Beside the pack, `files.index` (see `cache/files.rs`) knows which articles are
//! unchanged since the last run by their `stat` stamps, so that a warm run
//! need not read them to find their entries.

mod files;

use std::fs::{File, Metadata, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rustc_hash::{FxHashMap, FxHashSet};
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use crate::claims_io;
use crate::corpus::Problem;
use crate::hash::Fnv;
use crate::interpret::Claim;
use crate::report::DocInfo;

/// The default cache directory (git-ignored).
pub const DEFAULT_DIR: &str = ".claimcheck-cache";

/// The file the entries live in, inside the cache directory.
pub const PACK: &str = "claims.pack";

/// The first bytes of a pack: what it is and its layout version.
/// Layout 3: entries hold [`claims_io::pack`]'s binary form with the
/// problems reading the file met (layout 2 had no problems, layout 1 held
/// JSON claim records).
const PACK_HEADER: &[u8; 24] = b"claimcheck claims pack3\n";
/// What every layout's header starts with.
const PACK_MAGIC: &[u8] = b"claimcheck claims pack";
/// The first bytes of each entry.
const ENTRY_MAGIC: &[u8; 4] = b"CCE1";
/// magic, key, text length, payload length, payload checksum.
const ENTRY_HEADER: usize = 4 + 8 + 4 + 4 + 8;

/// What an entry is stored under: a hash of the configuration, the path and
/// the text, and the text's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct EntryKey {
    hash: u64,
    len: u32,
}

/// Where an entry's payload is in the pack.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// Offset of the entry header.
    at: u64,
    payload: u32,
    checksum: u64,
}

impl Slot {
    fn size(&self) -> u64 {
        ENTRY_HEADER as u64 + u64::from(self.payload)
    }
}

/// An entry's header: magic, key, text length, payload length and payload
/// checksum, little-endian.
fn entry_header(key: EntryKey, payload: u32, checksum: u64) -> [u8; ENTRY_HEADER] {
    let mut head = [0u8; ENTRY_HEADER];
    head[..4].copy_from_slice(ENTRY_MAGIC);
    head[4..12].copy_from_slice(&key.hash.to_le_bytes());
    head[12..16].copy_from_slice(&key.len.to_le_bytes());
    head[16..20].copy_from_slice(&payload.to_le_bytes());
    head[20..28].copy_from_slice(&checksum.to_le_bytes());
    head
}

/// The key and slot of the entry whose header is `head`, read at `at`;
/// `None` when it is not an entry header.
fn read_entry_header(head: &[u8; ENTRY_HEADER], at: u64) -> Option<(EntryKey, Slot)> {
    if &head[..4] != ENTRY_MAGIC {
        return None;
    }
    let u32_at = |i: usize| u32::from_le_bytes(head[i..i + 4].try_into().expect("4 bytes"));
    let u64_at = |i: usize| u64::from_le_bytes(head[i..i + 8].try_into().expect("8 bytes"));
    let key = EntryKey {
        hash: u64_at(4),
        len: u32_at(12),
    };
    let slot = Slot {
        at,
        payload: u32_at(16),
        checksum: u64_at(20),
    };
    Some((key, slot))
}

/// The pack as it was when the run started: its entries by key.
#[derive(Debug, Default)]
struct Index {
    entries: FxHashMap<EntryKey, Slot>,
    /// Where the readable entries end (appends go after this).
    end: u64,
    /// Bytes of the file (more than `end` when its tail is damaged).
    len: u64,
}

/// A cache directory and the salt that ties entries to one configuration.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    salt: String,
    warnings: Mutex<Vec<String>>,
    /// The pack opened for reading, when there was a usable one.
    reader: Option<File>,
    index: Index,
    /// The pack opened for appending, on the first write of the run.
    writer: Mutex<Writer>,
    /// Entries this run read or wrote: the ones a compaction keeps.
    used: Mutex<Used>,
    /// Unused bytes below which the pack is never rewritten.
    min_dead: u64,
    /// Which files are unchanged since the last run, by their stamps.
    files: files::Files,
}

/// Rewriting a pack for less than this is not worth a run's time.
const MIN_DEAD: u64 = 1 << 20;

/// The appending end of the pack.
#[derive(Debug)]
enum Writer {
    /// No entry written yet.
    Unopened,
    Open(File),
    /// Opening or writing failed: the run writes no more (one warning, not
    /// one per article, and nothing appended after a torn entry).
    Failed,
}

#[derive(Debug, Default)]
struct Used {
    keys: FxHashSet<EntryKey>,
    bytes: u64,
}

impl Cache {
    /// A cache in `dir` for runs with this catalogue digest and reference date.
    /// The pack is opened and indexed here; a missing one is created on the
    /// first write, a foreign or damaged one is warned about.
    pub fn new(
        dir: &Path,
        catalog_digest: u64,
        reference_date: Option<crate::date::PartialDate>,
    ) -> Cache {
        // the binary itself is part of the key: a rebuilt claimcheck may
        // interpret differently even before its version number changes
        let exe = std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|m| format!("{}:{:?}", m.len(), m.modified().ok()))
            .unwrap_or_default();
        let salt = format!(
            "claimcheck {} {exe} claims-schema {} catalog {:016x} reference {}",
            env!("CARGO_PKG_VERSION"),
            claims_io::SCHEMA,
            catalog_digest,
            reference_date.map(|d| d.to_string()).unwrap_or_default()
        );
        let mut cache = Cache {
            dir: dir.to_path_buf(),
            files: files::Files::new(files::SETTLE),
            salt,
            warnings: Mutex::new(Vec::new()),
            reader: None,
            index: Index::default(),
            writer: Mutex::new(Writer::Unopened),
            used: Mutex::new(Used::default()),
            min_dead: MIN_DEAD,
        };
        match File::open(cache.pack()) {
            Ok(file) => match scan(&file) {
                Ok(Scan::Pack(index, damage)) => {
                    if let Some(d) = damage {
                        cache.warn(format!(
                            "{}: damaged at byte {}: {d}; the entries after it are ignored and rebuilt",
                            cache.pack().display(),
                            index.end
                        ));
                    }
                    cache.index = index;
                    cache.reader = Some(file);
                    // the file index points into this pack: of use only with it
                    let (files, damage) = files::Files::load(dir, &cache.salt, files::SETTLE);
                    cache.files = files;
                    if let Some(damage) = damage {
                        cache.warn(format!("{}: {damage}", dir.join(files::FILES).display()));
                    }
                }
                // an upgrade is not worth a warning: its entries are simply rebuilt
                Ok(Scan::Older) => {}
                Ok(Scan::Foreign) => cache.warn(format!(
                    "{}: not a claimcheck cache file; ignored and replaced",
                    cache.pack().display()
                )),
                Err(e) => cache.warn(format!(
                    "{}: cannot read the cache: {}; ignored and replaced",
                    cache.pack().display(),
                    crate::corpus::plain_io_error(&e)
                )),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                cache.warn(format!(
                    "{}: cannot open the cache: {}; this run neither reads nor writes it",
                    cache.pack().display(),
                    crate::corpus::plain_io_error(&e)
                ));
                cache.writer = Mutex::new(Writer::Failed);
            }
        }
        cache
    }

    fn pack(&self) -> PathBuf {
        self.dir.join(PACK)
    }

    fn key(&self, doc_path: &str, text: &str) -> EntryKey {
        // the configuration and the path seed the hash of the text
        let mut h = Fnv::new();
        h.write(self.salt.as_bytes());
        h.write(doc_path.as_bytes());
        EntryKey {
            hash: xxh3_64_with_seed(text.as_bytes(), h.finish()),
            len: text.len() as u32,
        }
    }

    fn warn(&self, message: String) {
        if let Ok(mut w) = self.warnings.lock() {
            // a damaged entry met by its stamp and then by its bytes is one warning
            if w.len() < 20 && !w.contains(&message) {
                w.push(message);
            }
        }
    }

    fn mark_used(&self, key: EntryKey, size: u64) {
        if let Ok(mut used) = self.used.lock() {
            if used.keys.insert(key) {
                used.bytes += size;
            }
        }
    }

    /// The cached claims of a document with exactly this path and text.
    pub fn get(&self, doc_path: &str, text: &str) -> Option<(DocInfo, Vec<Claim>)> {
        self.entry(self.key(doc_path, text), doc_path)
            .map(|(info, claims, _)| (info, claims))
    }

    /// Whether [`Cache::unchanged`] may know any file: when it cannot, a
    /// run need not `stat` files before reading them.
    pub fn knows_files(&self) -> bool {
        !self.files.is_empty()
    }

    /// The cached claims of the file at `doc_path`, and the problems
    /// reading it met, when `file` (its metadata, not yet read) says it is
    /// the file an entry was made from, unchanged: the file need not be read.
    pub fn unchanged(&self, doc_path: &str, file: &Metadata) -> Option<claims_io::Unpacked> {
        let key = self.files.unchanged(doc_path, file)?;
        let found = self.entry(key, doc_path)?;
        self.files.remember(doc_path, file, key);
        Some(found)
    }

    /// The claims of a document just read: its entry when there is one,
    /// else what `make` interprets, stored for the next run. `file`, the
    /// metadata of the file taken before it was read, is remembered either
    /// way, so that a later run finding the same stamp need not read it.
    /// The entry key (a hash of every byte of the article) is computed once
    /// for all three. Returns the claims and whether they were cached.
    pub fn get_or_make(
        &self,
        doc: &crate::corpus::Document,
        read_problems: &[Problem],
        file: Option<&Metadata>,
        make: impl FnOnce() -> (DocInfo, Vec<Claim>),
    ) -> (DocInfo, Vec<Claim>, bool) {
        let key = self.key(&doc.path, &doc.text);
        let found = match self.entry(key, &doc.path) {
            Some((info, claims, _)) => (info, claims, true),
            None => {
                let (info, claims) = make();
                self.store(key, &info, &claims, read_problems);
                (info, claims, false)
            }
        };
        if let Some(file) = file {
            self.files.remember(&doc.path, file, key);
        }
        found
    }

    /// The entry stored under `key`, when it is intact and for `doc_path`.
    fn entry(&self, key: EntryKey, doc_path: &str) -> Option<claims_io::Unpacked> {
        let slot = *self.index.entries.get(&key)?;
        let file = self.reader.as_ref()?;
        let at = slot.at;
        let mut payload = vec![0; slot.payload as usize];
        if let Err(e) = read_at(file, &mut payload, at + ENTRY_HEADER as u64) {
            self.warn(format!(
                "{}: cannot read the entry at byte {at}: {}; cache entry ignored and rebuilt",
                self.pack().display(),
                crate::corpus::plain_io_error(&e)
            ));
            return None;
        }
        if checksum(&payload) != slot.checksum {
            self.warn(format!(
                "{}: the entry at byte {at} does not match its checksum; cache entry ignored and rebuilt",
                self.pack().display()
            ));
            return None;
        }
        match claims_io::unpack(&payload) {
            Ok(found) if found.0.path == doc_path => {
                self.mark_used(key, slot.size());
                Some(found)
            }
            Ok(_) => {
                self.warn(format!(
                    "{} (entry at byte {at}): cache entry is for another document; ignored",
                    self.pack().display()
                ));
                None
            }
            Err(e) => {
                self.warn(format!(
                    "{} (entry at byte {at}): {e}; cache entry ignored and rebuilt",
                    self.pack().display()
                ));
                None
            }
        }
    }

    /// Stores a document's claims and the problems reading it met: one
    /// entry appended to the pack with one write, so entries from parallel
    /// threads (or processes) never interleave.
    pub fn put(&self, text: &str, info: &DocInfo, claims: &[Claim], read_problems: &[Problem]) {
        self.store(self.key(&info.path, text), info, claims, read_problems);
    }

    /// [`Cache::put`] under a key already computed.
    fn store(&self, key: EntryKey, info: &DocInfo, claims: &[Claim], read_problems: &[Problem]) {
        let payload = claims_io::pack(info, claims, read_problems);
        let Ok(payload_len) = u32::try_from(payload.len()) else {
            return; // a 4 GiB claim list is not worth caching
        };
        let mut entry = Vec::with_capacity(ENTRY_HEADER + payload.len());
        entry.extend_from_slice(&entry_header(key, payload_len, checksum(&payload)));
        entry.extend_from_slice(&payload);
        let Ok(mut writer) = self.writer.lock() else {
            return;
        };
        if let Writer::Unopened = *writer {
            *writer = match self.open_for_append() {
                Ok(file) => Writer::Open(file),
                Err(e) => {
                    self.warn(format!(
                        "{}: cannot write the cache: {}; this run's claims are not cached",
                        self.pack().display(),
                        crate::corpus::plain_io_error(&e)
                    ));
                    Writer::Failed
                }
            };
        }
        let Writer::Open(file) = &mut *writer else {
            return;
        };
        match file.write_all(&entry) {
            Ok(()) => self.mark_used(key, entry.len() as u64),
            Err(e) => {
                self.warn(format!(
                    "{}: cannot write cache entry: {}; the rest of this run's claims are not cached",
                    self.pack().display(),
                    crate::corpus::plain_io_error(&e)
                ));
                *writer = Writer::Failed;
            }
        }
    }

    /// Opens the pack for appending: creates it when there is none (or when
    /// the one there was foreign), cuts a damaged tail first.
    fn open_for_append(&self) -> std::io::Result<File> {
        std::fs::create_dir_all(&self.dir)?;
        let marker = self.dir.join(".gitignore");
        let ours = marker.exists();
        if !ours {
            std::fs::write(&marker, "# created by claimcheck\n*\n")?;
        }
        let pack = self.pack();
        if self.reader.is_none() {
            if ours {
                remove_file_per_entry_layout(&self.dir);
            }
            // a fresh pack, renamed into place whole: a reader never sees
            // one without its header
            let tmp = self.temporary("new");
            std::fs::write(&tmp, PACK_HEADER)?;
            std::fs::rename(&tmp, &pack)?;
        }
        let file = OpenOptions::new().append(true).open(&pack)?;
        if self.reader.is_some() && self.index.end < self.index.len {
            // appends after a damaged tail would never be read back
            file.set_len(self.index.end)?;
        }
        Ok(file)
    }

    fn temporary(&self, what: &str) -> PathBuf {
        self.dir
            .join(format!("{PACK}.{what}-{}.tmp", std::process::id()))
    }

    /// Ends the run: when the entries no run used outweigh the ones this run
    /// used, the pack is rewritten with only the used ones. Call once, after
    /// the last [`Cache::put`].
    pub fn finish(&self) {
        // closed, not synced: a pack cut short by a crash is detected (and
        // rebuilt) by the next run, and a cache is not worth an fsync
        let mut writable = true;
        if let Ok(mut writer) = self.writer.lock() {
            match *writer {
                Writer::Open(_) => *writer = Writer::Unopened,
                Writer::Failed => writable = false,
                Writer::Unopened => {}
            }
        }
        // the file index, for the next run: only beside a pack
        if writable && self.pack().exists() {
            if let Err(e) = self
                .files
                .save(&self.dir, &self.salt, &self.temporary("files"))
            {
                self.warn(format!(
                    "{}: cannot write: {}",
                    self.dir.join(files::FILES).display(),
                    crate::corpus::plain_io_error(&e)
                ));
            }
        }
        let Ok(used) = self.used.lock().map(|mut u| std::mem::take(&mut *u)) else {
            return;
        };
        let (live, used) = (used.bytes, used.keys);
        let Ok(file) = File::open(self.pack()) else {
            return;
        };
        let Ok(len) = file.metadata().map(|m| m.len()) else {
            return;
        };
        let dead = len.saturating_sub(live + PACK_HEADER.len() as u64);
        if dead <= live.max(self.min_dead) {
            return;
        }
        if let Err(e) = self.compact(&file, &used) {
            self.warn(format!(
                "{}: cannot drop unused cache entries: {}",
                self.pack().display(),
                crate::corpus::plain_io_error(&e)
            ));
        }
    }

    /// Rewrites the pack with the newest entry of each key in `keep`.
    fn compact(&self, file: &File, keep: &FxHashSet<EntryKey>) -> std::io::Result<()> {
        let Scan::Pack(index, _) = scan(file)? else {
            return Ok(());
        };
        let mut slots: Vec<Slot> = index
            .entries
            .iter()
            .filter(|(k, _)| keep.contains(k))
            .map(|(_, s)| *s)
            .collect();
        slots.sort_by_key(|s| s.at);
        let tmp = self.temporary("compact");
        let mut out = std::io::BufWriter::new(File::create(&tmp)?);
        out.write_all(PACK_HEADER)?;
        let mut entry = Vec::new();
        for s in slots {
            entry.resize(s.size() as usize, 0);
            read_at(file, &mut entry, s.at)?;
            out.write_all(&entry)?;
        }
        out.into_inner().map_err(|e| e.into_error())?.sync_data()?;
        std::fs::rename(&tmp, self.pack())
    }

    /// Warnings about unreadable or unwritable entries, for stderr.
    pub fn warnings(&self) -> Vec<String> {
        self.warnings.lock().map(|w| w.clone()).unwrap_or_default()
    }
}

/// Removes the entries of the layout before the pack: one file per
/// article in 256 directories named by a hex byte. They can never be read
/// again, and on a large corpus they are most of the directory.
fn remove_file_per_entry_layout(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let fan_out =
            name.len() == 2 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if fan_out && e.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

enum Scan {
    /// A pack, and what is wrong with its tail if something is.
    Pack(Index, Option<&'static str>),
    /// Some other file.
    Foreign,
    /// A pack of another layout (an older or newer claimcheck's): rebuilt,
    /// no warning.
    Older,
}

/// Indexes a pack by reading each entry's header (not its payload). Where
/// the entries stop making sense the index ends, and the reason is returned.
fn scan(file: &File) -> std::io::Result<Scan> {
    let len = file.metadata()?.len();
    let mut header = [0u8; PACK_HEADER.len()];
    if len < header.len() as u64 {
        return Ok(Scan::Foreign);
    }
    read_at(file, &mut header, 0)?;
    if &header != PACK_HEADER {
        return Ok(if header.starts_with(PACK_MAGIC) {
            Scan::Older
        } else {
            Scan::Foreign
        });
    }
    let mut index = Index {
        len,
        ..Index::default()
    };
    let mut at = PACK_HEADER.len() as u64;
    let mut head = [0u8; ENTRY_HEADER];
    let damage = loop {
        if at == len {
            break None;
        }
        if len - at < ENTRY_HEADER as u64 {
            break Some("a truncated entry");
        }
        read_at(file, &mut head, at)?;
        let Some((key, slot)) = read_entry_header(&head, at) else {
            break Some("not an entry");
        };
        if at + slot.size() > len {
            break Some("a truncated entry");
        }
        // a later entry of the same key (another run's) replaces an earlier one
        index.entries.insert(key, slot);
        at += slot.size();
    };
    index.end = at;
    Ok(Scan::Pack(index, damage))
}

fn checksum(payload: &[u8]) -> u64 {
    xxh3_64(payload)
}

/// Reads exactly `buf.len()` bytes at `offset`, without moving a shared
/// file position (threads read entries at once).
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
    }
    #[cfg(windows)]
    {
        let (mut buf, mut offset) = (buf, offset);
        while !buf.is_empty() {
            match std::os::windows::fs::FileExt::seek_read(file, buf, offset)? {
                0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
                n => {
                    buf = &mut buf[n..];
                    offset += n as u64;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{document_from_text, LoadOptions};

    const TEXT: &str = "---\npublished: 2025-01-02\n---\nThe library has 120 rooms.\n";

    fn claims(path: &str, text: &str) -> (DocInfo, Vec<Claim>) {
        let (doc, _) = document_from_text(path, text.to_string(), &LoadOptions::default()).unwrap();
        crate::report::claims_of(
            std::slice::from_ref(&doc),
            &crate::catalog::Catalog::default(),
        )
        .pop()
        .unwrap()
    }

    /// Fills a cache with `docs`, as a run does: puts, then finish.
    fn fill(dir: &Path, docs: &[(&str, &str)]) {
        let cache = Cache::new(dir, 1, None);
        for (path, text) in docs {
            let (info, c) = claims(path, text);
            cache.put(text, &info, &c, &[]);
        }
        cache.finish();
        assert_eq!(cache.warnings(), Vec::<String>::new());
    }

    #[test]
    fn hit_after_put_miss_after_edit_or_other_configuration() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path(), 1, None);
        assert!(cache.get("a.md", TEXT).is_none());
        let (info, c) = claims("a.md", TEXT);
        cache.put(TEXT, &info, &c, &[]);
        cache.finish();
        assert!(dir.path().join(".gitignore").exists(), "ignores itself");

        let cache = Cache::new(dir.path(), 1, None);
        let (info, back) = cache.get("a.md", TEXT).expect("hit");
        assert_eq!(info.path, "a.md");
        assert_eq!(back.len(), c.len());
        assert!(cache.get("a.md", &TEXT.replace("120", "121")).is_none());
        assert!(
            cache.get("b.md", TEXT).is_none(),
            "the path is part of the key"
        );
        assert!(Cache::new(dir.path(), 2, None).get("a.md", TEXT).is_none());
        assert_eq!(cache.warnings(), Vec::<String>::new());
    }

    /// A run over the file `name` in `corpus`, as `collect` makes one with
    /// a cache: served by its stamp when the cache knows it unchanged,
    /// otherwise read, looked up or stored (with `problems` as what reading
    /// it met), and remembered. Returns whether it was served unread.
    fn run_over(cache: &Cache, corpus: &Path, name: &str, problems: &[Problem]) -> bool {
        let path = corpus.join(name);
        let meta = std::fs::metadata(&path).unwrap();
        if cache.unchanged(name, &meta).is_some() {
            return true;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let (doc, _) = document_from_text(name, text.clone(), &LoadOptions::default()).unwrap();
        cache.get_or_make(&doc, problems, Some(&meta), || claims(name, &text));
        false
    }

    /// A cache directory and a corpus with `a.md`, which a run with the
    /// cache has seen (and remembered by its stamp).
    fn seen_a_md() -> (tempfile::TempDir, tempfile::TempDir) {
        let (dir, corpus) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        std::fs::write(corpus.path().join("a.md"), TEXT).unwrap();
        let cache = settled_cache(dir.path());
        run_over(&cache, corpus.path(), "a.md", &[]);
        cache.finish();
        (dir, corpus)
    }

    /// A cache that remembers files however recently they changed.
    fn settled_cache(dir: &Path) -> Cache {
        let mut cache = Cache::new(dir, 1, None);
        cache.files.settle = std::time::Duration::ZERO;
        cache
    }

    #[test]
    fn an_unchanged_file_is_known_by_its_stamp_and_a_replaced_one_is_read() {
        let (dir, corpus) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        std::fs::write(corpus.path().join("a.md"), TEXT).unwrap();
        let warning = Problem::warning("a.md", "no title").at(1, 1);
        let cache = settled_cache(dir.path());
        assert!(!cache.knows_files(), "a new cache knows no file");
        assert!(!run_over(
            &cache,
            corpus.path(),
            "a.md",
            std::slice::from_ref(&warning)
        ));
        cache.finish();
        assert!(dir.path().join(files::FILES).exists());

        let cache = settled_cache(dir.path());
        assert!(cache.knows_files());
        let meta = std::fs::metadata(corpus.path().join("a.md")).unwrap();
        let (info, claims, problems) = cache.unchanged("a.md", &meta).expect("known unchanged");
        assert_eq!((info.path.as_str(), claims.len()), ("a.md", 1));
        assert_eq!(problems, vec![warning], "what reading it met, kept");
        assert!(
            cache.unchanged("b.md", &meta).is_none(),
            "the stamp is the path's"
        );
        assert!(
            Cache::new(dir.path(), 2, None)
                .unchanged("a.md", &meta)
                .is_none(),
            "nor another configuration's"
        );

        // replaced as editors and git do (a new file renamed over it), with
        // the same size and modification time: another file, read again
        let tmp = corpus.path().join("a.md.new");
        std::fs::write(&tmp, TEXT.replace("120", "121")).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&tmp)
            .unwrap()
            .set_modified(meta.modified().unwrap())
            .unwrap();
        std::fs::rename(&tmp, corpus.path().join("a.md")).unwrap();
        let cache = settled_cache(dir.path());
        assert!(!run_over(&cache, corpus.path(), "a.md", &[]));
        cache.finish();
        assert_eq!(cache.warnings(), Vec::<String>::new());
        let cache = settled_cache(dir.path());
        assert!(
            run_over(&cache, corpus.path(), "a.md", &[]),
            "and known again"
        );
    }

    #[test]
    fn a_file_changed_moments_ago_is_not_known_by_its_stamp() {
        let (dir, corpus) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        std::fs::write(corpus.path().join("a.md"), TEXT).unwrap();
        // the real settling time: the file was written just now
        let cache = Cache::new(dir.path(), 1, None);
        assert!(!run_over(&cache, corpus.path(), "a.md", &[]));
        cache.finish();
        let cache = Cache::new(dir.path(), 1, None);
        assert!(!cache.knows_files());
        assert!(!run_over(&cache, corpus.path(), "a.md", &[]));
    }

    #[test]
    fn a_damaged_entry_met_by_its_stamp_is_one_warning_and_the_file_is_read() {
        let (dir, corpus) = seen_a_md();
        let pack = dir.path().join(PACK);
        let mut bytes = std::fs::read(&pack).unwrap();
        let last = bytes.len() - 3;
        bytes[last] ^= 0x20;
        std::fs::write(&pack, &bytes).unwrap();

        let cache = settled_cache(dir.path());
        assert!(
            !run_over(&cache, corpus.path(), "a.md", &[]),
            "read, not served"
        );
        let w = cache.warnings();
        assert!(w.len() == 1 && w[0].contains("checksum"), "{w:?}");
    }

    #[test]
    fn a_damaged_file_index_is_ignored_with_a_warning() {
        let (dir, corpus) = seen_a_md();
        let index = dir.path().join(files::FILES);
        let mut bytes = std::fs::read(&index).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0x01;
        std::fs::write(&index, &bytes).unwrap();

        let cache = settled_cache(dir.path());
        let w = cache.warnings();
        assert!(
            w.len() == 1 && w[0].contains("files.index: damaged; ignored"),
            "{w:?}"
        );
        // another program's file there is named as such; another layout's
        // index is replaced without a word
        std::fs::write(&index, "a note\n").unwrap();
        let w = settled_cache(dir.path()).warnings();
        assert!(
            w.len() == 1 && w[0].contains("not a claimcheck file index"),
            "{w:?}"
        );
        std::fs::write(&index, "claimcheck file index 0\n").unwrap();
        assert_eq!(settled_cache(dir.path()).warnings(), Vec::<String>::new());
        std::fs::write(&index, &bytes).unwrap();
        assert!(!cache.knows_files());
        assert!(!run_over(&cache, corpus.path(), "a.md", &[]));
        cache.finish();
        // rewritten whole by that run
        let cache = settled_cache(dir.path());
        assert_eq!(cache.warnings(), Vec::<String>::new());
        assert!(run_over(&cache, corpus.path(), "a.md", &[]));
    }

    #[test]
    fn a_corrupt_entry_is_ignored_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        fill(dir.path(), &[("a.md", TEXT)]);
        let pack = dir.path().join(PACK);
        let mut bytes = std::fs::read(&pack).unwrap();
        let last = bytes.len() - 3;
        bytes[last] ^= 0x20; // one flipped bit in the payload
        std::fs::write(&pack, &bytes).unwrap();
        let cache = Cache::new(dir.path(), 1, None);
        assert!(cache.get("a.md", TEXT).is_none());
        let w = cache.warnings();
        assert!(
            w[0].contains("checksum") && w[0].contains("ignored"),
            "{w:?}"
        );
    }

    #[test]
    fn a_torn_tail_keeps_the_entries_before_it_and_is_cut_on_append() {
        let dir = tempfile::tempdir().unwrap();
        let other = TEXT.replace("120", "7");
        fill(dir.path(), &[("a.md", TEXT), ("b.md", &other)]);
        let pack = dir.path().join(PACK);
        let len = std::fs::metadata(&pack).unwrap().len();
        let file = OpenOptions::new().write(true).open(&pack).unwrap();
        file.set_len(len - 10).unwrap(); // a run killed mid-write
        drop(file);

        let cache = Cache::new(dir.path(), 1, None);
        assert!(
            cache.get("a.md", TEXT).is_some(),
            "entries before the damage"
        );
        assert!(cache.get("b.md", &other).is_none());
        assert!(
            cache.warnings()[0].contains("damaged"),
            "{:?}",
            cache.warnings()
        );
        let (info, c) = claims("b.md", &other);
        cache.put(&other, &info, &c, &[]);
        cache.finish();

        let cache = Cache::new(dir.path(), 1, None);
        assert!(cache.get("a.md", TEXT).is_some());
        assert!(
            cache.get("b.md", &other).is_some(),
            "rewritten after the cut"
        );
        assert_eq!(cache.warnings(), Vec::<String>::new());
    }

    #[test]
    fn an_unwritable_cache_warns_once() {
        let dir = tempfile::tempdir().unwrap();
        // a file where the cache directory should be: nothing can be created
        let blocked = dir.path().join("cache");
        std::fs::write(&blocked, "").unwrap();
        let cache = Cache::new(&blocked, 1, None);
        for i in 0..3 {
            let text = TEXT.replace("120", &i.to_string());
            let (info, c) = claims("a.md", &text);
            cache.put(&text, &info, &c, &[]);
        }
        cache.finish();
        let w = cache.warnings();
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].ends_with("not a directory; this run neither reads nor writes it"),
            "{w:?}"
        );
        // a directory that cannot be created: one warning too
        let cache = Cache::new(&blocked.join("deeper"), 1, None);
        for i in 0..3 {
            let text = TEXT.replace("120", &i.to_string());
            let (info, c) = claims("a.md", &text);
            cache.put(&text, &info, &c, &[]);
        }
        let w = cache.warnings();
        assert_eq!(w.len(), 1, "{w:?}");
    }

    #[test]
    fn a_foreign_file_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(PACK), "not a pack at all, but long enough").unwrap();
        let cache = Cache::new(dir.path(), 1, None);
        assert!(cache.get("a.md", TEXT).is_none());
        assert!(cache.warnings()[0].contains("not a claimcheck cache"));
        let (info, c) = claims("a.md", TEXT);
        cache.put(TEXT, &info, &c, &[]);
        cache.finish();
        assert!(Cache::new(dir.path(), 1, None).get("a.md", TEXT).is_some());
    }

    #[test]
    fn an_older_layout_is_rebuilt_without_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let mut old = b"claimcheck claims pack1\n".to_vec();
        old.extend_from_slice(b"CCE1 and an entry of JSON claim records");
        std::fs::write(dir.path().join(PACK), old).unwrap();
        let cache = Cache::new(dir.path(), 1, None);
        assert!(cache.get("a.md", TEXT).is_none());
        let (info, c) = claims("a.md", TEXT);
        cache.put(TEXT, &info, &c, &[]);
        cache.finish();
        assert!(cache.warnings().is_empty(), "{:?}", cache.warnings());
        let again = Cache::new(dir.path(), 1, None);
        assert!(again.get("a.md", TEXT).is_some());
        assert!(again.warnings().is_empty(), "{:?}", again.warnings());
    }

    #[test]
    fn unused_entries_are_dropped_when_they_outweigh_the_used_ones() {
        let dir = tempfile::tempdir().unwrap();
        // many versions of one article, then a run that uses only the last
        let versions: Vec<String> = (0..400)
            .map(|i| format!("{TEXT}{}\n", "Words without numbers. ".repeat(i)))
            .collect();
        let docs: Vec<(&str, &str)> = versions.iter().map(|v| ("a.md", v.as_str())).collect();
        fill(dir.path(), &docs);
        let pack = dir.path().join(PACK);
        let before = std::fs::metadata(&pack).unwrap().len();
        let last = versions.last().unwrap();
        let mut cache = Cache::new(dir.path(), 1, None);
        cache.min_dead = 0;
        assert!(cache.get("a.md", last).is_some());
        cache.finish();
        let after = std::fs::metadata(&pack).unwrap().len();
        assert!(after * 100 < before, "{before} -> {after}");
        let cache = Cache::new(dir.path(), 1, None);
        assert!(cache.get("a.md", last).is_some(), "the used entry is kept");
        assert!(cache.get("a.md", &versions[0]).is_none());
        assert_eq!(cache.warnings(), Vec::<String>::new());
    }
}
