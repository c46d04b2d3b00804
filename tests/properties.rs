#![cfg(not(target_arch = "wasm32"))]
//! The analysis never panics and its `Report` is always consistent, whatever the text.
//!
//! For every input: every span (headings, plan, commitments, targets, highlights,
//! paragraphs, boilerplate) is a char-boundary range of the text; the outline is a tree
//! whose parents come earlier and sit exactly one level up; sections, parts and the plan
//! point at real headings; commitments lie inside the plan section, in order and apart,
//! with unique ids, and their targets lie inside them; highlights are sorted and do not
//! overlap; the same text gives the same `Report`, which survives a JSON round trip.
//!
//! Inputs are report-like text built from what real reports and the web pages they are
//! copied from are made of (heading markers, enumerations, plan words, page furniture,
//! signatures and dates, documents, quotes and figures, odd spaces, NUL, every line
//! ending, emoji, right-to-left text, combining marks), corpus reports cut and mutated
//! with the same pieces, and arbitrary strings and bytes. Explicit tests cover huge
//! inputs, other line endings, a byte-order mark, NUL bytes, emoji and RTL text.
//! `PROPTEST_CASES=100000 cargo test --test properties` hunts longer.

use std::collections::HashSet;
use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::sample::select;
use report_lens::analysis::{analyze, Report, Span};

// ---------------------------------------------------------------------------------------
// The invariants
// ---------------------------------------------------------------------------------------

/// Returns the message as an error unless the condition holds.
macro_rules! ensure {
    ($holds:expr, $($message:tt)+) => {
        if !$holds {
            return Err(format!($($message)+));
        }
    };
}

fn span_ok(text: &str, s: Span, what: &str) -> Result<(), String> {
    let ok = s.start <= s.end && s.end <= text.len();
    let on_chars = ok && text.is_char_boundary(s.start) && text.is_char_boundary(s.end);
    ensure!(
        on_chars,
        "{what}: {s:?} is no char range of a {}-byte text",
        text.len()
    );
    Ok(())
}

