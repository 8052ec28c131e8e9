//! What HSCAN and ZSCAN share: `cursor [MATCH pattern] [COUNT count]`, and one page over a
//! collection's members.
//!
//! A collection still in Redis's compact (listpack) form comes whole, in its order, with
//! cursor 0, whatever the cursor and COUNT: redis-server answers so. A larger one is paged
//! in scan order (`store/scan_order.rs`), with Redis's guarantee and embedis's own cursors.

use bytes::Bytes;

use super::argv::Args;
use super::IntoArg;
use crate::store::glob::Glob;
use crate::store::number::{parse_i64, parse_scan_cursor};
use crate::store::scan_order;
use crate::{Error, Reply};

/// A collection scan's cursor and options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ScanArgs {
    cursor: u64,
    pattern: Option<Bytes>,
    count: usize,
    /// redis-server checks the options only once it found the collection: a bad one is
    /// reported then, and not at all for a missing key.
    bad_option: Option<Error>,
}

impl ScanArgs {
    /// From `cursor` with Redis's default COUNT of 10.
    pub(crate) fn new(cursor: u64) -> ScanArgs {
        ScanArgs {
            cursor,
            pattern: None,
            count: 10,
            bad_option: None,
        }
    }

    /// `MATCH pattern`.
    pub(crate) fn pattern(&mut self, pattern: impl IntoArg) {
        self.pattern = Some(pattern.into_arg());
    }

    /// `COUNT count` (at least 1).
    pub(crate) fn count(&mut self, count: usize) {
        self.count = count.max(1);
    }

    /// Reads `cursor [MATCH pattern] [COUNT count]`: a bad cursor is an error now, a bad
    /// option one for later.
    pub(crate) fn parse(args: &mut Args) -> Result<ScanArgs, Error> {
        let cursor = parse_scan_cursor(&args.next_bytes()?).ok_or(Error::InvalidCursor)?;
        let mut scan = ScanArgs::new(cursor);
        if let Err(error) = scan.parse_options(args) {
            scan.bad_option = Some(error);
            let _ = args.rest();
        }
        Ok(scan)
    }

    fn parse_options(&mut self, args: &mut Args) -> Result<(), Error> {
        while let Some(option) = args.next_keyword() {
            if option.is("COUNT") {
                let count = parse_i64(&args.next_bytes()?).ok_or(Error::NotInteger)?;
                if count < 1 {
                    return Err(Error::Syntax);
                }
                self.count = usize::try_from(count).unwrap_or(usize::MAX);
            } else if option.is("MATCH") {
                self.pattern = Some(args.next_bytes()?);
            } else {
                return Err(Error::Syntax);
            }
        }
        Ok(())
    }

    /// The reply for a missing key: the end of an empty iteration.
    pub(crate) fn nothing() -> Reply {
        reply(0, Vec::new())
    }

    /// One page of a collection found at the key: `members` lists its members with their
    /// values in its order (called again for each pass), `value_of` finds one member's
    /// value, `render` turns a value into the bulk string after its member.
    pub(crate) fn page<'a, V, I>(
        &self,
        compact: bool,
        members: impl Fn() -> I,
        value_of: impl Fn(&Bytes) -> Option<V>,
        render: impl Fn(V) -> Bytes,
    ) -> Reply
    where
        I: Iterator<Item = (&'a Bytes, V)>,
    {
        if let Some(error) = &self.bad_option {
            return Reply::Error(error.clone());
        }
        let glob = self.pattern.as_deref().map(Glob::new);
        let wanted = |member: &[u8]| glob.as_ref().is_none_or(|glob| glob.matches(member));
        let mut flat = Vec::new();
        let mut push = |member: &Bytes, value: V| {
            flat.push(Reply::Bulk(member.clone()));
            flat.push(Reply::Bulk(render(value)));
        };
        if compact {
            members()
                .filter(|(member, _)| wanted(member))
                .for_each(|(member, value)| push(member, value));
            return reply(0, flat);
        }
        let (next_cursor, page) = scan_order::page(
            || members().map(|(member, _)| member),
            self.cursor,
            self.count,
        );
        for member in page.iter().filter(|member| wanted(member)) {
            if let Some(value) = value_of(member) {
                push(member, value);
            }
        }
        reply(next_cursor, flat)
    }
}

fn reply(cursor: u64, items: Vec<Reply>) -> Reply {
    Reply::Array(vec![
        Reply::Bulk(Bytes::from(cursor.to_string())),
        Reply::Array(items),
    ])
}
