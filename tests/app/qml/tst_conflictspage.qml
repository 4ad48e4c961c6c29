import QtQuick
import QtTest
import Attache
import Attache.App

// Conflicts to review: the same field changed on two devices. Both values side by side, as
// plain text, with who wrote each and when; keeping one (from the keyboard) writes it to the
// record (an edit, synced like any other) and the conflict leaves the list.
TestCase {
    id: test
    name: "ConflictsPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component {
        id: pageComponent
        ConflictsPage {
            width: 1280
            height: 800
        }
    }
    SignalSpy {
        id: openSpy
        signalName: "recordActivated"
    }

    function test_bothValuesSideBySideThenKeepOne() {
        tryVerify(() => Backend.ready, 5000);
        const mission = TestFixture.firstRecord("mission");
        const winner = "Xúc tiến đầu tư <b>vào</b> Hà Tĩnh";
        const loser = "Xúc tiến thương mại nông sản";
        const winnerName = TestFixture.recordConflict("mission", mission.id, "purpose", winner, loser);
        verify(winnerName !== "");

        const page = createTemporaryObject(pageComponent, test);
        verify(page);
        const list = findChild(page, "conflictList");
        tryCompare(list, "count", 1, 5000);
        const card = list.itemAtIndex(0);
        verify(card);
        const winnerValue = findChild(card, "winnerValue");
        const loserValue = findChild(card, "loserValue");
        compare(winnerValue.text, winner);
        compare(winnerValue.textFormat, Text.PlainText);
        compare(loserValue.text, loser);
        // Side by side on a desktop.
        compare(findChild(card, "winnerBy").mapToItem(page, 0, 0).y,
                findChild(card, "loserBy").mapToItem(page, 0, 0).y);
        verify(winnerValue.mapToItem(page, 0, 0).x < loserValue.mapToItem(page, 0, 0).x);
        compare(findChild(card, "winnerBy").text,
                "By " + winnerName + ", " + Preferences.formatTimestamp(1774000800000));
        verify(findChild(card, "loserBy").text.indexOf(Preferences.formatTimestamp(1773914400000)) > 0);
        compare(findChild(card, "keepLoser").Accessible.name, "Keep “" + loser + "”");

        const keep = findChild(card, "keepLoser");
        keep.forceActiveFocus();
        keyClick(Qt.Key_Space);
        tryCompare(list, "count", 0, 5000);
        compare(TestFixture.fieldOf("mission", mission.id, "purpose"), loser);
    }
}
