//! The forms of portal furniture a line shows wherever it stands (`portals.form` in
//! `cleaner/furniture/portals.py`): a font-size toggle, an outlet in brackets, a trail, a post's
//! stamp, a member's badge, a PTT header, counters and buttons, Q&A and prompt words, bylines,
//! imprints, photo credits, reprint notes. Every line of a page in one call.
//!
//! The patterns are Python's, given by `portals.py` once per process (`PortalForms.new`) and
//! read here in the `regex` crate's syntax (`translate`): Python's `\s`, `\S`, `\w` and `\W`
//! spelled out as `furniture.rs` spells them, an escaped sign as its code point. The crate has no
//! look-around; the three patterns that hold one are each a pattern plus a checked condition,
//! with a test each (`views`, `OWN_TERMS_FIXED`; `row_items` and `statement` are code). The
//! Python original of `form` is the tests' oracle (`tests/reference_portal_forms.py`).
//!
//! `form` asks `widgets.py`'s forms between its first checks and the rest: those stay Python's,
//! so a line's answer comes in two parts, the family before them and the family after them
//! (`Forms`), and Python asks the widgets of a line between (`portals._forms`).

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyList;
use regex::Regex;

use crate::charlm::in_ranges;
use crate::furniture::is_space;
use crate::tables::DECIMAL;
use crate::{strings_of, utf8_texts};

/// Python's `\s` inside a character class (`str.isspace`).
const SPACE: &str = r"\s\x1C-\x1F";
/// Python's `\w` inside a character class (`str.isalnum` and `_`).
const WORD: &str = r"\p{L}\p{N}_";

/// A line this long is article text, whatever it holds (`portals.PARAGRAPH`).
const PARAGRAPH: usize = 150;
const ROW_MAX: usize = 60;
const SIZES_MAX: usize = 24;
const OUTLET_MAX: usize = 16;
const TRAIL_MAX: usize = 30;
const RISK_MAX: usize = 40;
const OWN_TERMS_MAX: usize = 80;
const WIDGET_MAX: usize = 100;
const STAMP_NAME: usize = 12;
const BOX_COVER: f64 = 0.8;
/// `_SIZE_CHARS`: what a font-size toggle's row is made of.
const SIZE_CHARS: &str = "大中小特超标准默认字号体级设定调整:[]()【】|/ A+-";
/// `_PTT_FIRST`: the first character of a PTT header, mark or push line.
const PTT_FIRST: &str = "作看标时※推嘘→";

/// `_VIEWS`'s look-ahead: no Han after the counter (阅读 3 次 is a stamp's, 阅读3次数据 is not).
const VIEWS_AHEAD: &str = r"(?![\u3400-\u9fff])";
/// `_OWN_TERMS`'s look-ahead (不得 but not 不得不) and its rewrite: the first of the characters
/// after 不得 is no 不 (none may be there: 不得转载). The pattern is only asked whether it
/// matches, so the alternatives may be regrouped.
const OWN_TERMS_AHEAD: &str = r"(?:禁止|不得(?!不)|严禁|谢绝|请勿)[^。!?]{0,4}转载";
const OWN_TERMS_FIXED: &str = r"(?:(?:禁止|严禁|谢绝|请勿)[^。!?]{0,4}|不得(?:[^。!?不][^。!?]{0,3})?)转载";

