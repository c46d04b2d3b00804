//! The text layer of a PDF, in reading order, with Chinese fonts decoded.
//!
//! lopdf parses the file, inflates page content (bounded) and resolves each font's
//! encoding, including `ToUnicode` maps and the `UniGB-UCS2-H` CMap. The predefined CJK
//! CMaps lopdf leaves undecoded are decoded here with encoding_rs: the GB family
//! (`GBK-EUC-H`, `GB-EUC-H`, `GBK2K-H`, …) as GB18030, the Big5 family as Big5, and the
//! other `Uni…-UCS2`/`UTF16` CMaps as UTF-16BE.
//!
//! Page content is walked operator by operator: text runs are placed with the text and
//! graphics matrices, runs on one baseline make a line, and lines are joined back into
//! the paragraphs the PDF wrapped: a line that ends near the right margin continues on
//! the next line unless that line is indented (Chinese official documents indent the
//! first line of every paragraph and heading).
//! Lone page numbers are dropped. A PDF with no text at all is a scan.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::Encoding;
use lopdf::{Dictionary, Document, Object};

use super::{Format, IngestError, Ingested, MAX_INFLATED_BYTES};

/// How a font's string bytes become text.
enum Decoder<'a> {
    Lopdf(Encoding<'a>),
    Cjk(&'static encoding_rs::Encoding),
    /// A font whose encoding cannot be read: its text is skipped.
    Unknown,
}

impl<'a> Decoder<'a> {
    fn new(doc: &'a Document, font: &'a Dictionary) -> Self {
        match font.get_font_encoding_with_limit(doc, MAX_INFLATED_BYTES) {
            Ok(Encoding::SimpleEncoding(name)) => {
                predefined_cmap(name).map_or(Decoder::Unknown, Decoder::Cjk)
            }
            Ok(encoding) => Decoder::Lopdf(encoding),
            Err(_) => Decoder::Unknown,
        }
    }

    fn decode(&self, bytes: &[u8]) -> String {
        match self {
            Decoder::Lopdf(encoding) => Document::decode_text(encoding, bytes).unwrap_or_default(),
            Decoder::Cjk(encoding) => encoding.decode_without_bom_handling(bytes).0.into_owned(),
            Decoder::Unknown => String::new(),
        }
    }
}

/// The encoding of a predefined CJK CMap, by its name.
fn predefined_cmap(name: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let name = std::str::from_utf8(name).ok()?;
    if name.starts_with("GB") {
        Some(encoding_rs::GB18030)
    } else if name.starts_with("B5") || name.contains("-B5") {
        Some(encoding_rs::BIG5)
    } else if name.starts_with("Uni") && (name.contains("UCS2") || name.contains("UTF16")) {
        Some(encoding_rs::UTF_16BE)
    } else if name.starts_with("Uni") && name.contains("UTF8") {
        Some(encoding_rs::UTF_8)
    } else {
        None
    }
}

/// An affine matrix `[a b c d e f]`.
type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn multiply(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn number(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

/// A line of text on a page, with where it starts and (about) where it ends.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    x: f32,
    y: f32,
    end: f32,
    size: f32,
}

/// The advance of `text` in em, as Chinese fonts set it: half width for ASCII, full
/// width for everything else (CJK, and punctuation such as “ ” — …).
fn em_width(text: &str) -> f32 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
        .sum()
}

/// Walks a page's content and returns its lines in the order they are drawn.
fn page_lines(doc: &Document, page: lopdf::ObjectId) -> Result<Vec<Line>, IngestError> {
    let fonts = doc.get_page_fonts(page).unwrap_or_default();
    let decoders: HashMap<&[u8], Decoder> = fonts
        .iter()
        .map(|(name, font)| (name.as_slice(), Decoder::new(doc, font)))
        .collect();
    let content = doc
        .get_page_content_with_limit(page, MAX_INFLATED_BYTES)
        .map_err(|_| IngestError::Inflates(Format::Pdf))?;
    let operations = Content::decode(&content)
        .map_err(|_| IngestError::Damaged(Format::Pdf))?
        .operations;

    let mut lines: Vec<Line> = Vec::new();
    let mut ctm = IDENTITY;
    let mut saved: Vec<Matrix> = Vec::new();
    let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
    let mut leading = 0.0;
    let mut font: Option<&Decoder> = None;
    let mut size = 12.0;
    for op in &operations {
        let args = &op.operands;
        let arg = |i: usize| args.get(i).map_or(0.0, number);
        let mut shown: Vec<&[u8]> = Vec::new();
        match op.operator.as_str() {
            "q" => saved.push(ctm),
            "Q" => ctm = saved.pop().unwrap_or(IDENTITY),
            "cm" => ctm = multiply(&[arg(0), arg(1), arg(2), arg(3), arg(4), arg(5)], &ctm),
            "BT" => (tm, tlm) = (IDENTITY, IDENTITY),
            "Tf" => {
                font = args
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| decoders.get(n));
                size = arg(1).abs().max(1.0);
            }
            "TL" => leading = arg(0),
            "Td" | "TD" => {
                if op.operator == "TD" {
                    leading = -arg(1);
                }
                tlm = multiply(&[1.0, 0.0, 0.0, 1.0, arg(0), arg(1)], &tlm);
                tm = tlm;
            }
            "Tm" => {
                tlm = [arg(0), arg(1), arg(2), arg(3), arg(4), arg(5)];
                tm = tlm;
            }
            "T*" | "'" | "\"" => {
                tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -leading], &tlm);
                tm = tlm;
                if let Some(s) = args.last().and_then(|o| o.as_str().ok()) {
                    shown.push(s);
                }
            }
            "Tj" => shown.extend(args.first().and_then(|o| o.as_str().ok())),
            "TJ" => {
                if let Some(Ok(array)) = args.first().map(|o| o.as_array()) {
                    shown.extend(array.iter().filter_map(|o| o.as_str().ok()));
                }
            }
            _ => {}
        }
        let Some(decoder) = font else { continue };
        for bytes in shown {
            let text = decoder.decode(bytes);
            if text.is_empty() {
                continue;
            }
            let place = multiply(&tm, &ctm);
            let scale = (place[0].powi(2) + place[1].powi(2)).sqrt().max(0.01);
            let run_size = size * scale;
            let (x, y) = (place[4], place[5]);
            let width = em_width(&text) * run_size;
            tm[4] += em_width(&text) * size * tm[0];
            match lines.last_mut() {
                Some(line) if (line.y - y).abs() < line.size * 0.5 => {
                    line.text.push_str(&text);
                    line.end = line.end.max(x + width);
                }
                _ => lines.push(Line {
                    text,
                    x,
                    y,
                    end: x + width,
                    size: run_size,
                }),
            }
        }
    }
    lines.retain(|l| !l.text.trim().is_empty() && !is_page_number(l.text.trim()));
    Ok(lines)
}

