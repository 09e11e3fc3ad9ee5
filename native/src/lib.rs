//! `cleaner._native`: the furniture rules' regex matching in linear time (the `regex` crate).
//!
//! `Pattern` is one rule pattern with `search`/`finditer` reporting Python character offsets;
//! `LineMatcher` is one rule list, matching every line of a page in one pass after an
//! Aho-Corasick prefilter over the line. Neither backtracks, so no time-out is ever needed.
//! The matching itself is in `engine.rs`, free of Python.
//!
//! `changed_places` counts the places two texts differ (the pipeline's Step counts; `diff.rs`);
//! the small page fixers of `cleaner/fixes.py` are in `fixes.rs`; the text features of the generic
//! furniture model in `furniture.rs` (`furniture_py.rs` is its Python face).

use std::borrow::Cow;
use std::collections::HashMap;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PySlice, PyString, PyTuple};

pub mod charlm;
pub mod charsets;
pub mod codes;
pub mod context;
pub mod diff;
pub mod engine;
pub mod fixes;
pub mod furniture;
pub mod furniture_body;
pub mod furniture_marks;
mod furniture_py;
pub mod gb18030_reading;
pub mod lone_rare;
pub mod narrowing;
pub mod other_scripts;
pub mod portal_forms;
pub mod realign;
pub mod refusal;
mod repair_py;
pub mod reported_speech;
pub mod reread;
pub mod resync;
pub mod startgate;
pub mod stretches;
pub mod tables;
pub mod trigram;
mod trigram_py;
pub mod truncated;
pub mod viterbi;
pub mod web_pairs;
pub mod words;

use crate::engine::{CharOffsets, Found, LineMatcherCore};

/// Texts at least this long (bytes) are searched with the interpreter released.
const DETACH_BYTES: usize = 1 << 14;

/// `f` on the text, with the interpreter released while it runs when the text is long.
fn on_text<T: Send>(py: Python<'_>, s: &str, f: impl FnOnce(&str) -> T + Send) -> T {
    if s.len() >= DETACH_BYTES {
        py.detach(|| f(s))
    } else {
        f(s)
    }
}

/// A Python str seen as UTF-8: borrowed when it encodes; a lone surrogate (which UTF-8 cannot
/// hold) is read as U+FFFD, one character for one, so offsets stay right.
struct Text<'a, 'py> {
    obj: &'a Bound<'py, PyString>,
    str: Cow<'a, str>,
    lossy: bool,
    chars: usize,
}

/// The str in UTF-8 with each lone surrogate read as U+FFFD: one character for one, and three
/// bytes for three (a surrogate passed through UTF-8 takes three bytes), so offsets stay right.
fn with_surrogates_replaced(obj: &Bound<'_, PyString>) -> PyResult<String> {
    let encoded = obj.call_method1("encode", ("utf-8", "surrogatepass"))?;
    let mut bytes = encoded.cast_into::<PyBytes>().map_err(PyErr::from)?.as_bytes().to_vec();
    engine::replace_surrogates(&mut bytes);
    String::from_utf8(bytes).map_err(|e| PyValueError::new_err(e.to_string()))
}

impl<'a, 'py> Text<'a, 'py> {
    fn new(obj: &'a Bound<'py, PyString>) -> PyResult<Self> {
        let chars = obj.len()?;
        Ok(match obj.to_str() {
            Ok(s) => Text {
                obj,
                str: Cow::Borrowed(s),
                lossy: false,
                chars,
            },
            Err(_) => Text {
                obj,
                str: Cow::Owned(with_surrogates_replaced(obj)?),
                lossy: true,
                chars,
            },
        })
    }

