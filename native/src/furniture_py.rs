//! The Python face of the furniture features (`furniture.rs`): one lexicon object per process
//! (`cleaner/furniture/lexicon.py` builds it from `data/lexicon.toml`), one call per page.

use std::borrow::Cow;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyString};

use crate::furniture::{nfkc_line, row_form, skeleton, Lexicon, LexiconWords, TEXT_FEATURES};
use crate::{on_texts, strings_of, utf8_texts};

/// (head edge, tail edge, stamped) of a line as a list's row.
type RowForm = (Option<String>, Option<String>, bool);

/// A page's lines normalised, and their features.
type PageLines<'py> = (Vec<Bound<'py, PyString>>, Vec<Bound<'py, PyDict>>);

/// The furniture lexicon, and the text features of lines in the order of the model's features.
#[pyclass(frozen, module = "cleaner._native", name = "FurnitureLexicon")]
struct PyFurnitureLexicon {
    lexicon: Lexicon,
    /// Where each of `TEXT_FEATURES` goes in a row (the model's feature order).
    slots: Vec<usize>,
    width: usize,
    /// The model's features by name (interned), the keys of a line's dict of features.
    names: Vec<Py<PyString>>,
    /// 0.0 and 1.0, which most features are: one object each, not one per line and feature.
    zero: Py<PyFloat>,
    one: Py<PyFloat>,
}

impl PyFurnitureLexicon {
    /// One line's features in the order of `names`.
    fn row(&self, text: &str, notice_least: usize) -> Vec<f64> {
        let mut row = vec![0.0; self.width];
        for (value, &slot) in self.lexicon.features(text, notice_least).iter().zip(&self.slots) {
            row[slot] = *value;
        }
        row
    }

    /// One line's features as the dict Python's model reads: names in the model's order.
    fn dict<'py>(&self, py: Python<'py>, row: &[f64]) -> PyResult<Bound<'py, PyDict>> {
        let features = PyDict::new(py);
        for (name, &value) in self.names.iter().zip(row) {
            let value = if value.to_bits() == 0f64.to_bits() {
                self.zero.bind(py).clone()
            } else if value == 1.0 {
                self.one.bind(py).clone()
            } else {
                PyFloat::new(py, value)
            };
            features.set_item(name.bind(py), value)?;
        }
        Ok(features)
    }
}

#[pymethods]
impl PyFurnitureLexicon {
    /// `names`: the model's features in order (`features.FEATURES`); every text feature must be
    /// among them. The word lists as `lexicon.py` reads them (NFKC, stripped).
    #[new]
    #[pyo3(signature = (*, phrases, keys, notice_words, notice_self, notice_heads, names))]
    fn new(
        py: Python<'_>,
        phrases: Vec<String>,
        keys: Vec<String>,
        notice_words: Vec<String>,
        notice_self: Vec<String>,
        notice_heads: Vec<String>,
        names: Vec<String>,
    ) -> PyResult<Self> {
        let words = LexiconWords {
            phrases,
            keys,
            notice_words,
            notice_self,
            notice_heads,
        };
        let lexicon = Lexicon::new(&words).map_err(PyValueError::new_err)?;
        let slots = TEXT_FEATURES
            .iter()
            .map(|&f| {
                names
                    .iter()
                    .position(|n| n == f)
                    .ok_or_else(|| PyValueError::new_err(format!("names lack the text feature {f:?}")))
            })
            .collect::<PyResult<_>>()?;
        Ok(PyFurnitureLexicon {
            lexicon,
            slots,
            width: names.len(),
            names: names.iter().map(|n| PyString::intern(py, n).unbind()).collect(),
            zero: PyFloat::new(py, 0.0).unbind(),
            one: PyFloat::new(py, 1.0).unbind(),
        })
    }

