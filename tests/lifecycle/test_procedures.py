"""Procedural memory: trajectories and lessons, retrieved by task similarity."""

from __future__ import annotations

import pytest

from engram.errors import InvalidInputError

from .conftest import MakeMemory


def test_procedures_are_found_by_task_and_failures_kept_as_lessons(make_memory: MakeMemory) -> None:
    mem = make_memory()
    mem.add("I deployed the website yesterday and it went fine", user_id="u")
    ok = mem.add_procedure("deploy the website to production", ["run the tests", "build the image",
                           "push to the registry"], "deployed in 4 minutes", user_id="u")
    bad = mem.add_procedure("deploy the website to production", ["push without tests"],
                            "the site went down", success=False, user_id="u")
    mem.add_procedure("renew the TLS certificate", ["run certbot"], "renewed", user_id="u")
    assert ok.kind.value == "procedure" and ok.metadata["steps"][0] == "run the tests"
    assert bad.tags == ["procedure", "lesson"] and "Lesson (failed): the site went down" in bad.content
    hits = mem.search("how do I deploy the website?", user_id="u", filters={"kinds": ["procedure"]}).hits
    assert {h.item.id for h in hits[:2]} == {ok.id, bad.id}
    assert all(h.item.kind.value == "procedure" for h in hits)
    lessons = mem.list(user_id="u", filters={"kinds": ["procedure"], "tags": ["lesson"]}).items
    assert [i.id for i in lessons] == [bad.id]


@pytest.mark.parametrize("task, steps", [("", ["a"]), ("t", []), ("t", "not a list")])
def test_bad_procedures_are_rejected(make_memory: MakeMemory, task: str, steps: object) -> None:
    with pytest.raises(InvalidInputError):
        make_memory().add_procedure(task, steps, "x", user_id="u")  # type: ignore[arg-type]