/// Python's pattern in the `regex` crate's syntax (see the module's note). A look-around, a
/// back-reference or a word boundary is refused: the crate has none, or not Python's.
pub fn translate(pattern: &str) -> Result<String, String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut in_class = false;
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        if c == '\\' {
            let Some(&e) = chars.get(k + 1) else {
                return Err(format!("a trailing backslash in {pattern}"));
            };
            k += 2;
            match (e, in_class) {
                ('s', true) => out.push_str(SPACE),
                ('s', false) => out.push_str(&format!("[{SPACE}]")),
                ('S', false) => out.push_str(&format!("[^{SPACE}]")),
                ('w', true) => out.push_str(WORD),
                ('w', false) => out.push_str(&format!("[{WORD}]")),
                ('W', _) => out.push_str(&format!("[^{WORD}]")),
                ('d' | 'D' | 'n' | 't' | 'r' | 'f' | 'v', _) => {
                    out.push('\\');
                    out.push(e);
                }
                ('u', _) => {
                    let hex: String = chars.get(k..k + 4).map(|h| h.iter().collect()).unwrap_or_default();
                    let cp = u32::from_str_radix(&hex, 16).map_err(|_| format!("a bad \\u escape in {pattern}"))?;
                    out.push_str(&format!("\\x{{{cp:X}}}"));
                    k += 4;
                }
                (e, _) if !e.is_ascii_alphanumeric() => out.push_str(&format!("\\x{{{:X}}}", u32::from(e))),
                (e, _) => return Err(format!("\\{e} has no translation (in {pattern})")),
            }
            continue;
        }
        k += 1;
        if in_class {
            match c {
                ']' => {
                    in_class = false;
                    out.push(c);
                }
                // Literal in Python's classes, set operations or nested classes in the crate's.
                '[' | '&' | '~' => out.push_str(&format!("\\x{{{:X}}}", u32::from(c))),
                _ => out.push(c),
            }
            continue;
        }
        match c {
            '[' => {
                in_class = true;
                out.push(c);
                // A `^` and a `]` first in a class are Python's negation and literal.
                if chars.get(k) == Some(&'^') {
                    out.push('^');
                    k += 1;
                }
                if chars.get(k) == Some(&']') {
                    out.push_str(r"\]");
                    k += 1;
                }
            }
            '(' if chars.get(k) == Some(&'?') => {
                let next = chars.get(k + 1).copied();
                if matches!(next, Some('=' | '!' | '<' | 'P')) {
                    return Err(format!("look-around or named group in {pattern}"));
                }
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    Ok(out)
}

fn compile(pattern: &str) -> Result<Regex, String> {
    let translated = translate(pattern)?;
    Regex::new(&translated).map_err(|e| format!("{pattern}: {e}"))
}

/// `\d` of one character: a decimal digit (Unicode Nd), as Python's `re` reads it.
fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || !c.is_ascii() && in_ranges(c, DECIMAL)
}

/// A pattern as Python's `search`, `match` and `fullmatch` ask it.
struct Pat {
    search: Regex,
    start: Regex,
    full: Regex,
}

impl Pat {
    fn new(pattern: &str) -> Result<Self, String> {
        let t = translate(pattern)?;
        let re = |p: String| Regex::new(&p).map_err(|e| format!("{pattern}: {e}"));
        Ok(Pat {
            search: re(t.clone())?,
            start: re(format!("^(?:{t})"))?,
            full: re(format!(r"^(?:{t})\z"))?,
        })
    }

    fn search(&self, text: &str) -> bool {
        self.search.is_match(text)
    }

    fn matches(&self, text: &str) -> bool {
        self.start.is_match(text)
    }

    fn fullmatch(&self, text: &str) -> bool {
        self.full.is_match(text)
    }

    /// `pattern.sub("", text)`.
    fn removed<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        self.search.replace_all(text, "")
    }
}

/// `_VIEWS`, whose look-ahead (no Han after the match) is a character consumed or the text's
/// end after the pattern: the match is the pattern's group, the consumed character the next
/// search's start. Every choice of the pattern is tried in Python's order before the next start.
struct Views(Regex);

impl Views {
    fn new(pattern: &str) -> Result<Self, String> {
        let body = pattern
            .strip_suffix(VIEWS_AHEAD)
            .ok_or_else(|| format!("_VIEWS no longer ends with {VIEWS_AHEAD}: its rewrite needs a look"))?;
        let translated = translate(body)?;
        Regex::new(&format!(r"({translated})(?:\z|[^\x{{3400}}-\x{{9fff}}])"))
            .map(Views)
            .map_err(|e| e.to_string())
    }

