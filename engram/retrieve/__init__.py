"""engram.retrieve"""
