# SPDX-License-Identifier: LGPL-2.1-or-later
"""The Python binding of rule profiles (elect-rules.h) through ctypes.

Values and citations are those of RULES.md §3; each test names the article
whose parameter it reads."""
import os
import re
import shutil
import subprocess

import pytest

import libelect
from libelect import _lib

from conftest import PYTHON, SOURCE_ROOT

BUILTIN = {
    "village-committee", "zhejiang-village-committee", "shanghai-village-committee",
    "beijing-village-committee", "henan-village-committee", "residents-committee",
    "party-committee", "supervision-committee", "shanghai-supervision-committee",
}


def test_every_builtin_profile_loads():
    names = libelect.builtin_profiles()
    assert BUILTIN <= set(names)
    keys = None
    for name in names:
        p = libelect.profile(name)
        assert p.name == name
        assert p.title
        assert p.kind in ("village-committee", "residents-committee",
                          "party-committee", "supervision-committee")
        # every profile resolves every parameter, with a type and an origin
        if keys is None:
            keys = p.keys()
        assert p.keys() == keys
        for key in keys:
            assert p.params[key]["origin"]
            assert p.params[key]["type"] in ("int", "bool", "range", "fraction",
                                             "policy", "set", "days")
        assert "count.quorum" in p
        assert name in str(p)


def test_vcl15_quorum_value_and_citation():
    # VCL 15: 有登记参加选举的村民过半数投票，选举有效
    p = libelect.profile("village-committee")
    assert p["count.quorum"] == ">1/2"
    assert p.citation("count.quorum") == "村民委员会组织法 第十五条第二款"
    assert p["seats.range"] == "3-7"                  # VCL 6
    assert p.citation("seats.range") == "村民委员会组织法 第六条"
    assert p["supplementary.plurality_floor"] == ">=1/3"  # VCL 15: 不得少于三分之一


def test_per_party_attendance_quorum_and_no_proxy():
    # PER: 到会人数超过应到会人数的五分之四; Art. 24: no proxy voting
    p = libelect.profile("party-committee")
    assert p["count.quorum"] == ">4/5"
    assert p["count.quorum_measure"] == "present"
    assert p["proxy.allowed"] == "false"
    assert p["proxy.max_principals"] == "0"
    assert "第二十四条" in p.citation("proxy.allowed")


def test_zj27_two_posts_void_ballot_is_overridden_rest_inherited():
    p = libelect.profile("zhejiang-village-committee")
    assert p.extends == "village-committee"
    assert p["count.same_person_two_posts"] == "void-ballot"
    assert p.citation("count.same_person_two_posts") == "浙江省村民委员会选举办法 第二十七条"
    assert p.origin("count.same_person_two_posts") == "zhejiang-village-committee"
    # inherited from the national profile, value and origin
    assert p["general.term_years"] == "5"
    assert p.origin("general.term_years") == "village-committee"
    # ZJ 27 restates the quorum: only the citation is replaced
    assert p.origin("count.quorum") == "village-committee"
    assert p.citation("count.quorum") == "浙江省村民委员会选举办法 第二十七条"


def test_ha25_ha35_henan_cascade_down_and_issued_bound():
    p = libelect.profile("henan-village-committee")
    assert p["count.same_person_two_posts"] == "cascade-down"
    assert p["count.void_bound"] == "issued"
    assert p.origin("count.void_bound") == "henan-village-committee"


def test_new_province_extends_village_committee(write_profile):
    # RULES.md §3: a province we have not shipped, as a key file only
    path = write_profile("guangdong-village-committee", """\
[profile]
name=guangdong-village-committee
title=广东省村民委员会选举
extends=village-committee

[proxy]
max_principals=3
max_principals.citation=广东省村民委员会选举办法（条号待核）

[count]
overvote=void-contest
overvote.citation=广东省村民委员会选举办法（条号待核）
""")
    p = libelect.profile(path)
    assert p.name == "guangdong-village-committee"
    assert p.extends == "village-committee"
    assert p["proxy.max_principals"] == "3"
    assert p.origin("proxy.max_principals") == path
    assert p["count.overvote"] == "void-contest"
    assert p.origin("count.overvote") == path
    assert p.origin("count.quorum") == "village-committee"
    assert p["count.quorum"] == ">1/2"


def test_profile_from_string_inherits():
    p = libelect.profile_from_string(
        "[profile]\nname=x\nextends=zhejiang-village-committee\n"
        "[general]\nterm_years=3\n", origin="x.ini")
    assert p["general.term_years"] == "3"
    assert p.origin("general.term_years") == "x.ini"
    assert p["count.same_person_two_posts"] == "void-ballot"


