//! Plain text in any encoding a Chinese report comes in.
//!
//! A byte-order mark decides first (UTF-8, UTF-16 LE or BE). UTF-16 without one is told
//! by its zero bytes (the high bytes of line breaks, digits and spaces) and by the byte
//! order in which its code units read as Chinese, CJK punctuation or ASCII. Otherwise
//! valid UTF-8 is UTF-8, and anything else goes to chardetng, the detector Firefox uses for legacy web
//! content, which tells GBK/GB18030 from Big5 (and from single-byte encodings) by the
//! statistics of the text; encoding_rs then decodes it. Text that decodes to many
//! control or replacement characters is not text.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use super::IngestError;

/// How much of the start of a file is looked at to tell text from binary data.
const SNIFF_BYTES: usize = 8192;

/// True for bytes that are binary data rather than text: a NUL byte near the start,
/// unless UTF-16 explains it.
pub fn is_binary(bytes: &[u8]) -> bool {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || utf16_without_bom(bytes).is_some();
    !utf16 && bytes.iter().take(SNIFF_BYTES).any(|&b| b == 0)
}

/// UTF-16 without a byte-order mark: an even length, zero bytes near the start (the
/// high bytes of line breaks, digits and spaces) mostly in the high-byte place of one
/// byte order, and code units that, read in that order, are mostly Chinese, CJK
/// punctuation or ASCII.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    if bytes.len() % 2 != 0 || !head.contains(&0) {
        return None;
    }
    let plausible = |from: fn([u8; 2]) -> u16| {
        head.chunks_exact(2)
            .map(|c| from([c[0], c[1]]))
            .filter(|&u| {
                matches!(u, 0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0x3000..=0x303F | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
            })
            .count()
    };
    let zeros_at = |parity: usize| {
        head.iter()
            .enumerate()
            .filter(|&(i, &b)| b == 0 && i % 2 == parity)
            .count()
    };
    // Little-endian puts the high byte at odd offsets.
    let (high_odd, high_even) = (zeros_at(1), zeros_at(0));
    let (encoding, from, high, low): (_, fn([u8; 2]) -> u16, _, _) = if high_odd >= high_even {
        (UTF_16LE, u16::from_le_bytes, high_odd, high_even)
    } else {
        (UTF_16BE, u16::from_be_bytes, high_even, high_odd)
    };
    let units = head.len() / 2;
    (high >= 2 * low && plausible(from) * 10 >= units * 6).then_some(encoding)
}

/// True when the start of the bytes holds a markup tag: `<` then a letter, `/` or `!`.
pub fn has_tags(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .take(SNIFF_BYTES)
        .zip(bytes.iter().skip(1))
        .any(|(&a, &b)| a == b'<' && (b.is_ascii_alphabetic() || b == b'/' || b == b'!'))
}

/// The first bytes as lower-case ASCII, after any byte-order mark and white space, to
/// recognise markup.
pub fn ascii_head(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes[start..]
        .iter()
        .take(64)
        .map(|&b| (b as char).to_ascii_lowercase())
        .collect()
}

/// Decodes text marked by a byte-order mark, or valid UTF-8; `None` for anything else.
pub fn decode_unicode(bytes: &[u8]) -> Option<(String, &'static str)> {
    let utf16 = |rest: &[u8], from: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| from([c[0], c[1]])).collect();
        String::from_utf16(&units).ok()
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest)
            .ok()
            .map(|s| (s.to_owned(), "UTF-8")),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes).map(|s| (s, "UTF-16LE")),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes).map(|s| (s, "UTF-16BE")),
        // Without a mark, UTF-16 must also read as text: binary data can look alike.
        _ => match utf16_without_bom(bytes) {
            Some(encoding) => {
                let (from, name): (fn([u8; 2]) -> u16, _) = if encoding == UTF_16LE {
                    (u16::from_le_bytes, "UTF-16LE")
                } else {
                    (u16::from_be_bytes, "UTF-16BE")
                };
                utf16(bytes, from)
                    .filter(|s| is_mostly_text(s))
                    .map(|s| (s, name))
            }
            None => std::str::from_utf8(bytes)
                .ok()
                .map(|s| (s.to_owned(), "UTF-8")),
        },
    }
}

