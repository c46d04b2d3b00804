//! What is known about each genre of annual report, in one table.
//!
//! Chinese public bodies publish several kinds of annual report, and each has its own
//! structure: how its title is worded, how its years work, how its next-year section is
//! headed, which appendices it carries and which parts it must have. `GENRES` holds one
//! row per genre so that a reader sees them side by side; `meta`, `plan` and `parts`
//! consult the row of the report's genre instead of keeping keyword lists of their own.
//! The words that name each part of a report (`PART_WORDS`) are shared by all genres,
//! except the plan's, which differ (`重点工作` is the plan of a government work report and
//! a review heading, `重点工作及成效`, elsewhere).

use super::report::{Genre, Part};
use super::scan::{chinese_digit, digit, PHRASE_PUNCTUATION};
use super::text::years;

/// How the years of a genre relate to the year its title or delivery date names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Years {
    /// Written after the year it reviews: the title's year is the year reviewed, and the
    /// plan is for the next (`2022年度法治政府建设情况报告`, `今年` = the year reviewed).
    Reviewed,
    /// Delivered to a people's congress early in year N: it reviews N-1 and plans N, and
    /// the title or delivery date names N (`2025年政府工作报告`, `今年` = the year planned).
    Delivered,
}

/// Where the plan is when no heading names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanFallback {
    /// A closing paragraph that opens `下一步，…` or `2023年，将…`.
    ClosingParagraph,
    /// The top-level sections after the review: a report delivered to a congress may set
    /// out its year's tasks as sections of their own (`二、坚持实行扩大内需的方针`).
    SectionsAfterReview,
}

/// Whether a report of a genre must have a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
}

/// One genre's row.
#[derive(Debug)]
pub struct GenreRules {
    pub genre: Genre,
    /// Words in a title (or opening paragraph) that name the genre; the first row with a
    /// match wins, so more specific rows come first.
    pub title_words: &'static [&'static str],
    pub years: Years,
    /// Heading words that name the next-year section.
    pub plan_words: &'static [&'static str],
    /// Heading words that report on a plan instead of setting one (`工作计划完成情况`).
    pub not_plan_words: &'static [&'static str],
    pub plan_fallback: PlanFallback,
    /// The parts a report of this genre has, in reading order, and which it must have.
    pub parts: &'static [(Part, Need)],
}

/// Plan wordings every genre shares.
const COMMON_PLAN_WORDS: &[&str] = &[
    "打算",
    "计划",
    "安排",
    "下一步",
    "下步",
    "思路",
    "今后",
    "展望",
    "要点",
];

/// Plan wordings of the reports delivered to a people's congress.
const CONGRESS_PLAN_WORDS: &[&str] = &[
    "打算",
    "计划",
    "安排",
    "下一步",
    "思路",
    "要点",
    "重点工作",
    "主要任务",
    "重点任务",
    "工作任务",
    "目标任务",
    "工作建议",
    "工作的建议",
];

const RULE_OF_LAW_PARTS: &[(Part, Need)] = &[
    (Part::Measures, Need::Required),
    (Part::Shortcomings, Need::Required),
    (Part::LeaderDuty, Need::Required),
    (Part::Plans, Need::Required),
    (Part::OtherMatters, Need::Optional),
];

const CONGRESS_PARTS: &[(Part, Need)] = &[
    (Part::Measures, Need::Optional),
    (Part::FiveYear, Need::Optional),
    (Part::Targets, Need::Optional),
    (Part::Plans, Need::Required),
    (Part::Appendix, Need::Optional),
];

/// 政府信息公开工作年度报告: the template of the 2019 regulations' article 50.
const INFORMATION_DISCLOSURE: GenreRules = GenreRules {
    genre: Genre::InformationDisclosure,
    title_words: &["信息公开"],
    years: Years::Reviewed,
    plan_words: &["改进"],
    not_plan_words: &[],
    plan_fallback: PlanFallback::ClosingParagraph,
    parts: &[
        (Part::Overview, Need::Required),
        (Part::ProactiveDisclosure, Need::Required),
        (Part::Requests, Need::Required),
        (Part::Appeals, Need::Required),
        (Part::Shortcomings, Need::Required),
        (Part::OtherMatters, Need::Required),
    ],
};

