# Python imports this file at start-up in the moto_server processes the tests
# launch (Launch puts its directory first on PYTHONPATH). It makes moto's
# server answer one request at a time, each on its connection's thread, and
# read the list of moto's modules once instead of on every request.
#
# Answering many requests at once, moto spends more CPU passing the GIL
# between threads than answering; docs/benchmarks.md ("moto") has the
# measurements. One thread alone would overflow the listen queue when a
# scan opens more connections than it holds.
import threading

import moto.server as server
from moto import backends

modules = tuple(backends.list_of_moto_modules())
backends.list_of_moto_modules = lambda: modules

run_simple = server.run_simple
one_at_a_time = threading.Lock()


def serialized(app):
    def answer(environ, start_response):
        with one_at_a_time:
            return list(app(environ, start_response))

    return answer


server.run_simple = lambda host, port, app, **kwargs: run_simple(host, port, serialized(app), **kwargs)
