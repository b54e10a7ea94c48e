"""engram.ingest"""
