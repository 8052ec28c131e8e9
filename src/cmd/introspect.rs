//! `COMMAND` and its subcommands: what embedis knows of its own commands, in the shape
//! redis-server 7 answers (cluster clients and tools read it to route and to find keys).
//!
//! The names, arities and subcommands come from `cmd/table.rs`, everything else from
//! `cmd/command_meta.rs`. `COMMAND DOCS` is not answered: its replies are Redis's
//! documentation text, which embedis does not ship.

use bytes::Bytes;

use super::argv::Args;
use super::command_meta::COMMAND_META;
use super::key_specs::{keys_of, BeginSearch, CommandMeta, FindKeys, KeySpec};
use super::table::{self, CommandSpec};
use super::{Command, IntoArg};
use crate::store::glob::Glob;
use crate::{Error, GetKeysError, Reply};

/// `COMMAND`, `COMMAND COUNT`, `COMMAND LIST [FILTERBY MODULE name | ACLCAT category |
/// PATTERN pattern]`, `COMMAND INFO [name ...]`, `COMMAND GETKEYS command [arg ...]`,
/// `COMMAND GETKEYSANDFLAGS command [arg ...]`, `COMMAND HELP`.
///
/// ```
/// use embedis::{cmd::Introspect, Engine, Reply};
/// let mut conn = Engine::new().connect();
/// let keys = conn.run(Introspect::get_keys(["MSET", "a", "1", "b", "2"])).unwrap();
/// assert_eq!(keys, Reply::Array(vec![Reply::bulk("a"), Reply::bulk("b")]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Introspect {
    query: Query,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Query {
    /// `COMMAND` and `COMMAND INFO` without names: every command.
    All,
    Count,
    List(Option<Filter>),
    Info(Vec<Bytes>),
    GetKeys {
        line: Vec<Bytes>,
        with_flags: bool,
    },
    Help,
}

/// COMMAND LIST's filter.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Filter {
    /// Commands of a loaded module: embedis loads none.
    Module,
    AclCategory(Bytes),
    Pattern(Bytes),
}

impl Introspect {
    /// `COMMAND COUNT`: how many top-level commands there are.
    ///
    /// ```
    /// use embedis::{cmd::Introspect, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert!(matches!(conn.run(Introspect::count()).unwrap(), Reply::Integer(n) if n > 200));
    /// ```
    pub fn count() -> Introspect {
        Introspect {
            query: Query::Count,
        }
    }

