//! Bytes to text: turning a file the user opened into the text the analysis reads.
//!
//! A file is read by its content, with its name only to tell formats apart. Plain text
//! is decoded from UTF-8 (with or without a byte-order mark) or from UTF-16 with a
//! byte-order mark. Formats that are not read here yet, and bytes that are not text, give
//! an `IngestError` that says what the user can do instead; nothing here panics.

use std::fmt;

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestError {
    /// The file has no content.
    Empty,
    /// A format report-lens does not read yet, named by its extension.
    Unsupported(String),
    /// The bytes are not UTF-8 or UTF-16 text.
    NotText,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Empty => write!(f, "the file is empty"),
            IngestError::Unsupported(ext) => write!(
                f,
                ".{ext} files are not read yet: open the file, copy its text and paste it, or save it as UTF-8 .txt"
            ),
            IngestError::NotText => write!(
                f,
                "the file is not UTF-8 or UTF-16 text: save it as UTF-8 .txt, or copy its text and paste it"
            ),
        }
    }
}

impl std::error::Error for IngestError {}

/// Extensions of files that are plain text.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md"];

/// The lower-case extension of a file name, if it has one.
fn extension(file_name: &str) -> Option<String> {
    let (stem, ext) = file_name.rsplit_once('.')?;
    (!stem.is_empty()).then(|| ext.to_lowercase())
}

/// Reads a file's bytes as report text.
pub fn read_text(file_name: &str, bytes: &[u8]) -> Result<String, IngestError> {
    if let Some(ext) = extension(file_name) {
        if !TEXT_EXTENSIONS.contains(&ext.as_str()) {
            return Err(IngestError::Unsupported(ext));
        }
    }
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    decode(bytes)
}

fn decode(bytes: &[u8]) -> Result<String, IngestError> {
    let utf16 = |rest: &[u8], from: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| from([c[0], c[1]])).collect();
        String::from_utf16(&units).map_err(|_| IngestError::NotText)
    };
    let text = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest)
            .map(str::to_owned)
            .map_err(|_| IngestError::NotText)?,
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes)?,
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes)?,
        _ => std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| IngestError::NotText)?,
    };
    if text.contains('\0') {
        return Err(IngestError::NotText);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(read_text("a.txt", "一、甲".as_bytes()).unwrap(), "一、甲");
        assert_eq!(read_text("a.TXT", b"\xEF\xBB\xBFabc").unwrap(), "abc");
    }

    #[test]
    fn utf16_with_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("报告".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("报告".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(read_text("a.txt", &le).unwrap(), "报告");
        assert_eq!(read_text("a.txt", &be).unwrap(), "报告");
    }

    #[test]
    fn what_cannot_be_read_says_why() {
        assert_eq!(read_text("a.txt", b""), Err(IngestError::Empty));
        assert_eq!(
            read_text("report.doc", b"\xD0\xCF"),
            Err(IngestError::Unsupported("doc".into()))
        );
        assert_eq!(
            read_text("gbk.txt", b"\xB9\xFA\xBC\xD2"),
            Err(IngestError::NotText)
        );
        assert_eq!(
            read_text("bin.txt", b"\x00\x01\x02"),
            Err(IngestError::NotText)
        );
        assert_eq!(read_text(".profile", b"x").unwrap(), "x");
    }
}
