//! The Python-free core: pattern checks and compilation, character offsets, the page matcher.
//!
//! Everything here is plain Rust so that `cargo test` exercises it without an interpreter; the
//! bindings in `lib.rs` only convert arguments and results.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// Default bound on one compiled pattern (bytes of the compiled program and of the lazy DFA cache).
pub const DEFAULT_SIZE_LIMIT: usize = 1 << 20;

const LOOKAROUND: &str = "look-around is not supported: rules run in linear time";
const BACKREF: &str = "back-references are not supported: rules run in linear time";
const CONDITIONAL: &str = "conditional groups are not supported: rules run in linear time";

/// The construct the regex crate refuses for a reason a rule author should be told plainly
/// (look-around, back-references, conditional groups), found by reading the pattern's text.
///
/// The reader knows escapes and (nested) classes, so `\(?=` and `[(?=]` are not look-around and
/// `[\1]` is not a back-reference; anything else is left to the compiler's own message.
pub fn unsupported(pattern: &str) -> Option<&'static str> {
    let b = pattern.as_bytes();
    let mut i = 0;
    let mut depth = 0usize; // nesting of character classes
    while i < b.len() {
        match b[i] {
            b'\\' => {
                if depth == 0 {
                    match b.get(i + 1) {
                        Some(b'1'..=b'9') => return Some(BACKREF),
                        Some(b'g') if b.get(i + 2) == Some(&b'<') => return Some(BACKREF),
                        Some(b'k') if matches!(b.get(i + 2), Some(b'<' | b'{' | b'\'')) => return Some(BACKREF),
                        _ => {}
                    }
                }
                // The escaped character may be multi-byte: step over all of it.
                i += 1 + pattern[i + 1..].chars().next().map_or(0, char::len_utf8);
                continue;
            }
            b'[' => {
                depth += 1;
                i += 1;
                // `[]...]` and `[^]...]`: a `]` first in a class is a literal.
                if b.get(i) == Some(&b'^') {
                    i += 1;
                }
                if b.get(i) == Some(&b']') {
                    i += 1;
                }
                continue;
            }
            b']' if depth > 0 => depth -= 1,
            b'(' if depth == 0 && b.get(i + 1) == Some(&b'?') => {
                let rest = &b[i + 2..];
                if rest.starts_with(b"=")
                    || rest.starts_with(b"!")
                    || rest.starts_with(b"<=")
                    || rest.starts_with(b"<!")
                {
                    return Some(LOOKAROUND);
                }
                if rest.starts_with(b"P=") {
                    return Some(BACKREF);
                }
                if rest.starts_with(b"(") {
                    return Some(CONDITIONAL);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Compile one rule pattern: Unicode, leftmost-first like Python's `regex`, bounded in size.
pub fn compile(pattern: &str, size_limit: usize) -> Result<Regex, String> {
    if let Some(reason) = unsupported(pattern) {
        return Err(reason.to_string());
    }
    RegexBuilder::new(pattern)
        .size_limit(size_limit)
        .dfa_size_limit(size_limit)
        .build()
        .map_err(|e| describe(e, size_limit))
}

fn describe(err: regex::Error, size_limit: usize) -> String {
    match err {
        regex::Error::CompiledTooBig(_) => {
            format!("pattern is too large: compiled, it exceeds the size limit of {size_limit} bytes")
        }
        regex::Error::Syntax(msg) => {
            // The crate's message is a multi-line picture of the pattern; keep the reason, which
            // is the last "error: ..." line.
            let reason = msg
                .lines()
                .rev()
                .find_map(|l| l.trim().strip_prefix("error: "))
                .unwrap_or_else(|| msg.lines().last().unwrap_or("invalid pattern"));
            format!("bad pattern: {reason}")
        }
        other => format!("bad pattern: {other}"),
    }
}

/// Byte offsets into one text turned into character (code point) offsets, as Python counts.
///
/// Offsets asked in increasing order cost one pass over the text in all; an earlier offset
/// restarts from the beginning. An ASCII text (byte length == character length) costs nothing.
pub struct CharOffsets<'t> {
    text: &'t [u8],
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'t> CharOffsets<'t> {
    pub fn new(text: &'t str, char_len: Option<usize>) -> Self {
        let ascii = match char_len {
            Some(n) => n == text.len(),
            None => text.is_ascii(),
        };
        CharOffsets {
            text: text.as_bytes(),
            ascii,
            byte: 0,
            chars: 0,
        }
    }

    pub fn at(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += count_chars(&self.text[self.byte..byte]);
        self.byte = byte;
        self.chars
    }
}

/// Code points in valid UTF-8: every byte that is not a continuation byte starts one.
pub fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Surrogates encoded as UTF-8 (`ED A0..BF 80..BF`, as Python's "surrogatepass" writes them)
/// overwritten in place by U+FFFD (`EF BF BD`), which is as long.
pub fn replace_surrogates(bytes: &mut [u8]) {
    let mut i = 0;
    while i + 2 < bytes.len() {
        if bytes[i] == 0xED && (0xA0..=0xBF).contains(&bytes[i + 1]) {
            bytes[i..i + 3].copy_from_slice("\u{FFFD}".as_bytes());
            i += 3;
        } else {
            i += 1;
        }
    }
}

/// One match: its span in bytes and the byte spans of capture groups 1..n.
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub groups: Vec<Option<(usize, usize)>>,
}

fn found(caps: &regex::Captures<'_>) -> Found {
    let whole = caps.get(0).expect("group 0 always participates");
    Found {
        start: whole.start(),
        end: whole.end(),
        groups: caps.iter().skip(1).map(|g| g.map(|m| (m.start(), m.end()))).collect(),
    }
}

/// The first match in `text`, as Python's `regex.search`.
pub fn search(re: &Regex, text: &str) -> Option<Found> {
    re.captures(text).map(|c| found(&c))
}

/// All non-overlapping matches, as Python's `regex.finditer`: after a non-empty match the next
/// search starts where it ended (an empty match may sit there); after an empty match it starts
/// one character later.
///
/// (Python, after an empty match at p, also accepts a *non-empty* match starting at p that the
/// pattern prefers less; a linear-time engine has no such second choice. Only a pattern that
/// can match the empty string is affected, and no rule pattern can.)
pub fn find_all(re: &Regex, text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos <= text.len() {
        let Some(caps) = re.captures_at(text, pos) else { break };
        let f = found(&caps);
        pos = if f.end > f.start {
            f.end
        } else {
            // Step over one whole character.
            f.end + text[f.end..].chars().next().map_or(1, char::len_utf8)
        };
        out.push(f);
    }
    out
}

/// The prefilter + `RegexSet` for one rule list, built once and used for every page.
///
/// One Aho-Corasick pass over each line finds which needed strings occur in it; a pattern none
/// of whose strings occur there, or whose `max_chars` the line exceeds, is skipped: never
/// reported on that line. When no pattern is left, no regex runs on the line; otherwise it runs
/// the one `RegexSet` of all patterns (a single pass over the line whatever the number of
/// patterns), and the patterns left are reported.
pub struct LineMatcherCore {
    patterns: usize,
    /// Patterns tried on every line (no needed strings given, or the empty string among them).
    always: Vec<usize>,
    /// Aho-Corasick over all needed strings; `owners[k]` are the patterns needing string k.
    needles: Option<AhoCorasick>,
    owners: Vec<Vec<usize>>,
    /// The most characters a line reporting pattern i may hold (0: no limit).
    max_chars: Vec<usize>,
    set: RegexSet,
    /// Each pattern alone (as `compile` checked it): a line worth trying for a few patterns
    /// only is asked of those, not of the whole set (`match_lines`).
    alone: Vec<Regex>,
}

/// Patterns worth trying on a line up to which each is asked alone; past it the `RegexSet`
/// reads the line once for all of them.
const ALONE_MAX: usize = 4;

impl LineMatcherCore {
    /// `needed[i]`: strings of which every match of pattern i holds at least one (`None`: no such
    /// list, always try it). `max_chars`: empty, or for each pattern the most characters a line
    /// that reports it may hold (0: no limit). Every pattern is checked and compiled here, so
    /// errors name it.
    pub fn new(
        patterns: Vec<String>,
        needed: Vec<Option<Vec<String>>>,
        max_chars: &[usize],
        size_limit: usize,
    ) -> Result<Self, String> {
        if patterns.len() != needed.len() {
            return Err(format!(
                "patterns and needed differ in length ({} and {})",
                patterns.len(),
                needed.len()
            ));
        }
        if !max_chars.is_empty() && max_chars.len() != patterns.len() {
            return Err(format!(
                "patterns and max_chars differ in length ({} and {})",
                patterns.len(),
                max_chars.len()
            ));
        }
        let alone = patterns
            .iter()
            .enumerate()
            .map(|(i, p)| compile(p, size_limit).map_err(|e| format!("pattern {i} ({p:?}): {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        let mut always = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut strings: Vec<&str> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        for (i, need) in needed.iter().enumerate() {
            match need {
                None => always.push(i),
                Some(list) if list.iter().any(String::is_empty) => always.push(i), // "" is everywhere
                Some(list) if list.is_empty() => {}                                // nothing to find: never tried
                Some(list) => {
                    for s in list {
                        let k = *index.entry(s.as_str()).or_insert_with(|| {
                            strings.push(s.as_str());
                            owners.push(Vec::new());
                            strings.len() - 1
                        });
                        if owners[k].last() != Some(&i) {
                            owners[k].push(i);
                        }
                    }
                }
            }
        }
        let needles = if strings.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    // A plain DFA scan: the needed strings are mostly Han, whose rare bytes every
                    // Chinese line is full of, and a prefilter stopping at each cost more than it
                    // skipped (as for the furniture lexicon's words, furniture.rs).
                    .kind(Some(AhoCorasickKind::DFA))
                    .prefilter(false)
                    .build(&strings)
                    .map_err(|e| format!("needed strings: {e}"))?,
            )
        };
        let limit = size_limit.saturating_mul(patterns.len().max(1));
        let set = RegexSetBuilder::new(&patterns)
            .size_limit(limit)
            .dfa_size_limit(limit)
            .build()
            .map_err(|e| describe(e, limit))?;
        Ok(LineMatcherCore {
            patterns: patterns.len(),
            always,
            needles,
            owners,
            max_chars: if max_chars.is_empty() {
                vec![0; patterns.len()]
            } else {
                max_chars.to_vec()
            },
            set,
            alone,
        })
    }

    pub fn len(&self) -> usize {
        self.patterns
    }

    pub fn is_empty(&self) -> bool {
        self.patterns == 0
    }

    /// For each line, the indices (ascending) of the patterns matching somewhere in it, of those
    /// worth trying on the line itself: tried everywhere or with one of their needed strings in
    /// it, and with a `max_chars` the line does not exceed. Most lines of a page (its paragraphs)
    /// hold no needed string and are longer than the limited patterns allow: the `RegexSet`,
    /// which reads a line to its end, does not run on them at all.
    pub fn match_lines<S: AsRef<str>>(&self, lines: &[S]) -> Vec<Vec<usize>> {
        let limited = self.max_chars.iter().any(|&m| m > 0);
        let mut worth = vec![false; self.patterns];
        lines
            .iter()
            .map(|line| {
                let line = line.as_ref();
                worth.fill(false);
                for &i in &self.always {
                    worth[i] = true;
                }
                if let Some(ac) = &self.needles {
                    for m in ac.find_overlapping_iter(line) {
                        for &i in &self.owners[m.pattern().as_usize()] {
                            worth[i] = true;
                        }
                    }
                }
                if limited {
                    let n = line.chars().count();
                    for (w, &m) in worth.iter_mut().zip(&self.max_chars) {
                        *w = *w && (m == 0 || n <= m);
                    }
                }
                let tried = worth.iter().filter(|&&w| w).count();
                if tried == 0 {
                    return Vec::new();
                }
                if tried <= ALONE_MAX {
                    // A pattern matches somewhere alone exactly where it does in the set: the
                    // set's every pattern reads the whole line, the few asked alone stop early.
                    return (0..self.patterns)
                        .filter(|&i| worth[i] && self.alone[i].is_match(line))
                        .collect();
                }
                self.set.matches(line).iter().filter(|&i| worth[i]).collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str, f: &Found) -> (usize, usize) {
        let mut off = CharOffsets::new(text, None);
        (off.at(f.start), off.at(f.end))
    }

    #[test]
    fn offsets_count_characters_not_bytes() {
        let re = compile(r"(?P<who>[张王]\S)", DEFAULT_SIZE_LIMIT).unwrap();
        let text = "责任编辑：王伟 and 张三";
        let f = search(&re, text).unwrap();
        assert_eq!(chars(text, &f), (5, 7));
        let all: Vec<_> = find_all(&re, text).iter().map(|f| chars(text, f)).collect();
        assert_eq!(all, vec![(5, 7), (12, 14)]);
        // Four-byte characters (outside the BMP) count as one, as in Python.
        let text = "𠀀𠀁a";
        let f = search(&compile("a", DEFAULT_SIZE_LIMIT).unwrap(), text).unwrap();
        assert_eq!((f.start, f.end), (8, 9));
        assert_eq!(chars(text, &f), (2, 3));
    }

    #[test]
    fn char_offsets_restart_when_asked_backwards() {
        let text = "一二三四五";
        let mut off = CharOffsets::new(text, Some(5));
        assert_eq!(off.at(9), 3);
        assert_eq!(off.at(3), 1);
        assert_eq!(off.at(15), 5);
        let mut ascii = CharOffsets::new("abc", Some(3));
        assert_eq!(ascii.at(2), 2);
    }

    #[test]
    fn surrogates_become_replacement_characters_of_the_same_length() {
        // "\u{D800}编" and "a\u{DFFF}" as Python's surrogatepass encodes them.
        let mut bytes = vec![0xED, 0xA0, 0x80, 0xE7, 0xBC, 0x96, b'a', 0xED, 0xBF, 0xBF];
        replace_surrogates(&mut bytes);
        assert_eq!(String::from_utf8(bytes).unwrap(), "\u{FFFD}编a\u{FFFD}");
        let mut plain = "编辑 ok".as_bytes().to_vec();
        replace_surrogates(&mut plain);
        assert_eq!(plain, "编辑 ok".as_bytes());
    }

    #[test]
    fn groups_that_did_not_take_part_are_none() {
        let re = compile(r"^(a)?(b)(c)?", DEFAULT_SIZE_LIMIT).unwrap();
        let f = search(&re, "bc").unwrap();
        assert_eq!(f.groups, vec![None, Some((0, 1)), Some((1, 2))]);
    }

    #[test]
    fn empty_matches_step_one_character() {
        let re = compile(r"\s*", DEFAULT_SIZE_LIMIT).unwrap();
        let spans: Vec<_> = find_all(&re, "a b").iter().map(|f| (f.start, f.end)).collect();
        // As Python: an empty match may follow a non-empty one at its end.
        assert_eq!(spans, vec![(0, 0), (1, 2), (2, 2), (3, 3)]);
        let text = "编 辑";
        let spans: Vec<_> = find_all(&re, text).iter().map(|f| chars(text, f)).collect();
        assert_eq!(spans, vec![(0, 0), (1, 2), (2, 2), (3, 3)]);
    }

    #[test]
    fn look_around_is_refused_plainly() {
        for p in [r"a(?=b)", r"a(?!b)", r"(?<=a)b", r"(?<!a)b", r"x|((?=y))"] {
            let err = compile(p, DEFAULT_SIZE_LIMIT).unwrap_err();
            assert_eq!(err, "look-around is not supported: rules run in linear time", "{p}");
        }
    }

    #[test]
    fn back_references_are_refused_plainly() {
        for p in [r"(a)\1", r"(?P<x>a)(?P=x)", r"(a)\g<1>", r"(?P<x>a)\g<x>", r"(a)\9"] {
            let err = compile(p, DEFAULT_SIZE_LIMIT).unwrap_err();
            assert!(err.starts_with("back-references are not supported"), "{p}: {err}");
        }
    }

    #[test]
    fn escaped_and_class_lookalikes_are_not_refused() {
        for p in [
            r"\(?=",
            r"[(?=]",
            r"[\1]",
            r"\\(x)",
            r"[[(?<=]]x",
            r"[]\d(?!]",
            r"\】(?P<a>x)",
        ] {
            assert!(unsupported(p).is_none(), "{p}");
        }
        assert!(compile(r"\(?=", DEFAULT_SIZE_LIMIT).is_ok());
        // After a class closes, reading goes on.
        assert_eq!(unsupported(r"[a](?=b)"), Some(LOOKAROUND));
        assert_eq!(unsupported(r"[[a]b](a)\1"), Some(BACKREF));
    }

    #[test]
    fn syntax_errors_are_one_line() {
        let err = compile(r"(abc", DEFAULT_SIZE_LIMIT).unwrap_err();
        assert!(err.starts_with("bad pattern: "), "{err}");
        assert!(!err.contains('\n'), "{err}");
    }

    #[test]
    fn size_limit_is_enforced_and_named() {
        let err = compile(r"\w{1000}", 1 << 16).unwrap_err();
        assert!(err.contains("too large") && err.contains("65536"), "{err}");
        // Sixty Unicode \w automata (common/image-file) need about 3 MB.
        assert!(compile(r"\w{1,60}", DEFAULT_SIZE_LIMIT).is_err());
        assert!(compile(r"\w{1,60}", 1 << 22).is_ok());
    }

    #[test]
    fn nested_repeats_run_in_linear_time() {
        let re = compile(r"(a|aa)+$", DEFAULT_SIZE_LIMIT).unwrap();
        let text = "a".repeat(100_000) + "!";
        assert!(search(&re, &text).is_none());
        let re = compile(r"^[^!]*(?:a[^!]*)*!!$", DEFAULT_SIZE_LIMIT).unwrap();
        let text = "a".repeat(36_000);
        assert!(search(&re, &text).is_none());
    }

    #[test]
    fn python_syntax_the_rules_use() {
        let re = compile(
            r"^(来源|作者)\s*[:：]\s*(?P<source>[^,。]{1,40}?)\s*$",
            DEFAULT_SIZE_LIMIT,
        )
        .unwrap();
        let f = search(&re, "来源：\u{3000}人民日报 ").unwrap();
        let names: Vec<_> = re.capture_names().flatten().collect();
        assert_eq!(names, vec!["source"]);
        let text = "来源：\u{3000}人民日报 ";
        let (a, b) = f.groups[1].unwrap();
        assert_eq!(&text[a..b], "人民日报");
        // Nested classes and set operations, as regex.V1 reads them.
        let re = compile(r"^[[a-z]--[aeiou]]+$", DEFAULT_SIZE_LIMIT).unwrap();
        assert!(search(&re, "xyz").is_some() && search(&re, "xaz").is_none());
    }

    fn matcher(patterns: &[&str], needed: Vec<Option<Vec<&str>>>) -> LineMatcherCore {
        LineMatcherCore::new(
            patterns.iter().map(|s| s.to_string()).collect(),
            needed
                .into_iter()
                .map(|n| n.map(|v| v.into_iter().map(String::from).collect()))
                .collect(),
            &[],
            DEFAULT_SIZE_LIMIT,
        )
        .unwrap()
    }

    #[test]
    fn line_matcher_agrees_with_one_search_per_pattern() {
        let patterns = [
            r"^责任编辑\s*[:：]",
            r"版权所有",
            r"^\d{4}-\d{2}-\d{2}$",
            r"(分享|微信)+$",
            r"x",
        ];
        let needed = vec![
            Some(vec!["责任编辑"]),
            Some(vec!["版权"]),
            None,
            Some(vec!["分享", "微信"]),
            Some(vec!["x"]),
        ];
        let m = matcher(&patterns, needed);
        let lines = [
            "责任编辑：王伟",
            "2020-04-24",
            "版权所有 © 2020",
            "正文在此。",
            "分享微信",
            "",
        ];
        let got = m.match_lines(&lines);
        let regexes: Vec<Regex> = patterns
            .iter()
            .map(|p| compile(p, DEFAULT_SIZE_LIMIT).unwrap())
            .collect();
        let want: Vec<Vec<usize>> = lines
            .iter()
            .map(|l| (0..regexes.len()).filter(|&i| regexes[i].is_match(l)).collect())
            .collect();
        assert_eq!(got, want);
        assert_eq!(got[0], vec![0]);
        assert_eq!(got[4], vec![3]);
    }

    #[test]
    fn line_matcher_skips_patterns_whose_strings_are_absent() {
        // The needed list is a promise; a pattern whose strings are absent is not even tried.
        let m = matcher(&[r"编辑", r"编辑"], vec![Some(vec!["责任编辑"]), None]);
        assert_eq!(m.match_lines(&["编辑 but nothing more"]), vec![vec![1]]);
        assert_eq!(m.match_lines(&["编辑"]), vec![vec![1]]);
        assert_eq!(m.match_lines(&["a", "责任编辑"]), vec![vec![], vec![0, 1]]);
        // An empty list: nothing can be found, so never tried.
        let m = matcher(&[r"a"], vec![Some(vec![])]);
        assert_eq!(m.match_lines(&["a"]), vec![Vec::<usize>::new()]);
        // Overlapping needles are all seen (责任编辑 holds 编辑).
        let m = matcher(&[r"责任", r"编辑"], vec![Some(vec!["责任编辑"]), Some(vec!["编辑"])]);
        assert_eq!(m.match_lines(&["责任编辑"]), vec![vec![0, 1]]);
    }

    #[test]
    fn line_matcher_leaves_out_patterns_a_line_is_too_long_for() {
        let patterns: Vec<String> = ["a", "a", "a", "b"].iter().map(|s| s.to_string()).collect();
        let limits = [2, 0, 4, 2];
        let m = LineMatcherCore::new(patterns.clone(), vec![None; 4], &limits, DEFAULT_SIZE_LIMIT).unwrap();
        // Characters, not bytes: "编a" is two.
        let lines = ["ab", "编a", "aaa", "aaaa", "aaaaa", "bbbbb", "编编编编编"];
        let want: Vec<Vec<usize>> = lines
            .iter()
            .map(|l| {
                (0..patterns.len())
                    .filter(|&i| (limits[i] == 0 || l.chars().count() <= limits[i]) && l.contains(patterns[i].as_str()))
                    .collect()
            })
            .collect();
        assert_eq!(m.match_lines(&lines), want);
        assert_eq!(want[0], vec![0, 1, 2, 3]);
        assert_eq!(want[1], vec![0, 1, 2]);
        assert_eq!(want[3], vec![1, 2]);
        assert!(want[5].is_empty());
        let err = LineMatcherCore::new(patterns, vec![None; 4], &[1], DEFAULT_SIZE_LIMIT)
            .err()
            .unwrap();
        assert!(err.contains("max_chars differ in length"), "{err}");
    }

    #[test]
    fn line_matcher_asks_a_few_patterns_alone_as_the_set_would() {
        // Lines worth trying for up to ALONE_MAX patterns are asked of those alone, lines worth
        // more of the set: both give each pattern that matches somewhere, ascending.
        let patterns: Vec<String> = (0..ALONE_MAX + 3)
            .map(|k| format!("{}+$|^[^0-9]*{k}", "编辑".repeat(k % 2 + 1)))
            .collect();
        let m = LineMatcherCore::new(patterns.clone(), vec![None; patterns.len()], &[], DEFAULT_SIZE_LIMIT).unwrap();
        let few = LineMatcherCore::new(
            patterns.clone(),
            (0..patterns.len()).map(|k| Some(vec![format!("<{k}>")])).collect(),
            &[],
            DEFAULT_SIZE_LIMIT,
        )
        .unwrap();
        let lines = [
            "责任编辑",
            "编辑编辑",
            "a3",
            "<1><2>编辑",
            "<0><5>x5",
            "3编辑",
            "",
            "<6>6编辑编辑",
        ];
        let one = |i: usize, l: &str| Regex::new(&patterns[i]).unwrap().is_match(l);
        let every: Vec<Vec<usize>> = lines
            .iter()
            .map(|l| (0..patterns.len()).filter(|&i| one(i, l)).collect())
            .collect();
        assert_eq!(m.match_lines(&lines), every); // every pattern worth trying: the set
        let needed: Vec<Vec<usize>> = lines
            .iter()
            .map(|l| {
                (0..patterns.len())
                    .filter(|&i| l.contains(&format!("<{i}>")) && one(i, l))
                    .collect()
            })
            .collect();
        assert_eq!(few.match_lines(&lines), needed); // a few worth trying: each alone
        assert_eq!(needed[3], vec![1, 2]);
        assert_eq!(needed[4], vec![0]); // pattern 5 wants no digit before its 5: a 0 stands there
    }

    #[test]
    fn line_matcher_tries_a_pattern_on_the_lines_holding_its_strings() {
        // Pattern 0 would match "编辑" anywhere, but its needed string is on another line.
        let m = matcher(&[r"编辑", r"编"], vec![Some(vec!["责任编辑"]), Some(vec!["编"])]);
        assert_eq!(m.match_lines(&["编辑", "责任编辑"]), vec![vec![1], vec![0, 1]]);
    }

    #[test]
    fn line_matcher_reports_the_bad_pattern() {
        let err = LineMatcherCore::new(
            vec!["a".into(), "(?<=b)c".into()],
            vec![None, None],
            &[],
            DEFAULT_SIZE_LIMIT,
        )
        .err()
        .unwrap();
        assert!(err.starts_with("pattern 1 ") && err.contains("look-around"), "{err}");
        let err = LineMatcherCore::new(vec!["a".into()], vec![], &[], DEFAULT_SIZE_LIMIT)
            .err()
            .unwrap();
        assert!(err.contains("differ in length"), "{err}");
    }

    #[test]
    fn line_matcher_skips_by_the_line() {
        // Pattern 0 would match "b", but needs "a": the prefilter's word is final, line by line.
        let m = matcher(&["b", "c"], vec![Some(vec!["a"]), Some(vec!["c"])]);
        assert_eq!(m.match_lines(&["b", "c", "zzz"]), vec![vec![], vec![1], vec![]]);
        assert_eq!(
            m.match_lines(&["b", "a", "c", "ab"]),
            vec![vec![], vec![], vec![1], vec![0]]
        );
        assert_eq!(m.match_lines(&["b", "zzz"]), vec![Vec::<usize>::new(); 2]);
        assert_eq!(m.match_lines::<&str>(&[]), Vec::<Vec<usize>>::new());
        let empty = matcher(&[], vec![]);
        assert!(empty.is_empty() && empty.match_lines(&["x"]) == vec![Vec::<usize>::new()]);
    }
}