    /// The (start, end) of each match, as `finditer` gives them.
    fn spans(&self, text: &str) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        let mut at = 0;
        while at <= text.len() {
            let Some(caps) = self.0.captures_at(text, at) else {
                break;
            };
            let m = caps.get(1).expect("the pattern's group");
            spans.push((m.start(), m.end()));
            // No match is empty (a word opens it): the next starts at its end.
            at = m.end().max(at + 1);
            while !text.is_char_boundary(at.min(text.len())) {
                at += 1;
            }
        }
        spans
    }

    fn search(&self, text: &str) -> bool {
        self.0.is_match(text)
    }

    /// `_VIEWS.sub("", text)`.
    fn removed(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for (start, end) in self.spans(text) {
            out.push_str(&text[last..start]);
            last = end;
        }
        out.push_str(&text[last..]);
        out
    }
}

/// The patterns of `form`, by their names in `portals.py` (and the word lists' patterns of `Words`).
struct Patterns {
    outlet: Pat,
    trail: Pat,
    ip_place: Pat,
    level_badge: Pat,
    risk: Pat,
    entry_note: Pat,
    tool_key_tail: Pat,
    signs: Pat,
    ptt_header: Pat,
    ptt_mark: Pat,
    ptt_push: Pat,
    edited: Pat,
    floor: Pat,
    has_date: Pat,
    ago: Pat,
    view_signs: Pat,
    views: Views,
    stamp_gaps: Pat,
    bracket_counter: Pat,
    button_stamp: Pat,
    en_stamp: Pat,
    post_note: Pat,
    read_note: Pat,
    dated_comment: Regex,
    speaks: Pat,
    duration: Pat,
    count: Pat,
    number: Pat,
    quoted: Pat,
    box_count_words: Pat,
    word_gaps: Pat,
    original_title: Pat,
    reporter_signs: Pat,
    reporter: Pat,
    byline: Pat,
    slash_byline: Pat,
    bar_byline: Pat,
    reporters_column: Pat,
    imprint: Pat,
    editor_code: Pat,
    photo_sign: Pat,
    photo: Pat,
    reprint_signs: Pat,
    reprint: Pat,
    authorised: Pat,
    own_terms: Pat,
    own_original: Pat,
    platform: Pat,
    spaced: Pat,
    notice: Pat,
    qa: Regex,
    novel: Regex,
    prompts: Regex,
    comment_box: Regex,
    gov: Pat,
    tags: Pat,
    credits: Pat,
}

/// A line's family in two parts: what `form` finds before it asks the widgets, whether it asks
/// them (a line of `WIDGET_MAX` characters or fewer that no earlier form took), and what it finds
/// after them. `form` is the first of the three that is one: `before or widget or after`.
pub type Forms = (&'static str, bool, &'static str);

/// `portals.form` but its widgets.
pub struct PortalForms {
    p: Patterns,
    ranks: HashSet<String>,
    stats: HashSet<String>,
    actions: HashSet<String>,
    buttons: HashSet<String>,
    /// The ranks, counters, actions, Q&A, prompt and novel words (`words.native.phrases`): any
    /// of them on a line makes it worded.
    phrases: AhoCorasick,
    count_max: usize,
}

