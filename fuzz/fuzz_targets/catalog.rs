//! `claimcheck::catalog::Catalog::from_sources` on arbitrary JSON-ish
//! text, split into up to three catalogue files at 0xFF bytes: no panic,
//! every error names its file and a line and column inside it.
#![no_main]

use std::path::PathBuf;

use claimcheck::catalog::Catalog;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut sources = Vec::new();
    for (k, part) in data.split(|&b| b == 0xFF).take(3).enumerate() {
        let Ok(text) = std::str::from_utf8(part) else {
            return;
        };
        sources.push((PathBuf::from(format!("claims/{k}.json")), text.to_string()));
    }
    match Catalog::from_sources(&sources) {
        Ok(catalog) => {
            let mut ids: Vec<&str> = catalog
                .entries
                .iter()
                .map(|e| e.entry.id.as_str())
                .collect();
            let n = ids.len();
            ids.dedup();
            assert_eq!(ids.len(), n, "duplicate ids accepted");
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in &errors {
                let (_, text) = sources
                    .iter()
                    .find(|(p, _)| p.display().to_string() == e.path)
                    .unwrap_or_else(|| panic!("error names no given file: {e}"));
                let lines = text.split('\n').count();
                assert!(e.line >= 1 && e.line <= lines, "{e}");
                assert!(e.column >= 1, "{e}");
                let _ = e.to_string();
            }
        }
    }
});
