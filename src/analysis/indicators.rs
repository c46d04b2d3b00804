//! The numbers a report commits to and the ones it reports: the year's main expected
//! targets (`今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，…`) and what the review
//! says was achieved (`地区生产总值增长5.2%`), each as an `Indicator` named from one fixed
//! vocabulary (`VOCABULARY`), so that reports can be compared and a year's targets
//! followed into the next year's results.
//!
//! The targets passage is found by its lead (`主要预期目标`, `主要目标是`, `预期目标是`),
//! wherever it stands, the lead alone on its line included (its targets then follow on
//! the next lines); it runs on over the sentences that name an indicator with a figure.
//! Each clause of it is one target: its name from the vocabulary (the wording that comes
//! first in the clause), else a short name of its own; its figure, range, unit and
//! qualifier as written; a clause without a figure (`国际收支基本平衡`) is a target
//! without a value. A clause about five years (`年均`, `五年`) or a later year is not the
//! year's target: it is left out, and said (`Warning::TargetLeftOut`). Results are read
//! from the review only, once per vocabulary indicator: its first statement with a
//! figure, outside five-year totals and averages.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::report::{Indicator, IndicatorRole, Span};
use super::scan::CharSet;
use super::text::years;

/// The fixed vocabulary: each name with the wordings that mean it. The national
/// report's names (`国内生产总值…`) come before the provinces' (`地区生产总值…`), whose
/// wordings they would otherwise share.
pub const VOCABULARY: &[(&str, &[&str])] = &[
    (
        "单位国内生产总值能耗降低",
        &["单位国内生产总值能耗", "单位国内生产总值能源消耗"],
    ),
    (
        "单位国内生产总值二氧化碳排放降低",
        &["单位国内生产总值二氧化碳排放"],
    ),
    (
        "单位地区生产总值能耗降低",
        &[
            "单位地区生产总值能耗",
            "单位生产总值能耗",
            "单位GDP能耗",
            "能耗强度",
        ],
    ),
    (
        "单位地区生产总值二氧化碳排放降低",
        &[
            "单位地区生产总值二氧化碳排放",
            "单位生产总值二氧化碳排放",
            "单位GDP二氧化碳排放",
            "二氧化碳排放强度",
            "碳排放强度",
        ],
    ),
    ("国内生产总值增长", &["国内生产总值"]),
    ("地区生产总值增长", &["地区生产总值", "生产总值", "GDP"]),
    (
        "一般公共预算收入增长",
        &[
            "地方一般公共预算收入",
            "地方级一般公共预算收入",
            "一般公共预算收入",
            "公共财政收入",
            "财政收入",
        ],
    ),
    ("固定资产投资增长", &["全社会固定资产投资", "固定资产投资"]),
    ("社会消费品零售总额增长", &["社会消费品零售总额"]),
    (
        "规模以上工业增加值增长",
        &["规模以上工业增加值", "规上工业增加值", "规模工业增加值"],
    ),
    (
        "进出口总额增长",
        &[
            "货物贸易进出口总额",
            "进出口总额",
            "外贸进出口",
            "货物进出口",
            "进出口",
        ],
    ),
    ("城镇新增就业", &["城镇新增就业"]),
    ("城镇调查失业率", &["城镇调查失业率", "调查失业率"]),
    (
        "居民消费价格涨幅",
        &["居民消费价格", "CPI", "物价涨幅", "物价总水平"],
    ),
    ("城镇居民人均可支配收入增长", &["城镇居民人均可支配收入"]),
    ("农村居民人均可支配收入增长", &["农村居民人均可支配收入"]),
    (
        "居民人均可支配收入增长",
        &[
            "全体居民人均可支配收入",
            "居民人均可支配收入",
            "居民可支配收入",
        ],
    ),
    ("粮食产量", &["粮食产量", "粮食总产量", "粮食总产"]),
    (
        "研发经费投入强度",
        &[
            "研发经费投入强度",
            "研究与试验发展经费投入强度",
            "R&D经费投入强度",
            "全社会研发投入强度",
            "研发投入强度",
        ],
    ),
];

/// Wordings that name an indicator only when a figure follows at once (`经济增长5.5%左右`,
/// but not `居民收入增长和经济增长同步`).
const BEFORE_A_FIGURE: &[(&str, &str)] = &[("经济增长", "地区生产总值增长")];

/// Words that lead the targets passage, and their searchers over a whole text.
const LEADS: &[&str] = &["主要预期目标", "主要目标是", "预期目标是"];
static LEAD_FINDERS: LazyLock<Vec<Finder<'static>>> =
    LazyLock::new(|| LEADS.iter().map(Finder::new).collect());
