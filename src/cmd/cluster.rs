//! The cluster commands of a server started without cluster support, which an embedded
//! engine always is: CLUSTER's subcommands, READONLY, READWRITE and ASKING answer
//! `ERR This instance has cluster support disabled`, as redis-server does. Code that probes
//! for a cluster (a `CLUSTER INFO` that fails means "standalone") finds a standalone server.

use super::argv::Args;
use super::context::Ctx;
use super::Command;
use crate::{Error, Reply};

/// A cluster command, refused (the name is Redis's full name: `cluster|info`, `readonly`).
///
/// ```
/// use embedis::{Engine, Error, Reply};
/// let mut conn = Engine::new().connect();
/// assert_eq!(conn.call(["CLUSTER", "INFO"]).unwrap(), Reply::Error(Error::ClusterDisabled));
/// assert_eq!(conn.call(["READONLY"]).unwrap(), Reply::Error(Error::ClusterDisabled));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterDisabled {
    name: &'static str,
}

impl ClusterDisabled {
    /// Every argument is accepted and ignored (the table checked the arity), as
    /// redis-server refuses before reading them.
    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let lower = |word: &[u8]| String::from_utf8_lossy(word).to_ascii_lowercase();
        let command = lower(&args.command_name());
        let subcommand = args.subcommand_name();
        let full = if subcommand.is_empty() {
            command
        } else {
            format!("{command}|{}", lower(&subcommand))
        };
        let name = super::table::static_name(&full).unwrap_or("cluster");
        let _ = args.rest();
        Ok(Command::ClusterDisabled(ClusterDisabled { name }))
    }

    pub(crate) fn name(&self) -> &'static str {
        self.name
    }

    pub(crate) fn apply(self, _ctx: &mut Ctx) -> Reply {
        Error::ClusterDisabled.into()
    }
}
