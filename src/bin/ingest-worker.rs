//! The web worker that reads and analyses what the page does not itself, but for PDFs:
//! legacy encodings, web pages, Word (see `ingest`), and long texts. The page starts one
//! per job, so a file that is slow or makes the reader fail costs that file only, never
//! the page; and the readers' code is downloaded only when such a file arrives.

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo::worker::Registrable;
    report_lens::worker::IngestWorker::registrar().register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "ingest-worker runs in the browser; on the command line use `report-lens analyze FILE`"
    );
    std::process::ExitCode::from(2)
}
