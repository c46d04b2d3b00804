//! Finding the review: the part of a report that says what was done in the year it
//! reports on, which a follow-up reads as the record of last year's work.
//!
//! Each top-level section before the plan leans to the past or to the future by several
//! signals of its heading, weighed together rather than taken at the first match: review
//! words (`回顾`, `成就`, `主要工作`, `过去`), the year reviewed or `过去一年`, a five-year
//! period that has ended, a first paragraph that opens with the year reviewed (a heading
//! that is a slogan), against a later year, forward words (`目标`, `任务`, `建议`) and a
//! five-year period still to come. `一、"十四五"时期和2025年工作回顾` leans to the past;
//! `二、"十五五"时期主要目标任务` to the future. When some review sections name the year
//! reviewed, they are the review, and a five-year review beside them is not; a report
//! that reviews only its five years (the last report of a government's term) has that
//! as its review. Without any such heading, the review is the text before the first
//! section that looks ahead. Either way, the passage on problems and challenges
//! (`我们也清醒看到…`) that closes most reviews is left out: it says what was not done.

use std::ops::Range;

use super::genre::{self, is_review_title, RELATIVE_YEAR_WORDS};
use super::lines::{Line, LineKind};
use super::outline::OutlineEntry;
use super::plan::{opens_as_review, opens_on_the_year, PlanScope, YearsKnown};
use super::report::{Part, Review, ReviewSource, Span};
use super::text::years;

/// Words of a heading that report on the past: the review part's words of the genre table.
fn review_words() -> &'static [&'static str] {
    genre::PART_WORDS
        .iter()
        .find(|(part, _)| *part == Part::Measures)
        .map_or(&[], |(_, words)| words)
}

/// Words of a heading that look ahead, unless it reports on their status (`…完成情况`).
const FORWARD_WORDS: &[&str] = &[
    "目标", "任务", "建议", "部署", "安排", "打算", "计划", "思路", "要求", "展望",
];

/// Words that say the year reviewed without its number.
const YEAR_REVIEWED_WORDS: &[&str] = &["过去一年", "一年来"];

/// Words that admit a shortfall by themselves (`我们也清醒看到`, `在肯定成绩的同时`)…
const ADMISSIONS: &[&str] = &[
    "清醒",
    "也要看到",
    "也看到",
    "也应看到",
    "同时看到",
    "还要看到",
    "肯定成绩",
    "看到成绩",
    "总结成绩",
];
/// …words that admit one when they name it (`仍然面临不小压力和挑战`)…
const ADMISSIONS_OF: &[&str] = &[
    "仍然存在",
    "仍存在",
    "还存在",
    "依然存在",
    "存在不少",
    "存在一些",
    "不容忽视",
    "仍然面临",
    "仍面临",
    "依然面临",
    "还面临",
];
/// Characters each word of `ADMISSIONS` and `ADMISSIONS_OF` holds one of.
const ADMISSION_CHARS: &[char] = &['醒', '看', '绩', '存', '忽', '临'];
/// …and the shortfalls they name.
const SHORTFALLS: &[&str] = &[
    "问题", "困难", "不足", "挑战", "短板", "差距", "矛盾", "风险", "压力",
];
/// Openings of a sentence that turns from the achievements to what is lacking.
const TURNS: &[&str] = &["同时", "但", "然而"];
/// Words with which a paragraph that listed problems owns them at its end
/// (`对这些问题，我们会高度重视，有效加以解决`).
const OWNING: &[&str] = &[
    "对这些问题",
    "对于这些问题",
    "针对这些问题",
    "对这些困难",
    "正视这些问题",
    "直面这些问题",
];
/// What every word of `OWNING` holds.
const OWNING_MARK: &str = "这些";

