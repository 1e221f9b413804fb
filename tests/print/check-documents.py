#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Renders the printable documents with elect-print and checks them as a
reader of the paper would (suite "print", doc/printing.md).

    check-documents.py --build BUILD --source SRC --case CASE [--keep DIR]

Every PDF is converted to PNG with pdftoppm (one image per page, so the
pages really render) and read back with pdftotext. Cases:

  village       the sample village (examples/data/village-2026): the ballot,
                the public roll, the official candidate list (from
                elect-slate) and the result announcement (from elect-count);
  party-branch  the Party branch (examples/data/party-branch): the same four
                documents, the roll from party-roll.csv;
  ballot-fit    a synthetic paper of 7 posts with 15 candidates each fits
                one A4 page, a village paper and a Party paper (and Party
                papers of 1, 3 and 5 posts of 15); the same paper as SVG;
  errors        no Chinese font (FONTCONFIG_FILE pointing at an empty
                configuration), an unknown layout option, a malformed input:
                a clear message, the documented exit status, no file written
                and an earlier file left as it was.

Structural facts checked: page counts (pdfinfo, and "第 N 页 共 M 页" on
every page of a multi-page document); every candidate's name appears; the
names of every post of a ballot appear in the order `elect-order` prints
them (RULES.md §7.3); the roll shows no 18-character ID number, and shows
every registered voter's masked number (RULES.md §4.4); the announcement
has the turnout, the persons elected and the seal line, and the page of the
seal line has lines of the announcement above it (the closing block never
stands alone on the last page). Render times are
printed (not asserted: no timed tests).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

FULL_ID = re.compile(r'(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])')


