# SPDX-License-Identifier: LGPL-2.1-or-later
# Cases for examples/elect-sign and examples/elect-verify (elect-audit.h):
# a station's key pair, a signed result, a signed tally sheet, co-signing,
# and what the township checks: layout, digests, signatures, trusted keys,
# the inputs a result was counted from, a journal's chain and head. The law:
# the record of the count is signed (ZJ 26 "经监票人签字"); a falsified count
# voids the election (VCL 17).
# `case` and `Result` are provided by run-example-tests.py.
import json
import os

DATA = '{src}/examples/data'
SHEET = DATA + '/tally-sheet/election.json'
VILLAGE = DATA + '/village-2026/election.json'


def setup(r, extra_key=False):
    """Keys in {tmp}: station.key/.pub (and other.key/.pub), the result of
    the tally sheet in {tmp}/r.json."""
    k = r.run(['elect-sign', '--lang', 'en', '--keygen', '--label', '城关镇第3计票站',
               '{tmp}/station.key', '{tmp}/station.pub'])
    assert k.exit == 0, k.stderr
    assert 'keep it private' in k.stdout
    if extra_key:
        k = r.run(['elect-sign', '--keygen', '--label', '监票人', '{tmp}/other.key', '{tmp}/other.pub'])
        assert k.exit == 0, k.stderr
    c = r.run(['elect-count', '-o', '{tmp}/r.json', SHEET])
    assert c.exit == 0, c.stderr


def check_keygen(r):
    setup(r)
    mode = os.stat(os.path.join(r.tmp, 'station.key')).st_mode & 0o777
    assert mode == 0o600, oct(mode)
    with open(os.path.join(r.tmp, 'station.key'), encoding='utf-8') as f:
        secret = f.read().split('secret: ')[1].strip()
    # the secret appears in no output of any program
    outs = [r.run(['elect-sign', '--lang', 'en', '--keygen', '--label', 'x',
                   '{tmp}/station.key', '{tmp}/y.pub'])]
    s = r.run(['elect-sign', '--key', '{tmp}/station.key', '--result', '{tmp}/r.json'])
    assert s.exit == 0, s.stderr
    outs.append(s)
    os.chmod(os.path.join(r.tmp, 'station.key'), 0o644)
    bad = r.run(['elect-sign', '--lang', 'en', '--key', '{tmp}/station.key', '--result', '{tmp}/r.json'])
    assert bad.exit == 1 and 'chmod 600' in bad.stderr, bad.stderr
    outs.append(bad)
    for o in outs:
        assert secret not in o.stdout and secret not in o.stderr, 'the secret key was printed'
    assert outs[0].exit == 1, 'an existing secret key file was replaced'


def check_sign_verify(r):
    setup(r, extra_key=True)
    s = r.run(['elect-sign', '--key', '{tmp}/station.key', '--result', '{tmp}/r.json',
               '--election', SHEET, '-o', '{tmp}/signed.json'])
    assert s.exit == 0 and s.stdout == '', s.stderr
    with open(os.path.join(r.tmp, 'signed.json'), encoding='utf-8') as f:
        d = json.load(f)
    assert d['audit']['result'].startswith('sha256:') and d['audit']['inputs'].startswith('sha256:')
    assert len(d['audit']['signatures']) == 1
    v = r.run(['elect-verify', '--lang', 'en', '--key', '{tmp}/station.pub', '--result',
               '{tmp}/signed.json', '--election', SHEET])
    assert v.exit == 0, v.stderr
    assert 'the signed result verifies' in v.stdout and '城关镇第3计票站' in v.stdout, v.stdout
    # co-signed by the supervisor, verified with both keys
    s2 = r.run(['elect-sign', '--key', '{tmp}/other.key', '--result', '{tmp}/signed.json',
                '-o', '{tmp}/signed2.json'])
    assert s2.exit == 0, s2.stderr
    v2 = r.run(['elect-verify', '--lang', 'en', '--key', '{tmp}/station.pub', '--key',
                '{tmp}/other.pub', '--result', '{tmp}/signed2.json'])
    assert v2.exit == 0 and '监票人' in v2.stdout, v2.stdout + v2.stderr
    # only one of the two keys trusted: refused
    v3 = r.run(['elect-verify', '--lang', 'en', '--key', '{tmp}/station.pub', '--result',
                '{tmp}/signed2.json'])
    assert v3.exit == 1 and 'not among the trusted keys' in v3.stderr, v3.stderr
    assert len(v3.stderr.splitlines()) == 1
    # counted from another election
    v4 = r.run(['elect-verify', '--lang', 'en', '--result', '{tmp}/signed.json', '--election', VILLAGE])
    assert v4.exit == 1 and 'other inputs' in v4.stderr, v4.stderr


def check_tamper(r):
    setup(r)
    s = r.run(['elect-sign', '--key', '{tmp}/station.key', '--result', '{tmp}/r.json',
               '-o', '{tmp}/signed.json'])
    assert s.exit == 0, s.stderr
    path = os.path.join(r.tmp, 'signed.json')
    with open(path, 'rb') as f:
        good = f.read()
    # one vote more; a space more; the signature's last character
    i = good.index(b'"votes": ') + len(b'"votes": ')
    changes = [good[:i] + bytes([good[i] ^ 1]) + good[i + 1:],
               good.replace(b'\n', b' \n', 1),
               good.replace(b'==\"', b'=A\"', 1) if b'==\"' in good else good[:-3] + b'X' + good[-2:]]
    for n, bad in enumerate(changes):
        with open(path, 'wb') as f:
            f.write(bad)
        v = r.run(['elect-verify', '--lang', 'en', '--key', '{tmp}/station.pub', '--result', path])
        assert v.exit == 1, 'change %d not detected: %s' % (n, v.stdout)
        assert len(v.stderr.splitlines()) == 1, v.stderr