fn inside(inner: Span, outer: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Every invariant of one `Report` made from `text`.
fn check(text: &str, r: &Report) -> Result<(), String> {
    let outline = &r.outline;
    for (i, h) in outline.iter().enumerate() {
        span_ok(text, h.span, &format!("heading {i}"))?;
        ensure!(h.level >= 1, "heading {i} has level {}", h.level);
        match h.parent {
            Some(p) => {
                ensure!(p < i, "heading {i} has parent {p}, not an earlier heading");
                let (pl, l) = (outline[p].level, h.level);
                ensure!(
                    pl < l && l <= pl + 1,
                    "heading {i} at level {l}, parent at {pl}"
                );
            }
            None => ensure!(
                h.level == 1,
                "heading {i} at level {} has no parent",
                h.level
            ),
        }
        let after_previous = i == 0 || outline[i - 1].span.end <= h.span.start;
        ensure!(
            after_previous,
            "heading {i} overlaps or precedes heading {}",
            i - 1
        );
        let marked = h.span.of(text).starts_with(&h.marker);
        ensure!(
            marked,
            "heading {i} does not start with its marker {:?}",
            h.marker
        );
    }
    for s in &r.sections {
        let top = outline.get(s.heading_index).is_some_and(|h| h.level == 1);
        ensure!(
            top,
            "section at heading {} is no top heading",
            s.heading_index
        );
    }
    for p in &r.parts {
        let real = p.heading_index.is_none_or(|i| i < outline.len());
        ensure!(real, "part {:?} points past the outline", p.part);
    }
    match &r.plan {
        Some(plan) => {
            span_ok(text, plan.span, "plan")?;
            if let Some(i) = plan.heading_index {
                let h = outline
                    .get(i)
                    .ok_or(format!("plan heading {i} is past the outline"))?;
                let titled = plan.heading.as_ref() == Some(&h.title);
                ensure!(titled, "plan heading {:?} is not heading {i}", plan.heading);
                let starts = plan.span.start == h.span.start;
                ensure!(starts, "plan {:?} does not start at its heading", plan.span);
            }
        }
        None => ensure!(
            r.commitments.is_empty(),
            "commitments without a plan section"
        ),
    }
    let plan = r.plan.as_ref().map_or(Span::new(0, 0), |p| p.span);
    let mut ids = HashSet::new();
    for (i, c) in r.commitments.iter().enumerate() {
        span_ok(text, c.span, &format!("commitment {i}"))?;
        ensure!(
            c.group.is_some() || inside(c.span, plan),
            "commitment {i} {:?} of the plan is outside it {plan:?}",
            c.span
        );
        let after_previous = i == 0 || r.commitments[i - 1].span.end <= c.span.start;
        ensure!(
            after_previous,
            "commitment {i} overlaps or precedes commitment {}",
            i - 1
        );
        ensure!(ids.insert(&c.id), "commitment {i} repeats the id {}", c.id);
        let covered = c.span.of(text);
        let first = c.text.split('\n').next().unwrap_or_default();
        let last = c.text.rsplit('\n').next().unwrap_or_default();
        let matches = covered.starts_with(first) && covered.ends_with(last);
        ensure!(
            matches,
            "commitment {i} text {:?} does not match its span",
            c.text
        );
        for (j, t) in c.targets.iter().enumerate() {
            span_ok(text, t.span, &format!("commitment {i} target {j}"))?;
            ensure!(
                inside(t.span, c.span),
                "commitment {i} target {j} is outside it"
            );
            ensure!(
                t.span.of(text) == t.text,
                "commitment {i} target {j} is not its span"
            );
        }
    }
    for (i, h) in r.highlights.iter().enumerate() {
        span_ok(text, h.span, &format!("highlight {i}"))?;
        ensure!(h.span.start < h.span.end, "highlight {i} is empty");
        let after_previous = i == 0 || r.highlights[i - 1].span.end <= h.span.start;
        ensure!(
            after_previous,
            "highlight {i} overlaps or precedes highlight {}",
            i - 1
        );
    }
    for (what, spans) in [
        ("paragraph", &r.paragraphs),
        ("boilerplate", &r.boilerplate),
    ] {
        for (i, &s) in spans.iter().enumerate() {
            span_ok(text, s, &format!("{what} {i}"))?;
            let after_previous = i == 0 || spans[i - 1].end <= s.start;
            ensure!(
                after_previous,
                "{what} {i} overlaps or precedes {what} {}",
                i - 1
            );
        }
    }
    Ok(())
}

/// Analyses `text` twice and checks the result: invariants, determinism, JSON round trip.
fn check_text(text: &str) -> Result<Report, String> {
    let report = analyze(text);
    check(text, &report)?;
    ensure!(analyze(text) == report, "the same text gave another report");
    let json = serde_json::to_string(&report).map_err(|e| e.to_string())?;
    let back: Report = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    ensure!(
        back == report,
        "the report does not survive a JSON round trip"
    );
    Ok(report)
}

fn assert_consistent(text: &str) -> Report {
    let report = analyze(text);
    if let Err(e) = check(text, &report) {
        panic!("{e}");
    }
    report
}

// ---------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------

/// Every `tests/fixtures/*.txt`, by name, in name order.
static CORPUS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut reports: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path
                .file_name()?
                .to_str()?
                .strip_suffix(".txt")?
                .to_string();
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            Some((name, text))
        })
        .collect();
    reports.sort();
    assert!(reports.len() >= 5, "the corpus reports are in {dir}");
    reports
});

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

// ---------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------

// Pieces of text, separated by `|`.
const MARKERS: &str = "一、|(一)|（一）|(一）|（一)|1.|1．|1﹒|1、|(1)|（1）|①|⑴|㈠|二、|(二)|2.|(2)|②|⑵|\
    ㈡|十、|十二、|二十、|九十九、|(十)|（十一）|12.|99、|１.|(２)|（１０）|⑳|⒇|㈩|0.|100.|1.35|一.|一．|\
    一是|(|（|)|）|、|(1-7天)|一、\u{301}";