    /// The match as Python sees it: (start, end, groups) in characters.
    fn convert(&self, found: &Found, offsets: &mut CharOffsets<'_>) -> PyResult<Bound<'py, PyTuple>> {
        let py = self.obj.py();
        let start = offsets.at(found.start);
        let end = offsets.at(found.end);
        let mut groups: Vec<Bound<'py, PyAny>> = Vec::with_capacity(found.groups.len());
        for g in &found.groups {
            groups.push(match *g {
                None => py.None().into_bound(py),
                Some((a, b)) if !self.lossy => PyString::new(py, &self.str[a..b]).into_any(),
                Some((a, b)) => {
                    // Cut the original str, surrogates and all (groups counted from the start).
                    let text = self.str.as_bytes();
                    let ca = start + engine::count_chars(&text[found.start..a]);
                    let cb = ca + engine::count_chars(&text[a..b]);
                    let slice = PySlice::new(py, ca as isize, cb as isize, 1);
                    self.obj.get_item(slice)?
                }
            });
        }
        let groups = PyTuple::new(py, groups)?;
        (start, end, groups).into_pyobject(py)
    }
}

/// One rule pattern compiled by the `regex` crate: linear-time search, no look-around and no
/// back-references. Offsets are Python character offsets.
#[pyclass(frozen, module = "cleaner._native")]
struct Pattern {
    re: regex::Regex,
    pattern: String,
}

#[pymethods]
impl Pattern {
    #[new]
    #[pyo3(signature = (pattern, *, size_limit = engine::DEFAULT_SIZE_LIMIT))]
    fn new(pattern: String, size_limit: usize) -> PyResult<Self> {
        let re = engine::compile(&pattern, size_limit).map_err(PyValueError::new_err)?;
        Ok(Pattern { re, pattern })
    }

    /// The first match as (start, end, groups), groups being capture groups 1..n (None when a
    /// group took no part), or None.
    fn search<'py>(&self, text: &Bound<'py, PyString>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        let t = Text::new(text)?;
        let s: &str = &t.str;
        let found = on_text(text.py(), s, |s| engine::search(&self.re, s));
        let mut offsets = CharOffsets::new(s, Some(t.chars));
        found.map(|f| t.convert(&f, &mut offsets)).transpose()
    }

    /// Every non-overlapping match, as `search` reports one.
    fn finditer<'py>(&self, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyList>> {
        let t = Text::new(text)?;
        let s: &str = &t.str;
        let all = on_text(text.py(), s, |s| engine::find_all(&self.re, s));
        let mut offsets = CharOffsets::new(s, Some(t.chars));
        let items = all
            .iter()
            .map(|f| t.convert(f, &mut offsets))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(text.py(), items)
    }

    /// Named groups: name -> group number.
    #[getter]
    fn group_names(&self) -> HashMap<String, usize> {
        self.re
            .capture_names()
            .enumerate()
            .filter_map(|(i, name)| name.map(|n| (n.to_string(), i)))
            .collect()
    }

    /// Number of capture groups (not counting the whole match).
    #[getter]
    fn groups(&self) -> usize {
        self.re.captures_len() - 1
    }

    #[getter]
    fn pattern(&self) -> &str {
        &self.pattern
    }

    fn __repr__(&self) -> String {
        format!("Pattern({:?})", self.pattern)
    }
}

/// One rule list: which patterns match each line of a page, in one pass per line.
///
/// `needed[i]` lists strings of which every match of pattern i holds one, or is None (always
/// try pattern i). A line holding none of a pattern's strings never reports it, nor does a line
/// longer than `max_chars[i]` characters (if given; 0: no limit).
#[pyclass(frozen, module = "cleaner._native")]
struct LineMatcher {
    core: LineMatcherCore,
}

#[pymethods]
impl LineMatcher {
    #[new]
    #[pyo3(signature = (patterns, needed, *, max_chars = Vec::new(), size_limit = engine::DEFAULT_SIZE_LIMIT))]
    fn new(
        py: Python<'_>,
        patterns: Vec<String>,
        needed: Vec<Option<Vec<String>>>,
        max_chars: Vec<usize>,
        size_limit: usize,
    ) -> PyResult<Self> {
        let core = py
            .detach(|| LineMatcherCore::new(patterns, needed, &max_chars, size_limit))
            .map_err(PyValueError::new_err)?;
        Ok(LineMatcher { core })
    }

