"""engram.bench"""
