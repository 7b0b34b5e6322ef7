#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "movement_archive.settings")
    from django.core.management import execute_from_command_line

    from movement_archive.core.collector import skip_collections_at_exit

    skip_collections_at_exit()
    execute_from_command_line(sys.argv)