    /// For each line, the indices (ascending) of the patterns that match somewhere in it (of
    /// those worth trying on it: see `LineMatcherCore::match_lines`).
    fn match_lines(&self, lines: &Bound<'_, PyList>) -> PyResult<Vec<Vec<usize>>> {
        let objs = strings_of(lines)?;
        let texts = utf8_texts(&objs)?;
        Ok(on_texts(lines.py(), &texts, |texts| self.core.match_lines(texts)))
    }

    fn __len__(&self) -> usize {
        self.core.len()
    }
}

/// The items of a list of str.
pub(crate) fn strings_of<'py>(list: &Bound<'py, PyList>) -> PyResult<Vec<Bound<'py, PyString>>> {
    list.iter()
        .map(|o| o.cast_into::<PyString>().map_err(PyErr::from))
        .collect()
}

/// Python strs seen as UTF-8, lone surrogates read as U+FFFD (see `with_surrogates_replaced`).
pub(crate) fn utf8_texts<'a>(objs: &'a [Bound<'_, PyString>]) -> PyResult<Vec<Cow<'a, str>>> {
    objs.iter()
        .map(|o| match o.to_str() {
            Ok(s) => Ok(Cow::Borrowed(s)),
            Err(_) => with_surrogates_replaced(o).map(Cow::Owned),
        })
        .collect()
}

/// `f` on the texts, with the interpreter released while it runs when they are long together.
pub(crate) fn on_texts<T: Send>(
    py: Python<'_>,
    texts: &[Cow<'_, str>],
    f: impl FnOnce(&[Cow<'_, str>]) -> T + Send,
) -> T {
    if texts.iter().map(|t| t.len()).sum::<usize>() >= DETACH_BYTES {
        py.detach(|| f(texts))
    } else {
        f(texts)
    }
}

/// The code points of a str, lone surrogates included (as Python compares them; a surrogate is
/// no character any decoder family gives, so a byte view stops there).
pub(crate) fn code_points(obj: &Bound<'_, PyString>) -> PyResult<Vec<u32>> {
    if let Ok(s) = obj.to_str() {
        return Ok(s.chars().map(u32::from).collect());
    }
    let encoded = obj.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let bytes = encoded.cast_into::<PyBytes>().map_err(PyErr::from)?;
    Ok(bytes
        .as_bytes()
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect())
}

/// How many places differ between `old` and `new` (runs of changed characters; lines added or
/// removed), the count a pipeline Step records. See `diff.rs`.
#[pyfunction]
fn changed_places(old: &Bound<'_, PyString>, new: &Bound<'_, PyString>) -> PyResult<usize> {
    if let (Ok(a), Ok(b)) = (old.to_str(), new.to_str()) {
        if a == b {
            return Ok(0);
        }
    }
    let (a, b) = (code_points(old)?, code_points(new)?);
    Ok(if a.len() + b.len() >= DETACH_BYTES {
        old.py().detach(|| diff::changed_places(&a, &b))
    } else {
        diff::changed_places(&a, &b)
    })
}

/// A str from code points, lone surrogates included.
fn from_code_points<'py>(py: Python<'py>, cps: &[u32]) -> PyResult<Bound<'py, PyString>> {
    let chars: Option<String> = cps.iter().map(|&c| char::from_u32(c)).collect();
    if let Some(s) = chars {
        return Ok(PyString::new(py, &s));
    }
    let bytes: Vec<u8> = cps.iter().flat_map(|c| c.to_le_bytes()).collect();
    let decoded = PyBytes::new(py, &bytes).call_method1("decode", ("utf-32-le", "surrogatepass"))?;
    decoded.cast_into::<PyString>().map_err(PyErr::from)
}

/// `fix` on the text's code points; the same object back when nothing changes. When `fixer`
/// says on the UTF-8 that there is nothing to do, the text is never converted.
fn fix_text<'py>(
    text: &Bound<'py, PyString>,
    fixer: Option<fixes::Fixer>,
    fix: fn(&[u32]) -> Option<Vec<u32>>,
) -> PyResult<Bound<'py, PyString>> {
    if let (Some(fixer), Ok(s)) = (fixer, text.to_str()) {
        if !fixes::worth_fixing(fixer, s) {
            return Ok(text.clone());
        }
    }
    let cps = code_points(text)?;
    let out = if cps.len() * 4 >= DETACH_BYTES {
        text.py().detach(|| fix(&cps))
    } else {
        fix(&cps)
    };
    match out {
        None => Ok(text.clone()),
        Some(new) => from_code_points(text.py(), &new),
    }
}

