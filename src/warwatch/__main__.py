"""`python -m warwatch` is the `warwatch` command."""

from .cli import main

main()
