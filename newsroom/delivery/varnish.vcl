vcl 4.1;

# Varnish in front of the newsroom's gunicorn (docs/deploy.md, "Varnish in front").
#
# - Anonymous GET/HEAD are cached for as long as the app's Cache-Control allows (s-maxage first).
#   The TTL is never stretched here: s-maxage is capped at the next scheduled publication, so a
#   longer TTL would hide a scheduled report past its time.
# - Every public response carries Surrogate-Key (the tags of what it shows). The app sends
#   `BAN` with the changed tags in a Surrogate-Key request header (newsroom/delivery/edge.py) and
#   every object sharing a whole tag with it is dropped.
# - X-Cache on every response: HIT (served from here), MISS (fetched now, or not storable), PASS
#   (never looked up: /admin/, a logged-in editor, a write).
#
# Checked with `varnishd -C -f newsroom/delivery/varnish.vcl`; tests/delivery/test_varnish.py runs
# it for real.

import std;

# The app server (gunicorn). tests/delivery/varnish.py rewrites .host and .port to its own backend.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    # A little above gunicorn's 30 s timeout (newsroom/gunicorn.conf.py), so gunicorn decides.
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 10s;
}

# Who may ban: the app servers. Add each app host's address here; everyone else gets 403.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # Our own marker (set below), never trusted from a client.
    unset req.http.X-Newsroom-Pass;

    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not an allowed purger"));
        }
        # Varnish has appended client.ip to X-Forwarded-For; anything before it means the BAN came
        # through a proxy, and a TLS proxy on this machine makes every reader look like localhost.
        # edge.py talks to Varnish directly and sends no X-Forwarded-For.
        if (req.http.X-Forwarded-For != "" + client.ip) {
            return (synth(403, "Not an allowed purger (came through a proxy)"));
        }
        # Whole tags of letters, digits, "-", "_" and ":" separated by spaces, as edge.py sends
        # them: nothing else may reach the ban expression, where it would be regex syntax.
        if (req.http.Surrogate-Key !~ "^[A-Za-z0-9_:-]+( +[A-Za-z0-9_:-]+)*$") {
            return (synth(400, "Surrogate-Key must be space-separated tags of [A-Za-z0-9_:-]"));
        }
        # Only obj.* in the expression, so the ban lurker can apply it in the background instead
        # of every later request testing it. Whole tags only: club-1 must not ban club-12.
        if (std.ban("obj.http.Surrogate-Key ~ (^|\s)(" +
                regsuball(req.http.Surrogate-Key, " +", "|") + ")(\s|$)")) {
            return (synth(200, "Banned"));
        }
        return (synth(400, std.ban_error()));
    }

    if (req.method != "GET" && req.method != "HEAD" && req.method != "POST" && req.method != "PUT"
            && req.method != "PATCH" && req.method != "DELETE" && req.method != "OPTIONS") {
        # PURGE, TRACE, CONNECT, anything unknown: not for the app, and never piped to it.
        return (synth(405, "Method not allowed"));
    }

    # Tags are the app's to say, not the client's.
    unset req.http.Surrogate-Key;

    if (req.method != "GET" && req.method != "HEAD") {
        call newsroom_pass;
        return (pass);
    }
    # The newsroom: every page is personal, and logins must reach django-axes uncached.
    if (req.url ~ "^/admin(/|\?|$)") {
        call newsroom_pass;
        return (pass);
    }
    if (req.http.Authorization) {
        call newsroom_pass;
        return (pass);
    }
    # The cookies articles/caching.py calls personal (PERSONAL_COOKIES): a session (an editor,
    # who may see previews) or pending messages. Such requests keep their cookies and pass.
    # If SESSION_COOKIE_NAME is changed, change "sessionid" here too.
    if (req.http.Cookie ~ "(^|;)\s*(sessionid|messages)=") {
        call newsroom_pass;
        return (pass);
    }
    # Any other cookie (csrftoken, a consent flag) changes nothing on a public page: the app's own
    # page cache already serves one stored copy to all of them. Dropping it means the app renders
    # exactly what any anonymous reader gets, so sharing the object is safe.
    unset req.http.Cookie;
    return (hash);
}

sub newsroom_pass {
    set req.http.X-Newsroom-Pass = "1";
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.Host) {
        hash_data(req.http.Host);
    } else {
        hash_data(server.ip);
    }
    # http and https may answer differently (the HTTPS redirect): keep them apart.
    if (req.http.X-Forwarded-Proto) {
        hash_data(req.http.X-Forwarded-Proto);
    }
    return (lookup);
}

sub vcl_backend_fetch {
    unset bereq.http.X-Newsroom-Pass;
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Never keep what was made for one reader or what the app says not to keep: a Set-Cookie, a
    # private/no-store/no-cache answer (logged-in pages, previews, 404s of unpublished reports), a
    # response that does not say it may be kept, or one whose lifetime is already over.
    if (beresp.http.Set-Cookie
            || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
            || (!beresp.http.Cache-Control && !beresp.http.Expires)
            || beresp.http.Vary == "*"
            || beresp.ttl <= 0s) {
        # Hit-for-miss: remember for a while not to queue requests behind this URL, but store
        # the next answer if it is storable.
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    return (deliver);
}

sub vcl_deliver {
    if (req.http.X-Newsroom-Pass) {
        set resp.http.X-Cache = "PASS";
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Readers have no use for the tags; operators and tests ask for them with X-Debug-Tags.
    if (!req.http.X-Debug-Tags) {
        unset resp.http.Surrogate-Key;
    }
    return (deliver);
}