/// The years of each five-year plan named in `title` (`"十四五"` is 2021–2025), from the
/// third plan on, when the plans kept a five-year rhythm.
fn five_year_periods(title: &str) -> Vec<(u32, u32)> {
    const DIGITS: &str = "一二三四五六七八九";
    const QUOTES: &str = "“\"‘'";
    let digit = |c: char| DIGITS.chars().position(|d| d == c).map(|n| n as u32 + 1);
    let chars: Vec<char> = title.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or_default();
    (0..chars.len())
        .filter_map(|i| match (at(i), at(i + 1), at(i + 2)) {
            ('十', d, '五') => digit(d).map(|n| 10 + n),
            (q, '十', '五') if QUOTES.contains(q) && at(i + 3) != '五' => Some(10),
            (q, d, '五') if QUOTES.contains(q) => digit(d),
            _ => None,
        })
        .filter_map(|ordinal| {
            let start = 1966 + 5 * ordinal.checked_sub(3)?;
            Some((start, start + 4))
        })
        .collect()
}

/// True when `title` names the year reviewed: by its number, or as `过去一年`, `去年`.
fn names_year_reviewed(title: &str, known: YearsKnown) -> bool {
    let by_number = known
        .report_year
        .is_some_and(|y| years(title).any(|t| t == y));
    let by_word = RELATIVE_YEAR_WORDS
        .iter()
        .any(|w| title.contains(w) && genre::relative_year(w, known.years).is_some_and(|o| o == 0));
    by_number || by_word || YEAR_REVIEWED_WORDS.iter().any(|w| title.contains(w))
}

/// True for a heading that reviews and then looks ahead
/// (`2025年工作回顾和"十五五"展望`): a review word comes before its first forward word.
fn reviews_then_looks_ahead(title: &str) -> bool {
    let first = |words: &[&str]| words.iter().filter_map(|w| title.find(w)).min();
    match (first(&["回顾", "成就", "过去"]), first(FORWARD_WORDS)) {
        (Some(review), Some(forward)) => review < forward,
        _ => false,
    }
}

/// How far a top-level section leans to the past (above zero) or the future (below).
/// The forward half of a heading that reviews and then looks ahead is its later part's,
/// which the review leaves out (`find_review`).
fn leaning(title: &str, opens_with_year: bool, known: YearsKnown) -> i32 {
    let status_report = title.ends_with("情况");
    let then_ahead = reviews_then_looks_ahead(title);
    let mut lean = 0;
    if is_review_title(title) || title.contains("过去") {
        lean += 2;
    }
    if review_words().iter().any(|w| title.contains(w)) {
        lean += 1;
    }
    if names_year_reviewed(title, known) {
        lean += 1;
    }
    if opens_with_year {
        lean += 2;
    }
    if let Some(reviewed) = known.report_year {
        let periods = five_year_periods(title);
        if periods.iter().any(|&(_, end)| end <= reviewed) {
            lean += 1;
        }
        if periods.iter().any(|&(start, _)| start > reviewed) && !then_ahead {
            lean -= 2;
        }
    }
    if known.later_year(title) && !then_ahead {
        lean -= 2;
    }
    // In a slogan (a title with a comma) forward words are the slogan's, not the
    // section's name: `一、坚持高位推动，认真落实法治建设部署要求`.
    let slogan = title.contains(['，', ',']);
    if !status_report && !slogan && !then_ahead && FORWARD_WORDS.iter().any(|w| title.contains(w)) {
        lean -= 2;
    }
    lean
}

/// True for a heading or paragraph that names the shortcomings as a section does
/// (`二、存在的不足和原因`, `存在问题和薄弱环节`), not a task that solves problems
/// (`着力解决群众急难愁盼问题`).
fn names_shortcomings(title: &str) -> bool {
    SHORTCOMINGS_SECTIONS.iter().any(|w| title.contains(w))
}

/// Words of a heading of the shortcomings.
const SHORTCOMINGS_SECTIONS: &[&str] = &[
    "存在的",
    "存在问题",
    "问题与不足",
    "问题和不足",
    "不足和",
    "不足与",
    "差距和不足",
    "困难和问题",
];

