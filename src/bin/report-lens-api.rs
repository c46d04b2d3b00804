//! The JavaScript API: an ES module, `report-lens-api.js` (with `report-lens-api_bg.wasm`)
//! in dist/ beside the page, for other pages to call the same readers, analysis and
//! checklist exports as the page, with nothing leaving the browser. Trunk builds it with
//! wasm-bindgen's `web` target (index.html); the page itself never loads it. Values cross
//! as plain JavaScript objects, shaped like the command line's JSON (they are its JSON);
//! an argument of the wrong type is a `TypeError` naming it, checked before anything is
//! copied into the module. README documents each function, and examples/api.html calls
//! them.

#[cfg(target_arch = "wasm32")]
mod api {
    use js_sys::{ArrayBuffer, TypeError, Uint8Array};
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    use report_lens::analysis;
    use report_lens::checklist::Checklist;
    use report_lens::export;
    use report_lens::i18n::Lang;
    use report_lens::ingest;

    /// `value` as the plain objects its JSON gives: written as JSON by the module and
    /// parsed by the browser, which is quicker than building the objects field by field
    /// across the boundary (`analyze` about 6 % faster in Chromium).
    fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
        let json = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
        js_sys::JSON::parse(&json)
    }

    /// A `TypeError` saying what `call` takes.
    fn type_error(call: &str, wanted: &str) -> JsValue {
        TypeError::new(&format!("{call}: {wanted}")).into()
    }

    /// The string argument `value` of `call`, or a `TypeError`: a value of another type
    /// never reaches the analysis.
    fn string(value: &JsValue, call: &str, name: &str) -> Result<String, JsValue> {
        value
            .as_string()
            .ok_or_else(|| type_error(call, &format!("{name} must be a string")))
    }

    /// The analysis of a report's text: its metadata, outline, parts, plan and
    /// commitments. Spans are UTF-8 byte ranges of `text`.
    #[wasm_bindgen]
    pub fn analyze(text: JsValue) -> Result<JsValue, JsValue> {
        to_js(&analysis::analyze(&string(&text, "analyze(text)", "text")?))
    }

    /// The text of a file's bytes (a `Uint8Array` or an `ArrayBuffer`): `{ text, format,
    /// encoding }`, with `format` one of `Text`, `Html`, `Mht`, `Docx`, `Pdf`. Throws an
    /// `Error` saying why a file cannot be read (a scanned PDF, a legacy `.doc`, …).
    #[wasm_bindgen]
    pub fn read(
        bytes: JsValue,
        #[wasm_bindgen(js_name = fileName)] file_name: JsValue,
    ) -> Result<JsValue, JsValue> {
        const CALL: &str = "read(bytes, fileName)";
        let bytes = if let Some(buffer) = bytes.dyn_ref::<ArrayBuffer>() {
            Uint8Array::new(buffer)
        } else if let Some(array) = bytes.dyn_ref::<Uint8Array>() {
            array.clone()
        } else {
            return Err(type_error(
                CALL,
                "bytes must be a Uint8Array or an ArrayBuffer",
            ));
        };
        let file_name = string(&file_name, CALL, "fileName")?;
        let ingested = ingest::read(&file_name, &bytes.to_vec())
            .map_err(|e| JsValue::from(JsError::new(&e.to_string())))?;
        to_js(&ingested)
    }

    /// The checklist of a report's text: one item per commitment of its plan, as the page
    /// starts it.
    #[wasm_bindgen]
    pub fn checklist(text: JsValue) -> Result<JsValue, JsValue> {
        let text = string(&text, "checklist(text)", "text")?;
        to_js(&Checklist::from_report(&analysis::analyze(&text)))
    }

    /// A checklist object (from `checklist`, possibly changed) back in Rust, within the
    /// bounds the page applies to anything from outside; a `TypeError` for anything else.
    fn from_js(list: JsValue, call: &str) -> Result<Checklist, JsValue> {
        if !list.is_object() {
            return Err(type_error(call, "list must be a checklist object"));
        }
        let list: Checklist = serde_wasm_bindgen::from_value(list)
            .map_err(|e| type_error(call, &format!("list is not a checklist ({e})")))?;
        Ok(list.bounded())
    }

    /// The language of an export's words: `"zh"` (the default, also for `undefined` and
    /// `null`) or `"en"`.
    fn lang(code: &JsValue, call: &str) -> Result<Lang, JsValue> {
        if code.is_undefined() || code.is_null() {
            return Ok(Lang::Zh);
        }
        match string(code, call, "lang")?.as_str() {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            other => Err(JsError::new(&format!(
                "unknown language {other:?}: use \"zh\" or \"en\""
            ))
            .into()),
        }
    }

    /// The checklist as Markdown, as the page's Markdown export writes it.
    #[wasm_bindgen]
    pub fn markdown(list: JsValue, lang_code: JsValue) -> Result<String, JsValue> {
        const CALL: &str = "markdown(list, lang)";
        Ok(export::markdown(
            &from_js(list, CALL)?,
            lang(&lang_code, CALL)?.texts(),
        ))
    }

    /// The checklist as CSV for Excel (UTF-8 with a byte-order mark, formulas neutralised).
    #[wasm_bindgen]
    pub fn csv(list: JsValue, lang_code: JsValue) -> Result<String, JsValue> {
        const CALL: &str = "csv(list, lang)";
        Ok(export::csv(
            &from_js(list, CALL)?,
            lang(&lang_code, CALL)?.texts(),
        ))
    }

    /// The checklist as the JSON the page exports and imports.
    #[wasm_bindgen]
    pub fn json(list: JsValue) -> Result<String, JsValue> {
        Ok(export::json(&from_js(list, "json(list)")?))
    }

    /// This build's version of report-lens.
    #[wasm_bindgen]
    pub fn version() -> String {
        env!("CARGO_PKG_VERSION").to_string()
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("report-lens-api is a JavaScript module for the browser (README: JavaScript API); on the command line use `report-lens analyze FILE`");
    std::process::ExitCode::from(2)
}