    /// `COMMAND INFO name ...`: each command's arity, flags, key positions, ACL
    /// categories, tips, key specifications and subcommands; nil for an unknown name.
    ///
    /// ```
    /// use embedis::{cmd::Introspect, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let Reply::Array(rows) = conn.run(Introspect::info(["get", "nosuch"])).unwrap() else {
    ///     panic!("an array");
    /// };
    /// let Reply::Array(get) = &rows[0] else { panic!("a row") };
    /// assert_eq!(get[0], Reply::bulk("get"));
    /// assert_eq!(get[1], Reply::Integer(2));
    /// assert_eq!(rows[1], Reply::Nil);
    /// ```
    pub fn info<I>(names: I) -> Introspect
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        let names: Vec<Bytes> = names.into_iter().map(IntoArg::into_arg).collect();
        Introspect {
            query: if names.is_empty() {
                Query::All
            } else {
                Query::Info(names)
            },
        }
    }

    /// `COMMAND GETKEYS command [arg ...]`: the arguments of that command line that are
    /// keys, found as redis-server finds them.
    ///
    /// ```
    /// use embedis::{cmd::Introspect, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let keys = conn.run(Introspect::get_keys(["ZUNIONSTORE", "dst", "2", "a", "b"])).unwrap();
    /// assert_eq!(keys, Reply::Array(vec![Reply::bulk("dst"), Reply::bulk("a"), Reply::bulk("b")]));
    /// ```
    pub fn get_keys<I>(line: I) -> Introspect
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        Introspect::keys_of_line(line, false)
    }

    /// `COMMAND GETKEYSANDFLAGS command [arg ...]`: each key with how the command uses it
    /// (`RO`, `RW`, `OW`, `RM`, `access`, `update`, `insert`, `delete`).
    ///
    /// ```
    /// use embedis::{cmd::Introspect, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let keys = conn.run(Introspect::get_keys_and_flags(["GET", "k"])).unwrap();
    /// assert_eq!(
    ///     keys,
    ///     Reply::Array(vec![Reply::Array(vec![
    ///         Reply::bulk("k"),
    ///         Reply::Set(vec![Reply::status("RO"), Reply::status("access")]),
    ///     ])])
    /// );
    /// ```
    pub fn get_keys_and_flags<I>(line: I) -> Introspect
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        Introspect::keys_of_line(line, true)
    }

    fn keys_of_line<I>(line: I, with_flags: bool) -> Introspect
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        Introspect {
            query: Query::GetKeys {
                line: line.into_iter().map(IntoArg::into_arg).collect(),
                with_flags,
            },
        }
    }

    pub(crate) fn parse_all(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Introspect(Introspect { query: Query::All }))
    }

    pub(crate) fn parse_count(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Introspect(Introspect::count()))
    }

    pub(crate) fn parse_list(args: &mut Args) -> Result<Command, Error> {
        let filter = match args.remaining() {
            0 => None,
            3 => {
                let filterby = args.next_keyword();
                let kind = args.next_keyword();
                let value = args.next_bytes()?;
                if !filterby.is_some_and(|word| word.is("FILTERBY")) {
                    return Err(Error::Syntax);
                }
                match kind {
                    Some(kind) if kind.is("MODULE") => Some(Filter::Module),
                    Some(kind) if kind.is("ACLCAT") => Some(Filter::AclCategory(value)),
                    Some(kind) if kind.is("PATTERN") => Some(Filter::Pattern(value)),
                    _ => return Err(Error::Syntax),
                }
            }
            _ => return Err(Error::Syntax),
        };
        Ok(Command::Introspect(Introspect {
            query: Query::List(filter),
        }))
    }

    pub(crate) fn parse_info(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Introspect(Introspect::info(args.rest())))
    }

    pub(crate) fn parse_getkeys(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Introspect(Introspect::get_keys(args.rest())))
    }

    pub(crate) fn parse_getkeysandflags(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Introspect(Introspect::get_keys_and_flags(
            args.rest(),
        )))
    }

    pub(crate) fn parse_help(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Introspect(Introspect { query: Query::Help }))
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.query {
            Query::All => "command",
            Query::Count => "command|count",
            Query::List(_) => "command|list",
            Query::Info(_) => "command|info",
            Query::GetKeys {
                with_flags: false, ..
            } => "command|getkeys",
            Query::GetKeys {
                with_flags: true, ..
            } => "command|getkeysandflags",
            Query::Help => "command|help",
        }
    }

    pub(crate) fn apply(self) -> Reply {
        match self.query {
            Query::All => Reply::Array(table::all().map(info).collect()),
            Query::Count => Reply::Integer(table::all().count() as i64),
            Query::List(filter) => list(filter),
            Query::Info(names) => Reply::Array(
                names
                    .iter()
                    .map(|name| table::find_full_name(name).map_or(Reply::Nil, info))
                    .collect(),
            ),
            Query::GetKeys { line, with_flags } => match get_keys(&line, with_flags) {
                Ok(reply) => reply,
                Err(error) => Reply::Error(error.into()),
            },
            Query::Help => help(),
        }
    }
}

/// The metadata row of a table row. Every row has one (a unit test in
/// `command_meta`'s tests checks it); a missing one would read as a command without flags.
pub(crate) fn meta_of(spec: &CommandSpec) -> Option<&'static CommandMeta> {
    meta_named(spec.name)
}

/// The metadata row of a full command name as the table spells it (`get`, `client|kill`).
pub(crate) fn meta_named(name: &str) -> Option<&'static CommandMeta> {
    COMMAND_META
        .binary_search_by(|meta| meta.name.cmp(name))
        .ok()
        .map(|at| &COMMAND_META[at])
}

