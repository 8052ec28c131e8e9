//! ACL, as redis-server 7.0 answers it with its one built-in user: `default`, enabled,
//! without a password, allowed every command, key and channel (`on nopass ~* &* +@all`).
//!
//! embedis has no other user and enforces no permission, so the ACL commands report that
//! user: USERS, LIST, GETUSER, WHOAMI; CAT lists categories and their commands from the
//! command table's metadata; DRYRUN finds the command and checks its arity, as
//! redis-server does before it checks the (all-allowing) permissions; DELUSER finds no one
//! to delete; SAVE and LOAD have no ACL file. LOG holds the refused AUTHs (and HELLO AUTHs),
//! the only refusals there can be (`exec/acl_log.rs`). SETUSER accepts only the rules the
//! default user already has; any other rule is refused (README, known differences).
//! GENPASS draws from the standard library's OS-seeded SipHash keys, not a CSPRNG: fine for
//! a test double's passwords, not for real secrets.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{introspect, table, Command, IntoArg};
use crate::error::error_text;
use crate::exec::acl_log::AclLogEntry;
use crate::store::c_string::c_string;
use crate::{Error, Reply};

/// The one user.
const DEFAULT_USER: &str = "default";
/// The ACL categories, in the order ACL CAT lists them.
const CATEGORIES: [&str; 21] = [
    "keyspace",
    "read",
    "write",
    "set",
    "sortedset",
    "list",
    "hash",
    "string",
    "bitmap",
    "hyperloglog",
    "geo",
    "stream",
    "pubsub",
    "admin",
    "fast",
    "slow",
    "blocking",
    "dangerous",
    "connection",
    "transaction",
    "scripting",
];
/// The SETUSER rules that leave the default user as it is.
const DEFAULT_RULES: [&str; 8] = [
    "on",
    "nopass",
    "~*",
    "allkeys",
    "&*",
    "allchannels",
    "+@all",
    "allcommands",
];
/// GENPASS's default size and its bound, in bits.
const GENPASS_BITS: i64 = 256;
const GENPASS_MAX_BITS: i64 = 4096;
/// ACL LOG's default number of entries.
const LOG_DEFAULT_COUNT: i64 = 10;

/// The ACL subcommands.
///
/// ```
/// use embedis::{cmd::Acl, Engine, Reply};
/// let mut conn = Engine::new().connect();
/// assert_eq!(conn.run(Acl::WhoAmI).unwrap(), Reply::bulk("default"));
/// assert_eq!(conn.run(Acl::Users).unwrap(), Reply::Array(vec![Reply::bulk("default")]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Acl {
    /// `ACL WHOAMI`: always `default`.
    WhoAmI,
    /// `ACL USERS`: `default`.
    Users,
    /// `ACL LIST`: the default user's rules, `user default on nopass ~* &* +@all`.
    List,
    /// `ACL CAT [category]`: the categories, or the commands of one.
    Cat(Option<Bytes>),
    /// `ACL GETUSER user`: the default user's details; nil for anyone else.
    GetUser(Bytes),
    /// `ACL DRYRUN user command [arg ...]`: `OK` if `user` could run the command line.
    DryRun(Bytes, Vec<Bytes>),
    /// `ACL GENPASS [bits]`: a random password of `bits` bits (256 by default) in hex.
    GenPass(Option<i64>),
    /// `ACL LOG [count]`: the newest refused authentications (10 by default).
    Log(Option<i64>),
    /// `ACL LOG RESET`.
    LogReset,
    /// `ACL DELUSER user [user ...]`: how many were deleted (none exist but `default`,
    /// which cannot be).
    DelUser(Vec<Bytes>),
    /// `ACL SETUSER user [rule ...]`: only the default user's own rules are accepted.
    SetUser(Bytes, Vec<Bytes>),
    /// `ACL SAVE`: refused, there is no ACL file.
    Save,
    /// `ACL LOAD`: refused, there is no ACL file.
    Load,
    /// `ACL HELP`.
    Help,
}

