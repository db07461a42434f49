"""RDF datasets kept as N-Quads, merged and canonicalized without JSON-LD expansion.

A bundle's CLR embeds every claim credential, and each claim was already turned into
RDF when it was signed. The CLR's dataset is the union of its own statements (the
embedded credentials cut out, references to their ids kept) and the datasets of the
signed claims, with blank nodes kept apart; RDFC-1.0 (pyld's URDNA2015) then labels
the union. That is the dataset JSON-LD would produce, since embedded nodes are merged
into the same default graph. Tests check it against full JSON-LD canonicalization.

Statements are read from N-Quads written by lerkit's RDFC-1.0 serializer, one per
``"\\n"``-terminated line (never ``str.splitlines``: U+2028 may occur in a literal).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pyld.nquads
from pyld.canon import URDNA2015

from lerkit.core.credentials.canon import install_rdfc_escaping
from lerkit.core.errors import BadInputError

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
SEC_PROOF = "https://w3id.org/security#proof"
SEC_PROOF_VALUE = "https://w3id.org/security#proofValue"
SEC_MULTIBASE = "https://w3id.org/security#multibase"
DEFAULT_GRAPH = "@default"

_NODE = r"(?:<([^>]*)>|_:([A-Za-z0-9_][A-Za-z0-9_.\-]*))"
_STATEMENT = re.compile(
    rf"{_NODE} <([^>]*)> (?:{_NODE}|\"((?:[^\"\\]|\\.)*)\""
    r"(?:\^\^<([^>]*)>|@([a-zA-Z]+(?:-[a-zA-Z0-9]+)*))?)"
    rf"(?: {_NODE})? \."
)
_ESCAPE = re.compile(r"\\(?:([\"\\nrtbf])|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")
_ESCAPED = {'"': '"', "\\": "\\", "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


class DatasetError(BadInputError):
    """N-Quads that cannot be read back as an RDF dataset."""


def _unescape(match: re.Match[str]) -> str:
    simple = match.group(1)
    if simple:
        return _ESCAPED[simple]
    return chr(int(match.group(2) or match.group(3), 16))


def _node(iri: str | None, blank: str | None, prefix: str) -> dict[str, str]:
    if iri is not None:
        return {"type": "IRI", "value": iri}
    return {"type": "blank node", "value": f"_:{prefix}{blank}"}


@dataclass(frozen=True)
class Statement:
    """One quad in pyld's form; ``line``: its N-Quads line when it holds no blank node."""

    graph: str
    triple: dict[str, Any]
    line: str | None


def parse_statement(line: str, prefix: str, number: int = 1) -> Statement:
    """One N-Quads statement (without its newline); blank node labels get ``prefix``."""
    match = _STATEMENT.fullmatch(line)
    if match is None:
        raise DatasetError(f"not an N-Quads statement (line {number})")
    s_iri, s_blank, predicate, o_iri, o_blank, text, datatype, language, g_iri, g_blank = (
        match.groups())
    obj: dict[str, str]
    if text is None:
        obj = _node(o_iri, o_blank, prefix)
    else:
        value = _ESCAPE.sub(_unescape, text) if "\\" in text else text
        obj = {"type": "literal", "value": value,
               "datatype": RDF_LANG_STRING if language else (datatype or XSD_STRING)}
        if language:
            obj["language"] = language
    graph = DEFAULT_GRAPH if g_iri is None and g_blank is None else (
        _node(g_iri, g_blank, prefix)["value"])
    plain = s_blank is None and o_blank is None and g_blank is None
    triple = {"subject": _node(s_iri, s_blank, prefix),
              "predicate": {"type": "IRI", "value": predicate}, "object": obj}
    return Statement(graph, triple, line + "\n" if plain else None)


def _lines(nquads: str) -> Iterator[tuple[int, str]]:
    """Numbered statement lines of N-Quads, split on ``"\\n"`` only."""
    return enumerate(nquads.split("\n")[:-1], start=1)


def parse_nquads(nquads: str, prefix: str) -> Iterator[Statement]:
    """The statements of ``nquads``, every blank node label prefixed with ``prefix``."""
    for number, line in _lines(nquads):
        yield parse_statement(line, prefix, number)


def _serialize(graph: str, triple: dict[str, Any]) -> str:
    """One statement as an N-Quads line, literals escaped as RDFC-1.0 requires."""
    install_rdfc_escaping()
    return str(pyld.nquads.serialize_nquad(triple, None if graph == DEFAULT_GRAPH else graph))


def statement(graph: str, subject: dict[str, str], predicate: str,
              obj: dict[str, str]) -> Statement:
    """A statement made in code."""
    triple = {"subject": subject, "predicate": {"type": "IRI", "value": predicate},
              "object": obj}
    blank = "blank node" in (subject["type"], obj["type"]) or graph.startswith("_:")
    return Statement(graph, triple, None if blank else _serialize(graph, triple))