class Fail(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Fail(msg)


class Env:
    def __init__(self, build, source, tmp):
        self.build, self.source, self.tmp = build, source, tmp
        self.env = dict(os.environ, LC_ALL='C.UTF-8')

    def prog(self, name):
        return os.path.join(self.build, 'examples', name)

    def run(self, argv, expect=0, env=None, stdin=None):
        e = dict(self.env, **(env or {}))
        t0 = time.monotonic()
        p = subprocess.run(argv, capture_output=True, text=True, env=e, input=stdin)
        dt = time.monotonic() - t0
        if expect is not None and p.returncode != expect:
            raise Fail('%s: exit %d, expected %d\nstdout: %s\nstderr: %s'
                       % (' '.join(argv), p.returncode, expect, p.stdout[-2000:], p.stderr[-2000:]))
        return p, dt

    def data(self, *parts):
        return os.path.join(self.source, 'examples', 'data', *parts)

    def out(self, name):
        return os.path.join(self.tmp, name)


def pdf_pages(env, pdf):
    p, _ = env.run(['pdfinfo', pdf])
    m = re.search(r'^Pages:\s+(\d+)', p.stdout, re.M)
    check(m, 'pdfinfo gives no page count for ' + pdf)
    return int(m.group(1))


def pdf_text(env, pdf, layout=True):
    # -layout keeps the page's geometry: the cells of a row on one line, left
    # to right, the rows from the top down (the reading order of a grid).
    p, _ = env.run(['pdftotext'] + (['-layout'] if layout else []) + [pdf, '-'])
    return p.stdout


def to_png(env, pdf, pages, dpi=50):
    prefix = pdf[:-4] + '-png'
    env.run(['pdftoppm', '-r', str(dpi), '-png', pdf, prefix])
    pngs = sorted(f for f in os.listdir(os.path.dirname(pdf))
                  if f.startswith(os.path.basename(prefix)) and f.endswith('.png'))
    check(len(pngs) == pages, '%s: %d PNG pages, expected %d' % (pdf, len(pngs), pages))
    for f in pngs:
        with open(os.path.join(os.path.dirname(pdf), f), 'rb') as fh:
            check(fh.read(8) == b'\x89PNG\r\n\x1a\n', f + ' is not a PNG')


def render(env, label, argv, expect_pages=None):
    """Runs elect-print, checks the PDF's pages, converts it to PNG."""
    page_number = 'Page%dof%d' if '--lang' in argv and argv[argv.index('--lang') + 1] == 'en' \
        else '第%d页共%d页'
    out = argv[argv.index('-o') + 1]
    _, dt = env.run(argv)
    check(os.path.exists(out), 'no output ' + out)
    pages = pdf_pages(env, out)
    if expect_pages is not None:
        check(pages == expect_pages, '%s: %d pages, expected %d' % (label, pages, expect_pages))
    if pages > 1:
        flat = re.sub(r'\s+', '', pdf_text(env, out))
        for n in range(1, pages + 1):
            check(page_number % (n, pages) in flat, '%s: no page number %d of %d' % (label, n, pages))
    to_png(env, out, pages)
    print('rendered %-28s %2d page(s) %8d bytes %6.0f ms' % (label, pages, os.path.getsize(out), dt * 1000))
    return out, pages


def in_order(text, names):
    """The names in the order they first appear in text (each must appear)."""
    pos = {}
    for n in names:
        i = text.find(n)
        check(i >= 0, 'name %s does not appear' % n)
        pos[n] = i
    return sorted(names, key=lambda n: pos[n])


def stroke_order(env, names):
    p, _ = env.run([env.prog('elect-order')], stdin='\n'.join(names) + '\n')
    return p.stdout.split()


def check_ballot(env, label, election, expect_party):
    doc = json.load(open(election, encoding='utf-8'))
    pdf, _ = render(env, label + ' ballot', [env.prog('elect-print'), 'ballot', election,
                                              '-o', env.out(label + '-ballot.pdf')], 1)
    text = pdf_text(env, pdf)
    # RULES.md §7.3 (按姓氏笔画, GF 3003-1999; PER for Party papers): each
    # post's names in the order elect-order gives.
    # Post blocks are read one after the other, so each post's names are
    # looked for in the text after its heading.
    start = 0
    for c in doc['contests']:
        names = [x if isinstance(x, str) else x['name'] for x in c['candidates']]
        head = text.find(c['title'], start)
        check(head >= 0, 'post %s does not appear' % c['title'])
        block = text[head:]
        got = in_order(block, names)
        want = stroke_order(env, names)
        check(got == want, '%s, post %s: ballot order %s, elect-order %s'
              % (label, c['id'], got, want))
        check('（应选%d名）' % c['seats'] in block, 'seats of %s not printed' % c['id'])
        start = head + 1
    check(doc.get('title', '') in text, 'title missing')
    if expect_party:
        for col in ('赞成', '反对', '弃权', '另选他人'):
            check(col in text, 'Party ballot lacks the column ' + col)
    else:
        # RULES.md §5.1 (VCL 15: 另选其他选民): a write-in place per seat;
        # ZJ 21: the women's post printed apart (单列妇女委员职位).
        seats = sum(c['seats'] for c in doc['contests'])
        check(text.count('另选他人') >= seats, 'fewer write-in places than seats')
        if any(c.get('women_only') for c in doc['contests']):
            check('单列职位，只能选女性' in text, 'the women\'s post is not marked')


def check_roll(env, label, profile, day, csv, title):
    pdf, pages = render(env, label + ' roll', [env.prog('elect-print'), 'roll', '--profile', profile,
                                                '--election-day', day, '--title', title, csv,
                                                '-o', env.out(label + '-roll.pdf')])
    text = pdf_text(env, pdf)
    # RULES.md §4.4 (VCL 14): no full ID number anywhere; every masked one
    # present.
    m = FULL_ID.search(text)
    check(m is None, '%s roll shows a full ID number: %s' % (label, m and m.group(0)))
    p, _ = env.run([env.prog('elect-roll'), '--profile', profile, '--election-day', day,
                    '--publish', csv])
    rows = [r.split(',') for r in p.stdout.strip().splitlines()[1:]]
    check(rows, 'the public CSV is empty')
    missing = [r[3] for r in rows if r[3] not in text]
    check(not missing, '%d masked numbers missing, e.g. %s' % (len(missing), missing[:3]))
    names = [r[1] for r in rows]
    missing = [n for n in names if n not in text]
    check(not missing, '%d names missing, e.g. %s' % (len(missing), missing[:3]))
    male = sum(1 for r in rows if r[2] == 'male')
    female = sum(1 for r in rows if r[2] == 'female')
    total = re.search(r'合计：\S*?(\d+)[人名]（男(\d+)[人名]，女(\d+)[人名]）', text)
    check(total, 'no total line')
    check(tuple(map(int, total.groups())) == (len(rows), male, female),
          'total %s, expected %s' % (total.groups(), (len(rows), male, female)))
    for g in sorted({r[0] for r in rows}):
        n = sum(1 for r in rows if r[0] == g)
        check('%s（%d人）' % (g, n) in text, 'group heading %s（%d人） missing' % (g, n))
    return pages


def check_result(env, label, election, expect_elected):
    result = env.out(label + '-result.json')
    env.run([env.prog('elect-count'), election, '-o', result])
    doc = json.load(open(result, encoding='utf-8'))
    pdf, _ = render(env, label + ' announcement',
                    [env.prog('elect-print'), 'result', '--election', election, result,
                     '-o', env.out(label + '-notice.pdf')])
    text = pdf_text(env, pdf)
    flat = re.sub(r'\s+', '', text)
    for c in doc['contests']:
        for cand in c['candidates']:
            check(cand['name'] in text, 'candidate %s missing' % cand['name'])
            check(str(cand['votes']) in text, 'votes %d missing' % cand['votes'])
    for post, names in expect_elected.items():
        check(post + '、'.join(names) in flat, 'elected %s %s not announced' % (post, names))
    check('收回选票%d张' % doc['ballots_returned'] in flat, 'ballots returned missing')
    check('本次选举有效' in flat, 'validity missing')
    check('（盖章）' in text and '特此公告' in text, 'no seal line')
    e = json.load(open(election, encoding='utf-8'))
    y, m, d = (int(x) for x in e['date'].split('-'))
    check('%d年%d月%d日' % (y, m, d) in flat, 'the date is not printed')
    check_seal_page(env, label + ' announcement', pdf)
    # The same announcement in English and without the reasons: other page
    # breaks, the same rule.
    for extra, tag in ((['--lang', 'en'], 'en'), (['-O', 'reasons=no'], 'no-reasons')):
        out = env.out('%s-notice-%s.pdf' % (label, tag))
        pdf, _ = render(env, '%s announcement (%s)' % (label, tag),
                        [env.prog('elect-print'), 'result', '--election', election] + extra
                        + [result, '-o', out])
        check_seal_page(env, '%s announcement (%s)' % (label, tag), pdf)


PAGE_NUMBER = re.compile(r'第\s*\d+\s*页\s*共\s*\d+\s*页|Page \d+ of \d+')
CLOSING = re.compile(r'特此公告|Hereby announced|（盖章）|\(seal\)|^\s*(\d+年\d+月\d+日|\d+ [A-Z][a-z]+ \d{4}'
                     r'|Date: _+|日期：_+)\s*$')


def check_seal_page(env, label, pdf):
    """The page with the seal line has lines of the announcement on it too,
    not only 特此公告, the seal and the date (and the footer)."""
    pages = pdf_pages(env, pdf)
    seal = None
    for n in range(1, pages + 1):
        p, _ = env.run(['pdftotext', '-layout', '-f', str(n), '-l', str(n), pdf, '-'])
        if '（盖章）' in p.stdout or '(seal)' in p.stdout:
            seal = n, p.stdout
    check(seal, '%s: no page has the seal line' % label)
    n, page = seal
    check(n == pages, '%s: the seal line is on page %d of %d' % (label, n, pages))
    body = [l for l in page.splitlines()
            if l.strip() and not PAGE_NUMBER.search(l) and not CLOSING.search(l)]
    check(body, '%s: the closing block stands alone on page %d of %d' % (label, n, pages))


def check_candidates(env, label, source, names_by_post, expect_rule):
    pdf, _ = render(env, label + ' candidates', [env.prog('elect-print'), 'candidates', source,
                                                  '--date', '2026-12-15',
                                                  '-o', env.out(label + '-list.pdf')], 1)
    text = pdf_text(env, pdf)
    flat = re.sub(r'\s+', '', text)
    check(expect_rule in flat, 'the order rule %s is not stated' % expect_rule)
    start = 0
    for title, names in names_by_post:
        head = text.find(title, start)
        check(head >= 0, 'post %s missing' % title)
        got = in_order(text[head:], names)
        check(got == names, '%s: list order %s, expected %s' % (title, got, names))
        start = head + 1
    check('（盖章）' in text and '2026年12月15日' in flat, 'no seal or date')


def case_village(env):
    v = env.data('village-2026')
    election = os.path.join(v, 'election.json')
    check_ballot(env, 'village', election, False)
    pages = check_roll(env, 'village', 'zhejiang-village-committee', '2026-12-20',
                       os.path.join(v, 'roll.csv'), '青山村第十二届村民委员会选举')
    check(pages > 1, 'the village roll fits one page?')
    slate = env.out('slate.json')
    env.run([env.prog('elect-slate'), '--profile', 'zhejiang-village-committee',
             '--nominations', os.path.join(v, 'nominations.json'),
             '--candidates', os.path.join(v, 'candidates.json'),
             '--negative-list', os.path.join(env.source, 'data', 'negative-lists', 'village-5-years.ini'),
             '--reference-date', '2026-11-28', '-o', slate])
    sdoc = json.load(open(slate, encoding='utf-8'))
    # Zhejiang publishes the list by nomination votes (ZJ 18): most first.
    expect = []
    for post in sdoc['nomination']['posts']:
        votes = {n['name']: n['votes'] for n in post['nominees']}
        expect.append((post['title'], sorted(post['official'], key=lambda n: -votes[n])))
    check_candidates(env, 'village', slate, expect, '按提名得票多少为序')
    check_result(env, 'village', election,
                 {'主任': ['王建国'], '副主任': ['张伟'], '妇女委员': ['刘秀英'],
                  '委员': ['孙海涛', '周文斌', '吴晓燕']})


def case_party(env):
    p = env.data('party-branch')
    election = os.path.join(p, 'election.json')
    check_ballot(env, 'party', election, True)
    check_roll(env, 'party', 'party-committee', '2026-11-28',
               env.data('village-2026', 'party-roll.csv'), '中共青山村支部委员会换届选举')
    doc = json.load(open(election, encoding='utf-8'))
    names = doc['contests'][0]['candidates']
    check_candidates(env, 'party', election, [(doc['contests'][0]['title'], stroke_order(env, names))],
                     '按姓氏笔画为序')
    check_result(env, 'party', election,
                 {'支部委员会委员': ['马文华', '王丽萍', '石磊', '刘建军', '孙玉兰']})


# Names with stroke data, three characters each, different surnames.
SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
GIVEN = '建国明华伟强志文海涛晓燕秀英丽军红玉兰春梅德福永立新光辉平安'


def synthetic_election(posts, per_post, seats, profile='village-committee'):
    contests, k = [], 0
    for p in range(posts):
        names = []
        for i in range(per_post):
            names.append(SURNAMES[k % len(SURNAMES)] + GIVEN[(k * 7) % len(GIVEN)]
                         + GIVEN[(k * 3 + 1) % len(GIVEN)])
            k += 1
        contests.append({'id': 'p%d' % p, 'title': '职位%d' % (p + 1), 'seats': seats,
                         'candidates': names})
    return {'format': 'libelect.election/1',
            'title': '合成选举（%d个职位，每职位%d名候选人）' % (posts, per_post),
            'date': '2026-12-20', 'profile': profile, 'electorate': 1000,
            'contests': contests, 'ballots': []}


def case_ballot_fit(env):
    # The bound: 7 posts of 15 candidates on one A4 page (RULES.md
    # §5.1: one paper per voter).
    path = env.out('seven-by-fifteen.json')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(synthetic_election(7, 15, 1), f, ensure_ascii=False)
    pdf, _ = render(env, '7x15 ballot', [env.prog('elect-print'), 'ballot', path,
                                         '-o', env.out('seven.pdf')], 1)
    text = pdf_text(env, pdf)
    doc = json.load(open(path, encoding='utf-8'))
    for c in doc['contests']:
        head = text.find(c['title'] + '（')
        check(head >= 0, 'post %s missing' % c['title'])
        got = in_order(text[head:], c['candidates'])
        check(got == stroke_order(env, c['candidates']), '%s out of stroke order' % c['title'])
    # With three seats per post as well (more write-in places).
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(synthetic_election(7, 15, 3), f, ensure_ascii=False)
    render(env, '7x15 ballot, 3 seats each', [env.prog('elect-print'), 'ballot', path,
                                                 '-o', env.out('seven3.pdf')], 1)
    # Far beyond the bound, the paper continues on a second page rather than
    # shrinking the type below 55 %.
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(synthetic_election(7, 60, 1), f, ensure_ascii=False)
    render(env, '7x60 ballot', [env.prog('elect-print'), 'ballot', path,
                                '-o', env.out('seven60.pdf')])
    check(pdf_pages(env, env.out('seven60.pdf')) > 1, '7x60 on one page?')
    # Party papers (for, against, abstain, write-in for every candidate) of
    # 1, 3, 5 and 7 posts of 15: one page each, every name in elect-order's
    # order (a long paper is compact: a column per candidate).
    for posts, seats in ((1, 5), (3, 3), (5, 3), (7, 1), (7, 3)):
        label = 'party %dx15 ballot, %d seats each' % (posts, seats)
        path = env.out('party-%dx15-%d.json' % (posts, seats))
        doc = synthetic_election(posts, 15, seats, 'party-committee')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(doc, f, ensure_ascii=False)
        pdf, _ = render(env, label, [env.prog('elect-print'), 'ballot', path,
                                     '-o', env.out('party-%dx15-%d.pdf' % (posts, seats))], 1)
        text = pdf_text(env, pdf)
        for col in ('赞成', '反对', '弃权', '另选他人'):
            check(col in text, '%s lacks the column %s' % (label, col))
        start = 0
        for c in doc['contests']:
            head = text.find(c['title'] + '（应选%d名）' % seats, start)
            check(head >= 0, '%s: post %s missing' % (label, c['title']))
            got = in_order(text[head:], c['candidates'])
            want = stroke_order(env, c['candidates'])
            check(got == want, '%s, post %s: ballot order %s, elect-order %s'
                  % (label, c['id'], got, want))
            start = head + 1
    # SVG: one file, every page; the names are glyphs, so look at the size.
    svg = env.out('ballot.svg')
    env.run([env.prog('elect-print'), 'ballot', env.data('village-2026', 'election.json'), '-o', svg])
    with open(svg, encoding='utf-8') as f:
        head = f.read(400)
    check('<svg' in head and 'width="595' in head and 'height="841' in head,
          'not an A4 SVG: ' + head[:200])


def case_errors(env):
    election = env.data('village-2026', 'election.json')
    out = env.out('never.pdf')
    # No Chinese font: an empty fontconfig configuration.
    empty = env.out('empty-fonts.conf')
    with open(empty, 'w', encoding='utf-8') as f:
        f.write('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n')
    cache = env.out('fc-cache')
    os.makedirs(cache, exist_ok=True)
    fenv = {'FONTCONFIG_FILE': empty, 'XDG_CACHE_HOME': cache}
    result = env.out('result.json')
    env.run([env.prog('elect-count'), election, '-o', result])
    for argv in (['ballot', election], ['roll', '--profile', 'village-committee', '--election-day',
                                        '2026-12-20', env.data('village-2026', 'roll.csv')],
                 ['candidates', election], ['result', result]):
        p, _ = env.run([env.prog('elect-print')] + argv + ['-o', out], expect=1, env=fenv)
        check('fonts-noto-cjk' in p.stderr and len(p.stderr.strip().splitlines()) == 1,
              'unclear font error: ' + p.stderr)
        check(not os.path.exists(out), 'a file was written without a font')
    p, _ = env.run([env.prog('elect-print'), '--lang', 'en', 'ballot', election, '-o', out],
                   expect=1, env=fenv)
    check('No installed font has Chinese characters' in p.stderr, 'English message: ' + p.stderr)
    # An unknown layout option: a usage error, nothing written.
    p, _ = env.run([env.prog('elect-print'), 'ballot', election, '-O', 'colour=red', '-o', out], expect=2)
    check('colour' in p.stderr and 'format' in p.stderr, 'unclear option error: ' + p.stderr)
    check(not os.path.exists(out), 'a file was written with an unknown option')
    p, _ = env.run([env.prog('elect-print'), 'ballot', election, '--format', 'png', '-o', out], expect=2)
    check('png' in p.stderr, p.stderr)
    # An earlier file is left as it was when a run fails.
    with open(out, 'w', encoding='utf-8') as f:
        f.write('earlier')
    bad = env.out('bad.json')
    with open(bad, 'w', encoding='utf-8') as f:
        f.write('{"format": "libelect.result/1", "profile": "village-committee"}')
    p, _ = env.run([env.prog('elect-print'), 'result', bad, '-o', out], expect=1)
    check(len(p.stderr.strip().splitlines()) == 1 and '$.valid' in p.stderr, p.stderr)
    with open(out, encoding='utf-8') as f:
        check(f.read() == 'earlier', 'the earlier file was changed')
    p, _ = env.run([env.prog('elect-print'), 'ballot', election, '-O', 'paper=letter', '-o', out],
                   expect=2)
    with open(out, encoding='utf-8') as f:
        check(f.read() == 'earlier', 'the earlier file was changed')
    # Usage: an unknown document, a missing -o.
    env.run([env.prog('elect-print'), 'poster', election, '-o', out], expect=2)
    env.run([env.prog('elect-print'), 'ballot', election], expect=2)
    # A name no stroke table knows cannot be ordered: an error, no file.
    odd = env.out('odd.json')
    doc = json.load(open(election, encoding='utf-8'))
    doc['contests'][0]['candidates'].append('王☃')
    doc['ballots'] = []
    with open(odd, 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False)
    os.remove(out)
    p, _ = env.run([env.prog('elect-print'), 'ballot', odd, '-o', out], expect=1)
    check('☃' in p.stderr and not os.path.exists(out), p.stderr)


CASES = {'village': case_village, 'party-branch': case_party, 'ballot-fit': case_ballot_fit,
         'errors': case_errors}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', required=True)
    ap.add_argument('--source', required=True)
    ap.add_argument('--case', required=True, choices=sorted(CASES))
    ap.add_argument('--keep', help='write the documents here instead of a temporary directory')
    a = ap.parse_args()
    for tool in ('pdftotext', 'pdftoppm', 'pdfinfo'):
        if shutil.which(tool) is None:
            print('%s not installed (Debian: poppler-utils)' % tool)
            return 1
    tmp = a.keep or tempfile.mkdtemp(prefix='elect-print-')
    os.makedirs(tmp, exist_ok=True)
    try:
        CASES[a.case](Env(a.build, a.source, tmp))
    except Fail as e:
        print('FAIL %s: %s' % (a.case, e))
        return 1
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print('ok %s' % a.case)
    return 0


if __name__ == '__main__':
    sys.exit(main())
