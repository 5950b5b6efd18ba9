//! What `update` asks the loop to do: effects as values. `update` itself does no I/O; the
//! loop performs these and feeds any result back as a message, so nothing is parked in a
//! field for the loop to take and the compiler holds the rule that only `update` changes
//! the state.

use crate::model::EventId;
use crate::tui::search::SearchJob;

/// How the explorer ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Left without choosing.
    Quit,
    /// Chose these events (date order); empty when there was nothing to choose.
    Accept(Vec<EventId>),
}

/// One thing for the loop to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Run this search on the worker; its result comes back as `Msg::SearchResults`.
    /// Boxed: a job holds two filters, ten times the size of any other effect.
    Search(Box<SearchJob>),
    /// Leave the explorer, with this ending.
    Exit(Exit),
    /// Give the terminal back and stop like any job (Ctrl-z), then take it again.
    Suspend,
    /// Put this text on the clipboard through OSC 52, written to the terminal the explorer
    /// draws on, so it works in tmux and over SSH where no clipboard program can.
    Copy(String),
    /// Open this address with `$BROWSER`, else `xdg-open`/`open`, without waiting for it; a
    /// failure comes back as `Msg::Failed`.
    Open(String),
    /// Keep this star or note in the reader's notes store (an empty entry removes it).
    SaveEntry {
        id: String,
        entry: crate::notes::Entry,
        /// The part of it this change is about; the store keeps the other as it has it.
        field: crate::notes::Field,
    },
    /// Open the reader's editor on this event's note; what they wrote comes back as
    /// `Msg::NoteWritten`.
    EditNote { id: String, note: String },
    /// Open the timeline file in the reader's editor at this event (its line), then load
    /// it again: the result comes back as `Msg::Reloaded`.
    EditTimeline { id: Option<String> },
    /// Write these events to a file (`w`); how it went comes back as `Msg::Done`,
    /// `Msg::Failed` or `Msg::WriteExists`.
    Write(Box<crate::tui::write::WriteJob>),
    /// Open the reader's editor on a template for a new event (this date, these actors'
    /// ids), add what they wrote to the file, then load it again (`Msg::Reloaded`).
    AddEvent {
        date: crate::model::Date,
        actors: Vec<String>,
    },
}
