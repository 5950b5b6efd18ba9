//! The integration tests, as one test crate (one binary to build and link instead of one
//! per file): the CLI on fixtures, the loader and its diagnostics, the filter engine, the
//! output formats, interop, the explorer's `update` and screens, property tests, the hostile
//! suite and the architecture checks. Each file is a module; `tests/common` holds the
//! helpers they share. The pseudo-terminal suite is its own crate (`tests/pty/`).

#[path = "../common/mod.rs"]
mod common;

mod architecture;
mod authoring;
mod calendar_reference;
mod calendars;
mod cli;
mod cli_help;
mod data_sources;
mod date;
mod date_bce;
mod doc_links;
mod era;
mod export_filters;
#[path = "../../benches/synth/faulty.rs"]
mod faulty;
mod hostile;
mod hostile3_bce;
mod hostile3_checks;
mod hostile3_find;
mod hostile3_frictions;
mod hostile3_interop;
mod hostile3_links;
mod hostile3_load;
mod hostile3_status;
mod hostile_checks;
mod hostile_cli;
mod hostile_markdown;
mod hostile_tui;
mod interop;
mod interop_csv;
mod interop_docs;
mod interop_import;
mod interop_republish;
mod interop_tljs;
mod invalid;
mod keys_doc;
mod load;
mod load_pieces;
mod output;
mod prop_date;
mod prop_load;
mod prop_parallel;
mod prop_plain;
mod prop_sanitize;
mod prop_tui;
mod query;
mod sanitize;
mod svg;
#[path = "../../benches/synth/mod.rs"]
mod synth;
mod time_folds;
mod time_round2;
mod time_view;
mod tui_act;
mod tui_calendars;
mod tui_eras;
mod tui_filters;
mod tui_find;
mod tui_personal;
mod tui_picker;
mod tui_prompts;
mod tui_reload;
mod tui_screens;
mod tui_update;
mod tui_write;
