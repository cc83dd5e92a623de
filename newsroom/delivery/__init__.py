"""Delivery: getting pages to readers fast without ever showing what is no longer so.

- `purges`: cache tags, their versions, and the registry of what each model's changes purge;
- `changes`: one change, one set of side effects (`one_change()`);
- `pagecache`: the page cache middleware; `fragments`: kept parts of pages;
- `edge`: telling Varnish or a CDN which tags changed; `varnish.vcl` the matching VCL;
- `addresses`: old public addresses keep answering (301, or 410 for what was taken down).

This app imports no other app of the project: the content apps declare their tags here.
"""
