//! The `Report`: everything the analysis learns about one text, as plain serde data.
//!
//! A `Report` never copies the input wholesale: every heading, section and commitment
//! carries a `Span`, a byte range into the text it was made from, so the views can
//! highlight and scroll without parsing again. The strings it does hold (titles, item
//! texts) are short, normalised extracts meant for display and export.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the analysed text, always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The text this span covers.
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

/// The result of analysing one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The text's id (`text_id`): the same for the same text, white space aside, on every
    /// run and machine. A checklist is kept under it.
    pub id: String,
    pub meta: Meta,
    /// Every heading, in document order.
    pub outline: Vec<Heading>,
    /// The top-level sections, each with the part of a report it is.
    pub sections: Vec<Section>,
    /// Each part of a report, where it was found, and whether its absence matters.
    pub parts: Vec<PartCheck>,
    /// The next-year plan section, when the report has one.
    pub plan: Option<PlanSection>,
    /// The review of the year reported on, when the report has one: what a follow-up
    /// reads as the record of the year's work.
    pub review: Option<Review>,
    /// The plan section's items at their finest level, in document order.
    pub commitments: Vec<Commitment>,
    /// The year's main expected targets and the results the review reports
    /// (`indicators`), in document order.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// Spans in the content worth colouring: figures, documents, quotes, dates, markers.
    pub highlights: Vec<Highlight>,
    /// Lines of text that are neither headings nor furniture, in order.
    pub paragraphs: Vec<Span>,
    /// Lines of web-page furniture (breadcrumbs, view counters, share buttons).
    pub boilerplate: Vec<Span>,
    /// The line each fact was read from: the title, the issuer, each signal of the year
    /// reviewed, the plan, and the plan year when the plan heading names it.
    pub evidence: Vec<Evidence>,
    /// What the reader should check: signals that disagree, a plan found only by a
    /// fallback, no plan at all.
    pub warnings: Vec<Warning>,
    /// The facts a reader corrected (`analyze_corrected`), each with the analysis' own
    /// value; none for a report as the analysis read it.
    #[serde(default)]
    pub corrected: Vec<Corrected>,
}

impl Report {
    /// Every span the report holds, wherever it is: those a view may cut its text at.
    pub fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        let items = self.commitments.iter().flat_map(|c| {
            let points = c
                .points
                .iter()
                .flat_map(|p| std::iter::once(p.span).chain(p.targets.iter().map(|t| t.span)));
            std::iter::once(c.span)
                .chain(c.targets.iter().map(|t| t.span))
                .chain(points)
        });
        let review = self
            .review
            .iter()
            .flat_map(|r| r.spans.iter().chain(&r.problems).copied());
        self.outline
            .iter()
            .map(|h| h.span)
            .chain(self.plan.iter().map(|p| p.span))
            .chain(review)
            .chain(items)
            .chain(self.indicators.iter().map(|i| i.span))
            .chain(self.highlights.iter().map(|h| h.span))
            .chain(self.paragraphs.iter().copied())
            .chain(self.boilerplate.iter().copied())
            .chain(self.evidence.iter().map(|e| e.span))
            .chain(self.warnings.iter().filter_map(|w| match w {
                Warning::YearsDisagree { span, .. }
                | Warning::IssuerDisagrees { span, .. }
                | Warning::TargetLeftOut { span, .. } => Some(*span),
                _ => None,
            }))
    }
}

/// A fact the reader corrected, and what the analysis had found for it (the plan: its
/// heading's title; `None` when it found nothing, or a plan without a heading).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corrected {
    pub fact: Fact,
    pub own: Option<String>,
}

/// A fact of the report, as named by its evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    Title,
    Issuer,
    ReportYear,
    PlanYear,
    Plan,
}

