//! The `afghan-timeline` binary: parse arguments, hand over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    afghan_timeline::run(afghan_timeline::cli::Cli::parse())
}
