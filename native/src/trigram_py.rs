//! The Python face of the trigram pass (`trigram.rs`; cleaner/repair/trigram_fit.py): the table
//! parsed once per process, and the runs it decided kept (resync's trial windows decide the same
//! runs again from each start).

use std::sync::{Mutex, OnceLock};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::charlm::{FastMap, Model};
use crate::repair_py::PyCharModel;
use crate::trigram::{self, Change, Params, RunKey, Table};

/// Runs kept at most (then all dropped).
const RUNS_KEPT: usize = 1 << 12;

#[pyclass(frozen, module = "cleaner._native", name = "TrigramFit")]
pub struct PyTrigramFit {
    /// chartri.txt, read and parsed on the first run of guesses: clean text never loads it.
    path: String,
    table: OnceLock<Result<Table, String>>,
    params: Params,
    runs: Mutex<FastMap<RunKey, Vec<Change>>>,
}

impl PyTrigramFit {
    /// The table (read on first use) and the smoothing its trigrams are scored with.
    pub fn scoring(&self) -> PyResult<(&Table, f64)> {
        Ok((self.table().map_err(PyValueError::new_err)?, self.params.smoothing))
    }

    fn table(&self) -> Result<&Table, String> {
        self.table
            .get_or_init(|| {
                let text = std::fs::read_to_string(&self.path).map_err(|e| format!("{}: {e}", self.path))?;
                Table::parse(&text)
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The changes to a stream (`trigram::refit`), each run looked up in the kept ones first.
    pub fn refit(
        &self,
        lm: &Model,
        chars: &[char],
        candidates: &[Vec<char>],
        guessed: &[bool],
        prev: &[char],
        final_: bool,
    ) -> PyResult<Vec<Change>> {
        if !guessed.contains(&true) {
            return Ok(Vec::new()); // nothing to choose again: the table is not read
        }
        let table = self.table().map_err(PyValueError::new_err)?;
        let decide = |key: RunKey| -> Vec<Change> {
            let Ok(mut runs) = self.runs.lock() else {
                return trigram::decide_run(lm, table, &self.params, &key);
            };
            if let Some(found) = runs.get(&key) {
                return found.clone();
            }
            if runs.len() >= RUNS_KEPT {
                runs.clear();
            }
            let found = trigram::decide_run(lm, table, &self.params, &key);
            runs.insert(key, found.clone());
            found
        };
        Ok(trigram::refit(
            chars,
            candidates,
            guessed,
            prev,
            final_,
            self.params.min_guesses,
            decide,
        ))
    }
}

#[pymethods]
impl PyTrigramFit {
    /// `path`: chartri.txt (read on the first run of guesses); `params`: (TOP, SCORED,
    /// SMOOTHING, MARGIN, MIN_GUESSES).
    #[new]
    fn new(path: String, params: (usize, usize, f64, f64, usize)) -> PyResult<Self> {
        let (top, scored, smoothing, margin, min_guesses) = params;
        if top == 0 || scored == 0 {
            return Err(PyValueError::new_err("TOP and SCORED must be positive"));
        }
        Ok(PyTrigramFit {
            path,
            table: OnceLock::new(),
            params: Params {
                top,
                scored,
                smoothing,
                margin,
                min_guesses,
            },
            runs: Mutex::default(),
        })
    }

    /// Trigrams held (reads the table).
    fn __len__(&self) -> PyResult<usize> {
        Ok(self.table().map_err(PyValueError::new_err)?.len())
    }

    /// Has the table been read?
    fn loaded(&self) -> bool {
        self.table.get().is_some()
    }

    /// log P(c | a b), smoothed towards the bigram of `lm`.
    fn trigram(&self, lm: &PyCharModel, a: char, b: char, c: char) -> PyResult<f64> {
        let table = self.table().map_err(PyValueError::new_err)?;
        Ok(table.trigram(&lm.core, self.params.smoothing, a, b, c))
    }

    /// (index, new character, margin) for each guess the pass changes (trigram_fit.refit).
    #[pyo3(name = "refit")]
    fn py_refit(
        &self,
        lm: &PyCharModel,
        chars: Vec<char>,
        candidates: Vec<Vec<char>>,
        guessed: Vec<bool>,
        prev: &str,
        final_: bool,
    ) -> PyResult<Vec<Change>> {
        if candidates.len() != chars.len() || guessed.len() != chars.len() {
            return Err(PyValueError::new_err("chars, candidates and guessed differ in length"));
        }
        let prev: Vec<char> = prev.chars().collect();
        self.refit(&lm.core, &chars, &candidates, &guessed, &prev, final_)
    }

    /// Forget the runs kept.
    fn clear(&self) {
        if let Ok(mut runs) = self.runs.lock() {
            runs.clear();
        }
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyTrigramFit>()
}
