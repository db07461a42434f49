"""The core's and the services' messages in Spanish: errors keep their exit codes, and a
verify report speaks the reader's language while its codes and statuses stay the same."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lerkit.core import i18n
from lerkit.core.credentials.evidence import MATCHES, NOT_AT_HAND
from lerkit.core.credentials.keys import Identity, seal_identity, unseal_identity
from lerkit.core.credentials.report import TIER_SELF_ATTESTED, TIER_WORDS
from lerkit.core.credentials.verify import verify_bundle
from lerkit.core.credentials.written import WrittenFileError, check_written_bundle
from lerkit.core.errors import (
    EXIT_BAD_INPUT,
    BadInputError,
    FileFormatError,
    PassphraseError,
)
from lerkit.core.evidence_checks import check_date, check_url
from lerkit.core.passphrase_kdf import TEST_MEMLIMIT, TEST_OPSLIMIT
from lerkit.core.strict_json import parse_json
from lerkit.services.people import clean_name
from tests.unit.credentials.conftest import signed_bundle


@pytest.fixture
def spanish() -> Iterator[None]:
    """Spanish for the test, English again afterwards."""
    i18n.set_language("es")
    try:
        yield
    finally:
        i18n.set_language("en")


def _tampered() -> dict[str, object]:
    bundle = signed_bundle(2)
    subject = bundle["credentialSubject"]
    subject["verifiableCredential"][0]["credentialSubject"]["achievement"]["name"] = "Changed"
    return bundle


def test_verify_report_in_spanish_keeps_its_codes(spanish: None) -> None:
    report = verify_bundle(_tampered())
    assert not report.valid
    assert report.kind == "bundle"
    assert {claim.tier for claim in report.claims} == {TIER_SELF_ATTESTED}
    problems = report.all_errors()
    assert any("prueba criptográfica 1: firma no válida" in p for p in problems), problems
    assert not any("invalid signature" in p for p in problems)
    as_json = report.to_dict()
    assert as_json["kind"] == "bundle"
    assert as_json["claims"][0]["tier"] == "self-attested"


def test_verify_report_in_english_by_default() -> None:
    problems = verify_bundle(_tampered()).all_errors()
    assert any("proof 1: invalid signature" in p for p in problems), problems


def test_not_a_bundle_in_spanish(spanish: None) -> None:
    report = verify_bundle("not json at all")
    assert report.errors == ["el paquete no es un objeto JSON"]


def test_tier_words_follow_the_language_on_screen() -> None:
    assert TIER_WORDS[TIER_SELF_ATTESTED] == "self-attested only"
    i18n.set_language("es")
    try:
        assert TIER_WORDS[TIER_SELF_ATTESTED] == "solo autodeclarada"
        assert TIER_WORDS.get("unknown-tier", "unknown-tier") == "unknown-tier"
    finally:
        i18n.set_language("en")
    assert TIER_WORDS.get(TIER_SELF_ATTESTED) == "self-attested only"


def test_evidence_statuses_are_compared_in_english_and_shown_translated(spanish: None) -> None:
    assert MATCHES == "file at hand matches its digest"
    assert i18n._(NOT_AT_HAND) == "archivo no disponible (no se verificó su huella digital)"


def test_bad_input_in_spanish_keeps_its_exit_code(spanish: None) -> None:
    with pytest.raises(BadInputError) as caught:
        clean_name("   ")
    assert caught.value.message == "un nombre no puede estar vacío"
    assert caught.value.exit_code == EXIT_BAD_INPUT
    with pytest.raises(BadInputError, match="el enlace está vacío"):
        check_url("")
    with pytest.raises(BadInputError, match="no se entiende 'someday' como fecha"):
        check_date("someday")


def test_wrong_passphrase_in_spanish(spanish: None) -> None:
    sealed = seal_identity(Identity.generate(), "correct horse",
                           opslimit=TEST_OPSLIMIT, memlimit=TEST_MEMLIMIT)
    with pytest.raises(PassphraseError, match="frase de contraseña incorrecta") as caught:
        unseal_identity(sealed, "wrong horse")
    assert caught.value.exit_code == EXIT_BAD_INPUT


def test_file_format_error_in_spanish(spanish: None) -> None:
    with pytest.raises(FileFormatError) as caught:
        parse_json('{"a": 1, "a": 2}', "datos.json")
    assert str(caught.value) == "datos.json:1: la clave 'a' aparece dos veces en un objeto, en a"
    with pytest.raises(FileFormatError, match=r"dígitos, en el nivel superior$"):
        parse_json("9" * 5000, "datos.json")


def test_written_file_error_in_spanish_keeps_exit_code_4(spanish: None, tmp_path: Path) -> None:
    written = tmp_path / "bundle.json"
    written.write_bytes(b"not json")
    with pytest.raises(WrittenFileError) as caught:
        check_written_bundle(written, b"not json", name=written, limit=1024)
    assert caught.value.exit_code == 4
    assert "no se pudo verificar después de guardarse" in caught.value.message
    assert "no es JSON válido" in caught.value.message
