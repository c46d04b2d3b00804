//! The web worker that reads PDFs for the page (see `ingest::read_pdf`). The PDF reader
//! is the largest of the readers, so it has a worker of its own, downloaded only when a
//! PDF arrives; the page starts one per PDF, so a PDF that is slow or makes the reader
//! fail costs that file only, never the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo::worker::Registrable;
    report_lens::worker::PdfWorker::registrar().register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "pdf-worker runs in the browser; on the command line use `report-lens analyze FILE.pdf`"
    );
    std::process::ExitCode::from(2)
}
