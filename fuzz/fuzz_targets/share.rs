//! Any text as a share link's fragment: decoding must return a checklist within the
//! page's bounds, with unique ids, or a reason; never panic or run away. A decoded
//! checklist encodes again to a link that decodes to the same checklist.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_lens::export::{decode_share, encode_share};

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    for candidate in [fragment.to_string(), format!("share=1.{fragment}")] {
        if let Ok(list) = decode_share(&candidate) {
            assert_eq!(list.clone().bounded(), list, "within bounds");
            assert_eq!(decode_share(&encode_share(&list)), Ok(list));
        }
    }
});
