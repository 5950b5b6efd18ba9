//! Writes a deterministic synthetic timeline to stdout, for scale tests and benchmarks:
//!
//! ```sh
//! cargo run --release --example synth -- --events 1000000 --seed 7 > big.ron
//! ```

#[path = "../benches/synth/mod.rs"]
mod synth;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut events = 1000;
    let mut seed = 7;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().and_then(|v| v.parse::<u64>().ok());
        match (arg.as_str(), value) {
            ("--events", Some(n)) => events = usize::try_from(n).unwrap_or(usize::MAX),
            ("--seed", Some(s)) => seed = s,
            _ => {
                eprintln!("usage: synth [--events N] [--seed S]");
                return ExitCode::from(2);
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match synth::generate(events, seed, &mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::from(1)
        }
    }
}
