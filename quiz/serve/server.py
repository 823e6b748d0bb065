"""The class server: textual-serve's app sessions behind a token, a session limit and an idle timeout.

Routes: ``/`` (our page, loads nothing from elsewhere), ``/ws`` (one app session per websocket) and
``/static`` (textual-serve's script, stylesheet and font). textual-serve's download route is left out:
the learner's app offers no downloads. Every route passes ``_guard`` first.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from quiz.serve.access import COOKIE, Access

TEMPLATES = Path(__file__).parent / "templates"
STOP_SECONDS = 10.0
"""How long a session's app may take to quit when the class stops or the tab goes idle."""

log = logging.getLogger("quiz.serve")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class ClassSettings:
    """What the teacher chose on the command line."""

    class_name: str
    max_sessions: int
    idle_seconds: float


@dataclass(eq=False)
class _Live:
    """One open tab: its websocket, its app and when its learner last pressed a key."""

    websocket: web.WebSocketResponse
    last_input: float = field(default_factory=time.monotonic)
    done: asyncio.Event = field(default_factory=asyncio.Event)


class ClassServer(Server):
    """textual-serve's Server with our routes, pages and rules; ``serve()`` runs until Ctrl+C."""

    def __init__(self, command: str, host: str, port: int, access: Access, settings: ClassSettings,
                 announce: Callable[[], None]) -> None:
        super().__init__(command, host=host, port=port, title="quiz")
        self.access = access
        self.settings = settings
        self.sessions: set[_Live] = set()
        self._announce = announce
        self.static_path = self.statics_path

    def initialize_logging(self) -> None:
        """textual-serve logs through rich to the terminal; keep warnings only, the teacher reads our lines."""
        logging.basicConfig(level=logging.WARNING, format="quiz serve: %(message)s")

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.static("/static", self.static_path, show_index=False, name="static"),
        ])
        app.on_shutdown.append(self.on_shutdown)
        return app

    def serve(self, debug: bool = False) -> None:
        """Listen, say the join URL once learners can connect, and run until SIGINT or SIGTERM."""
        self.initialize_logging()
        asyncio.run(self._run())

    async def _run(self) -> None:
        runner = web.AppRunner(await self._make_app(), handle_signals=False)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signal_number in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(signal_number, stop.set)
            self._announce()
            await stop.wait()
        finally:
            await runner.cleanup()

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """403 unless the Host and Origin are ours and the token (query once, then cookie) is right."""
        access = self.access
        host = request.headers.get("Host")
        if not access.host_allowed(host) or not access.origin_allowed(request.headers.get("Origin"), host):
            return _page(request, "forbidden.html", 403)
        offered = request.query.get("token")
        if offered is not None and access.token_matches(offered) and request.path == "/":
            response = web.HTTPSeeOther("/")
            response.set_cookie(COOKIE, offered, httponly=True, samesite="Strict", path="/")
            return response
        if not access.token_matches(request.cookies.get(COOKIE)):
            return _page(request, "forbidden.html", 403)
        return await handler(request)

    @property
    def full(self) -> bool:
        return len(self.sessions) >= self.settings.max_sessions

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self.full:
            return _page(request, "full.html", 503)
        scheme = "wss" if request.secure else "ws"
        context = {"websocket_url": f"{scheme}://{request.host}/ws", "static_url": "/static/",
                   "class_name": self.settings.class_name, "idle_minutes": round(self.settings.idle_seconds / 60)}
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if self.full:
            raise web.HTTPServiceUnavailable(text="The class is full.")
        websocket = web.WebSocketResponse(heartbeat=15)
        live = _Live(websocket)
        self.sessions.add(live)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            service = AppService(self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                                 close=_closer(websocket), download_manager=self.download_manager)
            await service.start(_size(request, "width", 80), _size(request, "height", 24))
            await self._relay(live, service)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            if service is not None:
                await _stop(service)
            self.sessions.discard(live)
            live.done.set()
        return websocket

    async def _relay(self, live: _Live, service: AppService) -> None:
        """Browser messages to the app until the tab closes or its learner has been idle too long."""
        websocket = live.websocket
        while not websocket.closed:
            remaining = self.settings.idle_seconds - (time.monotonic() - live.last_input)
            try:
                message = await websocket.receive(timeout=max(remaining, 0.01))
            except TimeoutError:
                await websocket.close(code=4000, message=b"idle")
                return
            if message.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED, WSMsgType.ERROR):
                return
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, data = message.json()
            except ValueError:
                continue
            if kind == "stdin" and isinstance(data, str):
                live.last_input = time.monotonic()
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await service.set_terminal_size(_clamp(data.get("width"), 80), _clamp(data.get("height"), 24))
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C: close every tab, which quits its app; answers are already committed as they are given."""
        sessions = list(self.sessions)
        for live in sessions:
            await live.websocket.close(code=1001, message=b"class stopped")
        if sessions:
            await asyncio.wait([asyncio.ensure_future(live.done.wait()) for live in sessions],
                               timeout=STOP_SECONDS * 2)


async def _stop(service: AppService) -> None:
    """Ask the app to quit; end its process if it has not within STOP_SECONDS."""
    with contextlib.suppress(Exception):
        await asyncio.wait_for(service.stop(), STOP_SECONDS)
    process = service._process
    if process is not None and process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await process.wait()


def _closer(websocket: web.WebSocketResponse) -> Callable[[], Awaitable[None]]:
    """What AppService calls when the app has quit: close the tab's websocket."""

    async def close() -> None:
        await websocket.close()

    return close


def _page(request: web.Request, template: str, status: int) -> web.Response:
    response = aiohttp_jinja2.render_template(template, request, {}, status=status)
    response.headers["Cache-Control"] = "no-store"
    return response


def _size(request: web.Request, name: str, default: int) -> int:
    return _clamp(request.query.get(name), default)


def _clamp(value: object, default: int) -> int:
    """A terminal dimension from the browser: a whole number from 10 to 500."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(max(number, 10), 500)