/// True for a paragraph or heading that sets out problems and challenges: it opens by
/// admitting a shortfall (`我们也清醒看到，…还存在不少困难和问题`, in its first sentence, or
/// in its second when the first is a transition), turns to one (`同时，我们清醒认识到…`),
/// or, having named shortfalls, owns them at its end (`…对这些问题，我们会高度重视`).
fn sets_out_problems(s: &str) -> bool {
    // Without an admission's characters, and without the `这些` of every owning, no
    // sentence of `s` can set out problems: most paragraphs end here, before being cut
    // into sentences.
    if !s.contains(ADMISSION_CHARS) && !s.contains(OWNING_MARK) {
        return false;
    }
    let s = s
        .strip_prefix("各位代表")
        .map_or(s, |rest| rest.trim_start_matches(['！', '，', '!', ',']));
    let sentences: Vec<&str> = s
        .split(['。', '！', '；'])
        .filter(|sentence| !sentence.trim().is_empty())
        .collect();
    let names_shortfalls = |sentence: &str| SHORTFALLS.iter().any(|w| sentence.contains(w));
    let owns_them = sentences.len() > 1
        && sentences
            .last()
            .is_some_and(|last| OWNING.iter().any(|w| last.contains(w)))
        && sentences[..sentences.len() - 1]
            .iter()
            .any(|sentence| names_shortfalls(sentence));
    owns_them
        || sentences.iter().enumerate().any(|(i, sentence)| {
            // One pass over the sentence spares the word searches of most sentences.
            let may_admit = sentence.contains(ADMISSION_CHARS);
            let admits = may_admit && ADMISSIONS.iter().any(|w| sentence.contains(w));
            let admits_of = may_admit
                && ADMISSIONS_OF.iter().any(|w| sentence.contains(w))
                && names_shortfalls(sentence);
            let turns = TURNS.iter().any(|w| sentence.starts_with(w));
            (admits && (i == 0 || turns)) || (admits_of && (i < 2 || turns))
        })
}

/// A top-level section before the plan, and how it leans.
struct Leaning {
    heading: usize,
    lines: Range<usize>,
    /// Above zero to the past, below to the future (`leaning`).
    lean: i32,
    /// It names the year reviewed, or opens with it and names no five years.
    of_the_year: bool,
    /// It names five years, and not the year reviewed: `过去五年`, `"十四五"时期`.
    of_five_years: bool,
    /// How it leans by its heading alone, its first paragraph left aside.
    by_heading: i32,
    /// It is the shortcomings (or an appendix).
    shortcomings: bool,
}

/// A section taken as part of the review.
struct Taken {
    heading: Option<usize>,
    lines: Range<usize>,
}

