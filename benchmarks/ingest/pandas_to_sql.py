"""What a merchant's engineer would otherwise write: pandas read_csv, then to_sql into
PostgreSQL. Prints the seconds taken.

    /usr/bin/python3 pandas_to_sql.py FILE.csv postgresql+psycopg2://user@host:port/db
"""
import sys
import time

import pandas
import sqlalchemy

started = time.monotonic()
frame = pandas.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
engine = sqlalchemy.create_engine(sys.argv[2])
frame.to_sql("pandas_products", engine, if_exists="replace", index=False, chunksize=10_000, method="multi")
print(f"{time.monotonic() - started:.2f}")
