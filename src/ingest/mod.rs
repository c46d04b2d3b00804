//! Bytes to text: turning a file the user opened into the text the analysis reads.
//!
//! A file is recognised by its content first and its name second, so a PDF named `.txt`
//! is still read as a PDF: plain text in any common encoding (`text`), web pages saved as
//! `.html` or `.mht` (`html`), Word `.docx` (`docx`) and the text layer of a PDF (`pdf`).
//! Whatever cannot be read gives an `IngestError` that says why and what to do instead:
//! legacy `.doc`, other formats, damaged or oversized files, binary data, scanned PDFs.
//! Nothing here panics on any input, and sizes are bounded before anything is inflated.
//!
//! The page refuses what it can from a file's first bytes (`refusal`) and sends the rest to
//! a web worker: PDFs to one that runs `read_pdf`, the others to one that runs
//! `read_except_pdf`. So the readers' code is loaded only when a file arrives, and the PDF
//! reader (more than half of it) only for a PDF. The command line runs `read`.

mod docx;
mod html;
mod pdf;
mod text;

use std::fmt;

use serde::{Deserialize, Serialize};

/// The largest file read, in bytes.
pub const MAX_FILE_BYTES: usize = 30 * 1024 * 1024;
/// The most text a compressed part (a `.docx` member, a PDF stream) may inflate to.
const MAX_INFLATED_BYTES: usize = 64 * 1024 * 1024;

/// The kinds of file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    Text,
    Html,
    Mht,
    Docx,
    Pdf,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text => "text",
            Format::Html => "HTML",
            Format::Mht => "MHT",
            Format::Docx => "Word (.docx)",
            Format::Pdf => "PDF",
        })
    }
}

/// A file read as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ingested {
    pub text: String,
    pub format: Format,
    /// The character encoding the text was decoded from (`UTF-8`, `GBK`, `Big5`, …).
    pub encoding: String,
}

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IngestError {
    /// The file has no content.
    Empty,
    /// The file is larger than `MAX_FILE_BYTES`.
    TooLarge,
    /// A Word 97–2003 `.doc` (or `.wps`) file.
    LegacyWord,
    /// A format report-lens does not read, named by its extension.
    Unsupported(String),
    /// The bytes are not text in any encoding read here.
    NotText,
    /// The file is damaged or truncated.
    Damaged(Format),
    /// A compressed part inflates beyond any real report (a zip bomb).
    Inflates(Format),
    /// A PDF with no text layer: a scan.
    NoTextLayer,
    /// A PDF that needs a password.
    Encrypted,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Empty => write!(f, "the file is empty"),
            IngestError::TooLarge => write!(f, "the file is larger than {} MB", MAX_FILE_BYTES / 1024 / 1024),
            IngestError::LegacyWord => write!(f, "this is a Word 97-2003 .doc file: open it in Word or WPS and save it as .docx"),
            IngestError::Unsupported(ext) => write!(f, ".{ext} files are not read: save the report as .docx, .pdf, .html or .txt"),
            IngestError::NotText => write!(f, "the file is not text in any encoding read here (UTF-8, UTF-16, GBK/GB18030, Big5)"),
            IngestError::Damaged(format) => write!(f, "the {format} file is damaged or incomplete"),
            IngestError::Inflates(format) => write!(f, "the {format} file unpacks to far more data than a report holds"),
            IngestError::NoTextLayer => write!(f, "the PDF has no text layer (it is probably a scan): run OCR on it, or copy the text from the original document"),
            IngestError::Encrypted => write!(f, "the PDF is protected by a password: save an unprotected copy"),
        }
    }
}

impl std::error::Error for IngestError {}

/// What a file is, from its first bytes and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Mht,
    /// A zip archive, with the file's extension: a Word document, or another format.
    Zip(String),
    Pdf,
}

/// The lower-case extension of a file name, if it has one.
fn extension(file_name: &str) -> Option<String> {
    let (stem, ext) = file_name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_lowercase())
}

