"""``python -m uztranslit.web``: the same as ``uztranslit serve``."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
