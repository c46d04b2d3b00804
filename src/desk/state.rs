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

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::kept::{self, Kept};
use crate::analysis::{as_shown, text_id, Corrections, Report, Warning};
use crate::checklist::{Checklist, Direction, Note, Removed};
use crate::export::ShareError;
use crate::followup::judged::{Judgement, Judgements};
use crate::ingest::{Format, IngestError};
use crate::shelved;
pub use crate::shelved::Source;
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
    /// What the workspace of several reports shows.
    pub view: View,
    /// The two reports the user chose to follow one into the other (by their ids), if
    /// they chose.
    pub followed: Option<Pair>,
    /// What the user said of following one report into another (`verdicts_key`), for
    /// each pair the page has shown.
    pub verdicts: HashMap<String, Judgements>,
    /// The pairs whose judgements the user changed on this page: the ones to keep.
    judged: HashSet<String>,
}

/// What the workspace of several reports shows: the table of reports, the combined
/// checklist, the follow-up of one report into the next, or their targets compared.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum View {
    #[default]
    Table,
    Combined,
    FollowUp,
    Targets,
}

/// Last year's report and this year's, by their ids, as the user chose them (either may
/// be left unchosen).
pub type Pair = (Option<String>, Option<String>);

/// A change to a checklist (the one on screen, or another `Target` names).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// The user chose what the workspace shows.
    ShowView(View),
    /// The user chose the two reports to follow one into the other.
    Follow(Pair),
    /// The judgements kept under `key` (`verdicts_key`): read when the pair is first
    /// shown, kept by another tab, or merged on saving.
    VerdictsKept {
        key: String,
        judgements: Judgements,
    },
    /// The user said something of a task or a target of the pair `key` (its id in the
    /// judgements: a commitment id, or `judged::target_key`).
    Judge {
        key: String,
        id: String,
        judgement: Judgement,
    },
}

impl State {
    /// The state a page starts with: nothing loaded, and the pair of reports the user
    /// followed last, if the browser kept it.
    pub fn new(followed: Option<Pair>) -> Self {
        State {
            followed,
            ..State::default()
        }
    }

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

