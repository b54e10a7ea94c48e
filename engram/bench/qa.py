"""Optional question answering for the benchmarks: an LLM reads the packed context
and answers; a second call grades the answer against the reference (the LLM-judge
protocol of LongMemEval and of mem0's LoCoMo evaluation). Needs an OpenAI-compatible
server (``ENGRAM_LLM_BASE_URL``); never required for the retrieval metrics."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from engram.bench.datasets import BenchCase
from engram.llm.client import LLMClient
from engram.llm.prompts import render

ANSWERABLE_RULE = ("Say it is correct if the model answer contains the reference answer or an "
                   "equivalent (same facts, dates may be phrased differently). A partial answer "
                   "missing a required part is not correct.")
ABSTENTION_RULE = ("The question cannot be answered from the conversations. Say it is correct only "
                   "if the model answer says it does not know or that the information is not "
                   "available.")


class Answer(BaseModel):
    answer: str


class Verdict(BaseModel):
    correct: bool


def answer_and_judge(llm: LLMClient, case: BenchCase, context: str) -> dict[str, Any]:
    """Ask, then grade; a reply malformed twice counts as a wrong answer."""
    date = case.question_time.strftime("%Y-%m-%d (%A) %H:%M") if case.question_time else "unknown"
    prompt = render("bench_answer", question_date=date, context=context or "(none)",
                    question=case.question)
    reply = llm.json([{"role": "user", "content": prompt}], Answer, task="bench answer")
    answer = reply.answer if reply else ""
    verdict = None
    if reply is not None:
        rule = ABSTENTION_RULE if case.abstention else ANSWERABLE_RULE
        judge = render("bench_judge", question=case.question, reference=case.answer,
                       answer=answer, rule=rule)
        verdict = llm.json([{"role": "user", "content": judge}], Verdict, task="bench judge")
    return {"qa_answer": answer, "qa_correct": 1.0 if verdict and verdict.correct else 0.0}
