"""PictureField: an ImageField whose files are checked and re-encoded as they are written.

Django writes a file in `FieldFile.save()`: from the model's `pre_save` when a form assigned an
upload, or at once when code calls `image.file.save(name, content)` (as load_demo does). Hooking
that one method means no code path can store a picture that skipped the upload rules or still
carries its metadata.
"""

from django.db.models.fields.files import ImageField, ImageFieldFile

from .upload import prepare_upload


class PictureFieldFile(ImageFieldFile):
    # The PreparedUpload just written, so Image.save() can make renditions without decoding again.
    prepared = None

    def save(self, name, content, save=True):
        prepared = prepare_upload(content, name=name)  # raises ValidationError; writes nothing
        if self.field.size_field:
            setattr(self.instance, self.field.size_field, prepared.size)
        super().save(prepared.name, prepared, save)
        # super() stored the new name on the instance, whose descriptor now hands out a fresh
        # FieldFile: that is the one Image.save() will read.
        getattr(self.instance, self.field.attname).prepared = prepared


class PictureField(ImageField):
    attr_class = PictureFieldFile

    def __init__(self, *args, size_field=None, **kwargs):
        self.size_field = size_field
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.size_field:
            kwargs["size_field"] = self.size_field
        return name, path, args, kwargs
