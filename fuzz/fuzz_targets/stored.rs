//! Any text as a value the page kept in local storage: reading must give a checklist
//! within the page's bounds or say why it cannot be used; never panic. A checklist read
//! is written and read back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_lens::stored::{decode, encode};

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    if let Ok(list) = decode(&raw, None) {
        assert_eq!(list.clone().bounded(), list, "within bounds");
        assert_eq!(decode(&encode(&list), Some(&list.report_id)), Ok(list));
    }
});
