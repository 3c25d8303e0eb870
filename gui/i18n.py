"""The English/Persian interface catalogue.

A Python dict instead of Qt .ts/.qm files: the strings are few, the catalogue is checked by
the tests (every key has both languages) and nothing has to be compiled at build time.
English is the key language; `tr(key)` returns the current language's text, and falls back to
English so a missing Persian entry shows something sensible instead of a key.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

LANGUAGES: tuple[str, ...] = ("en", "fa")

_current = "en"

# key -> (English, Persian)
CATALOGUE: dict[str, tuple[str, str]] = {
    "app.title": ("Goftar", "گفتار"),
    # menus
    "menu.file": ("&File", "&پرونده"),
    "menu.edit": ("&Edit", "&ویرایش"),
    "menu.annotate": ("&Annotate", "&برچسب‌گذاری"),
    "menu.review": ("&Review", "&بازبینی"),
    "menu.view": ("&View", "&نما"),
    "menu.help": ("&Help", "&راهنما"),
    "menu.recent": ("Recent projects", "پروژه‌های اخیر"),
    "menu.language": ("Interface language", "زبان رابط"),
    # file actions
    "act.open_project": ("Open project…", "باز کردن پروژه…"),
    "act.new_project": ("New project…", "پروژهٔ تازه…"),
    "act.import": ("Import files…", "وارد کردن پرونده‌ها…"),
    "act.import_folder": ("Import folder…", "وارد کردن پوشه…"),
    "act.export": ("Export gold JSONL…", "خروجی طلایی JSONL…"),
    "act.annotator": ("Annotator name…", "نام برچسب‌گذار…"),
    "act.quit": ("Quit", "خروج"),
    "act.undo": ("Undo", "واگرد"),
    "act.redo": ("Redo", "ازنو"),
    # annotate actions
    "act.add_quote": ("Add quote from selection", "افزودن نقل‌قول از گزینش"),
    "act.add_claim": ("Add claim from selection", "افزودن ادعا از گزینش"),
    "act.add_date": ("Add date from selection", "افزودن تاریخ از گزینش"),
    "act.new_speaker": ("New speaker from selection", "گوینده تازه از گزینش"),
    "act.add_mention": ("Add mention of the current speaker", "افزودن اشاره به گوینده جاری"),
    "act.set_cue": ("Set cue from selection", "تعیین فعل گفتار از گزینش"),
    "act.set_speaker": ("Set speaker…", "تعیین گوینده…"),
    "act.cycle_kind": ("Change quote kind", "تغییر نوع نقل‌قول"),
    "act.link_claim": ("Link claim to quote…", "پیوند ادعا به نقل‌قول…"),
    "act.start_left": ("Move start one word left", "آغاز یک واژه به چپ"),
    "act.start_right": ("Move start one word right", "آغاز یک واژه به راست"),
    "act.end_left": ("Move end one word left", "پایان یک واژه به چپ"),
    "act.end_right": ("Move end one word right", "پایان یک واژه به راست"),
    "act.span_from_selection": ("Set item range to selection", "بازه مورد برابر گزینش"),
    "act.accept": ("Accept", "پذیرش"),
    "act.reject": ("Reject", "رد"),
    "act.accept_all": ("Accept all remaining", "پذیرش همه باقی‌مانده‌ها"),
    "act.delete": ("Delete item", "حذف مورد"),
    "act.merge_speakers": ("Merge speakers…", "ادغام گوینده‌ها…"),
    "act.rename_speaker": ("Rename speaker…", "تغییر نام گوینده…"),
    "act.next_item": ("Next item", "مورد بعدی"),
    "act.prev_item": ("Previous item", "مورد قبلی"),
    "act.undo_back": ("Undo (back to %1)", "واگرد (بازگشت به %1)"),
    "act.goto_quotes": ("Go to quotes", "رفتن به نقل‌قول‌ها"),
    "act.goto_speakers": ("Go to speakers", "رفتن به گوینده‌ها"),
    "act.goto_claims": ("Go to claims", "رفتن به ادعاها"),
    "act.goto_dates": ("Go to dates", "رفتن به تاریخ‌ها"),
    # review actions
    "act.mark_reviewed": ("Mark reviewed and go to next", "علامت بازبینی‌شده و رفتن به بعدی"),
    "act.skip": ("Skip article…", "رد شدن از مقاله…"),
    "act.next_unreviewed": ("Next unreviewed article", "مقاله بازبینی‌نشده بعدی"),
    "act.prev_unreviewed": ("Previous unreviewed article", "مقاله بازبینی‌نشده قبلی"),
    "act.extract": ("Run extractor on this article", "اجرای استخراج‌گر روی این مقاله"),
    # view actions
    "act.focus_text": ("Back to the text", "بازگشت به متن"),
    "act.find": ("Filter the current panel", "پالایش پنل جاری"),
    "act.zoom_in": ("Zoom in", "بزرگ‌نمایی"),
    "act.zoom_out": ("Zoom out", "کوچک‌نمایی"),
    "act.show_rejected": ("Show rejected items", "نمایش موارد ردشده"),
    "act.legend": ("Legend", "راهنمای رنگ‌ها"),
    "act.shortcuts": ("Keyboard shortcuts", "میان‌برهای صفحه‌کلید"),
    "act.guide": ("Analyst's guide", "راهنمای تحلیلگر"),
    "act.about": ("About Goftar", "دربارهٔ گفتار"),
    "act.lang_en": ("English", "English"),
    "act.lang_fa": ("فارسی", "فارسی"),
    "act.lang_system": ("Follow system", "مطابق سیستم"),
    # panels
    "panel.quotes": ("Quotes", "نقل‌قول‌ها"),
    "panel.speakers": ("Speakers", "گوینده‌ها"),
    "panel.claims": ("Claims", "ادعاها"),
    "panel.dates": ("Dates", "تاریخ‌ها"),
    "panel.navigator": ("Articles", "مقاله‌ها"),
    "panel.legend": ("Legend", "راهنمای رنگ‌ها"),
    "panel.filter": ("Filter…", "پالایش…"),
    # navigator
    "nav.all": ("All", "همه"),
    "nav.progress": ("%v of %m reviewed", "%v از %m بازبینی‌شده"),
    "nav.next": ("Next unreviewed", "بازبینی‌نشده بعدی"),
    "nav.prev": ("Previous unreviewed", "بازبینی‌نشده قبلی"),
    "status.unreviewed": ("unreviewed", "بازبینی‌نشده"),
    "status.in_progress": ("in progress", "در حال بازبینی"),
    "status.reviewed": ("reviewed", "بازبینی‌شده"),
    "status.skipped": ("skipped", "ردشده"),
    # item statuses and kinds
    "item.suggested": ("suggested", "پیشنهادی"),
    "item.accepted": ("accepted", "پذیرفته"),
    "item.edited": ("edited", "ویرایش‌شده"),
    "item.added": ("added", "افزوده"),
    "item.rejected": ("rejected", "ردشده"),
    "kind.direct": ("direct", "مستقیم"),
    "kind.indirect": ("indirect", "غیرمستقیم"),
    "kind.mixed": ("mixed", "آمیخته"),
    "granularity.day": ("day", "روز"),
    "granularity.month": ("month", "ماه"),
    "granularity.year": ("year", "سال"),
    "granularity.range": ("range", "بازه"),
    "type.person": ("person", "شخص"),
    "type.organization": ("organization", "سازمان"),
    "type.media": ("media", "رسانه"),
    "type.group": ("group", "گروه"),
    "type.unknown": ("unknown", "نامعلوم"),
    # legend
    "legend.quote": ("Quote content", "متن نقل‌قول"),
    "legend.cue": ("Cue (speech verb)", "فعل گفتار"),
    "legend.speaker": ("Speaker mention", "اشاره به گوینده"),
    "legend.claim": ("Claim", "ادعا"),
    "legend.date": ("Date", "تاریخ"),
    "legend.suggested": ("dotted / light = suggested", "نقطه‌چین / کم‌رنگ = پیشنهادی"),
    "legend.accepted": ("solid = accepted", "پررنگ = پذیرفته"),
    "legend.focus": ("Selected speaker", "گوینده برگزیده"),
    # tooltip
    "tip.quote": ("Quote", "نقل‌قول"),
    "tip.claim": ("Claim", "ادعا"),
    "tip.date": ("Date", "تاریخ"),
    "tip.mention": ("Speaker mention", "اشاره به گوینده"),
    "tip.cue": ("Cue", "فعل گفتار"),
    "tip.speaker": ("Speaker", "گوینده"),
    "tip.status": ("Status", "وضعیت"),
    "tip.confidence": ("Confidence", "اطمینان"),
    "tip.kind": ("Kind", "نوع"),
    "tip.source": ("Source", "منبع"),
    # status bar
    "sb.saved": ("All changes saved", "همه تغییرها ذخیره شد"),
    "sb.saving": ("Saving…", "در حال ذخیره…"),
    "sb.unsaved": ("Not in a project: changes are not saved", "بیرون از پروژه: تغییرها ذخیره نمی‌شود"),
    "sb.save_failed": ("Save failed", "ذخیره ناموفق بود"),
    "sb.readonly": ("Read-only", "فقط‌خواندنی"),
    "sb.nlp_loading": ("Loading Persian NLP…", "در حال بارگذاری ابزار زبان فارسی…"),
    "sb.nlp_ready": ("Persian NLP ready", "ابزار زبان فارسی آماده است"),
    "sb.extracting": ("Extracting suggestions…", "در حال استخراج پیشنهادها…"),
    "sb.importing": ("Importing articles…", "در حال وارد کردن مقاله‌ها…"),
    "sb.opening": ("Opening the project…", "در حال باز کردن پروژه…"),
    "sb.selection": ("Selection %1–%2 (%3 chars)", "گزینش %1–%2 (%3 نویسه)"),
    "sb.cursor": ("Position %1", "موقعیت %1"),
    "sb.no_selection": ("Select text first", "نخست متنی را برگزینید"),
    "sb.no_item": ("Select an item first", "نخست موردی را برگزینید"),
    "sb.last_item": ("That was the last one here — Ctrl+Enter marks the article reviewed",
                     "این واپسین مورد بود — Ctrl+Enter مقاله را بازبینی‌شده می‌کند"),
    "sb.already_there": ("Already there: the existing item is accepted and selected",
                         "از پیش هست: همان مورد پذیرفته و برگزیده شد"),
    "sb.needs_quotes_or_claims_or_dates": ("This works on a quote, claim or date (speakers have no status)",
                                           "این برای نقل‌قول، ادعا یا تاریخ است (گوینده وضعیت ندارد)"),
    "sb.needs_quotes": ("This works on a quote (Ctrl+1)", "این برای نقل‌قول است (Ctrl+1)"),
    "sb.needs_speakers": ("This works on a speaker (Ctrl+2)", "این برای گوینده است (Ctrl+2)"),
    "sb.needs_claims": ("This works on a claim (Ctrl+3)", "این برای ادعا است (Ctrl+3)"),
    "sb.needs_quotes_or_claims": ("This works on a quote or a claim", "این برای نقل‌قول یا ادعا است"),
    "sb.needs_speakers_or_quotes": ("This works on a speaker or a quote", "این برای گوینده یا نقل‌قول است"),
    "sb.first_item": ("This is the first one", "این نخستین مورد است"),
    "sb.no_speaker": ("Select a speaker first", "نخست گوینده‌ای را برگزینید"),
    "sb.all_reviewed": ("Every article is reviewed", "همه مقاله‌ها بازبینی شده‌اند"),
    "sb.snap_failed": ("The selection holds no whole word", "گزینش هیچ واژهٔ کاملی ندارد"),
    # dialogs
    "dlg.error": ("Goftar — error", "گفتار — خطا"),
    "dlg.restored": (
        "The project was not closed cleanly last time. The last saved state has been restored; "
        "every change that was saved before is there.",
        "پروژه بار گذشته درست بسته نشد. آخرین وضعیت ذخیره‌شده بازیابی شد و همه تغییرهای ذخیره‌شده سر جای خود است.",
    ),
    "dlg.restored_title": ("Restored", "بازیابی"),
    "dlg.warnings": ("The project opened with warnings:", "پروژه با این هشدارها باز شد:"),
    "dlg.readonly": ("This project is open read-only: another Goftar is writing it.",
                     "این پروژه فقط‌خواندنی باز است: گفتار دیگری در آن می‌نویسد."),
    "dlg.locked": ("%1\n\nOpen it read-only?", "%1\n\nفقط‌خواندنی باز شود؟"),
    "dlg.unexpected": ("Something went wrong inside Goftar. Your saved work is safe; you can go on.",
                       "خطایی درون گفتار رخ داد. کار ذخیره‌شده شما سالم است و می‌توانید ادامه دهید."),
    "dlg.skip_reason": ("Why skip this article?", "چرا از این مقاله می‌گذرید؟"),
    "dlg.choose_speaker": ("Speaker:", "گوینده:"),
    "dlg.merge_into": ("Merge the current speaker into:", "ادغام گوینده جاری در:"),
    "dlg.rename": ("New name:", "نام تازه:"),
    "dlg.choose_quote": ("Quote:", "نقل‌قول:"),
    "dlg.annotator": ("Your annotator name:", "نام شما به‌عنوان برچسب‌گذار:"),
    "dlg.export_progress": ("Exporting…", "در حال خروجی گرفتن…"),
    "dlg.exported": ("Exported %1 records to %2", "%1 رکورد در %2 نوشته شد"),
    "dlg.export_unsaved": ("Edits are still being saved; nothing was exported. Try again in a moment.",
                           "ویرایش‌ها هنوز در حال ذخیره‌اند؛ خروجی گرفته نشد. کمی بعد دوباره بکوشید."),
    "dlg.import_filter": ("Articles (*.txt *.jsonl *.html *.htm);;All files (*)",
                          "مقاله‌ها (*.txt *.jsonl *.html *.htm);;همه پرونده‌ها (*)"),
    "dlg.no_article": ("%1: no article found", "%1: مقاله‌ای پیدا نشد"),
    "dlg.no_project": ("Open a project first.", "نخست پروژه‌ای را باز کنید."),
    "dlg.choose_project": ("Choose a project folder", "پوشه پروژه را برگزینید"),
    "dlg.imported": ("Imported %1 articles", "%1 مقاله وارد شد"),
    "dlg.none": ("(none)", "(هیچ)"),
    "dlg.restart": ("The interface will be in %1 from the next start of Goftar; until then this window "
                    "stays in %2. Your work is saved as usual.",
                    "رابط از اجرای بعدی گفتار به %1 خواهد بود؛ تا آن زمان این پنجره به %2 می‌ماند. "
                    "کار شما مانند همیشه ذخیره می‌شود."),
    "dlg.language_kept": ("The interface stays in %1.", "رابط به %1 می‌ماند."),
    "dlg.shortcuts_title": ("Keyboard shortcuts", "میان‌برهای صفحه‌کلید"),
    # columns
    "col.text": ("Text", "متن"),
    "col.kind": ("Kind", "نوع"),
    "col.speaker": ("Speaker", "گوینده"),
    "col.cue": ("Cue", "فعل گفتار"),
    "col.status": ("Status", "وضعیت"),
    "col.id": ("Article", "مقاله"),
    "col.title": ("Title", "عنوان"),
    "col.published": ("Published", "انتشار"),
    "col.updated": ("Reviewed", "بازبینی"),
    "col.action": ("Action", "فرمان"),
    "col.keys": ("Keys", "کلیدها"),
    "dlg.close": ("Close", "بستن"),
    "col.confidence": ("Conf.", "اطمینان"),
    "col.granularity": ("Granularity", "دقت"),
    "col.gregorian": ("Gregorian", "میلادی"),
    "col.jalali": ("Jalali", "خورشیدی"),
    "col.mentions": ("Mentions", "اشاره‌ها"),
    "col.name": ("Name", "نام"),
    "col.quote": ("Quote", "نقل‌قول"),
    "col.quotes": ("Quotes", "نقل‌قول‌ها"),
    "col.role": ("Role", "سمت"),
    "col.source": ("Source", "منبع"),
    "col.type": ("Type", "گونه"),
    # undo-menu labels, one per core command class (gui/undo.py: command_label); a ".variant" key
    # names a form of the same command. The English reads exactly as the core command's own text.
    "cmd.SetStatus": ("Set status %2 of %1", "تعیین وضعیت %2 برای %1"),
    "cmd.SetStatus.accept": ("Accept %1", "پذیرش %1"),
    "cmd.SetStatus.reject": ("Reject %1", "رد %1"),
    "cmd.AcceptAll": ("Accept all suggestions", "پذیرش همه پیشنهادها"),
    "cmd.AddQuote": ("Add %1 quote", "افزودن نقل‌قول %1"),
    "cmd.AddClaim": ("Add claim", "افزودن ادعا"),
    "cmd.AddDate": ("Add date", "افزودن تاریخ"),
    "cmd.SetKind": ("Set kind of %1 to %2", "تغییر نوع %1 به %2"),
    "cmd.SetCue": ("Set cue of %1", "تعیین فعل گفتار %1"),
    "cmd.SetCue.clear": ("Clear cue of %1", "پاک کردن فعل گفتار %1"),
    "cmd.SetSpan": ("Adjust boundary of %1", "جابه‌جایی مرز %1"),
    "cmd.SetSpan.mention": ("Adjust boundary of mention of %1", "جابه‌جایی مرز اشاره به %1"),
    "cmd.LinkClaim": ("Link claim %1", "پیوند ادعای %1"),
    "cmd.SetDateValue": ("Set value of date %1", "تعیین مقدار تاریخ %1"),
    "cmd.DeleteItem": ("Delete %1", "حذف %1"),
    "cmd.SetReviewStatus": ("Set review status %1", "تعیین وضعیت بازبینی %1"),
    "cmd.SetReviewStatus.reviewed": ("Mark reviewed", "علامت بازبینی‌شده"),
    "cmd.SetReviewStatus.skipped": ("Skip article", "رد شدن از مقاله"),
    "cmd.SetReviewStatus.in_progress": ("Start review", "آغاز بازبینی"),
    "cmd.AddMention": ("Add mention of %1", "افزودن اشاره به %1"),
    "cmd.DeleteMention": ("Delete mention of %1", "حذف اشاره به %1"),
    "cmd.NewSpeaker": ("New speaker", "گوینده تازه"),
    "cmd.NewSpeaker.quote": ("New speaker for %1", "گوینده تازه برای %1"),
    "cmd.SetSpeaker": ("Set speaker of %1 to %2", "تعیین گوینده %1: %2"),
    "cmd.SetSpeaker.none": ("Set speaker of %1 to none", "برداشتن گوینده %1"),
    "cmd.MergeSpeakers": ("Merge %1 into %2", "ادغام %1 در %2"),
    "cmd.RenameSpeaker": ("Rename speaker %1", "تغییر نام گوینده %1"),
}


def set_language(lang: str) -> None:
    """Switch the catalogue (call before building widgets; the window is rebuilt on a change)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown interface language {lang!r}; use one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    return _current


def is_rtl() -> bool:
    return _current == "fa"


def system_language() -> str:
    """'fa' when the system locale is Persian, else 'en'."""
    return "fa" if QLocale.system().language() == QLocale.Language.Persian else "en"


def tr(key: str, *args: object) -> str:
    """The current language's text for `key`; `%1`, `%2`… are replaced by `args`."""
    return tr_in(_current, key, *args)


def tr_in(lang: str, key: str, *args: object) -> str:
    """`tr` in `lang` whatever the current language (a message the analyst must read in the
    language just chosen)."""
    pair = CATALOGUE.get(key)
    text = key if pair is None else (pair[1] if lang == "fa" and pair[1] else pair[0])
    for i, a in enumerate(args, 1):
        text = text.replace(f"%{i}", str(a))
    return text


_FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def digits(value: object) -> str:
    """A number in the interface language's digits (Persian digits in the Persian UI)."""
    s = str(value)
    return s.translate(_FA_DIGITS) if _current == "fa" else s