/// One command's COMMAND INFO row, its subcommands' rows inside.
fn info(spec: &'static CommandSpec) -> Reply {
    let statuses =
        |words: &[&'static str]| Reply::Set(words.iter().map(|word| Reply::status(word)).collect());
    let (flags, (first, last, step), categories, tips, key_specs) = match meta_of(spec) {
        Some(meta) => (
            meta.flags,
            meta.legacy_keys,
            meta.categories,
            meta.tips,
            meta.key_specs,
        ),
        None => (&[][..], (0, 0, 0), &[][..], &[][..], &[][..]),
    };
    Reply::Array(vec![
        Reply::bulk(spec.name),
        Reply::Integer(i64::from(spec.arity)),
        statuses(flags),
        Reply::Integer(first),
        Reply::Integer(last),
        Reply::Integer(step),
        statuses(categories),
        Reply::Set(tips.iter().map(Reply::bulk).collect()),
        Reply::Set(key_specs.iter().map(key_spec).collect()),
        if spec.subcommands.is_empty() {
            Reply::Set(Vec::new())
        } else {
            Reply::Array(spec.subcommands.iter().map(info).collect())
        },
    ])
}

/// A key specification as a map: `notes` (if any), `flags`, `begin_search`, `find_keys`.
fn key_spec(spec: &KeySpec) -> Reply {
    let field = |name: &'static str, value: Reply| (Reply::bulk(name), value);
    let int = Reply::Integer;
    let search = |kind: &'static str, fields: Vec<(Reply, Reply)>| {
        Reply::Map(vec![
            field("type", Reply::bulk(kind)),
            field("spec", Reply::Map(fields)),
        ])
    };
    let begin = match spec.begin {
        BeginSearch::Index(at) => search("index", vec![field("index", int(at))]),
        BeginSearch::Keyword(keyword, from) => search(
            "keyword",
            vec![
                field("keyword", Reply::bulk(keyword)),
                field("startfrom", int(from)),
            ],
        ),
        BeginSearch::UnknownBegin => search("unknown", Vec::new()),
    };
    let find = match spec.find {
        FindKeys::Range { last, step, limit } => search(
            "range",
            vec![
                field("lastkey", int(last)),
                field("keystep", int(step)),
                field("limit", int(limit)),
            ],
        ),
        FindKeys::KeyNum { index, first, step } => search(
            "keynum",
            vec![
                field("keynumidx", int(index)),
                field("firstkey", int(first)),
                field("keystep", int(step)),
            ],
        ),
        FindKeys::UnknownFind => search("unknown", Vec::new()),
    };
    let mut fields = Vec::with_capacity(4);
    if let Some(notes) = spec.notes {
        fields.push(field("notes", Reply::bulk(notes)));
    }
    fields.push(field(
        "flags",
        Reply::Set(spec.flags.iter().map(|flag| Reply::status(flag)).collect()),
    ));
    fields.push(field("begin_search", begin));
    fields.push(field("find_keys", find));
    Reply::Map(fields)
}

/// The full names of the commands and subcommands in an ACL category (`geo`, any case),
/// as ACL CAT and COMMAND LIST FILTERBY ACLCAT list them.
pub(crate) fn names_in_category(category: &[u8]) -> Vec<&'static str> {
    let mut names = Vec::new();
    for spec in table::all() {
        for candidate in std::iter::once(spec).chain(spec.subcommands) {
            if in_category(candidate, category) {
                names.push(candidate.name);
            }
        }
    }
    names
}

fn in_category(spec: &CommandSpec, category: &[u8]) -> bool {
    meta_of(spec).is_some_and(|meta| {
        meta.categories
            .iter()
            .any(|known| known.as_bytes()[1..].eq_ignore_ascii_case(category))
    })
}

