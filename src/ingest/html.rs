//! Web pages saved as `.html` or `.mht`: the article's text in reading order.
//!
//! The page is decoded in the charset it declares (a `<meta charset>` or
//! `http-equiv` content type in its first bytes; else detected as plain text is) and
//! tokenized by html5gum, a WHATWG-conformant tokenizer that also decodes entities.
//! Block elements and `<br>` end lines, table cells are separated by a tab, and white
//! space inside a line is collapsed as a browser does. Scripts, styles, the document's
//! head, and navigation, site headers and footers are dropped (a `<header>` inside an
//! `<article>` or `<main>` is the article's own and is kept). Breadcrumbs and other
//! furniture written as plain blocks stay in the text for the analysis to mark.
//!
//! An `.mht` file (a page saved by Internet Explorer or Word) is a MIME message: its HTML
//! part is decoded from quoted-printable or base64 and read the same way.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use encoding_rs::Encoding;
use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::text::{decode_unicode, decode_with, detect};
use super::{Format, IngestError, Ingested};

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "head", "noscript", "template", "nav", "aside", "svg", "iframe", "select",
    "button", "form",
];
/// Elements dropped unless inside the article (`<article>` or `<main>`).
const SITE_FURNITURE: &[&str] = &["header", "footer"];
/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "blockquote",
    "pre",
    "center",
    "address",
    "figure",
    "figcaption",
    "hr",
    "header",
    "footer",
    "body",
];
/// How far into a page its charset declaration is looked for.
const CHARSET_PRESCAN_BYTES: usize = 4096;

/// The charset a page declares in its first bytes, if any.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: String = bytes
        .iter()
        .take(CHARSET_PRESCAN_BYTES)
        .map(|&b| (b as char).to_ascii_lowercase())
        .collect();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    Encoding::for_label(label.as_bytes())
}

/// Decodes a page in the charset it declares, or as plain text is decoded.
fn decode_page(bytes: &[u8]) -> Result<(String, String), IngestError> {
    match (decode_unicode(bytes), declared_charset(bytes)) {
        (Some((text, name)), None) => Ok((text, name.to_string())),
        (Some((text, name)), Some(e)) if e == encoding_rs::UTF_8 => Ok((text, name.to_string())),
        (_, Some(encoding)) => {
            decode_with(bytes, encoding).map(|t| (t, encoding.name().to_string()))
        }
        (None, None) => {
            let encoding = detect(bytes);
            decode_with(bytes, encoding).map(|t| (t, encoding.name().to_string()))
        }
    }
}

/// Collects the text of a page as lines.
struct Lines {
    lines: Vec<String>,
    current: String,
    /// A space is owed before the next text in the line.
    pending_space: bool,
}

impl Lines {
    fn new() -> Self {
        Lines {
            lines: Vec::new(),
            current: String::new(),
            pending_space: false,
        }
    }

    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_ascii_whitespace() {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.current.is_empty() {
                    self.current.push(' ');
                }
                self.pending_space = false;
                self.current.push(c);
            }
        }
    }

    fn separator(&mut self, sep: char) {
        if !self.current.is_empty() {
            self.current.push(sep);
        }
        self.pending_space = false;
    }

    fn end_line(&mut self) {
        let line = self.current.trim_end();
        if !line.is_empty() {
            self.lines.push(line.to_string());
        }
        self.current.clear();
        self.pending_space = false;
    }
}

/// The article text of an HTML document, one line per block.
pub fn text_of(html: &str) -> String {
    let mut emitter = DefaultEmitter::<()>::default();
    emitter.naively_switch_states(true);
    let mut out = Lines::new();
    let mut dropped: Vec<String> = Vec::new();
    let mut article_depth = 0usize;
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if !dropped.is_empty() {
                    if dropped.last() == Some(&name) && !tag.self_closing {
                        dropped.push(name);
                    }
                    continue;
                }
                let furniture = SITE_FURNITURE.contains(&name.as_str()) && article_depth == 0;
                if (DROPPED.contains(&name.as_str()) || furniture) && !tag.self_closing {
                    dropped.push(name);
                    continue;
                }
                if name == "article" || name == "main" {
                    article_depth += 1;
                }
                match name.as_str() {
                    "br" => out.end_line(),
                    "td" | "th" => out.separator('\t'),
                    n if BLOCKS.contains(&n) => out.end_line(),
                    _ => {}
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some(open) = dropped.last() {
                    if *open == name {
                        dropped.pop();
                    }
                    continue;
                }
                if (name == "article" || name == "main") && article_depth > 0 {
                    article_depth -= 1;
                }
                if BLOCKS.contains(&name.as_str()) {
                    out.end_line();
                }
            }
            Token::String(s) if dropped.is_empty() => out.text(&String::from_utf8_lossy(&s.value)),
            _ => {}
        }
    }
    out.end_line();
    out.lines.join("\n")
}

/// Reads a saved web page.
pub fn read(bytes: &[u8]) -> Result<Ingested, IngestError> {
    let (page, encoding) = decode_page(bytes)?;
    Ok(Ingested {
        text: text_of(&page),
        format: Format::Html,
        encoding,
    })
}