/// The encoding of bytes with no byte-order mark that are not UTF-8.
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// True unless more than one character in fifty is a replacement or control character:
/// a few damaged characters are tolerated, a text full of them is not text.
fn is_mostly_text(text: &str) -> bool {
    let total = text.chars().count().max(1);
    let bad = text
        .chars()
        .filter(|&c| {
            c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        })
        .count();
    bad * 50 <= total
}

/// Decodes `bytes` with `encoding`, refusing the result if it is not text.
pub fn decode_with(bytes: &[u8], encoding: &'static Encoding) -> Result<String, IngestError> {
    let (text, _, _) = encoding.decode(bytes);
    if !is_mostly_text(&text) {
        return Err(IngestError::NotText);
    }
    Ok(text.into_owned())
}

/// Decodes text in any encoding read here, naming the encoding.
pub fn decode(bytes: &[u8]) -> Result<(String, String), IngestError> {
    if let Some((text, name)) = decode_unicode(bytes) {
        return Ok((text, name.to_string()));
    }
    let encoding = match bytes {
        [0xEF, 0xBB, 0xBF, ..] => UTF_8,
        [0xFF, 0xFE, ..] => UTF_16LE,
        [0xFE, 0xFF, ..] => UTF_16BE,
        _ => detect(bytes),
    };
    decode_with(bytes, encoding).map(|text| (text, encoding.name().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "一、主要举措及成效\n(一)强化法治宣传教育。一是制定印发《2022年度会前学法计划》，结合单位业务工作。二、存在的不足和原因";

    #[test]
    fn unicode_with_and_without_bom() {
        assert_eq!(
            decode("一、甲".as_bytes()).unwrap(),
            ("一、甲".to_string(), "UTF-8".to_string())
        );
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap().0, "abc");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("报告".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("报告".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(
            decode(&le).unwrap(),
            ("报告".to_string(), "UTF-16LE".to_string())
        );
        assert_eq!(
            decode(&be).unwrap(),
            ("报告".to_string(), "UTF-16BE".to_string())
        );
    }

    #[test]
    fn utf16_without_a_byte_order_mark() {
        let text = "一、主要举措\n2022年完成3项。\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert!(!is_binary(&le) && !is_binary(&be));
        assert_eq!(
            decode(&le).unwrap(),
            (text.to_string(), "UTF-16LE".to_string())
        );
        assert_eq!(
            decode(&be).unwrap(),
            (text.to_string(), "UTF-16BE".to_string())
        );
        let zeros_everywhere = [0u8, 0, 1, 0, 0, 2];
        assert!(is_binary(&zeros_everywhere));
    }

    #[test]
    fn gbk_and_big5_are_told_apart() {
        let (gbk, _, _) = encoding_rs::GBK.encode(REPORT);
        assert_eq!(
            decode(&gbk).unwrap(),
            (REPORT.to_string(), "GBK".to_string())
        );
        let traditional = "一、主要舉措及成效\n(一)強化法治宣傳教育。一是制定印發《2022年度會前學法計劃》，結合單位業務工作。";
        let (big5, _, _) = encoding_rs::BIG5.encode(traditional);
        assert_eq!(
            decode(&big5).unwrap(),
            (traditional.to_string(), "Big5".to_string())
        );
    }

    #[test]
    fn binary_is_not_text() {
        assert!(is_binary(b"abc\0def"));
        assert!(!is_binary(b"\xFF\xFEa\0b\0"));
        let noise: Vec<u8> = (0..2000u32)
            .map(|i| (i * 7919 % 251) as u8 | 0x01)
            .collect();
        assert_eq!(
            decode_with(&noise, encoding_rs::UTF_8),
            Err(IngestError::NotText)
        );
    }

    #[test]
    fn markup_is_recognised_after_white_space() {
        assert_eq!(
            &ascii_head(b"\xEF\xBB\xBF  \n<!DOCTYPE HTML>")[..14],
            "<!doctype html"
        );
    }
}
