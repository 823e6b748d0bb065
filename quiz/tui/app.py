"""The learner's app: one Textual App over a Library of banks and a Store of scores.

``make_app`` is the single factory used by ``quiz play`` and by the tests, so both run the same app on
whatever database and seed they choose. Screens other than the first two are imported when first
shown, which keeps start-up close to a bare Textual app's.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.screen import Screen

from quiz.clock import Clock, system_clock
from quiz.collector import resume_collection
from quiz.errors import QuizError
from quiz.study.lease import RENEW_SECONDS
from quiz.study.library import Library
from quiz.study.modes import ALL_BANKS, DEFAULT_COUNT, Mode
from quiz.study.session import Learner, Lease, ResumableRound, Session, Store
from quiz.tui.screens.learner import ClassLearnerScreen, LearnerScreen
from quiz.tui.screens.library import LibraryScreen
from quiz.tui.terminal_filter import RefusedCharacters

if TYPE_CHECKING:
    from quiz.bank.model import Bank
    from quiz.study.round import Round
    from quiz.study.settings import RoundSettings

THEMES = {"dark": "textual-dark", "light": "textual-light"}


@dataclass(frozen=True)
class StartRequest:
    """What the command line asked to go straight to, used once when the learner is known."""

    learner: str | None = None
    bank_id: str | None = None
    mode: Mode | None = None
    count: int | None = None


class QuizApp(App[None]):
    """Screens: learner → library → question ⇄ feedback → summary; history, notes and help on the side."""

    CSS_PATH = "app.tcss"
    TITLE = "quiz"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark", "help", "Help"),
        Binding("ctrl+t", "toggle_theme", "Theme"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        library: Library,
        store: Store,
        *,
        seed: int | None = None,
        start: StartRequest = StartRequest(),
        clock: Clock = system_clock,
        theme: str = "dark",
        class_name: str | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.session = Session(store, library, clock, class_name)
        self.rng = random.Random(seed)
        self.start = start
        self.learner: Learner | None = None
        self.round: Round | None = None
        self.theme = THEMES.get(theme, THEMES["dark"])
        self._start_error = ""
        self._refused = RefusedCharacters()
        self.stopped_by: QuizError | None = None
        """The trouble with the database that ended the app, for the command to report as it reports its own."""

    def _handle_exception(self, error: Exception) -> None:
        """A QuizError nobody caught (a database another program holds or changed, a disk that fails) ends
        the app with its message and hint instead of a traceback. Textual gives no public hook for this,
        and the widget that raised has stopped taking messages, so carrying on is not an option."""
        if isinstance(error, QuizError):
            if self.stopped_by is None:
                self.stopped_by = error
                self.exit(return_code=error.exit_code)
            return
        super()._handle_exception(error)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then ours: nothing shown acts on the terminal (quiz.bank.controls)."""
        return [*super().get_line_filters(), self._refused]

    def get_default_screen(self) -> Screen[None]:
        """The first screen itself, composed with the app rather than pushed after it mounts.

        The library when --learner named someone who exists or can be added; else the learner picker.
        """
        screen: Screen[None] = self._learner_screen()
        name = self.start.learner
        if name:
            try:
                self.learner = self.session.find_or_add_learner(name)
            except QuizError as error:
                self._start_error = error.message
            else:
                screen = LibraryScreen()
        # switch_screen pops a result callback that only pushed screens get (Textualize/textual#2650);
        # give the first screen one too, as switch_screen does for the screen it switches to.
        screen._push_result_callback(screen, None)
        return screen

    def on_mount(self) -> None:
        self.set_interval(RENEW_SECONDS, self._keep_lease)
        if self.session.notice:
            self.notify(self.session.notice, title="Scores database", severity="warning", timeout=20, markup=False)
        if self._start_error:
            self.notify(self._start_error, severity="error", markup=False)
        if self.learner is not None:
            self.session.enter(self.learner)
            self._go_where_asked()

    def on_ready(self) -> None:
        """The first screen is on the terminal: what start-up made stays, collection resumes."""
        resume_collection()

    def new_seed(self) -> int:
        """Each round's seed; a fixed app seed makes every round reproducible."""
        return self.rng.randrange(1, 2**31)

    # learners and the library

    def enter_library(self, learner: Learner) -> None:
        self.session.enter(learner)
        self.learner = learner
        if isinstance(self.screen, (LearnerScreen, ClassLearnerScreen)):
            self.switch_screen(LibraryScreen())
        else:
            self.push_screen(LibraryScreen())
        self._go_where_asked()

    def _go_where_asked(self) -> None:
        from quiz.study.settings import RoundSettings

        start, self.start = self.start, StartRequest()
        bank_id = start.bank_id or ALL_BANKS
        if start.mode is not None:
            count = start.count
            if count is None and start.mode in (Mode.PRACTICE, Mode.EXAM):
                count = DEFAULT_COUNT
            self.start_round(RoundSettings(mode=start.mode, seed=self.new_seed(), bank_id=bank_id, count=count))
        elif start.bank_id is not None:
            bank = self.library.bank(start.bank_id)
            if bank is not None:
                self.call_after_refresh(self._open_setup, bank)

    def _open_setup(self, bank: Bank) -> None:
        if isinstance(self.screen, LibraryScreen):
            self.screen.open_setup(bank)

    def choose_learner(self) -> None:
        self.learner = None
        self.switch_screen(self._learner_screen())

    def _learner_screen(self) -> Screen[None]:
        """In a served class learners sign in by name and PIN; on one's own machine they pick from a list."""
        return ClassLearnerScreen() if self.session.class_name else LearnerScreen()

    def resumable(self) -> ResumableRound | None:
        return None if self.learner is None else self.session.resumable(self.learner)

    # rounds

    def start_round(self, settings: RoundSettings, replace: bool = False) -> bool:
        """Start a round and show its first question; a choice with no questions is said, not raised."""

        if self.learner is None:
            return False
        try:
            round_ = self.session.start_round(self.learner, settings)
        except QuizError as error:
            self.notify(error.message, title="No round started", severity="warning", markup=False)
            return False
        self._show_round(round_, replace)
        return True

    def resume_round(self, take_over: bool = False) -> bool:
        """Resume the unfinished round; one another copy is playing is offered only after saying so.

        A round with nothing left, or an exam whose time ran out while away, ends at once.
        """
        resumable = self.resumable()
        if resumable is None:
            return False
        resumed = self.session.resume_round(resumable, take_over)
        if isinstance(resumed, Lease):
            self._offer_take_over(resumed)
            return True
        if resumed.current is None or resumed.out_of_time:
            from quiz.study.report import report
            from quiz.tui.screens.summary import SummaryScreen

            resumed.finish()
            self.push_screen(SummaryScreen(report(resumed)))
        else:
            self._show_round(resumed, replace=False)
        return True

    def _offer_take_over(self, lease: Lease) -> None:
        from quiz.study.wording import clock_time
        from quiz.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.resume_round(take_over=True)

        self.push_screen(
            ConfirmScreen(
                "This round is open in another window",
                f"Open in another window since {clock_time(lease.since)}; take it over? "
                "That window stops before it can save another answer.",
                "Take over",
                "Cancel",
            ),
            answered,
        )

    def _keep_lease(self) -> None:
        """Renew this copy's hold on the round it plays; stop playing once another copy took it over.

        A database that cannot take the renewal now (busy, or not writable) is left for the next answer to
        report: that one renews too, and keeps the answer on screen until it is saved."""
        try:
            renewed = self.round is None or self.round.finished or self.round.renew()
        except QuizError:
            return
        if not renewed:
            self.round_taken_over()

    def round_taken_over(self) -> None:
        self.round = None
        while not isinstance(self.screen, LibraryScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        self.notify(
            "This round was taken over in another window; the answers saved so far are kept.",
            title="Round taken over",
            severity="warning",
            timeout=10,
        )

    def _show_round(self, round_: Round, replace: bool) -> None:
        from quiz.tui.screens.question import QuestionScreen

        self.round = round_
        screen = QuestionScreen(round_)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def show_summary(self, round_: Round) -> None:
        """Finish the round in the store and replace the question screen with its summary."""
        from quiz.study.report import report
        from quiz.tui.screens.summary import SummaryScreen

        round_.finish()
        self.round = None
        self.switch_screen(SummaryScreen(report(round_)))

    def confirm_leave(self, then_quit: bool = False) -> None:
        """Ask once; leaving keeps every answer given and the round stays resumable."""
        from quiz.tui.screens.confirm import ConfirmScreen

        round_ = self.round
        if round_ is None or isinstance(self.screen, ConfirmScreen):
            return
        detail = f"{saved_count(round_.answered)} Resume the round from the library with r."
        if round_.deadline is not None:
            detail += " The exam's time keeps running while you are away."
        question = "Quit the app?" if then_quit else "Leave this round?"
        yes = "Quit" if then_quit else "Leave"

        def leave(yes: bool | None) -> None:
            if not yes:
                return
            round_.release()
            self.round = None
            if then_quit:
                self.exit()
                return
            while not isinstance(self.screen, LibraryScreen) and len(self.screen_stack) > 1:
                self.pop_screen()

        self.push_screen(ConfirmScreen(question, detail, yes, "Stay"), leave)

    # keys that work everywhere

    def action_help(self) -> None:
        from quiz.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_theme(self) -> None:
        self.theme = THEMES["light"] if self.theme == THEMES["dark"] else THEMES["dark"]

    async def action_quit(self) -> None:
        """Quitting during a round asks first (once); otherwise quit at once."""
        if self.round is not None:
            self.confirm_leave(then_quit=True)
        else:
            self.exit()


def saved_count(answered: int) -> str:
    """``1 answer is saved.``, never "0 answers so far are saved"."""
    if answered == 0:
        return "No answer is saved yet."
    return "1 answer is saved." if answered == 1 else f"{answered} answers are saved."


def make_app(
    banks: Sequence[Bank] | Library,
    store: Store,
    seed: int | None = None,
    learner: str | None = None,
    bank_id: str | None = None,
    mode: str | None = None,
    count: int | None = None,
    clock: Clock = system_clock,
    theme: str = "dark",
    class_name: str | None = None,
) -> QuizApp:
    """The app for these banks and this store; CLI, tests and each served session all build it here.

    ``banks`` are the banks, or a Library of them (the bank cache's, which loads them when first needed).
    ``class_name`` makes it a served class's app: sign-in by name and PIN, rounds labelled with the class.
    """
    start = StartRequest(learner, bank_id, Mode(mode) if mode else None, count)
    library = banks if isinstance(banks, Library) else Library.of(banks)
    return QuizApp(library, store, seed=seed, start=start, clock=clock, theme=theme, class_name=class_name)