/// Searchers of the words a sentence that reviews the year opens with, over a whole text.
static YEAR_REVIEWED: LazyLock<[Finder<'static>; 2]> =
    LazyLock::new(|| [Finder::new("过去一年"), Finder::new("去年")]);
/// Words of a clause (or a lead's sentence) about five years, a plan period or a total
/// over them: not the year's (`“十二五”时期`, `今后五年`, `年均`).
const FIVE_YEAR_WORDS: &[&str] = &[
    "年均",
    "五年",
    "累计",
    "时期",
    "规划",
    "五”",
    "五\"",
    "十四五",
    "十五五",
];
/// Words written after a figure that qualify it, and the one written before it.
const QUALIFIERS_AFTER: &[&str] = &["左右", "以上", "以内", "以下"];
/// The characters a unit written after a figure is made of (`%`, `万人`, `亿斤`, `万元/人`).
const UNIT_CHARS: &str = "%％‰万亿千百元人次斤吨亩户套辆个件座所家公里瓦时/";
/// Units of characters that also mean other things (`11方面` is no unit), read whole.
const WHOLE_UNITS: &[&str] = &["个百分点", "万平方米", "平方公里", "平方米"];
/// Clauses of the targets passage that qualify the others rather than set a target.
const HEDGES: &[&str] = &[
    "争取更好",
    "实际工作中",
    "根据实际情况",
    "的基础上",
    "前提下",
];
/// Openings of a sentence after the targets, in their paragraph.
const AFTER_THE_TARGETS: &[&str] = &[
    "实现",
    "为实现",
    "完成",
    "这里",
    "这些",
    "上述",
    "为此",
    "做好",
    "确定",
    "总的考虑",
    "确保",
];
/// Words that join a target to the one before, not part of it (`同时，要在…取得新进展`).
const CONNECTIVES: &[&str] = &["同时", "要", "并"];
/// Wordings that name an indicator only at the start of a clause (`进出口保稳提质`), not
/// inside a longer name (`跨境电商进出口`).
const AT_THE_START: &[&str] = &["进出口"];
/// Words a clause may open with before the indicator it names or goes on stating.
const OPENINGS: &[&str] = &["全省", "全市", "全区", "全年", "今年", "去年", "实际"];
/// Wordings that name an indicator in a result only, where its unit tells it
/// (`粮食播种面积1266.6万亩、产量514.4万吨`).
const RESULT_WORDINGS: &[(&str, &str)] = &[("粮食", "粮食产量")];
/// Words with which a clause goes on stating the indicator the clause before named
/// (`地区生产总值突破5万亿元，增长5.2%`), after the year or `全年` it may open with.
const GOING_ON: &[&str] = &[
    "总产",
    "产量",
    "增长",
    "下降",
    "上涨",
    "增加",
    "提高",
    "降低",
    "达到",
    "突破",
    "实现",
    "比上年",
    "同比",
];
/// Most characters a clause outside the vocabulary keeps as its own name.
const OWN_NAME_CHARS: usize = 16;

/// The targets and results of a report, in document order, and the clauses of its
/// targets passage left out (about five years, or a later year). `paragraphs` are the
/// report's lines of text and headings in order; `review` the runs of its review (its
/// problems too: a price rise may be told there), where results are read (of a review of
/// five years, `five_years`, only the sentences that mark the year: `去年`, `比上年`), with
/// any sentence elsewhere that opens on the year reviewed (`过去一年，…`, `去年…`) and the
/// rest of its paragraph; `plan_year` is the year the targets are for and `reviewed` the
/// year the review reports on.
pub fn find(
    text: &str,
    paragraphs: &[Span],
    (review, five_years): (&[Span], bool),
    plan_year: Option<u32>,
    reviewed: Option<u32>,
) -> (Vec<Indicator>, Vec<Span>) {
    let unwrapped = Unwrapped::new(text, paragraphs);
    let flat =
        |spans: &[Span]| -> Vec<Span> { spans.iter().map(|&s| unwrapped.to_flat(s)).collect() };
    let (mut indicators, left_out) = find_in(
        &unwrapped.text,
        &flat(paragraphs),
        (&flat(review), five_years),
        plan_year,
        reviewed,
    );
    for indicator in &mut indicators {
        indicator.span = unwrapped.to_original(indicator.span);
    }
    let left_out = left_out
        .into_iter()
        .map(|s| unwrapped.to_original(s))
        .collect();
    (indicators, left_out)
}

/// A text with the line breaks inside its lines taken out: a paragraph hard-wrapped at a
/// width, which the analysis joined back into one line, reads as one (`地区生产总\n值增长5%`
/// is `地区生产总值增长5%`). Borrowed as it is when no line holds a break.
struct Unwrapped<'a> {
    text: Cow<'a, str>,
    /// Where each break taken out was, in the text, in order.
    gone: Vec<usize>,
}

impl<'a> Unwrapped<'a> {
    fn new(text: &'a str, lines: &[Span]) -> Self {
        if !lines.iter().any(|l| l.of(text).contains('\n')) {
            return Unwrapped {
                text: Cow::Borrowed(text),
                gone: Vec::new(),
            };
        }
        let mut out = String::with_capacity(text.len());
        let mut gone = Vec::new();
        let mut at = 0;
        for line in lines {
            out.push_str(&text[at..line.start]);
            for (k, c) in line.of(text).char_indices() {
                match c {
                    '\n' | '\r' => gone.push(line.start + k),
                    _ => out.push(c),
                }
            }
            at = line.end;
        }
        out.push_str(&text[at..]);
        Unwrapped {
            text: Cow::Owned(out),
            gone,
        }
    }

    /// `span` of the text, in the text without the breaks.
    fn to_flat(&self, span: Span) -> Span {
        let flat = |at: usize| at - self.gone.partition_point(|&g| g < at);
        Span::new(flat(span.start), flat(span.end))
    }

    /// `span` of the text without the breaks, in the text: its start after a break taken
    /// out there, its end before one.
    fn to_original(&self, span: Span) -> Span {
        // The i-th break taken out stood at `gone[i] - i` in the text without them.
        let before = |at: usize, inclusive: bool| {
            self.gone
                .iter()
                .enumerate()
                .take_while(|&(i, &g)| if inclusive { g - i <= at } else { g - i < at })
                .count()
        };
        Span::new(
            span.start + before(span.start, true),
            span.end + before(span.end, false),
        )
    }
}