/// Extensions of files this reads, by what they hold.
const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "shtml"];
const MHT_EXTENSIONS: &[&str] = &["mht", "mhtml"];

/// Tells what the bytes are, or why they cannot be read at all.
fn sniff(file_name: &str, bytes: &[u8]) -> Result<Kind, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge);
    }
    let ext = extension(file_name).unwrap_or_default();
    if is_pdf(bytes) {
        return Ok(Kind::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(Kind::Zip(ext));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(office_97(bytes, &ext));
    }
    if text::is_binary(bytes) {
        return Err(match ext.as_str() {
            "" | "txt" | "text" | "md" | "html" | "htm" | "mht" | "mhtml" => IngestError::NotText,
            other => IngestError::Unsupported(other.to_string()),
        });
    }
    let head = text::ascii_head(bytes);
    if MHT_EXTENSIONS.contains(&ext.as_str()) || head.starts_with("mime-version:") {
        return Ok(Kind::Mht);
    }
    let markup = head.starts_with("<!doctype html") || head.starts_with("<html");
    // A `.html` file that holds no tag at all is plain text saved under that name.
    if markup || (HTML_EXTENSIONS.contains(&ext.as_str()) && text::has_tags(bytes)) {
        return Ok(Kind::Html);
    }
    Ok(Kind::Text)
}

/// Why an Office 97–2003 file (an OLE compound file) is not read: what it is, by the
/// name of its main stream (in UTF-16 in its directory), whatever its file is named (a
/// Word 97 file renamed `.docx` is still a `.doc`); by its extension when no stream says.
fn office_97(bytes: &[u8], ext: &str) -> IngestError {
    let holds = |stream: &str| {
        let name: Vec<u8> = stream.encode_utf16().flat_map(u16::to_le_bytes).collect();
        bytes.windows(name.len()).any(|w| w == name.as_slice())
    };
    if holds("WordDocument") {
        IngestError::LegacyWord
    } else if holds("Workbook") {
        IngestError::Unsupported("xls".to_string())
    } else if holds("PowerPoint Document") {
        IngestError::Unsupported("ppt".to_string())
    } else if matches!(ext, "doc" | "wps" | "dot" | "docx" | "docm" | "dotx" | "") {
        IngestError::LegacyWord
    } else {
        IngestError::Unsupported(ext.to_string())
    }
}

/// Reads a file's bytes as report text, whatever its format.
pub fn read(file_name: &str, bytes: &[u8]) -> Result<Ingested, IngestError> {
    if is_pdf(bytes) {
        read_pdf(bytes)
    } else {
        read_except_pdf(file_name, bytes)
    }
}

/// True for a PDF, which `read_pdf` reads (the page reads it in a worker of its own).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// Reads a PDF's text layer.
pub fn read_pdf(bytes: &[u8]) -> Result<Ingested, IngestError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge);
    }
    with_text(pdf::read(bytes)?)
}

/// Reads any file but a PDF (which it refuses as unsupported).
pub fn read_except_pdf(file_name: &str, bytes: &[u8]) -> Result<Ingested, IngestError> {
    let ingested = match sniff(file_name, bytes)? {
        Kind::Text => {
            let (text, encoding) = text::decode(bytes)?;
            Ingested {
                text,
                format: Format::Text,
                encoding,
            }
        }
        Kind::Html => html::read(bytes)?,
        Kind::Mht => html::read_mht(bytes)?,
        Kind::Zip(ext) => match ext.as_str() {
            "docx" | "docm" | "dotx" | "" => docx::read(bytes)?,
            _ if docx::is_word(bytes) => docx::read(bytes)?,
            other => return Err(IngestError::Unsupported(other.to_string())),
        },
        Kind::Pdf => return Err(IngestError::Unsupported("pdf".to_string())),
    };
    with_text(ingested)
}

