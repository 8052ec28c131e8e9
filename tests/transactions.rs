//! MULTI/EXEC/WATCH through the argv API and the typed Transaction and atomic Pipeline.
//! Behaviours follow Redis's `tests/unit/multi.tcl` (cited by test name).

use embedis::cmd::{IncrBy, Set};
use embedis::{Engine, Error, Pipeline, Reply};

#[test]
fn queued_commands_run_at_exec_with_errors_in_place() {
    // multi.tcl: "EXEC works on WATCHed key not modified", "EXEC with only read commands..."
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.call(["SET", "s", "text"]).unwrap();
    assert_eq!(conn.call(["MULTI"]).unwrap(), Reply::OK);
    assert_eq!(conn.call(["INCR", "n"]).unwrap(), Reply::status("QUEUED"));
    assert_eq!(conn.call(["INCR", "s"]).unwrap(), Reply::status("QUEUED"));
    // A syntax error is only found when the command runs: queued, then fails in place.
    assert_eq!(
        conn.call(["SET", "k", "v", "NX", "XX"]).unwrap(),
        Reply::status("QUEUED")
    );
    assert_eq!(conn.call(["INCR", "n"]).unwrap(), Reply::status("QUEUED"));
    assert_eq!(
        conn.call(["EXEC"]).unwrap(),
        Reply::Array(vec![
            Reply::Integer(1),
            Reply::Error(Error::NotInteger),
            Reply::Error(Error::Syntax),
            Reply::Integer(2),
        ])
    );
}

#[test]
fn a_rejected_command_aborts_the_transaction() {
    // multi.tcl: "MULTI where commands alter argc/argv" / "EXEC fails if there are errors
    // while queueing commands"
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.call(["MULTI"]).unwrap();
    conn.call(["SET", "a", "1"]).unwrap();
    assert_eq!(
        conn.call(["GET"]).unwrap(),
        Reply::Error(Error::arity("get"))
    );
    assert_eq!(conn.call(["EXEC"]).unwrap(), Reply::Error(Error::ExecAbort));
    assert_eq!(conn.call(["GET", "a"]).unwrap(), Reply::Nil, "nothing ran");
    assert_eq!(
        conn.call(["EXEC"]).unwrap(),
        Reply::Error(Error::ExecWithoutMulti)
    );
}

#[test]
fn transaction_control_errors() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    assert_eq!(
        conn.call(["DISCARD"]).unwrap(),
        Reply::Error(Error::DiscardWithoutMulti)
    );
    conn.call(["MULTI"]).unwrap();
    assert_eq!(
        conn.call(["MULTI"]).unwrap(),
        Reply::Error(Error::NestedMulti)
    );
    assert_eq!(
        conn.call(["WATCH", "x"]).unwrap(),
        Reply::Error(Error::WatchInsideMulti)
    );
    conn.call(["SET", "x", "1"]).unwrap();
    assert_eq!(conn.call(["DISCARD"]).unwrap(), Reply::OK);
    assert_eq!(conn.call(["GET", "x"]).unwrap(), Reply::Nil);
}

#[test]
fn watch_fails_exec_when_another_client_writes_and_unwatch_forgets() {
    // multi.tcl: "EXEC fail on WATCHed key modified (1 key of 1 watched)", "UNWATCH when
    // there is nothing watched works as expected", "After UNWATCH ..."
    let engine = Engine::new();
    let mut a = engine.connect();
    let mut b = engine.connect();
    a.call(["WATCH", "k"]).unwrap();
    b.call(["SET", "k", "changed"]).unwrap();
    a.call(["MULTI"]).unwrap();
    a.call(["SET", "k", "mine"]).unwrap();
    assert_eq!(a.call(["EXEC"]).unwrap(), Reply::NilArray);
    assert_eq!(a.call(["GET", "k"]).unwrap(), Reply::bulk("changed"));

    a.call(["WATCH", "k"]).unwrap();
    b.call(["SET", "k", "again"]).unwrap();
    a.call(["UNWATCH"]).unwrap();
    a.call(["MULTI"]).unwrap();
    a.call(["SET", "k", "mine"]).unwrap();
    assert_eq!(a.call(["EXEC"]).unwrap(), Reply::Array(vec![Reply::OK]));
}

