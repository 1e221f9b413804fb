# SPDX-License-Identifier: LGPL-2.1-or-later
# Cases for examples/elect-order (FORMATS.md §3; RULES.md §7.3).
# `case` and `Result` are provided by run-example-tests.py.

SURNAMES = '丁 习 王 刘 许 孙 李 杨 汪 张 陈 赵 胡 栗 郭 黄 韩 蔡'.split()


def lines(*names):
    return ''.join(n + '\n' for n in names)


CASES = [
    # RULES §7.3.1: the surname list, given reversed.
    case('surnames-in-stroke-order', ['elect-order'],
         stdin=lines(*reversed(SURNAMES)),
         check=lambda r: _eq(r.stdout, lines(*SURNAMES))),
    # §7.3.3 surname-strokes (default): 李强 before 李干杰; 田富 before 田大利.
    case('surname-strokes-default', ['elect-order'],
         stdin=lines('李干杰', '田大利', '李强', '田富'),
         check=lambda r: _eq(r.stdout, lines('田富', '田大利', '李强', '李干杰'))),  # 田 5 < 李 7
    case('surname-strokes-explicit', ['elect-order', '--name-order', 'surname-strokes', '-'],
         stdin=lines('李干杰', '李强'),
         check=lambda r: _eq(r.stdout, lines('李强', '李干杰'))),
    # §7.3.3 name-strokes: 李干杰 before 李强; 田大利 before 田富.
    case('name-strokes', ['elect-order', '--name-order', 'name-strokes'],
         stdin=lines('李强', '田富', '李干杰', '田大利'),
         check=lambda r: _eq(r.stdout, lines('田大利', '田富', '李干杰', '李强'))),
    # §7.3.5: not ICU (Taiwan count of 阝): 陈 (7) before 林 and 欧 (8).
    case('chen-before-lin-ou', ['elect-order'], stdin=lines('欧', '林', '陈'),
         check=lambda r: _eq(r.stdout, lines('陈', '林', '欧'))),
    # §7.3.1: 叶 before 申 (same sequence; 通用规范汉字表 position).
    case('ye-before-shen', ['elect-order'], stdin=lines('申', '叶'),
         check=lambda r: _eq(r.stdout, lines('叶', '申'))),
    # §7.3.2: lines come out unchanged, annotations kept; stable for equal keys.
    case('annotations-kept-stable', ['elect-order', '{tmp}/names.txt'],
         files={'names.txt': lines('赵丽（女）', '王芳（女）', '王芳', '丁一(回族)')},
         check=lambda r: _eq(r.stdout, lines('丁一(回族)', '王芳（女）', '王芳', '赵丽（女）'))),
    case('crlf-and-blank-lines', ['elect-order'], stdin='李\r\n\r\n  \n丁\r\n',
         check=lambda r: _eq(r.stdout, lines('丁', '李'))),
    # §7.3.4: a character without data: exit 1, one line naming the line.
    case('no-data-names-line', ['elect-order', '--lang', 'en'], stdin=lines('王', '李☆'),
         exit=1, stderr_has=['<stdin>:2:', 'U+2606'], stderr_lines=1, stdout_lines=0),
    case('invalid-utf8', ['elect-order', '--lang', 'en', '{tmp}/bad.txt'],
         files={'bad.txt': b'\xe7\x8e\x8b\n\xff\n'},
         exit=1, stderr_has=['bad.txt:2:'], stderr_lines=1, stdout_lines=0),
    case('bad-name-order', ['elect-order', '--name-order', 'pinyin'], stdin='王\n', exit=2),
    case('missing-file', ['elect-order', '{tmp}/none.txt'], exit=1, stderr_lines=1),
    case('empty-input', ['elect-order'], stdin='', stdout_lines=0),
]


def _eq(got, want):
    if got != want:
        raise AssertionError('got %r, want %r' % (got, want))
