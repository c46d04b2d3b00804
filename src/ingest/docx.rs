//! Word `.docx`: the paragraphs of the main document, in order, as lines of text.
//!
//! A `.docx` is a zip of XML parts, read with the zip and quick-xml crates. Each
//! paragraph's runs are joined; tables are read row by row, cells separated by a tab;
//! headers, footers, footnotes and comments live in other parts and are left out, as is
//! deleted text. Word's automatic numbering is rendered into the text: a heading whose
//! `一、` or `（一）` comes from `numbering.xml` (directly or through its paragraph style)
//! reaches the analysis with that marker, counted as Word counts it. Every part is read
//! with a size bound, so a zip bomb costs nothing.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{Format, IngestError, Ingested, MAX_INFLATED_BYTES};

const DOCUMENT: &str = "word/document.xml";
const NUMBERING: &str = "word/numbering.xml";
const STYLES: &str = "word/styles.xml";
/// Word allows nine list levels.
const LEVELS: usize = 9;

fn open(bytes: &[u8]) -> Result<zip::ZipArchive<Cursor<&[u8]>>, IngestError> {
    zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| IngestError::Damaged(Format::Docx))
}

/// True when the zip holds a Word document (whatever the file is called).
pub fn is_word(bytes: &[u8]) -> bool {
    open(bytes).is_ok_and(|zip| zip.index_for_name(DOCUMENT).is_some())
}

/// Reads one part as UTF-8, refusing to inflate it beyond the bound. `None` if absent.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, IngestError> {
    let Ok(file) = zip.by_name(name) else {
        return Ok(None);
    };
    if file.size() > MAX_INFLATED_BYTES as u64 {
        return Err(IngestError::Inflates(Format::Docx));
    }
    let mut xml = Vec::new();
    file.take(MAX_INFLATED_BYTES as u64 + 1)
        .read_to_end(&mut xml)
        .map_err(|_| IngestError::Damaged(Format::Docx))?;
    if xml.len() > MAX_INFLATED_BYTES {
        return Err(IngestError::Inflates(Format::Docx));
    }
    String::from_utf8(xml)
        .map(Some)
        .map_err(|_| IngestError::Damaged(Format::Docx))
}

/// The value of attribute `w:<name>` (or `<name>`).
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.as_ref();
        let local = key.rsplit(':').next().unwrap_or(key);
        (local == name)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map(|v| v.into_owned())
                    .ok()
            })
            .flatten()
    })
}

fn local_name(e: &BytesStart) -> String {
    String::from_utf8_lossy(e.local_name().as_ref().as_bytes()).into_owned()
}

/// One level of a list definition: how its number is written.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    /// The first number, 0 when the definition gives none (then 1).
    start: u32,
}

/// The list definitions of `numbering.xml`.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, start overrides by level)
    nums: HashMap<String, (String, HashMap<usize, u32>)>,
}