impl Acl {
    /// `ACL CAT category`: the commands of an ACL category.
    ///
    /// ```
    /// use embedis::{cmd::Acl, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let Reply::Array(commands) = conn.run(Acl::cat("geo")).unwrap() else { panic!() };
    /// assert!(commands.contains(&Reply::bulk("geoadd")));
    /// ```
    pub fn cat(category: impl IntoArg) -> Acl {
        Acl::Cat(Some(category.into_arg()))
    }

    /// `ACL DRYRUN user command [arg ...]`.
    ///
    /// ```
    /// use embedis::{cmd::Acl, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Acl::dry_run("default", ["GET", "k"])).unwrap(), Reply::OK);
    /// assert!(conn.run(Acl::dry_run("default", ["GET"])).is_err());
    /// ```
    pub fn dry_run<I>(user: impl IntoArg, line: I) -> Acl
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        Acl::DryRun(
            user.into_arg(),
            line.into_iter().map(IntoArg::into_arg).collect(),
        )
    }

    pub(crate) fn parse_whoami(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Acl(Acl::WhoAmI))
    }

    pub(crate) fn parse_users(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Acl(Acl::Users))
    }

    pub(crate) fn parse_list(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Acl(Acl::List))
    }

    pub(crate) fn parse_help(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Acl(Acl::Help))
    }

    pub(crate) fn parse_save(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Acl(Acl::Save))
    }

    pub(crate) fn parse_load(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Acl(Acl::Load))
    }

    /// At most one category (redis-server checks the count itself: a subcommand error).
    pub(crate) fn parse_cat(args: &mut Args) -> Result<Command, Error> {
        let mut words = args.rest();
        if words.len() > 1 {
            return Err(wrong_arguments(args));
        }
        Ok(Command::Acl(Acl::Cat(words.pop())))
    }

    pub(crate) fn parse_getuser(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Acl(Acl::GetUser(args.next_bytes()?)))
    }

    pub(crate) fn parse_dryrun(args: &mut Args) -> Result<Command, Error> {
        let user = args.next_bytes()?;
        Ok(Command::Acl(Acl::DryRun(user, args.rest())))
    }

    pub(crate) fn parse_genpass(args: &mut Args) -> Result<Command, Error> {
        let words = args.rest();
        match words.as_slice() {
            [] => Ok(Command::Acl(Acl::GenPass(None))),
            [bits] => {
                let bits = crate::store::number::parse_i64(bits).ok_or(Error::NotInteger)?;
                Ok(Command::Acl(Acl::GenPass(Some(bits))))
            }
            _ => Err(wrong_arguments(args)),
        }
    }

    pub(crate) fn parse_log(args: &mut Args) -> Result<Command, Error> {
        let words = args.rest();
        match words.as_slice() {
            [] => Ok(Command::Acl(Acl::Log(None))),
            // Compared as a C string (up to a NUL byte), as redis-server compares it.
            [word] if c_string(word).eq_ignore_ascii_case(b"reset") => {
                Ok(Command::Acl(Acl::LogReset))
            }
            [count] => {
                let count = crate::store::number::parse_i64(count).ok_or(Error::NotInteger)?;
                Ok(Command::Acl(Acl::Log(Some(count))))
            }
            _ => Err(wrong_arguments(args)),
        }
    }

    pub(crate) fn parse_deluser(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Acl(Acl::DelUser(args.rest())))
    }

    pub(crate) fn parse_setuser(args: &mut Args) -> Result<Command, Error> {
        let user = args.next_bytes()?;
        Ok(Command::Acl(Acl::SetUser(user, args.rest())))
    }

    pub(crate) fn name(&self) -> &'static str {
        match self {
            Acl::WhoAmI => "acl|whoami",
            Acl::Users => "acl|users",
            Acl::List => "acl|list",
            Acl::Cat(_) => "acl|cat",
            Acl::GetUser(_) => "acl|getuser",
            Acl::DryRun(..) => "acl|dryrun",
            Acl::GenPass(_) => "acl|genpass",
            Acl::Log(_) | Acl::LogReset => "acl|log",
            Acl::DelUser(_) => "acl|deluser",
            Acl::SetUser(..) => "acl|setuser",
            Acl::Save => "acl|save",
            Acl::Load => "acl|load",
            Acl::Help => "acl|help",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match self {
            Acl::WhoAmI => Reply::bulk(DEFAULT_USER),
            Acl::Users => Reply::Array(vec![Reply::bulk(DEFAULT_USER)]),
            Acl::List => Reply::Array(vec![Reply::bulk("user default on nopass ~* &* +@all")]),
            Acl::Cat(None) => Reply::Array(CATEGORIES.iter().map(|c| Reply::bulk(*c)).collect()),
            Acl::Cat(Some(category)) => {
                // Names are compared as C strings (up to a NUL byte), as redis-server does.
                let name = c_string(&category);
                let known = CATEGORIES
                    .iter()
                    .any(|known| name.eq_ignore_ascii_case(known.as_bytes()));
                if !known {
                    return Error::UnknownAclCategory(error_text(&category)).into();
                }
                let names = introspect::names_in_category(name);
                Reply::Array(names.into_iter().map(Reply::bulk).collect())
            }
            Acl::GetUser(user) if user.as_ref() == DEFAULT_USER.as_bytes() => default_user(),
            Acl::GetUser(_) => Reply::Nil,
            Acl::DryRun(user, line) => match dry_run(&user, &line) {
                Ok(()) => Reply::OK,
                Err(error) => error.into(),
            },
            Acl::GenPass(bits) => match bits.unwrap_or(GENPASS_BITS) {
                bits @ 1..=GENPASS_MAX_BITS => Reply::Bulk(random_hex(bits as usize)),
                _ => Error::GenPassBits.into(),
            },
            Acl::Log(count) => log(ctx, count.unwrap_or(LOG_DEFAULT_COUNT)),
            Acl::LogReset => {
                ctx.acl_log.clear();
                Reply::OK
            }
            Acl::DelUser(users) => {
                if users
                    .iter()
                    .any(|user| c_string(user) == DEFAULT_USER.as_bytes())
                {
                    Error::DefaultUserUndeletable.into()
                } else {
                    Reply::Integer(0)
                }
            }
            Acl::SetUser(user, rules) => {
                let unchanged = user.as_ref() == DEFAULT_USER.as_bytes()
                    && rules.iter().all(|rule| {
                        DEFAULT_RULES
                            .iter()
                            .any(|known| c_string(rule).eq_ignore_ascii_case(known.as_bytes()))
                    });
                if unchanged {
                    Reply::OK
                } else {
                    Error::AclUsersUnsupported.into()
                }
            }
            Acl::Save | Acl::Load => Error::NoAclFile.into(),
            Acl::Help => Reply::help(&ACL_HELP),
        }
    }
}