/// 法治政府建设情况报告, also when joined with a work plan (`…暨2023年工作要点`).
const RULE_OF_LAW: GenreRules = GenreRules {
    genre: Genre::RuleOfLaw,
    title_words: &["法治"],
    years: Years::Reviewed,
    plan_words: COMMON_PLAN_WORDS,
    not_plan_words: &["情况"],
    plan_fallback: PlanFallback::ClosingParagraph,
    parts: RULE_OF_LAW_PARTS,
};

/// 政府工作报告, delivered to a people's congress.
const GOVERNMENT_WORK: GenreRules = GenreRules {
    genre: Genre::GovernmentWork,
    title_words: &["政府工作报告", "报告政府工作"],
    years: Years::Delivered,
    plan_words: CONGRESS_PLAN_WORDS,
    not_plan_words: &["情况"],
    plan_fallback: PlanFallback::SectionsAfterReview,
    parts: CONGRESS_PARTS,
};

/// 法院工作报告
const COURT_WORK: GenreRules = GenreRules {
    genre: Genre::CourtWork,
    title_words: &["法院工作报告"],
    years: Years::Delivered,
    plan_words: CONGRESS_PLAN_WORDS,
    not_plan_words: &["情况"],
    plan_fallback: PlanFallback::ClosingParagraph,
    parts: CONGRESS_PARTS,
};

/// 检察院工作报告
const PROCURATORATE_WORK: GenreRules = GenreRules {
    genre: Genre::ProcuratorateWork,
    title_words: &["检察院工作报告"],
    years: Years::Delivered,
    plan_words: CONGRESS_PLAN_WORDS,
    not_plan_words: &["情况"],
    plan_fallback: PlanFallback::ClosingParagraph,
    parts: CONGRESS_PARTS,
};

/// 人大常委会工作报告
const CONGRESS_COMMITTEE_WORK: GenreRules = GenreRules {
    genre: Genre::CongressCommitteeWork,
    title_words: &["常务委员会工作报告", "常委会工作报告"],
    years: Years::Delivered,
    plan_words: CONGRESS_PLAN_WORDS,
    not_plan_words: &["情况"],
    plan_fallback: PlanFallback::ClosingParagraph,
    parts: CONGRESS_PARTS,
};

/// 工作总结 and the next year's 工作计划/思路/要点 of a department.
const WORK_SUMMARY: GenreRules = GenreRules {
    genre: Genre::WorkSummary,
    title_words: &["总结", "工作要点", "工作计划", "工作思路"],
    years: Years::Reviewed,
    plan_words: COMMON_PLAN_WORDS,
    not_plan_words: &["情况"],
    plan_fallback: PlanFallback::ClosingParagraph,
    parts: &[
        (Part::Measures, Need::Optional),
        (Part::Plans, Need::Required),
    ],
};

/// Anything else: plans are still found, and nothing is required.
const OTHER: GenreRules = GenreRules {
    genre: Genre::Other,
    title_words: &[],
    years: Years::Reviewed,
    plan_words: COMMON_PLAN_WORDS,
    not_plan_words: &["情况"],
    plan_fallback: PlanFallback::ClosingParagraph,
    parts: &[
        (Part::Measures, Need::Optional),
        (Part::Plans, Need::Optional),
    ],
};

/// Every genre, most specific first: the first row whose title words a title holds
/// names its genre.
pub const GENRES: &[&GenreRules] = &[
    &INFORMATION_DISCLOSURE,
    &RULE_OF_LAW,
    &GOVERNMENT_WORK,
    &COURT_WORK,
    &PROCURATORATE_WORK,
    &CONGRESS_COMMITTEE_WORK,
    &WORK_SUMMARY,
    &OTHER,
];

/// The row of a genre: a genre without a row does not compile.
pub fn rules(genre: Genre) -> &'static GenreRules {
    match genre {
        Genre::InformationDisclosure => &INFORMATION_DISCLOSURE,
        Genre::RuleOfLaw => &RULE_OF_LAW,
        Genre::GovernmentWork => &GOVERNMENT_WORK,
        Genre::CourtWork => &COURT_WORK,
        Genre::ProcuratorateWork => &PROCURATORATE_WORK,
        Genre::CongressCommitteeWork => &CONGRESS_COMMITTEE_WORK,
        Genre::WorkSummary => &WORK_SUMMARY,
        Genre::Other => &OTHER,
    }
}

/// The speech's address to the audience: a paragraph opening with it belongs to no item.
pub const ADDRESS: &str = "各位代表";