impl PortalForms {
    pub fn new(patterns: &HashMap<String, String>, words: [&[String]; 5], count_max: usize) -> Result<Self, String> {
        let get = |name: &str| -> Result<&str, String> {
            patterns
                .get(name)
                .map(String::as_str)
                .ok_or_else(|| format!("no pattern {name}"))
        };
        let pat = |name: &str| -> Result<Pat, String> { Pat::new(get(name)?) };
        let re = |name: &str| -> Result<Regex, String> { compile(get(name)?) };
        let own_terms = get("_OWN_TERMS")?;
        if !own_terms.contains(OWN_TERMS_AHEAD) {
            return Err(format!(
                "_OWN_TERMS no longer holds {OWN_TERMS_AHEAD}: its rewrite needs a look"
            ));
        }
        let p = Patterns {
            outlet: pat("_OUTLET")?,
            trail: pat("_TRAIL")?,
            ip_place: pat("_IP_PLACE")?,
            level_badge: pat("_LEVEL_BADGE")?,
            risk: pat("_RISK")?,
            entry_note: pat("_ENTRY_NOTE")?,
            tool_key_tail: pat("_TOOL_KEY_TAIL")?,
            signs: pat("_SIGNS")?,
            ptt_header: pat("_PTT_HEADER")?,
            ptt_mark: pat("_PTT_MARK")?,
            ptt_push: pat("_PTT_PUSH")?,
            edited: pat("_EDITED")?,
            floor: pat("_FLOOR")?,
            has_date: pat("_HAS_DATE")?,
            ago: pat("_AGO")?,
            view_signs: pat("_VIEW_SIGNS")?,
            views: Views::new(get("_VIEWS")?)?,
            stamp_gaps: pat("_STAMP_GAPS")?,
            bracket_counter: pat("_BRACKET_COUNTER")?,
            button_stamp: pat("_BUTTON_STAMP")?,
            en_stamp: pat("_EN_STAMP")?,
            post_note: pat("_POST_NOTE")?,
            read_note: pat("_READ_NOTE")?,
            dated_comment: compile(&format!("^(?:{})", get("_DATED_COMMENT")?))?,
            speaks: pat("_SPEAKS")?,
            duration: pat("_DURATION")?,
            count: pat("_COUNT")?,
            number: pat("_NUMBER")?,
            quoted: pat("_QUOTED")?,
            box_count_words: pat("_BOX_COUNT_WORDS")?,
            word_gaps: pat("_WORD_GAPS")?,
            original_title: pat("_ORIGINAL_TITLE")?,
            reporter_signs: pat("_REPORTER_SIGNS")?,
            reporter: pat("_REPORTER")?,
            byline: pat("_BYLINE")?,
            slash_byline: pat("_SLASH_BYLINE")?,
            bar_byline: pat("_BAR_BYLINE")?,
            reporters_column: pat("_REPORTERS_COLUMN")?,
            imprint: pat("_IMPRINT")?,
            editor_code: pat("_EDITOR_CODE")?,
            photo_sign: pat("_PHOTO_SIGN")?,
            photo: pat("_PHOTO")?,
            reprint_signs: pat("_REPRINT_SIGNS")?,
            reprint: pat("_REPRINT")?,
            authorised: pat("_AUTHORISED")?,
            own_terms: Pat::new(&own_terms.replace(OWN_TERMS_AHEAD, OWN_TERMS_FIXED))?,
            own_original: pat("_OWN_ORIGINAL")?,
            platform: pat("_PLATFORM")?,
            spaced: pat("_SPACED")?,
            notice: pat("_NOTICE")?,
            qa: re("qa")?,
            novel: re("novel")?,
            prompts: re("prompts")?,
            comment_box: re("comment_box")?,
            gov: pat("gov")?,
            tags: pat("tags")?,
            credits: pat("credits")?,
        };
        let [ranks, stats, actions, buttons, phrases] = words;
        let set = |w: &[String]| w.iter().cloned().collect::<HashSet<String>>();
        // Only whether a line holds one is asked: the standard kind stops at the first. No
        // prefilter: its rare bytes are every Han line's (see `furniture::Words::new`).
        let phrases = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(false)
            .build(phrases.iter().filter(|w| !w.is_empty()))
            .map_err(|e| format!("portal phrases: {e}"))?;
        Ok(PortalForms {
            p,
            ranks: set(ranks),
            stats: set(stats),
            actions: set(actions),
            buttons: set(buttons),
            phrases,
            count_max,
        })
    }

    /// `form` of a line in its two parts (`Forms`).
    pub fn forms(&self, text: &str) -> Forms {
        let n = text.chars().count();
        if n > PARAGRAPH || n > 80 && but_last(text).contains('。') {
            return ("", false, "");
        }
        let before = self.before_widgets(text, n);
        (
            before,
            before.is_empty() && n <= WIDGET_MAX,
            if before.is_empty() {
                self.after_widgets(text, n)
            } else {
                ""
            },
        )
    }

