"""``python -m policykg.cli``, as ``python -m policykg``."""

from policykg.cli import main

main()
