//! Redis 7's multi-part append-only file: a directory (redis-server's `appendonlydir`)
//! holding a *base* file (the dataset at the last rewrite, as an RDB file or as commands),
//! *incremental* files (the writes since, oldest first) and a *manifest* naming them.
//!
//! The manifest, `<name>.manifest` (`appendonly.aof.manifest` by default), has one line
//! per file: `file <file name> seq <n> type <b|h|i>` (base, history, incremental), the
//! base first, file names quoted as `sdscatrepr` quotes them when they need it. A rewrite
//! never edits a file in place: it writes new files, then replaces the manifest with a
//! `rename`, so a crash at any moment leaves the old manifest or the new one, each naming
//! files that are whole. The parts become *history* when a rewrite supersedes them, and are
//! deleted.
//!
//! An engine given a directory reads it as redis-server 7 does (base, then each
//! incremental file; only the last may be cut short by a crash), appends to the last
//! incremental file, and rewrites as redis-server does: a new incremental file starts when
//! the rewrite starts, and the new base (an RDB file, redis-server's default) replaces the
//! old base and the incremental files before it when it is written. redis-server 7 starts on a directory embedis wrote, and
//! embedis on one redis-server wrote.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::store::sds_text::{quote, split_args};

use super::recovery::AofError;

/// The file name prefix redis-server uses when it has no `appendfilename`.
pub(crate) const DEFAULT_NAME: &str = "appendonly.aof";
const MANIFEST_SUFFIX: &str = ".manifest";
/// redis-server reads manifest lines with a 1,024-byte buffer.
const MAX_LINE: usize = 1024;

/// What a file of the directory holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PartKind {
    /// The dataset at the last rewrite.
    Base,
    /// A file a rewrite superseded, to delete.
    History,
    /// Writes after the base, in sequence order.
    Increment,
}

/// One file the manifest names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    pub(crate) name: String,
    pub(crate) seq: i64,
    pub(crate) kind: PartKind,
}

/// The manifest: which files make the dataset, in which order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Manifest {
    pub(crate) base: Option<Part>,
    pub(crate) history: Vec<Part>,
    pub(crate) increments: Vec<Part>,
}

impl Manifest {
    /// Reads a manifest as redis-server 7 does, with its error texts; the error names the
    /// 1-based line (0: the file as a whole).
    pub(crate) fn parse(text: &[u8]) -> Result<Manifest, (usize, &'static str)> {
        let mut manifest = Manifest::default();
        if text.is_empty() {
            return Err((0, "Found an empty AOF manifest"));
        }
        let mut rest = text;
        let mut number = 0;
        while !rest.is_empty() {
            number += 1;
            let end = rest.iter().position(|&byte| byte == b'\n');
            let line = &rest[..end.unwrap_or(rest.len())];
            rest = end.map_or(&[][..], |end| &rest[end + 1..]);
            if line.first() == Some(&b'#') {
                continue;
            }
            if end.is_none() || line.len() >= MAX_LINE {
                return Err((number, "The AOF manifest file contains too long line"));
            }
            let part = parse_line(line).map_err(|reason| (number, reason))?;
            match part.kind {
                PartKind::Base if manifest.base.is_some() => {
                    return Err((number, "Found duplicate base file information"))
                }
                PartKind::Base => manifest.base = Some(part),
                PartKind::History => manifest.history.push(part),
                PartKind::Increment => {
                    if manifest
                        .increments
                        .last()
                        .is_some_and(|last| part.seq <= last.seq)
                    {
                        return Err((number, "Found a non-monotonic sequence number"));
                    }
                    manifest.increments.push(part);
                }
            }
        }
        Ok(manifest)
    }

    /// The manifest's text: the base, the history, then the incremental files.
    pub(crate) fn format(&self) -> String {
        let mut text = String::new();
        for part in self
            .base
            .iter()
            .chain(&self.history)
            .chain(&self.increments)
        {
            text.push_str("file ");
            let plain = part
                .name
                .bytes()
                .all(|byte| byte.is_ascii_graphic() && byte != b'"' && byte != b'\\');
            if plain {
                text.push_str(&part.name);
            } else {
                quote(&mut text, part.name.as_bytes());
            }
            let kind = match part.kind {
                PartKind::Base => 'b',
                PartKind::History => 'h',
                PartKind::Increment => 'i',
            };
            text.push_str(&format!(" seq {} type {kind}\n", part.seq));
        }
        text
    }