    fn before_widgets(&self, text: &str, n: usize) -> &'static str {
        let p = &self.p;
        let first = text.chars().next();
        if n <= SIZES_MAX && (text.contains('中') || text.contains('小') || text.contains('A')) && self.font_sizes(text)
        {
            return "actions";
        }
        // `text[:1] in "([【"`: the empty text's "" is in any str.
        if n <= OUTLET_MAX && first.is_none_or(|c| "([【".contains(c)) && p.outlet.matches(text) {
            return "source";
        }
        if n <= TRAIL_MAX && (text.contains('>') || text.contains('»') || text.contains('›')) && p.trail.fullmatch(text)
        {
            return "trail";
        }
        if n <= 40 && text.contains("属地") && !text.contains("编辑") && p.ip_place.matches(text) {
            return "post-stamp";
        }
        if n <= 24 && (text.contains('v') || text.contains('V')) && p.level_badge.fullmatch(text) {
            return "member";
        }
        if n <= RISK_MAX && text.contains("有风险") && p.risk.fullmatch(text) {
            return "risk-notice";
        }
        if n <= OWN_TERMS_MAX && text.starts_with("本词条") && p.entry_note.matches(text) {
            return "reprint";
        }
        ""
    }

    /// `_font_sizes`.
    fn font_sizes(&self, text: &str) -> bool {
        let text = self.p.tool_key_tail.removed(text);
        if !text.chars().all(|c| SIZE_CHARS.contains(c)) {
            return false;
        }
        let sizes = text.chars().filter(|c| "大中小".contains(*c)).count();
        // `re.findall(r"A+[+\-]?", text)`, each letter run's length.
        let mut letters = Vec::new();
        let chars: Vec<char> = text.chars().collect();
        let mut k = 0;
        while k < chars.len() {
            if chars[k] == 'A' {
                let start = k;
                while k < chars.len() && chars[k] == 'A' {
                    k += 1;
                }
                letters.push(k - start);
                if k < chars.len() && (chars[k] == '+' || chars[k] == '-') {
                    k += 1;
                }
            } else {
                k += 1;
            }
        }
        sizes >= 2 || letters.len() >= 2 && letters.iter().all(|&run| run == 1)
    }

    fn after_widgets(&self, text: &str, n: usize) -> &'static str {
        let p = &self.p;
        let worded = self.phrases.is_match(text);
        if !(worded || p.signs.search(text)) {
            return "";
        }
        let first = text.chars().next();
        let short = n <= ROW_MAX;
        let ended = text.contains(['。', '!', '?']);
        if (first.is_some_and(|c| PTT_FIRST.contains(c)) || text.contains("看板"))
            && (p.ptt_header.matches(text) || p.ptt_mark.matches(text) || p.ptt_push.matches(text))
        {
            return "ptt";
        }
        if !ended && n <= 80 && (text.contains("编辑") || text.contains('于')) && p.edited.search(text) {
            return "edited";
        }
        let digits = text.chars().any(is_decimal);
        if short && !ended && digits && p.floor.search(text) && (p.has_date.search(text) || p.ago.search(text)) {
            return "post-stamp";
        }
        if short && !ended && digits && p.view_signs.search(text) && self.counted_stamp(text) {
            return "post-stamp";
        }
        if short && !ended && text.matches('(').count() >= 2 && self.counted_row(text) {
            return "post-stamp";
        }
        if short
            && !ended
            && digits
            && text.contains('回')
            && !text.contains(',')
            && p.button_stamp.search(text)
            && p.has_date.search(text)
        {
            return "post-stamp";
        }
        if short && digits && text.contains(':') && first.is_none_or(|c| c.is_ascii()) && p.en_stamp.matches(text) {
            return "post-stamp";
        }
        if n <= 80
            && digits
            && (text.starts_with('本') && text.contains('由') && p.post_note.matches(text)
                || text.contains('次') && first.is_none_or(|c| "([".contains(c)) && p.read_note.matches(text))
        {
            return "post-stamp";
        }
        if n <= 100 && digits && text.contains(':') {
            if let Some(caps) = p.dated_comment.captures(text) {
                if p.speaks.search(caps.get(1).map_or("", |m| m.as_str())) {
                    return "reply";
                }
            }
        }
        if short && digits && (text.contains("分钟") || text.contains(':')) && p.duration.matches(text) {
            return "duration";
        }
        let tokens = if worded && short && !ended {
            self.row_items(text)
        } else {
            Vec::new()
        };
        if !tokens.is_empty() && tokens.iter().all(|t| self.ranks.contains(*t)) && n <= 12 {
            return "rank";
        }
        let stat = |t: &&str| self.stats.contains(*t);
        let action = |t: &&str| self.actions.contains(*t);
        let size_token =
            |t: &&str| t.starts_with('A') && t[1..].len() <= 2 && t[1..].chars().all(|c| c == '+' || c == '-');
        if tokens.len() >= 2
            && tokens.iter().filter(|t| stat(t)).count() >= 2
            && tokens.iter().all(|t| stat(t) || p.number.matches(t))
        {
            return "stats";
        }
        if tokens.len() >= 2
            && digits
            && tokens.iter().all(|t| stat(t) || action(t))
            && tokens.iter().any(stat)
            && tokens.iter().any(action)
        {
            return "actions";
        }
        if !tokens.is_empty()
            && tokens.iter().all(|t| action(t) || size_token(t))
            && !tokens.iter().all(size_token)
            && (tokens.len() >= 2 || tokens[0].chars().count() >= 3 || text.contains('▼'))
        {
            return "actions";
        }
        if tokens.len() == 1 && self.buttons.contains(tokens[0]) && digits && n <= self.count_max + 4 {
            return "actions";
        }
        let sentence = usize::from(worded && statement(text));
        if worded && n <= 80 && hits(&p.qa, text) > sentence {
            return "qa";
        }
        if worded && n <= 80 && hits(&p.novel, text) > sentence {
            return "novel";
        }
        if worded && n <= ROW_MAX && hits(&p.prompts, &p.quoted.removed(text)) > sentence {
            return "app-prompt";
        }
        if worded
            && n <= ROW_MAX
            && hits(&p.comment_box, text) > sentence
            && self.cover(&p.comment_box, &p.box_count_words.removed(text)) >= BOX_COVER
        {
            return "comment-box";
        }
        if n <= 70
            && (text.starts_with("原标题") || text.starts_with("(原标题") || text.starts_with("【原标题"))
            && p.original_title.matches(text)
        {
            return "source";
        }
        if short && text.contains(':') && (p.gov.matches(text) || self.gov_row(text)) {
            return "gov-meta";
        }
        if short && !ended && text.contains(':') && p.tags.matches(text) {
            return "tags";
        }
        if n <= 80
            && (text.contains('|') || text.contains('丨') || text.contains('/'))
            && p.credits
                .matches(text.trim_matches(['(', ')', '[', ']', '【', '】', ' ']))
        {
            return "bar-credit";
        }
        if n <= 50
            && p.reporter_signs.search(text)
            && p.reporter.search(text)
            && (p.byline.matches(text) || p.slash_byline.matches(text) || p.bar_byline.matches(text))
            && !but_last(text).contains('。')
            && !p.reporters_column.fullmatch(text)
        {
            return "byline";
        }
        if n <= 60 && digits && (p.imprint.search(text) || p.editor_code.matches(text)) {
            return "paper-imprint";
        }
        if n <= 60 && p.photo_sign.search(text) && p.photo.search(text) {
            return "photo-credit";
        }
        if n <= 120
            && (p.reprint_signs.search(text)
                && (p.reprint.matches(text) || p.reprint.search(text) && !text.contains(','))
                || text.contains("本文") && p.authorised.search(text))
        {
            return "reprint";
        }
        if n <= OWN_TERMS_MAX && text.contains("转载") && p.own_terms.matches(text) {
            return "reprint";
        }
        if text.contains("原创") && p.own_original.matches(text) {
            return "reprint";
        }
        if n <= OWN_TERMS_MAX && text.starts_with("本文") && p.platform.matches(text) {
            return "reprint";
        }
        if p.spaced.matches(text) && p.notice.search(&text.replace(' ', "")) {
            return "spaced-notice";
        }
        ""
    }

    /// `_counted_stamp`: a post's date with its view counter and at most a name.
    fn counted_stamp(&self, text: &str) -> bool {
        let p = &self.p;
        if !(p.has_date.search(text) && p.views.search(text)) {
            return false;
        }
        let no_views = p.views.removed(text);
        let rest = p.has_date.removed(&no_views);
        p.stamp_gaps.removed(&rest).chars().count() <= STAMP_NAME
    }

    /// `_counted_row`: two or more bracketed counters and at most a name.
    fn counted_row(&self, text: &str) -> bool {
        let p = &self.p;
        if p.bracket_counter.search.find_iter(text).count() < 2 {
            return false;
        }
        p.stamp_gaps.removed(&p.bracket_counter.removed(text)).chars().count() <= STAMP_NAME
    }

    /// `_GOV_ROW`: two or more keys of a metadata table on one line.
    fn gov_row(&self, text: &str) -> bool {
        text.matches(':').count() >= 2 && text.split(is_space).filter(|part| self.p.gov.matches(part)).count() >= 2
    }

    /// `_cover`: the share of a line's words (no signs, digits or spaces) the phrases cover.
    fn cover(&self, pattern: &Regex, text: &str) -> f64 {
        let bare = self.p.word_gaps.removed(text);
        let covered: usize = pattern.find_iter(&bare).map(|m| m.as_str().chars().count()).sum();
        covered as f64 / bare.chars().count().max(1) as f64
    }

    /// `row_items`: a row's items, split at spaces, separators and digit boundaries, counts and
    /// brackets dropped. `_SPLIT`'s look-arounds are the cuts between two characters: a non-digit
    /// and a digit, a digit and what no count holds (not a digit, 万, 千, k, w), a count's unit and
    /// what follows it.
    fn row_items<'t>(&self, text: &'t str) -> Vec<&'t str> {
        // `text.replace("\u200b", " ")`: a zero-width space is a space, so a cut (U+200B is a
        // character of three bytes, a space of one: the items are sliced from the text itself).
        let separator = |c: char| is_space(c) || c == '\u{200b}' || "|/·丨,、:;←→<>›»▼▲┆()[]".contains(c);
        let unit = |c: char| "万千kKwW".contains(c);
        let spans: Vec<(usize, char)> = text.char_indices().collect();
        let mut items = Vec::new();
        let mut start: Option<usize> = None;
        for (k, &(at, c)) in spans.iter().enumerate() {
            if separator(c) {
                if let Some(s) = start.take() {
                    items.push(&text[s..at]);
                }
                continue;
            }
            let cut = k > 0 && {
                let prev = spans[k - 1].1;
                !is_decimal(prev) && is_decimal(c)
                    || is_decimal(prev) && !is_decimal(c) && !unit(c)
                    || k > 1 && unit(prev) && is_decimal(spans[k - 2].1)
            };
            if cut {
                if let Some(s) = start.take() {
                    items.push(&text[s..at]);
                }
            }
            start.get_or_insert(at);
        }
        if let Some(s) = start {
            items.push(&text[s..]);
        }
        items.retain(|t| !self.p.count.matches(t));
        items
    }
}

