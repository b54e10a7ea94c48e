"""engram.index"""