/// Redis's error for a subcommand given arguments it does not take (as spelled).
fn wrong_arguments(args: &Args) -> Error {
    Error::SubcommandSyntax {
        subcommand: error_text(&args.subcommand_name()),
        command: "ACL".to_string(),
    }
}

/// GETUSER default: its flags, passwords, permissions and (no) selectors.
fn default_user() -> Reply {
    let field = |name: &'static str, value: Reply| (Reply::bulk(name), value);
    Reply::Map(vec![
        field(
            "flags",
            Reply::Set(vec![Reply::bulk("on"), Reply::bulk("nopass")]),
        ),
        field("passwords", Reply::Array(Vec::new())),
        field("commands", Reply::bulk("+@all")),
        field("keys", Reply::bulk("~*")),
        field("channels", Reply::bulk("&*")),
        field("selectors", Reply::Array(Vec::new())),
    ])
}

/// DRYRUN: the user must exist, the command too, and its arity fit.
fn dry_run(user: &[u8], line: &[Bytes]) -> Result<(), Error> {
    if user != DEFAULT_USER.as_bytes() {
        return Err(Error::NoSuchAclUser(error_text(user)));
    }
    let name = line
        .first()
        .map(|name| error_text(name))
        .unwrap_or_default();
    let spec = table::find_for_line(line).ok_or(Error::AclCommandNotFound(name))?;
    if !table::arity_fits(spec.arity, line.len()) {
        return Err(Error::arity(spec.name));
    }
    Ok(())
}

