//! The page's state and the things a user can do to it, as one reducer.
//!
//! The state holds the loaded documents (each pasted text and each opened file, each with
//! its text, its `Report` and the user's `Checklist`), which one is shown, a checklist
//! opened from a share link, the last deleted item (for undo), and messages about input
//! that could not be used. Every change goes through `Action`, named for what the user
//! did. The reducer only computes the next state: a text's analysis comes in the action
//! (made in a worker), and so does what was kept for it (`Kept`); the checklists worth
//! keeping (`State::to_keep`) are saved by an effect (`keeping`), which also brings in
//! what another tab saved, and the documents themselves are kept by another (`shelf`).

use std::rc::Rc;

use super::kept::{self, Kept};
use crate::analysis::{as_shown, text_id, Corrections, Report, Warning};
use crate::checklist::{Checklist, Direction, Note, Removed};
use crate::export::ShareError;
use crate::ingest::{Format, IngestError};
pub use crate::shelved::{self, Source};
use crate::stored::Unusable;

/// One analysed document and the user's work on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub source: Source,
    /// The file's format and character encoding, for a file.
    pub origin: Option<(Format, String)>,
    pub text: Rc<str>,
    pub report: Rc<Report>,
    pub checklist: Checklist,
    /// What the reader had corrected when `report` was made: when the checklist's
    /// corrections differ (just corrected, or kept so), the text is analysed again
    /// (`correcting`).
    pub analysed_with: Corrections,
}

impl Document {
    /// What the document is kept under in the browser (`shelf`): the same for a document
    /// and the one that renews it (`State::upsert`).
    pub fn shelf_key(&self) -> String {
        shelved::key(&self.source, &self.checklist.report_id)
    }

    /// Whether the page holds the document's whole text (not a report too large to show
    /// whole, `Warning::ShownInPart`).
    pub fn shown_whole(&self) -> bool {
        !self
            .report
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::ShownInPart { .. }))
    }

    fn new(
        source: Source,
        text: String,
        origin: Option<(Format, String)>,
        report: Report,
        kept: Kept,
    ) -> Self {
        let fresh = Checklist::from_report(&report);
        let checklist = match kept {
            Kept::Found(mut list) => {
                list.renew(&fresh);
                *list
            }
            Kept::Nothing | Kept::SetAside(..) => fresh,
        };
        Document {
            source,
            origin,
            text: text.into(),
            report: Rc::new(report),
            checklist,
            analysed_with: Corrections::default(),
        }
    }

    /// True when the report does not yet reflect what the reader corrected.
    pub fn needs_analysis(&self) -> bool {
        self.analysed_with != self.checklist.corrections
    }

    /// Takes in `report`, the text analysed again with `corrections`, if those are still
    /// the reader's: the report stands for this document (`as_shown`), and the checklist
    /// becomes that of its plan (`Checklist::replan`).
    fn reanalysed(&mut self, corrections: &Corrections, mut report: Report) {
        if &self.checklist.corrections != corrections {
            return;
        }
        as_shown(&mut report, &self.report);
        self.checklist.replan(&Checklist::from_report(&report));
        self.report = Rc::new(report);
        self.analysed_with = corrections.clone();
    }
}

/// A document kept in the browser, read again (`Action::Restored`).
#[derive(Debug)]
pub struct Restored {
    pub source: Source,
    pub text: String,
    pub origin: Option<(Format, String)>,
    pub report: Report,
    pub kept: Kept,
    /// What the reader had corrected when `report` was made (`Document::analysed_with`).
    pub analysed_with: Corrections,
}

/// Why some input could not be used; shown in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The file was read, and `ingest` says why it cannot be used.
    File {
        name: String,
        error: IngestError,
    },
    /// The browser could not read the file from disk.
    Unreadable {
        name: String,
        error: String,
    },
    /// The worker reading the file failed or took too long.
    ReaderFailed(String),
    EmptyPaste,
    /// A paste larger than any file (`ingest::MAX_FILE_BYTES`), refused.
    PasteTooLarge,
    /// Another tab cleared what the browser keeps, and this tab's reports with it.
    ClearedElsewhere,
    /// A report kept in the browser could not be restored (named by its file name, or
    /// its key); it was moved aside when the page started.
    ReportSetAside(String),
    /// The bundled sample could not be fetched.
    SampleFailed,
    /// What the browser kept for a report could not be used; it was set aside.
    KeptSetAside(Unusable, bool),
    /// A report could not be analysed again with what the reader corrected.
    CorrectionFailed,
}