fn parse_numbering(xml: &str) -> Numbering {
    let mut numbering = Numbering::default();
    let mut reader = Reader::from_str(xml);
    let mut abstract_id: Option<String> = None;
    let mut num_id: Option<String> = None;
    let mut level: Option<usize> = None;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let ilvl = || {
                    attr(&e, "ilvl")
                        .and_then(|v| v.parse::<usize>().ok())
                        .filter(|&l| l < LEVELS)
                };
                match local_name(&e).as_str() {
                    "abstractNum" => {
                        abstract_id = attr(&e, "abstractNumId");
                        num_id = None;
                    }
                    "num" => {
                        num_id = attr(&e, "numId");
                        abstract_id = None;
                    }
                    "lvl" => level = ilvl(),
                    "lvlOverride" => level = ilvl(),
                    "abstractNumId" => {
                        if let (Some(num), Some(value)) = (&num_id, attr(&e, "val")) {
                            numbering.nums.entry(num.clone()).or_default().0 = value;
                        }
                    }
                    name @ ("numFmt" | "lvlText" | "start") => {
                        if let (Some(id), Some(l), Some(value)) =
                            (&abstract_id, level, attr(&e, "val"))
                        {
                            let levels = numbering
                                .abstracts
                                .entry(id.clone())
                                .or_insert_with(|| vec![Level::default(); LEVELS]);
                            match name {
                                "numFmt" => levels[l].format = value,
                                "lvlText" => levels[l].text = value,
                                _ => levels[l].start = value.parse().unwrap_or(1),
                            }
                        }
                    }
                    "startOverride" => {
                        if let (Some(num), Some(l), Some(value)) = (&num_id, level, attr(&e, "val"))
                        {
                            numbering
                                .nums
                                .entry(num.clone())
                                .or_default()
                                .1
                                .insert(l, value.parse().unwrap_or(1));
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    numbering
}

/// Paragraph styles that carry numbering: styleId → (numId, level).
fn parse_styles(xml: &str) -> HashMap<String, (String, usize)> {
    let mut styles = HashMap::new();
    let mut based_on: HashMap<String, String> = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut style: Option<String> = None;
    let mut num: (Option<String>, usize) = (None, 0);
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) | Event::Empty(e) => match local_name(&e).as_str() {
                "style" => {
                    style = attr(&e, "styleId");
                    num = (None, 0);
                }
                "basedOn" => {
                    if let (Some(s), Some(v)) = (&style, attr(&e, "val")) {
                        based_on.insert(s.clone(), v);
                    }
                }
                "numId" => num.0 = attr(&e, "val"),
                "ilvl" => {
                    num.1 = attr(&e, "val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0)
                        .min(LEVELS - 1)
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let (Some(s), Some(n)) = (style.take(), num.0.take()) {
                    styles.insert(s, (n, num.1));
                }
            }
            _ => {}
        }
    }
    // A style inherits the numbering of the style it is based on.
    for (style, base) in &based_on {
        if !styles.contains_key(style) {
            let mut seen = 0;
            let mut current = base;
            while let (None, Some(next)) = (styles.get(current), based_on.get(current)) {
                current = next;
                seen += 1;
                if seen > 16 {
                    break;
                }
            }
            if let Some(found) = styles.get(current).cloned() {
                styles.insert(style.clone(), found);
            }
        }
    }
    styles
}

/// 一 … 九十九, as Word's `chineseCounting` writes them.
fn chinese_counting(n: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n % 10 == 0 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n % 10 == 0 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

/// A counter written in a Word number format.
fn format_number(n: u32, format: &str) -> String {
    let from = |base: char, count: u32| {
        char::from_u32(base as u32 + n - 1).filter(|_| (1..=count).contains(&n))
    };
    let letters = |base: u8| ((base + ((n.max(1) - 1) % 26) as u8) as char).to_string();
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting" => chinese_counting(n),
        "chineseLegalSimplified" => chinese_counting(n)
            .chars()
            .map(|c| match c {
                '一' => '壹',
                '二' => '贰',
                '三' => '叁',
                '四' => '肆',
                '五' => '伍',
                '六' => '陆',
                '七' => '柒',
                '八' => '捌',
                '九' => '玖',
                '十' => '拾',
                other => other,
            })
            .collect(),
        "ideographTraditional" => ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
            .get(n.max(1) as usize - 1)
            .map_or(n.to_string(), |s| s.to_string()),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            from('①', 20).map_or(n.to_string(), String::from)
        }
        "decimalEnclosedParen" => from('⑴', 20).map_or(n.to_string(), String::from),
        "decimalEnclosedFullstop" => from('⒈', 20).map_or(n.to_string(), String::from),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "decimalZero" => format!("{n:02}"),
        "lowerLetter" => letters(b'a'),
        "upperLetter" => letters(b'A'),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// Counts list items as Word does and writes their numbers.
struct Counters<'a> {
    numbering: &'a Numbering,
    counts: HashMap<String, [u32; LEVELS]>,
}

impl Counters<'_> {
    /// The number text of the next paragraph of list `num_id` at `level`, if it has one.
    fn next(&mut self, num_id: &str, level: usize) -> Option<String> {
        let (abstract_id, overrides) = self.numbering.nums.get(num_id)?;
        let levels = self.numbering.abstracts.get(abstract_id)?;
        // Lists sharing a definition continue each other, unless one restarts its count.
        let key = if overrides.is_empty() {
            format!("a{abstract_id}")
        } else {
            format!("n{num_id}")
        };
        let counts = self.counts.entry(key).or_insert([0; LEVELS]);
        let start = |l: usize| overrides.get(&l).copied().unwrap_or(levels[l].start).max(1);
        counts[level] = if counts[level] == 0 {
            start(level)
        } else {
            counts[level] + 1
        };
        for deeper in counts.iter_mut().skip(level + 1) {
            *deeper = 0;
        }
        let lvl = &levels[level];
        if lvl.format == "bullet" || lvl.format == "none" {
            return None;
        }
        let mut text = lvl.text.clone();
        for l in (0..=level).rev() {
            let value = if counts[l] == 0 { start(l) } else { counts[l] };
            text = text.replace(
                &format!("%{}", l + 1),
                &format_number(value, &levels[l].format),
            );
        }
        Some(text)
    }
}

/// The character an entity reference in text stands for.
fn entity(r: &quick_xml::events::BytesRef) -> char {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c;
    }
    match r.clone().into_inner().as_ref() {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => '\u{FFFD}',
    }
}

