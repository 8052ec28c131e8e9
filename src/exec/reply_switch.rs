//! CLIENT REPLY: which of a connection's replies are sent.
//!
//! redis-server keeps three flags per client and checks them when it writes a reply, not
//! when a command starts, so the rules follow from when each flag changes (each probed on
//! redis-server 7.0):
//! - `OFF` silences every reply until `CLIENT REPLY ON` or `RESET` clears it;
//! - `SKIP` silences the reply of the command after it, whatever it is (an unknown command,
//!   a RESET, a blocking read answered later); `SKIP` while `OFF` does nothing;
//! - `CLIENT REPLY OFF` and `SKIP` never answer themselves; `ON` always does (it clears the
//!   flags before it replies), and so does a `RESET` after `OFF` (not after `SKIP`);
//! - subscription confirmations and every push (messages, keyspace events, invalidations)
//!   are sent regardless, as redis-server writes them as pushes.
//!
//! One difference is deliberate: inside MULTI a CLIENT REPLY takes effect when EXEC ends,
//! and EXEC's reply is sent whole, or not at all, as replies were when EXEC started.
//! redis-server switches in the middle of the EXEC array, leaving a header whose count does
//! not match the items that follow it.
//!
//! A silenced reply still reaches the connection's handle as an empty answer frame, so
//! [`Connection::call`](crate::Connection::call) can report that no reply will come instead
//! of waiting for ever (`recv` skips it, as a socket shows nothing).

/// One connection's CLIENT REPLY state.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ReplySwitch {
    /// `CLIENT REPLY OFF`: no reply until ON or RESET.
    off: bool,
    /// The running command's reply is silenced (the command after a SKIP).
    skip: bool,
    /// `CLIENT REPLY SKIP` ran: the next command's reply is silenced.
    skip_next: bool,
    /// What the running command decided for its own reply, ahead of the flags.
    verdict: Option<bool>,
}

impl ReplySwitch {
    /// Nothing is switched: every reply goes out. The one check on the command path.
    #[inline]
    pub(crate) fn is_on(&self) -> bool {
        !(self.off | self.skip | self.skip_next) && self.verdict.is_none()
    }

    /// `CLIENT REPLY ON`: replies from this one on.
    pub(crate) fn turn_on(&mut self) {
        self.off = false;
        self.skip = false;
    }

    /// `CLIENT REPLY OFF`. Outside a transaction it does not answer itself.
    pub(crate) fn turn_off(&mut self, in_exec: bool) {
        self.off = true;
        if !in_exec {
            self.verdict = Some(false);
        }
    }

    /// `CLIENT REPLY SKIP`: silences the next command's reply (not while OFF). Outside a
    /// transaction it does not answer itself.
    pub(crate) fn skip_next(&mut self, in_exec: bool) {
        if !self.off {
            self.skip_next = true;
        }
        if !in_exec {
            self.verdict = Some(false);
        }
    }

    /// `RESET`: OFF and a pending SKIP are forgotten; a SKIP silencing the RESET itself
    /// stays, as on redis-server.
    pub(crate) fn reset(&mut self) {
        self.off = false;
        self.skip_next = false;
    }

    /// Whether a reply written now would be silenced (EXEC decides by this at its start).
    pub(crate) fn silences_now(&self) -> bool {
        self.off | self.skip
    }

    /// The running command decides its own reply's fate: `true` for a confirmation that
    /// is a push, EXEC's choice at its start.
    pub(crate) fn decide(&mut self, send: bool) {
        if send && self.is_on() {
            return; // nothing to override: keeps the command path's one check cheap
        }
        self.verdict = Some(send);
    }

    /// Ends a top-level command: whether its reply goes out. A SKIP moves on to the
    /// command after it, as redis-server's `resetClient` moves it.
    #[inline]
    pub(crate) fn finish_command(&mut self) -> bool {
        if self.is_on() {
            return true;
        }
        self.finish_switched()
    }

    #[cold]
    fn finish_switched(&mut self) -> bool {
        let send = self.verdict.take().unwrap_or(!self.silences_now());
        self.skip = std::mem::take(&mut self.skip_next);
        send
    }
}

#[cfg(test)]
mod tests {
    use super::ReplySwitch;

    /// Runs commands through a switch: `on`, `off`, `skip`, `reset`, `push` (a
    /// confirmation) or anything else (a plain command); returns which replies went out.
    fn run(commands: &[&str]) -> Vec<bool> {
        let mut switch = ReplySwitch::default();
        commands
            .iter()
            .map(|command| {
                match *command {
                    "on" => switch.turn_on(),
                    "off" => switch.turn_off(false),
                    "skip" => switch.skip_next(false),
                    "reset" => switch.reset(),
                    "push" => switch.decide(true),
                    _ => {}
                }
                switch.finish_command()
            })
            .collect()
    }

    #[test]
    fn off_silences_until_on() {
        assert_eq!(
            run(&["get", "off", "get", "bogus", "on", "get"]),
            [true, false, false, false, true, true]
        );
    }

    #[test]
    fn skip_silences_the_next_command_only() {
        assert_eq!(
            run(&["skip", "get", "get", "skip", "skip", "get", "get"]),
            [false, false, true, false, false, false, true]
        );
        assert_eq!(
            run(&["skip", "off", "get", "on"]),
            [false, false, false, true]
        );
        // ON clears the SKIP meant for it; OFF after it keeps replies off.
        assert_eq!(
            run(&["skip", "skip", "on", "get"]),
            [false, false, true, true]
        );
        assert_eq!(
            run(&["off", "skip", "on", "get"]),
            [false, false, true, true]
        );
    }

    #[test]
    fn reset_clears_off_but_not_the_skip_of_itself() {
        assert_eq!(run(&["off", "reset", "get"]), [false, true, true]);
        assert_eq!(run(&["skip", "reset", "get"]), [false, false, true]);
    }

    #[test]
    fn confirmations_always_go_out_and_consume_a_skip() {
        assert_eq!(run(&["off", "push", "get"]), [false, true, false]);
        assert_eq!(run(&["skip", "push", "get"]), [false, true, true]);
        let mut switch = ReplySwitch::default();
        switch.decide(true);
        assert!(
            switch.is_on(),
            "a push on a plain connection changes nothing"
        );
    }

    #[test]
    fn inside_exec_the_switch_acts_after_exec() {
        let mut switch = ReplySwitch::default();
        let before = switch.silences_now();
        switch.skip_next(true); // CLIENT REPLY SKIP queued in MULTI
        switch.decide(!before);
        assert!(switch.finish_command(), "EXEC answers");
        assert!(
            !switch.finish_command(),
            "the command after EXEC is skipped"
        );
        assert!(switch.finish_command());

        let before = switch.silences_now();
        switch.turn_off(true);
        switch.decide(!before);
        assert!(switch.finish_command(), "EXEC answers");
        assert!(!switch.finish_command(), "replies are off after it");
    }
}
