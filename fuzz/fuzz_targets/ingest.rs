//! Any bytes, offered as each format the readers take (by name: text, web page, MHT, Word,
//! PDF): reading must return text or a reason, never panic or run away. Inputs that start
//! like a PDF or a zip reach lopdf, the zip reader and quick-xml.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_lens::ingest::read;

fuzz_target!(|data: &[u8]| {
    for name in ["a.txt", "a.html", "a.mht", "a.docx", "a.pdf"] {
        if let Ok(ingested) = read(name, data) {
            assert!(!ingested.text.trim().is_empty());
        }
    }
});