    /// The text features of each line (folded, NFKC, stripped): one dict per line, every name
    /// of `names` in order, the features that are not the line's own text at 0.0 (the dict the
    /// model reads and fills in). `notice_least`: the different notice words that make a line a
    /// notice.
    fn features<'py>(&self, lines: &Bound<'py, PyList>, notice_least: usize) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let py = lines.py();
        let objs = strings_of(lines)?;
        let texts = utf8_texts(&objs)?;
        let rows: Vec<Vec<f64>> = on_texts(py, &texts, |texts| {
            texts.iter().map(|t| self.row(t, notice_least)).collect()
        });
        rows.iter().map(|row| self.dict(py, row)).collect()
    }

    /// The live lines of a page as the model sees them, and their text features: each folded
    /// line NFKC-normalised and stripped (Python's `unicodedata.normalize` and `str.strip`; a line
    /// holding a character Python's Unicode leaves unassigned, or a lone surrogate, is
    /// normalised by Python itself), and its dict of features as `features` gives it.
    fn page<'py>(&self, lines: &Bound<'py, PyList>, notice_least: usize) -> PyResult<PageLines<'py>> {
        let py = lines.py();
        let objs = strings_of(lines)?;
        let mut texts: Vec<Bound<'py, PyString>> = Vec::with_capacity(objs.len());
        let mut rows = Vec::with_capacity(objs.len());
        let mut normalize = None;
        for obj in &objs {
            match obj.to_str().ok().and_then(|s| nfkc_line(s).map(|n| (s, n))) {
                Some((s, n)) => {
                    rows.push(self.dict(py, &self.row(&n, notice_least))?);
                    texts.push(match n {
                        Cow::Borrowed(n) if n.len() == s.len() => obj.clone(),
                        n => PyString::new(py, &n),
                    });
                }
                None => {
                    let normalize = match &normalize {
                        Some(f) => f,
                        None => normalize.insert(py.import("unicodedata")?.getattr("normalize")?),
                    };
                    let text = normalize
                        .call1(("NFKC", obj))?
                        .call_method0("strip")?
                        .cast_into::<PyString>()
                        .map_err(PyErr::from)?;
                    let one = [text];
                    rows.push(self.dict(py, &self.row(&utf8_texts(&one)?[0], notice_least))?);
                    let [text] = one;
                    texts.push(text);
                }
            }
        }
        Ok((texts, rows))
    }

    /// (furniture phrases found, characters they cover) in a folded, NFKC line.
    fn phrases(&self, text: &Bound<'_, PyString>) -> PyResult<(usize, usize)> {
        let objs = [text.clone()];
        Ok(self.lexicon.phrases(&utf8_texts(&objs)?[0]))
    }

    /// (keys with a value, keys with an empty value) in a folded, NFKC line.
    fn key_values(&self, text: &Bound<'_, PyString>) -> PyResult<(usize, usize)> {
        let objs = [text.clone()];
        Ok(self.lexicon.key_values(&utf8_texts(&objs)?[0]))
    }

    /// A notice of the site's (see `furniture::Lexicon::notice`).
    fn notice(&self, text: &Bound<'_, PyString>, least: usize) -> PyResult<bool> {
        let objs = [text.clone()];
        Ok(self.lexicon.notice(&utf8_texts(&objs)?[0], least))
    }
}

/// A folded line as the model sees it (`features.normalise`): NFKC-normalised and stripped, as
/// `unicodedata.normalize` and `str.strip` make it; the line itself when that changes nothing. A
/// line holding a character Python's Unicode leaves unassigned, or a lone surrogate, is
/// normalised by Python itself (see `furniture::nfkc_line`).
#[pyfunction]
fn furniture_normalise<'py>(line: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    let py = line.py();
    if let Some(normal) = line.to_str().ok().and_then(nfkc_line) {
        return Ok(match normal {
            Cow::Borrowed(n) if n.len() == line.to_str()?.len() => line.clone(),
            n => PyString::new(py, &n),
        });
    }
    py.import("unicodedata")?
        .getattr("normalize")?
        .call1(("NFKC", line))?
        .call_method0("strip")?
        .cast_into::<PyString>()
        .map_err(PyErr::from)
}

/// A line's skeleton (`lists.skeleton`, see `furniture::skeleton`).
#[pyfunction]
fn furniture_skeleton(line: &Bound<'_, PyString>) -> PyResult<String> {
    let objs = [line.clone()];
    Ok(skeleton(&utf8_texts(&objs)?[0]))
}

/// (head edge, tail edge, stamped) of each line as a row of a list (`lists.list_blocks`, see
/// `furniture::row_form`), in one call for the page. A lone surrogate reads as U+FFFD.
#[pyfunction]
fn furniture_row_forms(lines: &Bound<'_, PyList>, max_row: usize, edge: usize) -> PyResult<Vec<RowForm>> {
    let objs = strings_of(lines)?;
    let texts = utf8_texts(&objs)?;
    Ok(texts
        .iter()
        .map(|t| {
            let form = row_form(t, max_row, edge);
            (form.head, form.tail, form.stamped)
        })
        .collect())
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyFurnitureLexicon>()?;
    m.add_function(wrap_pyfunction!(furniture_normalise, m)?)?;
    m.add_function(wrap_pyfunction!(furniture_skeleton, m)?)?;
    m.add_function(wrap_pyfunction!(furniture_row_forms, m)?)?;
    m.add("FURNITURE_TEXT_FEATURES", TEXT_FEATURES.to_vec())?;
    Ok(())
}