/// The text but its last character (`text[:-1]`).
fn but_last(text: &str) -> &str {
    text.char_indices().last().map_or(text, |(at, _)| &text[..at])
}

/// `_hits`: different phrases of the pattern found in the text.
fn hits(pattern: &Regex, text: &str) -> usize {
    pattern
        .find_iter(text)
        .map(|m| m.as_str())
        .collect::<HashSet<&str>>()
        .len()
}

/// `_STATEMENT.search`: `[。!]|(?<!\d),|,(?!\d)|:.*\?` (a full stop, a clause's comma, not a
/// digit group's, or a question after a colon), its look-arounds read as the comma's neighbours.
fn statement(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    if chars.iter().any(|&c| c == '。' || c == '!') {
        return true;
    }
    let clause = chars.iter().enumerate().any(|(k, &c)| {
        c == ',' && !(k > 0 && is_decimal(chars[k - 1]) && chars.get(k + 1).is_some_and(|&d| is_decimal(d)))
    });
    // `:.*\?`: a question mark after a colon, no line break between (Python's `.`).
    clause
        || chars.split(|&c| c == '\n').any(|part| {
            part.iter()
                .position(|&c| c == ':')
                .is_some_and(|at| part[at..].contains(&'?'))
        })
}

/// `portals.form` but its widgets, every line of a page in one call (see the module's note).
#[pyclass(frozen, module = "cleaner._native", name = "PortalForms")]
struct PyPortalForms {
    forms: PortalForms,
}

