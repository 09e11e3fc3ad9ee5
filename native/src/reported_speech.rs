//! Someone's words reported by the article: `他表示,未经授权转载的行为侵犯了本网的著作权。`,
//! `原告代理人称,本网刊发的稿件…`, `他说:“本平台的内容未经许可不得转载。”`.
//!
//! A site's notice (a disclaimer, its reprint terms) speaks in the site's own voice and reports no
//! one; an article that reports a speaker's words about copyright, reprints or "this site" is
//! telling what was said, whoever the speaker names as 本网. Text is folded (NFKC: `,` `:`).

/// Verbs that report a speaker's words when a clause mark or an opening quote follows them.
/// 提醒 and 提示 are not among them: `温馨提示:` and `特别提醒:` head the site's own notes.
const SAID: [&str; 16] = [
    "表示",
    "指出",
    "认为",
    "介绍",
    "透露",
    "强调",
    "坦言",
    "回应",
    "解释",
    "称",
    "说",
    "告诉记者",
    "提到",
    "呼吁",
    "坦承",
    "直言",
];

/// Words by which the site names itself: a speaker so named (`本站表示,`) is the site speaking.
const SITE: [&str; 8] = ["本网", "本站", "本平台", "本报", "本刊", "本号", "我网", "我站"];

// Both widths: the lexicon reads lines after NFKC, the rules read them as written.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '！' | '？' | '；')
}

fn is_comma(c: char) -> bool {
    matches!(c, ',' | '，')
}

fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：')
}

fn opens_quote(c: char) -> bool {
    matches!(c, '“' | '「' | '『')
}

fn closes_quote(c: char) -> bool {
    matches!(c, '”' | '」' | '』')
}

/// Does the text at byte offset `at` stand in someone's reported words? Either inside quotation
/// marks, or in a sentence whose earlier part is a speaker and a verb of saying followed by `,`,
/// `:` (either width) or an opening quote (`业内人士指出,`), the speaker not the site itself (`本站声明` is no
/// speaker: `声明` is no verb here, and `本网表示,` is the site's own voice).
pub fn reported_at(text: &str, at: usize) -> bool {
    let before = &text[..at.min(text.len())];
    let mut depth = 0i32;
    for c in before.chars() {
        if opens_quote(c) {
            depth += 1;
        } else if closes_quote(c) {
            depth = (depth - 1).max(0);
        }
    }
    if depth > 0 {
        return true;
    }
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_sentence_end(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let sentence = &before[start..];
    SAID.iter().any(|verb| {
        sentence.match_indices(verb).any(|(i, _)| {
            let mut rest = sentence[i + verb.len()..].chars();
            let marked = match rest.next() {
                Some(c) if is_comma(c) => true,
                Some(c) if opens_quote(c) => true,
                // A one-character verb before a colon is a key as often (名称:, 简称:): only
                // `说:“` reports; `表示:` does.
                Some(c) if is_colon(c) => verb.chars().count() > 1 || rest.next().is_some_and(opens_quote),
                _ => false,
            };
            let speaker = sentence[..i]
                .rsplit(|c| is_comma(c) || is_colon(c))
                .next()
                .unwrap_or("");
            marked && !speaker.is_empty() && !SITE.iter().any(|w| speaker.contains(w))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, word: &str) -> bool {
        reported_at(text, text.find(word).expect("word in text"))
    }

    #[test]
    fn a_speaker_and_a_verb_of_saying_report_what_follows() {
        assert!(at("他表示,未经授权转载的行为侵犯了本网的著作权。", "本网"));
        assert!(at("庭审中,原告代理人称,本网刊发的稿件版权归本网所有。", "本网"));
        assert!(at("他说:“本平台的内容未经许可不得转载。”", "本平台"));
        assert!(at("业内人士指出:未经授权转载不得用于商业用途。", "转载"));
        assert!(at("庭审中，原告代理人称，本网刊发的稿件版权归本网所有。", "本网"));
        // as written
    }

    #[test]
    fn the_site_in_its_own_voice_reports_no_one() {
        assert!(!at("本网所有稿件未经授权不得转载,违者将依法追究法律责任。", "本网"));
        assert!(!at("本站表示,未经授权不得转载本站内容。", "不得"));
        assert!(!at("温馨提示:本站内容未经授权不得转载。", "本站"));
        assert!(!at("单位名称:滨江日报社 版权所有", "版权"));
        // The speaker's sentence has ended: the next one is the site's again.
        assert!(!at("他表示,会继续关注此事。本网所载文章未经授权不得转载。", "本网所载"));
    }
}