/// `find` over a text whose lines hold no breaks.
fn find_in(
    text: &str,
    paragraphs: &[Span],
    (review, five_years): (&[Span], bool),
    plan_year: Option<u32>,
    reviewed: Option<u32>,
) -> (Vec<Indicator>, Vec<Span>) {
    let (mut indicators, left_out) = targets(text, paragraphs, plan_year);
    let marks_the_year = |sentence: &Span| {
        let s = sentence.of(text);
        s.contains("去年")
            || s.contains("比上年")
            || reviewed.is_some_and(|y| years(s).any(|w| w == y))
    };
    let mut sources: Vec<Span> = if five_years {
        review
            .iter()
            .flat_map(|&r| sentences(text, r))
            .filter(marks_the_year)
            .collect()
    } else {
        review.to_vec()
    };
    let inside = |p: &Span| review.iter().any(|r| r.start <= p.start && p.end <= r.end);
    let mut on_the_year: Vec<usize> = YEAR_REVIEWED
        .iter()
        .flat_map(|finder| finder.find_iter(text.as_bytes()))
        .filter_map(|at| paragraph_at(paragraphs, at))
        .collect();
    on_the_year.sort_unstable();
    on_the_year.dedup();
    for p in on_the_year
        .iter()
        .map(|&i| &paragraphs[i])
        .filter(|p| !inside(p))
    {
        let opening = sentences(text, *p).find(|s| {
            let s = s.of(text);
            s.starts_with("过去一年") || s.starts_with("去年")
        });
        if let Some(sentence) = opening {
            sources.push(Span::new(sentence.start, p.end));
        }
    }
    sources.sort_by_key(|s| s.start);
    indicators.extend(results(text, &sources, reviewed));
    indicators.sort_by_key(|i| i.span.start);
    (indicators, left_out)
}

/// True for a clause about five years or a total over them (`年均`, `“十三五”时期`); a
/// streak (`粮食连续五年增产`) is not.
fn of_five_years(clause: &str) -> bool {
    let without_streaks;
    let clause = if clause.contains("连续五年") {
        without_streaks = clause.replace("连续五年", "");
        &without_streaks
    } else {
        clause
    };
    FIVE_YEAR_WORDS.iter().any(|w| clause.contains(w))
}

/// True when a review whose headings are `titles` reviews a five-year period rather than
/// the year `reviewed` (`一、“十一五”时期经济社会发展的回顾`): its figures are the five
/// years', not the year's results.
pub fn reviews_five_years(titles: &[&str], reviewed: Option<u32>) -> bool {
    !titles.is_empty()
        && titles
            .iter()
            .all(|title| of_five_years(title) && !years(title).any(|y| Some(y) == reviewed))
}

/// The targets of the targets passage (`targets_passage`) for `plan_year`, and the
/// clauses of it left out.
fn targets(text: &str, paragraphs: &[Span], plan_year: Option<u32>) -> (Vec<Indicator>, Vec<Span>) {
    let mut found = Vec::new();
    let mut left_out = Vec::new();
    let Some(passage) = targets_passage(text, paragraphs) else {
        return (found, left_out);
    };
    for clause in passage.iter().flat_map(|&s| clauses(text, s)) {
        let clause = without_connective(text, clause);
        let words = clause.of(text);
        if words.is_empty() {
            continue;
        }
        let later = plan_year.is_some_and(|y| years(words).any(|w| w > y));
        if later || of_five_years(words) {
            left_out.push(clause);
        } else if HEDGES.iter().any(|w| words.contains(w)) && named(words).is_none() {
            continue;
        } else if let Some(each) = respectively(text, clause, IndicatorRole::Target, plan_year) {
            found.extend(each);
        } else if let Some(target) = read(text, clause, IndicatorRole::Target, plan_year) {
            found.push(target);
        }
    }
    (found, left_out)
}

/// `clause` without the connective it opens with (`要在…` is the target `在…`).
fn without_connective(text: &str, clause: Span) -> Span {
    let s = clause.of(text);
    let skip = CONNECTIVES
        .iter()
        .find(|c| s.starts_with(*c))
        .map_or(0, |c| c.len());
    Span::new(clause.start + skip, clause.end)
}

/// The results the runs `sources` state for the year `reviewed`: each indicator of the
/// vocabulary once, at its first statement with a figure in its unit, outside five-year
/// figures. Only a clause with a figure can state one; one that names no indicator goes
/// on stating the one a clause before named (`named_before`).
fn results(text: &str, sources: &[Span], reviewed: Option<u32>) -> Vec<Indicator> {
    let mut found: Vec<Indicator> = Vec::new();
    let mut take = |result: Indicator| {
        if !found.iter().any(|i| i.name == result.name) {
            found.push(result);
        }
    };
    let all: Vec<Span> = sources.iter().flat_map(|&s| clauses(text, s)).collect();
    for (k, &clause) in all.iter().enumerate() {
        let words = clause.of(text);
        if !words.contains(is_digit) {
            continue;
        }
        let (read_from, vocabulary) = match named_in_result(words) {
            Some(named) => (clause, Some(named)),
            None if goes_on(words) => match named_before(text, &all[..k]) {
                Some((name, start)) => (Span::new(start, clause.end), Some((name, 0))),
                None => continue,
            },
            None => continue,
        };
        if of_five_years(words) {
            continue;
        }
        if words.contains("分别") {
            respectively(text, read_from, IndicatorRole::Result, reviewed)
                .into_iter()
                .flatten()
                .for_each(&mut take);
            continue;
        }
        if let Some(result) = read_as(text, read_from, vocabulary, IndicatorRole::Result, reviewed)
        {
            take(result);
        }
    }
    found
}

/// True for a clause that names no indicator but goes on stating one (`增长5.2%`,
/// `2024年达到1.3万亿元、增长5.8%`, `实际增长8.4%和8%`).
fn goes_on(words: &str) -> bool {
    let opening = words.trim_start_matches(|c: char| c.is_ascii_digit() || c == '年');
    let opening = OPENINGS
        .iter()
        .find_map(|o| opening.strip_prefix(o))
        .unwrap_or(opening);
    GOING_ON.iter().any(|w| opening.starts_with(w))
}