def check_sheet_signature(r):
    setup(r, extra_key=True)
    s = r.run(['elect-sign', '--key', '{tmp}/station.key', '--election', SHEET, '-o', '{tmp}/s.sig'])
    assert s.exit == 0, s.stderr
    s2 = r.run(['elect-sign', '--key', '{tmp}/other.key', '--election', SHEET, '--signature',
                '{tmp}/s.sig', '-o', '{tmp}/s2.sig'])
    assert s2.exit == 0, s2.stderr
    v = r.run(['elect-verify', '--lang', 'en', '--key', '{tmp}/station.pub', '--key', '{tmp}/other.pub',
               '--election', SHEET, '--signature', '{tmp}/s2.sig'])
    assert v.exit == 0 and 'the signature of' in v.stdout, v.stderr
    # the signature does not fit another sheet
    with open(os.path.join(os.environ['ELECT_SOURCE_ROOT'], 'examples/data/tally-sheet/election.json'),
              encoding='utf-8') as f:
        sheet = json.load(f)
    votes = sheet['totals']['votes']
    c = next(iter(votes))
    n = next(iter(votes[c]))
    votes[c][n] += 1
    with open(os.path.join(r.tmp, 'changed.json'), 'w', encoding='utf-8') as f:
        json.dump(sheet, f, ensure_ascii=False)
    v2 = r.run(['elect-verify', '--lang', 'en', '--election', '{tmp}/changed.json', '--signature',
                '{tmp}/s2.sig'])
    assert v2.exit == 1 and 'signs other inputs' in v2.stderr, v2.stderr


def check_journal(r):
    with open(os.path.join(r.tmp, 't.json'), 'w', encoding='utf-8') as f:
        json.dump({"format": "libelect.election/1", "profile": "village-committee", "electorate": 10,
                   "contests": [{"id": "chair", "seats": 1, "candidates": ["王一", "李二"]}],
                   "ballots": []}, f, ensure_ascii=False)
    d = r.run(['elect-journal', '--lang', 'en', '--election', '{tmp}/t.json', '{tmp}/d.journal'],
              stdin='ballot chair=王一\nballot chair=李二\nballot chair=王一\nstatus\n')
    assert d.exit == 0, d.stderr
    head = d.stdout.strip().split('head ')[-1]
    v = r.run(['elect-verify', '--lang', 'en', '--journal', '{tmp}/d.journal', '--election',
               '{tmp}/t.json', '--head', head])
    assert v.exit == 0, v.stderr
    assert '4 records intact and chained; 3 ballots counted' in v.stdout, v.stdout
    path = os.path.join(r.tmp, 'd.journal')
    with open(path, 'rb') as f:
        good = f.read()
    # every byte changed in turn: always detected (exit 1, one line)
    for i in range(0, len(good), 7):
        bad = bytearray(good)
        bad[i] ^= 0x41
        with open(path, 'wb') as f:
            f.write(bad)
        v = r.run(['elect-verify', '--lang', 'en', '--journal', '{tmp}/d.journal', '--head', head])
        assert v.exit == 1, 'byte %d not detected' % i
    # the last record removed: only the head tells
    with open(path, 'wb') as f:
        f.write(good[:good.rindex(b'ELJ1')])
    v = r.run(['elect-verify', '--lang', 'en', '--journal', '{tmp}/d.journal'])
    assert v.exit == 0, v.stderr
    v = r.run(['elect-verify', '--lang', 'en', '--journal', '{tmp}/d.journal', '--head', head])
    assert v.exit == 1 and 'records were removed or added at its end' in v.stderr, v.stderr


CASES = [
    case('keygen: mode 0600, the secret never printed', ['elect-sign', '--help'], check=check_keygen),
    case('sign a result, co-sign, verify with trusted keys and the election',
         ['elect-sign', '--help'], check=check_sign_verify),
    case('tampered signed results are refused', ['elect-sign', '--help'], check=check_tamper),
    case('signed tally sheet, co-signed, verified; not another sheet',
         ['elect-sign', '--help'], check=check_sheet_signature),
    case('journal: chain, head, every byte', ['elect-verify', '--help'], check=check_journal,
         timeout=300),
    case('usage: nothing to verify', ['elect-verify'], exit=2),
    case('usage: --signature without --election', ['elect-verify', '--signature', 'x.sig'], exit=2),
    case('usage: sign without a key', ['elect-sign', '--result', 'r.json'], exit=2),
    case('missing key file', ['elect-verify', '--lang', 'en', '--key', '{tmp}/none.pub',
                              '--journal', '{tmp}/j'], exit=1, stderr_lines=1,
         stderr_has=['none.pub: cannot open the key file']),
    case('chinese messages', ['elect-verify', '--lang', 'zh', '--key', '{tmp}/none.pub',
                              '--journal', '{tmp}/j'], exit=1, stderr_has=['无法打开密钥文件']),
]
