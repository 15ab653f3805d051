# Python imports this file at start-up in the moto_server processes the tests
# launch (Launch puts its directory first on PYTHONPATH). It makes moto's
# server answer on one thread and read the list of moto's modules once
# instead of on every request.
#
# Threaded, moto spends more CPU passing the GIL between request threads than
# answering; docs/benchmarks.md ("moto") has the measurements.
import moto.server as server
from moto import backends

modules = tuple(backends.list_of_moto_modules())
backends.list_of_moto_modules = lambda: modules

run_simple = server.run_simple
server.run_simple = lambda *args, **kwargs: run_simple(*args, **{**kwargs, "threaded": False})