/// The paragraph being read.
#[derive(Default)]
struct Paragraph {
    text: String,
    style: Option<String>,
    num_id: Option<String>,
    level: usize,
}

/// Reads the text of a Word document.
pub fn read(bytes: &[u8]) -> Result<Ingested, IngestError> {
    let mut zip = open(bytes)?;
    let document = part(&mut zip, DOCUMENT)?.ok_or(IngestError::Damaged(Format::Docx))?;
    let numbering = part(&mut zip, NUMBERING)?
        .map(|x| parse_numbering(&x))
        .unwrap_or_default();
    let styles = part(&mut zip, STYLES)?
        .map(|x| parse_styles(&x))
        .unwrap_or_default();
    let mut counters = Counters {
        numbering: &numbering,
        counts: HashMap::new(),
    };

    let mut lines: Vec<String> = Vec::new();
    let mut paragraph = Paragraph::default();
    let mut in_text = false;
    // Tables: rows of cells of paragraphs; a nested table's text joins its outer cell.
    let mut table_depth = 0usize;
    let mut row: Vec<String> = Vec::new();
    let mut cell: Vec<String> = Vec::new();
    let mut reader = Reader::from_str(&document);
    loop {
        let event = reader
            .read_event()
            .map_err(|_| IngestError::Damaged(Format::Docx))?;
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match local_name(&e).as_str() {
                "p" => paragraph = Paragraph::default(),
                "pStyle" => paragraph.style = attr(&e, "val"),
                "numId" => paragraph.num_id = attr(&e, "val"),
                "ilvl" => {
                    paragraph.level = attr(&e, "val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0)
                        .min(LEVELS - 1)
                }
                "t" => in_text = true,
                "tab" if !in_text => paragraph.text.push('\t'),
                "br" | "cr" => paragraph.text.push('\n'),
                "noBreakHyphen" => paragraph.text.push('-'),
                "tbl" => table_depth += 1,
                _ => {}
            },
            Event::Text(t) if in_text => paragraph.text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => paragraph.text.push(entity(&r)),
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    let list = paragraph
                        .num_id
                        .clone()
                        .map(|n| (n, paragraph.level))
                        .or_else(|| {
                            paragraph
                                .style
                                .as_ref()
                                .and_then(|s| styles.get(s).cloned())
                        });
                    let number = list.and_then(|(num, level)| {
                        if num == "0" {
                            None
                        } else {
                            counters.next(&num, level)
                        }
                    });
                    let text = format!(
                        "{}{}",
                        number.unwrap_or_default(),
                        std::mem::take(&mut paragraph.text)
                    );
                    if table_depth > 0 {
                        cell.push(text.replace('\n', " "));
                    } else {
                        lines.extend(text.split('\n').map(str::to_string));
                    }
                }
                "tc" if table_depth == 1 => {
                    row.push(std::mem::take(&mut cell).join(" ").trim().to_string())
                }
                "tr" if table_depth == 1 => {
                    let cells: Vec<String> = std::mem::take(&mut row)
                        .into_iter()
                        .filter(|c| !c.is_empty())
                        .collect();
                    lines.push(cells.join("\t"));
                }
                "tbl" => table_depth = table_depth.saturating_sub(1),
                _ => {}
            },
            _ => {}
        }
    }
    Ok(Ingested {
        text: lines.join("\n"),
        format: Format::Docx,
        encoding: "UTF-8".to_string(),
    })
}
