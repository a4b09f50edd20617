//! File dialogs behind a trait, so tests never open a real one.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};

pub trait FileDialogs {
    /// Asks for a map to open; `None` when cancelled.
    fn open_map(&self, folder: Option<&Path>) -> Option<PathBuf>;
    /// Asks where to save a map, suggesting `name`; `None` when cancelled.
    fn save_map(&self, folder: Option<&Path>, name: &str) -> Option<PathBuf>;
    /// Asks for a plain-text file (a source's full text); `None` when cancelled.
    fn open_text(&self) -> Option<PathBuf>;
}

/// The platform's own dialogs (through the XDG desktop portal on Linux).
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn open_map(&self, folder: Option<&Path>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Open argument map")
            .add_filter("argmap maps", &["ron"])
            .add_filter("All files", &["*"]);
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        dialog.pick_file()
    }

    fn save_map(&self, folder: Option<&Path>, name: &str) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Save argument map")
            .add_filter("argmap maps", &["ron"])
            .set_file_name(name);
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        dialog.save_file().map(|p| {
            if p.extension().is_none() {
                p.with_extension("ron")
            } else {
                p
            }
        })
    }

    fn open_text(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Load the source's text")
            .add_filter("Text", &["txt", "md", "markdown"])
            .add_filter("All files", &["*"])
            .pick_file()
    }
}

/// Answers dialogs from a script, in order; an empty script answers "cancelled".
#[derive(Default)]
pub struct ScriptedDialogs {
    pub answers: RefCell<VecDeque<Option<PathBuf>>>,
    /// Every dialog asked for, as "open" or "save NAME".
    pub asked: RefCell<Vec<String>>,
}

impl ScriptedDialogs {
    pub fn answering(answers: impl IntoIterator<Item = Option<PathBuf>>) -> Self {
        Self {
            answers: RefCell::new(answers.into_iter().collect()),
            asked: RefCell::default(),
        }
    }
}

impl FileDialogs for ScriptedDialogs {
    fn open_map(&self, _folder: Option<&Path>) -> Option<PathBuf> {
        self.asked.borrow_mut().push("open".into());
        self.answers.borrow_mut().pop_front().flatten()
    }

    fn save_map(&self, _folder: Option<&Path>, name: &str) -> Option<PathBuf> {
        self.asked.borrow_mut().push(format!("save {name}"));
        self.answers.borrow_mut().pop_front().flatten()
    }

    fn open_text(&self) -> Option<PathBuf> {
        self.asked.borrow_mut().push("text".into());
        self.answers.borrow_mut().pop_front().flatten()
    }
}

impl<T: FileDialogs + ?Sized> FileDialogs for std::rc::Rc<T> {
    fn open_map(&self, folder: Option<&Path>) -> Option<PathBuf> {
        (**self).open_map(folder)
    }

    fn save_map(&self, folder: Option<&Path>, name: &str) -> Option<PathBuf> {
        (**self).save_map(folder, name)
    }

    fn open_text(&self) -> Option<PathBuf> {
        (**self).open_text()
    }
}
