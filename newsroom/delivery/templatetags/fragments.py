"""{% fragment "name" obj.pk %}...{% endfragment %}: a part of a page rendered once and kept until
one of the things it shows is purged (newsroom/delivery/fragments.py). What is inside says what it
shows: the lazy values it reads call `purges.shows()`, or the tag's `shows` list names them:
{% fragment "club-side" club.pk shows=club_side_tags %}. The view passes lazy values, so a kept
fragment costs no query."""

from django import template

from newsroom.delivery import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, names, shows):
        self.nodelist = nodelist
        self.names = names
        self.shows = shows

    def render(self, context):
        name = "fragment:" + ":".join(str(part.resolve(context)) for part in self.names)
        tags = self.shows.resolve(context) if self.shows is not None else ()
        if isinstance(tags, str):
            tags = tags.split()  # shows="competitions clubs"
        return fragments.kept(context.get("request"), name, lambda: self.nodelist.render(context), tags=tags)


@register.tag
def fragment(parser, token):
    bits = token.split_contents()[1:]
    shows = None
    if bits and bits[-1].startswith("shows="):
        shows = parser.compile_filter(bits.pop()[len("shows="):])
    if not bits:
        raise template.TemplateSyntaxError(
            '{% fragment %} needs a name: {% fragment "club-side" club.pk shows=tags %}'
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, [parser.compile_filter(name) for name in bits], shows)
