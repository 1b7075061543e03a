"""The `buurtbot` command. Exit codes: 0 ok, 1 failure, 2 usage or configuration error.

Heavy imports happen inside the subcommands: `buurtbot check` loads no platform, Redis or
settings library, so it starts fast.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Settings

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="TOML file with settings (the environment wins)",
    )
    p = argparse.ArgumentParser(
        prog="buurtbot",
        description="Moderation bot for neighbourhood-watch (buurtpreventie) groups.",
    )
    p.add_argument(
        "--config", metavar="FILE", help="TOML file with settings (the environment wins)"
    )
    sub = p.add_subparsers(dest="cmd", metavar="COMMAND", required=True)
    sub.add_parser(
        "run", parents=[common], help="serve webhooks / poll, run workers, sender, scheduler"
    )
    demo = sub.add_parser(
        "demo", parents=[common], help="a simulated group in the terminal, no setup"
    )
    demo.add_argument(
        "--script",
        metavar="FILE",
        help="run a script (one event per line) and print the transcript",
    )
    demo.add_argument(
        "--coordinator",
        metavar="NAME",
        action="append",
        default=[],
        help="same as '# coordinator NAME'",
    )
    sub.add_parser(
        "check", add_help=False, help="run the classifier on text (see: buurtbot check --help)"
    )
    admin = sub.add_parser("admin", parents=[common], help="operator tools (needs a real Redis)")
    nouns = admin.add_subparsers(dest="noun", metavar="NOUN", required=True)
    from bot import admin_cli

    admin_cli.add_nouns(nouns, common)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["check"]:
        return _check(args_list[1:])
    parser = _parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code or 0)
    from bot.config import ConfigError, load_settings

    try:
        settings = load_settings(args.config)
        _logging(settings)
        if args.cmd == "run":
            return _run(settings)
        if args.cmd == "demo":
            return _demo(settings, args)
        if args.cmd == "admin":
            from bot import admin_cli

            return admin_cli.run(settings, args)
    except ConfigError as exc:
        print(f"buurtbot: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_FAIL
    parser.error(f"unknown command {args.cmd}")
    return EXIT_USAGE  # pragma: no cover


def _logging(settings: Settings) -> None:
    logging.basicConfig(
        level=settings.log_level,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def _check(argv: list[str]) -> int:
    try:
        from rules.check_cli import main as check_main
    except ImportError:
        print("buurtbot check: not yet available", file=sys.stderr)
        return EXIT_FAIL
    return check_main(argv)


def _run(settings: Settings) -> int:
    import asyncio

    from bot.config import ConfigError
    from bot.runtime import Runtime
    from bot.server import serve

    if "telegram" in settings.adapter_names:
        settings.require("telegram_token")
        if settings.telegram_mode == "webhook":
            settings.require("telegram_webhook_secret")
    if "whatsapp" in settings.adapter_names:
        settings.require("whatsapp_token", "whatsapp_phone_number_id", "whatsapp_app_secret")

    async def main() -> None:
        runtime = await Runtime.build(settings)
        await serve(runtime)

    try:
        asyncio.run(main())
    except ConfigError:
        raise
    except OSError as exc:
        print(f"buurtbot run: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAIL
    return EXIT_OK


def _demo(settings: Settings, args: argparse.Namespace) -> int:
    from bot.config import load_settings
    from bot.demo import DemoError, run

    demo_settings = load_settings(args.config, redis_url="memory://", adapters="console")
    try:
        return run(demo_settings, args.script, args.coordinator)
    except DemoError as exc:
        print(f"buurtbot demo: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FileNotFoundError as exc:
        print(f"buurtbot demo: no such file: {exc.filename}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