const ENUMERATIONS: &str =
    "一是|二是|三是|四是|十是|第一，|第二，|第三、|第一,|第十，|首先，|其次，|再次，|\
    最后，|①|②|③|⑳|统一是|全省第一，";
const PUNCTUATION: &str = "。|；|;|，|,|：|:|！|？|、|……|”|）|)|”。";
const PLAN_WORDS: &str =
    "2023年工作计划|下一步，我们将|下一步,我们将继续|下步打算|工作打算|主要安排|\
    下一步工作思路|今后|明年|接下来|展望|2023年，我局将|2024年重点工作|2022年工作计划完成情况|\
    2023年度推进法治政府建设的主要安排";
const FURNITURE: &str =
    "首页 > 政务公开 > 通知公告|首页|> 政府信息公开 > 文件发布|您的位置: 首页 >|\
    发布日期:2023-01-05|发布日期:2023年1月5日 浏览次数:|\
    发布时间：2023-03-17 09:53:54\u{a0}\u{a0}信息来源:省营商局|来源: 发布时间:2022-03-31 09:35:00|\
    扫一扫在手机打开当前页|×|打印 关闭|【打印正文】|分享到:|字号:[小] [大]|robots";
const CLOSINGS: &str =
    "2023年2月2日|二〇二三年二月二日|二〇二三年十二月二十九日|2023年13月45日|年月日|\
    专此报告。|特此报告！|以上报告|巴中市政务服务和大数据管理局|商丘市人民政府：|\
    河南省行政审批和政务信息管理局关于2022年度法治政府建设情况的报告|\
    省政务办2022年度法治政府建设情况报告";
const ENTITIES: &str =
    "《|》|“|”|<|>|%|％|《河南省数据条例》|“一网通办”|《《嵌套》》|30项|1.35亿件|\
    8900余人|20余万条|7530万|98.24%|85.29％|9个百分点|6月底前|2024年底前|年底前|年内|全年|每季度|\
    2023-01-05|2023-1-5|2023-|2023年度|9月5日|12345|1.|．|0|99999999999999999999999|１２３|\
    2023年|1949年|2199年|20231年";
const SPACES: &str = " |\t|\u{3000}|\u{a0}|\u{feff}|\0|\u{2028}|\u{85}|\u{200b}|\u{200d}|\u{fe0f}|\
    \u{202e}|\u{202c}|\u{b}|\u{c}";
const BREAKS: &str = "\n|\n|\n|\r\n|\r|\n\r|\r\r\n|\n\n";
const EXOTIC: &str = "😀|👨‍👩‍👧|🇨🇳|🚀|مرحبا بالعالم|שלום עולם|\u{202e}مرحبا\u{202c}|e\u{301}|\u{301}|\
    \u{302}\u{303}\u{304}|一\u{301}|。\u{301}|\u{10ffff}|\u{fffd}|𠀀|ｱ";
const WORDS: &str =
    "加强组织领导|推进|完善制度|持续|将|要|进一步|深化改革|法治政府建设|情况|的报告|我局|\
    落实|主要举措及成效|存在的不足和原因|第一责任人|政府工作报告|甲";

