"""Test helpers that ship with engram: a scripted OpenAI-compatible server for
exercising the LLM paths (extraction, updates, benchmark QA) without a model."""
