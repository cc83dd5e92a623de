"""The admin's form for the media library: every refusal of an upload is a form error."""

from django import forms
from django.core.files.uploadedfile import UploadedFile

from .models import Image
from .upload import ALLOWED_WORDS, prepare_upload


class ImageForm(forms.ModelForm):
    # A plain FileField, not forms.ImageField: Django's ImageField opens the upload with every
    # decoder Pillow has (TIFF, PSD, EPS…), which is exactly what must not happen. No max_length
    # either: the uploader's name is never stored, so a 300-character name is harmless.
    file = forms.FileField(
        label="Picture",
        help_text=f"{ALLOWED_WORDS}. Camera details and location are removed; the picture is turned "
        "upright. After saving, click the picture to set its focal point.",
    )

    class Meta:
        model = Image
        fields = ["file", "alt_text", "caption", "credit", "focal_x", "focal_y"]
        widgets = {
            "focal_x": forms.NumberInput(attrs={"step": "0.001", "min": "0", "max": "1"}),
            "focal_y": forms.NumberInput(attrs={"step": "0.001", "min": "0", "max": "1"}),
        }

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):  # a new upload, not the file already stored
            # Check and re-encode now, so a refusal is this field's error; Image.save() then
            # stores the prepared copy without doing the work twice.
            return prepare_upload(upload)
        return upload