/// Finds the review of a report, before its plan (`plan`) and within its content
/// (`content_end`, a line index); `first_line` is the first line after the title.
pub fn find_review(
    text: &str,
    lines: &[Line],
    outline: &[OutlineEntry],
    plan: Option<&PlanScope>,
    first_line: usize,
    content_end: usize,
    known: YearsKnown,
) -> Option<Review> {
    let before = plan.map_or(content_end, |p| p.lines.start).min(content_end);
    let top: Vec<(usize, &OutlineEntry)> = outline
        .iter()
        .enumerate()
        .filter(|(_, e)| e.heading.level == 1)
        .collect();
    let sections: Vec<Leaning> = top
        .iter()
        .enumerate()
        .filter(|(_, (_, e))| e.line < before)
        .map(|(k, (index, e))| {
            let end = top.get(k + 1).map_or(content_end, |(_, next)| next.line);
            let title = e.heading.title.as_str();
            let opens_with_year = opens_as_review(text, lines, e, known);
            let lean = leaning(title, opens_with_year, known);
            // A section of the shortcomings, or an appendix, is neither review nor plan;
            // the year's targets look ahead (unless reported on: `…完成情况`).
            let other_part =
                names_shortcomings(title) && lean <= 1 || genre::names_part(title, Part::Appendix);
            let targets = genre::names_part(title, Part::Targets)
                && !is_review_title(title)
                && !title.ends_with("情况");
            let names_year = names_year_reviewed(title, known);
            let names_five_years = !five_year_periods(title).is_empty() || title.contains("五年");
            let of_the_year = names_year || (opens_with_year && !names_five_years);
            // A section that reviews and then looks ahead ends, as a review, at its first
            // sub-heading that looks ahead.
            let end = if reviews_then_looks_ahead(title) {
                outline
                    .iter()
                    .filter(|o| o.line > e.line && o.line < end && o.heading.level > 1)
                    .find(|o| leaning(&o.heading.title, false, known) < 0)
                    .map_or(end, |o| o.line)
            } else {
                end
            };
            Leaning {
                heading: *index,
                lines: e.line..end.min(before),
                lean: match (other_part, targets) {
                    (_, true) => lean.min(-2),
                    (true, false) => 0,
                    (false, false) => lean,
                },
                by_heading: leaning(title, false, known),
                shortcomings: other_part,
                of_the_year,
                of_five_years: names_five_years && !names_year,
            }
        })
        .collect();
    // The review comes before anything that looks ahead.
    let ahead = sections
        .iter()
        .position(|s| s.lean < 0)
        .unwrap_or(sections.len());
    let reviews = &sections[..ahead];
    let year_reviewed = reviews.iter().any(|s| s.lean > 0 && s.of_the_year);
    // A section found by its opening (its heading a slogan) goes on through the
    // sections with slogans after it, up to one that is the shortcomings.
    let mut by_opening = false;
    let taken: Vec<Taken> = reviews
        .iter()
        .filter(|s| {
            let taken = s.lean > 0 && !(year_reviewed && s.of_five_years);
            if taken {
                by_opening = s.by_heading <= 0;
            } else if s.shortcomings || s.lean != 0 {
                by_opening = false;
            }
            taken || by_opening
        })
        .map(|s| Taken {
            heading: Some(s.heading),
            lines: s.lines.clone(),
        })
        .collect();
    let (taken, found_by) = if taken.is_empty() {
        // The text before the first section that looks ahead, if one does.
        let end = sections.get(ahead).map_or(before, |s| s.lines.start);
        if plan.is_none() && end == before || end <= first_line {
            return None;
        }
        let lines = first_line..end;
        (
            vec![Taken {
                heading: None,
                lines,
            }],
            ReviewSource::Position,
        )
    } else {
        let by_opening = reviews
            .iter()
            .filter(|s| taken.iter().any(|t| t.heading == Some(s.heading)))
            .all(|s| s.by_heading <= 0);
        let found_by = if by_opening {
            ReviewSource::Opening
        } else {
            ReviewSource::Heading
        };
        (taken, found_by)
    };
    let mut spans = Vec::new();
    let mut problems = Vec::new();
    for t in &taken {
        let (kept, cut) = without_problems(text, &lines[t.lines.clone()], known);
        spans.extend(kept);
        problems.extend(cut);
    }
    (!spans.is_empty()).then(|| Review {
        headings: taken.iter().filter_map(|t| t.heading).collect(),
        found_by,
        spans,
        problems,
    })
}

/// Openings, besides the year's, of a paragraph that looks back again.
const LOOKING_BACK: &[&str] = &["回顾", "回首", "回望"];

/// True for a paragraph that turns back to the years reviewed (`过去五年，…`,
/// `2015年是"十二五"收官之年`, `回顾过去一年`): the problems before it are over.
fn turns_back(paragraph: &str, known: YearsKnown) -> bool {
    opens_on_the_year(paragraph, known) || LOOKING_BACK.iter().any(|w| paragraph.starts_with(w))
}

