"""pytest setup for `pytest snippets/`: puts this folder, and so `_runner`, on sys.path.

(pytest's default import mode inserts the folder of each conftest.py into
sys.path, which lets test files in page folders `import _runner` too.)
"""
