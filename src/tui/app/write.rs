//! `w`: the prompt for a path, the choice of what to write (the marked events, else those
//! shown) and of the format (the path's extension), and the question before replacing a
//! file. The writing itself is the loop's (`Effect::Write`).

use super::App;
use crate::tui::action::WriteAction;
use crate::tui::effect::Effect;
use crate::tui::mode::Mode;
use crate::tui::prompt::Prompt;
use crate::tui::write::WriteJob;

impl App {
    /// The keys of `w`, its prompt and its question.
    pub(super) fn write_act(&mut self, action: WriteAction) -> Option<Effect> {
        match action {
            WriteAction::Open => self.open_write(),
            WriteAction::Go => return self.write_go(),
            WriteAction::Replace => return self.overwrite(),
            WriteAction::Cancel | WriteAction::Keep => self.write_cancel(),
        }
        None
    }

    /// `w` opens the prompt, empty.
    fn open_write(&mut self) {
        self.prompt = Prompt::default();
        self.mode = Mode::Write;
    }

    /// Enter at the prompt: a job for the loop; a path without a known extension keeps the
    /// prompt open with the reason.
    fn write_go(&mut self) -> Option<Effect> {
        let path = self.prompt.text().trim().to_owned();
        if path.is_empty() {
            self.mode = self.home_mode();
            self.flash = Some("nothing written: no path".to_owned());
            return None;
        }
        let format = match crate::interop::format_for_path(&path) {
            Ok(format) => format,
            Err(reason) => {
                self.flash = Some(reason);
                return None;
            }
        };
        let (events, made_by) = if self.marked.is_empty() {
            let made_by = if self.filter.is_empty() {
                "no filter, in the explorer".to_owned()
            } else {
                format!("{} in the explorer", self.filter.as_flags(&self.timeline))
            };
            (self.visible.clone(), made_by)
        } else {
            let n = self.marked.len();
            let made_by = format!("the reader's {n} mark{}", if n == 1 { "" } else { "s" });
            (self.marked.iter().copied().collect(), made_by)
        };
        self.mode = self.home_mode();
        if events.is_empty() {
            self.flash = Some("nothing written: no event is shown".to_owned());
            return None;
        }
        Some(Effect::Write(Box::new(WriteJob {
            path,
            format,
            events,
            made_by,
            dates: self.dates,
            overwrite: false,
        })))
    }

    /// The loop found a file at the job's path: ask before replacing it.
    pub(super) fn ask_overwrite(&mut self, job: WriteJob) {
        self.prompt = Prompt::new(&job.path);
        self.pending_write = Some(job);
        self.mode = Mode::Overwrite;
    }

    /// `y`: the waiting job again, allowed to replace the file.
    fn overwrite(&mut self) -> Option<Effect> {
        self.mode = self.home_mode();
        let mut job = self.pending_write.take()?;
        job.overwrite = true;
        Some(Effect::Write(Box::new(job)))
    }

    /// Esc at the prompt, `n` or Esc at the question: nothing is written.
    fn write_cancel(&mut self) {
        if let Some(job) = self.pending_write.take() {
            self.flash = Some(format!(
                "nothing written; {} is as it was",
                crate::sanitize::quote(&job.path)
            ));
        }
        self.mode = self.home_mode();
    }
}
