//! Things worth marking inside a passage: figures, percentages, dates, deadlines and
//! periods, 《cited documents》 and “quoted slogans”.
//!
//! One left-to-right scan of a passage yields non-overlapping entities: a document or a
//! quote is taken whole, so figures inside it are part of it. The same entities serve as
//! the structure view's highlights and as a commitment's measurable targets.

use super::report::Span;
use memchr::memchr;

use super::scan::{digit, is_space, CharSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    /// A number; `with_unit` when a unit or magnitude follows (`30项`, `7530万`).
    Figure {
        with_unit: bool,
    },
    Percentage,
    Date,
    /// `年底前`, `6月底前`, `2024年6月底前`, `年内`
    Deadline,
    /// `全年`, `每季度`, `上半年`
    Period,
    Document,
    Quote,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity {
    pub kind: EntityKind,
    pub span: Span,
}

/// Units that make a number a quantity, longest first where one starts another.
const UNITS: &[&str] = &[
    "个工作日",
    "个月",
    "人次",
    "万元",
    "亿元",
    "平方米",
    "平方公里",
    "公里",
    "小时",
    "分钟",
    "工作日",
    "项",
    "个",
    "件",
    "人",
    "次",
    "家",
    "条",
    "元",
    "天",
    "所",
    "场",
    "期",
    "篇",
    "批",
    "类",
    "座",
    "处",
    "台",
    "套",
    "张",
    "份",
    "户",
    "名",
    "支",
    "部",
    "本",
    "款",
    "种",
    "门",
    "亩",
    "吨",
    "倍",
    "轮",
    "年",
    "周",
    "岁",
    "栋",
    "辆",
    "枚",
    "封",
    "宗",
    "起",
    "例",
];

/// Time words, longest first; those ending a period before which something is due are
/// deadlines, the others periods.
const TIME_WORDS: &[(&str, EntityKind)] = &[
    ("年底前", EntityKind::Deadline),
    ("年内", EntityKind::Deadline),
    ("年底", EntityKind::Deadline),
    ("上半年", EntityKind::Period),
    ("下半年", EntityKind::Period),
    ("全年", EntityKind::Period),
    ("每年", EntityKind::Period),
    ("每季度", EntityKind::Period),
    ("每月", EntityKind::Period),
    ("每周", EntityKind::Period),
];

/// True for the characters the time words start with: `scan` looks them up only there.
fn starts_time_word(c: char) -> bool {
    matches!(c, '年' | '上' | '下' | '全' | '每')
}

/// After a date, these make it a deadline: `6月底前`, `2024年底前`, `3月前`.
const DEADLINE_SUFFIXES: &[&str] = &[
    "底前",
    "末前",
    "中旬前",
    "上旬前",
    "下旬前",
    "前",
    "底",
    "末",
];

/// The longest passage a document title or quote may span.
const MAX_ENCLOSED_CHARS: usize = 120;

/// Byte length of the run of digits at the start of `s`, and how many digits it holds.
fn digits(s: &str) -> (usize, usize) {
    let mut len = 0;
    let mut count = 0;
    for c in s.chars() {
        if digit(c).is_none() {
            break;
        }
        len += c.len_utf8();
        count += 1;
    }
    (len, count)
}

/// The first of `options` that `s` starts with.
fn starts_with_any<'a>(s: &str, options: &[&'a str]) -> Option<&'a str> {
    options.iter().copied().find(|o| begins_with(s, o))
}

/// `s.starts_with(word)`, by the first and last bytes of `word` before the whole: most
/// words looked for differ in one of them, and a long list (the units) is looked through
/// at every figure.
fn begins_with(s: &str, word: &str) -> bool {
    let (s, word) = (s.as_bytes(), word.as_bytes());
    match (word.first(), word.last(), s.get(..word.len())) {
        (Some(first), Some(last), Some(head)) => {
            head[0] == *first && head[word.len() - 1] == *last && head == word
        }
        _ => false,
    }
}