def test_not_found_maps_to_elect_error():
    with pytest.raises(libelect.ElectError) as e:
        libelect.profile("no-such-profile")
    assert e.value.code == "not-found"
    assert e.value.code_number == 1
    assert "no-such-profile" in e.value.message
    assert str(e.value) == e.value.message


def test_unknown_policy_is_invalid_and_names_file_group_key(write_profile):
    path = write_profile("bad-policy", """\
[profile]
name=bad-policy
extends=village-committee

[count]
overvote=void-everything
""")
    with pytest.raises(libelect.ElectError) as e:
        libelect.profile(path)
    assert e.value.code == "invalid"
    assert e.value.code_number == 3
    msg = e.value.message
    assert path in msg
    assert "[count]" in msg
    assert "overvote" in msg
    assert "void-everything" in msg
    assert "void-ballot" in msg     # the expected choices are listed


def test_unknown_key_names_file_group_key(write_profile):
    path = write_profile("bad-key", """\
[profile]
name=bad-key
extends=village-committee

[count]
quorom=>1/2
""")
    with pytest.raises(libelect.ElectError) as e:
        libelect.profile(path)
    assert e.value.code == "unknown-key"
    assert e.value.code_number == 4
    assert path in e.value.message
    assert "[count]" in e.value.message
    assert "quorom" in e.value.message


def test_contradiction_is_invalid(write_profile):
    # seats 3-7 but a usual maximum of 8 (RULES.md §3: contradictory profile)
    path = write_profile("contradiction", """\
[profile]
name=contradiction
extends=village-committee

[seats]
normal_max=8
""")
    with pytest.raises(libelect.ElectError) as e:
        libelect.profile(path)
    assert e.value.code == "invalid"
    assert "normal_max" in e.value.message
    assert "range" in e.value.message


@pytest.mark.parametrize("name,key,whole,fails,holds", [
    # VCL 15 过半数: strictly more than half; exactly half fails
    ("village-committee", "count.quorum", 1000, 500, 501),
    ("village-committee", "count.quorum", 1, 0, 1),
    ("village-committee", "count.win_threshold", 890, 445, 446),
    # VCL 15 不得少于三分之一: the boundary itself passes
    ("village-committee", "supplementary.plurality_floor", 900, 299, 300),
    ("village-committee", "supplementary.plurality_floor", 1000, 333, 334),
    # PER 超过五分之四: exactly four fifths fails
    ("party-committee", "count.quorum", 1000, 800, 801),
    ("party-committee", "count.quorum", 5, 4, 5),
])
def test_fraction_holds_boundaries(name, key, whole, fails, holds):
    p = libelect.profile(name)
    assert p.fraction_holds(key, fails, whole) is False
    assert p.fraction_holds(key, holds, whole) is True
    assert p.fraction_least(key, whole) == holds