/// Where a report says which year it reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    /// `——2025年1月14日在…会议上`, in any of its forms.
    Delivery,
    /// `2025年政府工作报告`, `政府工作报告（2025）`, `2022年度…报告`.
    Title,
    /// `一、2024年工作回顾`
    ReviewHeading,
    /// `三、2025年重点工作`
    PlanHeading,
    /// `2022年，我局…`, in a report that names its year nowhere else.
    Opening,
}

/// The line a fact was read from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub fact: Fact,
    /// For the year reviewed: which signal this line is.
    pub source: Option<YearSource>,
    /// The line, white space tidied, cut after 100 characters.
    pub line: String,
    pub span: Span,
}

/// Something the reader should check, because the analysis is not sure. Externally
/// tagged (`"no_plan"`, `{"years_disagree": {…}}`): the page's workers send reports in a
/// format that cannot read a tag inside the value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Warning {
    /// A line names another year reviewed than the one taken (which `evidence` shows).
    YearsDisagree {
        report_year: u32,
        other_year: u32,
        source: YearSource,
        line: String,
        span: Span,
    },
    /// The title names another government than the issuer taken (from the speaker or
    /// the meeting).
    IssuerDisagrees {
        issuer: String,
        other: String,
        line: String,
        span: Span,
    },
    /// No signal names the year reviewed.
    NoYear,
    /// No section of the report reads as next year's plan.
    NoPlan,
    /// The plan was found without a heading that names it: as the sections after the
    /// review, or from a closing paragraph.
    PlanWithoutHeading { found_by: PlanSource },
    /// The plan has no items.
    EmptyPlan,
    /// The text's line breaks were lost (a page copied into one line): headings and
    /// items were cut again at their markers, and items that the report set apart only
    /// by paragraphs may be merged.
    LineBreaksLost,
    /// A clause of the targets passage was left out of the year's targets: it speaks of
    /// five years or a later year, so it may be a five-year goal.
    TargetLeftOut { line: String, span: Span },
    /// The heading the reader made the plan is no longer in the text: the analysis' own
    /// plan stands.
    PlanChoiceLost { title: String },
    /// The report is too large to show whole: the page shows its first `shown_chars`
    /// characters of `total_chars`, and what the analysis found in them (`fit_for_page`;
    /// never set on the command line, which reads the whole).
    ShownInPart {
        shown_chars: usize,
        total_chars: usize,
    },
}

/// Facts about the report as a whole; each is absent rather than guessed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The title line, with stray spaces between Chinese characters removed.
    pub title: Option<String>,
    /// The body that issued the report.
    pub issuer: Option<String>,
    /// The body the report is addressed to, from a line like `商丘市人民政府:`.
    pub addressee: Option<String>,
    /// The year the report reviews: for a report delivered to a people's congress early
    /// in a year, the year before.
    pub report_year: Option<u32>,
    /// The year the plan section is for: its own year, or the report year plus one.
    pub plan_year: Option<u32>,
    /// The day the report was delivered, `YYYY-MM-DD`, from a line such as
    /// `——2025年1月14日在北京市第十六届人民代表大会第三次会议上`.
    pub delivered: Option<String>,
    /// The meeting it was delivered at: `北京市第十六届人民代表大会第三次会议`.
    pub meeting: Option<String>,
    /// The web page's publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The date under the signature, `YYYY-MM-DD`.
    pub signed: Option<String>,
    pub genre: Genre,
}

/// The kind of report, which decides which parts it must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Genre {
    /// 法治政府建设情况报告: the 2019 regulation says what it must contain.
    RuleOfLaw,
    /// 政府工作报告
    GovernmentWork,
    /// 政府信息公开工作年度报告
    InformationDisclosure,
    /// 工作总结 and 工作计划/思路/要点
    WorkSummary,
    /// 法院工作报告
    CourtWork,
    /// 检察院工作报告
    ProcuratorateWork,
    /// 人大常委会工作报告
    CongressCommitteeWork,
    Other,
}

