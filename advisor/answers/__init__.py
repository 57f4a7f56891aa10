"""Answers: what the user tells the advisor, read from every channel and written back to files."""