/// Words a section heading ends with (`2024年工作回顾`, `2025年重点工作`, `对今年政府工作
/// 的建议`): in a text whose line breaks were lost, a heading's title may end after one.
const HEADING_ENDINGS: &[&str] = &[
    "回顾", "工作", "任务", "安排", "目标", "部署", "建议", "计划", "打算", "要点", "思路", "要求",
    "情况", "成效",
];

/// How a sentence's subject opens it, right after any heading long enough
/// (`继续保持经济平稳较快发展今年经济发展要…`) unless a word before binds it to the title
/// (`对今年…`).
const SENTENCE_SUBJECTS: &[&str] = &["今年", "过去", "一年来", "五年来", "当前", "面对"];

/// How else the first sentence under a section heading opens, besides a year
/// (`2025年是…`): `做好今年政府工作，…`, `按照…`.
const BODY_OPENINGS: &[&str] = &[
    "刚刚过去",
    "各位代表",
    "围绕",
    "按照",
    "根据",
    "结合",
    "做好",
    "具体",
    "党的",
    "中国共产党",
];

/// Characters before which a sentence subject belongs to the title: `对今年政府工作的建议`.
const BINDING_CHARS: &[char] = &['对', '在', '于', '和', '与', '及', '的', '是', '好'];

/// A title runs on for this many characters at least before a sentence subject ends it.
const MIN_TITLE_BEFORE_SUBJECT_CHARS: usize = 6;

/// The first characters of `SENTENCE_SUBJECTS` and `BODY_OPENINGS` (a test keeps them
/// in step), read as one `match` because nearly every character of a flattened text is
/// asked.
fn opens_an_opening(c: char) -> bool {
    matches!(
        c,
        '今' | '过'
            | '一'
            | '五'
            | '当'
            | '面'
            | '刚'
            | '各'
            | '围'
            | '按'
            | '根'
            | '结'
            | '做'
            | '具'
            | '党'
            | '中'
    )
}

/// True when `rest` may open a section's first sentence (a year, a sentence subject or
/// another opening): most text cannot, and is passed over at once.
pub fn may_open_sentence(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_some_and(|c| opens_an_opening(c) || digit(c).is_some() || chinese_digit(c).is_some())
}

/// True when a heading's `title`, run straight into the text after it (`rest`) in a
/// text whose line breaks were lost, ends here: the title ends with a word that ends
/// headings and `rest` opens a sentence the way a section's first sentence does, or the
/// title is long, without punctuation, and `rest` opens with a sentence's subject that
/// no word binds to it.
pub fn title_ends_before(title: &str, rest: &str) -> bool {
    let opens_with_year = || {
        let head = rest.char_indices().nth(5).map_or(rest, |(i, _)| &rest[..i]);
        head.ends_with('年') && years(head).next().is_some()
    };
    let opens = |words: &[&str]| words.iter().any(|w| rest.starts_with(w));
    let ended = HEADING_ENDINGS.iter().any(|w| title.ends_with(w))
        && (opens(SENTENCE_SUBJECTS) || opens(BODY_OPENINGS) || opens_with_year());
    ended
        || opens(SENTENCE_SUBJECTS)
            && !title.ends_with(BINDING_CHARS)
            && !title.contains(PHRASE_PUNCTUATION)
            && title.chars().count() >= MIN_TITLE_BEFORE_SUBJECT_CHARS
}

/// Closing formulas that end the body of a report.
const CLOSING_FORMULAS: &[&str] = &["专此报告", "特此报告", "以上报告", "特此报告如上"];

/// True for a closing formula, `专此报告。`
pub fn is_closing_formula(line: &str) -> bool {
    let line = line.trim_end_matches(['。', '!', '！']);
    CLOSING_FORMULAS.contains(&line)
}

/// Words by which a title names a document.
pub const DOCUMENT_WORDS: &[&str] = &["报告", "总结", "要点", "计划", "思路", "打算", "安排"];

/// True when `joined`, two lines put together, names a document or a genre with a word
/// that neither line holds alone: a title wrapped inside a word (`政府工作报` / `告`).
pub fn names_document_across(first: &str, joined: &str) -> bool {
    let rest = &joined[first.len()..];
    let across = |w: &&str| joined.contains(*w) && !first.contains(*w) && !rest.contains(*w);
    DOCUMENT_WORDS.iter().any(across)
        || GENRES.iter().flat_map(|r| r.title_words.iter()).any(across)
}

