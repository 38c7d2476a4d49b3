//! A small stable hash (FNV-1a, 64-bit) for digests and fingerprints that
//! are written to disk and must not change between runs, platforms or Rust
//! versions (which `std`'s `DefaultHasher` does not promise).

#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv::new()
    }
}

impl Fnv {
    pub fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    pub fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        // a separator so ("ab","c") and ("a","bc") differ
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }
    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash of one string.
pub fn hash_str(s: &str) -> u64 {
    let mut h = Fnv::new();
    h.write(s.as_bytes());
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PINNED: u64 = 2_062_054_883_161_471_834;

    #[test]
    fn stable_and_separated() {
        assert_eq!(hash_str("claimcheck"), hash_str("claimcheck"));
        let mut a = Fnv::new();
        a.write(b"ab");
        a.write(b"c");
        let mut b = Fnv::new();
        b.write(b"a");
        b.write(b"bc");
        assert_ne!(a.finish(), b.finish());
        // pinned: a change here would silently invalidate every stored fingerprint
        assert_eq!(hash_str("claimcheck"), PINNED);
    }
}