/// One of the `|`-separated pieces of `list`.
fn pick(list: &'static str) -> BoxedStrategy<String> {
    let pieces: Vec<&'static str> = list.split('|').collect();
    select(pieces).prop_map(str::to_string).boxed()
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A heading marker from the list, or one built from a numeral and a style.
fn marker() -> impl Strategy<Value = String> {
    let chinese = pick("一|二|三|九|十|十一|二十|九十九|十十|〇");
    let chinese_style = pick("{}、|({})|（{}）|({}）|{}．|{}.");
    let arabic_style = pick("{}.|{}．|{}﹒|{}、|({})|（{}）|({}）");
    prop_oneof![
        3 => pick(MARKERS),
        2 => (chinese, chinese_style).prop_map(|(n, s)| s.replace("{}", &n)),
        2 => (0u32..130, any::<bool>(), arabic_style).prop_map(|(n, wide, s)| {
            let n = if wide { full_width(&n.to_string()) } else { n.to_string() };
            s.replace("{}", &n)
        }),
    ]
}

/// A date, in Arabic or Chinese numerals of any length, such as `2023年2月2日`,
/// `二〇二三年十二月二十九日` or `九九九九九九九九九九年一月一日`.
fn date() -> impl Strategy<Value = String> {
    let numeral = || {
        prop_oneof![
            proptest::collection::vec(select(&['〇', '零', '一', '二', '九', '十'][..]), 1..14)
                .prop_map(String::from_iter),
            proptest::collection::vec(select(&['0', '1', '2', '9', '０'][..]), 1..14)
                .prop_map(String::from_iter),
        ]
    };
    (numeral(), numeral(), numeral(), any::<bool>()).prop_map(|(y, m, d, iso)| match iso {
        true => format!("{y}-{m}-{d}"),
        false => format!("{y}年{m}月{d}日"),
    })
}

/// One piece of a line.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => pick(WORDS),
        3 => pick(ENUMERATIONS),
        4 => pick(PUNCTUATION),
        2 => pick(PLAN_WORDS),
        3 => pick(ENTITIES),
        2 => pick(SPACES),
        2 => pick(EXOTIC),
        1 => pick(CLOSINGS),
        1 => date(),
        1 => marker(),
        1 => any::<char>().prop_map(String::from),
        1 => proptest::collection::vec(any::<char>(), 0..6).prop_map(String::from_iter),
    ]
}

/// A line: furniture, a closing line, or an optional marker and some pieces, padded.
fn line() -> impl Strategy<Value = String> {
    let padding = || proptest::collection::vec(pick(SPACES), 0..3).prop_map(|v| v.concat());
    let body = (
        padding(),
        proptest::option::weighted(0.5, marker()),
        proptest::collection::vec(fragment(), 0..12),
        padding(),
    )
        .prop_map(|(lead, marker, pieces, trail)| {
            format!(
                "{lead}{}{}{trail}",
                marker.unwrap_or_default(),
                pieces.concat()
            )
        });
    prop_oneof![
        8 => body,
        1 => pick(FURNITURE),
        1 => pick(CLOSINGS),
        1 => date(),
        1 => date().prop_map(|d| format!("发布日期:{d}")),
        1 => pick(PLAN_WORDS),
        1 => marker(),
    ]
}

/// Lines joined by every kind of line ending.
fn report_like() -> impl Strategy<Value = String> {
    proptest::collection::vec((line(), pick(BREAKS)), 0..40)
        .prop_map(|lines| lines.into_iter().map(|(l, b)| l + &b).collect())
}

/// Pieces and line breaks in any order.
fn soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => fragment(),
        2 => pick(BREAKS),
        1 => pick(FURNITURE),
        1 => marker(),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// A window of a corpus report, with pieces inserted, bytes cut and its line endings
/// changed.
fn mutated_corpus() -> impl Strategy<Value = String> {
    let edit = prop_oneof![
        3 => fragment().prop_map(Some),
        1 => pick(BREAKS).prop_map(Some),
        1 => Just(None),
    ];
    (
        0..CORPUS.len(),
        any::<usize>(),
        0usize..6000,
        proptest::collection::vec((any::<usize>(), edit, 0usize..40), 0..12),
        0u8..4,
    )
        .prop_map(|(which, from, len, edits, endings)| {
            let source = &CORPUS[which].1;
            let start = floor_boundary(source, from % (source.len() + 1));
            let end = floor_boundary(source, start.saturating_add(len));
            let mut text = source[start..end].to_string();
            for (at, edit, cut) in edits {
                let at = floor_boundary(&text, at % (text.len() + 1));
                match edit {
                    Some(piece) => text.insert_str(at, &piece),
                    None => {
                        let to = floor_boundary(&text, at + cut);
                        text.replace_range(at..to, "");
                    }
                }
            }
            match endings {
                0 => text,
                1 => text.replace('\n', "\r\n"),
                2 => text.replace('\n', "\r"),
                _ => mixed_endings(&text),
            }
        })
}