/// Reads `M月`, optionally followed by `D日`, at the start of `s`; returns its length.
fn month_day(s: &str) -> Option<usize> {
    let (m, count) = digits(s);
    if count == 0 || count > 2 {
        return None;
    }
    let mut len = m + s[m..].strip_prefix('月').map(|_| '月'.len_utf8())?;
    let (d, count) = digits(&s[len..]);
    if (1..=2).contains(&count) && s[len + d..].starts_with('日') {
        len += d + '日'.len_utf8();
    }
    Some(len)
}

/// Reads a date or deadline at a digit: `2023年`, `2023年度`, `2023年2月2日`,
/// `2023-01-05`, `9月5日`, `6月底前`, `2024年底前`. Returns its kind and length.
fn date_at(s: &str) -> Option<(EntityKind, usize)> {
    let (d, count) = digits(s);
    let mut len;
    if count == 4 && s[d..].starts_with('年') {
        len = d + '年'.len_utf8();
        if s[len..].starts_with('度') {
            len += '度'.len_utf8();
        } else if let Some(md) = month_day(&s[len..]) {
            len += md;
        }
    } else if count == 4 && s[d..].starts_with('-') {
        let rest = &s[d + 1..];
        let (m, mc) = digits(rest);
        let day = rest[m..].strip_prefix('-').map(digits);
        match day {
            Some((dl, dc)) if mc == 2 && dc == 2 => {
                return Some((EntityKind::Date, d + 1 + m + 1 + dl))
            }
            _ => return None,
        }
    } else {
        len = month_day(s)?;
    }
    match starts_with_any(&s[len..], DEADLINE_SUFFIXES) {
        Some(suffix) => Some((EntityKind::Deadline, len + suffix.len())),
        None => Some((EntityKind::Date, len)),
    }
}

/// Reads a number and what follows it: a percentage, or a figure with its magnitude
/// (`万`, `亿`), an approximation (`余`, `多`) and a unit.
fn figure_at(s: &str) -> (EntityKind, usize) {
    let (mut len, _) = digits(s);
    if let Some(after_point) = s[len..].strip_prefix(['.', '．']) {
        let (frac, count) = digits(after_point);
        if count > 0 {
            len += s[len..].len() - after_point.len() + frac;
        }
    }
    if let Some(sign) = starts_with_any(&s[len..], &["%", "％", "个百分点"]) {
        return (EntityKind::Percentage, len + sign.len());
    }
    let number_end = len;
    for part in [
        &["余", "多"][..],
        &["万", "亿", "千"][..],
        &["余", "多"][..],
    ] {
        if let Some(p) = starts_with_any(&s[len..], part) {
            len += p.len();
        }
    }
    if let Some(unit) = starts_with_any(&s[len..], UNITS) {
        len += unit.len();
    }
    let with_unit = len > number_end && !s[number_end..len].chars().all(|c| c == '余' || c == '多');
    if !with_unit {
        len = number_end;
    }
    (EntityKind::Figure { with_unit }, len)
}

/// Reads `open…close` at the start of `s`, allowing the pair to nest.
fn enclosed(s: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s.char_indices().take(MAX_ENCLOSED_CHARS) {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(i + c.len_utf8());
            }
        }
    }
    None
}

/// The entities of a text's lines, each line scanned once: a passage inside a line (a
/// commitment's piece) takes its entities from there instead of scanning again.
pub struct Scanned<'a> {
    text: &'a str,
    lines: Vec<Span>,
    entities: Vec<Entity>,
}

impl<'a> Scanned<'a> {
    /// Scans each of `lines` (in order, not overlapping) of `text`.
    pub fn new(text: &'a str, lines: impl Iterator<Item = Span>) -> Self {
        let lines: Vec<Span> = lines.collect();
        let entities = lines.iter().flat_map(|&l| scan(text, l)).collect();
        Scanned {
            text,
            lines,
            entities,
        }
    }

    /// Every entity of the lines, in order.
    pub fn all(&self) -> &[Entity] {
        &self.entities
    }

