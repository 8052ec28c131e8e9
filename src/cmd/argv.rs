//! A cursor over a command's arguments, with Redis's parsing rules and errors.

use bytes::Bytes;
use smallvec::SmallVec;

use crate::store::c_string::upper_keyword;
use crate::store::number::parse_i64;
use crate::Error;

/// A command line. Most have few arguments: up to [`INLINE_ARGS`] stay on the stack, so
/// parsing one allocates nothing but the arguments themselves.
pub(crate) type Argv = SmallVec<[Bytes; INLINE_ARGS]>;

/// Arguments a command line holds without a heap allocation (GET, SET with an option,
/// XADD with one field, ...).
pub(crate) const INLINE_ARGS: usize = 6;

/// The arguments after the command name (and after the subcommand, for containers).
#[derive(Debug)]
pub(crate) struct Args<'a> {
    /// The caller's line; each argument is taken out of it (left empty) as it is read, so
    /// nothing is copied and the line is never moved.
    line: &'a mut Argv,
    /// The next argument to read.
    next: usize,
    /// The subcommand as the caller spelled it, for containers (Redis prints it in errors).
    subcommand: Option<Bytes>,
    /// The command name as the caller spelled it (GEOSEARCH prints it in errors).
    name: Option<Bytes>,
}

impl<'a> Args<'a> {
    /// The arguments of `line` after its first `skip` (the name, and the subcommand of a
    /// container), taken out of it without copying the line.
    pub(crate) fn new(line: &'a mut Argv, skip: usize) -> Args<'a> {
        let mut args = Args {
            line,
            next: 0,
            subcommand: None,
            name: None,
        };
        args.name = args.next();
        if skip > 1 {
            args.subcommand = args.next();
        }
        args
    }

    /// The command name as the caller spelled it.
    pub(crate) fn command_name(&self) -> Bytes {
        self.name.clone().unwrap_or_default()
    }

    /// The subcommand as the caller spelled it (empty for plain commands).
    pub(crate) fn subcommand_name(&self) -> Bytes {
        self.subcommand.clone().unwrap_or_default()
    }

    /// How many arguments are left.
    pub(crate) fn remaining(&self) -> usize {
        self.line.len().saturating_sub(self.next)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.remaining() == 0
    }

    /// The next argument. The arity check in the table has already guaranteed the
    /// mandatory ones; an optional one that is missing is a syntax error, as in Redis.
    pub(crate) fn next_bytes(&mut self) -> Result<Bytes, Error> {
        self.next().ok_or(Error::Syntax)
    }

    /// The next argument, if any is left (for options that may end the line).
    pub(crate) fn next(&mut self) -> Option<Bytes> {
        let arg = self.line.get_mut(self.next).map(std::mem::take)?;
        self.next += 1;
        Some(arg)
    }

    /// The next argument as an integer (`ERR value is not an integer or out of range`).
    pub(crate) fn next_i64(&mut self) -> Result<i64, Error> {
        let arg = self.next_bytes()?;
        parse_i64(&arg).ok_or(Error::NotInteger)
    }

    /// The next argument, upper-cased, for keyword matching.
    pub(crate) fn next_keyword(&mut self) -> Option<Keyword> {
        self.next().map(Keyword::new)
    }

    /// All remaining arguments.
    pub(crate) fn rest(&mut self) -> Vec<Bytes> {
        let start = self.next.min(self.line.len());
        self.next = self.line.len();
        self.line[start..].iter_mut().map(std::mem::take).collect()
    }

    /// Fails with a syntax error if anything is left.
    pub(crate) fn finish(&self) -> Result<(), Error> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(Error::Syntax)
        }
    }
}

/// An option word, compared case-insensitively up to its first NUL byte (Redis's
/// `strcasecmp`), keeping the original spelling for errors.
#[derive(Debug)]
pub(crate) struct Keyword {
    upper: smallvec::SmallVec<[u8; 16]>,
    original: Bytes,
}

impl Keyword {
    fn new(original: Bytes) -> Keyword {
        Keyword {
            upper: upper_keyword(&original),
            original,
        }
    }

    /// Whether the word is `expected` (given in upper case).
    pub(crate) fn is(&self, expected: &str) -> bool {
        self.upper.as_slice() == expected.as_bytes()
    }

    /// The word as the caller spelled it, as Redis prints it in an error message.
    pub(crate) fn lossy(&self) -> String {
        crate::error::error_text(&self.original)
    }
}
