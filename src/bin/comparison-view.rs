//! The 目标对比 view (the comparison of the reports' targets, `comparison`), as an ES
//! module of its own: the page loads it the first time the view is opened
//! (the `<report-lens-comparison>` element of index.html), so the page's initial load
//! carries none of it. Trunk builds it with
//! wasm-bindgen's `web` target, for size like the page (index.html).
//!
//! `mount(host, request)` draws into the element `host` the table of the reports in
//! `request` (JSON: `comparison::Request`), sortable by any column, the bar chart of one
//! chosen indicator (an SVG image, `export::comparison::chart_svg`, shown as an `<img>`),
//! and the exports: the table as CSV, the chart as SVG and as PNG. Everything is built
//! with DOM calls, the user's text set as text, never as HTML. One listener on `host` for
//! clicks and one for changes serve every control, by the `data-` attributes they carry;
//! a later `mount` into the same host replaces what the earlier drew.

#[cfg(target_arch = "wasm32")]
mod view {
    use std::cell::RefCell;

    use gloo::events::EventListener;
    use gloo::utils::document;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::{spawn_local, JsFuture};
    use web_sys::{
        CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlImageElement, HtmlSelectElement,
    };

    use report_lens::comparison::{Column, Comparison, Request, SortBy};
    use report_lens::export::comparison::{chart_svg, column_name, csv, headers};
    use report_lens::i18n::Texts;
    use report_lens::ui::browser::{download, download_url};
    use report_lens::ui::pinyin_order;

    /// What the view shows, and the listeners that change it.
    struct View {
        host: Element,
        comparison: Comparison,
        t: &'static Texts,
        sort: Option<(SortBy, bool)>,
        /// The column charted: an index into `comparison.columns`.
        charted: usize,
        _listeners: [EventListener; 2],
    }

    thread_local! {
        static VIEW: RefCell<Option<View>> = const { RefCell::new(None) };
    }