    /// Adds the next incremental file (`<name>.<seq>.incr.aof`) and returns its name.
    pub(crate) fn add_increment(&mut self, name: &str) -> String {
        let seq = self.increments.last().map_or(1, |last| last.seq + 1);
        let file = format!("{name}.{seq}.incr.aof");
        self.increments.push(Part {
            name: file.clone(),
            seq,
            kind: PartKind::Increment,
        });
        file
    }

    /// Makes `<name>.<seq>.base.rdb` (an RDB file, as redis-server writes its base by
    /// default) the base, the old base history, and every incremental file but the last
    /// (which holds the writes since the new base was taken) history; returns the new
    /// base's name.
    pub(crate) fn replace_base(&mut self, name: &str) -> String {
        let seq = self.base.as_ref().map_or(1, |base| base.seq + 1);
        let file = format!("{name}.{seq}.base.rdb");
        let old = self.base.replace(Part {
            name: file.clone(),
            seq,
            kind: PartKind::Base,
        });
        let keep = self.increments.len().saturating_sub(1);
        let retired = self.increments.drain(..keep);
        self.history
            .extend(old.into_iter().chain(retired).map(|mut part| {
                part.kind = PartKind::History;
                part
            }));
        file
    }

    /// The files that make the dataset, in loading order: the base, then each incremental.
    pub(crate) fn data_files(&self) -> impl Iterator<Item = &Part> {
        self.base.iter().chain(&self.increments)
    }
}

/// `file <name> seq <n> type <t>`, in any order, other pairs ignored (redis-server's
/// forward compatibility).
fn parse_line(line: &[u8]) -> Result<Part, &'static str> {
    const FORMAT: &str = "Invalid AOF manifest file format";
    let trimmed = trim(line);
    if trimmed.is_empty() {
        return Err(FORMAT);
    }
    let words = split_args(trimmed).ok_or(FORMAT)?;
    if words.len() < 6 || words.len() % 2 == 1 {
        return Err(FORMAT);
    }
    let (mut name, mut seq, mut kind) = (None, 0i64, None);
    for pair in words.chunks(2) {
        let value = &pair[1];
        if pair[0].eq_ignore_ascii_case(b"file") {
            let text = String::from_utf8(value.clone()).map_err(|_| FORMAT)?;
            if text.contains('/') || text.is_empty() {
                return Err("File can't be a path, just a filename");
            }
            name = Some(text);
        } else if pair[0].eq_ignore_ascii_case(b"seq") {
            seq = crate::store::number::atoll(value);
        } else if pair[0].eq_ignore_ascii_case(b"type") {
            kind = value.first().copied();
        }
    }
    let (Some(name), Some(kind)) = (name, kind) else {
        return Err(FORMAT);
    };
    if seq == 0 {
        return Err(FORMAT);
    }
    let kind = match kind {
        b'b' => PartKind::Base,
        b'h' => PartKind::History,
        b'i' => PartKind::Increment,
        _ => return Err("Unknown AOF file type"),
    };
    Ok(Part { name, seq, kind })
}

/// `sdstrim(line, " \t\r\n")`.
fn trim(line: &[u8]) -> &[u8] {
    let is_trimmed = |byte: &u8| matches!(byte, b' ' | b'\t' | b'\r' | b'\n');
    let start = line
        .iter()
        .position(|b| !is_trimmed(b))
        .unwrap_or(line.len());
    let end = line
        .iter()
        .rposition(|b| !is_trimmed(b))
        .map_or(start, |at| at + 1);
    &line[start..end]
}

/// An append-only directory: where it is, the name its files start with, its manifest.
#[derive(Debug)]
pub(crate) struct AofDirectory {
    pub(crate) dir: PathBuf,
    pub(crate) name: String,
    pub(crate) manifest: Manifest,
}

