"""Batch mode: extraction of many inputs on Spark (or locally) into Parquet, then loaded into the store.

    sitrep batch INPUT... --engine spark|local --out DIR     read + extract -> DIR/{articles,reports,claims,errors}
    sitrep load DIR --db PATH                                 DIR -> the incident database, as sitrep ingest stores

See docs/batch.md. Nothing here imports pyspark unless the Spark engine runs.
"""