#[pymethods]
impl PyPortalForms {
    /// `patterns`: `portals.py`'s patterns by name (and `qa`, `novel`, `prompts`, `comment_box`,
    /// `gov`, `tags`, `credits` of its word lists), as Python pattern strings.
    #[new]
    #[pyo3(signature = (*, patterns, ranks, stats, actions, buttons, phrases, count_max))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        patterns: HashMap<String, String>,
        ranks: Vec<String>,
        stats: Vec<String>,
        actions: Vec<String>,
        buttons: Vec<String>,
        phrases: Vec<String>,
        count_max: usize,
    ) -> PyResult<Self> {
        PortalForms::new(&patterns, [&ranks, &stats, &actions, &buttons, &phrases], count_max)
            .map(|forms| PyPortalForms { forms })
            .map_err(PyValueError::new_err)
    }

    /// (family before the widgets, whether the widgets are asked, family after them) of each
    /// line (folded, NFKC, stripped).
    fn of(&self, lines: &Bound<'_, PyList>) -> PyResult<Vec<Forms>> {
        let objs = strings_of(lines)?;
        Ok(utf8_texts(&objs)?.iter().map(|t| self.forms.forms(t)).collect())
    }
}

/// Python's `translate`, for the tests' check of each rewrite.
#[pyfunction]
fn portal_pattern(pattern: &str) -> PyResult<String> {
    translate(pattern).map_err(PyValueError::new_err)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPortalForms>()?;
    m.add_function(wrap_pyfunction!(portal_pattern, m)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_classes_are_spelled_out() {
        assert_eq!(translate(r"\s*").unwrap(), r"[\s\x1C-\x1F]*");
        assert_eq!(translate(r"[^\s,]").unwrap(), r"[^\s\x1C-\x1F,]");
        assert_eq!(translate(r"[\W\d_]+").unwrap(), r"[[^\p{L}\p{N}_]\d_]+");
        assert_eq!(translate(r"[\[(]\-").unwrap(), r"[\x{5B}(]\x{2D}");
        assert_eq!(translate(r"[\u3400-\u9fff]").unwrap(), r"[\x{3400}-\x{9FFF}]");
        assert_eq!(translate("[&~]").unwrap(), r"[\x{26}\x{7E}]");
    }

    #[test]
    fn look_around_is_refused() {
        assert!(translate(r"a(?!b)").is_err());
        assert!(translate(r"(?<=a)b").is_err());
        assert!(translate(r"\bword").is_err());
    }

    #[test]
    fn views_look_ahead_is_the_next_character() {
        let views = Views::new(r"(?:阅读)\s*[\d]+\s*次?(?![\u3400-\u9fff])").unwrap();
        assert!(views.search("阅读 12次"));
        assert!(views.search("阅读 12 次 张三") && views.removed("阅读 12次 张三") == " 张三");
        // 次 then Han: the match gives its 次 back and ends after the digits, before a space.
        assert_eq!(views.removed("阅读 12 次数据"), " 次数据");
        // Han right after every choice but a shorter number: Python gives digits back too.
        assert_eq!(views.removed("阅读12次数据"), "2次数据");
    }

    #[test]
    fn statement_reads_commas_by_their_neighbours() {
        assert!(!statement("1,234"));
        assert!(statement("甲,乙"));
        assert!(statement("1,乙"));
        assert!(statement("问:为何?"));
        assert!(!statement("为何? 问:"));
    }

    #[test]
    fn own_terms_rewrite_keeps_its_look_ahead() {
        let re = Regex::new(&format!("^(?:{OWN_TERMS_FIXED})")).unwrap();
        assert!(re.is_match("不得转载"));
        assert!(re.is_match("不得擅自转载"));
        assert!(!re.is_match("不得不转载"));
        assert!(re.is_match("严禁不法转载"));
        assert!(!re.is_match("不得。转载"));
    }
}