/// A checklist opened from a share link.
#[derive(Debug, Clone, PartialEq)]
pub enum SharedList {
    /// Read-only until the user keeps an editable copy, which is stored under `key`
    /// (one per link), apart from the user's own checklist of the same report.
    Open {
        checklist: Box<Checklist>,
        editable: bool,
        key: String,
    },
    Failed(ShareError),
}

/// Which checklist an edit is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The checklist of the document on screen.
    Document,
    /// The checklist of the loaded document at this index (from the combined checklist).
    At(usize),
    /// The editable copy of a shared checklist.
    Shared,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct State {
    pub documents: Vec<Document>,
    /// Index into `documents` of the one on screen.
    pub current: usize,
    pub notices: Vec<Notice>,
    /// The last item deleted, and from which checklist, for undo.
    pub removed: Option<(Target, Removed)>,
    /// The last document removed, and where it was, for undo.
    pub closed: Option<(usize, Document)>,
    pub shared: Option<SharedList>,
    /// Files and texts being read or analysed in the background.
    pub pending: usize,
    /// Whether a document was opened since the page was last idle: of many files read
    /// together, only the first to arrive is shown.
    opened_since_idle: bool,
    /// How many there were since the page was last idle: the progress bar's whole.
    pub pending_of: usize,
}

/// A change to a checklist (the one on screen, or another `Target` names).
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Toggle(String),
    Change {
        id: String,
        title: String,
        text: String,
        note: Note,
    },
    Add(String),
    Remove(String),
    Move(String, Direction),
    Undo,
    /// What the reader corrected in the report's analysis, all of it (`Checklist::correct`).
    Correct(Corrections),
    /// Split an item at a byte of its text where a sentence ends (`Checklist::split`).
    Split(String, usize),
    /// Join an item with the next (`Checklist::merge_with_next`).
    MergeNext(String),
    /// Tick a point of an item, or take its tick back.
    TogglePoint(String, usize),
}

pub enum Action {
    /// Files or texts (this many) went to be read or analysed in the background.
    WorkStarted(usize),
    /// This many pieces of background work ended (their outcomes came as their own
    /// actions).
    WorkDone(usize),
    /// The user dropped or picked files; earlier messages are cleared.
    FilesChosen,
    /// A file, the bundled sample or a pasted text was read, decoded to text and analysed.
    Loaded {
        source: Source,
        text: String,
        origin: Option<(Format, String)>,
        report: Box<Report>,
        kept: Kept,
    },
    /// The documents kept in the browser (`shelf`), read and analysed again when the page
    /// starts. Each is added unless a document of the same key is open already (one the
    /// user opened meanwhile); the document on screen stays on screen.
    Restored(Vec<Restored>),
    /// A chosen file could not be used.
    Failed(Notice),
    /// Several actions at once (the outcomes of a batch of files), in order.
    All(Vec<Action>),
    /// The user picked a loaded document to look at.
    Show(usize),
    /// The user removed a loaded document.
    Close(usize),
    /// The user undid the last removal of a document.
    Reopen,
    /// The user cleared what the browser keeps: every document is removed, for good.
    CloseAll,
    /// The user cleared what the browser keeps in another tab: this tab's documents go
    /// too, and the page says why.
    ClearedElsewhere,
    /// The user worked on a checklist.
    Edit(Target, Edit),
    /// The page was opened with (or navigated to) a share link: its fragment, and the
    /// checklist read from it (in a worker).
    OpenShared {
        fragment: String,
        read: Result<Checklist, ShareError>,
        kept: Kept,
    },
    /// A checklist was kept in the browser by another tab, or merged on saving: every
    /// copy of it on the page takes it in, item by item.
    KeptElsewhere {
        key: String,
        list: Checklist,
    },
    /// The text of the report `report_id` was analysed again with `corrections`.
    Reanalysed {
        report_id: String,
        corrections: Corrections,
        report: Box<Report>,
    },
    /// The user keeps an editable copy of the shared checklist.
    KeepSharedCopy,
    CloseShared,
}

impl State {
    pub fn current_document(&self) -> Option<&Document> {
        self.documents.get(self.current)
    }