/// The genre a title or opening paragraph names, if any.
pub fn named_in(s: &str) -> Option<Genre> {
    GENRES
        .iter()
        .find(|r| r.title_words.iter().any(|w| s.contains(w)))
        .map(|r| r.genre)
}

/// The words that name each part other than the plan, in the order they are tried: the
/// leaders' duty before anything else (it is often worded as a review), appendices and
/// five-year sections before plans (they name years and tasks too).
pub const PART_WORDS: &[(Part, &[&str])] = &[
    (
        Part::LeaderDuty,
        &["第一责任人", "主要负责人", "主要领导履行"],
    ),
    (
        Part::Appendix,
        &["附件", "附录", "名词解释", "名词注释", "实事项目"],
    ),
    (Part::FiveYear, &["时期", "期间", "五年"]),
    (Part::Plans, &[]),
    (
        Part::Targets,
        &["总体部署", "总体要求", "预期目标", "政策取向", "宏观政策"],
    ),
    (
        Part::Shortcomings,
        &["不足", "问题", "短板", "差距", "薄弱"],
    ),
    (Part::OtherMatters, &["其他需要报告", "其他事项"]),
    (Part::Overview, &["总体情况"]),
    (Part::ProactiveDisclosure, &["主动公开"]),
    (Part::Requests, &["申请"]),
    (Part::Appeals, &["行政复议", "行政诉讼"]),
    (
        Part::Measures,
        &[
            "举措",
            "成效",
            "成绩",
            "成就",
            "主要做法",
            "工作开展",
            "工作情况",
            "主要工作",
            "进展",
            "回顾",
            "完成情况",
            "工作总结",
        ],
    ),
];

/// Words of a review heading that names no part word: `过去一年`, `一年来`, `去年工作`.
pub const REVIEW_OPENINGS: &[&str] = &["过去", "一年来", "去年"];

/// True for a review heading: `2024年工作回顾`, `过去五年工作回顾`, `一年来工作回顾`,
/// `三年来的斗争和新时期的总任务`.
pub fn is_review_title(title: &str) -> bool {
    let years_since = title.find("年来").is_some_and(|at| {
        at > 0
            && title[..at]
                .chars()
                .all(|c| "一二三四五六七八九十两几".contains(c))
    });
    title.contains("回顾") || years_since || REVIEW_OPENINGS.iter().any(|w| title.starts_with(w))
}

/// True when a heading names `part` other than the plan (whose wording is the genre's:
/// see `plan`): by the part's words, or as a review, a list of projects or a five-year
/// plan.
pub fn names_part(title: &str, part: Part) -> bool {
    let by_words = PART_WORDS
        .iter()
        .any(|(p, words)| *p == part && words.iter().any(|w| title.contains(w)));
    by_words
        || match part {
            Part::Measures => is_review_title(title),
            Part::Appendix => is_projects_list(title),
            Part::FiveYear => names_five_year_plan(title),
            _ => false,
        }
}

/// An appendix is also a list of the year's practical projects for the people
/// (`2025年省十件民生实事`, `2025年10件惠民实事`).
pub fn is_projects_list(title: &str) -> bool {
    title.contains("实事") && (title.contains('件') || title.contains("项目"))
}

/// A five-year period named by its plan: `"十四五"`, `十三五`.
pub fn names_five_year_plan(title: &str) -> bool {
    title
        .char_indices()
        .filter(|(_, c)| *c == '十')
        .any(|(i, _)| {
            let rest = &title[i + '十'.len_utf8()..];
            let mut chars = rest.chars();
            chars
                .next()
                .is_some_and(|c| "一二三四五六七八九".contains(c))
                && chars.next() == Some('五')
        })
}

/// Phrases that name a section of any genre well enough to stand as a heading without a
/// marker (`2025年重点工作`, `名词解释`): the genres' plan and review wordings, the
/// government's own work and the appendices.
const SECTION_PHRASES: &[&str] = &[
    "回顾",
    "主要工作",
    "发展成就",
    "工作安排",
    "重点工作",
    "主要任务",
    "重点任务",
    "工作任务",
    "目标任务",
    "工作思路",
    "工作要点",
    "工作计划",
    "工作打算",
    "下一步工作",
    "下步打算",
    "政府自身建设",
    "附件",
    "名词解释",
    "名词注释",
    "实事",
];