/// The indicator named by the clause just before the last of `before`, and where it starts
/// (`地区生产总值突破5万亿元，增长5.2%`), or by one before it past clauses that state other
/// subjects' levels (`城镇居民人均可支配收入15781元，农村居民人均纯收入4761元，实际增长8.4%和8%`);
/// none across a clause of five years.
fn named_before(text: &str, before: &[Span]) -> Option<(&'static str, usize)> {
    for clause in before.iter().rev() {
        let words = clause.of(text);
        if of_five_years(words) {
            return None;
        }
        if let Some((name, at)) = named_in_result(words) {
            return Some((name, clause.start + at));
        }
        if !is_level(words) {
            return None;
        }
    }
    None
}

/// `named`, or in a result a wording of results only (`RESULT_WORDINGS`).
fn named_in_result(s: &str) -> Option<(&'static str, usize)> {
    named(s).or_else(|| {
        RESULT_WORDINGS.iter().find_map(|(w, name)| {
            let first = w.chars().next()?;
            s.char_indices()
                .find(|&(at, c)| c == first && s[at..].starts_with(w))
                .map(|(at, _)| (*name, at))
        })
    })
}

/// True for a clause that states a level (`农村居民人均纯收入4761元`): a figure in a unit
/// other than a rate, and no growth.
fn is_level(clause: &str) -> bool {
    first_figure(clause, 0)
        .is_some_and(|(_, _, end)| unit(&clause[end..]).is_some_and(|u| !u.contains(['%', '％'])))
        && !GOING_ON.iter().any(|w| clause.contains(w))
}

/// True for a result whose figure is in the unit its indicator is measured in (a rate
/// for a growth, people for jobs, grain by weight): `地区生产总值突破5万亿元` is a level,
/// not the growth.
fn measures(result: &Indicator) -> bool {
    let unit = result.unit.as_deref().unwrap_or_default();
    match result.name.as_str() {
        "城镇新增就业" => unit.starts_with('万'),
        "粮食产量" => unit.ends_with('斤') || unit.ends_with('吨'),
        _ => result.value.is_some() && unit == "%",
    }
}

/// The sentences of the targets passage: the rest of the lead's paragraph, up to a
/// sentence that turns from the targets to what they take (`实现上述目标，…`), and on over
/// the next paragraphs while each sentence opens by naming an indicator (a lead alone on
/// its line, targets spread over paragraphs), not into an explanation
/// (`这里要着重说明，…`).
fn targets_passage(text: &str, paragraphs: &[Span]) -> Option<Vec<Span>> {
    let mut leads: Vec<(usize, &str)> = LEADS
        .iter()
        .zip(LEAD_FINDERS.iter())
        .flat_map(|(lead, finder)| finder.find_iter(text.as_bytes()).map(move |at| (at, *lead)))
        .collect();
    leads.sort_unstable();
    let (at, lead_end) = leads.into_iter().find_map(|(found, lead)| {
        let i = paragraph_at(paragraphs, found)?;
        let (p, k) = (paragraphs[i], found - paragraphs[i].start);
        let s = p.of(text);
        // The five-year plan's goals (`“十二五”时期…的主要目标是`) are not the year's.
        let sentence = s[..k].rsplit(['。', '！']).next().unwrap_or_default();
        if of_five_years(sentence) {
            return None;
        }
        let start = k + lead.len();
        Some((
            i,
            p.start + start + separator(&s[start..], lead.ends_with('是'))?,
        ))
    })?;
    // A lead alone on its line: its targets open the next paragraph, read as its own.
    let (lead_end, at) = match text[lead_end..paragraphs[at].end].trim().is_empty() {
        true if at + 1 < paragraphs.len() => (paragraphs[at + 1].start, at + 1),
        _ => (lead_end, at),
    };
    let mut passage = Vec::new();
    for sentence in sentences(text, Span::new(lead_end, paragraphs[at].end)) {
        let words = sentence.of(text);
        // After its first, a sentence of targets names an indicator or a figure with a
        // unit, or goes on from the one before (`同时，…`): not `具体要做好以下工作` or
        // `认真抓好11方面工作` (paragraphs after, in a copy whose line breaks were lost).
        let of_targets = passage.is_empty()
            || CONNECTIVES.iter().any(|c| words.starts_with(c))
            || named(words).is_some()
            || has_a_measure(words);
        if !of_targets || AFTER_THE_TARGETS.iter().any(|w| words.starts_with(w)) {
            return Some(passage);
        }
        passage.push(sentence);
    }
    for sentence in paragraphs[at + 1..]
        .iter()
        .flat_map(|&p| sentences(text, p))
    {
        let opens_on_one = clauses(text, sentence)
            .next()
            .is_some_and(|c| named(c.of(text)).is_some_and(|(_, at)| at == 0));
        if !opens_on_one {
            break;
        }
        passage.push(sentence);
    }
    Some(passage)
}

/// The index of the paragraph of `paragraphs` (in order) that holds byte `at` whole, if
/// one does.
fn paragraph_at(paragraphs: &[Span], at: usize) -> Option<usize> {
    let i = paragraphs.partition_point(|p| p.end <= at);
    paragraphs.get(i).filter(|p| p.start <= at).map(|_| i)
}

/// True for words with a figure in a unit (`5%`, `25万人`), not a bare count.
fn has_a_measure(words: &str) -> bool {
    let mut from = 0;
    while let Some((_, _, end)) = first_figure(words, from) {
        if unit(&words[end..]).is_some() {
            return true;
        }
        from = end;
    }
    false
}

/// The sentences of `span`: its runs between `。`, `！` and line breaks.
fn sentences(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    pieces(text, span, |c| matches!(c, '。' | '！' | '\n'))
}

