"""The LLM client against a real local HTTP server: JSON mode, retries, validation."""

from __future__ import annotations

import json
import logging

import pytest
from pydantic import BaseModel

from engram.llm import LLMClient, LLMError, load_prompt, parse_json, render
from engram.testing.fake_openai import FakeOpenAI

SECRET = "my passport number is X1234567"


class Answer(BaseModel):
    answer: str


def client(fake: FakeOpenAI, **options: object) -> LLMClient:
    return LLMClient(fake.url, "fake-model", "sk-test", backoff=0.001, **options)  # type: ignore[arg-type]


def test_json_reply_is_validated_and_json_mode_requested(fake_llm: FakeOpenAI) -> None:
    fake_llm.script('{"answer": "42"}')
    with client(fake_llm) as llm:
        reply = llm.json([{"role": "user", "content": "q"}], Answer, task="test")
    assert reply == Answer(answer="42")
    [body] = fake_llm.requests
    assert body["response_format"] == {"type": "json_object"}
    assert body["model"] == "fake-model" and body["temperature"] == 0.0
    assert fake_llm.paths == ["/v1/chat/completions"]


def test_bare_base_url_gets_v1(fake_llm: FakeOpenAI) -> None:
    fake_llm.script("plain")
    with LLMClient(fake_llm.url.removesuffix("/v1"), "m") as llm:
        assert llm.chat([{"role": "user", "content": "hi"}]) == "plain"
    assert fake_llm.paths == ["/v1/chat/completions"]


def test_code_fenced_json_is_accepted(fake_llm: FakeOpenAI) -> None:
    fake_llm.script('```json\n{"answer": "yes"}\n```')
    with client(fake_llm) as llm:
        assert llm.json([{"role": "user", "content": "q"}], Answer, task="t") == Answer(answer="yes")


def test_malformed_reply_is_retried_once_then_accepted(fake_llm: FakeOpenAI) -> None:
    fake_llm.script("not json at all", '{"answer": "ok"}')
    with client(fake_llm) as llm:
        assert llm.json([{"role": "user", "content": "q"}], Answer, task="t") == Answer(answer="ok")
    assert len(fake_llm.requests) == 2


def test_malformed_twice_is_skipped_with_a_content_free_warning(
        fake_llm: FakeOpenAI, caplog: pytest.LogCaptureFixture) -> None:
    fake_llm.script(f'{{"wrong": "{SECRET}"}}', f"Sure! {SECRET}")
    with caplog.at_level(logging.DEBUG, logger="engram"), client(fake_llm) as llm:
        assert llm.json([{"role": "user", "content": SECRET}], Answer, task="t") is None
    assert len(fake_llm.requests) == 2
    assert any(r.levelno == logging.WARNING and "skipping" in r.getMessage() for r in caplog.records)
    assert all("X1234567" not in r.getMessage() for r in caplog.records)


def test_5xx_and_429_are_retried(fake_llm: FakeOpenAI) -> None:
    fake_llm.script({"error": "busy"}, status=503)
    fake_llm.script({"error": "slow down"}, status=429, headers={"Retry-After": "0"})
    fake_llm.script('{"answer": "finally"}')
    with client(fake_llm) as llm:
        assert llm.json([{"role": "user", "content": "q"}], Answer, task="t") == Answer(answer="finally")
    assert len(fake_llm.requests) == 3


def test_persistent_5xx_raises_a_helpful_error(fake_llm: FakeOpenAI) -> None:
    fake_llm.script(*[{"error": "down"}] * 3, status=500)
    with client(fake_llm, max_retries=2) as llm, pytest.raises(LLMError, match="HTTP 500"):
        llm.chat([{"role": "user", "content": "q"}])


def test_server_rejecting_json_mode_is_asked_without_it(fake_llm: FakeOpenAI) -> None:
    fake_llm.script({"error": "response_format not supported"}, status=400)
    fake_llm.script('{"answer": "plain mode"}')
    with client(fake_llm) as llm:
        assert llm.json([{"role": "user", "content": "q"}], Answer, task="t") == Answer(answer="plain mode")
        assert llm.json_mode is False
    assert "response_format" in fake_llm.requests[0] and "response_format" not in fake_llm.requests[1]


def test_not_a_chat_completion_is_an_error(fake_llm: FakeOpenAI) -> None:
    fake_llm.script({"unexpected": True})
    with client(fake_llm) as llm, pytest.raises(LLMError, match="OpenAI-compatible"):
        llm.chat([{"role": "user", "content": "q"}])


def test_unreachable_server_raises_llm_error() -> None:
    with LLMClient("http://127.0.0.1:9/v1", "m", max_retries=1, backoff=0.001, timeout=2) as llm:
        with pytest.raises(LLMError, match="cannot reach"):
            llm.chat([{"role": "user", "content": "q"}])


def test_api_key_is_sent_as_bearer(fake_llm: FakeOpenAI) -> None:
    fake_llm.responder = lambda body: (200, "x", {})
    with client(fake_llm) as llm:
        llm.chat([{"role": "user", "content": "q"}])
    assert fake_llm.auth == ["Bearer sk-test"]


def test_prompts_are_data_files() -> None:
    assert "{{text}}" in load_prompt("extract_facts")
    text = render("summarize", max_words="50", notes="- a {brace}")
    assert "50 words" in text and "{brace}" in text and "{{" not in text
    assert parse_json(' {"a": 1} ') == {"a": 1}
    with pytest.raises(json.JSONDecodeError):
        parse_json("nope")
