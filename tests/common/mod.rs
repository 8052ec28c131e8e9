//! Differential-test harness: a private redis-server per test binary, a raw RESP client for
//! it, and a [`Pair`] that sends the same command line to redis-server and to embedis and
//! returns both replies as the exact RESP bytes each would put on the wire.
//!
//! One server serves every test of a binary. Tests take a [`Lease`], which holds a global
//! mutex (tests FLUSHALL and compare DBSIZE/KEYS, so they must not interleave) and a strong
//! reference to the server; the server is killed by its pid when the last lease is dropped.
//! A small `sh` reaper also kills it if the test process dies without unwinding (SIGKILL,
//! abort, a CI timeout), so no redis-server outlives its tests.
//!
//! When `EMBEDIS_REDIS_PORT` is set (`.ci/run` starts a server on loopback and sets it), the
//! harness uses that server instead of starting its own, and leaves stopping it to its owner.
//!
//! Without `redis-server` on PATH the tests are skipped with a loud message on stderr,
//! except in CI (`CI=true`), where a missing server is a failure: a differential suite that
//! silently ran nothing would look green.

#![allow(dead_code)] // each test binary uses its own subset of the harness

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, MutexGuard, Once, OnceLock, Weak};
use std::time::{Duration, Instant};

use embedis::{Connection, Engine, Error};

pub mod engine;
pub mod picture;
pub mod plain;
pub mod redis_rs;
pub mod replies;
pub mod shrink;
pub mod table;
pub mod tree;

/// How long any single reply from redis-server may take before the test fails.
const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// How long redis-server may take to answer its first PING.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(10);

/// A redis-server child process listening on 127.0.0.1:`port`.
pub struct RedisServer {
    /// `None` for a server someone else runs (`EMBEDIS_REDIS_PORT`, set by `.ci/run`).
    child: Option<Child>,
    reaper: Option<Child>,
    port: u16,
}