/// A file read to no text at all is empty, or for a PDF a scan.
fn with_text(ingested: Ingested) -> Result<Ingested, IngestError> {
    if ingested.text.trim().is_empty() {
        return Err(match ingested.format {
            Format::Pdf => IngestError::NoTextLayer,
            _ => IngestError::Empty,
        });
    }
    Ok(ingested)
}

/// Why a file cannot be read, when its first bytes (or its size) already say: the page
/// tells the user at once, without starting a worker.
pub fn refusal(file_name: &str, bytes: &[u8]) -> Option<IngestError> {
    sniff(file_name, bytes).err()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_content_before_name() {
        assert_eq!(sniff("a.txt", b"%PDF-1.7\n"), Ok(Kind::Pdf));
        assert_eq!(sniff("a.pdf", "一、甲".as_bytes()), Ok(Kind::Text));
        assert_eq!(sniff("page.htm", b"<p>x</p>"), Ok(Kind::Html));
        assert_eq!(
            sniff("saved-as.html", "一、主要举措\n（一）甲。".as_bytes()),
            Ok(Kind::Text),
            "plain text saved as .html keeps its lines"
        );
        assert_eq!(
            sniff("page.txt", b"  <!DOCTYPE html><html>"),
            Ok(Kind::Html)
        );
        assert_eq!(sniff("saved.mht", b"From: <Saved>\r\n"), Ok(Kind::Mht));
        assert_eq!(
            sniff("report.docx", b"PK\x03\x04rest"),
            Ok(Kind::Zip("docx".into()))
        );
    }

    #[test]
    fn what_cannot_be_read_says_why() {
        assert_eq!(read("a.txt", b""), Err(IngestError::Empty));
        assert_eq!(read("a.txt", b"  \n\r\n "), Err(IngestError::Empty));
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert_eq!(read("年度报告.doc", &ole), Err(IngestError::LegacyWord));
        assert_eq!(
            read("book.xls", &ole),
            Err(IngestError::Unsupported("xls".into()))
        );
        assert_eq!(
            read("sheet.xlsx", b"PK\x03\x04rest"),
            Err(IngestError::Unsupported("xlsx".into()))
        );
        assert_eq!(
            read("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(IngestError::Unsupported("png".into()))
        );
        assert_eq!(
            read("bin.txt", b"\x00\x01\x02\x03garbage\x00"),
            Err(IngestError::NotText)
        );
        // An Office 97 file is told by its main stream, whatever it is named.
        let stream = |name: &str| -> Vec<u8> {
            let mut bytes = ole.to_vec();
            bytes.extend(name.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        };
        assert_eq!(
            read("年度报告.docx", &stream("WordDocument")),
            Err(IngestError::LegacyWord)
        );
        assert_eq!(read("年度报告.docx", &ole), Err(IngestError::LegacyWord));
        assert_eq!(
            read("年度报告.docx", &stream("Workbook")),
            Err(IngestError::Unsupported("xls".into()))
        );
        assert_eq!(
            read("年度报告.txt", &stream("WordDocument")),
            Err(IngestError::LegacyWord)
        );
        let huge = vec![b'a'; MAX_FILE_BYTES + 1];
        assert_eq!(read("huge.txt", &huge), Err(IngestError::TooLarge));
    }

    #[test]
    fn a_file_is_refused_from_its_first_bytes_or_its_size() {
        assert_eq!(refusal("a.txt", "一、甲".as_bytes()), None);
        assert_eq!(refusal("gbk.txt", b"\xD2\xBB\xA1\xA2\xBC\xD7"), None);
        assert_eq!(refusal("a.pdf", b"%PDF-1.4"), None);
        assert_eq!(
            refusal("a.doc", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
            Some(IngestError::LegacyWord)
        );
        assert_eq!(refusal("a.txt", b""), Some(IngestError::Empty));
        assert_eq!(
            refusal("a.png", b"\x89PNG\r\n\x1a\n\0\0\0"),
            Some(IngestError::Unsupported("png".to_string()))
        );
    }
}