    /// The entities of `piece`, the same as `scan(text, piece)`: those of the line it lies
    /// in, when none of them runs over the piece's ends (and the piece does not start in
    /// the middle of a number); else the piece is scanned on its own.
    pub fn within(&self, piece: Span) -> Vec<Entity> {
        let line = self.lines.partition_point(|l| l.start <= piece.start);
        let inside = line
            .checked_sub(1)
            .is_some_and(|l| self.lines[l].end >= piece.end);
        let first = self.entities.partition_point(|e| e.span.end <= piece.start);
        let overlapping = self.entities[first..]
            .iter()
            .take_while(|e| e.span.start < piece.end);
        let runs_over = || {
            overlapping
                .clone()
                .any(|e| e.span.start < piece.start || e.span.end > piece.end)
        };
        let mid_number = || {
            let before = self.text[..piece.start].chars().next_back();
            let at = self.text[piece.start..].chars().next();
            before.is_some_and(|p| digit(p).is_some() || p == '.')
                && at.is_some_and(|c| digit(c).is_some())
        };
        if !inside || runs_over() || mid_number() {
            return scan(self.text, piece);
        }
        overlapping.copied().collect()
    }
}

/// The characters an entity may start with (`scan` looks closer only at them): `《`,
/// `“`, the digits, half- and full-width, and the first characters of the time words.
static ENTITY_STARTS: CharSet = CharSet::new(&[
    '《', '“', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '０', '１', '２', '３', '４',
    '５', '６', '７', '８', '９', '年', '上', '下', '全', '每',
]);

/// The entities in `segment` of `text`, left to right, not overlapping. A segment with a
/// line break in it is a line joined from a wrapped copy (`lines::join_hard_wrapped`),
/// whose breaks may cut a number from its unit or its decimals (`7` / `.5万家`): it is
/// scanned with its breaks, and the spaces around them, taken out, and an entity cut by
/// one spans the break.
pub fn scan(text: &str, segment: Span) -> Vec<Entity> {
    let s = segment.of(text);
    if memchr(b'\n', s.as_bytes()).is_none() {
        return scan_line(s, segment.start);
    }
    let (joined, chunks) = unwrapped(s);
    // Where byte `at` of `joined` is in `text`.
    let original = |at: usize| {
        let (from, to) = chunks[chunks.partition_point(|c| c.0 <= at) - 1];
        segment.start + to + (at - from)
    };
    scan_line(&joined, 0)
        .into_iter()
        .map(|e| Entity {
            kind: e.kind,
            span: Span::new(original(e.span.start), original(e.span.end - 1) + 1),
        })
        .collect()
}

/// `s` with its line breaks, and the spaces around them, taken out; and where each of
/// its lines starts, in the result and in `s`.
fn unwrapped(s: &str) -> (String, Vec<(usize, usize)>) {
    let mut joined = String::with_capacity(s.len());
    let mut chunks = Vec::new();
    let mut at = 0;
    for (i, line) in s.split('\n').enumerate() {
        let lead = if i == 0 {
            0
        } else {
            line.len() - line.trim_start_matches(is_space).len()
        };
        chunks.push((joined.len(), at + lead));
        joined.push_str(line[lead..].trim_end_matches(is_space));
        at += line.len() + 1;
    }
    (joined, chunks)
}

