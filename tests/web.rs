#![cfg(target_arch = "wasm32")]
//! Component tests in a real headless Chromium (wasm-bindgen-test): a report's views and
//! the checklist panel rendered by Yew into a live DOM, and clicked. (The page as a whole,
//! whose analysis runs in web workers, is tested end to end: tests/e2e/.)

use std::rc::Rc;
use std::time::Duration;

use report_lens::analysis::{analyze, Corrections};
use report_lens::checklist::Checklist;
use report_lens::ui::{ChecklistPanel, ChecklistPanelProps, MetaBand, Outline, Ptr, TextView};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const HENAN: &str = include_str!("fixtures/henan-approval-bureau-2022.txt");
const YONGCHENG: &str = include_str!("fixtures/yongcheng-city-2021.txt");

/// A fresh element in the page to render into.
fn container() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets Yew's scheduler run the pending renders.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

/// Waits until `ready` holds, for at most five seconds.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..250 {
        if ready() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("waited five seconds for {what}");
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.get(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

/// The three views of the sample report, as the page shows them once it is analysed.
#[function_component]
fn Views() -> Html {
    let report = Ptr(Rc::new(analyze(YONGCHENG)));
    html! {
        <>
            <MetaBand report={report.clone()} corrections={Corrections::default()} on_correct={Callback::noop()} />
            <Outline report={report.clone()} on_select={Callback::noop()} on_plan={Callback::noop()} />
            <TextView text={Ptr(Rc::<str>::from(YONGCHENG))} {report} focus={None} />
        </>
    }
}

#[wasm_bindgen_test]
async fn a_reports_views_show_its_title_parts_outline_and_highlighted_text() {
    let root = container();
    yew::Renderer::<Views>::with_root(root.clone()).render();
    until("the views", || !texts(&root, ".outline li").is_empty()).await;
    // The text is drawn once it comes near the screen: below the outline, it may not be.
    let text_view = root.query_selector(".text-view").unwrap().unwrap();
    text_view.scroll_into_view();
    until("the text, once in view", || {
        !texts(&root, ".report-text .p").is_empty()
    })
    .await;

    assert_eq!(
        texts(&root, ".outline li.level-1 > .link"),
        ["一、工作开展情况", "二、存在问题和薄弱环节", "三、下步打算"]
    );
    assert_eq!(
        texts(&root, ".meta-band .report-title"),
        ["关于2021年度法治政府建设工作开展情况的报告"]
    );
    assert!(texts(&root, ".parts .mentioned")
        .iter()
        .any(|p| p.contains("第一责任人")));
    assert!(texts(&root, ".hl-document").contains(&"《河南省社会信用条例》".to_string()));
    assert_eq!(
        texts(&root, ".report-text .furniture")
            .first()
            .map(String::as_str),
        Some("您的位置: 首页 >要闻动态>通知公告>详细内容")
    );
    assert_eq!(
        root.query_selector_all(".report-text .in-plan")
            .unwrap()
            .length(),
        6,
        "the plan heading and its five items"
    );
}

#[wasm_bindgen_test]
async fn a_read_only_checklist_offers_no_changes() {
    let root = container();
    let checklist = Checklist::from_report(&analyze(HENAN));
    let props = ChecklistPanelProps {
        id: "shared".into(),
        checklist,
        name: None,
        plan: None,
        places: Default::default(),
        readonly: true,
        removed: None,
        on_edit: Callback::noop(),
        on_show: Callback::noop(),
    };
    yew::Renderer::<ChecklistPanel>::with_root_and_props(root.clone(), props).render();
    settle().await;

    assert_eq!(
        texts(&root, ".item-title"),
        ["加强组织领导", "完善工作机制", "提高法制审核水平"]
    );
    let boxes = root.query_selector_all("input[type=checkbox]").unwrap();
    assert_eq!(boxes.length(), 3);
    for i in 0..3 {
        assert!(boxes
            .get(i)
            .unwrap()
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .disabled());
    }
    assert_eq!(
        root.query_selector_all(".item-actions, .add-item")
            .unwrap()
            .length(),
        0
    );
    assert_eq!(texts(&root, ".progress"), ["已完成 0 / 3"]);
}
