# SPDX-License-Identifier: LGPL-2.1-or-later
# Cases for examples/elect-print (doc/printing.md; FORMATS.md §3 exit
# statuses). The documents themselves are checked page by page in the
# "print" suite (tests/print/check-documents.py); these are the program's
# interface. `case` and `Result` are provided by run-example-tests.py.
DATA = '{src}/examples/data'


def pdf_written(name):
    def check(r):
        with open(r.tmp + '/' + name, 'rb') as f:
            assert f.read(5) == b'%PDF-', 'not a PDF'
    return check


def svg_written(name):
    def check(r):
        with open(r.tmp + '/' + name, encoding='utf-8') as f:
            assert '<svg' in f.read(500), 'not an SVG'
    return check


CASES = [
    case('ballot pdf', ['elect-print', 'ballot', DATA + '/village-2026/election.json',
                        '-o', '{tmp}/b.pdf'], stdout_lines=0, stderr_empty=True,
         check=pdf_written('b.pdf')),
    # --format defaults from the output's extension.
    case('ballot svg by extension', ['elect-print', 'ballot', DATA + '/party-branch/election.json',
                                     '-o', '{tmp}/b.svg'], check=svg_written('b.svg')),
    case('candidates from an election file', ['elect-print', 'candidates',
                                              DATA + '/party-branch/election.json', '-o', '{tmp}/l.pdf'],
         check=pdf_written('l.pdf')),
    case('roll', ['elect-print', 'roll', '--profile', 'party-committee', '--election-day', '2026-11-28',
                  DATA + '/village-2026/party-roll.csv', '-o', '{tmp}/r.pdf'],
         check=pdf_written('r.pdf')),
    case('roll needs --profile', ['elect-print', 'roll', DATA + '/village-2026/roll.csv',
                                  '-o', '{tmp}/r.pdf'], exit=2, stderr_lines=1,
         files_absent=['{tmp}/r.pdf']),
    case('result', ['elect-print', 'result', '{tmp}/r.json', '-o', '{tmp}/n.pdf', '--date', '2026-12-20'],
         files={'r.json': '{"format":"libelect.result/1","profile":"village-committee","valid":false,'
                          '"electorate":1000,"ballots_returned":400,"ballots_valid":390,'
                          '"ballots_invalid":10,"quorum":{"required":501,"actual":400,"met":false},'
                          '"contests":[{"id":"chair","title":"主任","seats":1,"threshold":0,'
                          '"elected":[],"unfilled":1,"next":{"action":"rerun"},'
                          '"candidates":[{"name":"王一","votes":200,"status":"void"}]}]}'},
         check=pdf_written('n.pdf')),
    # FORMATS.md §3: malformed input, exit 1, one line naming the file and
    # the JSON path; nothing written.
    case('malformed result', ['elect-print', '--lang', 'en', 'result', '{tmp}/r.json', '-o', '{tmp}/n.pdf'],
         files={'r.json': '{"format":"libelect.result/1","profile":"village-committee","valid":"yes"}'},
         exit=1, stderr_lines=1, stderr_has=['r.json', '$.valid'], files_absent=['{tmp}/n.pdf']),
    case('empty stdin', ['elect-print', 'ballot', '-', '-o', '{tmp}/b.pdf'], stdin='',
         exit=1, stderr_lines=1, files_absent=['{tmp}/b.pdf']),
    # Usage errors: exit 2.
    case('unknown layout option', ['elect-print', '--lang', 'en', 'ballot',
                                   DATA + '/village-2026/election.json', '-O', 'margin=0',
                                   '-o', '{tmp}/b.pdf'],
         exit=2, stderr_lines=1, stderr_has=['margin', 'format, lang, paper'],
         files_absent=['{tmp}/b.pdf']),
    case('-O without =', ['elect-print', 'ballot', DATA + '/village-2026/election.json', '-O', 'a4',
                          '-o', '{tmp}/b.pdf'], exit=2, files_absent=['{tmp}/b.pdf']),
    case('bad date', ['elect-print', 'ballot', DATA + '/village-2026/election.json',
                      '--date', '2026-13-01', '-o', '{tmp}/b.pdf'], exit=2, files_absent=['{tmp}/b.pdf']),
    case('unknown document', ['elect-print', 'poster', DATA + '/village-2026/election.json',
                              '-o', '{tmp}/b.pdf'], exit=2, stderr_lines=1),
    case('no output', ['elect-print', 'ballot', DATA + '/village-2026/election.json'], exit=2),
    case('no arguments', ['elect-print'], exit=2),
]
