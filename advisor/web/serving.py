"""Running an ASGI app with uvicorn on a socket that is already listening (so the address can
be printed before the server starts, and port 0 gives a free port that is known)."""

from __future__ import annotations

import asyncio
import socket


def run_server(app, sock: socket.socket) -> None:
    """Serve until Ctrl-C (or SIGTERM); returns after a graceful shutdown."""
    import uvicorn

    config = uvicorn.Config(
        app,
        lifespan="off",
        log_level="warning",
        access_log=False,  # an access log would show the presenter's token in its query
        server_header=False,
        timeout_graceful_shutdown=3,  # open event streams must not keep Ctrl-C waiting
    )
    server = uvicorn.Server(config)
    try:
        asyncio.run(server.serve(sockets=[sock]))
    except KeyboardInterrupt:  # uvicorn re-raises the signal it stopped on: a normal stop here
        pass
    finally:
        sock.close()
