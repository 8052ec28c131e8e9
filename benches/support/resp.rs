//! A minimal RESP2 client over `std::net::TcpStream`, and a redis-server child process that
//! the bench starts on a free loopback port and kills by pid when dropped.
//!
//! Only 127.0.0.1 is ever contacted, and only on the port of the child started here (its
//! `INFO server` pid is checked before any benchmark uses it).

use std::io::{self, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const LOOPBACK: Ipv4Addr = Ipv4Addr::LOCALHOST;
const DEFAULT_BINARY: &str = "/usr/bin/redis-server";

/// The RESP2 encoding of one command line (an array of bulk strings).
pub fn encode(argv: &[&str]) -> Vec<u8> {
    let mut out = format!("*{}\r\n", argv.len()).into_bytes();
    for arg in argv {
        out.extend_from_slice(format!("${}\r\n", arg.len()).as_bytes());
        out.extend_from_slice(arg.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// A reply, as far as these benches need one. Error replies panic where they are read.
#[derive(Debug, PartialEq, Eq)]
pub enum RespReply {
    Status,
    Integer(i64),
    Bulk(Vec<u8>),
    Nil,
    /// An array header with its element count; the elements are the next replies read.
    Array(i64),
}

/// The reply type a benchmark expects for every command it sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RespKind {
    Status,
    Integer,
}

/// A blocking RESP2 connection with its own read buffer.
pub struct RespClient {
    stream: TcpStream,
    buf: Vec<u8>,
    /// Unread bytes are `buf[start..end]`.
    start: usize,
    end: usize,
}

impl RespClient {
    /// Connects to 127.0.0.1:`port` with TCP_NODELAY (and timeouts, so nothing hangs).
    pub fn connect(port: u16) -> io::Result<RespClient> {
        let addr = SocketAddr::from((LOOPBACK, port));
        let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2))?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        stream.set_write_timeout(Some(Duration::from_secs(30)))?;
        Ok(RespClient {
            stream,
            buf: vec![0; 64 * 1024],
            start: 0,
            end: 0,
        })
    }

    /// Writes already-encoded commands (one or a whole pipeline).
    pub fn send(&mut self, bytes: &[u8]) {
        self.stream.write_all(bytes).expect("write to redis-server");
    }

    /// Reads `n` replies, each of type `kind`; returns the last integer (0 for statuses).
    pub fn expect(&mut self, n: usize, kind: RespKind) -> i64 {
        let mut last = 0;
        for _ in 0..n {
            match (self.reply(), kind) {
                (RespReply::Status, RespKind::Status) => {}
                (RespReply::Integer(value), RespKind::Integer) => last = value,
                (other, _) => panic!("expected a {kind:?} reply, got {other:?}"),
            }
        }
        last
    }

    /// Reads one reply (simple string, integer, bulk string or nil). For an array, only its
    /// header is read: its elements are the next replies.
    pub fn reply(&mut self) -> RespReply {
        let (from, to) = self.line();
        let body = &self.buf[from + 1..to];
        match self.buf[from] {
            b'+' => RespReply::Status,
            b':' => RespReply::Integer(parse_int(body)),
            b'*' => RespReply::Array(parse_int(body)),
            b'-' => panic!(
                "redis-server replied with an error: {}",
                String::from_utf8_lossy(body)
            ),
            b'$' => {
                let Ok(len) = usize::try_from(parse_int(body)) else {
                    return RespReply::Nil;
                };
                while self.end - self.start < len + 2 {
                    self.fill();
                }
                let data = self.buf[self.start..self.start + len].to_vec();
                self.start += len + 2;
                RespReply::Bulk(data)
            }
            other => panic!("unexpected RESP type byte {:?}", char::from(other)),
        }
    }

    /// The next CRLF-terminated line as `buf[from..to]` (without the CRLF), consumed.
    fn line(&mut self) -> (usize, usize) {
        let mut scanned = 0; // bytes after `start` already known to hold no '\n'
        loop {
            let unread = &self.buf[self.start + scanned..self.end];
            if let Some(i) = unread.iter().position(|&b| b == b'\n') {
                let newline = self.start + scanned + i;
                assert!(
                    newline > self.start && self.buf[newline - 1] == b'\r',
                    "malformed RESP line"
                );
                let line = (self.start, newline - 1);
                self.start = newline + 1;
                return line;
            }
            scanned = self.end - self.start;
            self.fill();
        }
    }

    /// Reads more bytes after the unread ones, making room first if needed.
    fn fill(&mut self) {
        if self.start == self.end {
            self.start = 0;
            self.end = 0;
        } else if self.end == self.buf.len() {
            if self.start > 0 {
                self.buf.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.start = 0;
            } else {
                let grown = self.buf.len() * 2;
                self.buf.resize(grown, 0);
            }
        }
        let n = self
            .stream
            .read(&mut self.buf[self.end..])
            .expect("read from redis-server");
        assert!(n > 0, "redis-server closed the connection");
        self.end += n;
    }
}

fn parse_int(text: &[u8]) -> i64 {
    std::str::from_utf8(text)
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or_else(|| panic!("bad RESP integer {:?}", String::from_utf8_lossy(text)))
}

/// Servers started by this process, so each gets its own directory.
static SERVERS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// A redis-server child on 127.0.0.1 and a free port, with persistence off, in a private
/// empty directory. Dropping it kills the child by pid and reaps it.
pub struct RedisServer {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl RedisServer {
    /// Starts the server, or says why it cannot (binary absent, failed start).
    pub fn start() -> Result<RedisServer, String> {
        RedisServer::start_with(&[])
    }

    /// Starts the server with extra configuration (`["--appendonly", "yes"]`), given after
    /// the defaults so it overrides them.
    pub fn start_with(extra: &[&str]) -> Result<RedisServer, String> {
        let binary = find_binary().ok_or_else(|| {
            format!(
                "redis-server not found (looked at $EMBEDIS_BENCH_REDIS_SERVER, \
                 {DEFAULT_BINARY} and on PATH)"
            )
        })?;
        let mut last_error = String::new();
        // A port found free can be taken before the child binds it: try a few.
        for attempt in 0..3 {
            let port = free_port().map_err(|e| format!("no free loopback port: {e}"))?;
            match RedisServer::spawn(&binary, port, attempt, extra) {
                Ok(server) => return Ok(server),
                Err(error) => last_error = error,
            }
        }
        Err(format!("redis-server failed to start: {last_error}"))
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    fn spawn(
        binary: &Path,
        port: u16,
        attempt: u32,
        extra: &[&str],
    ) -> Result<RedisServer, String> {
        let dir = std::env::temp_dir().join(format!(
            "embedis-bench-redis-{}-{}-{attempt}",
            std::process::id(),
            SERVERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).map_err(|e| format!("create {}: {e}", dir.display()))?;
        let port_arg = port.to_string();
        let dir_arg = dir.to_string_lossy().into_owned();
        let child = Command::new(binary)
            .args(["--port", &port_arg, "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no", "--dir", &dir_arg])
            .args(extra)
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("spawn {}: {e}", binary.display()))?;
        // From here on, every early return drops `server`, which kills the child.
        let mut server = RedisServer { child, port, dir };
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(format!("it exited at startup on port {port} ({status})"));
            }
            match RespClient::connect(port) {
                Ok(mut client) => {
                    // Make sure whoever answers on this port is our child.
                    client.send(&encode(&["INFO", "server"]));
                    let RespReply::Bulk(info) = client.reply() else {
                        return Err("INFO server did not reply with a bulk string".into());
                    };
                    let pid: Option<u32> = String::from_utf8_lossy(&info)
                        .lines()
                        .find_map(|line| line.strip_prefix("process_id:")?.trim().parse().ok());
                    return match pid {
                        Some(pid) if pid == server.child.id() => Ok(server),
                        other => Err(format!(
                            "port {port} is served by pid {other:?}, not our child {}",
                            server.child.id()
                        )),
                    };
                }
                Err(_) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(error) => return Err(format!("no answer on 127.0.0.1:{port}: {error}")),
            }
        }
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        // `Child::kill` signals exactly this pid; `wait` reaps it.
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// `$EMBEDIS_BENCH_REDIS_SERVER` if set (a path; a wrong one skips), else the default path,
/// else `redis-server` on `PATH`.
fn find_binary() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("EMBEDIS_BENCH_REDIS_SERVER") {
        let path = PathBuf::from(path);
        return path.is_file().then_some(path);
    }
    let default = PathBuf::from(DEFAULT_BINARY);
    if default.is_file() {
        return Some(default);
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join("redis-server"))
        .find(|path| path.is_file())
}

fn free_port() -> io::Result<u16> {
    let listener = TcpListener::bind((LOOPBACK, 0))?;
    Ok(listener.local_addr()?.port())
}
