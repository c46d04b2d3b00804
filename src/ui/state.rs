//! The page's state and the things a user can do to it, as one reducer.
//!
//! The state holds the loaded documents (the pasted text and each opened file, each with
//! its `Report`), which one is shown, and the messages about files that could not be
//! read. Every change goes through `Action`, named for what the user did; analysis runs
//! here, once per document, never in a view.

use std::rc::Rc;

use yew::Reducible;

use crate::analysis::{analyze, Report};

/// Where a document came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Pasted,
    File(String),
}

/// One analysed document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub source: Source,
    pub report: Rc<Report>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct State {
    /// What is in the paste box, kept whatever else happens.
    pub draft: String,
    pub documents: Vec<Document>,
    /// Index into `documents` of the one on screen.
    pub current: usize,
    /// Messages about files that could not be read, each naming its file.
    pub notices: Vec<String>,
}

pub enum Action {
    /// The user typed or pasted into the paste box.
    Pasted(String),
    /// The user dropped or picked files; earlier messages are cleared.
    FilesChosen,
    /// A chosen file was read and decoded to text.
    FileLoaded { name: String, text: String },
    /// A chosen file could not be used; the message says why.
    FileFailed(String),
    /// The user picked a loaded document to look at.
    Show(usize),
}

impl State {
    pub fn current_document(&self) -> Option<&Document> {
        self.documents.get(self.current)
    }

    /// Puts `document` in place of the one from the same source, or adds it; shows it.
    fn upsert(&mut self, document: Document) {
        match self
            .documents
            .iter()
            .position(|d| d.source == document.source)
        {
            Some(i) => {
                self.documents[i] = document;
                self.current = i;
            }
            None => {
                self.documents.push(document);
                self.current = self.documents.len() - 1;
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::Pasted(text) => {
                if text.trim().is_empty() {
                    state.documents.retain(|d| d.source != Source::Pasted);
                    state.current = state.current.min(state.documents.len().saturating_sub(1));
                } else {
                    state.upsert(Document {
                        source: Source::Pasted,
                        report: Rc::new(analyze(&text)),
                    });
                }
                state.draft = text;
            }
            Action::FilesChosen => state.notices.clear(),
            Action::FileLoaded { name, text } => state.upsert(Document {
                source: Source::File(name),
                report: Rc::new(analyze(&text)),
            }),
            Action::FileFailed(message) => state.notices.push(message),
            Action::Show(index) if index < state.documents.len() => state.current = index,
            Action::Show(_) => {}
        }
        Rc::new(state)
    }
}
