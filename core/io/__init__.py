"""Getting articles in and gold out.

- `importers.import_paths`: `.txt`, HTML and JSONL files and folders -> goftar/1 records
  (with `decoding` for encodings, `html_text` for pages, `jsonl_input` for JSONL lines,
  `ids` for record ids and `problems` for the `file:line [id] what` report);
- `export.export_gold`: records -> gold JSONL, rejected items dropped, written atomically.
"""
