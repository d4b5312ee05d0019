"""The exception hierarchy. The CLI turns each into one line and the exit code shown.

    SitrepError                  exit 1  anything sitrep raises on purpose
    ├── ConfigError              exit 2  bad settings file or option value (argparse usage errors also exit 2)
    ├── InputError               exit 3  one input cannot be read; in a batch it is reported and skipped
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── UndecodableInput     not UTF-8 nor any of the legacy encodings tried
    │   ├── InputTooLarge        over settings' max_input_bytes
    │   └── MalformedRecord      a JSONL/feed/WARC record that does not parse
    ├── DataError                exit 4  a model or data file sitrep needs is missing or corrupt
    │   └── GazetteerError
    └── StoreError               exit 5  the database cannot be opened, migrated or written
"""
from __future__ import annotations


class SitrepError(Exception):
    exit_code = 1


class ConfigError(SitrepError):
    exit_code = 2


class InputError(SitrepError):
    exit_code = 3


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class UndecodableInput(InputError):
    pass


class InputTooLarge(InputError):
    pass


class MalformedRecord(InputError):
    pass


class DataError(SitrepError):
    exit_code = 4


class GazetteerError(DataError):
    pass


class StoreError(SitrepError):
    exit_code = 5
