"""What a browser would submit from a form on a page: for tests that follow the page's own form."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields, self.radios = form_id, False, [], {}
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind == "radio":
                self.radios.setdefault(name, [])
                self.radios[name].append(attrs.get("value", "on"))
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
            elif kind == "checkbox":
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button", "reset"):
                self.fields.append((name, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self.inside = False


def read_form(html, form_id):
    """(fields, radios): the (name, value) pairs the form submits as it stands, and each radio
    group's offered values."""
    reader = _FormReader(form_id)
    reader.feed(html)
    return reader.fields, reader.radios


def as_post(fields, **choices):
    """The pairs as a dict of lists for the test client, with radio groups set to `choices`."""
    data = {}
    for name, value in fields:
        if name not in choices:
            data.setdefault(name, []).append(value)
    for name, value in choices.items():
        data[name] = [value]
    return data
