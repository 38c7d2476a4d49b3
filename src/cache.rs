//! The incremental cache: per-document claims, content-addressed.
//!
//! A CI gate re-checks the whole corpus on every push, but a push changes a
//! few articles. Each document's interpreted claims are stored under a key
//! made of its path, its bytes, the catalogue's digest, the reference date
//! and the tool version, so re-checking after one article changed
//! re-extracts one article. A cache file that cannot be read back is
//! ignored with a warning and rewritten, never trusted.

use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::claims_io;
use crate::hash::Fnv;
use crate::interpret::Claim;
use crate::report::DocInfo;

/// The default cache directory (git-ignored).
pub const DEFAULT_DIR: &str = ".claimcheck-cache";

/// A cache directory and the salt that ties entries to one configuration.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    salt: String,
    warnings: Mutex<Vec<String>>,
    /// The 256 fan-out directories known to exist, and the `.gitignore`
    /// marker written: created once per run, not checked per document.
    made: [std::sync::OnceLock<()>; 257],
}

impl Cache {
    /// A cache in `dir` for runs with this catalogue digest and reference date.
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
        Cache {
            dir: dir.to_path_buf(),
            salt,
            warnings: Mutex::new(Vec::new()),
            made: std::array::from_fn(|_| std::sync::OnceLock::new()),
        }
    }

    fn entry(&self, doc_path: &str, text: &str) -> PathBuf {
        let mut h = Fnv::new();
        h.write(self.salt.as_bytes());
        h.write(doc_path.as_bytes());
        h.write(text.as_bytes());
        let hex = format!("{:016x}{:08x}", h.finish(), text.len() as u32);
        self.dir
            .join(&hex[..2])
            .join(format!("{}.jsonl", &hex[2..]))
    }

    fn warn(&self, message: String) {
        if let Ok(mut w) = self.warnings.lock() {
            if w.len() < 20 {
                w.push(message);
            }
        }
    }

    /// The cached claims of a document with exactly this path and text.
    pub fn get(&self, doc_path: &str, text: &str) -> Option<(DocInfo, Vec<Claim>)> {
        let file = self.entry(doc_path, text);
        let f = std::fs::File::open(&file).ok()?;
        match claims_io::read(&file.display().to_string(), BufReader::new(f)) {
            Ok(mut docs)
                if docs.len() == 1
                    && docs[0].0.path == doc_path
                    && docs[0].0.claims == docs[0].1.len() =>
            {
                docs.pop()
            }
            Ok(_) => {
                self.warn(format!(
                    "{}: cache entry is for another document; ignored",
                    file.display()
                ));
                None
            }
            Err(e) => {
                self.warn(format!("{e}; cache entry ignored and rebuilt"));
                None
            }
        }
    }

    /// Stores a document's claims (atomically: a temporary file, then a rename).
    pub fn put(&self, text: &str, info: &DocInfo, claims: &[Claim]) {
        let file = self.entry(&info.path, text);
        let result = (|| -> std::io::Result<()> {
            let dir = file.parent().expect("entry has a parent");
            // the fan-out directory is named by the entry's first hex byte
            let fan = dir
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| u8::from_str_radix(n, 16).ok())
                .map_or(256, usize::from);
            let made = |slot: usize, make: &dyn Fn() -> std::io::Result<()>| {
                if self.made[slot].get().is_none() {
                    make()?;
                    let _ = self.made[slot].set(());
                }
                std::io::Result::Ok(())
            };
            made(fan, &|| std::fs::create_dir_all(dir))?;
            made(256, &|| {
                let marker = self.dir.join(".gitignore");
                if !marker.exists() {
                    std::fs::write(&marker, "# created by claimcheck\n*\n")?;
                }
                Ok(())
            })?;
            // rendered in memory, then written with one call
            let mut bytes = Vec::with_capacity(256 + 512 * claims.len());
            claims_io::write_header(&mut bytes)?;
            claims_io::write_document(&mut bytes, info, claims)?;
            let tmp = file.with_extension(format!("tmp{}", std::process::id()));
            std::fs::write(&tmp, &bytes)?;
            std::fs::rename(&tmp, &file)
        })();
        if let Err(e) = result {
            self.warn(format!("{}: cannot write cache entry: {e}", file.display()));
        }
    }

    /// Warnings about unreadable or unwritable entries, for stderr.
    pub fn warnings(&self) -> Vec<String> {
        self.warnings.lock().map(|w| w.clone()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{document_from_text, LoadOptions};

    #[test]
    fn hit_after_put_miss_after_edit_and_corrupt_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path(), 1, None);
        let text = "---\npublished: 2025-01-02\n---\nThe library has 120 rooms.\n";
        let (doc, _) =
            document_from_text("a.md", text.to_string(), &LoadOptions::default()).unwrap();
        let per_doc = crate::report::claims_of(
            std::slice::from_ref(&doc),
            &crate::catalog::Catalog::default(),
        );
        assert!(cache.get("a.md", text).is_none());
        cache.put(text, &per_doc[0].0, &per_doc[0].1);
        let (info, claims) = cache.get("a.md", text).expect("hit");
        assert_eq!(info.path, "a.md");
        assert_eq!(claims.len(), per_doc[0].1.len());
        assert!(cache
            .get(
                "a.md",
                "---\npublished: 2025-01-02\n---\nThe library has 121 rooms.\n"
            )
            .is_none());
        // another configuration does not see it
        assert!(Cache::new(dir.path(), 2, None).get("a.md", text).is_none());
        // a corrupt entry is ignored with a warning
        std::fs::write(cache.entry("a.md", text), "{not json").unwrap();
        assert!(cache.get("a.md", text).is_none());
        assert_eq!(cache.warnings().len(), 1);
    }
}