def test_fraction_holds_is_exact_at_the_count_limit():
    p = libelect.profile("village-committee")
    big = 1 << 40
    assert p.fraction_holds("count.quorum", big // 2, big) is False
    assert p.fraction_holds("count.quorum", big // 2 + 1, big) is True
    with pytest.raises(libelect.ElectError) as e:
        p.fraction_holds("count.quorum", 1, big + 1)
    assert e.value.code == "limit"
    with pytest.raises(libelect.ElectError) as e:
        p.fraction_holds("count.quorum", -1, 10)
    assert e.value.code == "limit"


def test_fraction_holds_errors():
    p = libelect.profile("village-committee")
    with pytest.raises(libelect.ElectError) as e:
        p.fraction_holds("seats.range", 1, 2)
    assert e.value.code == "type"
    with pytest.raises(libelect.ElectError) as e:
        p.fraction_holds("count.no_such_thing", 1, 2)
    assert e.value.code == "not-found"
    with pytest.raises(libelect.ElectError) as e:
        p.fraction_holds("supplementary.quorum", 1, 2)   # none in the VCL
    assert e.value.code == "unset"


def test_version_check():
    assert re.fullmatch(r"\d+\.\d+\.\d+", libelect.version)
    major, minor, micro = (int(x) for x in libelect.version.split("."))
    _lib.check_version((major, minor, micro))    # the running version: fine
    _lib.check_version((major, 0, 0))
    with pytest.raises(ImportError, match="libelect"):
        _lib.check_version((major + 1, 0, 0))
    with pytest.raises(ImportError):
        _lib.check_version((major, minor + 1, 0))
    meson_version = os.environ.get("ELECT_VERSION")
    if meson_version:
        assert libelect.version == meson_version


def test_import_from_the_build_tree(build_root, clean_env):
    # The done-when line of issue 2, literally, with the build directory as
    # the current directory and nothing in the environment.
    proc = subprocess.run(
        [PYTHON, "-c", "import libelect; print(libelect.profile('party-committee'))"],
        cwd=build_root, env=clean_env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "party-committee" in proc.stdout
    assert "count" in proc.stdout and ">4/5" in proc.stdout
    proc = subprocess.run(
        [PYTHON, "-c", "import libelect, libelect._lib as l; print(libelect.__file__); print(l.lib._name)"],
        cwd=build_root, env=clean_env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    pkg_file, lib_path = proc.stdout.split("\n")[:2]
    real_build = os.path.realpath(build_root)
    assert os.path.realpath(pkg_file).startswith(os.path.join(real_build, "python", "libelect"))
    assert os.path.realpath(lib_path).startswith(os.path.join(real_build, "lib"))


def test_import_from_the_source_tree(build_root, clean_env, tmp_path):
    env = dict(clean_env)
    env["PYTHONPATH"] = os.path.join(SOURCE_ROOT, "python")
    env["ELECT_BUILD_ROOT"] = build_root
    proc = subprocess.run(
        [PYTHON, "-c", "import libelect; print(libelect.__file__); "
                       "print(libelect.profile('village-committee')['count.quorum'])"],
        cwd=str(tmp_path), env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    pkg_file, quorum = proc.stdout.split("\n")[:2]
    assert os.path.realpath(pkg_file).startswith(os.path.realpath(os.path.join(SOURCE_ROOT, "python")))
    assert quorum == ">1/2"


def test_sanitizer_builds_are_passed_over(build_root, clean_env, tmp_path):
    # The README's `PYTHONPATH=python python3 -c "import libelect ..."` from
    # the source tree, when an ASan build (build-asan/, sorted first) lies
    # beside the plain one: loading it would end the process.
    tree = tmp_path / "tree"
    shutil.copytree(os.path.join(SOURCE_ROOT, "python", "libelect"), tree / "python" / "libelect")
    (tree / "build-asan" / "lib").mkdir(parents=True)
    (tree / "build-asan" / "lib" / _lib.SONAME).write_bytes(b"\x7fELF...__asan_init...")
    (tree / "build-plain" / "lib").mkdir(parents=True)
    os.symlink(os.path.join(os.path.realpath(build_root), "lib", _lib.SONAME),
               tree / "build-plain" / "lib" / _lib.SONAME)
    assert _lib._sanitized(str(tree / "build-asan" / "lib" / _lib.SONAME))
    env = dict(clean_env)
    env["PYTHONPATH"] = str(tree / "python")
    env.pop("ELECT_BUILD_ROOT", None)
    env.pop("LIBELECT_LIBRARY", None)
    proc = subprocess.run(
        [PYTHON, "-c", "import libelect, libelect._lib as l; print(l.lib._name); "
                       "print(libelect.profile('party-committee').name)"],
        cwd=str(tmp_path), env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    lib_path, name = proc.stdout.split("\n")[:2]
    assert "build-plain" in lib_path
    assert name == "party-committee"


def test_error_message_in_the_process_locale(build_root, clean_env, tmp_path):
    # GError messages follow the process locale (gettext domain "libelect").
    env = dict(clean_env)
    env.update({"PYTHONPATH": os.path.join(build_root, "python"),
                "LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8",
                "ELECT_LOCALEDIR": os.path.join(build_root, "po")})
    code = ("import locale, libelect\n"
            "locale.setlocale(locale.LC_ALL, '')\n"
            "try:\n"
            "    libelect.profile('no-such-profile')\n"
            "except libelect.ElectError as e:\n"
            "    print(e.code); print(e.message)\n")
    proc = subprocess.run([PYTHON, "-c", code], cwd=str(tmp_path), env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    code_name, message = proc.stdout.split("\n")[:2]
    assert code_name == "not-found"          # codes are never translated
    assert "no-such-profile" in message
    assert re.search("[\u4e00-\u9fff]", message), message
    assert "no profile named" not in message


def test_python_example_prints_quorum_and_citation(build_root):
    script = os.path.join(SOURCE_ROOT, "examples", "python", "profiles.py")
    proc = subprocess.run([PYTHON, script, "party-committee"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    p = libelect.profile("party-committee")
    assert "quorum: >4/5 (present)" in proc.stdout
    assert "citation: " + p.citation("count.quorum") in proc.stdout
    assert "of 1000 entitled, at least 801" in proc.stdout
    proc = subprocess.run([PYTHON, script, "no-such-profile"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 1
    assert "not-found" in proc.stderr