impl RedisServer {
    fn start(binary: &PathBuf) -> RedisServer {
        let mut last_error = String::new();
        // The port is free when we pick it but another process could take it before
        // redis-server binds it: try a few ports.
        for _ in 0..5 {
            let port = free_port();
            let mut child = Command::new(binary)
                .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
                .args(["--save", "", "--appendonly", "no", "--daemonize", "no"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
            match wait_for_ping(&mut child, port) {
                Ok(()) => {
                    let reaper = spawn_reaper(child.id());
                    return RedisServer {
                        child: Some(child),
                        reaper,
                        port,
                    };
                }
                Err(error) => {
                    last_error = error;
                    let _ = child.kill();
                    let _ = child.wait();
                }
            }
        }
        panic!("redis-server did not start: {last_error}");
    }

    /// A server already running on 127.0.0.1:`port`, owned by whoever started it.
    fn external(port: u16) -> RedisServer {
        let mut client = RespClient::connect(port)
            .unwrap_or_else(|e| panic!("EMBEDIS_REDIS_PORT={port}: cannot connect: {e}"));
        let reply = client.call(&[b"PING".to_vec()]).expect("PING");
        assert_eq!(
            reply, b"+PONG\r\n",
            "EMBEDIS_REDIS_PORT={port} does not answer PING"
        );
        RedisServer {
            child: None,
            reaper: None,
            port,
        }
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        // The reaper first, so it can never outlive the server and signal a reused pid.
        if let Some(reaper) = &mut self.reaper {
            let _ = reaper.kill();
            let _ = reaper.wait();
        }
        if let Some(child) = &mut self.child {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A TCP port free on 127.0.0.1 right now.
pub fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("no free TCP port on 127.0.0.1")
}

fn wait_for_ping(child: &mut Child, port: u16) -> Result<(), String> {
    let deadline = Instant::now() + STARTUP_TIMEOUT;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("redis-server on port {port} exited: {status}"));
        }
        if let Ok(mut client) = RespClient::connect(port)
            && let Ok(reply) = client.call(&[b"PING".to_vec()])
            && reply == b"+PONG\r\n"
        {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!(
                "no PONG from port {port} within {STARTUP_TIMEOUT:?}"
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Kills redis-server by its pid if this test process dies without running destructors.
fn spawn_reaper(redis_pid: u32) -> Option<Child> {
    Command::new("sh")
        .args([
            "-c",
            r#"while kill -0 "$0" 2>/dev/null && kill -0 "$1" 2>/dev/null; do sleep 0.5; done; kill "$1" 2>/dev/null"#,
        ])
        .arg(std::process::id().to_string())
        .arg(redis_pid.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()
}

fn find_redis_server() -> Option<PathBuf> {
    on_path("redis-server")
}

/// `binary`'s path on PATH, if it is there.
pub fn on_path(binary: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(binary))
        .find(|candidate| candidate.is_file())
}

/// `binary`'s path; `None` after a loud message on stderr if it is missing, which fails the
/// test in CI (`CI=true`), where a suite that silently ran nothing would look green. `what`
/// names what did not run.
pub fn tool(binary: &str, what: &str) -> Option<PathBuf> {
    let found = on_path(binary);
    if found.is_none() {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("{binary} not found on PATH, and CI=true: {what} cannot run");
        }
        let banner = format!(
            "\n==================================================================\n\
             SKIPPED: {binary} not found; {what} did not run\n\
             ==================================================================\n\n"
        );
        let _ = io::stderr().lock().write_all(banner.as_bytes());
    }
    found
}

/// Loads RESP `commands` into the server on `port` with `redis-cli --pipe`, as a user
/// would, and asserts that every command succeeded.
pub fn pipe_into_redis(redis_cli: &std::path::Path, port: u16, commands: &[u8]) {
    let mut child = Command::new(redis_cli)
        .args(["-h", "127.0.0.1", "-p", &port.to_string(), "--pipe"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start redis-cli");
    let mut stdin = child.stdin.take().expect("redis-cli stdin");
    let data = commands.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let output = child.wait_with_output().expect("redis-cli --pipe");
    writer
        .join()
        .expect("the writer thread")
        .expect("write the commands to redis-cli");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("errors: 0,"),
        "redis-cli --pipe reported errors:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A fresh, empty directory for one test's files.
pub fn temp_dir(prefix: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("embedis-{prefix}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Exclusive use of the shared server for one test.
pub struct Lease {
    server: Arc<RedisServer>,
    _guard: MutexGuard<'static, ()>,
}

impl Lease {
    /// The server's port.
    pub fn port(&self) -> u16 {
        self.server.port
    }

    /// A new raw connection to the server.
    pub fn client(&self) -> RespClient {
        RespClient::connect(self.server.port).expect("connect to redis-server")
    }

    /// Removes every key on the server.
    pub fn flushall(&self) {
        let reply = self
            .client()
            .call(&[b"FLUSHALL".to_vec()])
            .expect("FLUSHALL");
        assert_eq!(reply, b"+OK\r\n", "FLUSHALL failed");
    }

    /// Puts the shared server back in its initial state: keyspace notifications off, no
    /// keys, and no pub/sub subscription left by a connection of an earlier test (redis-server
    /// notices a closed client only on its next event-loop turn, so this waits for it).
    pub fn reset(&self) {
        let mut client = self.client();
        let mut call = |line: &str| {
            client
                .call(&words(line))
                .unwrap_or_else(|e| panic!("{line}: {e}"))
        };
        let reply = call("CONFIG SET notify-keyspace-events \"\"");
        assert_eq!(
            reply, b"+OK\r\n",
            "CONFIG SET notify-keyspace-events failed"
        );
        let reply = call("FLUSHALL");
        assert_eq!(reply, b"+OK\r\n", "FLUSHALL failed");
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        loop {
            let quiet = call("PUBSUB NUMPAT") == b":0\r\n"
                && call("PUBSUB CHANNELS") == b"*0\r\n"
                && call("PUBSUB SHARDCHANNELS") == b"*0\r\n";
            if quiet {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "redis-server still has subscriptions from an earlier test"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// An empty keyspace on both sides: the server [`reset`](Lease::reset), and a new engine.
    pub fn fresh_pair(&self) -> Pair {
        self.reset();
        Pair::new(self)
    }
}

/// Takes the shared server for the calling test, starting it if needed. `None` means the
/// test must return at once: redis-server is not installed (and this is not CI).
pub fn lease() -> Option<Lease> {
    static LOCK: Mutex<()> = Mutex::new(());
    static SERVER: Mutex<Weak<RedisServer>> = Mutex::new(Weak::new());
    static BINARY: OnceLock<Option<PathBuf>> = OnceLock::new();
    static WARN: Once = Once::new();

    let external = std::env::var("EMBEDIS_REDIS_PORT")
        .ok()
        .and_then(|port| port.parse::<u16>().ok());
    let Some(binary) = BINARY.get_or_init(find_redis_server) else {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("redis-server not found on PATH, and CI=true: differential tests cannot run");
        }
        WARN.call_once(|| {
            // Straight to the process's stderr: libtest captures `eprintln!` of passing tests.
            let banner = "\n\
                ==================================================================\n\
                SKIPPED: redis-server not found; differential tests did not run\n\
                (install redis-server 7.0, e.g. `apt-get install redis-server`)\n\
                ==================================================================\n\n";
            let _ = io::stderr().lock().write_all(banner.as_bytes());
        });
        return None;
    };
    // Take a reference to the server before waiting for the lock: while tests queue up,
    // the server stays alive, and it is stopped only when no test needs it any more.
    let server = {
        let mut slot = SERVER.lock().unwrap_or_else(|e| e.into_inner());
        match slot.upgrade() {
            Some(server) => server,
            None => {
                let server = Arc::new(match external {
                    Some(port) => RedisServer::external(port),
                    None => RedisServer::start(binary),
                });
                *slot = Arc::downgrade(&server);
                server
            }
        }
    };
    let guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    Some(Lease {
        server,
        _guard: guard,
    })
}

/// A minimal RESP client: sends commands as arrays of bulk strings and reads back one whole
/// reply frame as its raw bytes.
pub struct RespClient {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl RespClient {
    /// Connects to 127.0.0.1:`port`.
    pub fn connect(port: u16) -> io::Result<RespClient> {
        let stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port))?;
        stream.set_read_timeout(Some(READ_TIMEOUT))?;
        stream.set_nodelay(true)?;
        Ok(RespClient {
            reader: BufReader::new(stream.try_clone()?),
            writer: stream,
        })
    }

    /// Sends one command without reading its reply.
    pub fn send(&mut self, argv: &[Vec<u8>]) -> io::Result<()> {
        let mut out = format!("*{}\r\n", argv.len()).into_bytes();
        for arg in argv {
            out.extend_from_slice(format!("${}\r\n", arg.len()).as_bytes());
            out.extend_from_slice(arg);
            out.extend_from_slice(b"\r\n");
        }
        self.writer.write_all(&out)
    }

    /// Sends one command and reads its reply.
    pub fn call(&mut self, argv: &[Vec<u8>]) -> io::Result<Vec<u8>> {
        self.send(argv)?;
        self.read_frame()
    }

    /// Reads exactly one reply frame (an attribute frame is returned together with the
    /// reply it annotates). `UnexpectedEof` if the server closed the connection.
    pub fn read_frame(&mut self) -> io::Result<Vec<u8>> {
        let mut frame = Vec::new();
        self.read_into(&mut frame)?;
        Ok(frame)
    }

    /// Reads every frame that arrives until the connection has been silent for `quiet`
    /// (a frame that has started arriving is always read to its end). A connection the
    /// server closed ends the list with [`CLOSED`].
    pub fn read_until_quiet(&mut self, quiet: Duration) -> io::Result<Vec<Vec<u8>>> {
        let mut pending = self.reader.buffer().to_vec();
        self.reader.consume(pending.len());
        let mut frames = Vec::new();
        let result = self.read_frames_into(&mut pending, &mut frames, quiet);
        self.reader.get_ref().set_read_timeout(Some(READ_TIMEOUT))?;
        result?;
        Ok(frames)
    }

    fn read_frames_into(
        &mut self,
        pending: &mut Vec<u8>,
        frames: &mut Vec<Vec<u8>>,
        quiet: Duration,
    ) -> io::Result<()> {
        let mut chunk = [0u8; 16 * 1024];
        loop {
            while let Some(end) = frame_len(pending) {
                frames.push(pending.drain(..end).collect());
            }
            // Mid-frame, the rest is coming: wait for it as long as for any reply.
            let timeout = if pending.is_empty() {
                quiet
            } else {
                READ_TIMEOUT
            };
            self.reader.get_ref().set_read_timeout(Some(timeout))?;
            match self.reader.get_mut().read(&mut chunk) {
                Ok(0) => {
                    frames.push(CLOSED.to_vec());
                    return Ok(());
                }
                Ok(n) => pending.extend_from_slice(&chunk[..n]),
                Err(e) if is_closed(&e) => {
                    frames.push(CLOSED.to_vec());
                    return Ok(());
                }
                Err(e)
                    if pending.is_empty()
                        && matches!(
                            e.kind(),
                            io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                        ) =>
                {
                    return Ok(())
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    fn read_line(&mut self, frame: &mut Vec<u8>) -> io::Result<Vec<u8>> {
        let start = frame.len();
        let read = self.reader.read_until(b'\n', frame)?;
        if read == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "closed"));
        }
        if !frame.ends_with(b"\r\n") {
            return Err(bad_frame(&frame[start..]));
        }
        Ok(frame[start + 1..frame.len() - 2].to_vec())
    }

    fn read_into(&mut self, frame: &mut Vec<u8>) -> io::Result<()> {
        let start = frame.len();
        let header = self.read_line(frame)?;
        let length = || -> io::Result<i64> {
            std::str::from_utf8(&header)
                .ok()
                .and_then(|text| text.parse().ok())
                .ok_or_else(|| bad_frame(&header))
        };
        match frame[start] {
            // Simple types: the line is the whole frame.
            b'+' | b'-' | b':' | b'_' | b',' | b'#' | b'(' => Ok(()),
            // Blob string, verbatim string, blob error: a length, then the payload.
            b'$' | b'=' | b'!' => {
                let len = length()?;
                if len < 0 {
                    return Ok(());
                }
                let mut payload = vec![0; len as usize + 2];
                self.reader.read_exact(&mut payload)?;
                if !payload.ends_with(b"\r\n") {
                    return Err(bad_frame(&payload));
                }
                frame.extend_from_slice(&payload);
                Ok(())
            }
            // Array, set, push: a count of frames.
            b'*' | b'~' | b'>' => {
                for _ in 0..length()?.max(0) {
                    self.read_into(frame)?;
                }
                Ok(())
            }
            // Map: a count of key/value pairs.
            b'%' => {
                for _ in 0..length()?.max(0) * 2 {
                    self.read_into(frame)?;
                }
                Ok(())
            }
            // Attribute: a map, then the reply it describes.
            b'|' => {
                for _ in 0..length()?.max(0) * 2 {
                    self.read_into(frame)?;
                }
                self.read_into(frame)
            }
            _ => Err(bad_frame(&frame[start..])),
        }
    }
}

fn bad_frame(bytes: &[u8]) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("bad RESP frame: {}", escape(bytes)),
    )
}

/// What both sides show once a connection is closed (after QUIT): not RESP, so it can
/// never equal a real reply.
pub const CLOSED: &[u8] = b"<connection closed>";

/// The same command stream to redis-server and to embedis, over any number of connections.
pub struct Pair {
    port: u16,
    /// Dropped after the connections (fields drop in order).
    redis: Vec<RespClient>,
    embedis: Vec<Connection>,
    engine: Engine,
    /// Where the engine's SAVE and BGSAVE write (redis-server writes its `dump.rdb`);
    /// removed with the pair.
    snapshot: PathBuf,
}

/// Numbers the snapshot files of the pairs of one test binary.
static NEXT_SNAPSHOT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl Pair {
    fn new(lease: &Lease) -> Pair {
        let snapshot = std::env::temp_dir().join(format!(
            "embedis-pair-{}-{}.rdb",
            std::process::id(),
            NEXT_SNAPSHOT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        let _ = std::fs::remove_file(&snapshot);
        let engine = Engine::builder().snapshot_file(&snapshot).build();
        Pair {
            port: lease.port(),
            redis: vec![lease.client()],
            embedis: vec![engine.connect()],
            engine,
            snapshot,
        }
    }

    /// Sends `argv` on connection `conn` (opened on first use) of both sides; returns
    /// (redis-server's bytes, embedis's bytes).
    pub fn call(&mut self, conn: usize, argv: &[Vec<u8>]) -> (Vec<u8>, Vec<u8>) {
        let expected = self.call_redis(conn, argv);
        let actual = self.call_embedis(conn, argv);
        (expected, actual)
    }

    /// Sends `argv` to redis-server only; returns its reply bytes.
    pub fn call_redis(&mut self, conn: usize, argv: &[Vec<u8>]) -> Vec<u8> {
        self.open(conn);
        match self.redis[conn].call(argv) {
            Ok(frame) => frame,
            Err(e) if is_closed(&e) => CLOSED.to_vec(),
            Err(e) => panic!("redis-server I/O error on {}: {e}", show_argv(argv)),
        }
    }

    /// Sends `argv` to embedis only; returns the bytes its reply encodes to in the
    /// protocol the connection speaks after the command.
    pub fn call_embedis(&mut self, conn: usize, argv: &[Vec<u8>]) -> Vec<u8> {
        self.open(conn);
        let connection = &mut self.embedis[conn];
        match connection.call(argv.iter().cloned()) {
            Ok(reply) => reply.to_resp(connection.protocol()),
            Err(Error::Closed) => CLOSED.to_vec(),
            Err(e) => format!("<embedis handle error: {e}>").into_bytes(),
        }
    }

    /// Returns once both sides have run what was sent so far on any connection: a PING on
    /// a fresh connection of each, answered after the commands that arrived before it (the
    /// executor runs them in arrival order, and so does redis-server's event loop). For
    /// timing-sensitive steps, so a sleep starts after the command ran, not after it was sent.
    pub fn settle(&mut self) {
        let ping = [b"PING".to_vec()];
        let mut redis = RespClient::connect(self.port).expect("redis-server connection");
        let _ = redis.call(&ping);
        let _ = self.engine.connect().call(ping.iter().cloned());
    }

    /// Sends `argv` on connection `conn` of both sides without reading anything. A side
    /// whose connection is closed shows it when read ([`CLOSED`]).
    pub fn send(&mut self, conn: usize, argv: &[Vec<u8>]) {
        self.send_each(conn, argv, argv);
    }

    /// [`Pair::send`] with a command line for each side (one naming a connection by its
    /// id, which differs between the sides).
    pub fn send_each(&mut self, conn: usize, redis: &[Vec<u8>], embedis: &[Vec<u8>]) {
        self.open(conn);
        if let Err(e) = self.redis[conn].send(redis) {
            assert!(
                is_closed(&e),
                "redis-server I/O error on {}: {e}",
                show_argv(redis)
            );
        }
        // `Err(Closed)`: the connection is gone, and reading it says so.
        let _ = self.embedis[conn].send(embedis.iter().cloned());
    }

    /// Reads the next frame of connection `conn` on each side, waiting up to the usual
    /// reply timeout: (redis-server's, embedis's). [`CLOSED`] for a closed connection,
    /// [`NO_FRAME`] when nothing came.
    pub fn read_one(&mut self, conn: usize) -> (Vec<u8>, Vec<u8>) {
        self.open(conn);
        let expected = match self.redis[conn].read_frame() {
            Ok(frame) => frame,
            Err(e) if is_closed(&e) => CLOSED.to_vec(),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                NO_FRAME.to_vec()
            }
            Err(e) => panic!("redis-server I/O error: {e}"),
        };
        let connection = &mut self.embedis[conn];
        let actual = match connection.recv_timeout(READ_TIMEOUT) {
            Ok(Some(reply)) => reply.to_resp(connection.protocol()),
            Ok(None) => NO_FRAME.to_vec(),
            Err(Error::Closed) => CLOSED.to_vec(),
            Err(e) => format!("<embedis handle error: {e}>").into_bytes(),
        };
        (expected, actual)
    }

    /// Every frame that arrives on each of `conns`, on both sides at once, until each
    /// connection has been silent for `quiet`: for each connection, (redis-server's frames,
    /// embedis's frames). embedis's frames are encoded in the protocol the connection
    /// speaks when they are read (so read a connection's frames before switching its
    /// protocol with HELLO or RESET).
    pub fn read_all(&mut self, conns: &[usize], quiet: Duration) -> Vec<(Frames, Frames)> {
        for &conn in conns {
            self.open(conn);
        }
        let mut redis: Vec<Option<&mut RespClient>> = self.redis.iter_mut().map(Some).collect();
        let mut embedis: Vec<Option<&mut Connection>> = self.embedis.iter_mut().map(Some).collect();
        let mut jobs = Vec::new();
        for &conn in conns {
            let client = redis[conn].take().expect("each connection read once");
            let connection = embedis[conn].take().expect("each connection read once");
            jobs.push((client, connection));
        }
        std::thread::scope(|scope| {
            let handles: Vec<_> = jobs
                .into_iter()
                .map(|(client, connection)| {
                    let redis = scope.spawn(move || match client.read_until_quiet(quiet) {
                        Ok(frames) => frames,
                        Err(e) => panic!("redis-server I/O error: {e}"),
                    });
                    let embedis = scope.spawn(move || embedis_until_quiet(connection, quiet));
                    (redis, embedis)
                })
                .collect();
            handles
                .into_iter()
                .map(|(redis, embedis)| {
                    (
                        redis.join().expect("redis-server reader panicked"),
                        embedis.join().expect("embedis reader panicked"),
                    )
                })
                .collect()
        })
    }

    /// The frames of connection `conn` on each side up to and including the first one for
    /// which `last` holds (the reply to a command sent to mark the end, such as a PING with
    /// a unique message), or up to the connection's end ([`CLOSED`]) or `timeout` without a
    /// frame ([`NO_FRAME`]): (redis-server's frames, embedis's frames). Unlike
    /// [`Pair::read_all`] it does not wait for a quiet period, so it suits tests that read
    /// after every step.
    pub fn read_through(
        &mut self,
        conn: usize,
        last: impl Fn(&[u8]) -> bool,
        timeout: Duration,
    ) -> (Frames, Frames) {
        self.open(conn);
        let client = &mut self.redis[conn];
        let mut expected = Vec::new();
        let _ = client.reader.get_ref().set_read_timeout(Some(timeout));
        loop {
            match client.read_frame() {
                Ok(frame) => {
                    let done = last(&frame);
                    expected.push(frame);
                    if done {
                        break;
                    }
                }
                Err(e) if is_closed(&e) => {
                    expected.push(CLOSED.to_vec());
                    break;
                }
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) =>
                {
                    expected.push(NO_FRAME.to_vec());
                    break;
                }
                Err(e) => panic!("redis-server I/O error: {e}"),
            }
        }
        let _ = client.reader.get_ref().set_read_timeout(Some(READ_TIMEOUT));
        let connection = &mut self.embedis[conn];
        let mut actual = Vec::new();
        loop {
            match connection.recv_timeout(timeout) {
                Ok(Some(reply)) => {
                    let frame = reply.to_resp(connection.protocol());
                    let done = last(&frame);
                    actual.push(frame);
                    if done {
                        break;
                    }
                }
                Ok(None) => {
                    actual.push(NO_FRAME.to_vec());
                    break;
                }
                Err(Error::Closed) => {
                    actual.push(CLOSED.to_vec());
                    break;
                }
                Err(e) => {
                    actual.push(format!("<embedis handle error: {e}>").into_bytes());
                    break;
                }
            }
        }
        (expected, actual)
    }

    /// How many connections the test has opened (on each side).
    pub fn connections(&self) -> usize {
        self.redis.len()
    }

    fn open(&mut self, conn: usize) {
        while self.redis.len() <= conn {
            self.redis
                .push(RespClient::connect(self.port).expect("connect to redis-server"));
            self.embedis.push(self.engine.connect());
        }
    }
}

/// The frames one side sent on one connection, each as its raw RESP bytes.
pub type Frames = Vec<Vec<u8>>;

/// What a side shows when a frame was expected and none came within the reply timeout.
pub const NO_FRAME: &[u8] = b"<no frame>";

/// embedis's side of [`Pair::read_all`]: pub/sub messages come as `Reply::Push` frames.
fn embedis_until_quiet(connection: &mut Connection, quiet: Duration) -> Frames {
    let mut frames = Vec::new();
    loop {
        match connection.recv_timeout(quiet) {
            Ok(Some(reply)) => frames.push(reply.to_resp(connection.protocol())),
            Ok(None) => return frames,
            Err(Error::Closed) => {
                frames.push(CLOSED.to_vec());
                return frames;
            }
            Err(e) => {
                frames.push(format!("<embedis handle error: {e}>").into_bytes());
                return frames;
            }
        }
    }
}

fn is_closed(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::UnexpectedEof
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::ConnectionAborted
    )
}

/// Bytes as a readable string: printable ASCII as is, `\r`, `\n`, `\xNN` otherwise.
/// Replays `lines` on a fresh pair (after `HELLO 3` when `resp3`; lines starting with `@1`
/// on a second connection, which speaks RESP2), comparing each reply
/// with `same` (an error says how they differ); the error names the first divergence,
/// with the script up to it and both replies. The heart of the property tests.
pub fn replay(
    lease: &Lease,
    resp3: bool,
    lines: &[Vec<Vec<u8>>],
    same: impl Fn(&[u8], &[u8]) -> Result<(), String>,
) -> Result<(), String> {
    let mut pair = lease.fresh_pair();
    let protocol = if resp3 { "RESP3" } else { "RESP2" };
    if resp3 {
        let hello = vec![b"HELLO".to_vec(), b"3".to_vec()];
        let (expected, actual) = pair.call(0, &hello);
        if mask_hello(&expected) != mask_hello(&actual) {
            return Err(format!(
                "HELLO 3 differs:\n  redis-server: \"{}\"\n  embedis:      \"{}\"",
                escape(&expected),
                escape(&actual)
            ));
        }
    }
    for (index, line) in lines.iter().enumerate() {
        // A line that starts with `@1` goes to a second connection.
        let (conn, argv) = match line.split_first() {
            Some((first, rest)) if first.as_slice() == b"@1" => (1, rest),
            _ => (0, line.as_slice()),
        };
        let (expected, actual) = pair.call(conn, argv);
        if let Err(why) = same(&expected, &actual) {
            let script: Vec<String> = lines[..=index].iter().map(|l| show_argv(l)).collect();
            return Err(format!(
                "divergence at command {index} ({protocol}){why}, script:\n  {}\n  redis-server: \"{}\"\n  embedis:      \"{}\"",
                script.join("\n  "),
                escape(&expected),
                escape(&actual)
            ));
        }
    }
    Ok(())
}

/// A differential property test: `cases` random scripts from `scripts`, each run in RESP2
/// or RESP3 (chosen at random) by `run` on the shared server and a fresh engine. A
/// divergence panics with proptest's minimal script and both replies. Skipped (returns)
/// when there is no server, as [`lease`] decides.
pub fn check_sequences<S>(
    cases: u32,
    max_shrink_ms: u32,
    scripts: S,
    run: impl Fn(&Lease, bool, &S::Value) -> Result<(), String>,
) where
    S: proptest::strategy::Strategy,
    S::Value: std::fmt::Debug,
{
    use proptest::prelude::any;
    use proptest::test_runner::{Config, TestCaseError, TestRunner};

    let Some(lease) = lease() else { return };
    let mut config = Config::with_cases(cases);
    config.failure_persistence = None;
    config.max_shrink_time = max_shrink_ms;
    let mut runner = TestRunner::new(config);
    let result = runner.run(&(any::<bool>(), scripts), |(resp3, script)| {
        run(&lease, resp3, &script).map_err(TestCaseError::fail)
    });
    if let Err(error) = result {
        panic!("{error}");
    }
}

/// Writes a generated script one command per line, for the `Debug` of a property test's
/// input (what proptest prints as the minimal failing input).
pub fn fmt_script(f: &mut std::fmt::Formatter<'_>, lines: &[Vec<Vec<u8>>]) -> std::fmt::Result {
    f.write_str("[\n")?;
    for line in lines {
        writeln!(f, "    {}", show_argv(line))?;
    }
    f.write_str("]")
}

/// Byte-for-byte equality, for [`replay`].
pub fn identical(expected: &[u8], actual: &[u8]) -> Result<(), String> {
    if expected == actual {
        Ok(())
    } else {
        Err(String::new())
    }
}

pub fn escape(bytes: &[u8]) -> String {
    bytes
        .iter()
        .flat_map(|&b| std::ascii::escape_default(b))
        .map(char::from)
        .collect()
}

/// A command line for messages: arguments escaped, separated by spaces.
pub fn show_argv(argv: &[Vec<u8>]) -> String {
    argv.iter()
        .map(|arg| {
            if arg.is_empty() || arg.contains(&b' ') {
                format!("\"{}\"", escape(arg))
            } else {
                escape(arg)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How long a connection must stay silent before a quiet read stops reading it
/// (`EMBEDIS_QUIET_MS` overrides the default of 30 ms, for slow machines).
pub fn quiet() -> Duration {
    let millis = std::env::var("EMBEDIS_QUIET_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .unwrap_or(30);
    Duration::from_millis(millis)
}

/// Frames for a report: each quoted and escaped, `(nothing)` for none.
pub fn show_frames(frames: &[Vec<u8>]) -> String {
    if frames.is_empty() {
        return "(nothing)".to_string();
    }
    frames
        .iter()
        .map(|frame| format!("\"{}\"", escape(frame)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Splits a command line into arguments: words separated by spaces; `"..."` quotes a word
/// (so `""` is an empty argument) and inside quotes `\"`, `\\`, `\r`, `\n`, `\t`, `\xHH`
/// are escapes. Anywhere, `{c*N}` stands for the character `c` repeated N times.
pub fn words(line: &str) -> Vec<Vec<u8>> {
    split_words(&expand_repeats(line))
}

/// Replaces each `{c*N}` by `c` repeated N times.
fn expand_repeats(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let parsed = after.find('}').and_then(|close| {
            let inner = &after[..close];
            let mut chars = inner.chars();
            let c = chars.next()?;
            let count: usize = chars.as_str().strip_prefix('*')?.parse().ok()?;
            Some((c, count, close))
        });
        match parsed {
            Some((c, count, close)) => {
                out.extend(std::iter::repeat_n(c, count));
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn split_words(line: &str) -> Vec<Vec<u8>> {
    let bytes = line.as_bytes();
    let mut argv = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let mut word = Vec::new();
        if bytes[i] == b'"' {
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                if bytes[i] == b'\\' && i + 1 < bytes.len() {
                    i += 1;
                    match bytes[i] {
                        b'r' => word.push(b'\r'),
                        b'n' => word.push(b'\n'),
                        b't' => word.push(b'\t'),
                        b'x' if i + 2 < bytes.len() => {
                            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                            word.push(u8::from_str_radix(hex, 16).expect("bad \\x escape"));
                            i += 2;
                        }
                        other => word.push(other),
                    }
                } else {
                    word.push(bytes[i]);
                }
                i += 1;
            }
            assert!(i < bytes.len(), "unterminated quote in {line:?}");
            i += 1;
        } else {
            while i < bytes.len() && bytes[i] != b' ' {
                word.push(bytes[i]);
                i += 1;
            }
        }
        argv.push(word);
    }
    argv
}

// RESP frame helpers for comparing replies.

/// Where the RESP frame at the start of `bytes` ends.
pub fn frame_end(bytes: &[u8]) -> usize {
    frame_len(bytes).expect("a complete RESP frame")
}

/// Where the RESP frame at the start of `bytes` ends, or `None` if `bytes` does not hold
/// a whole frame yet (or is not RESP).
pub fn frame_len(bytes: &[u8]) -> Option<usize> {
    let line_end = bytes.windows(2).position(|w| w == b"\r\n")?;
    let count = || -> Option<i64> {
        std::str::from_utf8(bytes.get(1..line_end)?)
            .ok()?
            .parse()
            .ok()
    };
    let mut at = line_end + 2;
    match bytes[0] {
        b'$' | b'=' | b'!' => {
            let len = count()?;
            if len >= 0 {
                at += len as usize + 2;
                if bytes.len() < at {
                    return None;
                }
            }
        }
        b'*' | b'~' | b'>' | b'%' | b'|' => {
            let items = count()?.max(0)
                * if matches!(bytes[0], b'%' | b'|') {
                    2
                } else {
                    1
                };
            for _ in 0..items {
                at += frame_len(bytes.get(at..)?)?;
            }
        }
        _ => {}
    }
    Some(at)
}

/// A bulk string's payload, and the rest of the bytes after it.
pub fn bulk(frame: &[u8]) -> Option<(&[u8], &[u8])> {
    let rest = frame.strip_prefix(b"$")?;
    let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
    let len: usize = std::str::from_utf8(&rest[..line_end]).ok()?.parse().ok()?;
    let payload = rest.get(line_end + 2..line_end + 2 + len)?;
    let after = rest.get(line_end + 4 + len..)?;
    Some((payload, after))
}

/// INFO persistence's `rdb_changes_since_last_save` (the change count `save` points test)
/// on connection `conn` of both sides: redis-server's, then embedis's.
pub fn changes_since_save(pair: &mut Pair, conn: usize) -> (Option<u64>, Option<u64>) {
    let info = vec![b"INFO".to_vec(), b"persistence".to_vec()];
    let (expected, actual) = pair.call(conn, &info);
    let field = |frame: &[u8]| {
        String::from_utf8_lossy(frame)
            .lines()
            .find_map(|line| line.strip_prefix("rdb_changes_since_last_save:"))
            .and_then(|value| value.trim().parse().ok())
    };
    (field(&expected), field(&actual))
}

/// A SLOWLOG GET reply with what each server decides itself masked: each entry's id (a
/// server-wide count), time, duration and client address; the command words and the
/// client name are compared. `None` if it is not a list of six-element entries.
pub fn mask_slow_log(reply: &[u8]) -> Option<Vec<plain::V>> {
    let (plain::V::Arr(entries), _) = plain::V::parse(reply) else {
        return None;
    };
    entries
        .into_iter()
        .map(|entry| match entry {
            plain::V::Arr(mut fields) if fields.len() == 6 => {
                for at in [0, 1, 2, 4] {
                    fields[at] = plain::V::Nil;
                }
                Some(plain::V::Arr(fields))
            }
            _ => None,
        })
        .collect()
}

/// A HELLO reply with the connection id replaced by `<id>` and the version cut to
/// major.minor (so a Debian patch release of redis-server does not fail the suite).
pub fn mask_hello(frame: &[u8]) -> Vec<u8> {
    let mut out = frame.to_vec();
    if let Some(at) = find(&out, b"$2\r\nid\r\n:") {
        let start = at + b"$2\r\nid\r\n:".len();
        if let Some(len) = find(&out[start..], b"\r\n") {
            out.splice(start..start + len, b"<id>".iter().copied());
        }
    }
    if let Some(at) = find(&out, b"$7\r\nversion\r\n") {
        let start = at + b"$7\r\nversion\r\n".len();
        if let Some((version, _)) = bulk(&out[start..]) {
            let text = String::from_utf8_lossy(version).into_owned();
            let minor: String = text.split('.').take(2).collect::<Vec<_>>().join(".");
            let end = start + frame_end(&out[start..]);
            let masked = format!("$<version {minor}>\r\n");
            out.splice(start..end, masked.bytes());
        }
    }
    out
}

/// The frame with the value of every integer (`:n`, at any depth) replaced by `<int>`. Bytes
/// from the first frame it cannot measure on are kept as they are.
pub fn mask_integers(frame: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < frame.len() {
        let Some(len) = frame_len(&frame[at..]) else {
            out.extend_from_slice(&frame[at..]);
            break;
        };
        let end = at + len;
        if frame[at] == b':' {
            out.extend_from_slice(b":<int>\r\n");
        } else if matches!(frame[at], b'*' | b'~' | b'>' | b'%') {
            let header_end = at + find(&frame[at..], b"\r\n").unwrap_or(0) + 2;
            out.extend_from_slice(&frame[at..header_end]);
            out.extend(mask_integers(&frame[header_end..end]));
        } else {
            out.extend_from_slice(&frame[at..end]);
        }
        at = end;
    }
    out
}

/// The header and the elements of an aggregate frame (array, set or push), in order.
pub fn elements(frame: &[u8]) -> Option<(Vec<u8>, Vec<Vec<u8>>)> {
    if !matches!(frame.first(), Some(b'*' | b'~' | b'>')) {
        return None;
    }
    let header_end = find(frame, b"\r\n")? + 2;
    let mut items = Vec::new();
    let mut at = header_end;
    while at < frame.len() {
        let end = at + frame_end(&frame[at..]);
        items.push(frame[at..end].to_vec());
        at = end;
    }
    Some((frame[..header_end].to_vec(), items))
}

/// Where `needle` first occurs in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

impl Drop for Pair {
    fn drop(&mut self) {
        // A BGSAVE may still be writing: the engine's shutdown waits for it.
        self.embedis.clear();
        self.engine.shutdown();
        let _ = std::fs::remove_file(&self.snapshot);
    }
}
