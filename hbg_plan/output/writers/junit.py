"""JUnit XML, the one writer validate, gaps and diff share: a suite of test cases with failures."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import NamedTuple

from hbg_plan.core.neutral import neutral

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text with control characters escaped (core.neutral) and the other characters XML 1.0
    cannot hold (U+FFFE, U+FFFF) replaced by U+FFFD."""
    return _XML_INVALID.sub("\ufffd", neutral(text))


JUnitProblem = tuple[str, str, str, str]  # (kind, type, message, body)


class JUnitCase(NamedTuple):
    """A test case; `system_out` is shown beside it without failing it, `file` is the attribute."""

    classname: str
    name: str
    problems: list[JUnitProblem]
    system_out: str = ""
    file: str = ""


def junit_xml(suite_name: str, cases: Iterable[tuple[str, str, list[JUnitProblem]] | JUnitCase]) -> str:
    """JUnit XML with one suite; a case is a JUnitCase or (classname, name, [(kind, type, message, body)]).

    `kind` is "failure" (the file has the problem) or "error" (the file could not be checked).
    A plain tuple's name is also its `file` attribute. A case without problems is one passing test
    case; a case with problems becomes one test case per problem, named by the problem's message,
    so that every test case has at most one failure and "passed = tests − failures − errors" holds
    in every reporter. The case's system-out goes with its first test case.
    """
    suites = ET.Element("testsuites", name=suite_name)
    suite = ET.SubElement(suites, "testsuite", name=suite_name)
    counts = {"tests": 0, "failures": 0, "errors": 0}

    def testcase(data: JUnitCase, name: str, system_out: str) -> ET.Element:
        counts["tests"] += 1
        case = ET.SubElement(suite, "testcase", classname=data.classname, name=xml_text(name))
        if data.file:
            case.set("file", xml_text(data.file))
        if system_out:
            ET.SubElement(case, "system-out").text = xml_text(system_out)
        return case

    for item in cases:
        data = item if isinstance(item, JUnitCase) else JUnitCase(*item, file=item[1])
        if not data.problems:
            testcase(data, data.name, data.system_out)
            continue
        for i, (kind, kind_type, text, body) in enumerate(data.problems):
            case = testcase(data, text, data.system_out if i == 0 else "")
            counts["failures" if kind == "failure" else "errors"] += 1
            element = ET.Element(kind, message=xml_text(text), type=kind_type)
            element.text = xml_text(body)
            case.insert(0, element)
    for element in (suites, suite):
        for key, value in counts.items():
            element.set(key, str(value))
        element.set("skipped", "0")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