    #[wasm_bindgen]
    pub fn mount(host: Element, request: &str) -> Result<(), JsError> {
        let request: Request = serde_json::from_str(request)?;
        let comparison = Comparison::new(request.reports);
        let t = request.lang.texts();
        let listeners = [
            EventListener::new(&host, "click", |event| {
                if let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                    clicked(&target);
                }
            }),
            EventListener::new(&host, "change", |event| {
                if let Some(select) = event
                    .target()
                    .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
                {
                    if let Ok(charted) = select.value().parse() {
                        update(|view| view.charted = charted);
                    }
                }
            }),
        ];
        let view = View {
            host,
            comparison,
            t,
            sort: None,
            charted: 0,
            _listeners: listeners,
        };
        render(&view);
        VIEW.with(|v| *v.borrow_mut() = Some(view));
        Ok(())
    }

    /// Changes the view by `change` and draws it again.
    fn update(change: impl FnOnce(&mut View)) {
        VIEW.with(|v| {
            if let Some(view) = v.borrow_mut().as_mut() {
                change(view);
                render(view);
            }
        });
    }

    /// Acts on a click on `target`: a column's sort button, or an export.
    fn clicked(target: &Element) {
        if let Ok(Some(button)) = target.closest("[data-sort]") {
            let key = button.get_attribute("data-sort").unwrap_or_default();
            let by = match key.as_str() {
                "name" => SortBy::Name,
                "issuer" => SortBy::Issuer,
                "year" => SortBy::Year,
                column => match column.parse() {
                    Ok(k) => SortBy::Column(k),
                    Err(_) => return,
                },
            };
            update(|view| {
                // The same column again turns the order round; a column of figures
                // starts from the highest, one of text from the start of the alphabet.
                let descending = match view.sort {
                    Some((sorted, descending)) if sorted == by => !descending,
                    _ => {
                        matches!(by, SortBy::Column(k) if matches!(view.comparison.columns.get(k), Some(Column::Indicator(_))))
                    }
                };
                view.sort = Some((by, descending));
            });
        } else if let Ok(Some(button)) = target.closest("[data-export]") {
            let what = button.get_attribute("data-export").unwrap_or_default();
            VIEW.with(|v| {
                if let Some(view) = v.borrow().as_ref() {
                    export(view, &what);
                }
            });
        }
    }

    /// The rows in the order the user chose, or the reports' own.
    fn order(view: &View) -> Vec<usize> {
        match view.sort {
            Some((by, descending)) => {
                let compare = pinyin_order();
                view.comparison.order(by, descending, &compare)
            }
            None => (0..view.comparison.reports.len()).collect(),
        }
    }

    /// The indicator charted: the column chosen, if it is one of the vocabulary.
    fn charted(view: &View) -> Option<&'static str> {
        match view.comparison.columns.get(view.charted) {
            Some(Column::Indicator(name)) => Some(name),
            _ => None,
        }
    }

    /// The chart of the indicator charted, as SVG.
    fn chart(view: &View, name: &'static str) -> String {
        let (bars, left_out) = view.comparison.bars(name);
        chart_svg(name, &bars, left_out, view.t)
    }

    fn export(view: &View, what: &str) {
        let t = view.t;
        let title = t.view_targets;
        match (what, charted(view)) {
            ("csv", _) => download(
                &format!("{title}.csv"),
                "text/csv;charset=utf-8",
                &csv(&view.comparison, &order(view), t),
            ),
            ("svg", Some(name)) => download(
                &format!("{title}-{name}.svg"),
                "image/svg+xml",
                &chart(view, name),
            ),
            ("png", Some(name)) => {
                let (svg, file) = (chart(view, name), format!("{title}-{name}.png"));
                spawn_local(async move {
                    // Nothing to say if the browser cannot draw it: the SVG stays offered.
                    let _ = png(&svg, &file).await;
                });
            }
            _ => {}
        }
    }

    /// Draws `svg` at twice its size on a canvas and offers it as a PNG named `file`.
    async fn png(svg: &str, file: &str) -> Result<(), JsValue> {
        let image = HtmlImageElement::new()?;
        image.set_src(&data_url(svg));
        JsFuture::from(image.decode()).await?;
        let canvas: HtmlCanvasElement = document().create_element("canvas")?.dyn_into()?;
        canvas.set_width(image.natural_width() * 2);
        canvas.set_height(image.natural_height() * 2);
        let context: CanvasRenderingContext2d = canvas
            .get_context("2d")?
            .ok_or("no 2d context")?
            .dyn_into()?;
        context.scale(2.0, 2.0)?;
        context.draw_image_with_html_image_element(&image, 0.0, 0.0)?;
        download_url(file, &canvas.to_data_url_with_type("image/png")?);
        Ok(())
    }

    /// `svg` as a `data:` URL, for an `<img>`.
    fn data_url(svg: &str) -> String {
        format!(
            "data:image/svg+xml;charset=utf-8,{}",
            js_sys::encode_uri_component(svg)
        )
    }

    /// A new element `tag` with `text` as its text.
    fn element(tag: &str, text: &str) -> Result<Element, JsValue> {
        let e = document().create_element(tag)?;
        e.set_text_content(Some(text));
        Ok(e)
    }

    /// Draws `view` into its host, replacing what was there.
    fn render(view: &View) {
        view.host.set_text_content(None);
        if let Err(e) = draw(view) {
            let said = e
                .as_string()
                .unwrap_or_else(|| view.t.compare_failed.to_string());
            if let Ok(p) = element("p", &said) {
                let _ = view.host.append_child(&p);
            }
        }
    }

    fn draw(view: &View) -> Result<(), JsValue> {
        let (t, c, host) = (view.t, &view.comparison, &view.host);
        if c.columns.is_empty() {
            let none = element("p", t.compare_none)?;
            host.append_child(&none)?;
            return Ok(());
        }
        // The table, in a box of its own that scrolls sideways at phone width.
        let scroller = document().create_element("div")?;
        scroller.set_class_name("table-scroll");
        let table = document().create_element("table")?;
        table.set_class_name("comparison-table");
        let head = document().create_element("tr")?;
        let keys = ["name".to_string(), "issuer".to_string(), "year".to_string()]
            .into_iter()
            .chain((0..c.columns.len()).map(|k| k.to_string()));
        for (key, heading) in keys.zip(headers(c, t)) {
            let th = document().create_element("th")?;
            th.set_attribute("scope", "col")?;
            let sorted = view.sort.filter(|(by, _)| sort_key(*by) == key);
            th.set_attribute(
                "aria-sort",
                match sorted {
                    Some((_, true)) => "descending",
                    Some((_, false)) => "ascending",
                    None => "none",
                },
            )?;
            let button = element("button", &heading)?;
            button.set_attribute("type", "button")?;
            button.set_attribute("data-sort", &key)?;
            button.set_attribute("title", &(t.compare_sort)(&heading))?;
            th.append_child(&button)?;
            head.append_child(&th)?;
        }
        let thead = document().create_element("thead")?;
        thead.append_child(&head)?;
        table.append_child(&thead)?;
        let body = document().create_element("tbody")?;
        for row in order(view) {
            let report = &c.reports[row];
            let tr = document().create_element("tr")?;
            let name = element("th", &report.name)?;
            name.set_attribute("scope", "row")?;
            tr.append_child(&name)?;
            let year = report.year.map(|y| y.to_string()).unwrap_or_default();
            let cells = [report.issuer.clone().unwrap_or_default(), year]
                .into_iter()
                .chain(c.columns.iter().map(|&column| c.cell_text(row, column)));
            for cell in cells {
                let td = element("td", &cell)?;
                tr.append_child(&td)?;
            }
            body.append_child(&tr)?;
        }
        table.append_child(&body)?;
        scroller.append_child(&table)?;
        host.append_child(&scroller)?;

        // The chart of one indicator, chosen among the columns of the vocabulary.
        let figure = document().create_element("figure")?;
        figure.set_class_name("comparison-chart");
        let label = element("label", t.compare_chart_of)?;
        let select = document().create_element("select")?;
        select.set_attribute("data-chart", "")?;
        for (k, column) in c.columns.iter().enumerate() {
            if let Column::Indicator(_) = column {
                let option = element("option", &column_name(*column, t))?;
                option.set_attribute("value", &k.to_string())?;
                if k == view.charted {
                    option.set_attribute("selected", "")?;
                }
                select.append_child(&option)?;
            }
        }
        label.append_child(&select)?;
        figure.append_child(&label)?;
        if let Some(name) = charted(view) {
            let (bars, left_out) = c.bars(name);
            let image = document().create_element("img")?;
            image.set_attribute("src", &data_url(&chart_svg(name, &bars, left_out, t)))?;
            image.set_attribute("alt", &(t.compare_chart_title)(name, bars.len()))?;
            // At phone width the chart keeps a readable size and scrolls in its box.
            let scroller = document().create_element("div")?;
            scroller.set_class_name("chart-scroll");
            scroller.append_child(&image)?;
            figure.append_child(&scroller)?;
        }
        host.append_child(&figure)?;

        let exports = document().create_element("div")?;
        exports.set_class_name("export-bar");
        for (what, text) in [
            ("csv", t.export_csv),
            ("svg", t.compare_chart_svg),
            ("png", t.compare_chart_png),
        ] {
            let button = element("button", text)?;
            button.set_attribute("type", "button")?;
            button.set_attribute("data-export", what)?;
            exports.append_child(&button)?;
        }
        host.append_child(&exports)?;
        Ok(())
    }

    /// The `data-sort` of what rows sort by.
    fn sort_key(by: SortBy) -> String {
        match by {
            SortBy::Name => "name".to_string(),
            SortBy::Issuer => "issuer".to_string(),
            SortBy::Year => "year".to_string(),
            SortBy::Column(k) => k.to_string(),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "comparison-view runs in the browser; on the command line use `report-lens analyze --targets FILE…`"
    );
    std::process::ExitCode::from(2)
}
