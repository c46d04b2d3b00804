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

/// The longest fragment a link is made with. Browsers take far longer addresses, but the
/// ways a link travels (a chat message, an e-mail, an address bar pasted into) cut long
/// ones, and a cut link is a damaged one; a checklist of a national report with its
/// items' full texts is 30,000–45,000 characters.
pub const MAX_SHARE_CHARS: usize = 16_000;

/// A share link as made for one checklist.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ShareLink {
    /// The fragment carries the whole checklist.
    Whole(String),
    /// The whole checklist is too long for a link: the fragment carries it without its
    /// items' full texts (titles, ticks, notes and edits are all there).
    WithoutTexts(String),
    /// Even without the items' texts the checklist is too long for a link (its notes and
    /// edits are), by this many characters of fragment: nothing is made.
    TooLong(usize),
}

/// The share link of `list`: the whole of it if it fits in `MAX_SHARE_CHARS`, else
/// without its items' full texts if that fits, else none. What it carries is the list as
/// the receiver reads it (`Checklist::bounded`), so that a link the sender is given opens
/// as the same checklist.
pub fn share_link(list: &Checklist) -> ShareLink {
    let list = list.clone().bounded();
    let whole = encode_share(&list);
    if whole.len() <= MAX_SHARE_CHARS {
        return ShareLink::Whole(whole);
    }
    let mut short = list;
    for item in &mut short.items {
        item.text.clear();
    }
    let fragment = encode_share(&short);
    if fragment.len() <= MAX_SHARE_CHARS {
        ShareLink::WithoutTexts(fragment)
    } else {
        ShareLink::TooLong(fragment.len())
    }
}

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

    /// `list` with a note of `chars` characters on its first item, which compress as
    /// little as typed Chinese does.
    fn with_note(mut list: Checklist, chars: usize) -> Checklist {
        let id = list.items[0].id.clone();
        let text: String = (0..chars)
            .filter_map(|i| char::from_u32(0x4e00 + (i as u32 * 7919) % 20_000))
            .collect();
        list.set_note(
            &id,
            crate::checklist::Note {
                text,
                ..Default::default()
            },
        );
        list
    }

    #[test]
    fn a_link_opens_as_the_checklist_the_sender_has() {
        let list = list();
        assert_eq!(share_link(&list), ShareLink::Whole(encode_share(&list)));
        let long = with_note(list, 30_000);
        let ShareLink::TooLong(chars) = share_link(&long) else {
            panic!("30,000 characters of notes do not fit in a link");
        };
        assert!(chars > MAX_SHARE_CHARS);
    }

    #[test]
    fn a_checklist_too_long_for_a_link_goes_without_its_items_texts() {
        let national = include_str!("../../tests/fixtures/national-2016.txt");
        let list = Checklist::from_report(&analyze(national));
        let ShareLink::WithoutTexts(fragment) = share_link(&list) else {
            panic!("a national report's texts make too long a link");
        };
        assert!(fragment.len() <= MAX_SHARE_CHARS);
        let read = decode_share(&fragment).unwrap();
        assert_eq!(read.items.len(), list.items.len());
        for (read, sent) in read.items.iter().zip(&list.items) {
            assert_eq!((&read.title, read.text.as_str()), (&sent.title, ""));
        }
        // Notes as long as a link holds still travel.
        let noted = with_note(list, 3_000);
        let ShareLink::WithoutTexts(fragment) = share_link(&noted) else {
            panic!("3,000 characters of notes fit");
        };
        assert_eq!(
            decode_share(&fragment).unwrap().items[0].note,
            noted.items[0].note
        );
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