/// The entities of `s`, one line, at `offset` in its text.
fn scan_line(s: &str, offset: usize) -> Vec<Entity> {
    let mut found = Vec::new();
    // The first byte after the last entity found.
    let mut free_from = 0;
    for (i, c) in s.char_indices() {
        if i < free_from || !ENTITY_STARTS.may_hold(c) {
            continue;
        }
        let rest = &s[i..];
        let entity = match c {
            '《' => enclosed(rest, '《', '》').map(|n| (EntityKind::Document, n)),
            '“' => enclosed(rest, '“', '”').map(|n| (EntityKind::Quote, n)),
            '0'..='9' | '０'..='９' => {
                // A number starts after neither a digit nor a point.
                let after_number = s[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| digit(p).is_some() || p == '.');
                (!after_number).then(|| date_at(rest).unwrap_or_else(|| figure_at(rest)))
            }
            _ if starts_time_word(c) => TIME_WORDS
                .iter()
                .find(|(word, _)| begins_with(rest, word))
                .map(|&(word, kind)| (kind, word.len())),
            _ => None,
        };
        if let Some((kind, len)) = entity.filter(|&(_, len)| len > 0) {
            found.push(Entity {
                kind,
                span: Span::new(offset + i, offset + i + len),
            });
            free_from = i + len;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(EntityKind, &str)> {
        scan(s, Span::new(0, s.len()))
            .into_iter()
            .map(|e| (e.kind, e.span.of(s)))
            .collect()
    }

    #[test]
    fn a_figure_cut_by_a_wrapped_line_is_read_whole_and_spans_the_break() {
        let line = "科技型企业突破7\n  .5万家，纪念80周\n年";
        let found = scan(line, Span::new(0, line.len()));
        let spans: Vec<(EntityKind, &str)> =
            found.iter().map(|e| (e.kind, e.span.of(line))).collect();
        assert_eq!(
            spans,
            [
                (EntityKind::Figure { with_unit: true }, "7\n  .5万家"),
                (EntityKind::Figure { with_unit: true }, "80周"),
            ]
        );
    }

    #[test]
    fn figures_with_and_without_units() {
        use EntityKind::*;
        assert_eq!(
            kinds("完成30项,新增1.35亿件,累计8900余人,20余万条,共7530万,第2位"),
            [
                (Figure { with_unit: true }, "30项"),
                (Figure { with_unit: true }, "1.35亿件"),
                (Figure { with_unit: true }, "8900余人"),
                (Figure { with_unit: true }, "20余万条"),
                (Figure { with_unit: true }, "7530万"),
                (Figure { with_unit: false }, "2"),
            ]
        );
    }

    #[test]
    fn percentages() {
        use EntityKind::*;
        assert_eq!(
            kinds("达98.24%,提升9个百分点,占85.29％"),
            [
                (Percentage, "98.24%"),
                (Percentage, "9个百分点"),
                (Percentage, "85.29％")
            ]
        );
    }

    #[test]
    fn dates_deadlines_and_periods() {
        use EntityKind::*;
        assert_eq!(
            kinds("2023年2月2日印发,2022年度,9月5日至11日,2023-01-05,6月底前,2024年底前,年底前,全年,每季度"),
            [
                (Date, "2023年2月2日"),
                (Date, "2022年度"),
                (Date, "9月5日"),
                (Figure { with_unit: false }, "11"),
                (Date, "2023-01-05"),
                (Deadline, "6月底前"),
                (Deadline, "2024年底前"),
                (Deadline, "年底前"),
                (Period, "全年"),
                (Period, "每季度"),
            ]
        );
    }

    #[test]
    fn documents_and_quotes_are_taken_whole() {
        use EntityKind::*;
        assert_eq!(
            kinds(
                "印发《巴中市行政许可事项清单(2022年版)》和“一网通办”,《河南省贯彻<条例>实施细则》"
            ),
            [
                (Document, "《巴中市行政许可事项清单(2022年版)》"),
                (Quote, "“一网通办”"),
                (Document, "《河南省贯彻<条例>实施细则》"),
            ]
        );
    }

    /// Every piece of every line of a real report gets the entities it gets scanned alone.
    #[test]
    fn a_piece_of_a_line_has_the_entities_of_its_own_scan() {
        let text = include_str!("../../tests/fixtures/henan-approval-bureau-2022.txt");
        let lines = text.split_inclusive('\n').scan(0, |at, line| {
            let span = Span::new(*at, *at + line.trim_end().len());
            *at += line.len();
            Some(span)
        });
        let scanned = Scanned::new(text, lines.clone());
        for line in lines {
            let bounds: Vec<usize> = (line.start..=line.end)
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for (n, &from) in bounds.iter().enumerate() {
                for &to in bounds[n..].iter().step_by(7) {
                    let piece = Span::new(from, to);
                    assert_eq!(scanned.within(piece), scan(text, piece), "{piece:?}");
                }
            }
        }
    }

    #[test]
    fn every_time_word_starts_with_a_character_scan_looks_at() {
        for (word, _) in TIME_WORDS {
            assert!(word.starts_with(starts_time_word), "{word}");
            let first = word.chars().next().unwrap_or_default();
            assert!(ENTITY_STARTS.may_hold(first), "{word}");
        }
    }

    #[test]
    fn an_unclosed_quote_is_not_an_entity() {
        assert_eq!(kinds("“未闭合的引号"), []);
    }
}