    /// The judgements worth keeping, with their storage keys: those of the pairs the user
    /// judged on this page.
    pub fn verdicts_to_keep(&self) -> Vec<(String, Judgements)> {
        let mut kept: Vec<(String, Judgements)> = self
            .judged
            .iter()
            .filter_map(|key| Some((key.clone(), self.verdicts.get(key)?.clone())))
            .collect();
        kept.sort_by(|a, b| a.0.cmp(&b.0));
        kept
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
        let show = !self.opened_since_idle;
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
                if r.analysed_with != Corrections::default() {
                    // Analysed with the corrections kept in its checklist, which may still
                    // hold the items of the plan before them (kept before the report was
                    // analysed again): the checklist becomes that of the report's plan.
                    let fresh = Checklist::from_report(&document.report);
                    document.checklist.replan(&fresh);
                }
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
                // An item removed meanwhile was another document's, or at another index.
                state.removed = None;
            }
        }
        Action::CloseAll => {
            // The follow-ups' judgements went with what the browser kept.
            state.verdicts.clear();
            state.judged.clear();
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
        Action::ShowView(view) => state.view = view,
        Action::Follow(pair) => state.followed = Some(pair),
        Action::VerdictsKept { key, judgements } => {
            state.verdicts.insert(key, judgements);
        }
        Action::Judge { key, id, judgement } => {
            state
                .verdicts
                .entry(key.clone())
                .or_default()
                .insert(id, judgement);
            state.judged.insert(key);
        }
        Action::All(actions) => {
            for action in actions {
                reduce(state, action);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, analyze_corrected, PlanChoice};
    use crate::checklist::{Direction, Note};
    use crate::desk::kept::{checklist_key, shared_key};
    use crate::followup::Verdict;
    use crate::ingest::IngestError;

    /// A county's report: a review, a plan of three numbered tasks (the third with two
    /// points, each paragraph opened by a lead sentence) and the safeguards after it.
    const COUNTY: &str = "2024年某县人民政府工作报告\n\
        ——2024年1月10日在某县第十八届人民代表大会第四次会议上\n\
        县长 某某\n\
        各位代表：\n\
        一、2023年工作回顾\n\
        （一）经济运行稳中向好。全年地区生产总值增长5%。\n\
        （二）民生保障持续加强。新增城镇就业3200人。\n\
        二、2024年工作安排\n\
        （一）扩大有效投资。新开工项目50个，完成固定资产投资120亿元。\n\
        （二）改造老旧小区。完成改造300个以上。\n\
        （三）办好民生实事\n\
        新建幼儿园。年底前新建幼儿园5所并全部投入使用。\n\
        改造农村公路。全年改造提升农村公路120公里以上。\n\
        三、保障措施\n\
        （一）加强组织领导。各部门要落实责任。\n";

    const COUNTY_PLAN: [&str; 3] = ["扩大有效投资", "改造老旧小区", "办好民生实事"];

    /// A city's report, with a plan of two tasks.
    const CITY: &str = "2024年某市人民政府工作报告\n\
        各位代表：\n\
        一、2023年工作回顾\n\
        过去一年，全市地区生产总值增长6%。\n\
        二、2024年主要任务\n\
        （一）推进产业升级。培育规模以上工业企业20家。\n\
        （二）建设美丽乡村。建成示范村15个。\n";

    const CITY_PLAN: [&str; 2] = ["推进产业升级", "建设美丽乡村"];

    /// The fragment of a share link.
    const FRAGMENT: &str = "rl1.eJyrVkrOz0nNS8_MU7JSUjI0MTE1MzMwMDU3NjUxMDAwAAAnzAXs";

    fn file(name: &str) -> Source {
        Source::File(name.to_string())
    }

    /// The checklist of `text` freshly analysed.
    fn fresh(text: &str) -> Checklist {
        Checklist::from_report(&analyze(text))
    }

    fn loaded_with(source: Source, text: &str, kept: Kept) -> Action {
        Action::Loaded {
            source,
            text: text.to_string(),
            origin: None,
            report: Box::new(analyze(text)),
            kept,
        }
    }

    fn loaded(source: Source, text: &str) -> Action {
        loaded_with(source, text, Kept::Nothing)
    }

    /// `action` as the page dispatches a text read alone: its work started and done.
    fn alone(action: Action) -> Action {
        Action::All(vec![Action::WorkStarted(1), action, Action::WorkDone(1)])
    }

    fn restored(source: Source, text: &str, kept: Kept) -> Restored {
        Restored {
            source,
            text: text.to_string(),
            origin: None,
            report: analyze(text),
            kept,
            analysed_with: Corrections::default(),
        }
    }

    fn open_shared(read: Result<Checklist, ShareError>, kept: Kept) -> Action {
        Action::OpenShared {
            fragment: FRAGMENT.to_string(),
            read,
            kept,
        }
    }

    /// `text` analysed again with `corrections`, as the worker gives it.
    fn reanalysed(text: &str, corrections: &Corrections) -> Action {
        Action::Reanalysed {
            report_id: text_id(text),
            corrections: corrections.clone(),
            report: Box::new(analyze_corrected(text, corrections)),
        }
    }

    /// The corrections that make the county's `三、保障措施` its plan.
    fn safeguards_as_plan() -> Corrections {
        Corrections {
            plan: Some(PlanChoice {
                title: "保障措施".into(),
                start: COUNTY.find("三、保障措施").unwrap(),
            }),
            ..Corrections::default()
        }
    }

    /// A state with these documents loaded one after another (the last shown).
    fn opened(documents: &[(Source, &str)]) -> State {
        let mut state = State::default();
        for (source, text) in documents {
            reduce(&mut state, alone(loaded(source.clone(), text)));
        }
        state
    }

    fn edit(state: &mut State, target: Target, edit: Edit) {
        reduce(state, Action::Edit(target, edit));
    }

    fn titles(list: &Checklist) -> Vec<&str> {
        list.items.iter().map(|i| i.title.as_str()).collect()
    }

    /// The id of item `item` of the checklist of document `document`.
    fn id_of(state: &State, document: usize, item: usize) -> String {
        state.documents[document].checklist.items[item].id.clone()
    }

    fn checklist_of(state: &State, document: usize) -> &Checklist {
        &state.documents[document].checklist
    }

    fn shelf_key(source: &Source, text: &str) -> String {
        shelved::key(source, &text_id(text))
    }

    fn shelf_keys(state: &State) -> Vec<String> {
        state.documents.iter().map(Document::shelf_key).collect()
    }

    /// The shared checklist and whether it is editable; panics when none is open.
    fn shared(state: &State) -> (&Checklist, bool) {
        match &state.shared {
            Some(SharedList::Open {
                checklist,
                editable,
                ..
            }) => (checklist, *editable),
            other => panic!("no shared checklist open: {other:?}"),
        }
    }

    #[test]
    fn work_started_and_done_count_the_work_pending_and_its_whole() {
        let mut state = State::default();
        reduce(&mut state, Action::WorkStarted(2));
        reduce(&mut state, Action::WorkStarted(1));
        assert_eq!((state.pending, state.pending_of), (3, 3));
        reduce(&mut state, Action::WorkDone(2));
        assert_eq!(
            (state.pending, state.pending_of),
            (1, 3),
            "the whole stays while work is pending"
        );
        reduce(&mut state, Action::WorkDone(5));
        assert_eq!(
            state.pending, 0,
            "more done than started leaves none pending"
        );
        reduce(&mut state, Action::WorkStarted(1));
        assert_eq!(
            (state.pending, state.pending_of),
            (1, 1),
            "work started from idle counts its whole anew"
        );
    }

    #[test]
    fn an_input_that_failed_is_said_and_choosing_files_clears_what_was_said() {
        let mut state = State::default();
        let legacy = Notice::File {
            name: "报告.doc".into(),
            error: IngestError::LegacyWord,
        };
        reduce(&mut state, Action::Failed(Notice::EmptyPaste));
        reduce(&mut state, Action::Failed(legacy.clone()));
        assert_eq!(state.notices, [Notice::EmptyPaste, legacy]);
        reduce(&mut state, Action::FilesChosen);
        assert!(state.notices.is_empty());
    }

    #[test]
    fn a_loaded_text_is_added_and_shown() {
        let mut state = opened(&[(Source::Pasted, COUNTY)]);
        assert_eq!(state.current, 0);
        reduce(&mut state, alone(loaded(file("city.txt"), CITY)));
        assert_eq!(state.documents.len(), 2);
        assert_eq!(state.current, 1);
        let shown = state.current_document().unwrap();
        assert_eq!(shown.source, file("city.txt"));
        assert_eq!(&*shown.text, CITY);
        assert_eq!(titles(&shown.checklist), CITY_PLAN);
        assert_eq!(shown.checklist.report_id, text_id(CITY));
        assert!(!shown.needs_analysis());
        assert_eq!(titles(checklist_of(&state, 0)), COUNTY_PLAN);
    }

    #[test]
    fn a_pasted_or_sample_text_clears_earlier_notices_and_a_file_does_not() {
        let mut state = State::default();
        reduce(&mut state, Action::Failed(Notice::EmptyPaste));
        reduce(&mut state, alone(loaded(file("city.txt"), CITY)));
        assert_eq!(
            state.notices,
            [Notice::EmptyPaste],
            "a file's notices are cleared when files are chosen"
        );
        reduce(&mut state, alone(loaded(Source::Pasted, COUNTY)));
        assert!(state.notices.is_empty());
        reduce(&mut state, Action::Failed(Notice::SampleFailed));
        reduce(&mut state, alone(loaded(Source::Sample, CITY)));
        assert!(state.notices.is_empty());
    }

    #[test]
    fn a_text_pasted_again_renews_its_open_document_in_place() {
        let mut state = opened(&[(Source::Pasted, COUNTY), (Source::Pasted, CITY)]);
        let first = id_of(&state, 0, 0);
        edit(&mut state, Target::At(0), Edit::Toggle(first));
        reduce(&mut state, alone(loaded(Source::Pasted, COUNTY)));
        assert_eq!(
            shelf_keys(&state),
            [
                shelf_key(&Source::Pasted, COUNTY),
                shelf_key(&Source::Pasted, CITY)
            ]
        );
        assert_eq!(state.current, 0, "shown where it was");
        assert_eq!(*checklist_of(&state, 0), fresh(COUNTY), "replaced");

        // The same text from a file is a document of its own, renewed by the same file.
        reduce(&mut state, alone(loaded(file("county.txt"), COUNTY)));
        assert_eq!(state.documents.len(), 3);
        reduce(&mut state, alone(loaded(Source::Pasted, CITY)));
        assert_eq!(state.current, 1);
        reduce(&mut state, alone(loaded(file("county.txt"), COUNTY)));
        assert_eq!(state.documents.len(), 3);
        assert_eq!(state.current, 2);
    }

    #[test]
    fn of_many_files_read_together_only_the_first_to_arrive_is_shown() {
        let mut state = opened(&[(Source::Pasted, COUNTY)]);
        reduce(&mut state, Action::WorkStarted(2));
        reduce(&mut state, loaded(file("city.txt"), CITY));
        assert_eq!(state.current, 1, "the first to arrive");
        reduce(&mut state, loaded(file("county.txt"), COUNTY));
        assert_eq!(state.documents.len(), 3);
        assert_eq!(state.current, 1, "the next is listed, not shown");
        reduce(&mut state, Action::WorkDone(2));

        // Idle again: the next text read is shown.
        reduce(&mut state, Action::WorkStarted(1));
        reduce(&mut state, loaded(Source::Pasted, CITY));
        reduce(&mut state, Action::WorkDone(1));
        assert_eq!(state.current, 3);
    }

    #[test]
    fn a_kept_checklist_is_renewed_by_the_fresh_analysis_and_keeps_the_users_tick() {
        let now = fresh(COUNTY);
        assert!(
            !now.items[0].targets.is_empty(),
            "the figures of the first task"
        );
        let mut kept = now.clone();
        let second = kept.items[1].id.clone();
        kept.toggle(&second);
        kept.report_title = Some("旧标题".into());
        kept.items[0].targets.clear();

        let mut state = State::default();
        reduce(
            &mut state,
            loaded_with(Source::Pasted, COUNTY, Kept::Found(Box::new(kept))),
        );
        let list = checklist_of(&state, 0);
        assert!(list.items[1].done, "the tick kept");
        assert_eq!(list.report_title, now.report_title);
        assert_eq!(list.items[0].targets, now.items[0].targets);
    }

    #[test]
    fn a_kept_checklist_set_aside_is_said_and_a_fresh_one_used() {
        let mut state = State::default();
        reduce(
            &mut state,
            loaded_with(
                Source::Pasted,
                COUNTY,
                Kept::SetAside(Unusable::NewerVersion, false),
            ),
        );
        assert_eq!(
            state.notices,
            [Notice::KeptSetAside(Unusable::NewerVersion, false)]
        );
        assert_eq!(*checklist_of(&state, 0), fresh(COUNTY));
    }

    #[test]
    fn restored_documents_are_added_unless_already_open_and_the_shown_one_stays() {
        let mut state = opened(&[(Source::Pasted, CITY), (Source::Pasted, COUNTY)]);
        let first = id_of(&state, 1, 0);
        edit(&mut state, Target::Document, Edit::Toggle(first));
        reduce(
            &mut state,
            Action::Restored(vec![
                restored(Source::Pasted, COUNTY, Kept::Nothing),
                restored(
                    file("city.txt"),
                    CITY,
                    Kept::SetAside(Unusable::Damaged, true),
                ),
            ]),
        );
        assert_eq!(
            shelf_keys(&state),
            [
                shelf_key(&Source::Pasted, CITY),
                shelf_key(&Source::Pasted, COUNTY),
                shelf_key(&file("city.txt"), CITY)
            ]
        );
        assert!(
            checklist_of(&state, 1).items[0].done,
            "the open one stays as the user left it"
        );
        assert_eq!(state.current, 1);
        assert_eq!(
            state.notices,
            [Notice::KeptSetAside(Unusable::Damaged, true)]
        );
    }

    #[test]
    fn a_restored_document_analysed_with_its_corrections_awaits_no_analysis() {
        let mut kept = fresh(COUNTY);
        kept.correct(safeguards_as_plan());
        let mut state = State::default();
        reduce(
            &mut state,
            Action::Restored(vec![Restored {
                report: analyze_corrected(COUNTY, &safeguards_as_plan()),
                analysed_with: safeguards_as_plan(),
                ..restored(Source::Pasted, COUNTY, Kept::Found(Box::new(kept)))
            }]),
        );
        let document = &state.documents[0];
        assert_eq!(document.analysed_with, safeguards_as_plan());
        assert!(!document.needs_analysis());
        // The checklist was kept just after the correction, before the report came back
        // analysed with it: its items are those of the plan chosen, the others aside.
        assert_eq!(titles(&document.checklist), ["加强组织领导"]);
        assert_eq!(document.checklist.aside.len(), COUNTY_PLAN.len());
    }

    #[test]
    fn reopening_a_document_forgets_an_item_removed_from_another() {
        let mut state = opened(&[(Source::Pasted, COUNTY), (Source::Pasted, CITY)]);
        reduce(&mut state, Action::Close(0));
        let city = id_of(&state, 0, 0);
        edit(&mut state, Target::Document, Edit::Remove(city));
        reduce(&mut state, Action::Reopen);
        assert_eq!(state.current, 0, "the county's report is shown again");
        edit(&mut state, Target::Document, Edit::Undo);
        assert_eq!(
            titles(checklist_of(&state, 0)),
            COUNTY_PLAN,
            "the city's item is not put in the county's checklist"
        );
    }

    #[test]
    fn of_many_files_whose_outcomes_come_at_once_the_first_is_shown() {
        // As `ui::files` dispatches three files read in two runs ([county] and
        // [city, town]) when the second run ends first: it says only that its two are
        // done, and the first run, ending last, brings every outcome at once.
        let mut state = State::default();
        reduce(&mut state, Action::WorkStarted(3));
        reduce(&mut state, Action::WorkDone(2));
        reduce(
            &mut state,
            Action::All(vec![
                loaded(file("county.txt"), COUNTY),
                loaded(file("city.txt"), CITY),
                loaded(file("town.txt"), CITY),
                Action::WorkDone(1),
            ]),
        );
        assert_eq!(state.current, 0);
    }

    #[test]
    fn show_picks_a_document_in_range_and_ignores_one_out_of_range() {
        let mut state = opened(&[(Source::Pasted, COUNTY), (Source::Pasted, CITY)]);
        let first = id_of(&state, 1, 0);
        edit(&mut state, Target::Document, Edit::Remove(first));
        assert!(state.removed.is_some());
        reduce(&mut state, Action::Show(0));
        assert_eq!(state.current, 0);
        assert_eq!(
            state.removed, None,
            "no undo of an item of another document"
        );
        reduce(&mut state, Action::Show(2));
        assert_eq!(state.current, 0);
    }

    #[test]
    fn closing_another_document_keeps_the_shown_one_on_screen() {
        let mut state = opened(&[
            (Source::Pasted, COUNTY),
            (Source::Pasted, CITY),
            (file("county.txt"), COUNTY),
        ]);
        let shown = shelf_key(&file("county.txt"), COUNTY);
        let first = state.documents[0].clone();
        reduce(&mut state, Action::Close(0));
        assert_eq!(state.current, 1);
        assert_eq!(state.current_document().unwrap().shelf_key(), shown);
        assert_eq!(state.closed, Some((0, first)));

        reduce(&mut state, Action::Show(0));
        reduce(&mut state, Action::Close(1));
        assert_eq!(state.current, 0, "a later one closed");
        let before = state.clone();
        reduce(&mut state, Action::Close(1));
        assert_eq!(state, before, "no document there");
    }

    #[test]
    fn closing_the_last_document_keeps_current_in_range() {
        let mut state = opened(&[(Source::Pasted, COUNTY), (Source::Pasted, CITY)]);
        reduce(&mut state, Action::Close(1));
        assert_eq!(state.current, 0);
        assert_eq!(shelf_keys(&state), [shelf_key(&Source::Pasted, COUNTY)]);
        reduce(&mut state, Action::Close(0));
        assert_eq!(state.current, 0);
        assert!(state.current_document().is_none());
    }

    #[test]
    fn reopen_puts_a_closed_document_back_in_its_place_and_shows_it() {
        let mut state = opened(&[
            (Source::Pasted, COUNTY),
            (Source::Pasted, CITY),
            (file("city.txt"), CITY),
        ]);
        let before = shelf_keys(&state);
        reduce(&mut state, Action::Close(1));
        reduce(&mut state, Action::Reopen);
        assert_eq!(shelf_keys(&state), before);
        assert_eq!(state.current, 1);
        assert_eq!(state.closed, None);
        let reopened = state.clone();
        reduce(&mut state, Action::Reopen);
        assert_eq!(state, reopened, "nothing left to reopen");
    }

    #[test]
    fn a_document_that_renewed_a_closed_one_gives_way_when_it_is_reopened() {
        let mut state = opened(&[(Source::Pasted, COUNTY), (Source::Pasted, CITY)]);
        let first = id_of(&state, 0, 0);
        edit(&mut state, Target::At(0), Edit::Toggle(first));
        let worked = state.documents[0].clone();
        reduce(&mut state, Action::Close(0));
        reduce(&mut state, alone(loaded(Source::Pasted, COUNTY)));
        assert_eq!(state.documents.len(), 2);
        reduce(&mut state, Action::Reopen);
        assert_eq!(state.documents.len(), 2);
        assert_eq!(state.documents[0], worked);
        assert_eq!(checklist_of(&state, 1).report_id, text_id(CITY));
        assert_eq!(state.current, 0);
    }

    #[test]
    fn close_all_removes_every_document_the_shared_list_and_what_could_be_undone() {
        let mut state = opened(&[
            (Source::Pasted, COUNTY),
            (Source::Pasted, CITY),
            (file("county.txt"), COUNTY),
        ]);
        reduce(&mut state, open_shared(Ok(fresh(CITY)), Kept::Nothing));
        reduce(&mut state, Action::Close(0));
        let first = id_of(&state, state.current, 0);
        edit(&mut state, Target::Document, Edit::Remove(first));
        reduce(
            &mut state,
            Action::Judge {
                key: "pair".into(),
                id: "task".into(),
                judgement: Judgement::default(),
            },
        );
        reduce(&mut state, Action::CloseAll);
        assert!(state.documents.is_empty());
        assert!(state.verdicts.is_empty(), "the judgements go too");
        assert!(state.verdicts_to_keep().is_empty());
        assert_eq!(state.shared, None);
        assert_eq!(state.current, 0);
        assert_eq!(state.closed, None);
        assert_eq!(state.removed, None);
        reduce(&mut state, Action::Reopen);
        assert!(state.documents.is_empty(), "gone for good");
    }

    #[test]
    fn cleared_elsewhere_closes_every_document_and_says_why() {
        let mut state = opened(&[(Source::Pasted, COUNTY), (Source::Pasted, CITY)]);
        reduce(&mut state, Action::ClearedElsewhere);
        assert!(state.documents.is_empty());
        assert_eq!(state.notices, [Notice::ClearedElsewhere]);
    }

    #[test]
    fn toggle_ticks_an_item_of_the_shown_document_or_of_the_one_named() {
        let mut state = opened(&[(Source::Pasted, COUNTY), (Source::Pasted, CITY)]);
        let (county, city) = (id_of(&state, 0, 1), id_of(&state, 1, 0));
        edit(&mut state, Target::Document, Edit::Toggle(city.clone()));
        assert!(checklist_of(&state, 1).items[0].done);
        edit(&mut state, Target::At(0), Edit::Toggle(county.clone()));
        assert!(checklist_of(&state, 0).items[1].done);
        assert_eq!(checklist_of(&state, 0).progress(), (1, 3));
        edit(&mut state, Target::Document, Edit::Toggle(city));
        assert!(
            !checklist_of(&state, 1).items[0].done,
            "the tick taken back"
        );
        let before = state.clone();
        edit(&mut state, Target::At(2), Edit::Toggle(county));
        assert_eq!(state, before, "no document there");
    }

    #[test]
    fn change_sets_an_items_title_text_and_note() {
        let mut state = opened(&[(Source::Pasted, COUNTY)]);
        let second = id_of(&state, 0, 1);
        let note = Note {
            owner: "县住建局".into(),
            deadline: "2024-12-31".into(),
            text: "按月报送进度".into(),
        };
        edit(
            &mut state,
            Target::Document,
            Edit::Change {
                id: second,
                title: "改造老旧小区（扩围）".into(),
                text: "完成改造350个。".into(),
                note: note.clone(),
            },
        );
        let item = &checklist_of(&state, 0).items[1];
        assert_eq!(item.title, "改造老旧小区（扩围）");
        assert_eq!(item.text, "完成改造350个。");
        assert_eq!(item.note, note);
    }

    #[test]
    fn add_puts_an_item_made_by_hand_at_the_end() {
        let mut state = opened(&[(Source::Pasted, COUNTY), (Source::Pasted, CITY)]);
        edit(
            &mut state,
            Target::At(0),
            Edit::Add("设立项目调度专班".into()),
        );
        assert_eq!(
            titles(checklist_of(&state, 0)),
            [COUNTY_PLAN.as_slice(), &["设立项目调度专班"]].concat()
        );
        assert_eq!(titles(checklist_of(&state, 1)), CITY_PLAN);
    }

    #[test]
    fn a_removed_item_comes_back_where_it_was_with_undo() {
        let mut state = opened(&[(Source::Pasted, COUNTY), (Source::Pasted, CITY)]);
        let second = id_of(&state, 0, 1);
        edit(&mut state, Target::At(0), Edit::Remove(second.clone()));
        assert_eq!(
            titles(checklist_of(&state, 0)),
            ["扩大有效投资", "办好民生实事"]
        );
        edit(&mut state, Target::At(0), Edit::Undo);
        assert_eq!(titles(checklist_of(&state, 0)), COUNTY_PLAN);
        assert_eq!(id_of(&state, 0, 1), second);
        assert_eq!(state.removed, None, "undone once");
    }

    #[test]
    fn undo_after_another_edit_of_the_same_list_does_nothing() {
        let mut state = opened(&[(Source::Pasted, COUNTY)]);
        let (first, second) = (id_of(&state, 0, 0), id_of(&state, 0, 1));
        edit(&mut state, Target::Document, Edit::Remove(second));
        edit(&mut state, Target::Document, Edit::Toggle(first));
        edit(&mut state, Target::Document, Edit::Undo);
        assert_eq!(
            titles(checklist_of(&state, 0)),
            ["扩大有效投资", "办好民生实事"]
        );
    }

    #[test]
    fn undo_in_another_checklist_does_not_put_the_item_there() {
        let mut state = opened(&[(Source::Pasted, COUNTY), (Source::Pasted, CITY)]);
        let second = id_of(&state, 0, 1);
        edit(&mut state, Target::At(0), Edit::Remove(second));
        edit(&mut state, Target::At(1), Edit::Undo);
        assert_eq!(titles(checklist_of(&state, 1)), CITY_PLAN);
    }

    #[test]
    fn move_swaps_an_item_with_its_neighbour() {
        let mut state = opened(&[(Source::Pasted, COUNTY)]);
        let (first, second) = (id_of(&state, 0, 0), id_of(&state, 0, 1));
        edit(
            &mut state,
            Target::Document,
            Edit::Move(second, Direction::Down),
        );
        assert_eq!(
            titles(checklist_of(&state, 0)),
            ["扩大有效投资", "办好民生实事", "改造老旧小区"]
        );
        edit(
            &mut state,
            Target::Document,
            Edit::Move(first, Direction::Up),
        );
        assert_eq!(
            titles(checklist_of(&state, 0))[0],
            "扩大有效投资",
            "the first cannot move up"
        );
    }

    #[test]
    fn a_correction_is_kept_in_the_checklist_and_the_document_awaits_analysis() {
        let mut state = opened(&[(Source::Pasted, COUNTY)]);
        edit(
            &mut state,
            Target::Document,
            Edit::Correct(safeguards_as_plan()),
        );
        let document = state.current_document().unwrap();
        assert_eq!(document.checklist.corrections, safeguards_as_plan());
        assert!(document.needs_analysis());
        assert_eq!(
            titles(&document.checklist),
            COUNTY_PLAN,
            "the items wait for the analysis"
        );
    }

    #[test]
    fn split_cuts_an_item_at_a_sentence_and_merge_next_joins_it_again() {
        let mut state = opened(&[(Source::Pasted, COUNTY)]);
        let second = id_of(&state, 0, 1);
        edit(&mut state, Target::Document, Edit::Split(second.clone(), 3));
        assert_eq!(
            titles(checklist_of(&state, 0)),
            COUNTY_PLAN,
            "not where a sentence ends"
        );
        let at = "（二）改造老旧小区。".len();
        edit(
            &mut state,
            Target::Document,
            Edit::Split(second.clone(), at),
        );
        assert_eq!(
            titles(checklist_of(&state, 0)),
            [
                "扩大有效投资",
                "改造老旧小区",
                "完成改造300个以上",
                "办好民生实事"
            ]
        );
        edit(&mut state, Target::Document, Edit::MergeNext(second));
        assert_eq!(titles(checklist_of(&state, 0)), COUNTY_PLAN);
        assert_eq!(
            checklist_of(&state, 0).items[1].text,
            "（二）改造老旧小区。\n完成改造300个以上。"
        );
    }

    #[test]
    fn toggle_point_ticks_one_point_of_an_item() {
        let mut state = opened(&[(Source::Pasted, COUNTY)]);
        let third = id_of(&state, 0, 2);
        /// The third item's points, each with its tick, and the item's tick.
        fn points(state: &State) -> (Vec<(&str, bool)>, bool) {
            let item = &checklist_of(state, 0).items[2];
            let done = item
                .points
                .iter()
                .map(|p| (p.title.as_str(), p.done))
                .collect();
            (done, item.done)
        }
        assert_eq!(
            points(&state),
            (vec![("新建幼儿园", false), ("改造农村公路", false)], false)
        );
        edit(&mut state, Target::Document, Edit::TogglePoint(third, 1));
        assert_eq!(
            points(&state),
            (vec![("新建幼儿园", false), ("改造农村公路", true)], false),
            "the point alone, not its item"
        );
    }

    #[test]
    fn an_edit_to_a_read_only_shared_list_does_nothing_and_to_a_kept_copy_does() {
        let mut state = State::default();
        reduce(&mut state, open_shared(Ok(fresh(CITY)), Kept::Nothing));
        let first = fresh(CITY).items[0].id.clone();
        let before = state.clone();
        edit(&mut state, Target::Shared, Edit::Toggle(first.clone()));
        assert_eq!(state, before);
        reduce(&mut state, Action::KeepSharedCopy);
        edit(&mut state, Target::Shared, Edit::Toggle(first));
        assert!(shared(&state).0.items[0].done);
    }

    #[test]
    fn an_edit_to_one_copy_of_a_text_reaches_the_other_copy_open() {
        let mut state = opened(&[
            (Source::Pasted, COUNTY),
            (Source::Pasted, CITY),
            (file("county.txt"), COUNTY),
        ]);
        let first = id_of(&state, 0, 0);
        edit(&mut state, Target::At(0), Edit::Toggle(first));
        assert!(checklist_of(&state, 2).items[0].done, "the file's copy");
        assert_eq!(*checklist_of(&state, 1), fresh(CITY), "another text");

        edit(
            &mut state,
            Target::Document,
            Edit::Add("设立项目调度专班".into()),
        );
        assert_eq!(
            titles(checklist_of(&state, 0)),
            [COUNTY_PLAN.as_slice(), &["设立项目调度专班"]].concat(),
            "the pasted copy, from the one on screen"
        );
        assert_eq!(checklist_of(&state, 0), checklist_of(&state, 2));
    }

    #[test]
    fn a_share_link_read_opens_a_read_only_list_under_its_links_key() {
        let mut state = State::default();
        reduce(&mut state, open_shared(Ok(fresh(CITY)), Kept::Nothing));
        assert_eq!(
            state.shared,
            Some(SharedList::Open {
                checklist: Box::new(fresh(CITY)),
                editable: false,
                key: shared_key(&text_id(FRAGMENT)),
            })
        );
    }

    #[test]
    fn a_kept_copy_of_a_shared_list_opens_editable() {
        let mut copy = fresh(CITY);
        let first = copy.items[0].id.clone();
        copy.toggle(&first);
        let mut state = State::default();
        reduce(
            &mut state,
            open_shared(Ok(fresh(CITY)), Kept::Found(Box::new(copy.clone()))),
        );
        assert_eq!(shared(&state), (&copy, true));
    }

    #[test]
    fn an_unreadable_share_link_fails_and_a_copy_set_aside_is_said() {
        let mut state = State::default();
        reduce(
            &mut state,
            open_shared(
                Err(ShareError::Broken),
                Kept::SetAside(Unusable::Damaged, true),
            ),
        );
        assert_eq!(state.shared, Some(SharedList::Failed(ShareError::Broken)));
        assert_eq!(
            state.notices,
            [Notice::KeptSetAside(Unusable::Damaged, true)]
        );
    }

    #[test]
    fn keeping_a_shared_copy_makes_it_editable_and_closing_it_removes_it() {
        let mut state = opened(&[(Source::Pasted, CITY)]);
        reduce(&mut state, open_shared(Ok(fresh(CITY)), Kept::Nothing));
        assert!(!shared(&state).1);
        reduce(&mut state, Action::KeepSharedCopy);
        assert_eq!(shared(&state), (&fresh(CITY), true));
        reduce(&mut state, Action::CloseShared);
        assert_eq!(state.shared, None);
        assert_eq!(state.documents.len(), 1, "the documents stay");
    }

    #[test]
    fn a_checklist_kept_elsewhere_reaches_every_copy_under_its_key() {
        let mut state = opened(&[
            (Source::Pasted, COUNTY),
            (Source::Pasted, CITY),
            (file("county.txt"), COUNTY),
        ]);
        reduce(&mut state, open_shared(Ok(fresh(COUNTY)), Kept::Nothing));
        let mut other_tab = fresh(COUNTY);
        let third = other_tab.items[2].id.clone();
        other_tab.toggle(&third);

        reduce(
            &mut state,
            Action::KeptElsewhere {
                key: checklist_key(&text_id(COUNTY)),
                list: other_tab.clone(),
            },
        );
        assert!(checklist_of(&state, 0).items[2].done);
        assert!(checklist_of(&state, 2).items[2].done);
        assert_eq!(*checklist_of(&state, 1), fresh(CITY));
        assert!(
            !shared(&state).0.items[2].done,
            "the shared list is kept under its link's key"
        );

        let under_the_link = Action::KeptElsewhere {
            key: shared_key(&text_id(FRAGMENT)),
            list: other_tab.clone(),
        };
        reduce(&mut state, under_the_link);
        assert!(!shared(&state).0.items[2].done, "read-only");
        reduce(&mut state, Action::KeepSharedCopy);
        reduce(
            &mut state,
            Action::KeptElsewhere {
                key: shared_key(&text_id(FRAGMENT)),
                list: other_tab,
            },
        );
        assert!(shared(&state).0.items[2].done, "the editable copy");
    }

    #[test]
    fn a_reanalysis_with_the_readers_corrections_gives_the_corrected_plan() {
        let mut state = opened(&[(Source::Pasted, COUNTY), (Source::Pasted, CITY)]);
        let corrections = safeguards_as_plan();
        edit(
            &mut state,
            Target::At(0),
            Edit::Correct(corrections.clone()),
        );
        reduce(&mut state, reanalysed(COUNTY, &corrections));
        let document = &state.documents[0];
        assert_eq!(titles(&document.checklist), ["加强组织领导"]);
        assert_eq!(
            document.checklist.aside.len(),
            3,
            "the earlier plan's items"
        );
        assert_eq!(
            document.report.plan.as_ref().unwrap().heading.as_deref(),
            Some("保障措施")
        );
        assert_eq!(document.analysed_with, corrections);
        assert!(!document.needs_analysis());
        assert_eq!(titles(checklist_of(&state, 1)), CITY_PLAN);
    }

    #[test]
    fn a_reanalysis_with_corrections_no_longer_the_readers_is_ignored() {
        let mut state = opened(&[(Source::Pasted, COUNTY)]);
        edit(
            &mut state,
            Target::Document,
            Edit::Correct(safeguards_as_plan()),
        );
        let before = state.clone();
        let earlier = Corrections {
            issuer: Some("某县人民政府".into()),
            ..Corrections::default()
        };
        reduce(&mut state, reanalysed(COUNTY, &earlier));
        assert_eq!(state, before);
    }

    #[test]
    fn all_applies_its_actions_in_order() {
        let mut state = State::default();
        reduce(
            &mut state,
            Action::All(vec![
                Action::Failed(Notice::EmptyPaste),
                Action::FilesChosen,
            ]),
        );
        assert!(state.notices.is_empty());
        reduce(
            &mut state,
            Action::All(vec![
                Action::FilesChosen,
                Action::Failed(Notice::EmptyPaste),
            ]),
        );
        assert_eq!(state.notices, [Notice::EmptyPaste]);
        reduce(
            &mut state,
            Action::All(vec![
                Action::WorkStarted(2),
                loaded(file("county.txt"), COUNTY),
                loaded(file("city.txt"), CITY),
                Action::WorkDone(2),
            ]),
        );
        assert_eq!(
            shelf_keys(&state),
            [
                shelf_key(&file("county.txt"), COUNTY),
                shelf_key(&file("city.txt"), CITY)
            ]
        );
        assert_eq!(state.current, 0, "the first of the two");
        assert_eq!(state.pending, 0);
    }

    #[test]
    fn only_worked_on_checklists_and_the_editable_shared_copy_are_kept() {
        let mut state = opened(&[
            (Source::Pasted, COUNTY),
            (file("county.txt"), COUNTY),
            (Source::Pasted, CITY),
        ]);
        reduce(&mut state, open_shared(Ok(fresh(CITY)), Kept::Nothing));
        assert!(
            state.to_keep().is_empty(),
            "nothing worked on, and the shared list read-only"
        );
        let first = id_of(&state, 0, 0);
        edit(&mut state, Target::At(0), Edit::Toggle(first));
        reduce(&mut state, Action::KeepSharedCopy);
        assert_eq!(
            state.to_keep(),
            [
                (
                    checklist_key(&text_id(COUNTY)),
                    checklist_of(&state, 0).clone()
                ),
                (shared_key(&text_id(FRAGMENT)), fresh(CITY)),
            ],
            "the two copies of the county's report once"
        );
    }

    #[test]
    fn the_workspace_s_view_and_the_pair_followed_are_what_the_user_chose() {
        let mut state = State::new(Some((Some("a".into()), None)));
        assert_eq!(state.view, View::Table);
        assert_eq!(
            state.followed,
            Some((Some("a".into()), None)),
            "kept from before"
        );
        reduce(&mut state, Action::ShowView(View::FollowUp));
        reduce(
            &mut state,
            Action::Follow((Some("a".into()), Some("b".into()))),
        );
        assert_eq!(state.view, View::FollowUp);
        assert_eq!(state.followed, Some((Some("a".into()), Some("b".into()))));
    }

    fn verdict(verdict: Verdict, note: &str) -> Judgement {
        Judgement {
            verdict: Some(verdict),
            note: note.to_string(),
            target: None,
        }
    }

    #[test]
    fn judgements_read_from_storage_are_shown_but_only_those_the_user_gave_are_kept() {
        let mut state = State::default();
        let kept: Judgements = [("task-1".to_string(), verdict(Verdict::Reported, ""))].into();
        reduce(
            &mut state,
            Action::VerdictsKept {
                key: "pair-1".into(),
                judgements: kept.clone(),
            },
        );
        assert_eq!(state.verdicts.get("pair-1"), Some(&kept));
        assert!(state.verdicts_to_keep().is_empty(), "read, not given here");

        reduce(
            &mut state,
            Action::Judge {
                key: "pair-1".into(),
                id: "task-2".into(),
                judgement: verdict(Verdict::NotFound, "未见报告"),
            },
        );
        reduce(
            &mut state,
            Action::Judge {
                key: "pair-2".into(),
                id: "task-1".into(),
                judgement: verdict(Verdict::Partly, ""),
            },
        );
        let mut both = kept;
        both.insert("task-2".into(), verdict(Verdict::NotFound, "未见报告"));
        assert_eq!(
            state.verdicts_to_keep(),
            [
                ("pair-1".to_string(), both),
                (
                    "pair-2".to_string(),
                    [("task-1".to_string(), verdict(Verdict::Partly, ""))].into()
                ),
            ]
        );

        // Another tab's judgements, merged on saving, come back whole.
        let merged: Judgements = [("task-9".to_string(), verdict(Verdict::Reported, ""))].into();
        reduce(
            &mut state,
            Action::VerdictsKept {
                key: "pair-2".into(),
                judgements: merged.clone(),
            },
        );
        assert_eq!(state.verdicts.get("pair-2"), Some(&merged));
    }
}
