//! The `afghan-timeline` binary: parse arguments, hand over to the library.

use std::io::Write;
use std::process::ExitCode;

use clap::error::ErrorKind;

fn main() -> ExitCode {
    let colors = afghan_timeline::colors::Colors::from_env();
    // First, before any file opened could take the closed descriptor's number.
    if afghan_timeline::stdout_closed() {
        return afghan_timeline::fail(
            &afghan_timeline::error::Error::Output(std::io::Error::other(
                "standard output is closed",
            )),
            colors,
        );
    }
    // `COMPLETE=bash afghan-timeline` prints the shell's hook; the hook calls back here to
    // complete event ids and actors (the process exits once it has answered).
    clap_complete::CompleteEnv::with_factory(afghan_timeline::cli::command).complete();
    match afghan_timeline::cli::parse_from(std::env::args_os()) {
        Ok(cli) => afghan_timeline::run(cli, colors),
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let mut out = std::io::stdout().lock();
            match write!(out, "{e}").and_then(|()| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    afghan_timeline::fail(&afghan_timeline::error::Error::Output(e), colors)
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(e) => {
            // clap quotes the offending argument as typed: clean it like any other text
            // that reaches the terminal (plain rendering, so clap's own styling is not
            // mistaken for an escape sequence in the argument).
            let message = e.render().to_string();
            let clean =
                afghan_timeline::sanitize::clean(&message, afghan_timeline::sanitize::Lines::Keep);
            let _ = write!(std::io::stderr(), "{clean}");
            ExitCode::from(2)
        }
    }
}
