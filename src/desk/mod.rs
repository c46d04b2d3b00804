//! The desk: the page's state and everything a user can do to it, in pure Rust, compiled
//! and tested natively.
//!
//! `State` holds the loaded documents (each with its text, its `Report` and the user's
//! `Checklist`, corrections included), the document on screen, a checklist opened from a
//! share link, what can be undone, and messages about input that could not be used.
//! Every change is an `Action`, named for what the user did, and `reduce` computes the
//! next state from it; the page (`ui`) only dispatches actions and draws the state. The
//! state also holds the workspace's choices (its view, the pair of reports followed) and
//! the judgements of the follow-ups. What the user did is kept by `Keeper` (`kept`),
//! which merges it with what another tab kept; the page's effects run it against the
//! browser's storage, and the tests against a map.

mod kept;
mod names;
mod state;

pub use kept::{
    checklist_key, shared_key, verdicts_key, Keepable, Keeper, Kept, SaveError, Saved, Store,
    CHECKLIST_PREFIX, CLEARED_KEY, VERDICTS_PREFIX,
};
pub use names::{document_name, document_names};
pub use state::{
    reduce, Action, Document, Edit, Notice, Pair, Restored, SharedList, Source, State, Target, View,
};
