"""The rules quiz serve adds around textual-serve: the session limit, the idle timeout, a clean stop."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import aiohttp

from quiz.serve.access import Access, join_url
from tests.support.served import serve

TOKEN = "letmein"
COOKIES = {"quiz_class": TOKEN}


async def first_screen(socket: aiohttp.ClientWebSocketResponse) -> None:
    """Wait until the session's app has drawn something: it is running."""
    while True:
        message = await asyncio.wait_for(socket.receive(), 30)
        assert message.type == aiohttp.WSMsgType.BINARY, message
        if len(message.data) > 100:
            return


async def test_a_session_beyond_the_limit_gets_the_class_is_full_page(bank_file: Path, db: Path) -> None:
    with serve(str(bank_file), "--db", str(db), "--token", TOKEN, "--max-sessions", "1") as served:
        async with aiohttp.ClientSession(cookies=COOKIES) as client:
            async with client.ws_connect(served.base + "ws") as first:
                await first_screen(first)
                async with client.get(served.base) as page:
                    assert page.status == 503
                    assert "The class is full" in await page.text()
                async with client.get(served.base + "ws") as second:
                    assert second.status == 503
            await asyncio.sleep(0.5)
            async with client.get(served.base) as page:  # the place is free again
                assert page.status == 200


async def test_an_idle_session_ends_and_its_app_quits(bank_file: Path, db: Path) -> None:
    with serve(str(bank_file), "--db", str(db), "--token", TOKEN, "--idle-minutes", "0.05") as served:
        async with aiohttp.ClientSession(cookies=COOKIES) as client, client.ws_connect(served.base + "ws") as socket:
            await first_screen(socket)
            started = time.monotonic()
            while not socket.closed:
                await asyncio.wait_for(socket.receive(), 30)
            assert socket.close_code == 4000
            assert 2 <= time.monotonic() - started < 15
        assert until_no_sessions(served.process.pid)


async def test_ctrl_c_stops_the_server_and_every_session(bank_file: Path, db: Path) -> None:
    with serve(str(bank_file), "--db", str(db), "--token", TOKEN) as served:
        async with aiohttp.ClientSession(cookies=COOKIES) as client:
            sockets = [await client.ws_connect(served.base + "ws") for _ in range(3)]
            for socket in sockets:
                await first_screen(socket)
            assert len(session_processes(served.process.pid)) == 3
            code = await asyncio.to_thread(served.stop)
            assert code == 0
            assert "quiz serve: class stopped" in served.lines
            for socket in sockets:
                while not socket.closed:
                    await asyncio.wait_for(socket.receive(), 10)
        assert session_processes(served.process.pid) == []


def until_no_sessions(group: int, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while session_processes(group) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not session_processes(group)


def session_processes(group: int) -> list[int]:
    """The session apps still running in the server's process group (it was started as its own)."""
    running = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[2]) == group and b"quiz.serve.session" in command and fields[0] != "Z":
            running.append(int(entry.name))
    return running


def test_off_loopback_a_token_is_always_made_and_the_join_url_names_a_reachable_address() -> None:
    access = Access.for_bind("0.0.0.0", 8000, None)
    assert access.token and len(access.token) >= 20
    url = join_url("0.0.0.0", 8000, access.token)
    assert "0.0.0.0" not in url and url.endswith(f":8000/?token={access.token}")
    assert Access.for_bind("127.0.0.1", 8000, None).token is None
    assert Access.for_bind("127.0.0.1", 8000, "given").token == "given"


def test_the_served_page_loads_nothing_from_elsewhere() -> None:
    templates = Path(__file__).resolve().parents[2] / "quiz" / "serve" / "templates"
    for page in templates.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and "//fonts" not in text, page.name

