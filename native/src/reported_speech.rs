//! Someone's words reported by the article: `他表示,未经授权转载的行为侵犯了本网的著作权。`,
//! `原告代理人称,本网刊发的稿件…`, `他说:“本平台的内容未经许可不得转载。”`.
//!
//! A site's notice (a disclaimer, its reprint terms) speaks in the site's own voice and reports no
//! one; an article that reports a speaker's words about copyright, reprints or "this site" is
//! telling what was said, whoever the speaker names as 本网. Text is folded (NFKC: `,` `:`).

/// Verbs that report a speaker's words when a clause mark or an opening quote follows them, or
/// when they close the sentence (`…,他对本报记者说。`).
const SAID: [&str; 17] = [
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
    "提醒",
];

/// Words that head the site's own note before 提醒 (`温馨提醒:`, `特别提醒:`): no speaker.
const NOTE_HEADS: [&str; 6] = ["温馨", "特别", "友情", "重要", "郑重", "再次"];

/// Words by which the site names itself or its page: a speaker so named (`本站表示,`, `本文认为,`)
/// is the site speaking.
const SITE: [&str; 14] = [
    "本网",
    "本站",
    "本平台",
    "本报",
    "本刊",
    "本号",
    "我网",
    "我站",
    "本台",
    "本栏目",
    "本频道",
    "本文",
    "本篇",
    "以上内容",
];

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

/// Does `sentence` (one sentence, or the part of one before a position) hold a speaker and a verb
/// of saying followed by `,`, `:` (either width) or an opening quote (`业内人士指出,`), or, when
/// `ended` (the whole sentence), closing it (`…,他对本报记者说`)? The speaker (the clause before the
/// verb) is named and is not the site itself (`本网表示,` is its own voice) nor the head of its note
/// (`温馨提醒:`).
fn says(sentence: &str, ended: bool) -> bool {
    SAID.iter().any(|verb| {
        sentence.match_indices(verb).any(|(i, _)| {
            let after = &sentence[i + verb.len()..];
            let mut rest = after.chars();
            let marked = match rest.next() {
                Some(c) if is_comma(c) => true,
                Some(c) if opens_quote(c) => true,
                // A one-character verb before a colon is a key as often (名称:, 简称:): only
                // `说:“` reports; `表示:` does.
                Some(c) if is_colon(c) => verb.chars().count() > 1 || rest.next().is_some_and(opens_quote),
                None => ended,
                Some(_) => ended && after.trim().is_empty(),
            };
            let speaker = sentence[..i]
                .rsplit(|c| is_comma(c) || is_colon(c))
                .next()
                .unwrap_or("")
                .trim();
            let note_head = *verb == "提醒" && NOTE_HEADS.iter().any(|w| speaker.ends_with(w));
            marked && !speaker.is_empty() && !names_site(speaker) && !note_head
        })
    })
}

/// Does the speaker's clause name the site as the one speaking? Its reporter is whom a speaker
/// tells (`他对本报记者说`), not the site's voice.
fn names_site(speaker: &str) -> bool {
    SITE.iter().any(|w| {
        speaker
            .match_indices(w)
            .any(|(j, _)| !speaker[j + w.len()..].starts_with("记者"))
    })
}

/// Does the sentence `sentence` (no sentence end inside) report someone's words (`says`): a
/// site's note speaks in its own voice and reports no one (`法官提醒,…`, `业内人士指出,…` and
/// `…,他对本报记者说` are the article's).
pub fn reports(sentence: &str) -> bool {
    says(sentence, true)
}

/// Does the text at byte offset `at` stand in someone's reported words? Either inside quotation
/// marks, or in a sentence whose earlier part reports a speaker's words (`says`: `业内人士指出,`;
/// `本站声明` is no speaker: `声明` is no verb here, and `本网表示,` is the site's own voice).
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
    says(&before[start..], false)
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
        assert!(!at("温馨提醒:本站内容未经授权不得转载。", "本站"));
        assert!(!at("本文认为,转载须注明出处。", "转载"));
    }

    #[test]
    fn a_sentence_reports_a_named_speaker_before_or_after_the_words() {
        assert!(reports("法官提醒,网购时应保留聊天记录"));
        assert!(reports("业内人士指出,未经授权转载不得用于商业用途"));
        assert!(reports("这类内容未经许可不得转载,他对本报记者说"));
        assert!(reports("民警提醒:扫码前请核实对方身份"));
        assert!(!reports("本站提醒,请勿转载"));
        assert!(!reports("特别提醒:本站内容仅供参考"));
        assert!(!reports("名称:本站"));
        assert!(!reports("欢迎关注本公众号"));
        // Within a sentence a verb closing it reports only the whole sentence's words.
        assert!(!reported_at("他说本网", "他说本网".len()));
    }
}