/// `1`, `- 1 -`, `— 2 —`, `第 3 页`, `3/12`: a page number, not text.
fn is_page_number(s: &str) -> bool {
    let core: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !"-—–第页/共".contains(*c))
        .collect();
    !core.is_empty() && core.len() <= 6 && core.chars().all(|c| c.is_ascii_digit())
}

/// How far from the right margin, in em, a wrapped line may end: glyph widths are
/// estimated (half width for ASCII, full for the rest), and a wrapped line leaves at most
/// a character or two of space.
const WRAP_TOLERANCE_EM: f32 = 4.0;

/// Joins wrapped lines back into paragraphs, across pages too.
fn paragraphs(pages: Vec<Vec<Line>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut continues = false;
    for lines in pages {
        let left = lines.iter().map(|l| l.x).fold(f32::INFINITY, f32::min);
        let right = lines
            .iter()
            .map(|l| l.end)
            .fold(f32::NEG_INFINITY, f32::max);
        for line in lines {
            let indented = line.x > left + line.size * 0.5;
            let text = line.text.trim();
            match out.last_mut() {
                Some(last) if continues && !indented => last.push_str(text),
                _ => out.push(text.to_string()),
            }
            // A line that reaches (about: widths are estimated) the right margin of a page
            // of real lines was wrapped.
            continues = line.end >= right - line.size * WRAP_TOLERANCE_EM
                && right - left >= line.size * 15.0;
        }
    }
    out
}

/// Reads the text layer of a PDF.
pub fn read(bytes: &[u8]) -> Result<Ingested, IngestError> {
    // A complete PDF ends with `%%EOF`; a truncated one would still give its first pages.
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(IngestError::Damaged(Format::Pdf));
    }
    let doc = Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => IngestError::Encrypted,
        _ => IngestError::Damaged(Format::Pdf),
    })?;
    if doc.is_encrypted() {
        return Err(IngestError::Encrypted);
    }
    let pages = doc
        .get_pages()
        .into_values()
        .map(|page| page_lines(&doc, page))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Ingested {
        text: paragraphs(pages).join("\n"),
        format: Format::Pdf,
        encoding: "PDF".to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, x: f32, end: f32) -> Line {
        Line {
            text: text.to_string(),
            x,
            y: 0.0,
            end,
            size: 12.0,
        }
    }

    #[test]
    fn wrapped_lines_join_and_indented_lines_start_paragraphs() {
        let page = vec![
            line("一、主要举措", 72.0, 144.0),
            line("（一）强化宣传。一是学法，二是", 96.0, 500.0),
            line("普法。", 72.0, 108.0),
            line("二是完善机制，推动落实到位，", 96.0, 500.0),
        ];
        let next_page = vec![line("确保实效。", 72.0, 132.0), line("- 2 -", 280.0, 300.0)];
        let pages = vec![
            page,
            next_page
                .into_iter()
                .filter(|l| !is_page_number(&l.text))
                .collect(),
        ];
        assert_eq!(
            paragraphs(pages),
            [
                "一、主要举措",
                "（一）强化宣传。一是学法，二是普法。",
                "二是完善机制，推动落实到位，确保实效。"
            ]
        );
    }

    #[test]
    fn page_numbers() {
        for s in ["1", "- 12 -", "— 3 —", "第 4 页", "5/12", "第1页 共3页"] {
            assert!(is_page_number(s), "{s}");
        }
        assert!(!is_page_number("2023年"));
        assert!(!is_page_number("一、"));
    }

    #[test]
    fn predefined_cmaps() {
        assert_eq!(predefined_cmap(b"GBK-EUC-H"), Some(encoding_rs::GB18030));
        assert_eq!(
            predefined_cmap(b"UniGB-UCS2-H"),
            Some(encoding_rs::UTF_16BE)
        );
        assert_eq!(predefined_cmap(b"ETen-B5-H"), Some(encoding_rs::BIG5));
        assert_eq!(predefined_cmap(b"Identity-H"), None);
    }

    #[test]
    fn damaged_files_say_so() {
        assert_eq!(
            read(b"%PDF-1.4\n%garbage"),
            Err(IngestError::Damaged(Format::Pdf))
        );
    }
}