@dataclass
class Dataset:
    """A set of statements.

    Statements without blank nodes are kept as their N-Quads lines: RDFC-1.0 labels blank
    nodes from the statements that mention them only, and leaves the others as they are.
    """

    plain: set[str] = field(default_factory=set)
    graphs: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, statements: Iterable[Statement]) -> None:
        """Add statements (blank node labels must already be kept apart by the caller)."""
        for item in statements:
            if item.line is not None:
                self.plain.add(item.line)
            else:
                self.graphs.setdefault(item.graph, []).append(item.triple)

    def add_nquads(self, nquads: str, prefix: str) -> None:
        """Add the statements of canonical-form N-Quads, blank node labels prefixed."""
        for number, line in _lines(nquads):
            if "_:" in line:
                self.add([parse_statement(line, prefix, number)])
            elif line.endswith(" ."):
                self.plain.add(line + "\n")
            else:
                raise DatasetError(f"not an N-Quads statement (line {number})")

    def nquads(self) -> str:
        """N-Quads of the dataset (valid, not canonical: labels are as added)."""
        labelled = [_serialize(graph, triple)
                    for graph, triples in self.graphs.items() for triple in triples]
        return "".join([*sorted(self.plain), *labelled])

    def canonical(self) -> str:
        """RDFC-1.0 canonical N-Quads of the dataset."""
        if not self.graphs:
            return "".join(sorted(self.plain))
        install_rdfc_escaping()
        # pyld relabels the statements it is given in place: give it copies
        copies = {graph: [{part: dict(value) for part, value in triple.items()}
                          for triple in triples] for graph, triples in self.graphs.items()}
        result = URDNA2015().main(copies, {"format": "application/n-quads"})
        if not isinstance(result, str):
            raise DatasetError("RDF canonicalization gave no N-Quads")
        relabelled = [line + "\n" for line in result.split("\n")[:-1]]
        return "".join(sorted(self.plain.union(relabelled)))


def signed_dataset(unsigned: str, credential_id: str, proof_config: str,
                   proof_value: str) -> str:
    """N-Quads of a credential signed with one proof, from what signing canonicalized.

    ``unsigned`` and ``proof_config`` are the canonical N-Quads of the credential
    without proof and of the proof configuration (with the credential's ``@context``).
    The proof becomes a named graph, as VC 2.0's ``proof`` (``@container: @graph``) makes
    it: the configuration's statements plus ``proofValue``, linked from the credential.
    """
    dataset = Dataset()  # the proof's statements; the credential's are kept as they are
    graph = "_:proof"
    config = [Statement(graph, item.triple, None) for item in parse_nquads(proof_config, "p")
              if item.graph == DEFAULT_GRAPH]
    nodes = {item.triple["subject"]["value"] for item in config
             if item.triple["subject"]["type"] == "blank node"}
    if len(nodes) != 1:
        raise DatasetError("a proof configuration must describe one proof node")
    dataset.add(config)
    proof_node = {"type": "blank node", "value": nodes.pop()}
    dataset.add([
        statement(graph, proof_node, SEC_PROOF_VALUE,
                  {"type": "literal", "value": proof_value, "datatype": SEC_MULTIBASE}),
        statement(DEFAULT_GRAPH, {"type": "IRI", "value": credential_id}, SEC_PROOF,
                  {"type": "blank node", "value": graph}),
    ])
    # the canonical labels of ``unsigned`` (_:c14n...) cannot meet those given here
    return unsigned + dataset.nquads()


def canonical_with_embedded(shell: str, placeholder: str,
                            embedded: Iterable[tuple[str, str]]) -> str:
    """Canonical N-Quads of a document whose embedded credentials are given as datasets.

    ``shell`` is the canonical N-Quads of the document with one node reference,
    ``placeholder``, where the credentials were; ``embedded`` holds each credential's id
    and its dataset. Every statement that points at the placeholder is repeated for
    each credential id.
    """
    statements = list(parse_nquads(shell, "s"))
    links = [item for item in statements if item.triple["object"]["value"] == placeholder
             and item.triple["object"]["type"] == "IRI"]
    if not links or any(item.triple["subject"]["value"] == placeholder for item in statements):
        raise DatasetError("the placeholder credential is not where it should be")
    cut = {id(item) for item in links}
    dataset = Dataset()
    dataset.add(item for item in statements if id(item) not in cut)
    for number, (credential_id, nquads) in enumerate(embedded):
        dataset.add_nquads(nquads, f"e{number}.")
        dataset.add(statement(link.graph, dict(link.triple["subject"]),
                              link.triple["predicate"]["value"],
                              {"type": "IRI", "value": credential_id}) for link in links)
    return dataset.canonical()
