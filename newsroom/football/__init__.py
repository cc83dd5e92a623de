"""Football data: competitions, clubs, players, matches and goals, and the names they go by.

- `models`: the records; clubs and players are taggit tags as well;
- `entities`: name folding and slugs, and the tag suggester (`suggest_tags()`, `current_matcher()`);
- `merges`: folding duplicate clubs or players into one;
- `admin`: clubs, players, competitions, matches and goals in the newsroom.

Knows nothing of articles: the editorial app depends on it, never the reverse.
"""