/// One heading line such as `(二)持续推进“一网通办”改革。`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Heading {
    /// Depth in the outline, 1 for the outermost headings.
    pub level: u8,
    /// The marker as written, e.g. `(二)`, `1﹒`, `三、`.
    pub marker: String,
    /// The heading text after the marker, cut at the first `。`.
    pub title: String,
    /// The whole heading line, marker and any body on the same line included.
    pub span: Span,
    /// Index in `outline` of the enclosing heading.
    pub parent: Option<usize>,
}

/// The parts a report can have. Which a genre has, and must have, is in the genre
/// table (`analysis::genre`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// 主要举措和成效, 工作回顾
    Measures,
    /// 存在的不足和原因
    Shortcomings,
    /// 党政主要负责人履行推进法治建设第一责任人职责情况
    LeaderDuty,
    /// 下一年度主要安排
    Plans,
    /// 其他需要报告的情况
    OtherMatters,
    /// 总体情况 (information disclosure)
    Overview,
    /// 主动公开政府信息情况
    ProactiveDisclosure,
    /// 收到和处理政府信息公开申请情况
    Requests,
    /// 政府信息公开行政复议、行政诉讼情况
    Appeals,
    /// A five-year review or plan: `"十四五"时期发展成就和"十五五"时期主要目标任务`
    FiveYear,
    /// The year's overall requirements and targets: `2025年工作总体要求和主要目标`
    Targets,
    /// 附件, 名词解释, 民生实事项目: after the body, never the plan
    Appendix,
}

/// A top-level section and the part it is, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Index of the section's heading in `outline`.
    pub heading_index: usize,
    pub part: Option<Part>,
}

/// Whether a part was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartStatus {
    Present,
    /// Spoken of in a paragraph, without a section of its own.
    Mentioned,
    /// Required for this genre and not found.
    Missing,
    /// Not found, and not required for this genre.
    Absent,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartCheck {
    pub part: Part,
    pub status: PartStatus,
    /// Index in `outline` of the heading that covers the part.
    pub heading_index: Option<usize>,
}

/// How the plan section was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanSource {
    /// By its heading, such as `三、2023年工作计划`.
    Heading,
    /// By a closing paragraph such as `下一步,我们将…`, in a report without a plan heading.
    ClosingParagraph,
    /// As the top-level sections after the review, each a task area, in a report
    /// delivered to a people's congress that has no heading for the year's work.
    Sections,
}

/// The section that sets out next year's plans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanSection {
    /// The title of the section's heading; `None` when found by a closing paragraph or
    /// as several sections.
    pub heading: Option<String>,
    /// Index of that heading in `outline`.
    pub heading_index: Option<usize>,
    pub found_by: PlanSource,
    /// From the heading (or closing paragraph) to the end of the section's last content.
    pub span: Span,
}

/// An indicator a report sets as a target for its year, or reports as a result of the
/// year reviewed (`analysis::indicators`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Its name in the fixed vocabulary (`地区生产总值增长`), or a short name of its own.
    pub name: String,
    /// The figure as written (5 for `5%左右`); none for a target without a figure
    /// (`国际收支基本平衡`).
    pub value: Option<f64>,
    /// The top of a range (`5%—5.5%`).
    pub high: Option<f64>,
    /// `%` (also for `％`), `万人`, `亿斤`, `个百分点`…
    pub unit: Option<String>,
    /// As written: `左右`, `以上`, `以内`, `以下`, `超过`; none for a bare figure.
    pub qualifier: Option<String>,
    pub role: IndicatorRole,
    /// The year it is a target for, or the year it is a result of.
    pub year: Option<u32>,
    /// The phrase that states it.
    pub text: String,
    pub span: Span,
}

/// Whether an indicator is a target or a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorRole {
    Target,
    Result,
}

