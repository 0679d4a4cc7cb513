"""The command line: parse arguments, call the library, print or write (``ranksim``)."""

from sim.cli.main import entry, main

__all__ = ["entry", "main"]
