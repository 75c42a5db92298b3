"""Reading what offices send: spreadsheets and CSV files, turned into plain rows.

Nothing here writes to the database; the services in ``core/services`` decide what a
file means for the data on file and write it.
"""