/// Decodes quoted-printable text (soft line breaks and `=XX` escapes).
fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'=' {
            let rest = &body[i + 1..];
            if rest.starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            if rest.starts_with(b"\n") {
                i += 2;
                continue;
            }
            let hex = rest
                .get(..2)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(byte) = hex {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(body[i]);
        i += 1;
    }
    out
}

/// The value of a MIME header in a block of headers, lower-cased.
fn header(headers: &str, name: &str) -> Option<String> {
    headers.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| value.trim().to_ascii_lowercase())
    })
}

/// Reads a page saved as MHT: the first `text/html` part of the MIME message.
pub fn read_mht(bytes: &[u8]) -> Result<Ingested, IngestError> {
    let message = String::from_utf8_lossy(bytes);
    let top = message.split("\r\n\r\n").next().unwrap_or_default();
    let top = if top.len() == message.len() {
        message.split("\n\n").next().unwrap_or_default()
    } else {
        top
    };
    let boundary = top
        .split("boundary=")
        .nth(1)
        .map(|b| {
            b.trim_start_matches('"')
                .split(['"', ';', '\r', '\n'])
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .filter(|b| !b.is_empty())
        .ok_or(IngestError::Damaged(Format::Mht))?;
    let delimiter = format!("--{boundary}");
    for part in message.split(delimiter.as_str()).skip(1) {
        let part = part.trim_start_matches(['\r', '\n']);
        let (headers, body) = part
            .split_once("\r\n\r\n")
            .or_else(|| part.split_once("\n\n"))
            .unwrap_or((part, ""));
        let content_type = header(headers, "content-type").unwrap_or_default();
        if !content_type.starts_with("text/html") {
            continue;
        }
        // The part's bytes, as the message carries them (ASCII for both transfer encodings).
        let raw = body.as_bytes();
        let decoded = match header(headers, "content-transfer-encoding").as_deref() {
            Some("base64") => {
                let compact: Vec<u8> = raw
                    .iter()
                    .copied()
                    .filter(|b| !b.is_ascii_whitespace())
                    .collect();
                STANDARD
                    .decode(compact)
                    .map_err(|_| IngestError::Damaged(Format::Mht))?
            }
            Some("quoted-printable") => quoted_printable(raw),
            _ => raw.to_vec(),
        };
        let charset = content_type
            .split("charset=")
            .nth(1)
            .map(|c| c.trim_matches(['"', '\'', ' ', ';']).to_string())
            .and_then(|label| Encoding::for_label(label.as_bytes()));
        let (page, encoding) = match charset {
            Some(encoding) => (
                decode_with(&decoded, encoding)?,
                encoding.name().to_string(),
            ),
            None => decode_page(&decoded)?,
        };
        return Ok(Ingested {
            text: text_of(&page),
            format: Format::Mht,
            encoding,
        });
    }
    Err(IngestError::Damaged(Format::Mht))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_as_lines() {
        let html = r#"<html><head><title>标题</title><style>p{color:red}</style></head><body>
            <header><nav><a href="/">首页</a> &gt; 政务公开</nav></header>
            <div class="crumb">您的位置：首页 &gt; 通知公告</div>
            <article><header><h1>关于2022年度法治政府建设情况的报告</h1></header>
            <p>一、主要举措
            及成效</p><p>（一）强化&nbsp;宣传。一是学法<br>二是普法&amp;用法</p>
            <table><tr><td>项目</td><td>数量</td></tr><tr><td>培训</td><td>30项</td></tr></table>
            <script>var x = "<p>不是正文</p>";</script></article>
            <footer>版权所有 © 某某局</footer></body></html>"#;
        assert_eq!(
            text_of(html),
            "您的位置：首页 > 通知公告\n关于2022年度法治政府建设情况的报告\n一、主要举措 及成效\n（一）强化\u{a0}宣传。一是学法\n二是普法&用法\n项目\t数量\n培训\t30项"
        );
    }

    #[test]
    fn a_gbk_page_is_read_in_its_declared_charset() {
        let page =
            "<html><head><meta charset=\"gbk\"></head><body><p>一、主要举措</p></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        let read = read(&bytes).unwrap();
        assert_eq!(
            (read.text.as_str(), read.encoding.as_str()),
            ("一、主要举措", "GBK")
        );
    }

    #[test]
    fn an_mht_file_gives_its_html_part() {
        let html = "<html><body><p>一、主要举措</p><p>二是普法</p></body></html>";
        let (gbk, _, _) = encoding_rs::GBK.encode(html);
        let qp: String = gbk
            .iter()
            .map(|&b| {
                if b < 128 && b != b'=' {
                    (b as char).to_string()
                } else {
                    format!("={b:02X}")
                }
            })
            .collect();
        let mht = format!(
            "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----abc\"\r\n\r\n------abc\r\nContent-Type: text/html; charset=\"gbk\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{qp}\r\n------abc--\r\n"
        );
        let read = read_mht(mht.as_bytes()).unwrap();
        assert_eq!(read.text, "一、主要举措\n二是普法");
        assert_eq!(read.format, Format::Mht);
        assert_eq!(
            read_mht(b"MIME-Version: 1.0\r\n\r\nno parts"),
            Err(IngestError::Damaged(Format::Mht))
        );
    }
}
