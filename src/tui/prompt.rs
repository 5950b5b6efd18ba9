//! A one-line text prompt that edits like readline: the search query and the `:` date.
//!
//! Plain data with a cursor (a byte offset, always on a character boundary); [`Edit`]s are
//! the intents the keymap names, so `update` applies them and tests drive them without a
//! terminal. Words, for Ctrl-w and Alt-b/f, are runs of alphanumeric characters, as in
//! readline.

/// One edit of a prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    /// Backspace: the character before the cursor.
    DeleteBack,
    /// Delete: the character under the cursor.
    DeleteForward,
    Left,
    Right,
    Home,
    End,
    WordLeft,
    WordRight,
    /// Ctrl-u: everything before the cursor.
    KillToStart,
    /// Ctrl-k: everything from the cursor on.
    KillToEnd,
    /// Ctrl-w: the whitespace-separated word before the cursor.
    KillWordBack,
    /// Alt-Backspace: the alphanumeric word before the cursor.
    KillAlnumWordBack,
}

/// The text and where the cursor is in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prompt {
    text: String,
    cursor: usize,
}

impl Prompt {
    /// A prompt holding `text`, the cursor at its end.
    pub fn new(text: &str) -> Prompt {
        Prompt {
            text: text.to_owned(),
            cursor: text.len(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor as a byte offset into [`Prompt::text`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Inserts pasted text at the cursor; line breaks and tabs become spaces, other control
    /// characters are dropped, so a paste can neither submit nor garble the prompt.
    pub fn paste(&mut self, text: &str) {
        let clean: String = text
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    /// Applies one edit; returns whether the text changed (the cursor alone may move).
    pub fn apply(&mut self, edit: Edit) -> bool {
        let before = self.text.len();
        match edit {
            Edit::Insert(c) if !c.is_control() => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
            }
            Edit::Insert(_) => {}
            Edit::DeleteBack => {
                let start = self.prev_char();
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            Edit::DeleteForward => {
                let end = self.next_char();
                self.text.replace_range(self.cursor..end, "");
            }
            Edit::Left => self.cursor = self.prev_char(),
            Edit::Right => self.cursor = self.next_char(),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::WordLeft => self.cursor = self.word_start(char::is_alphanumeric),
            Edit::WordRight => self.cursor = self.word_end(),
            Edit::KillToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Edit::KillToEnd => self.text.truncate(self.cursor),
            Edit::KillWordBack => self.kill_back(|c| !c.is_whitespace()),
            Edit::KillAlnumWordBack => self.kill_back(char::is_alphanumeric),
        }
        self.text.len() != before
    }

    fn prev_char(&self) -> usize {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_char(&self) -> usize {
        self.text[self.cursor..]
            .chars()
            .next()
            .map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }

    /// Where the word before the cursor starts: back over what is not a word, then over
    /// the word.
    fn word_start(&self, in_word: fn(char) -> bool) -> usize {
        let before = &self.text[..self.cursor];
        let trimmed = before
            .char_indices()
            .rev()
            .find(|(_, c)| in_word(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        before[..trimmed]
            .char_indices()
            .rev()
            .find(|(_, c)| !in_word(*c))
            .map_or(0, |(i, c)| i + c.len_utf8())
    }

    /// Where the word at or after the cursor ends.
    fn word_end(&self) -> usize {
        let after = &self.text[self.cursor..];
        let start = after
            .char_indices()
            .find(|(_, c)| c.is_alphanumeric())
            .map_or(after.len(), |(i, _)| i);
        let end = after[start..]
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(after.len(), |(i, _)| start + i);
        self.cursor + end
    }

    fn kill_back(&mut self, in_word: fn(char) -> bool) {
        let start = self.word_start(in_word);
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with `|` at the cursor.
    fn show(p: &Prompt) -> String {
        format!("{}|{}", &p.text[..p.cursor], &p.text[p.cursor..])
    }

    fn after(text: &str, edits: &[Edit]) -> String {
        let mut p = Prompt::new(text);
        for e in edits {
            p.apply(*e);
        }
        show(&p)
    }

    #[test]
    fn edits_like_readline() {
        use Edit::*;
        let table: &[(&str, &[Edit], &str)] = &[
            ("kabul", &[], "kabul|"),
            ("kabul", &[Left, Left, Insert('X')], "kabX|ul"),
            ("kabul", &[Home, Insert('>')], ">|kabul"),
            ("kabul", &[Home, End], "kabul|"),
            ("kabul", &[Home, DeleteForward], "|abul"),
            ("kabul", &[Home, DeleteBack], "|kabul"),
            ("kabul", &[Right, DeleteForward], "kabul|"),
            ("soviet war", &[Left, Left, KillToStart], "|ar"),
            ("soviet war", &[Home, WordRight, KillToEnd], "soviet|"),
            ("soviet war 1989", &[KillWordBack], "soviet war |"),
            ("soviet war  ", &[KillWordBack], "soviet |"),
            ("dec-1979", &[KillAlnumWordBack], "dec-|"),
            ("dec-1979", &[KillWordBack], "|"),
            ("soviet war", &[WordLeft], "soviet |war"),
            ("soviet war", &[WordLeft, WordLeft], "|soviet war"),
            ("soviet war", &[Home, WordRight, WordRight], "soviet war|"),
            // Wide and multi-byte characters move and delete whole.
            ("北京 ok", &[Home, Right, DeleteBack], "|京 ok"),
            ("née", &[Left, DeleteBack], "n|e"),
        ];
        for (text, edits, expected) in table {
            assert_eq!(after(text, edits), *expected, "{text:?} {edits:?}");
        }
    }

    #[test]
    fn paste_inserts_at_the_cursor_without_controls() {
        let mut p = Prompt::new("ab");
        p.apply(Edit::Left);
        p.paste("x\ny\u{1b}[2Jz");
        assert_eq!(show(&p), "ax y[2Jz|b");
    }

    #[test]
    fn only_text_changes_say_so() {
        let mut p = Prompt::new("ab");
        assert!(!p.apply(Edit::Left));
        assert!(p.apply(Edit::Insert('c')));
        assert!(!p.apply(Edit::Insert('\u{7}')));
    }
}