#[test]
fn watch_sees_every_kind_of_write() {
    let engine = Engine::new();
    let mut a = engine.connect();
    let mut b = engine.connect();
    let writes: &[&[&str]] = &[
        &["DEL", "k"],
        &["EXPIRE", "k", "100"],
        &["APPEND", "k", "x"],
        &["RENAME", "other", "k"],
        &["FLUSHALL"],
        &["PERSIST", "k"],
        &["GETDEL", "k"],
        &["MSET", "k", "1"],
    ];
    for write in writes {
        b.call(["SET", "k", "1", "EX", "1000"]).unwrap();
        b.call(["SET", "other", "2"]).unwrap();
        a.call(["WATCH", "k"]).unwrap();
        b.call(write.iter().copied()).unwrap();
        a.call(["MULTI"]).unwrap();
        a.call(["PING"]).unwrap();
        assert_eq!(a.call(["EXEC"]).unwrap(), Reply::NilArray, "{write:?}");
    }
    // Reads and refused writes change nothing.
    for harmless in [
        &["GET", "k"][..],
        &["SET", "k", "v", "NX"],
        &["EXPIRE", "k", "1", "NX"],
    ] {
        b.call(["SET", "k", "1", "EX", "1000"]).unwrap();
        a.call(["WATCH", "k"]).unwrap();
        b.call(harmless.iter().copied()).unwrap();
        a.call(["MULTI"]).unwrap();
        a.call(["PING"]).unwrap();
        assert_ne!(a.call(["EXEC"]).unwrap(), Reply::NilArray, "{harmless:?}");
    }
}

#[test]
fn typed_transaction_and_atomic_pipeline() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let mut tx = conn.transaction();
    tx.add(Set::new("a", "1"))
        .add(IncrBy::new("a", 9))
        .cmd(["GET", "a"]);
    assert_eq!(
        tx.exec().unwrap(),
        Some(vec![Reply::OK, Reply::Integer(10), Reply::bulk("10")])
    );

    let mut tx = conn.transaction();
    tx.cmd(["INCR", "a"]).cmd(["NOPE"]);
    assert_eq!(tx.exec(), Err(Error::ExecAbort));

    let replies = Pipeline::new()
        .atomic()
        .cmd(["INCR", "a"])
        .cmd(["INCR", "a"])
        .execute(&mut conn)
        .unwrap();
    assert_eq!(replies, vec![Reply::Integer(11), Reply::Integer(12)]);
    let aborted = Pipeline::new().atomic().cmd(["GET"]).execute(&mut conn);
    assert_eq!(aborted, Err(Error::ExecAbort));

    // The same through the consuming `execute_once`, which moves the commands instead.
    let mut pipe = Pipeline::new();
    pipe.atomic()
        .cmd(["INCR", "a"])
        .cmd(["SET", "a", "x"])
        .cmd(["INCR", "a"]);
    assert_eq!(
        pipe.execute_once(&mut conn).unwrap(),
        vec![
            Reply::Integer(13),
            Reply::OK,
            Reply::Error(Error::NotInteger),
        ]
    );
    let mut pipe = Pipeline::new();
    pipe.atomic().cmd(["GET"]);
    assert_eq!(pipe.execute_once(&mut conn), Err(Error::ExecAbort));
}

#[test]
fn exec_is_atomic_with_respect_to_other_clients() {
    let engine = Engine::new();
    let writer = {
        let engine = engine.clone();
        std::thread::spawn(move || {
            let mut conn = engine.connect();
            for _ in 0..2_000 {
                let mut tx = conn.transaction();
                tx.cmd(["INCR", "a"]).cmd(["INCR", "b"]);
                tx.exec().unwrap();
            }
        })
    };
    let mut reader = engine.connect();
    for _ in 0..2_000 {
        let replies = Pipeline::new()
            .atomic()
            .cmd(["GET", "a"])
            .cmd(["GET", "b"])
            .execute(&mut reader)
            .unwrap();
        assert_eq!(replies[0], replies[1], "a and b always move together");
    }
    writer.join().unwrap();
}
