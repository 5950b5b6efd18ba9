//! Writing a person's file without ever leaving it half-written: the new bytes go to a
//! temporary file in the same directory (so the rename cannot cross filesystems), are
//! flushed to disk, take the original's permissions, and only then replace it by a rename,
//! which is atomic. On any error the original is untouched and the temporary file removed.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Replaces `path`'s contents with `bytes`, atomically, keeping its permissions; a link's
/// target is what is replaced.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_with(path, bytes, || Ok(()))
}

/// [`replace`], with `before_rename` run between the write and the rename: tests inject a
/// failure there to show that the original survives it.
pub fn replace_with(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce() -> io::Result<()>,
) -> io::Result<()> {
    // Through a symbolic link (a file kept in a dotfiles repository, say) the file it names
    // is replaced and the link stays, as an editor's save leaves it.
    let resolved;
    let path = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            resolved = fs::canonicalize(path)?;
            resolved.as_path()
        }
        _ => path,
    };
    let permissions = fs::metadata(path).ok().map(|m| m.permissions());
    let (temp, mut file) = temporary(path)?;
    let written = (|| {
        file.write_all(bytes)?;
        file.sync_all()?;
        if let Some(permissions) = permissions {
            fs::set_permissions(&temp, permissions)?;
        }
        before_rename()?;
        fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// Writes a new file at `path`, refusing (`AlreadyExists`) when something is there already,
/// even if it appears while this writes: the file is linked into place, which never
/// replaces.
pub fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (temp, mut file) = temporary(path)?;
    let written = (|| {
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::hard_link(&temp, path)
    })();
    let _ = fs::remove_file(&temp);
    written
}

/// A new private file in the system's temporary directory holding `bytes`, for the reader's
/// editor: a name no one else holds (never a link someone planted), readable by its owner
/// alone, since it may hold a private note. `hint` ends its name (`note-x.md`).
pub fn private_temporary(hint: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let safe: String = hint
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    let dir = std::env::temp_dir();
    let pid = std::process::id();
    for n in 0..1000u32 {
        let path = dir.join(format!("afghan-timeline-{pid}-{n}-{safe}"));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(mut file) => {
                let written = file.write_all(bytes).and_then(|()| file.sync_all());
                return match written {
                    Ok(()) => Ok(path),
                    Err(e) => {
                        let _ = fs::remove_file(&path);
                        Err(e)
                    }
                };
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "no free name for a temporary file",
    ))
}

/// A new file beside `path`, named after it, that no one else has open.
fn temporary(path: &Path) -> io::Result<(PathBuf, File)> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let pid = std::process::id();
    for n in 0..1000u32 {
        let temp = dir.join(format!(".{name}.{pid}.{n}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "no free name for a temporary file",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("atomic-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("a temporary directory");
        dir
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .expect("read the directory")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter(|n| Path::new(n).extension().is_some_and(|e| e == "tmp"))
            .collect()
    }

    #[test]
    fn a_failure_before_the_rename_leaves_the_original_and_no_temporary_file() {
        let dir = dir("fail");
        let path = dir.join("t.ron");
        fs::write(&path, "old").expect("write");
        let failed = replace_with(&path, b"new", || Err(io::Error::other("injected")));
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&path).expect("read"), "old");
        assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
        replace(&path, b"new").expect("replace");
        assert_eq!(fs::read_to_string(&path).expect("read"), "new");
        assert!(leftovers(&dir).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn the_original_permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = dir("mode");
        let path = dir.join("t.ron");
        fs::write(&path, "old").expect("write");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
        replace(&path, b"new").expect("replace");
        let mode = fs::metadata(&path).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_private_temporary_file_is_its_owners_alone_and_never_a_planted_link() {
        use std::os::unix::fs::PermissionsExt;
        let first = private_temporary("note-x.md", b"private").expect("made");
        let mode = fs::metadata(&first).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(fs::read_to_string(&first).expect("read"), "private");
        // The next name is taken by a link to elsewhere: it is passed over, not followed.
        let name = first
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        let next_n: u32 = name
            .split('-')
            .nth(3)
            .and_then(|n| n.parse().ok())
            .expect("n");
        let planted = first.with_file_name(name.replacen(
            &format!("-{next_n}-"),
            &format!("-{}-", next_n + 1),
            1,
        ));
        let target = std::env::temp_dir().join(format!("atomic-target-{}", std::process::id()));
        let _ = fs::remove_file(&planted);
        std::os::unix::fs::symlink(&target, &planted).expect("plant a link");
        let second = private_temporary("note-x.md", b"second").expect("made");
        assert_ne!(second, planted);
        assert!(!target.exists(), "the planted link was not followed");
        for path in [first, second, planted] {
            let _ = fs::remove_file(path);
        }
    }

    #[test]
    fn create_new_never_replaces() {
        let dir = dir("new");
        let path = dir.join("t.ron");
        create_new(&path, b"first").expect("create");
        let again = create_new(&path, b"second").expect_err("refused");
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).expect("read"), "first");
        assert!(leftovers(&dir).is_empty());
    }
}