/// The runs of `span` between the characters `ends` (left out), trimmed; none empty.
fn pieces(text: &str, span: Span, ends: fn(char) -> bool) -> impl Iterator<Item = Span> + '_ {
    let s = span.of(text);
    s.match_indices(ends)
        .map(|(at, end)| (at, at + end.len()))
        .chain(std::iter::once((s.len(), s.len())))
        .scan(0, |start, (end, next)| {
            let piece = (*start, end);
            *start = next;
            Some(piece)
        })
        .filter_map(move |(a, b)| {
            let piece = &s[a..b];
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            (!trimmed.is_empty())
                .then(|| Span::new(span.start + a + lead, span.start + a + lead + trimmed.len()))
        })
}

/// How far past the `是`, `为` or colon that ends a lead its targets start (`rest` follows
/// the lead's words, to the end of its line); `None` when none follows at once
/// (`主要预期目标较好完成` is a review's word on last year's targets, not a lead), unless
/// the lead ends with its `是` or its line.
fn separator(rest: &str, ends_with_is: bool) -> Option<usize> {
    // A lead that ends its line: the targets follow on the next lines.
    if rest.trim().is_empty() {
        return Some(rest.len());
    }
    let after = match rest
        .char_indices()
        .take(3)
        .find(|(_, c)| matches!(c, '是' | '为' | '：' | ':'))
    {
        Some((k, c)) => k + c.len_utf8(),
        None if ends_with_is => 0,
        None => return None,
    };
    let colons = rest[after..].len() - rest[after..].trim_start_matches(['：', ':']).len();
    Some(after + colons)
}

/// True for a name of the vocabulary.
pub fn is_vocabulary(name: &str) -> bool {
    VOCABULARY.iter().any(|(n, _)| *n == name)
}

/// The clauses of `span`: its runs between `，；。`, their kin and line breaks.
fn clauses(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    pieces(text, span, |c| {
        matches!(c, '，' | '；' | '。' | ',' | ';' | '！' | '\n')
    })
}

/// Each wording of `VOCABULARY` and `BEFORE_A_FIGURE` with its name and whether it names
/// the indicator only before a figure, grouped by the character it starts with (sorted,
/// each group in the order the vocabulary lists them): only at those characters is a
/// wording looked for.
static BY_FIRST_CHAR: LazyLock<Vec<(char, Vec<Wording>)>> = LazyLock::new(|| {
    let wordings = VOCABULARY
        .iter()
        .flat_map(|(name, wordings)| wordings.iter().map(move |w| (*w, *name, false)))
        .chain(BEFORE_A_FIGURE.iter().map(|(w, name)| (*w, *name, true)));
    let mut groups: Vec<(char, Vec<Wording>)> = Vec::new();
    for wording in wordings {
        let Some(first) = wording.0.chars().next() else {
            continue;
        };
        match groups.iter_mut().find(|(c, _)| *c == first) {
            Some((_, group)) => group.push(wording),
            None => groups.push((first, vec![wording])),
        }
    }
    groups.sort_by_key(|(c, _)| *c);
    groups
});

/// The characters a wording starts with: the test each character of a clause takes
/// before the wordings are looked for at it.
static FIRST_CHARS: LazyLock<CharSet> = LazyLock::new(|| {
    let mut set = CharSet::new(&[]);
    for (c, _) in BY_FIRST_CHAR.iter() {
        set.insert(*c);
    }
    set
});

/// A wording, the name it means, and whether it means it only before a figure.
type Wording = (&'static str, &'static str, bool);

/// The vocabulary name whose wording comes first in `s`, with where that wording starts
/// (of two at one place, the one `VOCABULARY` lists first). A wording next to `占` or
/// `比重` names a share (`占国内生产总值比重`, `进出口占全省比重`), not the indicator; so
/// does one up to three characters after `占` (`占全国生产总值的4%`).
fn named(s: &str) -> Option<(&'static str, usize)> {
    let share = |at: usize, w: &str| {
        s[..at].chars().rev().take(3).any(|c| c == '占')
            || ["占", "比重"]
                .iter()
                .any(|x| s[at + w.len()..].starts_with(x))
    };
    let at_start = |at: usize| {
        let before = &s[..at];
        before.is_empty() || OPENINGS.contains(&before)
    };
    s.char_indices().find_map(|(at, c)| {
        if !FIRST_CHARS.may_hold(c) {
            return None;
        }
        let group = BY_FIRST_CHAR
            .binary_search_by_key(&c, |(first, _)| *first)
            .ok()
            .map(|i| &BY_FIRST_CHAR[i].1)?;
        let rest = &s[at..];
        group.iter().find_map(|&(w, name, before_a_figure)| {
            let names = rest.starts_with(w)
                && if before_a_figure {
                    number(&rest[w.len()..]).is_some()
                } else {
                    !share(at, w) && (!AT_THE_START.contains(&w) || at_start(at))
                };
            names.then_some((name, at))
        })
    })
}

/// Every indicator of the vocabulary `s` names, once each, in order, with where it is
/// first named.
fn all_named(s: &str) -> Vec<(&'static str, usize)> {
    let mut names: Vec<(&'static str, usize)> = Vec::new();
    let mut from = 0;
    while let Some((name, at)) = named(&s[from..]) {
        if names.iter().all(|(n, _)| *n != name) {
            names.push((name, from + at));
        }
        from += at + s[from + at..].chars().next().map_or(1, char::len_utf8);
    }
    names
}

/// The indicators of the vocabulary a text names (a task's `粮食产量稳定在1.3万亿斤以上`
/// names 粮食产量), once each, in order.
pub fn names_in(s: &str) -> Vec<&'static str> {
    all_named(s).into_iter().map(|(name, _)| name).collect()
}