    /// The checklist `target` names; `None` when there is none or it is read-only.
    fn checklist_mut(&mut self, target: Target) -> Option<&mut Checklist> {
        match target {
            Target::Shared => match &mut self.shared {
                Some(SharedList::Open {
                    checklist,
                    editable: true,
                    ..
                }) => Some(checklist),
                _ => None,
            },
            Target::Document | Target::At(_) => {
                let index = self.index_of(target)?;
                self.documents.get_mut(index).map(|d| &mut d.checklist)
            }
        }
    }

    /// The index of the document whose checklist `target` names.
    fn index_of(&self, target: Target) -> Option<usize> {
        match target {
            Target::Document => Some(self.current),
            Target::At(index) => Some(index),
            Target::Shared => None,
        }
    }

    /// The checklists worth keeping, with their storage keys: those the user worked on,
    /// and the editable copy of a shared one.
    pub fn to_keep(&self) -> Vec<(String, Checklist)> {
        let documents = self
            .documents
            .iter()
            .filter(|d| d.checklist.worked_on())
            .map(|d| {
                let key = kept::checklist_key(&d.checklist.report_id);
                (key, d.checklist.clone())
            });
        let shared = match &self.shared {
            Some(SharedList::Open {
                checklist,
                editable: true,
                key,
            }) => Some((key.clone(), (**checklist).clone())),
            _ => None,
        };
        let mut lists: Vec<(String, Checklist)> = documents.chain(shared).collect();
        lists.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        lists
    }

    /// Takes in a checklist kept under `key`: every copy of it on the page merges it.
    fn take_in(&mut self, key: &str, list: &Checklist) {
        for document in &mut self.documents {
            if kept::checklist_key(&document.checklist.report_id) == key {
                document.checklist = document.checklist.merge(list);
            }
        }
        if let Some(SharedList::Open {
            checklist,
            key: shared_key,
            editable: true,
        }) = &mut self.shared
        {
            if shared_key == key {
                **checklist = checklist.merge(list);
            }
        }
    }

    /// Puts `document` in place of the one it renews, or adds it; shows it, unless it is
    /// one of many files read together and another is shown already (the table lists
    /// them; the page is not redrawn for each). What renews what is `shelved::key`'s.
    fn upsert(&mut self, document: Document) {
        self.removed = None;
        let show = self.pending <= 1 || !self.opened_since_idle;
        self.opened_since_idle = true;
        let renews = |d: &Document| d.shelf_key() == document.shelf_key();
        let at = match self.documents.iter().position(renews) {
            Some(i) => {
                self.documents[i] = document;
                i
            }
            None => {
                self.documents.push(document);
                self.documents.len() - 1
            }
        };
        if show {
            self.current = at;
        }
    }

    fn apply(&mut self, target: Target, edit: Edit) {
        let removed = self
            .removed
            .take()
            .filter(|(t, _)| *t == target)
            .map(|(_, r)| r);
        let Some(list) = self.checklist_mut(target) else {
            return;
        };
        let mut just_removed = None;
        match edit {
            Edit::Toggle(id) => list.toggle(&id),
            Edit::Change {
                id,
                title,
                text,
                note,
            } => {
                list.edit(&id, &title, &text);
                list.set_note(&id, note);
            }
            Edit::Add(title) => {
                list.add(&title);
            }
            Edit::Remove(id) => just_removed = list.remove(&id),
            Edit::Move(id, direction) => list.move_item(&id, direction),
            Edit::Correct(corrections) => list.correct(corrections),
            Edit::Split(id, at) => {
                list.split(&id, at);
            }
            Edit::MergeNext(id) => list.merge_with_next(&id),
            Edit::TogglePoint(id, index) => list.toggle_point(&id, index),
            Edit::Undo => {
                if let Some(removed) = removed {
                    list.restore(removed);
                }
            }
        }
        self.removed = just_removed.map(|r| (target, r));
        // The same text opened twice (pasted and dropped) is one checklist.
        let edited_at = self.index_of(target);
        if let Some((at, edited)) = edited_at.and_then(|at| {
            let list = self.documents.get(at)?.checklist.clone();
            Some((at, list))
        }) {
            for (i, document) in self.documents.iter_mut().enumerate() {
                if i != at && document.checklist.report_id == edited.report_id {
                    document.checklist = document.checklist.merge(&edited);
                }
            }
        }
    }

