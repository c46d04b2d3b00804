#![cfg(target_arch = "wasm32")]
//! Component tests in a real headless Chromium (wasm-bindgen-test): the page and the
//! checklist panel rendered by Yew into a live DOM, typed into and clicked.

use std::time::Duration;

use report_lens::analysis::analyze;
use report_lens::checklist::Checklist;
use report_lens::ui::{App, ChecklistPanel, ChecklistPanelProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement, InputEvent};
use yew::Callback;

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

/// Waits until `ready` holds (the page renders, and the paste box waits for typing to
/// pause), for at most five seconds.
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

fn element<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

#[wasm_bindgen_test]
async fn pasting_a_report_shows_its_structure_and_a_checklist_that_remembers_ticks() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let root = container();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    assert!(
        texts(&root, ".checklist").is_empty(),
        "nothing is shown before input"
    );

    let textarea: HtmlTextAreaElement = element(&root, "textarea");
    textarea.set_value(YONGCHENG);
    textarea
        .dispatch_event(&InputEvent::new("input").unwrap())
        .unwrap();
    until("the checklist", || {
        !texts(&root, ".checklist .item-title").is_empty()
    })
    .await;

    assert_eq!(
        texts(&root, ".checklist .item-title"),
        [
            "健全完善重大行政决策机制",
            "加强行政执法人员管理",
            "拓展法治宣传阵地",
            "推进法治政府建设示范创建",
            "强化法治政府建设督导检查"
        ]
    );
    assert_eq!(
        texts(&root, ".outline li.level-1"),
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

    element::<HtmlElement>(&root, ".items li:nth-child(2) label").click();
    until("the tick", || texts(&root, ".progress") == ["已完成 1 / 5"]).await;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let raw = storage
        .get_item(&storage.key(0).unwrap().unwrap())
        .unwrap()
        .unwrap();
    let saved: Checklist = report_lens::stored::decode(&raw, None).unwrap();
    assert!(
        saved.items[1].done && !saved.items[0].done,
        "the tick is kept in local storage"
    );
}

#[wasm_bindgen_test]
async fn a_read_only_checklist_offers_no_changes() {
    let root = container();
    let checklist = Checklist::from_report(HENAN, &analyze(HENAN));
    let props = ChecklistPanelProps {
        id: "shared".into(),
        checklist,
        report: None,
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
