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
    pub meta: Meta,
    /// Every heading, in document order.
    pub outline: Vec<Heading>,
    /// The next-year plan section, when the report has one.
    pub plan: Option<PlanSection>,
    /// The plan section's items at their finest level, in document order.
    pub commitments: Vec<Commitment>,
    /// Lines of web-page furniture (breadcrumbs, view counters, share buttons).
    pub boilerplate: Vec<Span>,
}

/// Facts about the report as a whole; each is absent rather than guessed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The title line, with stray spaces between Chinese characters removed.
    pub title: Option<String>,
    /// The year the report covers.
    pub report_year: Option<u32>,
    /// The year the plan section is for: its own year, or the report year plus one.
    pub plan_year: Option<u32>,
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

/// The section that sets out next year's plans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanSection {
    /// The title of the section's heading.
    pub heading: String,
    /// Index of that heading in `outline`.
    pub heading_index: usize,
    /// From the heading line to the end of the section's last line of content.
    pub span: Span,
}

/// One item of the checklist for next year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    /// The item's leading phrase, without its marker.
    pub title: String,
    /// The whole item from its marker to its end, one line per paragraph.
    pub text: String,
    /// The title of the heading the item sits under inside the plan section; `None`
    /// when it sits directly under the plan heading.
    pub parent: Option<String>,
    pub span: Span,
}
