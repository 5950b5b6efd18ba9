//! What has the keyboard: one mode at a time, never a handful of booleans.

/// What has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Browse,
    /// Browsing in the time view, which the list's pane shows instead of the list.
    Time,
    Search,
    ActorPicker,
    Help,
    Detail,
    /// The `:` prompt: a date to jump to.
    Jump,
    /// Pick mode's list: the prompt is active, typed characters filter (fzf).
    Pick,
    /// The date range prompt (`r`).
    Range,
}
