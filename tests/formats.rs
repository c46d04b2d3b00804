#![cfg(not(target_arch = "wasm32"))]
//! The five real reports as they also arrive — Word with automatic numbering, saved web
//! pages (one in GBK, one as .mht), GBK text, text PDFs in a predefined CJK font and in
//! an embedded TrueType font — must read to the same outline and the same commitments as
//! the hand-written expectations of their `.txt` versions (`tests/fixtures/`).
//!
//! The files in `tests/formats/` are made by `tests/formats/make_formats.py`.

use std::path::Path;

use report_lens::analysis::analyze;
use report_lens::ingest::{read, Format};
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    outline: Vec<Heading>,
    commitments: Vec<Commitment>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Heading {
    level: u8,
    title: String,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Commitment {
    title: String,
    parent: Option<String>,
    text: String,
}

const REPORTS: &[&str] = &[
    "bazhong-data-bureau-2022",
    "henan-approval-bureau-2022",
    "jiangsu-gov-service-office-2022",
    "liaoning-business-env-bureau-2022",
    "yongcheng-city-2021",
];

fn check(report: &str, file: &str, format: Format, encoding: Option<&str>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let expected: Expected = serde_json::from_str(
        &std::fs::read_to_string(root.join(format!("fixtures/{report}.expected.json"))).unwrap(),
    )
    .unwrap();
    let bytes =
        std::fs::read(root.join("formats").join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let ingested = read(file, &bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert_eq!(ingested.format, format, "{file}");
    if let Some(encoding) = encoding {
        assert_eq!(ingested.encoding, encoding, "{file}");
    }
    let got = analyze(&ingested.text);
    let outline: Vec<Heading> = got
        .outline
        .iter()
        .map(|h| Heading {
            level: h.level,
            title: h.title.clone(),
        })
        .collect();
    assert_eq!(outline, expected.outline, "{file}: outline");
    let commitments: Vec<Commitment> = got
        .commitments
        .iter()
        .map(|c| Commitment {
            title: c.title.clone(),
            parent: c.parent.clone(),
            text: c.text.clone(),
        })
        .collect();
    assert_eq!(commitments, expected.commitments, "{file}: commitments");
}

#[test]
fn word_documents_with_automatic_numbering() {
    for report in REPORTS {
        check(report, &format!("{report}.docx"), Format::Docx, None);
    }
}

#[test]
fn saved_web_pages() {
    for report in REPORTS {
        let encoding = if report.starts_with("liaoning") {
            "GBK"
        } else {
            "UTF-8"
        };
        check(
            report,
            &format!("{report}.html"),
            Format::Html,
            Some(encoding),
        );
    }
    check(
        "henan-approval-bureau-2022",
        "henan-approval-bureau-2022.mht",
        Format::Mht,
        Some("UTF-8"),
    );
}

#[test]
fn gbk_text_is_detected() {
    for report in REPORTS {
        check(
            report,
            &format!("{report}.gbk.txt"),
            Format::Text,
            Some("GBK"),
        );
    }
}

#[test]
fn text_pdfs() {
    for report in REPORTS {
        check(report, &format!("{report}.pdf"), Format::Pdf, None);
    }
    check(
        "yongcheng-city-2021",
        "yongcheng-city-2021.truetype.pdf",
        Format::Pdf,
        None,
    );
}
