#!/usr/bin/env python3
"""Regenerates src/cmd/command_meta.rs: COMMAND INFO's data for every row of
src/cmd/table.rs, captured from a running redis-server 7.0 (the oracle), plus the
commands 7.0 lacks, described by hand below.

Usage: python3 tools/gen_command_meta.py PORT > src/cmd/command_meta.rs
(run from the repository root; `cargo fmt` leaves the table as written). The differential
test tests/differential_command_info.rs checks the result against the server.
"""
import json, re, socket, sys

def command_info(port):
    """COMMAND INFO of every command, as nested Python values (RESP3)."""
    s = socket.create_connection(("127.0.0.1", port))
    f = s.makefile("rb")
    def send(*args):
        out = b"*%d\r\n" % len(args)
        for a in args:
            a = a.encode()
            out += b"$%d\r\n%s\r\n" % (len(a), a)
        s.sendall(out)
    def read():
        line = f.readline()[:-2]
        kind, rest = chr(line[0]), line[1:]
        if kind == "+": return rest.decode()
        if kind == "-": raise SystemExit("redis-server: " + rest.decode())
        if kind == ":": return int(rest)
        if kind == "$":
            n = int(rest)
            return None if n < 0 else f.read(n + 2)[:-2].decode()
        if kind in "*~>":
            n = int(rest)
            return None if n < 0 else [read() for _ in range(n)]
        if kind == "%":
            return {read(): read() for _ in range(int(rest))}
        if kind == "_": return None
        raise SystemExit("unexpected frame " + repr(line))
    send("HELLO", "3"); read()
    send("COMMAND", "INFO")
    return read()

def table_names():
    """Every name in src/cmd/table.rs: rows, containers and subcommands."""
    text = open("src/cmd/table.rs").read()
    return set(re.findall(r'cmd\(\s*"([a-z._|-]+)",\s*-?[0-9]+', text)) | set(re.findall(r'name: "([a-z._|-]+)"', text))

d = command_info(int(sys.argv[1]))
rows = {}
for c in d:
    rows[c[0]] = c
    for s in c[9]:
        rows[s[0]] = s
names = table_names()

def spec(name, flags, first, last, step, cats, tips, specs):
    return [name, None, flags, first, last, step, cats, tips, specs, []]
def ks(flags, begin, find, notes=None):
    k = {'flags': flags, 'begin_search': begin, 'find_keys': find}
    if notes: k['notes'] = notes
    return k
IDX1 = {'type': 'index', 'spec': {'index': 1}}
RANGE0 = {'type': 'range', 'spec': {'lastkey': 0, 'keystep': 1, 'limit': 0}}
# Commands redis-server 7.0 does not have, described as a built-in of their kind would be.
extra = {
  'cl.throttle': spec('cl.throttle', ['write', 'denyoom', 'fast'], 1, 1, 1, ['@write', '@fast'], [], [ks(['RW', 'access', 'update'], IDX1, RANGE0)]),
  'cl.throttle.ms': spec('cl.throttle.ms', ['write', 'denyoom', 'fast'], 1, 1, 1, ['@write', '@fast'], [], [ks(['RW', 'access', 'update'], IDX1, RANGE0)]),
  'increx': spec('increx', ['write', 'denyoom', 'fast'], 1, 1, 1, ['@write', '@string', '@fast'], [], [ks(['RW', 'access', 'update'], IDX1, RANGE0)]),
  'xackdel': spec('xackdel', ['write', 'fast'], 1, 1, 1, ['@write', '@stream', '@fast'], [], [ks(['RW', 'delete'], IDX1, RANGE0)]),
  'xdelex': spec('xdelex', ['write', 'fast'], 1, 1, 1, ['@write', '@stream', '@fast'], [], [ks(['RW', 'delete'], IDX1, RANGE0)]),
  'xnack': spec('xnack', ['write', 'fast'], 1, 1, 1, ['@write', '@stream', '@fast'], [], [ks(['RW', 'update'], IDX1, RANGE0)]),
  # Redis 7.2's, flagged as WAIT is in 7.0.
  'waitaof': spec('waitaof', ['noscript'], 0, 0, 0, ['@slow', '@connection'], ['request_policy:all_shards', 'response_policy:agg_min'], []),
}
# The commands whose keys redis-server finds with a function of their own (getkeys_proc)
# when the key specs cannot, and which function.
getkeys = {}
for n in ['zunion', 'zinter', 'zdiff', 'sintercard', 'zintercard', 'lmpop', 'zmpop']:
    getkeys[n] = 'Numbered { store: 0, count: 1, first: 2 }'
