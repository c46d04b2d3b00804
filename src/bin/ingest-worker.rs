//! The web worker that reads the files the page does not read itself, but for PDFs:
//! legacy encodings, web pages and Word (see `ingest`). The page starts one per such
//! file, so a file that is slow or makes the reader fail costs that file only, never the
//! page; and the readers' code is downloaded only when such a file arrives.

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo::worker::Registrable;
    report_lens::ui::IngestWorker::registrar().register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "ingest-worker runs in the browser; on the command line use `report-lens analyze FILE`"
    );
    std::process::ExitCode::from(2)
}