/// True for a digit, half- or full-width.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A figure read at the start of `s`: its value and its length in bytes.
fn number(s: &str) -> Option<(f64, usize)> {
    let mut digits = String::new();
    let mut len = 0;
    for c in s.chars() {
        let d = match c {
            '0'..='9' | '.' => c,
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32)?,
            '．' => '.',
            _ => break,
        };
        digits.push(d);
        len += c.len_utf8();
    }
    let value: f64 = digits.trim_end_matches('.').parse().ok()?;
    Some((value, len))
}

/// The first figure in `s` (from byte `from`): where it starts, its value, and where it
/// ends.
fn first_figure(s: &str, from: usize) -> Option<(usize, f64, usize)> {
    let mut at = from;
    while let Some(k) = s[at..].find(is_digit) {
        let start = at + k;
        let (value, len) = number(&s[start..])?;
        // A year (`2024年`) is no figure of an indicator.
        if !s[start + len..].starts_with('年') {
            return Some((start, value, start + len));
        }
        at = start + len;
    }
    None
}

/// The unit written at the start of `s`: one of `WHOLE_UNITS`, or a run of `UNIT_CHARS` up to a
/// qualifier.
fn unit(s: &str) -> Option<&str> {
    if let Some(whole) = WHOLE_UNITS.iter().find(|u| s.starts_with(*u)) {
        return Some(&s[..whole.len()]);
    }
    let mut end = 0;
    for (i, c) in s.char_indices().take(6) {
        if !UNIT_CHARS.contains(c) || QUALIFIERS_AFTER.iter().any(|q| s[i..].starts_with(q)) {
            break;
        }
        end = i + c.len_utf8();
        // A percent sign ends a unit (`6.1%%` is a slip of the pen).
        if matches!(c, '%' | '％' | '‰') {
            break;
        }
    }
    (end > 0).then(|| &s[..end])
}

/// Words that name the urban and the rural incomes together, before `分别`.
const URBAN_AND_RURAL: &[&str] = &[
    "城乡居民",
    "城镇、农村居民",
    "城镇居民、农村居民",
    "城镇和农村居民",
];

/// The indicators of a clause that names several and gives their figures after `分别`,
/// each its own in turn (`城乡居民人均可支配收入分别增长5%和7%`,
/// `城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内`), all with the whole phrase
/// and a qualifier written once for all; `None` for another clause, or (for results) a
/// figure in another unit.
fn respectively(
    text: &str,
    clause: Span,
    role: IndicatorRole,
    year: Option<u32>,
) -> Option<Vec<Indicator>> {
    let s = clause.of(text);
    let split = s.find("分别")?;
    let head = &s[..split];
    let (start, names) = match URBAN_AND_RURAL.iter().find_map(|w| head.find(w)) {
        Some(at) if head.contains("人均可支配收入") => (
            at,
            vec!["城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"],
        ),
        Some(_) => return None,
        None => {
            let names = all_named(head);
            (
                names.first()?.1,
                names.into_iter().map(|(n, _)| n).collect(),
            )
        }
    };
    if names.len() < 2 {
        return None;
    }
    let mut figures = Vec::new();
    let mut from = split;
    while figures.len() < names.len() {
        let figure = first_figure(s, from)?;
        from = figure.2;
        figures.push(figure);
    }
    let each: Vec<Indicator> = names
        .iter()
        .zip(&figures)
        .map(|(name, figure)| {
            read_figure(
                text,
                clause,
                (Some((name, start)), start),
                Some(*figure),
                (role, year),
            )
        })
        .collect();
    let last = each.last()?;
    let (end, shared) = (last.span.end, last.qualifier.clone());
    let phrase = Span::new(clause.start + start, end);
    let each: Vec<Indicator> = each
        .into_iter()
        .map(|mut one| {
            one.span = phrase;
            one.text = phrase.of(text).to_string();
            one.qualifier = one.qualifier.or_else(|| shared.clone());
            one
        })
        .collect();
    (role == IndicatorRole::Target || each.iter().all(measures)).then_some(each)
}

/// One indicator read from `clause`: a vocabulary name's, or, for a target, the clause's
/// own; `None` for a clause with nothing to read, and for a result that names no
/// indicator of the vocabulary or no figure in its unit (`measures`).
fn read(text: &str, clause: Span, role: IndicatorRole, year: Option<u32>) -> Option<Indicator> {
    let vocabulary = named(clause.of(text));
    read_as(text, clause, vocabulary, role, year)
}

