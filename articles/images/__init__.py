"""Pictures: safe uploads and responsive renditions (issue 5).

- `upload`: checks an uploaded file and re-encodes it (no metadata survives). No model imports.
- `fields`: `PictureField`, which applies `upload` to every file as it is written.
- `renditions`: the srcset widths and focal-point crops, made when an image is saved.
- `forms`: the admin's `ImageForm`, which turns every refusal into a form error.
- `serving`: the media view for `make run` (content type, nosniff, long cache for renditions).
"""
