"""{% fragment "name" obj.pk %}...{% endfragment %}: a part of a page drawn only from shared rows
(clubs, players, matches, goals, competitions, authors, images), rendered once and kept until any
of them changes (articles/fragments.py). What is inside must not show lists of articles: those
change without the shared rows changing. The view passes lazy values, so a kept fragment costs no
query."""

from django import template

from articles import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, names):
        self.nodelist = nodelist
        self.names = names

    def render(self, context):
        name = ":".join(str(part.resolve(context)) for part in self.names)
        return fragments.shared_fragment(context.get("request"), name, lambda: self.nodelist.render(context))


@register.tag
def fragment(parser, token):
    names = token.split_contents()[1:]
    if not names:
        raise template.TemplateSyntaxError('{% fragment %} needs a name: {% fragment "club-side" club.pk %}')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, [parser.compile_filter(name) for name in names])
