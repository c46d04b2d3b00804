//! The page: Yew function components over the desk (`crate::desk`), the only code that
//! touches the DOM.
//!
//! `App` (`app`) owns the state and lays out the components, each in a file of its own
//! and given its data and callbacks as props: the input (`input`), the messages
//! (`notices`, `save_failure`), a shared checklist (`shared_view`), the workspace of
//! several reports (`workspace_views`), what the browser keeps (`shelf_bar`), the
//! documents' tabs (`document_tabs`), and for the report shown its band of facts (`meta`,
//! each corrected in a `correction` form), its outline (`outline`, any of whose headings
//! can be made the plan), its highlighted text (`text_view`) and its checklist
//! (`checklist`). The report's views and the workspace's table (`workspace`), combined
//! checklist (`combined`) and follow-up (`follow`) are drawn by the views' module
//! (`src/bin/views.rs`), which the page hands them to through `drawn`, so that its own
//! download does not carry them. Files are read by `files`, and every text is analysed in
//! a web worker (`worker`, the page's side of `crate::worker`). Effects keep the user's
//! work: checklists and verdicts in local storage (`storage`, `keeping`), the loaded
//! reports in IndexedDB (`shelf`); a report whose corrections changed is analysed again
//! (`correcting`); a new deployment is offered by `update`. Downloads, the clipboard and
//! scrolling go through `browser`. Nothing leaves the browser.

mod app;
pub mod browser;
mod checklist;
mod combined;
mod correcting;
mod correction;
mod document_tabs;
mod drawn;
mod files;
mod follow;
mod input;
mod keeping;
mod kit;
mod meta;
mod notices;
mod outline;
mod save_failure;
mod shared_view;
mod shelf;
mod shelf_bar;
mod storage;
mod text_view;
mod update;
mod worker;
mod workspace;
mod workspace_views;

pub use app::start;
pub use checklist::{ChecklistPanel, ChecklistPanelProps};
pub use combined::CombinedChecklist;
pub use follow::FollowView;
pub use kit::Ptr;
pub use meta::MetaBand;
pub use outline::Outline;
pub use text_view::TextView;
pub use workspace::{pinyin_order, prepare_collator, WorkspaceTable};
