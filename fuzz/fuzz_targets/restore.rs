//! Any value as a report kept in the browser: a record read back must give a report the
//! page can show (its text within the page's bound, every span inside that text, its key
//! and the id of its whole text kept), or nothing for a text too large; never panic.
//! Bytes that are not a record's JSON are tried as the text of one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_lens::analysis::{text_id, Corrections, SHOWN_BYTES};
use report_lens::shelved::{restore, Restore, Shelved, Source};

fuzz_target!(|data: &[u8]| {
    let record = serde_json::from_slice::<Shelved>(data).unwrap_or_else(|_| Shelved {
        key: "file/x/a.txt".to_string(),
        order: 0.0,
        source: Source::File("a.txt".to_string()),
        origin: None,
        text: String::from_utf8_lossy(data).into_owned(),
        id: String::new(),
        analysed: None,
    });
    let (key, whole_id) = (record.key.clone(), text_id(&record.text));
    let had_id = !record.id.is_empty();
    let Some(Restore {
        shown: restored,
        report,
        ..
    }) = restore(record, &Corrections::default())
    else {
        return;
    };
    assert_eq!(restored.key, key);
    assert!(restored.text.len() <= SHOWN_BYTES);
    if !had_id {
        assert_eq!(restored.id, whole_id, "the id of the whole text");
    }
    let text = &restored.text;
    for span in report.spans() {
        assert!(span.start <= span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    }
});
