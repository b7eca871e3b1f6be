"""The `gandan` console command: Django's management entry point."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gandan.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    from gandan.core.keys import MissingKeys

    try:
        _ = settings.INSTALLED_APPS  # loads the settings, which stop when a key is missing
    except MissingKeys as missing:
        # The message says which keys and how to provide them; a traceback would bury it.
        print(missing, file=sys.stderr)
        sys.exit(2)
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