impl AofDirectory {
    /// Reads the manifest of `dir`: the one `*.manifest` file in it (redis-server's
    /// `<appendfilename>.manifest`). A directory without one is a new append-only file
    /// named [`DEFAULT_NAME`] (whose base is a file of that name, if the directory holds
    /// one); two are refused, since either could be the dataset.
    pub(crate) fn read(dir: &Path) -> io::Result<AofDirectory> {
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            let file_name = entry?.file_name();
            let Some(file_name) = file_name.to_str() else {
                continue;
            };
            if let Some(name) = file_name.strip_suffix(MANIFEST_SUFFIX)
                && !name.starts_with("temp-")
                && !name.is_empty()
            {
                found.push(name.to_string());
            }
        }
        found.sort();
        let name = match found.len() {
            0 => {
                // A single `appendonly.aof` of an older server becomes the base, as
                // redis-server 7 adopts one when it first starts with a directory.
                let legacy = dir.join(DEFAULT_NAME).is_file();
                let base = legacy.then(|| Part {
                    name: DEFAULT_NAME.to_string(),
                    seq: 1,
                    kind: PartKind::Base,
                });
                return Ok(AofDirectory {
                    dir: dir.to_path_buf(),
                    name: DEFAULT_NAME.to_string(),
                    manifest: Manifest {
                        base,
                        ..Manifest::default()
                    },
                });
            }
            1 => found.remove(0),
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!(
                        "{} holds more than one append-only manifest ({}): keep one",
                        dir.display(),
                        found
                            .iter()
                            .map(|name| format!("{name}{MANIFEST_SUFFIX}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ))
            }
        };
        let path = dir.join(format!("{name}{MANIFEST_SUFFIX}"));
        let text = std::fs::read(&path)?;
        let manifest = Manifest::parse(&text).map_err(|(line, reason)| AofError::Manifest {
            path: path.clone(),
            line,
            reason,
        })?;
        Ok(AofDirectory {
            dir: dir.to_path_buf(),
            name,
            manifest,
        })
    }

    /// The path of one of the directory's files.
    pub(crate) fn path_of(&self, file: &str) -> PathBuf {
        self.dir.join(file)
    }

    /// The files that make the dataset, in loading order; a file the manifest names but
    /// the directory lacks is an error (the dataset would be silently incomplete).
    pub(crate) fn data_paths(&self) -> io::Result<Vec<PathBuf>> {
        self.manifest
            .data_files()
            .map(|part| {
                let path = self.path_of(&part.name);
                if path.is_file() {
                    Ok(path)
                } else {
                    Err(AofError::Manifest {
                        path: self.path_of(&format!("{}{MANIFEST_SUFFIX}", self.name)),
                        line: 0,
                        reason: "it names a file the directory does not hold",
                    }
                    .into())
                }
            })
            .collect()
    }

    /// Writes `manifest` as the directory's manifest, atomically (a temporary file,
    /// synced, renamed over the old one, the directory synced), then keeps it.
    pub(crate) fn persist(&mut self, manifest: Manifest) -> io::Result<()> {
        let path = self.path_of(&format!("{}{MANIFEST_SUFFIX}", self.name));
        let temp = self.path_of(&format!("temp-{}{MANIFEST_SUFFIX}", self.name));
        let mut file = OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(true)
            .open(&temp)?;
        file.write_all(manifest.format().as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temp, &path)?;
        super::sync_directory_of(&path);
        self.manifest = manifest;
        Ok(())
    }

    /// Deletes the history files and writes the manifest without them (as redis-server
    /// does after a rewrite and at its start). A file that cannot be deleted stays on disk,
    /// unnamed: it is never read again.
    pub(crate) fn delete_history(&mut self) -> io::Result<()> {
        if self.manifest.history.is_empty() {
            return Ok(());
        }
        let mut manifest = self.manifest.clone();
        for part in manifest.history.drain(..) {
            let _ = std::fs::remove_file(self.path_of(&part.name));
        }
        self.persist(manifest)
    }

    /// Opens the last incremental file for appending, first adding one (and writing the
    /// manifest) if there is none, as redis-server does at its start.
    pub(crate) fn open_last_increment(&mut self) -> io::Result<(File, PathBuf)> {
        if self.manifest.increments.is_empty() {
            let mut manifest = self.manifest.clone();
            let file = manifest.add_increment(&self.name);
            let path = self.path_of(&file);
            let opened = create_truncated(&path)?;
            self.persist(manifest)?;
            return Ok((opened, path));
        }
        let last = self
            .manifest
            .increments
            .last()
            .map(|part| part.name.clone());
        let path = self.path_of(&last.unwrap_or_default());
        let file = OpenOptions::new().create(true).append(true).open(&path)?;
        Ok((file, path))
    }

    /// Total length of the files that make the dataset.
    pub(crate) fn data_size(&self) -> u64 {
        self.manifest
            .data_files()
            .filter_map(|part| std::fs::metadata(self.path_of(&part.name)).ok())
            .map(|meta| meta.len())
            .sum()
    }
}

/// Creates `path` empty (truncating a leftover of a failed attempt) for appending.
pub(crate) fn create_truncated(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .open(path)?;
    drop(file);
    OpenOptions::new().append(true).open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REDIS_WRITTEN: &[u8] = b"file appendonly.aof.2.base.rdb seq 2 type b\n\
        file appendonly.aof.1.incr.aof seq 1 type h\n\
        file appendonly.aof.2.incr.aof seq 2 type i\n\
        file appendonly.aof.3.incr.aof seq 3 type i\n";

    #[test]
    fn a_redis_manifest_reads_and_writes_back_the_same() {
        let manifest = Manifest::parse(REDIS_WRITTEN).unwrap();
        assert_eq!(
            manifest.base.as_ref().unwrap().name,
            "appendonly.aof.2.base.rdb"
        );
        assert_eq!(manifest.history.len(), 1);
        let names: Vec<&str> = manifest.data_files().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "appendonly.aof.2.base.rdb",
                "appendonly.aof.2.incr.aof",
                "appendonly.aof.3.incr.aof"
            ]
        );
        assert_eq!(manifest.format().as_bytes(), REDIS_WRITTEN);
    }

    #[test]
    fn comments_extra_pairs_any_order_and_quoted_names_read() {
        let text = b"# written by hand\n  type i seq 7 file \"my file\" startoffset 9 \r\n";
        let manifest = Manifest::parse(text).unwrap();
        let part = &manifest.increments[0];
        assert_eq!((part.name.as_str(), part.seq), ("my file", 7));
        assert_eq!(manifest.format(), "file \"my file\" seq 7 type i\n");
        assert_eq!(Manifest::parse(manifest.format().as_bytes()), Ok(manifest));
    }

    #[test]
    fn bad_manifests_are_refused_with_redis_texts() {
        let cases: &[(&[u8], (usize, &str))] = &[
            (b"", (0, "Found an empty AOF manifest")),
            (
                b"file a seq 1 type b",
                (1, "The AOF manifest file contains too long line"),
            ),
            (
                b"file a seq 1 type b\n\n",
                (2, "Invalid AOF manifest file format"),
            ),
            (
                b"file a seq 1 type\n",
                (1, "Invalid AOF manifest file format"),
            ),
            (
                b"file a seq 0 type i\n",
                (1, "Invalid AOF manifest file format"),
            ),
            (
                b"file a/b seq 1 type i\n",
                (1, "File can't be a path, just a filename"),
            ),
            (b"file a seq 1 type x\n", (1, "Unknown AOF file type")),
            (
                b"file a seq 1 type b\nfile b seq 2 type b\n",
                (2, "Found duplicate base file information"),
            ),
            (
                b"file a seq 2 type i\nfile b seq 2 type i\n",
                (2, "Found a non-monotonic sequence number"),
            ),
            (
                b"file \"a seq 1 type i\n",
                (1, "Invalid AOF manifest file format"),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(
                Manifest::parse(text),
                Err(*expected),
                "{}",
                String::from_utf8_lossy(text)
            );
        }
        let long = format!("file {} seq 1 type i\n", "x".repeat(MAX_LINE));
        assert_eq!(
            Manifest::parse(long.as_bytes()).unwrap_err().1,
            "The AOF manifest file contains too long line"
        );
    }

    #[test]
    fn a_rewrite_retires_the_old_base_and_all_but_the_last_increment() {
        let mut manifest = Manifest::default();
        assert_eq!(
            manifest.add_increment("appendonly.aof"),
            "appendonly.aof.1.incr.aof"
        );
        // The rewrite starts: writes go to a new incremental file.
        assert_eq!(
            manifest.add_increment("appendonly.aof"),
            "appendonly.aof.2.incr.aof"
        );
        assert_eq!(
            manifest.replace_base("appendonly.aof"),
            "appendonly.aof.1.base.rdb"
        );
        assert_eq!(
            manifest.format(),
            "file appendonly.aof.1.base.rdb seq 1 type b\n\
             file appendonly.aof.1.incr.aof seq 1 type h\n\
             file appendonly.aof.2.incr.aof seq 2 type i\n"
        );
        manifest.add_increment("appendonly.aof");
        assert_eq!(
            manifest.replace_base("appendonly.aof"),
            "appendonly.aof.2.base.rdb"
        );
        let history: Vec<&str> = manifest.history.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            history,
            [
                "appendonly.aof.1.incr.aof",
                "appendonly.aof.1.base.rdb",
                "appendonly.aof.2.incr.aof"
            ]
        );
        assert_eq!(manifest.increments.len(), 1);
        assert_eq!(manifest.increments[0].seq, 3);
    }
}