/// The review of the year reported on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// Indexes in `outline` of the top-level sections taken as the review; none when
    /// it was found by its position.
    pub headings: Vec<usize>,
    pub found_by: ReviewSource,
    /// The review's runs of text, from each section's heading to its last content,
    /// without its problems.
    pub spans: Vec<Span>,
    /// The runs in it that set out problems and challenges (`我们也清醒看到…`): what was
    /// not done, left out of `spans`.
    pub problems: Vec<Span>,
}

/// How the review was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewSource {
    /// By its headings: `一、2024年工作回顾`, `一、"十四五"时期和2025年工作回顾`.
    Heading,
    /// By the first paragraph of a section whose heading is a slogan: `过去一年，…`.
    Opening,
    /// As the text before the first section that looks ahead, in a report whose
    /// headings name no review.
    Position,
}

/// How sure the analysis is that an item is one commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Marked as an item by the report: a heading or an enumeration.
    High,
    /// A sentence of an unstructured plan that reads as a commitment.
    Low,
}

/// One item of the checklist for next year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    /// Stable across runs and machines: derived from the item's text alone.
    pub id: String,
    /// The item's leading phrase, without its marker.
    pub title: String,
    /// The whole item from its marker to its end, one line per paragraph.
    pub text: String,
    /// The title of the heading the item sits under inside the plan section; `None`
    /// when it sits directly under the plan heading.
    pub parent: Option<String>,
    /// `None` for an item of the plan; the title of the appendix list it comes from
    /// (`2025年10件惠民实事`) for an item of such a list.
    pub group: Option<String>,
    /// The unit responsible, when the report names one (`牵头单位：省教育厅`).
    pub owner: Option<String>,
    /// True when the item says something that can be checked: a percentage, a quantity,
    /// a deadline, a goal (`TargetKind::Goal`), or the unit responsible. Otherwise it is
    /// vague (`进一步加强…`, `持续推进…`); a period alone (`全年`) does not make it concrete.
    pub concrete: bool,
    pub span: Span,
    pub confidence: Confidence,
    /// What makes the item measurable: percentages, quantities, deadlines, periods, goals.
    pub targets: Vec<Target>,
    /// The action verbs in the item's title, in order (`加强`, `完善`, `推进`, …).
    pub verbs: Vec<String>,
    /// The points a checker ticks within the item: its paragraphs that open with a short
    /// lead sentence (`points`); none for an item of one paragraph.
    #[serde(default)]
    pub points: Vec<Point>,
}

/// One point of an item: a paragraph that opens with a lead sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// The lead sentence, without its `。`.
    pub title: String,
    /// The whole paragraph.
    pub text: String,
    pub span: Span,
    /// The item's targets written in this paragraph.
    pub targets: Vec<Target>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// `95%`, `3个百分点`
    Percentage,
    /// A number with a unit: `30项`, `1.5万亿元`, `35个工作日`
    Quantity,
    /// `年底前`, `6月底前`, `年内`
    Deadline,
    /// `全年`, `每季度`, `上半年`
    Period,
    /// A goal one can check without a number: a named document to issue
    /// (`出台政务数据体系建设方案`), full coverage (`综合办事窗口全覆盖`), a title to win
    /// (`争创法治政府建设示范市`).
    Goal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub kind: TargetKind,
    /// The target as written: `300个`, `年底前`.
    pub text: String,
    pub span: Span,
    /// What a checker reads it as: for a number, the words of its clause that lead up to
    /// it, with the qualifier after it (`改造完工老旧小区300个以上`); for a deadline, a
    /// period or a goal, its text.
    pub phrase: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HighlightKind {
    /// A number, with its unit if it has one.
    Figure,
    Percentage,
    /// A cited document: `《…》`
    Document,
    /// A quoted slogan: `“…”`
    Quote,
    /// `2023年2月2日`, `2022年度`, `9月5日`, `2023-01-05`
    Date,
    /// Deadlines and periods: `年底前`, `全年`
    Time,
    /// An enumeration marker: `一是`, `第二，`, `首先，`, `①`
    Enumeration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    pub kind: HighlightKind,
    pub span: Span,
}
