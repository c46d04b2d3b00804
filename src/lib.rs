//! report-lens: reads Chinese government annual reports and shows their structure and
//! the checklist of commitments for next year.
//!
//! Data flows one way: bytes → `ingest` → text → `analysis` → `Report` → the page (`ui`,
//! built for WebAssembly only) or the command line (the `report-lens` binary, which finds
//! reports in `folders`). The page reads and analyses in web workers (`worker`), and
//! holds its state in the `desk`, where a `Report` becomes a `checklist` the user works
//! on, which `export` writes out as Markdown, CSV, JSON or a share link, in the language
//! `i18n` says, and which the page keeps in the browser in its `stored` form, beside the
//! reports themselves (`shelved`). `followup` follows one year's commitments into the
//! next year's report. The workspace's views are drawn by modules the page loads later
//! (`views`, `comparison`).

pub mod analysis;
pub mod checklist;
pub mod comparison;
pub mod desk;
pub mod export;
#[cfg(not(target_arch = "wasm32"))]
pub mod folders;
pub mod followup;
pub mod i18n;
pub mod ingest;
pub mod shelved;
pub mod stored;
pub mod views;
pub mod worker;
pub mod workspace;

#[cfg(target_arch = "wasm32")]
pub mod ui;
