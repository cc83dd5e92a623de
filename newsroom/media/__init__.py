"""Media: pictures (issue 5) in an app of their own.

- `models`: `Image` (the media-library record) and its `Rendition`s;
- `upload`: checks an uploaded file and re-encodes it (no metadata survives). No model imports;
- `fields`: `PictureField`, which applies `upload` to every file as it is written;
- `renditions`: the srcset widths and focal-point crops, made when an image is saved;
- `forms`: the admin's `ImageForm`, which turns every refusal into a form error;
- `serving`: the media view for `make run` (content type, nosniff, long cache for renditions);
- `templatetags/pictures`: `{% picture %}`.
"""
