//! The Python face of the furniture features (`furniture.rs`): one lexicon object per process
//! (`cleaner/furniture/lexicon.py` builds it from `data/lexicon.toml`), one call per page.

use std::borrow::Cow;
use std::collections::HashMap;

use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyString};

use crate::furniture::{list_blocks, nfkc_line, row_form, skeleton, Lexicon, LexiconWords, ListParams, TEXT_FEATURES};
use crate::furniture_body::{self as body, BodyLines, BodyParams, PositionFrame, PositionLines, POSITION_FEATURES};
use crate::furniture_marks::Marks;
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
    /// Every name at 0.0, in order: a line's dict is a copy of it with its non-zero features set
    /// (most features of a line are 0.0; copying a dict costs less than inserting its keys).
    zeros: Py<PyDict>,
    /// 1.0, which most non-zero features are: one object, not one per line and feature.
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
        let features = self.zeros.bind(py).copy()?;
        for (name, &value) in self.names.iter().zip(row) {
            if value.to_bits() == 0f64.to_bits() {
                continue; // the template's 0.0 (a -0.0 is set: it is another float)
            }
            let value = if value == 1.0 {
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
        let names: Vec<Py<PyString>> = names.iter().map(|n| PyString::intern(py, n).unbind()).collect();
        let zeros = PyDict::new(py);
        let zero = PyFloat::new(py, 0.0);
        for name in &names {
            zeros.set_item(name.bind(py), &zero)?;
        }
        Ok(PyFurnitureLexicon {
            lexicon,
            slots,
            width: names.len(),
            names,
            zeros: zeros.unbind(),
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

/// The marks a short line gives of where it stands (`furniture_marks.rs`): the lexicon's end and
/// comment words, one object per process (`lexicon.py`), one call per page.
#[pyclass(frozen, module = "cleaner._native", name = "FurnitureMarks")]
struct PyFurnitureMarks {
    marks: Marks,
}

#[pymethods]
impl PyFurnitureMarks {
    /// The word lists as `lexicon.py` reads them (NFKC, stripped).
    #[new]
    #[pyo3(signature = (*, ends, comments))]
    fn new(ends: Vec<String>, comments: Vec<String>) -> PyResult<Self> {
        Ok(PyFurnitureMarks {
            marks: Marks::new(&ends, &comments).map_err(PyValueError::new_err)?,
        })
    }

    /// (end markers, comment headers): for each line (folded, NFKC, stripped), whether it is one
    /// (`features.end_marker`, `features.comment_header`); `most`: `MARK_MAX`.
    fn of(&self, lines: &Bound<'_, PyList>, most: usize) -> PyResult<(Vec<bool>, Vec<bool>)> {
        let objs = strings_of(lines)?;
        let texts = utf8_texts(&objs)?;
        Ok(on_texts(lines.py(), &texts, |texts| {
            texts.iter().map(|t| self.marks.of(t, most)).unzip()
        }))
    }
}

/// The line model's score of a line's features (`generic.score`): `bias + sum(weight * value)`
/// over the non-zero features, summed one after the other in the dict's order (as Python 3.11's
/// `sum` adds floats), so a score near the threshold falls on the same side as Python's.
#[pyclass(frozen, module = "cleaner._native", name = "FurnitureScorer")]
struct PyFurnitureScorer {
    /// The features by name (interned): a line's dict holds these very objects as its keys, in
    /// this order, so most keys are recognised by identity.
    names: Vec<Py<PyString>>,
    weights: Vec<f64>,
    by_name: HashMap<String, f64>,
    bias: f64,
}

#[pymethods]
impl PyFurnitureScorer {
    #[new]
    fn new(py: Python<'_>, names: Vec<String>, weights: Vec<f64>, bias: f64) -> PyResult<Self> {
        if names.len() != weights.len() {
            return Err(PyValueError::new_err("names and weights differ in length"));
        }
        Ok(PyFurnitureScorer {
            by_name: names.iter().cloned().zip(weights.iter().copied()).collect(),
            names: names.iter().map(|n| PyString::intern(py, n).unbind()).collect(),
            weights,
            bias,
        })
    }

    /// The score of one line's features (a dict of name -> number); a name without a weight is
    /// a KeyError, as in Python.
    fn score(&self, features: &Bound<'_, PyDict>) -> PyResult<f64> {
        let mut sum = 0.0;
        for (k, (name, value)) in features.iter().enumerate() {
            if !value.is_truthy()? {
                continue;
            }
            let weight = match self.names.get(k) {
                Some(known) if known.as_ptr() == name.as_ptr() => self.weights[k],
                _ => {
                    let key = name.cast::<PyString>().map_err(PyErr::from)?.to_str()?;
                    *self
                        .by_name
                        .get(key)
                        .ok_or_else(|| PyKeyError::new_err(key.to_string()))?
                }
            };
            sum += weight * value.extract::<f64>()?;
        }
        Ok(self.bias + sum)
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

/// Does the folded line at character `start` stand in someone's reported words
/// (`boilerplate`, see `reported_speech::reported_at`)?
#[pyfunction]
fn furniture_reported_at(line: &Bound<'_, PyString>, start: usize) -> PyResult<bool> {
    let objs = [line.clone()];
    let text = &utf8_texts(&objs)?[0];
    let at = text.char_indices().nth(start).map_or(text.len(), |(i, _)| i);
    Ok(crate::reported_speech::reported_at(text, at))
}

/// Does the folded sentence report someone's words (`site_notes`, see `reported_speech::reports`)?
#[pyfunction]
fn furniture_reports(sentence: &str) -> bool {
    crate::reported_speech::reports(sentence)
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

/// (first, last, stamped) of the list blocks among a page's lines (`lists.list_blocks`, see
/// `furniture::list_blocks`), in one call for the page. A lone surrogate reads as U+FFFD.
#[pyfunction]
fn furniture_list_blocks(
    lines: &Bound<'_, PyList>,
    paragraphs: Vec<bool>,
    max_row: usize,
    edge: usize,
    min_rows: usize,
    max_gap: usize,
    title_max: usize,
) -> PyResult<Vec<(usize, usize, bool)>> {
    if paragraphs.len() != lines.len() {
        return Err(PyValueError::new_err("lines and paragraphs differ in length"));
    }
    let objs = strings_of(lines)?;
    let texts = utf8_texts(&objs)?;
    let params = ListParams {
        max_row,
        edge,
        min_rows,
        max_gap,
        title_max,
    };
    Ok(list_blocks(&texts, &paragraphs, &params))
}

/// The maximum-sum run of `gains[lo:hi]` (`body.best_run`).
#[pyfunction]
fn furniture_best_run(gains: Vec<f64>, lo: usize, hi: usize) -> PyResult<(f64, isize, isize)> {
    if lo > hi || hi > gains.len() {
        return Err(PyValueError::new_err("lo and hi must bound a range of gains"));
    }
    Ok(body::best_run(&gains, lo, hi))
}

/// Where a comment thread begins (`body.thread_start`).
#[pyfunction]
fn furniture_thread_start(stamps: Vec<bool>, min_stamps: usize, gap: usize) -> usize {
    body::thread_start(&stamps, min_stamps, gap)
}

/// Where the article ends (`body.article_end`).
#[pyfunction]
fn furniture_article_end(ends: Vec<bool>, lengths: Vec<usize>, prose: Vec<bool>, min_prose: usize) -> usize {
    body::article_end(&ends, &lengths, &prose, min_prose)
}

/// (first, last) of the body (`body.find_body`); `barriers`, `stamps` and `ends` empty or one
/// flag a line.
#[pyfunction]
#[allow(clippy::too_many_arguments)] // body.find_body's parameters, one for one
fn furniture_find_body(
    lengths: Vec<usize>,
    prose: Vec<bool>,
    penalty: f64,
    cap: usize,
    ratio: f64,
    barriers: Vec<bool>,
    spread: f64,
    stamps: Vec<bool>,
    min_stamps: usize,
    min_prose: usize,
    ends: Vec<bool>,
) -> PyResult<(isize, isize)> {
    let n = lengths.len();
    if prose.len() != n
        || [&barriers, &stamps, &ends]
            .iter()
            .any(|v| !v.is_empty() && v.len() != n)
    {
        return Err(PyValueError::new_err(
            "every list needs one entry a line (barriers, stamps, ends may be empty)",
        ));
    }
    let lines = BodyLines {
        lengths: &lengths,
        prose: &prose,
        barriers: &barriers,
        stamps: &stamps,
        ends: &ends,
    };
    let params = BodyParams {
        penalty,
        cap,
        ratio,
        spread,
        min_stamps,
        min_prose,
    };
    Ok(body::find_body(&lines, &params))
}

/// Sets the position features of a page's lines in their dicts (`generic.page_lines`, see
/// `furniture_body::positions`), in one call for the page. `features`: each line's dict, read for
/// its length bins, sentence end and furniture-word cover; `body`: (first, last) or None;
/// `end_at`: the first line below the body at or past the article's end; `thread`: the first
/// line of a thread below the body (both the line count when there is none).
#[pyfunction]
#[allow(clippy::too_many_arguments)] // the page's lists and its frame, one for one
fn furniture_positions(
    features: Vec<Bound<'_, PyDict>>,
    lengths: Vec<usize>,
    prose: Vec<bool>,
    barriers: Vec<bool>,
    body: Option<(usize, usize)>,
    end_at: usize,
    thread: usize,
    far_lines: usize,
    adjacent_lines: usize,
) -> PyResult<()> {
    let n = features.len();
    if lengths.len() != n || prose.len() != n || barriers.len() != n {
        return Err(PyValueError::new_err("every list needs one entry a line"));
    }
    let Some(first) = features.first() else { return Ok(()) };
    let py = first.py();
    let value = |f: &Bound<'_, PyDict>, name: &str| -> PyResult<f64> {
        f.get_item(name)?
            .ok_or_else(|| PyKeyError::new_err(name.to_string()))?
            .extract::<f64>()
    };
    let (mut short, mut heading, mut unended) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    for f in &features {
        // Truth as Python's: a float is true when it is not 0.0.
        let small = value(f, "len_1_4")? != 0.0 || value(f, "len_5_12")? != 0.0;
        let open = value(f, "final_punct")? == 0.0;
        short.push(small && open);
        heading.push(value(f, "lex_cover")? >= 0.5 && small);
        unended.push(open);
    }
    let lines = PositionLines {
        lengths: &lengths,
        prose: &prose,
        barriers: &barriers,
        short: &short,
        heading: &heading,
        unended: &unended,
    };
    let frame = PositionFrame {
        body,
        end_at,
        thread,
        far_lines,
        adjacent_lines,
    };
    let names: Vec<Bound<'_, PyString>> = POSITION_FEATURES.iter().map(|k| PyString::intern(py, k)).collect();
    let (zero, one) = (PyFloat::new(py, 0.0), PyFloat::new(py, 1.0));
    for (f, set) in features.iter().zip(body::positions(&lines, &frame)) {
        for (name, flag) in names.iter().zip(set) {
            if let Some(flag) = flag {
                f.set_item(name, if flag { &one } else { &zero })?;
            }
        }
    }
    Ok(())
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyFurnitureLexicon>()?;
    m.add_class::<PyFurnitureScorer>()?;
    m.add_class::<PyFurnitureMarks>()?;
    m.add_function(wrap_pyfunction!(furniture_normalise, m)?)?;
    m.add_function(wrap_pyfunction!(furniture_skeleton, m)?)?;
    m.add_function(wrap_pyfunction!(furniture_reported_at, m)?)?;
    m.add_function(wrap_pyfunction!(furniture_reports, m)?)?;
    m.add_function(wrap_pyfunction!(furniture_row_forms, m)?)?;
    m.add_function(wrap_pyfunction!(furniture_list_blocks, m)?)?;
    m.add_function(wrap_pyfunction!(furniture_best_run, m)?)?;
    m.add_function(wrap_pyfunction!(furniture_thread_start, m)?)?;
    m.add_function(wrap_pyfunction!(furniture_article_end, m)?)?;
    m.add_function(wrap_pyfunction!(furniture_find_body, m)?)?;
    m.add_function(wrap_pyfunction!(furniture_positions, m)?)?;
    m.add("FURNITURE_TEXT_FEATURES", TEXT_FEATURES.to_vec())?;
    m.add("FURNITURE_THREAD_GAP", body::THREAD_GAP)?;
    Ok(())
}
