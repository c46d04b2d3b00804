//! report-lens: reads Chinese government annual reports and shows their structure and
//! the checklist of commitments for next year.
//!
//! Data flows one way: bytes → `ingest` → text → `analysis` → `Report` → the page (`ui`,
//! built for WebAssembly only) or the command line (the `report-lens` binary).

pub mod analysis;
pub mod ingest;

#[cfg(target_arch = "wasm32")]
pub mod ui;
