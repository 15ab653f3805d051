# Python imports this file at start-up in the moto_server processes the tests
# launch (Launch puts its directory first on PYTHONPATH). It makes moto's
# server answer one request at a time, each on its connection's thread, and
# compute once what moto would otherwise compute again and again: the list
# of its modules and of a response class's methods (on every request),
# botocore's data files (each new Loader lists and parses them anew), the
# regions of a service (after every reset) and RSA keys (one per size serves
# every certificate, KMS key and key pair: the tests never read key material).
#
# Answering many requests at once, moto spends more CPU passing the GIL
# between threads than answering; docs/benchmarks.md ("moto") has the
# measurements. One thread alone would overflow the listen queue when a
# scan opens more connections than it holds.
import functools
import threading

import moto.core.responses as responses
import moto.server as server
from botocore import loaders
from cryptography.hazmat.primitives.asymmetric import rsa
from moto import backends
from moto.core.base_backend import AccountSpecificBackend

modules = tuple(backends.list_of_moto_modules())
backends.list_of_moto_modules = lambda: modules

# Loaders with the same search paths share the cache botocore keeps per
# Loader (its callers already share what one Loader returns).
loader_caches = {}
loader_init = loaders.Loader.__init__


def shared_cache_init(self, *args, **kwargs):
    loader_init(self, *args, **kwargs)
    self._cache = loader_caches.setdefault(tuple(self.search_paths), {})


loaders.Loader.__init__ = shared_cache_init

generate_regions = AccountSpecificBackend._generate_regions.__wrapped__  # self is unused
regions_of = functools.cache(lambda service: generate_regions(None, service))
AccountSpecificBackend._generate_regions = lambda self, service: regions_of(service)

responses.method_names_from_class = functools.cache(responses.method_names_from_class)
rsa.generate_private_key = functools.cache(rsa.generate_private_key)

run_simple = server.run_simple
one_at_a_time = threading.Lock()


def serialized(app):
    def answer(environ, start_response):
        with one_at_a_time:
            return list(app(environ, start_response))

    return answer


server.run_simple = lambda host, port, app, **kwargs: run_simple(host, port, serialized(app), **kwargs)