/// `bits` random bits as lower-case hex (rounded up to whole digits).
fn random_hex(bits: usize) -> Bytes {
    let digits = bits.div_ceil(4);
    let keys = RandomState::new();
    let mut text = String::with_capacity(digits + 16);
    let mut block = 0u64;
    while text.len() < digits {
        text.push_str(&format!("{:016x}", keys.hash_one(block)));
        block += 1;
    }
    text.truncate(digits);
    Bytes::from(text)
}

/// ACL LOG count: the newest entries, each a map.
fn log(ctx: &Ctx, count: i64) -> Reply {
    let now_ms = ctx.now.micros() / 1000;
    let count = usize::try_from(count).unwrap_or(0);
    let entries = ctx
        .acl_log
        .newest(Some(count))
        .map(|entry| entry_reply(entry, now_ms));
    Reply::Array(entries.collect())
}

fn entry_reply(entry: &AclLogEntry, now_ms: u64) -> Reply {
    let field = |name: &'static str, value: Reply| (Reply::bulk(name), value);
    let age_ms = now_ms.saturating_sub(entry.last_ms);
    Reply::Map(vec![
        field("count", Reply::Integer(entry.count as i64)),
        field("reason", Reply::bulk(entry.reason)),
        field("context", Reply::bulk(entry.context)),
        field("object", Reply::bulk(entry.object.clone())),
        field("username", Reply::bulk(entry.username.clone())),
        field("age-seconds", Reply::Double(age_ms as f64 / 1000.0)),
        field("client-info", Reply::bulk(entry.client_info.clone())),
    ])
}

/// Records a refused authentication of `user` by the running command (`object`: AUTH or
/// HELLO as the client spelled it).
pub(crate) fn log_refused_auth(ctx: &mut Ctx, object: &[u8], user: &[u8]) {
    let client_info = crate::cmd::clients::info_line(ctx);
    let context = if ctx.session.in_exec() {
        "multi"
    } else {
        "toplevel"
    };
    let last_ms = ctx.now.micros() / 1000;
    ctx.acl_log.add(AclLogEntry {
        count: 1,
        reason: "auth",
        context,
        object: String::from_utf8_lossy(object).into_owned(),
        username: String::from_utf8_lossy(user).into_owned(),
        last_ms,
        client_info,
    });
}

const ACL_HELP: [&str; 29] = [
    "ACL <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
    "CAT [<category>]",
    "    List all commands that belong to <category>, or all command categories",
    "    when no category is specified.",
    "DELUSER <username> [<username> ...]",
    "    Delete a list of users.",
    "DRYRUN <username> <command> [<arg> ...]",
    "    Returns whether the user can execute the given command without executing the command.",
    "GETUSER <username>",
    "    Get the user's details.",
    "GENPASS [<bits>]",
    "    Generate a secure 256-bit user password. The optional `bits` argument can",
    "    be used to specify a different size.",
    "LIST",
    "    Show users details in config file format.",
    "LOAD",
    "    Reload users from the ACL file.",
    "LOG [<count> | RESET]",
    "    Show the ACL log entries.",
    "SAVE",
    "    Save the current config to the ACL file.",
    "SETUSER <username> <attribute> [<attribute> ...]",
    "    Create or modify a user with the specified attributes.",
    "USERS",
    "    List all the registered usernames.",
    "WHOAMI",
    "    Return the current connection username.",
    "HELP",
    "    Prints this help.",
];

#[cfg(test)]
mod tests {
    use super::random_hex;

    #[test]
    fn genpass_gives_the_asked_bits_as_lowercase_hex_and_never_repeats() {
        for (bits, digits) in [(1, 1), (4, 1), (5, 2), (8, 2), (256, 64), (4096, 1024)] {
            let password = random_hex(bits);
            assert_eq!(password.len(), digits, "{bits} bits");
            assert!(password
                .iter()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b)));
        }
        let passwords: std::collections::HashSet<_> = (0..100).map(|_| random_hex(256)).collect();
        assert_eq!(passwords.len(), 100);
    }
}
