//! The hash of what is written out or must agree between machines.

/// FNV-1a, 64 bits: a fixed hash, the same on every platform and Rust
/// release (std's `DefaultHasher` promises neither), for what is written
/// out or must agree between machines: slugs, shards' text hashes, layout
/// seeds.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_extend(0xcbf2_9ce4_8422_2325, bytes)
}

/// The [`fnv1a`] hash of some bytes followed by `bytes`, from the hash
/// `hash` of the former.
pub fn fnv1a_extend(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