for n in ['zunionstore', 'zinterstore', 'zdiffstore']:
    getkeys[n] = 'Numbered { store: 1, count: 2, first: 3 }'
for n in ['eval', 'evalsha', 'eval_ro', 'evalsha_ro', 'fcall', 'fcall_ro', 'blmpop', 'bzmpop']:
    getkeys[n] = 'Numbered { store: 0, count: 2, first: 3 }'
getkeys.update({'sort': 'Sort', 'sort_ro': 'SortReadOnly', 'georadius': 'GeoRadius', 'georadiusbymember': 'GeoRadius',
  'xread': 'XRead', 'xreadgroup': 'XRead', 'set': 'Set', 'bitfield': 'BitField'})

def rs(s): return json.dumps(s)
def strs(xs): return '&[' + ', '.join(rs(x) for x in xs) + ']'
def begin(b):
    if b['type'] == 'index': return 'Index(%d)' % b['spec']['index']
    if b['type'] == 'keyword': return 'Keyword(%s, %d)' % (rs(b['spec']['keyword']), b['spec']['startfrom'])
    assert b['type'] == 'unknown'; return 'UnknownBegin'
def find(f):
    if f['type'] == 'range': s = f['spec']; return 'Range { last: %d, step: %d, limit: %d }' % (s['lastkey'], s['keystep'], s['limit'])
    if f['type'] == 'keynum': s = f['spec']; return 'KeyNum { index: %d, first: %d, step: %d }' % (s['keynumidx'], s['firstkey'], s['keystep'])
    assert f['type'] == 'unknown'; return 'UnknownFind'

out = []
missing = []
for n in sorted(names):
    c = rows.get(n) or extra.get(n)
    if c is None:
        missing.append(n); continue
    specs = []
    for k in c[8]:
        assert list(k.keys())[-2:] == ['begin_search', 'find_keys'], k
        notes = 'Some(%s)' % rs(k['notes']) if 'notes' in k else 'None'
        specs.append('KeySpec { flags: %s, begin: %s, find: %s, notes: %s }' % (strs(k['flags']), begin(k['begin_search']), find(k['find_keys']), notes))
    ks_text = '&[]' if not specs else '&[\n        ' + ',\n        '.join(specs) + ',\n    ]'
    gk = 'Some(%s)' % getkeys[n] if n in getkeys else 'None'
    out.append('''    CommandMeta { name: %s, flags: %s, legacy_keys: (%d, %d, %d), categories: %s, tips: %s, keys_function: %s, key_specs: %s },''' % (rs(n), strs(c[2]), c[3], c[4], c[5], strs(c[6]), strs(c[7]), gk, ks_text))
if missing:
    print("missing", missing, file=sys.stderr); sys.exit(1)
for n in getkeys: assert n in names, n
print('''//! What COMMAND INFO says of every command: flags, ACL categories, tips and key
//! specifications, as redis-server 7.0.15 answers for the same command (captured from its
//! COMMAND INFO; the commands 7.0 lacks are described as a built-in of their kind would
//! be). Data only: `cmd/introspect.rs` renders it, `cmd/key_specs.rs` reads keys with it.
//!
//! Sorted by name, subcommands under their full name (`client|kill`), one row per row of
//! `cmd/table.rs`; a unit test there keeps the two in step.

use super::key_specs::BeginSearch::{Index, Keyword, UnknownBegin};
use super::key_specs::FindKeys::{KeyNum, Range, UnknownFind};
use super::key_specs::KeysFunction::{
    BitField, GeoRadius, Numbered, Set, Sort, SortReadOnly, XRead,
};
use super::key_specs::{CommandMeta, KeySpec};

/// Every command's metadata, sorted by name.
#[rustfmt::skip]
pub(crate) const COMMAND_META: &[CommandMeta] = &[''')
print('\n'.join(out))
print('];')