/// Words naming a glossary, whose numbered lines are definitions, not headings.
const GLOSSARY_WORDS: &[&str] = &["名词解释", "名词注释"];

/// True for the heading of a glossary: `名词解释`, `附件《政府工作报告》有关内容名词注释`.
pub fn names_glossary(title: &str) -> bool {
    GLOSSARY_WORDS.iter().any(|w| title.contains(w))
}

/// True when `words` are a section phrase and nothing else (`附件`, `名词解释`).
pub fn is_section_phrase(words: &str) -> bool {
    SECTION_PHRASES.contains(&words)
}

/// Where the first section phrase in `title` ends, or `None` if it names no section.
pub fn section_phrase_end(title: &str) -> Option<usize> {
    SECTION_PHRASES
        .iter()
        .filter_map(|p| title.find(p).map(|i| i + p.len()))
        .min()
}

/// Words that say a relative year: how many years after the year reviewed each means,
/// for a report that reviews its year and one delivered early the next.
pub fn relative_year(word: &str, years: Years) -> Option<i32> {
    let today = match years {
        Years::Reviewed => 0,
        Years::Delivered => 1,
    };
    match word {
        "今年" | "本年" => Some(today),
        "明年" | "下一年" | "来年" => Some(today + 1),
        "新的一年" => Some(1),
        "去年" | "上一年" => Some(today - 1),
        _ => None,
    }
}

/// The relative-year words `relative_year` knows, longest first.
pub const RELATIVE_YEAR_WORDS: &[&str] = &[
    "新的一年",
    "下一年",
    "上一年",
    "今年",
    "本年",
    "明年",
    "来年",
    "去年",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_opening_of_a_section_s_first_sentence_passes_the_quick_check() {
        for word in SENTENCE_SUBJECTS.iter().chain(BODY_OPENINGS) {
            assert!(may_open_sentence(word), "{word}");
        }
        assert!(may_open_sentence("2025年是"));
        assert!(!may_open_sentence("加快建设"));
    }

    #[test]
    fn every_genre_has_one_row_and_other_comes_last() {
        for genre in [
            Genre::RuleOfLaw,
            Genre::GovernmentWork,
            Genre::InformationDisclosure,
            Genre::WorkSummary,
            Genre::CourtWork,
            Genre::ProcuratorateWork,
            Genre::CongressCommitteeWork,
            Genre::Other,
        ] {
            assert_eq!(rules(genre).genre, genre);
            assert_eq!(GENRES.iter().filter(|r| r.genre == genre).count(), 1);
        }
        assert_eq!(GENRES.last().map(|r| r.genre), Some(Genre::Other));
    }

    #[test]
    fn titles_name_their_genre() {
        let cases = [
            ("2025年北京市政府工作报告", Genre::GovernmentWork),
            ("政府工作报告", Genre::GovernmentWork),
            (
                "XX局2022年政府信息公开工作年度报告",
                Genre::InformationDisclosure,
            ),
            (
                "关于2022年法治工作情况暨2023年工作要点的报告",
                Genre::RuleOfLaw,
            ),
            ("关于2024年工作总结和2025年工作思路", Genre::WorkSummary),
            ("XX省高级人民法院工作报告", Genre::CourtWork),
            ("XX市人民检察院工作报告", Genre::ProcuratorateWork),
            (
                "XX省人民代表大会常务委员会工作报告",
                Genre::CongressCommitteeWork,
            ),
        ];
        for (title, genre) in cases {
            assert_eq!(named_in(title), Some(genre), "{title}");
        }
        assert_eq!(named_in("关于某事的说明"), None);
    }

    #[test]
    fn relative_years_depend_on_how_the_genre_dates_itself() {
        assert_eq!(relative_year("今年", Years::Delivered), Some(1));
        assert_eq!(relative_year("今年", Years::Reviewed), Some(0));
        assert_eq!(relative_year("明年", Years::Reviewed), Some(1));
        assert_eq!(relative_year("新的一年", Years::Delivered), Some(1));
    }

    #[test]
    fn five_year_plans_and_project_lists() {
        assert!(names_five_year_plan("“十四五”时期发展成就"));
        assert!(names_five_year_plan("十三五规划"));
        assert!(!names_five_year_plan("十五届"));
        assert!(is_projects_list("2025年省十件民生实事"));
        assert!(is_projects_list("2025年10件惠民实事"));
        assert!(!is_projects_list("用心用情办好民生实事"));
    }
}
