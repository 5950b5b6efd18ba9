//! How much memory a load needs and how much this process may take, so that a timeline too
//! large for the machine is refused with a message before it is parsed. Running out halfway
//! is worse than slow: Rust ends the program at a failed allocation ("memory allocation of
//! … bytes failed", status 134) with no word of ours, and the kernel's out-of-memory killer
//! leaves less still.
//!
//! The need is measured, not guessed (issue 25; `cargo bench --bench scale -- --tiny`): at
//! the peak of a load an event takes about [`PER_EVENT`] bytes besides its text (the raw
//! event, what checking resolved, the model, the index), and the text about half as much
//! again as its size while it is parsed and indexed. How many events a file holds is read
//! from its first [`SAMPLE`] bytes: every event has one `summary`, and actors and eras none.
//! What may be taken is the least of the memory the kernel says is available (with swap),
//! the process's address-space and data limits (`ulimit -v`, `ulimit -d`) less what it
//! holds already, and its control group's limit. Linux only; elsewhere nothing is refused.

use super::LoadError;

/// Bytes an event takes at the peak of a load, besides its text: 1,000,000 events of a
/// title and summary of one letter and one source peak at 1.21 GB loaded from 113 MB.
pub const PER_EVENT: u64 = 1_100;

/// The first bytes of a file read to count its events.
pub const SAMPLE: usize = 1 << 20;

/// What loading a text of `bytes` bytes holding about `events` events takes at its peak.
pub fn need(bytes: u64, events: u64) -> u64 {
    events
        .saturating_mul(PER_EVENT)
        .saturating_add(bytes.saturating_add(bytes / 2))
}

/// About how many events a text of `total` bytes holds, from its first bytes `sample`: the
/// events begun in the sample, in proportion. A sample with none (one event larger than it,
/// or not a timeline) counts one per sample's length.
pub fn events_in(sample: &[u8], total: u64) -> u64 {
    let finder = memchr::memmem::Finder::new(b"summary");
    let found = finder
        .find_iter(sample)
        .filter(|&at| {
            let rest = &sample[at + b"summary".len()..];
            let next = rest.iter().find(|b| !b.is_ascii_whitespace());
            next == Some(&b':')
        })
        .count() as u64;
    let len = (sample.len() as u64).max(1);
    if found == 0 {
        return total.div_ceil(len).max(1);
    }
    if sample.len() as u64 >= total {
        return found;
    }
    found.saturating_mul(total) / len
}

/// Refuses a text of `total` bytes, whose first bytes are `sample`, when loading it needs
/// more memory than this process may take; `held` is what of it is in memory already.
pub fn check(name: &str, total: u64, sample: &[u8], held: u64) -> Result<(), LoadError> {
    let events = events_in(sample, total);
    let wanted = need(total, events).saturating_sub(held);
    match available() {
        Some(free) if wanted > free => Err(LoadError::Read {
            name: name.to_owned(),
            reason: format!(
                "loading it needs about {} MiB of memory (about {} events; an event takes \
                 about {} KB besides its text), and about {} MiB is free for it; free some \
                 memory, or split the timeline into several files",
                wanted >> 20,
                thousands(events),
                PER_EVENT / 1000,
                free >> 20
            ),
        }),
        _ => Ok(()),
    }
}

/// The memory this process may still take, in bytes, when the system says.
pub fn available() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let held = |key: &str| field_kb(&status, key).map(|kb| kb << 10);
    let limits = std::fs::read_to_string("/proc/self/limits").unwrap_or_default();
    // Thread arenas reserve address space they may never use: leave room for them.
    let arenas = 128 << 20;
    [
        std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|info| {
                Some((field_kb(&info, "MemAvailable:")? + field_kb(&info, "SwapFree:")?) << 10)
            }),
        limit(&limits, "Max address space")
            .map(|max| max.saturating_sub(held("VmSize:").unwrap_or(0) + arenas)),
        limit(&limits, "Max data size")
            .map(|max| max.saturating_sub(held("VmData:").unwrap_or(0) + arenas)),
        cgroup_room(),
    ]
    .into_iter()
    .flatten()
    .min()
}

/// `Key:   1234 kB` in a `/proc` file.
fn field_kb(text: &str, key: &str) -> Option<u64> {
    text.lines()
        .find_map(|l| l.strip_prefix(key))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// A soft limit from `/proc/self/limits`, in bytes; `None` when unlimited.
fn limit(limits: &str, name: &str) -> Option<u64> {
    limits
        .lines()
        .find_map(|l| l.strip_prefix(name))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// What the process's control group (v2) still allows, when it has a limit.
fn cgroup_room() -> Option<u64> {
    let own = std::fs::read_to_string("/proc/self/cgroup").ok()?;
    let path = own.lines().find_map(|l| l.strip_prefix("0::"))?;
    let dir = std::path::Path::new("/sys/fs/cgroup").join(path.trim_start_matches('/'));
    let read = |file: &str| std::fs::read_to_string(dir.join(file)).ok();
    let max: u64 = read("memory.max")?.trim().parse().ok()?;
    let current: u64 = read("memory.current")?.trim().parse().ok()?;
    Some(max.saturating_sub(current))
}

/// `1234567` as `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_counted_by_their_summaries() {
        let one = b"(id: \"e\", summary: \"s\", title: \"a summary\"),\n";
        let sample: Vec<u8> = one.repeat(100);
        // The sample whole: exact; a part of the text: in proportion.
        assert_eq!(events_in(&sample, sample.len() as u64), 100);
        assert_eq!(events_in(&sample, sample.len() as u64 * 10), 1000);
        // `summary` in a title is not a field (no colon after it).
        assert_eq!(events_in(b"(title: \"a summary\")", 20), 1);
        assert_eq!(need(1000, 10), 11_000 + 1500);
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn limits_read_from_proc() {
        let limits = "Limit                     Soft Limit           Hard Limit           Units\n\
                      Max data size             unlimited            unlimited            bytes\n\
                      Max address space         1073741824           unlimited            bytes\n";
        assert_eq!(limit(limits, "Max address space"), Some(1 << 30));
        assert_eq!(limit(limits, "Max data size"), None);
        assert_eq!(field_kb("VmSize:\t  2048 kB\n", "VmSize:"), Some(2048));
    }
}