/// `read`, with the vocabulary name (and where its wording starts) given.
fn read_as(
    text: &str,
    clause: Span,
    vocabulary: Option<(&'static str, usize)>,
    role: IndicatorRole,
    year: Option<u32>,
) -> Option<Indicator> {
    let s = clause.of(text);
    let start = vocabulary.map_or(0, |(_, at)| at);
    let mut from = start;
    loop {
        let figure = first_figure(s, from);
        let indicator = read_figure(text, clause, (vocabulary, start), figure, (role, year));
        if role == IndicatorRole::Target {
            return Some(indicator);
        }
        if vocabulary.is_some() && measures(&indicator) {
            return Some(indicator);
        }
        // A result's level before its growth (`5万亿元，增长5.2%`): the next figure.
        indicator.unit.as_ref()?;
        from = figure?.2;
    }
}

/// The indicator of `clause` (read from `s`'s byte `start`, where its vocabulary name's
/// wording starts) with `figure` (where it starts, its value and where it ends).
fn read_figure(
    text: &str,
    clause: Span,
    (vocabulary, start): (Option<(&'static str, usize)>, usize),
    figure: Option<(usize, f64, usize)>,
    (role, year): (IndicatorRole, Option<u32>),
) -> Indicator {
    let s = clause.of(text);
    let (value, high, unit_written, qualifier, end) = match figure {
        Some((at, value, mut end)) => {
            let mut unit_written: Option<&str> = unit(&s[end..]);
            if let Some(u) = unit_written {
                end += u.len();
            }
            // A range: `5%—5.5%`, `4.5-5%`, `5%到5.5%`.
            let mut high = None;
            let rest = &s[end..];
            if let Some(dash) = rest.chars().next().filter(|c| "—–-~～至到".contains(*c)) {
                let after = end + dash.len_utf8() + usize::from(rest.starts_with("——")) * 3;
                if let Some((value, len)) = number(&s[after..]) {
                    high = Some(value);
                    end = after + len;
                    if let Some(u) = unit(&s[end..]) {
                        unit_written = Some(u);
                        end += u.len();
                    }
                }
            }
            let mut qualifier = QUALIFIERS_AFTER
                .iter()
                .find(|q| s[end..].starts_with(*q))
                .map(|q| q.to_string());
            if let Some(q) = &qualifier {
                end += q.len();
            }
            // Figures listed for listed subjects (`实际增长8.4%和11.4%`): the phrase runs
            // on to the last.
            while let Some(rest) = ["和", "、"]
                .iter()
                .find_map(|sep| s[end..].strip_prefix(sep))
            {
                let Some((_, len)) = number(rest) else {
                    break;
                };
                end = s.len() - rest.len() + len;
                end += unit(&s[end..]).map_or(0, str::len);
            }
            let before = &s[start..at];
            if before.ends_with("不超过") || before.ends_with("不高于") {
                qualifier = Some("以内".to_string());
            } else if qualifier.is_none()
                && ["超过", "超", "突破"].iter().any(|w| before.ends_with(w))
            {
                qualifier = Some("超过".to_string());
            }
            (Some(value), high, unit_written, qualifier, end)
        }
        None => (None, None, None, None, s.len()),
    };
    let name = match vocabulary {
        Some((name, _)) => name.to_string(),
        None => s[..figure.map_or(s.len(), |(at, _, _)| at)]
            .chars()
            .take(OWN_NAME_CHARS)
            .collect(),
    };
    let unit = unit_written.map(|u| u.replace('％', "%"));
    let span = Span::new(clause.start + start, clause.start + end);
    Indicator {
        name,
        value,
        high,
        unit,
        qualifier,
        role,
        year,
        text: span.of(text).to_string(),
        span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The targets read from `passage` (its own paragraph per line).
    fn targets(passage: &str) -> Vec<Indicator> {
        let paragraphs: Vec<Span> = passage
            .split('\n')
            .scan(0, |at, line| {
                let span = Span::new(*at, *at + line.len());
                *at += line.len() + 1;
                Some(span)
            })
            .collect();
        find(passage, &paragraphs, (&[], false), Some(2025), Some(2024)).0
    }

    /// What a test compares of an indicator: name, figure, top of range, unit,
    /// qualifier and phrase.
    type Brief<'a> = (
        &'a str,
        Option<f64>,
        Option<f64>,
        Option<&'a str>,
        Option<&'a str>,
        &'a str,
    );

    fn brief(i: &Indicator) -> Brief<'_> {
        (
            i.name.as_str(),
            i.value,
            i.high,
            i.unit.as_deref(),
            i.qualifier.as_deref(),
            i.text.as_str(),
        )
    }

    #[test]
    fn the_indicators_a_text_names_and_not_a_share_of_one() {
        assert_eq!(
            names_in("稳定粮食生产，粮食产量保持在1.3万亿斤以上，确保居民消费价格涨幅3%左右"),
            ["粮食产量", "居民消费价格涨幅"]
        );
        assert_eq!(
            names_in("财政性教育经费支出占国内生产总值的4%"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn each_wording_of_the_lead_and_of_the_targets() {
        let found = targets("今年全省经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业25万人以上，城镇调查失业率5.5%左右，居民消费价格涨幅2%左右，居民收入增长和经济增长同步，粮食产量稳定在1.3万亿斤以上。");
        let briefs: Vec<_> = found.iter().map(brief).collect();
        assert_eq!(
            briefs,
            [
                (
                    "地区生产总值增长",
                    Some(5.0),
                    None,
                    Some("%"),
                    Some("左右"),
                    "地区生产总值增长5%左右"
                ),
                (
                    "城镇新增就业",
                    Some(25.0),
                    None,
                    Some("万人"),
                    Some("以上"),
                    "城镇新增就业25万人以上"
                ),
                (
                    "城镇调查失业率",
                    Some(5.5),
                    None,
                    Some("%"),
                    Some("左右"),
                    "城镇调查失业率5.5%左右"
                ),
                (
                    "居民消费价格涨幅",
                    Some(2.0),
                    None,
                    Some("%"),
                    Some("左右"),
                    "居民消费价格涨幅2%左右"
                ),
                (
                    "居民收入增长和经济增长同步",
                    None,
                    None,
                    None,
                    None,
                    "居民收入增长和经济增长同步"
                ),
                (
                    "粮食产量",
                    Some(1.3),
                    None,
                    Some("万亿斤"),
                    Some("以上"),
                    "粮食产量稳定在1.3万亿斤以上"
                ),
            ]
        );
        assert!(found
            .iter()
            .all(|i| i.role == IndicatorRole::Target && i.year == Some(2025)));
    }

    #[test]
    fn ranges_full_width_percent_and_abbreviations() {
        let found = targets("建议今年经济社会发展的主要预期目标是：国内生产总值增长6.5%—7%，CPI涨幅3％左右，单位GDP能耗降低2.5%左右，进出口总额增长4.5-5%。");
        let briefs: Vec<_> = found.iter().map(brief).collect();
        assert_eq!(
            briefs,
            [
                (
                    "国内生产总值增长",
                    Some(6.5),
                    Some(7.0),
                    Some("%"),
                    None,
                    "国内生产总值增长6.5%—7%"
                ),
                (
                    "居民消费价格涨幅",
                    Some(3.0),
                    None,
                    Some("%"),
                    Some("左右"),
                    "CPI涨幅3％左右"
                ),
                (
                    "单位地区生产总值能耗降低",
                    Some(2.5),
                    None,
                    Some("%"),
                    Some("左右"),
                    "单位GDP能耗降低2.5%左右"
                ),
                (
                    "进出口总额增长",
                    Some(4.5),
                    Some(5.0),
                    Some("%"),
                    None,
                    "进出口总额增长4.5-5%"
                ),
            ]
        );
    }

    #[test]
    fn a_lead_alone_on_its_line_and_targets_over_several_sentences() {
        let found = targets("今年全市发展的主要目标是：\n地区生产总值增长5.5%左右，一般公共预算收入增长3%。单位地区生产总值能耗下降完成省下达任务。\n全市将着力抓好以下工作。");
        let names: Vec<&str> = found.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "地区生产总值增长",
                "一般公共预算收入增长",
                "单位地区生产总值能耗降低"
            ]
        );
        assert_eq!(found[2].value, None, "a target without a figure");
    }

    #[test]
    fn the_five_year_plans_goals_are_no_lead() {
        let found = targets("“十二五”时期经济社会发展的主要目标是：经济平稳较快发展，国内生产总值年均增长7%。\n今年经济社会发展的主要预期目标是：国内生产总值增长8%左右。");
        let texts: Vec<&str> = found.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["国内生产总值增长8%左右"]);
    }

    #[test]
    fn five_year_goals_and_later_years_are_left_out_and_said() {
        let text = "主要预期目标是：地区生产总值增长5%左右，“十五五”期间年均增长5%，到2030年研发经费投入强度达到3%。";
        let paragraphs = [Span::new(0, text.len())];
        let (found, left_out) = find(text, &paragraphs, (&[], false), Some(2025), Some(2024));
        assert_eq!(found.len(), 1);
        assert_eq!(left_out.len(), 2);
        assert!(left_out[1].of(text).contains("2030"));
    }

    #[test]
    fn results_come_from_the_review_once_each() {
        let text = "过去一年，全省地区生产总值突破5万亿元，增长5.2%，城镇新增就业1256万人，居民消费价格上涨0.2%。五年来地区生产总值年均增长5.5%。地区生产总值增长了很多。";
        let review = [Span::new(0, text.len())];
        let (found, _) = find(text, &[], (&review, false), Some(2025), Some(2024));
        let briefs: Vec<_> = found.iter().map(brief).collect();
        assert_eq!(
            briefs,
            [
                (
                    "地区生产总值增长",
                    Some(5.2),
                    None,
                    Some("%"),
                    None,
                    "地区生产总值突破5万亿元，增长5.2%"
                ),
                (
                    "城镇新增就业",
                    Some(1256.0),
                    None,
                    Some("万人"),
                    None,
                    "城镇新增就业1256万人"
                ),
                (
                    "居民消费价格涨幅",
                    Some(0.2),
                    None,
                    Some("%"),
                    None,
                    "居民消费价格上涨0.2%"
                ),
            ]
        );
        assert!(found
            .iter()
            .all(|i| i.role == IndicatorRole::Result && i.year == Some(2024)));
    }

    #[test]
    fn urban_and_rural_incomes_units_of_their_own_and_hedges() {
        let found = targets("主要预期目标是：地区生产总值增长5.5%以上，在实际工作中争取更好结果，全员劳动生产率16.8万元/人以上，城乡居民人均可支配收入分别增长5%和7%。");
        let briefs: Vec<_> = found.iter().map(brief).collect();
        assert_eq!(
            briefs,
            [
                (
                    "地区生产总值增长",
                    Some(5.5),
                    None,
                    Some("%"),
                    Some("以上"),
                    "地区生产总值增长5.5%以上"
                ),
                (
                    "全员劳动生产率",
                    Some(16.8),
                    None,
                    Some("万元/人"),
                    Some("以上"),
                    "全员劳动生产率16.8万元/人以上"
                ),
                (
                    "城镇居民人均可支配收入增长",
                    Some(5.0),
                    None,
                    Some("%"),
                    None,
                    "城乡居民人均可支配收入分别增长5%和7%"
                ),
                (
                    "农村居民人均可支配收入增长",
                    Some(7.0),
                    None,
                    Some("%"),
                    None,
                    "城乡居民人均可支配收入分别增长5%和7%"
                ),
            ]
        );
    }

    #[test]
    fn a_result_goes_on_into_the_next_clause_only_without_a_subject_of_its_own() {
        let text = "进出口总额升至全国第9位，“新三样”产品出口增长23.6%。地区生产总值连跨4个千亿台阶，2024年达到1.3万亿元、增长5.8%。";
        let review = [Span::new(0, text.len())];
        let (found, _) = find(text, &[], (&review, false), Some(2025), Some(2024));
        let briefs: Vec<_> = found.iter().map(brief).collect();
        assert_eq!(
            briefs,
            [(
                "地区生产总值增长",
                Some(5.8),
                None,
                Some("%"),
                None,
                "地区生产总值连跨4个千亿台阶，2024年达到1.3万亿元、增长5.8%"
            )]
        );
    }

    #[test]
    fn nothing_to_read_gives_nothing() {
        assert!(targets("").is_empty());
        assert!(targets("主要预期目标是").is_empty());
        assert!(targets("主要预期目标是：").is_empty());
        assert!(
            targets("地区生产总值增长5%左右。").is_empty(),
            "no lead, no passage"
        );
        assert!(
            targets("全年主要预期目标较好完成，地区生产总值增长5.2%。").is_empty(),
            "the review's word on last year's targets is no lead"
        );
    }
}
