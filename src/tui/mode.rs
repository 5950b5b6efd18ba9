//! What has the keyboard: one mode at a time, never a handful of booleans.

/// What has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Search,
    ActorPicker,
    Help,
    Detail,
}