/// ASCII `, : ; ! ? ( )` to fullwidth where a neighbour is Chinese, to a fixpoint (`fixes.rs`).
#[pyfunction]
fn fullwidth_punct<'py>(text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    fix_text(text, Some(fixes::Fixer::FullwidthPunct), fixes::fullwidth_punct)
}

/// NBSP runs right after Chinese closing punctuation, dropped.
#[pyfunction]
fn drop_nbsp_after_punct<'py>(text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    fix_text(text, Some(fixes::Fixer::NbspAfterPunct), fixes::drop_nbsp_after_punct)
}

/// One paragraph per line: unified line breaks, padding stripped, empty lines dropped.
#[pyfunction]
fn normalize_paragraphs<'py>(text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    if let Ok(s) = text.to_str() {
        return Ok(match fixes::normalize_paragraphs_str(s) {
            None => text.clone(),
            Some(new) => PyString::new(text.py(), &new),
        });
    }
    fix_text(text, None, fixes::normalize_paragraphs)
}

/// Fullwidth letters and digits to ASCII.
#[pyfunction]
fn halfwidth_alnum<'py>(text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    fix_text(text, Some(fixes::Fixer::HalfwidthAlnum), fixes::halfwidth_alnum)
}

/// Small and vertical punctuation forms to the ordinary fullwidth signs.
#[pyfunction]
fn normalize_compat_punct<'py>(text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    fix_text(text, Some(fixes::Fixer::CompatPunct), fixes::normalize_compat_punct)
}

/// The character model read from its compact table (`charlm::read_table`, written by
/// `langmodel.native_table`): one call, no Python dicts. A damaged table raises ValueError.
#[pyfunction]
fn char_model_from_table(py: Python<'_>, data: &[u8], weights: (f64, f64, f64)) -> PyResult<repair_py::PyCharModel> {
    let model = py
        .detach(|| charlm::Model::from_table(data, weights))
        .map_err(PyValueError::new_err)?;
    Ok(repair_py::PyCharModel::of(model))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(changed_places, m)?)?;
    m.add_function(wrap_pyfunction!(fullwidth_punct, m)?)?;
    m.add_function(wrap_pyfunction!(drop_nbsp_after_punct, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_paragraphs, m)?)?;
    m.add_function(wrap_pyfunction!(halfwidth_alnum, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_compat_punct, m)?)?;
    m.add_function(wrap_pyfunction!(char_model_from_table, m)?)?;
    m.add_function(wrap_pyfunction!(lone_rare::lone_rare_spans, m)?)?;
    m.add("CHAR_TABLE_VERSION", charlm::TABLE_VERSION)?;
    m.add("HAN_RANGES", tables::HAN.to_vec())?;
    m.add_class::<Pattern>()?;
    m.add_class::<LineMatcher>()?;
    m.add("DEFAULT_SIZE_LIMIT", engine::DEFAULT_SIZE_LIMIT)?;
    repair_py::register(m)?;
    context::register(m)?;
    resync::register(m)?;
    narrowing::register(m)?;
    furniture_py::register(m)?;
    portal_forms::register(m)?;
    truncated::register(m)?;
    trigram_py::register(m)?;
    words::register(m)?;
    web_pairs::register(m)?;
    gb18030_reading::register(m)?;
    Ok(())
}
