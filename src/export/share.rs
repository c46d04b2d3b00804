//! The share link: a checklist carried in the URL fragment, compressed and versioned.
//!
//! The fragment is `#share=1.` followed by the checklist as JSON, deflated in a zlib
//! stream (whose checksum catches tampering) and written in URL-safe base64. A fragment
//! never reaches a server. Reading a fragment checks
//! everything: an unknown version, bad base64, a corrupt or oversized deflate stream or
//! JSON that is not a checklist each give a `ShareError`, never a panic; and what it
//! reads is cut to the bounds the page can show (`Checklist::bounded`).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::checklist::Checklist;

/// What a share fragment starts with, after `#`.
pub const SHARE_PREFIX: &str = "share=";

/// The format version written now.
const VERSION: u32 = 1;

/// A shared checklist larger than this when inflated is refused (a deflate bomb).
const MAX_INFLATED_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ShareError {
    /// Damaged, truncated or not a share link at all.
    Broken,
    /// Made by a newer version of report-lens.
    FutureVersion,
}

/// The fragment (without `#`) that carries `list`.
pub fn encode_share(list: &Checklist) -> String {
    let json = serde_json::to_vec(list).unwrap_or_default();
    let deflated = miniz_oxide::deflate::compress_to_vec_zlib(&json, 9);
    format!(
        "{SHARE_PREFIX}{VERSION}.{}",
        URL_SAFE_NO_PAD.encode(deflated)
    )
}

/// Reads a fragment (with or without `#`) made by `encode_share`.
pub fn decode_share(fragment: &str) -> Result<Checklist, ShareError> {
    let body = fragment
        .trim_start_matches('#')
        .strip_prefix(SHARE_PREFIX)
        .ok_or(ShareError::Broken)?;
    let (version, payload) = body.split_once('.').ok_or(ShareError::Broken)?;
    match version.parse::<u32>() {
        Ok(VERSION) => {}
        Ok(v) if v > VERSION => return Err(ShareError::FutureVersion),
        _ => return Err(ShareError::Broken),
    }
    let deflated = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| ShareError::Broken)?;
    let json =
        miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&deflated, MAX_INFLATED_BYTES)
            .map_err(|_| ShareError::Broken)?;
    serde_json::from_slice(&json)
        .map(Checklist::bounded)
        .map_err(|_| ShareError::Broken)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    const JIANGSU: &str = include_str!("../../tests/fixtures/jiangsu-gov-service-office-2022.txt");

    fn list() -> Checklist {
        let mut list = Checklist::from_report(&analyze(JIANGSU));
        let id = list.items[2].id.clone();
        list.toggle(&id);
        list
    }

    #[test]
    fn round_trip() {
        let fragment = encode_share(&list());
        assert!(fragment.starts_with("share=1."));
        assert!(fragment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"=._-".contains(&b)));
        assert_eq!(decode_share(&format!("#{fragment}")), Ok(list()));
    }

    #[test]
    fn damaged_links_say_so() {
        let fragment = encode_share(&list());
        let truncated = &fragment[..fragment.len() / 2];
        assert_eq!(decode_share(truncated), Err(ShareError::Broken));
        let mut tampered = fragment.clone().into_bytes();
        let middle = tampered.len() / 2;
        tampered[middle] = if tampered[middle] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            decode_share(std::str::from_utf8(&tampered).unwrap()),
            Err(ShareError::Broken)
        );
        assert_eq!(decode_share("share=2.abc"), Err(ShareError::FutureVersion));
        assert_eq!(decode_share("share=x.abc"), Err(ShareError::Broken));
        assert_eq!(decode_share("section-3"), Err(ShareError::Broken));
        assert_eq!(decode_share("share=1.!!!"), Err(ShareError::Broken));
    }

    #[test]
    fn a_deflate_bomb_is_refused() {
        let huge = vec![b' '; MAX_INFLATED_BYTES + 1];
        let bomb = format!(
            "share=1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(&huge, 9))
        );
        assert_eq!(decode_share(&bomb), Err(ShareError::Broken));
    }
}
