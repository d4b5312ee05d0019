import sitrep


def test_all_is_stable():
    assert sorted(sitrep.__all__) == sorted([
        "__version__", "Actor", "Article", "Claim", "Evidence", "Extraction", "Incident", "Place", "Range", "SitrepError", "Summary",
    ])
    for name in sitrep.__all__:
        assert hasattr(sitrep, name)


def test_import_is_light():
    import subprocess
    import sys

    code = "import sys, sitrep, sitrep.cli; sitrep.cli.build_parser(); print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
