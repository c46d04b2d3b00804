//! Recognising lines of web-page furniture in reports copied from government sites.
//!
//! Breadcrumbs, publication stamps, view counters, font-size switches, share and print
//! buttons surround the report when it is copied from a web page. A line is furniture
//! only as a whole: it must start with a navigation word followed by a colon or `>`, or
//! be one of the known button captions, or a photo caption (`…本报记者 王某摄`). A body
//! sentence that merely mentions 来源 or 打印 stays content. Toolbars of one or two words
//! are told by their place above the title, not by their words (see `lines`).

/// Labels of the furniture line that names the source (`来源：某某市人民政府`).
pub const SOURCE_LABELS: &[&str] = &["信息来源", "文章来源", "来源"];
/// Labels of the furniture line that gives the publication date.
pub const PUBLISHED_LABELS: &[&str] = &["发布日期", "发布时间", "成文日期", "时间"];

/// The other field labels that open a metadata line, such as `浏览次数:123`.
const FIELD_LABELS: &[&str] = &[
    "您的位置",
    "当前位置",
    "所在位置",
    "浏览次数",
    "点击数",
    "阅读次数",
    "访问量",
    "字号",
    "字体",
    "分享到",
    "索引号",
    "责任编辑",
    "上一篇",
    "下一篇",
    "技术支持",
    "版权所有",
    "网站标识码",
];

/// Whole lines that are buttons or captions, compared with spaces removed.
const CAPTIONS: &[&str] = &[
    "首页",
    "扫一扫在手机打开当前页",
    "打印关闭",
    "打印本页",
    "关闭窗口",
    "【打印正文】",
    "【关闭窗口】",
    "【打印本页】",
    "返回顶部",
    "相关链接",
    "网站地图",
    "【字体:大中小】",
    "【大中小】",
];

/// Furniture lines are short; a long line is a paragraph even if it starts oddly.
const MAX_FURNITURE_CHARS: usize = 120;

/// Where the furniture captions of a site (`扫一扫在手机打开当前页`, `打印关闭`) stand in
/// `s`, a line that may hold several run together: their byte ranges.
pub fn captions_in(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    CAPTIONS
        .iter()
        .flat_map(move |c| s.match_indices(c).map(|(i, c)| (i, i + c.len())))
}

/// What separates the steps of a breadcrumb (`首页>政府信息公开>…`).
pub const BREADCRUMB_SEPARATORS: &[char] = &['>', '＞'];

/// True when a trimmed line is page furniture rather than report content.
pub fn is_boilerplate(line: &str) -> bool {
    if line.chars().nth(MAX_FURNITURE_CHARS).is_some() {
        return false;
    }
    let compact: String = line
        .chars()
        .filter(|c| !super::scan::is_space(*c))
        .map(|c| if c == '：' { ':' } else { c })
        .collect();
    if CAPTIONS.contains(&compact.as_str()) {
        return true;
    }
    if compact.starts_with(BREADCRUMB_SEPARATORS) {
        return true;
    }
    if compact.starts_with("首页") && compact.contains(BREADCRUMB_SEPARATORS) {
        return true;
    }
    // A photo caption: `…本报记者 张三摄`.
    if compact.contains("记者") && compact.ends_with('摄') {
        return true;
    }
    let labels = [SOURCE_LABELS, PUBLISHED_LABELS, FIELD_LABELS];
    labels.iter().flat_map(|l| l.iter()).any(|label| {
        compact
            .strip_prefix(label)
            .is_some_and(|rest| rest.starts_with(':') || rest.starts_with('['))
    })
}

#[cfg(test)]
mod tests {
    use super::is_boilerplate;

    #[test]
    fn furniture_lines_from_real_pages() {
        for line in [
            "首页",
            ">政府信息公开>法定主动公开内容>文件发布>省数据局文件",
            "您的位置: 首页 >要闻动态>通知公告>详细内容",
            "发布日期:2023-01-05 14:22 浏览次数:",
            "来源: 发布时间:2022-03-31 09:35:00 浏览次数: 字号:[小]   [大]",
            "发布时间：2023-03-17 09:53:54\u{a0}\u{a0} 信息来源:省营商局",
            "扫一扫在手机打开当前页",
            "打印 关闭",
            "分享到:",
            "【打印正文】",
            "【字体：大 中 小】",
            "上一篇：关于2022年度政府信息公开工作的报告",
            "下一篇:无",
            "版权所有：某某市人民政府办公室",
            "1月14日，北京市第十六届人民代表大会第三次会议开幕。本报记者 王某摄",
            "来源：北京日报　时间：2025-01-15",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn body_sentences_with_the_same_words_are_content() {
        for line in [
            "来源于群众的意见建议全部办结。",
            "首页改版后,网站访问量提升20%。",
            "发布日期统一规范,做到及时公开。",
            "打印关闭等功能全面上线运行,方便群众。",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }
}
