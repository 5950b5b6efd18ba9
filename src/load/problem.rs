//! A problem found in a timeline file, located by its path in the document.
//!
//! Validation runs on parsed values, which carry no positions; it names *where* a problem is
//! as a path (`events[3].actors[1]`), and `locate` turns the paths of the problems being
//! reported into line and column afterwards. The happy path never pays for positions.

use std::fmt;

/// One step of a path into the document.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Seg {
    Field(&'static str),
    Index(usize),
}

/// A path from the document root to a value, e.g. `events[3].date`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct DocPath(pub Vec<Seg>);

impl DocPath {
    pub fn root() -> DocPath {
        DocPath(Vec::new())
    }

    #[must_use]
    pub fn field(&self, name: &'static str) -> DocPath {
        let mut segs = self.0.clone();
        segs.push(Seg::Field(name));
        DocPath(segs)
    }

    #[must_use]
    pub fn index(&self, i: usize) -> DocPath {
        let mut segs = self.0.clone();
        segs.push(Seg::Index(i));
        DocPath(segs)
    }
}

impl fmt::Display for DocPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Field(name) if i == 0 => write!(f, "{name}")?,
                Seg::Field(name) => write!(f, ".{name}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// What is wrong, where, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: DocPath,
    /// Lower-case, the bad value in single quotes (already sanitized).
    pub message: String,
    /// What to do about it, when there is something useful to say.
    pub help: Option<String>,
    /// An earlier place the message refers to, e.g. the first definition of a duplicate id.
    pub first: Option<DocPath>,
    /// An unknown name to suggest a close known one for, once it is clear that this problem
    /// is among those shown (a suggestion costs a pass over every known name).
    pub suggest: Option<Unknown>,
}

/// A reference to something that does not exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unknown {
    Actor(String),
    Event(String),
}

impl Problem {
    pub fn new(path: DocPath, message: impl Into<String>) -> Problem {
        Problem {
            path,
            message: message.into(),
            help: None,
            first: None,
            suggest: None,
        }
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn first(mut self, path: DocPath) -> Problem {
        self.first = Some(path);
        self
    }
}

impl DocPath {
    /// Where the path falls in a conventionally ordered file: its section, then its item.
    pub fn file_order(&self) -> (usize, usize) {
        let section = match self.0.first() {
            Some(Seg::Field("title" | "description")) => 0,
            Some(Seg::Field("actors")) => 1,
            Some(Seg::Field("eras")) => 2,
            _ => 3,
        };
        let item = match self.0.get(1) {
            Some(Seg::Index(i)) => *i,
            _ => 0,
        };
        (section, item)
    }
}