/// COMMAND LIST: every command and subcommand name the filter admits.
fn list(filter: Option<Filter>) -> Reply {
    let pattern = match &filter {
        // redis-server matches the pattern without regard to case.
        Some(Filter::Pattern(pattern)) => Some(Glob::new(&pattern.to_ascii_lowercase())),
        _ => None,
    };
    let admits = |spec: &CommandSpec| match &filter {
        None => true,
        Some(Filter::Module) => false,
        Some(Filter::AclCategory(category)) => in_category(spec, category),
        Some(Filter::Pattern(_)) => pattern
            .as_ref()
            .is_some_and(|glob| glob.matches(spec.name.as_bytes())),
    };
    let mut names = Vec::new();
    for spec in table::all() {
        for candidate in std::iter::once(spec).chain(spec.subcommands) {
            if admits(candidate) {
                names.push(Reply::bulk(candidate.name));
            }
        }
    }
    Reply::Array(names)
}

/// COMMAND GETKEYS / GETKEYSANDFLAGS of `line` (a command line, its name first).
fn get_keys(line: &[Bytes], with_flags: bool) -> Result<Reply, GetKeysError> {
    let spec = table::find_for_line(line).ok_or(GetKeysError::InvalidCommand)?;
    let meta = meta_of(spec).filter(|meta| meta.has_keys());
    let meta = meta.ok_or(GetKeysError::NoKeyArguments)?;
    if !table::arity_fits(spec.arity, line.len()) {
        return Err(GetKeysError::InvalidArgumentCount);
    }
    let keys = keys_of(meta, line);
    if keys.is_empty() && !meta.has_flag("no_mandatory_keys") {
        return Err(GetKeysError::InvalidArguments);
    }
    Ok(Reply::Array(
        keys.into_iter()
            .map(|(at, flags)| {
                let key = Reply::Bulk(line[at].clone());
                if with_flags {
                    let flags = flags.iter().map(|flag| Reply::status(flag)).collect();
                    Reply::Array(vec![key, Reply::Set(flags)])
                } else {
                    key
                }
            })
            .collect(),
    ))
}

fn help() -> Reply {
    // redis-server's text without DOCS, which embedis does not answer.
    const LINES: [&str; 17] = [
        "COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "(no subcommand)",
        "    Return details about all Redis commands.",
        "COUNT",
        "    Return the total number of commands in this Redis server.",
        "LIST",
        "    Return a list of all commands in this Redis server.",
        "INFO [<command-name> ...]",
        "    Return details about multiple Redis commands.",
        "    If no command names are given, documentation details for all",
        "    commands are returned.",
        "GETKEYS <full-command>",
        "    Return the keys from a full Redis command.",
        "GETKEYSANDFLAGS <full-command>",
        "    Return the keys and the access flags from a full Redis command.",
        "HELP",
        "    Prints this help.",
    ];
    Reply::help(&LINES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_table_has_its_metadata_and_no_other() {
        let mut rows = 0;
        for spec in table::all() {
            for row in std::iter::once(spec).chain(spec.subcommands) {
                assert!(
                    meta_of(row).is_some(),
                    "{} has no COMMAND INFO row",
                    row.name
                );
                rows += 1;
            }
        }
        assert!(
            COMMAND_META.windows(2).all(|w| w[0].name < w[1].name),
            "sorted"
        );
        if cfg!(feature = "lua") {
            assert_eq!(rows, COMMAND_META.len(), "a metadata row without a command");
        }
    }

    #[test]
    fn getkeys_checks_the_command_before_the_arity() {
        let keys = |line: &[&str]| {
            let line: Vec<Bytes> = line
                .iter()
                .map(|w| Bytes::copy_from_slice(w.as_bytes()))
                .collect();
            get_keys(&line, false)
        };
        assert_eq!(keys(&["nosuch"]), Err(GetKeysError::InvalidCommand));
        assert_eq!(keys(&["ping", "x", "y"]), Err(GetKeysError::NoKeyArguments));
        assert_eq!(
            keys(&["get", "a", "b"]),
            Err(GetKeysError::InvalidArgumentCount)
        );
        assert_eq!(
            keys(&["zunionstore", "d", "9", "a"]),
            Err(GetKeysError::InvalidArguments)
        );
        assert_eq!(keys(&["eval", "s", "0"]), Ok(Reply::Array(Vec::new())));
    }
}
