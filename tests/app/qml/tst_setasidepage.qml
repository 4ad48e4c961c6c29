import QtQuick
import QtTest
import Attache
import Attache.App

// The page of set-aside changes: empty, it says that nothing waits; filled by the sync engine's
// drops (a record moved to another mission, a mission the user was removed from), each change
// says why in plain words and what the user can do, in English and Vietnamese; dismissing asks
// first, and a "keep it" keeps it. Functions run in name order, on one store.
TestCase {
    id: test
    name: "SetAsidePage"
    when: windowShown
    visible: true
    width: 390
    height: 844

    Component {
        id: pageComponent
        SetAsidePage {
            width: 390
            height: 844
        }
    }

    SignalSpy {
        id: keepSpy
        signalName: "clicked"
    }

    function cardsWithReason(page, fragment) {
        // The delegates of the list, found through their reason labels.
        const out = [];
        const list = findChild(page, "setAsideList");
        for (let i = 0; i < list.count; ++i) {
            list.positionViewAtIndex(i, ListView.Contain);
            const card = list.itemAtIndex(i);
            const reason = card ? findChild(card, "setAsideReason") : null;
            if (reason && reason.text.indexOf(fragment) >= 0)
                out.push(card);
        }
        return out;
    }

    function test_1_emptyStateSaysSo() {
        tryVerify(() => Backend.ready, 5000);
        const page = createTemporaryObject(pageComponent, test);
        verify(page);
        tryVerify(() => !page.model.loading, 5000);
        compare(page.model.count, 0);
        compare(page.title, "Changes set aside");
    }

    function test_2_reasonAndAdviceInPlainWords() {
        const page = createTemporaryObject(pageComponent, test);
        tryVerify(() => !page.model.loading, 5000);
        const contact = TestFixture.firstRecord("contact");
        verify(contact.id !== undefined);
        // The record went to a mission this user is not on: its unsent edits are set aside.
        compare(TestFixture.dropRecord("contact", contact.id), 1);
        tryCompare(page.model, "count", 1, 5000);
        let moved = cardsWithReason(page, "moved to a mission you are not a member of");
        compare(moved.length, 1);
        const reason = findChild(moved[0], "setAsideReason");
        compare(reason.textFormat, Text.PlainText);
        const advice = findChild(moved[0], "setAsideAdvice");
        compare(advice.textFormat, Text.PlainText);
        verify(advice.text.startsWith("What you can do: Copy the text and pass it to a member"),
               advice.text);
        // What was typed is all there, to copy.
        verify(findChild(moved[0], "setAsideText").text.indexOf(contact.title) >= 0 ||
               moved[0].title === contact.title);

        // Removed from a whole mission: every unsent edit of it, with its own reason.
        const dropped = TestFixture.dropReturnedMission();
        verify(dropped > 0);
        tryCompare(page.model, "count", 1 + dropped, 5000);
        const removed = cardsWithReason(page, "You were removed from this mission");
        compare(removed.length, dropped);
        verify(findChild(removed[0], "setAsideAdvice").text.indexOf("ask your manager to add you back") > 0);

        // In Vietnamese, at once.
        Preferences.language = "vi";
        tryVerify(() => cardsWithReason(page, "Anh/chị không còn là thành viên của đoàn này").length === dropped, 5000);
        moved = cardsWithReason(page, "đoàn mà anh/chị không phải là thành viên");
        compare(moved.length, 1);
        verify(findChild(moved[0], "setAsideAdvice").text.startsWith("Việc anh/chị có thể làm: "));
        Preferences.language = "en";
        tryVerify(() => cardsWithReason(page, "You were removed from this mission").length === dropped, 5000);
    }

    function test_3_dismissAsksFirst() {
        const page = createTemporaryObject(pageComponent, test);
        tryVerify(() => !page.model.loading && page.model.count > 0, 5000);
        const before = page.model.count;
        const list = findChild(page, "setAsideList");
        list.positionViewAtIndex(0, ListView.Beginning);
        const card = list.itemAtIndex(0);
        verify(card);
        const dialog = findChild(page, "confirmDismissDialog");
        verify(dialog);
        verify(!dialog.visible);

        // "Keep it": nothing changes.
        const dismiss = findChild(card, "dismissButton");
        verify(dismiss.visible && dismiss.enabled);
        // The page is new: until their layouts are polished, the card's rows and the list may
        // still move (their heights follow their wrapped text), and a click aimed at the button
        // then lands beside it.
        for (let item = dismiss; item && item !== page; item = item.parent)
            verify(waitForItemPolished(item, 5000));
        mouseClick(dismiss);
        tryCompare(dialog, "opened", true, 5000);
        verify(findChild(page, "confirmDismissText").text.indexOf(card.title) >= 0);
        compare(page.model.count, before);
        const keep = findChild(dialog.footer, "cancelDismissButton");
        keepSpy.target = keep;
        waitForRendering(dialog.contentItem); // a click before the first frame lands outside
        mouseClick(keep);
        compare(keepSpy.count, 1);
        tryCompare(dialog, "visible", false, 5000);
        wait(0);
        compare(page.model.count, before);

        // "Dismiss": gone from the list, for good.
        mouseClick(dismiss);
        tryCompare(dialog, "opened", true, 5000);
        // This time from the keyboard: the dialog's own button, then Space.
        const confirm = findChild(dialog.footer, "confirmDismissButton");
        confirm.forceActiveFocus();
        keyClick(Qt.Key_Space);
        tryCompare(page.model, "count", before - 1, 5000);
        const later = createTemporaryObject(pageComponent, test);
        tryVerify(() => !later.model.loading, 5000);
        tryCompare(later.model, "count", before - 1, 5000);
    }
}
