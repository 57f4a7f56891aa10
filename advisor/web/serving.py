"""Running an ASGI app with uvicorn on a socket that is already listening (so the address can
be printed before the server starts, and port 0 gives a free port that is known)."""

from __future__ import annotations

import asyncio
import socket
from typing import Callable


def run_server(app, sock: socket.socket, on_exit: Callable[[], None] | None = None) -> None:
    """Serve until Ctrl-C (or SIGTERM); returns after a graceful shutdown. on_exit is called as
    the shutdown begins (the workshop app ends its open event streams then)."""
    import uvicorn

    class Server(uvicorn.Server):
        def handle_exit(self, sig, frame) -> None:
            if on_exit is not None:
                on_exit()
            super().handle_exit(sig, frame)

    config = uvicorn.Config(
        app,
        lifespan="off",
        log_level="warning",
        access_log=False,  # an access log would show the presenter's token in its query
        server_header=False,
        timeout_graceful_shutdown=3,  # open event streams must not keep Ctrl-C waiting
    )
    server = Server(config)
    try:
        asyncio.run(server.serve(sockets=[sock]))
    except KeyboardInterrupt:  # uvicorn re-raises the signal it stopped on: a normal stop here
        pass
    finally:
        sock.close()