/// `text` with its `\n` line endings replaced in turn by `\r\n`, `\r` and `\n`.
fn mixed_endings(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 20);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str(["\r\n", "\r", "\n"][i % 3]);
        }
        out.push_str(line);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

/// `cases` cases, unless `PROPTEST_CASES` asks for another number (for a longer hunt).
/// Failures are not saved to a file: the message gives the minimal input, which belongs
/// in an explicit test below.
fn cases(cases: u32) -> ProptestConfig {
    let default = ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    match std::env::var_os("PROPTEST_CASES") {
        Some(_) => default,
        None => ProptestConfig { cases, ..default },
    }
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn report_like_text_gives_a_consistent_report(text in report_like()) {
        check_text(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_mix_of_pieces_gives_a_consistent_report(text in soup()) {
        check_text(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn arbitrary_strings_give_a_consistent_report(text in any::<String>()) {
        check_text(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn arbitrary_bytes_give_a_consistent_report(
        bytes in proptest::collection::vec(any::<u8>(), 0..400)
    ) {
        check_text(&String::from_utf8_lossy(&bytes)).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn mutated_corpus_reports_give_a_consistent_report(text in mutated_corpus()) {
        check_text(&text).map_err(TestCaseError::fail)?;
    }
}

// ---------------------------------------------------------------------------------------
// Explicit inputs
// ---------------------------------------------------------------------------------------

#[test]
fn corpus_reports_are_consistent() {
    for (name, text) in CORPUS.iter() {
        if let Err(e) = check_text(text) {
            panic!("{name}: {e}");
        }
    }
}

#[test]
fn ten_megabytes_of_corpus_reports() {
    let round: String = CORPUS.iter().map(|(_, t)| format!("{t}\n")).collect();
    let text = round.repeat((10 << 20) / round.len() + 1);
    assert!(text.len() >= 10 << 20);
    let report = assert_consistent(&text);
    assert!(!report.commitments.is_empty());
}

#[test]
fn one_two_megabyte_line() {
    let unit = "一是加强组织领导，二是推进《条例》“一网通办”30项98%年底前；2023年工作计划。(一)😀مرحبا\u{3000}";
    let text = unit.repeat((2 << 20) / unit.len() + 1);
    assert!(!text.contains(['\n', '\r']));
    assert_consistent(&text);
    assert_consistent(&format!("一、2023年工作计划。{text}"));
}

#[test]
fn a_hundred_thousand_lines_of_bare_markers() {
    let markers = ["一、", "(一)", "1."].repeat(100_000 / 3 + 1)[..100_000].to_vec();
    let report = assert_consistent(&markers.join("\n"));
    assert!(report.outline.is_empty(), "a marker alone is not a heading");
    assert!(report.commitments.is_empty());

    // With a character of text each, they are headings nested three deep.
    let text: Vec<String> = markers.iter().map(|m| format!("{m}甲")).collect();
    let report = assert_consistent(&text.join("\n"));
    assert_eq!(report.outline.len(), 100_000);
    let levels = report.outline.iter().map(|h| h.level);
    assert!(levels
        .zip([1, 2, 3].iter().cycle())
        .all(|(l, &want)| l == want));
}

fn titles(report: &Report) -> (Vec<(u8, String)>, Vec<String>) {
    (
        report
            .outline
            .iter()
            .map(|h| (h.level, h.title.clone()))
            .collect(),
        report.commitments.iter().map(|c| c.title.clone()).collect(),
    )
}

#[test]
fn line_endings_do_not_change_the_outline_or_the_checklist() {
    for (name, text) in CORPUS.iter() {
        let want = titles(&analyze(text));
        for (ending, variant) in [
            ("CRLF", text.replace('\n', "\r\n")),
            ("CR", text.replace('\n', "\r")),
            ("mixed", mixed_endings(text)),
        ] {
            let report = assert_consistent(&variant);
            assert_eq!(titles(&report), want, "{name} with {ending} line endings");
        }
    }
}

#[test]
fn a_byte_order_mark_does_not_change_the_checklist() {
    let bom = '\u{feff}'.len_utf8();
    for (name, text) in CORPUS.iter() {
        let want = analyze(text);
        let got = assert_consistent(&format!("\u{feff}{text}"));
        assert_eq!(got.meta, want.meta, "{name}: metadata");
        assert_eq!(titles(&got), titles(&want), "{name}: titles");
        assert_eq!(got.commitments.len(), want.commitments.len(), "{name}");
        for (g, w) in got.commitments.iter().zip(&want.commitments) {
            assert_eq!(
                (&g.id, &g.title, &g.text, &g.parent),
                (&w.id, &w.title, &w.text, &w.parent),
                "{name}"
            );
            assert_eq!(
                g.span,
                Span::new(w.span.start + bom, w.span.end + bom),
                "{name}"
            );
        }
    }
}

#[test]
fn nul_bytes_inside() {
    let text = &CORPUS
        .iter()
        .find(|(n, _)| n.starts_with("henan"))
        .expect("henan")
        .1;
    let mut with_nuls = String::new();
    for (i, c) in text.chars().enumerate() {
        if i % 37 == 0 {
            with_nuls.push('\0');
        }
        with_nuls.push(c);
    }
    assert_consistent(&with_nuls);
    assert_consistent(&text.replace('\n', "\n\0"));
    assert_consistent(&text.replace('。', "\0。\0"));
    assert_consistent("\0");
    assert_consistent("\0\n\0\r\0\r\n一、\0\n(一)\0甲\n二、2023年工作计划\0\n1.\0\0。");
}

#[test]
fn emoji_and_right_to_left_text() {
    let text = "关于2022年度工作的报告😀\n\
                一、工作成效🚀\n\
                (一)推进改革👨‍👩‍👧。\n\
                二、2023年工作计划\u{202e}\n\
                (一)加强 مرحبا 建设。一是ש\u{5b8}לוֹם；二是e\u{301}🇨🇳。\n\
                (二)完善שלום制度👨‍👩‍👧。\n";
    let report = assert_consistent(text);
    assert_eq!(report.outline.len(), 5);
    assert_eq!(report.commitments.len(), 3);
    assert!(report.commitments[0].text.contains("ש\u{5b8}לוֹם"));
    assert!(report.commitments[1].text.contains("e\u{301}🇨🇳"));
    assert!(report.commitments[2].title.contains("שלום"));

    let rtl = "\u{202b}مرحبا بالعالم。\u{202c}\n١٢٣\n1.שלום עולם\n(1)😀😀😀\n\u{301}\u{301}";
    assert_consistent(rtl);
}

/// Dates of ten or more Chinese digits once overflowed the year (a panic in debug builds,
/// a wrapped, plausible year in release builds).
#[test]
fn a_date_of_many_chinese_digits_is_no_date() {
    assert_consistent("九九九九九九九九九九年一月一日");
    assert_consistent("发布日期:一〇〇〇〇〇〇〇〇〇〇年〇月〇日\n");
    let report = analyze("一、甲\n四二九四九六九三一九年一月一日");
    assert_eq!(report.meta.signed, None);
}

/// A plan of tens of thousands of items (their ids once took quadratic time to make
/// unique; `benches/analysis.rs` measures the speed).
#[test]
fn thirty_thousand_commitments() {
    let items: String = (0..30_000)
        .map(|i| format!("(一)推进第{i}项改革。\n"))
        .collect();
    let text = format!("关于2022年度工作的报告\n一、2023年工作计划\n{items}");
    let report = analyze(&text);
    assert_eq!(report.commitments.len(), 30_000);
    assert_consistent(&text);
}