    /// Opens the checklist a share link carries, or the editable copy kept of it.
    fn open_shared(&mut self, fragment: &str, read: Result<Checklist, ShareError>, kept: Kept) {
        let key = kept::shared_key(&text_id(fragment));
        if let Kept::SetAside(why, copied) = kept {
            self.notices.push(Notice::KeptSetAside(why, copied));
        }
        self.shared = Some(match (kept, read) {
            (Kept::Found(copy), _) => SharedList::Open {
                checklist: copy,
                editable: true,
                key,
            },
            (_, Ok(checklist)) => SharedList::Open {
                checklist: Box::new(checklist),
                editable: false,
                key,
            },
            (_, Err(error)) => SharedList::Failed(error),
        });
    }

    /// Adds or renews a document, saying so when what was kept for it was set aside.
    fn open(
        &mut self,
        source: Source,
        text: String,
        origin: Option<(Format, String)>,
        report: Report,
        kept: Kept,
    ) {
        if let Kept::SetAside(why, copied) = kept {
            self.notices.push(Notice::KeptSetAside(why, copied));
        }
        self.upsert(Document::new(source, text, origin, report, kept));
    }
}

/// Changes `state` as `action` says.
pub fn reduce(state: &mut State, action: Action) {
    match action {
        Action::WorkStarted(count) => {
            if state.pending == 0 {
                state.pending_of = 0;
                state.opened_since_idle = false;
            }
            state.pending += count;
            state.pending_of += count;
        }
        Action::WorkDone(count) => state.pending = state.pending.saturating_sub(count),
        Action::FilesChosen => state.notices.clear(),
        Action::Loaded {
            source,
            text,
            origin,
            report,
            kept,
        } => {
            // New input: messages about earlier input no longer apply (a file's come
            // with the files chosen, `FilesChosen`).
            if !matches!(source, Source::File(_)) {
                state.notices.clear();
            }
            state.open(source, text, origin, *report, kept);
        }
        Action::Restored(restored) => {
            for r in restored {
                if let Kept::SetAside(why, copied) = r.kept {
                    state.notices.push(Notice::KeptSetAside(why, copied));
                }
                let mut document = Document::new(r.source, r.text, r.origin, r.report, r.kept);
                document.analysed_with = r.analysed_with;
                let key = document.shelf_key();
                if state.documents.iter().all(|d| d.shelf_key() != key) {
                    state.documents.push(document);
                }
            }
        }
        Action::Failed(notice) => state.notices.push(notice),
        Action::Show(index) if index < state.documents.len() => {
            state.current = index;
            state.removed = None;
        }
        Action::Show(_) => {}
        Action::Close(index) if index < state.documents.len() => {
            state.closed = Some((index, state.documents.remove(index)));
            // The document on screen stays on screen, wherever it now is.
            if index < state.current {
                state.current -= 1;
            }
            state.current = state.current.min(state.documents.len().saturating_sub(1));
            state.removed = None;
        }
        Action::Close(_) => {}
        Action::Reopen => {
            if let Some((index, document)) = state.closed.take() {
                // What renews it since (the same text pasted again) gives way to it.
                let key = document.shelf_key();
                state.documents.retain(|d| d.shelf_key() != key);
                let index = index.min(state.documents.len());
                state.documents.insert(index, document);
                state.current = index;
            }
        }
        Action::CloseAll => {
            state.documents.clear();
            state.shared = None;
            state.current = 0;
            state.closed = None;
            state.removed = None;
        }
        Action::ClearedElsewhere => {
            reduce(state, Action::CloseAll);
            state.notices.push(Notice::ClearedElsewhere);
        }
        Action::Edit(target, edit) => state.apply(target, edit),
        Action::OpenShared {
            fragment,
            read,
            kept,
        } => state.open_shared(&fragment, read, kept),
        Action::KeptElsewhere { key, list } => state.take_in(&key, &list),
        Action::Reanalysed {
            report_id,
            corrections,
            report,
        } => {
            for document in &mut state.documents {
                if document.checklist.report_id == report_id {
                    document.reanalysed(&corrections, (*report).clone());
                }
            }
        }
        Action::KeepSharedCopy => {
            if let Some(SharedList::Open { editable, .. }) = &mut state.shared {
                *editable = true;
            }
        }
        Action::CloseShared => state.shared = None,
        Action::All(actions) => {
            for action in actions {
                reduce(state, action);
            }
        }
    }
}
