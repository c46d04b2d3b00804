#![cfg(not(target_arch = "wasm32"))]
//! Files that cannot be read get a clear reason, never a panic: a zip bomb, truncated and
//! corrupt Word and PDF files, a lying extension, an empty file, binary data named .txt,
//! a scanned PDF, a password-protected PDF, a legacy .doc.

use std::io::Write;
use std::path::Path;

use report_lens::ingest::{read, Format, IngestError};

fn formats(file: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/formats")
            .join(file),
    )
    .unwrap()
}

#[test]
fn a_zip_bomb_is_refused_without_inflating_it() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).unwrap();
    let block = vec![b' '; 1024 * 1024];
    for _ in 0..80 {
        zip.write_all(&block).unwrap();
    }
    let bomb = zip.finish().unwrap().into_inner();
    assert!(
        bomb.len() < 1024 * 1024,
        "the bomb itself is small: {} bytes",
        bomb.len()
    );
    assert_eq!(
        read("bomb.docx", &bomb),
        Err(IngestError::Inflates(Format::Docx))
    );
}

#[test]
fn truncated_and_corrupt_files_are_damaged() {
    let docx = formats("henan-approval-bureau-2022.docx");
    assert_eq!(
        read("cut.docx", &docx[..docx.len() / 2]),
        Err(IngestError::Damaged(Format::Docx))
    );
    let mut scrambled = docx.clone();
    for b in scrambled.iter_mut().skip(2000).step_by(7) {
        *b ^= 0x5A;
    }
    assert!(read("scrambled.docx", &scrambled).is_err());

    let pdf = formats("henan-approval-bureau-2022.pdf");
    match read("cut.pdf", &pdf[..pdf.len() / 3]) {
        Err(IngestError::Damaged(Format::Pdf)) | Err(IngestError::NoTextLayer) => {}
        other => panic!("a third of a PDF: {other:?}"),
    }
    assert_eq!(
        read("x.pdf", b"%PDF-1.7\n1 0 obj <<"),
        Err(IngestError::Damaged(Format::Pdf))
    );
}

#[test]
fn content_decides_over_a_lying_extension() {
    let pdf = read(
        "really-a-pdf.txt",
        &formats("liaoning-business-env-bureau-2022.pdf"),
    )
    .unwrap();
    assert_eq!(pdf.format, Format::Pdf);
    let docx = read(
        "really-a-docx.pdf",
        &formats("liaoning-business-env-bureau-2022.docx"),
    )
    .unwrap();
    assert_eq!(docx.format, Format::Docx);
    assert_eq!(
        pdf.text.lines().count() > 10,
        docx.text.lines().count() > 10
    );
}

#[test]
fn empty_binary_scanned_protected_and_legacy_files() {
    assert_eq!(read("empty.txt", b""), Err(IngestError::Empty));
    let binary: Vec<u8> = (0..4096u32).map(|i| (i % 256) as u8).collect();
    assert_eq!(read("data.txt", &binary), Err(IngestError::NotText));
    assert_eq!(
        read("scan.pdf", &formats("scanned.pdf")),
        Err(IngestError::NoTextLayer)
    );
    assert_eq!(
        read("locked.pdf", &formats("protected.pdf")),
        Err(IngestError::Encrypted)
    );
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    assert_eq!(read("报告.doc", &ole), Err(IngestError::LegacyWord));
    assert!(IngestError::LegacyWord.to_string().contains(".docx"));
    assert!(IngestError::NoTextLayer.to_string().contains("scan"));
}