/// The runs of content of a section's lines, and the runs on problems cut out of them:
/// from a paragraph or sub-heading that sets out problems (or a sub-heading of the
/// shortcomings) to the next heading, or to a paragraph that turns back to the years
/// reviewed.
fn without_problems(text: &str, lines: &[Line], known: YearsKnown) -> (Vec<Span>, Vec<Span>) {
    let (mut kept, mut cut): (Vec<Span>, Vec<Span>) = (Vec::new(), Vec::new());
    let mut in_problems = false;
    let mut previous: Option<bool> = None;
    for (k, line) in lines.iter().enumerate() {
        let heading = matches!(line.kind, LineKind::Heading(_));
        if !heading && line.kind != LineKind::Text {
            continue;
        }
        let s = line.span.of(text);
        // A heading line's title is its first clause; what follows is its body.
        let title = s.split(['。', '，', ',']).next().unwrap_or_default();
        if k > 0 && (sets_out_problems(s) || heading && names_shortcomings(title)) {
            in_problems = true;
        } else if heading || turns_back(s, known) {
            in_problems = false;
        }
        let run = if in_problems { &mut cut } else { &mut kept };
        match run.last_mut() {
            Some(last) if previous == Some(in_problems) => last.end = line.span.end,
            _ => run.push(line.span),
        }
        previous = Some(in_problems);
    }
    (kept, cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_owning_holds_its_mark() {
        assert!(OWNING.iter().all(|w| w.contains(OWNING_MARK)));
    }

    #[test]
    fn five_year_periods_by_their_ordinal() {
        assert_eq!(five_year_periods("“十四五”时期"), [(2021, 2025)]);
        assert_eq!(five_year_periods("\"十五五\"规划"), [(2026, 2030)]);
        assert_eq!(five_year_periods("“十一五”时期"), [(2006, 2010)]);
        assert_eq!(five_year_periods("“十五”期间"), [(2001, 2005)]);
        assert_eq!(five_year_periods("“九五”时期"), [(1996, 2000)]);
        assert_eq!(five_year_periods("十五年来"), []);
        assert_eq!(five_year_periods("2025年工作回顾"), []);
        assert_eq!(
            five_year_periods("“十四五”圆满收官和“十五五”良好开局"),
            [(2021, 2025), (2026, 2030)]
        );
    }

    #[test]
    fn every_admission_holds_one_of_the_characters_looked_for_first() {
        for word in ADMISSIONS.iter().chain(ADMISSIONS_OF) {
            assert!(word.contains(ADMISSION_CHARS), "{word}");
        }
    }

    #[test]
    fn problems_are_told_by_an_admission_of_a_shortfall() {
        assert!(sets_out_problems(
            "在充分肯定成绩的同时，我们也清醒看到，发展中还存在不少困难和问题。投资增长乏力。"
        ));
        assert!(sets_out_problems(
            "同时也要看到，我省发展还面临不少困难和挑战。"
        ));
        assert!(sets_out_problems(
            "各位代表！在肯定成绩的同时，我们也看到，前进中还有不少问题和困难。"
        ));
        assert!(!sets_out_problems(
            "面对复杂严峻的形势和多重困难挑战，我们迎难而上，全年经济增长5.4%。"
        ));
        assert!(sets_out_problems(
            "我们要把成绩讲够，也要把问题说透。当前经济社会发展仍然面临不小压力和挑战。"
        ));
        assert!(sets_out_problems(
            "行之有效的做法要继续坚持。同时，我们清醒认识到，前进中还有不少困难。"
        ));
        assert!(!sets_out_problems(
            "聚焦群众急难愁盼问题，办好民生实事。我们也清醒看到差距。"
        ));
        // Named without an admission, and owned at the end.
        assert!(sets_out_problems(
            "当前，吉林正处于全面振兴实现新突破的关键时期。支撑高质量发展明显进位还需提速度扩总量，培育壮大新动能还要扶优育强、补齐短板。特别是部分企业生产经营困难，安全风险隐患不容忽视，等等。对这些问题，我们会高度重视，有效加以解决。"
        ));
        assert!(!sets_out_problems(
            "对这些问题，我们会高度重视，有效加以解决。"
        ));
        assert!(!sets_out_problems(
            "全面完成25项民生实事。资助困难家庭考生2570名。"
        ));
    }

    fn review_of(text: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
        let report = crate::analysis::analyze(text);
        let review = report.review.expect("a review");
        let titles = review
            .headings
            .iter()
            .map(|&i| report.outline[i].title.clone())
            .collect();
        let of = |spans: &[Span]| spans.iter().map(|s| s.of(text).to_string()).collect();
        (titles, of(&review.spans), of(&review.problems))
    }

    #[test]
    fn slogans_opening_with_the_year_are_the_review_up_to_the_shortcomings() {
        let (titles, spans, _) = review_of(
            "某局2023年法治政府建设情况报告\n一、坚持高位推动，认真落实法治建设部署要求\n2023年，我局认真落实各项部署，完成三项制度建设。\n二、强化制度供给，提升依法行政水平\n制定规范性文件3件。\n三、存在的问题\n一是法治意识有待提升。\n四、2024年工作打算\n（一）加强学习。\n",
        );
        assert_eq!(
            titles,
            [
                "坚持高位推动，认真落实法治建设部署要求",
                "强化制度供给，提升依法行政水平"
            ]
        );
        assert!(spans.iter().all(|s| !s.contains("法治意识")), "{spans:?}");
    }

    #[test]
    fn a_sub_heading_of_the_shortcomings_is_cut_out_of_the_review() {
        let (titles, spans, problems) = review_of(
            "某局2023年工作总结\n一、2023年工作情况\n（一）推进审批改革\n完成审批改革。\n（二）存在的不足\n一是宣传不够。\n（三）着力解决群众急难愁盼问题\n办结诉求1200件。\n二、2024年工作计划\n1.深化改革。\n",
        );
        assert_eq!(titles, ["2023年工作情况"]);
        assert!(
            problems.iter().any(|p| p.contains("宣传不够")),
            "{problems:?}"
        );
        assert!(
            spans.iter().any(|s| s.contains("办结诉求")),
            "a task that solves problems stays"
        );
        assert!(spans.iter().all(|s| !s.contains("宣传不够")));
    }

    #[test]
    fn a_section_that_reviews_then_looks_ahead_is_the_review_up_to_its_outlook() {
        for heading in [
            "一、2025年工作回顾和“十五五”展望",
            "一、2025年工作回顾与“十五五”时期发展目标",
            "一、过去一年工作回顾和今后五年主要任务",
        ] {
            let text = format!(
                "2026年政府工作报告\n{heading}\n（一）2025年工作回顾\n过去一年，我们推进营商环境改革，新增经营主体12万户。\n（二）“十五五”时期主要目标任务\n今后五年，要着力推动高质量发展，建设现代化产业体系。\n二、2026年重点工作\n（一）扩大内需。加快建设消费中心城市。\n"
            );
            let (titles, spans, _) = review_of(&text);
            assert_eq!(titles.len(), 1, "{heading}: {titles:?}");
            assert!(titles[0].contains("回顾"), "{heading}: {titles:?}");
            assert!(
                spans.iter().any(|s| s.contains("新增经营主体")),
                "{heading}: {spans:?}"
            );
            assert!(
                spans
                    .iter()
                    .all(|s| !s.contains("高质量发展") && !s.contains("消费中心")),
                "{heading}: nothing of the outlook or the plan: {spans:?}"
            );
        }
    }

    #[test]
    fn a_heading_naming_a_five_year_period_ended_and_one_to_come_looks_ahead() {
        let (titles, spans, _) = review_of(
            "2026年政府工作报告\n一、2025年工作回顾\n过去一年，新增经营主体12万户。\n二、接续“十四五”圆满收官，奋力实现“十五五”良好开局\n今后五年，要着力推动高质量发展。\n三、2026年重点工作\n（一）扩大内需。加快建设消费中心城市。\n",
        );
        assert_eq!(titles, ["2025年工作回顾"]);
        assert!(spans.iter().all(|s| !s.contains("高质量发展")), "{spans:?}");
    }

    #[test]
    fn a_slogan_heading_over_a_full_width_year_is_the_review() {
        let (titles, _, _) = review_of(
            "２００９年政府工作报告\n一、迎难而上，保持经济平稳较快发展\n２００８年是极不寻常的一年，经济增长9%。\n二、２００９年主要任务\n（一）扩大内需。\n",
        );
        assert_eq!(titles, ["迎难而上，保持经济平稳较快发展"]);
    }
}
